// Command gen writes the documentation file package docs embeds: for every package in
// the session's symbol tables (kernel/interp/symbols), the package doc and, for each
// exported name, its declaration and doc comment, extracted from the package's source
// with go/doc; methods of types are included as "Type.Method", and the examples of
// ratelab's own packages.
//
// Usage (from kernel/interp/docs, as its go:generate line does):
//
//	go run ./gen [-o docs.json.gz]
//
// It needs the Go toolchain and the module cache (it runs `go list` to find the
// sources). The output is deterministic, so that a test can regenerate and compare.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/printer"
	"go/token"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/ratelab/ratelab/kernel/interp/docs"
	"github.com/ratelab/ratelab/kernel/interp/symbols"
)

func main() {
	out := flag.String("o", "docs.json.gz", "file to write")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("docs/gen: ")

	// "builtin" documents Go's predeclared names (len, append, error) for inspection.
	listed, err := goList(append(tablePaths(symbols.Symbols), "builtin"))
	if err != nil {
		log.Fatal(err)
	}
	var f docs.File
	for _, lp := range listed {
		p, err := extract(lp)
		if err != nil {
			log.Fatal(err)
		}
		f.Packages = append(f.Packages, p)
	}
	b, err := encode(&f)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
}

// tablePaths returns the import paths of yaegi symbol tables ("path/name" keys).
func tablePaths(tables map[string]map[string]reflect.Value) []string {
	var paths []string
	for key := range tables {
		if i := strings.LastIndexByte(key, '/'); i >= 0 { // not yaegi's own "." entry
			paths = append(paths, key[:i])
		}
	}
	sort.Strings(paths)
	return paths
}

// listedPackage is what `go list -json` tells about one package.
type listedPackage struct {
	ImportPath   string
	Dir          string
	GoFiles      []string
	CgoFiles     []string
	TestGoFiles  []string
	XTestGoFiles []string
	Error        *struct{ Err string }
}

// examplesFrom is the module whose packages' examples are kept: ratelab's own.
const examplesFrom = "github.com/ratelab/ratelab/"

// goList finds the source files of paths. A path go list cannot resolve (a short
// alias such as "display") is left out: its docs are found under the full path.
func goList(paths []string) ([]listedPackage, error) {
	args := append([]string{"list", "-e", "-json=ImportPath,Dir,GoFiles,CgoFiles,TestGoFiles,XTestGoFiles,Error"}, paths...)
	cmd := exec.Command("go", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %v: %s", err, stderr.String())
	}
	var pkgs []listedPackage
	dec := json.NewDecoder(bytes.NewReader(b))
	for dec.More() {
		var p listedPackage
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("go list: decode output: %v", err)
		}
		if p.Error != nil || p.Dir == "" {
			continue
		}
		pkgs = append(pkgs, p)
	}
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].ImportPath < pkgs[j].ImportPath })
	return pkgs, nil
}

// extract documents the exported names of one package, and the exported methods of
// its types. All of them, not only those the symbol table holds (yaegi's extract
// leaves generic functions out): so that adding a function to a package changes its
// docs whether or not the tables were regenerated first.
func extract(lp listedPackage) (*docs.Package, error) {
	fset := token.NewFileSet()
	var files []*ast.File
	names := append(append([]string(nil), lp.GoFiles...), lp.CgoFiles...)
	if strings.HasPrefix(lp.ImportPath, examplesFrom) {
		names = append(append(names, lp.TestGoFiles...), lp.XTestGoFiles...)
	}
	for _, name := range names {
		path := filepath.Join(lp.Dir, name)
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %v", path, err)
		}
		files = append(files, f)
	}
	// doc.NewFromFiles drops unexported names and struct fields from the AST, so the
	// declarations printed below show only what a cell can use.
	var mode doc.Mode
	if lp.ImportPath == "builtin" {
		mode = doc.AllDecls // its names are lower-case, and documented all the same
	}
	dp, err := doc.NewFromFiles(fset, files, lp.ImportPath, mode)
	if err != nil {
		return nil, fmt.Errorf("go/doc %s: %v", lp.ImportPath, err)
	}
	pr := declPrinter{fset: fset}
	p := &docs.Package{Path: lp.ImportPath, Name: dp.Name, Doc: dp.Doc}
	add := func(name, kind, decl, docText string, examples []*doc.Example) {
		p.Symbols = append(p.Symbols, docs.Symbol{
			Name: name, Kind: kind, Decl: decl, Doc: docText, Examples: pr.examples(examples),
		})
	}
	addFuncs := func(fs []*doc.Func) {
		for _, f := range fs {
			add(f.Name, docs.Func, pr.funcDecl(f.Decl), f.Doc, f.Examples)
		}
	}
	addValues := func(vs []*doc.Value) {
		for _, v := range vs {
			for _, name := range v.Names {
				decl, specDoc := pr.valueDecl(v.Decl, name)
				kind := docs.Var
				if v.Decl.Tok == token.CONST {
					kind = docs.Const
				}
				add(name, kind, decl, joinDocs(v.Doc, specDoc), nil)
			}
		}
	}
	addValues(dp.Consts)
	addValues(dp.Vars)
	addFuncs(dp.Funcs)
	for _, t := range dp.Types {
		addValues(t.Consts)
		addValues(t.Vars)
		addFuncs(t.Funcs)
		add(t.Name, docs.Type, pr.typeDecl(t.Decl, t.Name), t.Doc, t.Examples)
		for _, m := range t.Methods {
			add(t.Name+"."+m.Name, docs.Method, pr.funcDecl(m.Decl), m.Doc, m.Examples)
		}
	}
	sort.Slice(p.Symbols, func(i, j int) bool { return p.Symbols[i].Name < p.Symbols[j].Name })
	return p, nil
}

// joinDocs joins a group's doc and a spec's own doc, either of which may be empty.
func joinDocs(group, spec string) string {
	switch {
	case group == "":
		return spec
	case spec == "":
		return group
	}
	return group + "\n" + spec
}

// declPrinter prints declarations as gofmt does, with the comments attached to what
// they still hold (struct field docs) but without their own doc comment or function
// bodies. Comments of the fields go/doc filtered out are dropped with them; go/printer
// marks such a struct with "// contains filtered or unexported fields".
type declPrinter struct {
	fset *token.FileSet
}

func (pr declPrinter) print(node ast.Node) string {
	var comments []*ast.CommentGroup
	ast.Inspect(node, func(n ast.Node) bool {
		if cg, ok := n.(*ast.CommentGroup); ok {
			comments = append(comments, cg)
		}
		return true
	})
	return pr.printWith(node, comments)
}

func (pr declPrinter) printWith(node ast.Node, comments []*ast.CommentGroup) string {
	sort.Slice(comments, func(i, j int) bool { return comments[i].Pos() < comments[j].Pos() })
	var buf bytes.Buffer
	cfg := printer.Config{Mode: printer.UseSpaces | printer.TabIndent, Tabwidth: 8}
	if err := cfg.Fprint(&buf, pr.fset, &printer.CommentedNode{Node: node, Comments: comments}); err != nil {
		log.Fatalf("print %T at %s: %v", node, pr.fset.Position(node.Pos()), err)
	}
	return strings.TrimSpace(buf.String())
}

func (pr declPrinter) funcDecl(d *ast.FuncDecl) string {
	c := *d
	c.Doc, c.Body = nil, nil
	return pr.print(&c)
}

func (pr declPrinter) typeDecl(d *ast.GenDecl, name string) string {
	for _, s := range d.Specs {
		if ts := s.(*ast.TypeSpec); ts.Name.Name == name {
			c := *ts
			c.Doc = nil
			return "type " + pr.print(&c)
		}
	}
	return ""
}

// examples prints the body of each example function, as go doc shows it.
func (pr declPrinter) examples(exs []*doc.Example) []docs.Example {
	var out []docs.Example
	for _, ex := range exs {
		// The output comment is shown as the output, not in the code.
		var comments []*ast.CommentGroup
		for _, cg := range ex.Comments {
			if t := strings.ToLower(cg.Text()); !strings.HasPrefix(t, "output:") && !strings.HasPrefix(t, "unordered output:") {
				comments = append(comments, cg)
			}
		}
		code := pr.printWith(ex.Code, comments)
		if _, ok := ex.Code.(*ast.BlockStmt); ok {
			code = unindent(strings.TrimSuffix(strings.TrimPrefix(code, "{"), "}"))
		}
		out = append(out, docs.Example{Suffix: ex.Suffix, Code: code, Output: ex.Output})
	}
	return out
}

// unindent trims the blank lines around a block's body and one tab from each line.
func unindent(body string) string {
	lines := strings.Split(strings.Trim(body, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, "\t")
	}
	return strings.Join(lines, "\n")
}

// maxGroupLines bounds the size of a const or var group printed whole: a short group
// (an iota enumeration) reads best whole, a long one is cut to the name's own spec.
const maxGroupLines = 12

// valueDecl prints the const or var declaration of name, and returns the doc of its
// own spec.
func (pr declPrinter) valueDecl(d *ast.GenDecl, name string) (decl, specDoc string) {
	var spec *ast.ValueSpec
	for _, s := range d.Specs {
		vs := s.(*ast.ValueSpec)
		for _, n := range vs.Names {
			if n.Name == name {
				spec = vs
			}
		}
	}
	if spec.Doc != nil {
		specDoc = spec.Doc.Text()
	}
	c := *d
	c.Doc = nil
	if whole := pr.print(&c); strings.Count(whole, "\n") < maxGroupLines {
		return whole, specDoc
	}
	s := *spec
	s.Doc = nil
	return d.Tok.String() + " " + pr.print(&s), specDoc
}

// encode writes f as gzip-compressed JSON; gzip with no name or time in its header
// keeps the bytes the same from run to run.
func encode(f *docs.File) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if err := json.NewEncoder(zw).Encode(f); err != nil {
		return nil, fmt.Errorf("encode docs: %v", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compress docs: %v", err)
	}
	return buf.Bytes(), nil
}
