// Package datasets holds the data ratelab's curated notebooks use, embedded in the
// binary: a synthetic release-stability history in Mozilla's error_aggregates schema
// with documented effects planted in it. README.md in this directory is its data card;
// package synth generates it (go run ./datasets/gen -out datasets/).
package datasets

import (
	"embed"
	"io"
)

//go:generate go run ./gen -out .

// File names in FS.
const (
	// MainFile is the history: gzip-compressed CSV, one row per window × channel ×
	// build × platform × country (× experiment branch).
	MainFile = "error_aggregates.csv.gz"
	// ReleasesFile lists every build offered (channel, version, build id, major and
	// release time), plain CSV.
	ReleasesFile = "releases.csv"
)

// FS holds MainFile and ReleasesFile.
//
//go:embed error_aggregates.csv.gz releases.csv
var FS embed.FS

// Open opens the named file of FS as it is stored: MainFile stays gzip-compressed,
// so a loader that detects compression by name or magic bytes reads it directly.
func Open(name string) (io.ReadCloser, error) {
	return FS.Open(name)
}
