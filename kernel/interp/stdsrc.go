package interp

import (
	"bytes"
	"embed"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"go/types"
	"io/fs"
	"path"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing/fstest"

	"github.com/traefik/yaegi/interp"

	"github.com/ratelab/ratelab/kernel/interp/check"
	"github.com/ratelab/ratelab/kernel/interp/desugar"
	"github.com/ratelab/ratelab/kernel/interp/exportdata"
	"github.com/ratelab/ratelab/kernel/interp/std/fast"
)

// The generic packages of the standard library are interpreted source (package
// std), imported by cells under their own paths: `import "slices"` is compiled
// as `import slices "ratelab/std/slices"` (redirectStd). yaegi's own copies of
// cmp, maps and slices are never loaded (see useOverrides). The checker types
// cells' calls from Go's own packages (package exportdata); TestStdSignatures
// checks that std declares the same API.

//go:embed std/cmp std/iter std/maps std/slices std/errors
var stdSource embed.FS

// stdPrefix is the import path under which the session serves package std's
// packages, found in the GOPATH of stdFS.
const stdPrefix = "ratelab/std/"

// stdPackages are the standard packages cells get from package std.
var stdPackages = map[string]bool{"cmp": true, "iter": true, "maps": true, "slices": true, "errors": true}

// stdGoPath is the GOPATH of the session's interpreter, in stdFS.
const stdGoPath = "gopath"

// stdFS is package std's source as yaegi reads it: GOPATH/src/ratelab/std/<name>,
// without the tests, with the imports of cmp and iter redirected like a cell's.
var stdFS = func() fs.FS {
	files := fstest.MapFS{}
	err := fs.WalkDir(stdSource, "std", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		src, err := stdSource.ReadFile(p)
		if err != nil {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, p, src, parser.ParseComments)
		if err != nil {
			return err
		}
		for _, is := range f.Imports {
			if is.Path.Value != `"errors"` { // std's errors wraps the compiled one
				redirectStd(is)
			}
		}
		// cmp.Ordered and slices' constraints of ordered types: yaegi
		// rejected a compiled package's type (slices.Sort of a
		// []time.Duration) with a compiler panic.
		desugar.DropBasicTerms(f, desugar.PredeclaredBasic)
		var b bytes.Buffer
		if err := printer.Fprint(&b, fset, f); err != nil {
			return err
		}
		files[path.Join(stdGoPath, "src", "ratelab", p)] = &fstest.MapFile{Data: b.Bytes(), Mode: 0o444}
		return nil
	})
	if err != nil {
		panic("interp: package std: " + err.Error())
	}
	return files
}()

// stdFast is package fast's table, for package std's slices and errors.
var stdFast = interp.Exports{
	"github.com/ratelab/ratelab/kernel/interp/std/fast/fast": {
		"Sort":      reflect.ValueOf(fast.Sort),
		"SortFunc":  reflect.ValueOf(fast.SortFunc),
		"ErrorTree": reflect.ValueOf(fast.ErrorTree),
		"AsMethod":  reflect.ValueOf(fast.AsMethod),
		"Interfaces": reflect.ValueOf(func(x any) bool {
			return fast.Interfaces(x) || x != nil && valueInterfaceType(reflect.TypeOf(x).Elem())
		}),
		"Equal":  reflect.ValueOf(equal),
		"Bounds": reflect.ValueOf(fast.Bounds),
	},
}

// runtimePath is the path the interpreter has the package at ipath under.
func runtimePath(ipath string) string {
	if stdPackages[ipath] {
		return stdPrefix + ipath
	}
	return ipath
}

// redirectStd makes an import of a standard package that package std provides
// import std's, under the package's own name. The checker has seen the import
// as the cell wrote it, and typed it from Go's own package.
func redirectStd(is *ast.ImportSpec) {
	ipath, err := strconv.Unquote(is.Path.Value)
	if err != nil || !stdPackages[ipath] {
		return
	}
	if is.Name == nil {
		is.Name = &ast.Ident{NamePos: is.Path.Pos(), Name: ipath}
	}
	is.Path = &ast.BasicLit{ValuePos: is.Path.Pos(), Kind: token.STRING, Value: strconv.Quote(runtimePath(ipath))}
}

// userImportPath is the path a cell wrote for ipath, which redirectStd may have
// changed.
func userImportPath(ipath string) string {
	if p, ok := strings.CutPrefix(ipath, stdPrefix); ok && stdPackages[p] {
		return p
	}
	return ipath
}

// stdNames lists the exported top-level names of package std's packages, by the
// import path cells use.
var stdNames = sync.OnceValue(func() map[string]map[string]bool {
	pkgs := map[string]map[string]bool{}
	err := fs.WalkDir(stdSource, "std", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		ipath := path.Base(path.Dir(p))
		if !stdPackages[ipath] {
			return nil
		}
		src, err := stdSource.ReadFile(p)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, src, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		names := pkgs[ipath]
		if names == nil {
			names = map[string]bool{}
			pkgs[ipath] = names
		}
		for _, d := range f.Decls {
			for _, id := range check.DeclaredNames(d) {
				if id.IsExported() {
					names[id.Name] = true
				}
			}
		}
		return nil
	})
	if err != nil {
		panic("interp: package std: " + err.Error())
	}
	return pkgs
})

// cellImporter is the checker's importer: the compiled packages' export data,
// and for a package left out on purpose (unavailable), the reason.
type cellImporter struct{ *exportdata.Importer }

// unavailable gives the reason cells cannot import a standard package the
// export data leaves out, beside the general one (exportdata.NotFoundError).
var unavailable = map[string]string{
	"syscall": "its API differs from one platform to another and reaches below the Go runtime the session shares with the kernel; " +
		"use os, os/exec, os/signal or time",
}

func (im cellImporter) Import(path string) (*types.Package, error) { return im.ImportFrom(path, "", 0) }

func (im cellImporter) ImportFrom(path, dir string, mode types.ImportMode) (*types.Package, error) {
	if why, ok := unavailable[path]; ok {
		return nil, fmt.Errorf("package %s is not available in cells: %s", path, why)
	}
	return im.Importer.ImportFrom(path, dir, mode)
}
