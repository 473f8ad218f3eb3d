// Command gen writes packages.zip, the export data of every package a ratelab
// cell can import (see package exportdata).
//
// Usage (from kernel/interp/exportdata, as its go:generate line does):
//
//	go run ./gen [-o packages.zip]
//
// The packages are those of the interpreter's symbol tables (package symbols) and
// the generic standard packages the interpreter runs from source. Their export
// data comes from the Go toolchain (go list -export), is read with go/importer and
// written again with gcexportdata in its indexed form: types only, no function
// bodies, each package with the parts of its dependencies that its API mentions.
package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/importer"
	"go/token"
	"io"
	"log"
	"os"
	"os/exec"
	"sort"
	"strings"

	"golang.org/x/tools/go/gcexportdata"

	"github.com/ratelab/ratelab/kernel/interp/symbols"
)

// interpreted lists the standard packages cells import that the interpreter runs
// from Go source rather than from a symbol table: all their API is generic, which
// symbol tables cannot hold. The checker needs their types all the same.
var interpreted = []string{"cmp", "maps", "slices"}

func main() {
	out := flag.String("o", "packages.zip", "the archive to write")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("exportdata/gen: ")
	b, err := Archive(Packages())
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
}

// Packages lists the import paths cells can import, sorted.
func Packages() []string {
	seen := map[string]bool{}
	for key := range symbols.Symbols {
		// Keys are "import/path/name"; "." holds yaegi's wrapping hints.
		if i := strings.LastIndex(key, "/"); i > 0 {
			seen[key[:i]] = true
		}
	}
	for _, p := range interpreted {
		seen[p] = true
	}
	paths := make([]string, 0, len(seen))
	for p := range seen {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return paths
}

// Archive returns the zip archive of the export data of paths, one entry per
// path, in a form that depends on nothing but the packages' APIs.
func Archive(paths []string) ([]byte, error) {
	exports, err := exportFiles(paths)
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
		f, ok := exports[path]
		if !ok {
			return nil, fmt.Errorf("no export data for %s", path)
		}
		return os.Open(f)
	})
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, path := range paths {
		pkg, err := imp.Import(path)
		if err != nil {
			return nil, fmt.Errorf("import %s: %w", path, err)
		}
		// Modified is left zero: the archive is the same for the same APIs.
		w, err := zw.CreateHeader(&zip.FileHeader{Name: path, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if err := gcexportdata.Write(w, fset, pkg); err != nil {
			return nil, fmt.Errorf("write %s: %w", path, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// exportFiles returns the compiler's export data file of each of paths and of
// their dependencies, building what is not in the build cache. -trimpath keeps
// the checkout's and module cache's absolute paths out of the positions the
// export data records, so that the archive is the same on every machine.
func exportFiles(paths []string) (map[string]string, error) {
	cmd := exec.Command("go", append([]string{"list", "-trimpath", "-export", "-deps", "-json=ImportPath,Export,Error"}, paths...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list -export: %v: %s", err, stderr.String())
	}
	files := map[string]string{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p struct {
			ImportPath, Export string
			Error              *struct{ Err string }
		}
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("go list -export: %w", err)
		}
		if p.Error != nil {
			return nil, fmt.Errorf("go list -export: %s: %s", p.ImportPath, p.Error.Err)
		}
		files[p.ImportPath] = p.Export
	}
	return files, nil
}
