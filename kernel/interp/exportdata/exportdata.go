// Package exportdata holds the type information of every compiled package a
// ratelab cell can import, so that cells are type-checked by go/types with no Go
// toolchain at run time: the kernel's binary, and the Docker image, carry no
// GOROOT.
//
// packages.zip is generated (go generate, ./gen) from the export data the Go
// toolchain writes when it compiles the packages of kernel/interp/symbols, plus the
// generic standard packages the interpreter runs from source (cmp, maps, slices).
// It holds one entry per import path, in the indexed format of
// golang.org/x/tools/go/gcexportdata: each entry carries the package and the parts
// of its dependencies its API mentions, so a package loads on its own, when a cell
// first imports it.
package exportdata

import (
	"archive/zip"
	"bytes"
	_ "embed"
	"fmt"
	"go/token"
	"go/types"
	"sort"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
)

//go:generate go run ./gen -o packages.zip

//go:embed packages.zip
var archive []byte

// An Importer loads packages from the embedded export data. It implements
// types.ImporterFrom and is safe for concurrent use. The packages it returns are
// shared by everything that imports through it: go/types never changes an imported
// package.
type Importer struct {
	once  sync.Once
	files map[string]*zip.File
	err   error

	mu       sync.Mutex
	fset     *token.FileSet
	packages map[string]*types.Package
	aliases  map[string]string
}

// Default is the importer of the process: loaded packages are kept, so a second
// session imports them for free.
var Default = New(map[string]string{"display": "github.com/ratelab/ratelab/kernel/display"})

// New returns an importer over the embedded export data. aliases maps extra import
// paths to the packages they stand for (cells import the display helpers as
// "display").
func New(aliases map[string]string) *Importer {
	return &Importer{fset: token.NewFileSet(), packages: map[string]*types.Package{}, aliases: aliases}
}

func (im *Importer) open() error {
	im.once.Do(func() {
		r, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
		if err != nil {
			im.err = fmt.Errorf("exportdata: read the embedded archive: %w", err)
			return
		}
		im.files = make(map[string]*zip.File, len(r.File))
		for _, f := range r.File {
			im.files[f.Name] = f
		}
	})
	return im.err
}

// Has reports whether path can be imported.
func (im *Importer) Has(path string) bool {
	if path == "unsafe" {
		return true
	}
	if to, ok := im.aliases[path]; ok {
		path = to
	}
	if im.open() != nil {
		return false
	}
	_, ok := im.files[path]
	return ok
}

// Paths lists the import paths the archive holds, sorted.
func (im *Importer) Paths() []string {
	if im.open() != nil {
		return nil
	}
	paths := make([]string, 0, len(im.files))
	for p := range im.files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return paths
}

// Import returns the package at path.
func (im *Importer) Import(path string) (*types.Package, error) {
	return im.ImportFrom(path, "", 0)
}

// ImportFrom returns the package at path; dir and mode are ignored (cells have no
// directory and no vendoring).
func (im *Importer) ImportFrom(path, _ string, _ types.ImportMode) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if to, ok := im.aliases[path]; ok {
		path = to
	}
	if err := im.open(); err != nil {
		return nil, err
	}
	im.mu.Lock()
	defer im.mu.Unlock()
	if p := im.packages[path]; p != nil && p.Complete() {
		return p, nil
	}
	f, ok := im.files[path]
	if !ok {
		return nil, &NotFoundError{Path: path}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("exportdata: %s: %w", path, err)
	}
	defer rc.Close()
	p, err := gcexportdata.Read(rc, im.fset, im.packages, path)
	if err != nil {
		return nil, fmt.Errorf("exportdata: %s: %w", path, err)
	}
	return p, nil
}

// NotFoundError is the error of importing a package that is not compiled in.
type NotFoundError struct{ Path string }

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("package %s is not built into ratelab (cells can import the standard library, gota, gonum, plot, analysis, datasets and display; %%help lists them)", e.Path)
}
