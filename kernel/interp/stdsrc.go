package interp

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"io/fs"
	"path"
	"reflect"
	"strconv"
	"strings"
	"testing/fstest"

	"github.com/traefik/yaegi/interp"

	"github.com/ratelab/ratelab/kernel/interp/std/fast"
	"github.com/ratelab/ratelab/kernel/interp/symbols"
)

// The generic packages of the standard library are interpreted source (package
// std), imported by cells under their own paths: `import "slices"` is compiled
// as `import slices "ratelab/std/slices"` (redirectStd). yaegi's own copies of
// cmp, maps and slices stay loaded under the plain paths, unused.

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
	},
}

// redirectStd makes an import of a standard package that package std provides
// import std's, under the package's own name.
func redirectStd(is *ast.ImportSpec) {
	ipath, err := strconv.Unquote(is.Path.Value)
	if err != nil || !stdPackages[ipath] {
		return
	}
	if is.Name == nil {
		is.Name = &ast.Ident{NamePos: is.Path.Pos(), Name: ipath}
	}
	is.Path = &ast.BasicLit{ValuePos: is.Path.Pos(), Kind: token.STRING, Value: strconv.Quote(stdPrefix + ipath)}
}

// userImportPath is the path a cell wrote for ipath, which redirectStd may have
// changed.
func userImportPath(ipath string) string {
	if p, ok := strings.CutPrefix(ipath, stdPrefix); ok && stdPackages[p] {
		return p
	}
	return ipath
}

// importable returns nil if cells can import ipath, or an error that says why
// not: yaegi's own message asks for a GOPATH, which is no help in a notebook.
func importable(ipath string) error {
	switch {
	case stdPackages[ipath], ipath == "unsafe", ipath == "display", ipath == rtPath:
		return nil
	case ipath == "syscall":
		return errors.New(`package "syscall" is not available in cells: its API differs from one platform to another and ` +
			`reaches below the Go runtime the session shares with the kernel; use os, os/exec, os/signal or time`)
	}
	if _, ok := symbols.Symbols[ipath+"/"+path.Base(ipath)]; ok {
		return nil
	}
	return fmt.Errorf("package %q is not available in cells: a cell can import the standard library, gota, gonum, "+
		"gonum/plot, ratelab's analysis and datasets, and display (%%help lists them)", ipath)
}
