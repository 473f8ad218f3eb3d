// Package notebooks holds ratelab's curated investigations, built into the binary so
// that `ratelab run` with no arguments executes them anywhere, with nothing else
// installed. The same files are the ones Jupyter opens from this directory.
package notebooks

import (
	"embed"
	"io/fs"
)

// FS holds the curated notebooks, at its root under their file names.
//
//go:embed *.ipynb
var FS embed.FS

// Names lists the curated notebooks in reading order: their names start with a
// two-digit number, and fs.ReadDir sorts by name.
func Names() []string {
	entries, err := fs.ReadDir(FS, ".")
	if err != nil {
		// ReadDir of an embed.FS root cannot fail; a failure is a build defect.
		panic("notebooks: " + err.Error())
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}
