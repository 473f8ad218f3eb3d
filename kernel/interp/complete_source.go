package interp

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"path"
	"strconv"
	"strings"
)

// sourceDecl is a name a cell's source declares, as completion and inspection show it.
type sourceDecl struct {
	kind string // "function", "type", "variable" or "const"
	sig  string // a function's parameters and results, a variable's written type
	decl string // the declaration as written, without a function's body
	doc  string // its doc comment
}

// sourceDecls are the names and imports read from cells' source: what yaegi keeps to
// itself (unexported functions, types under their own names, imports and their
// names) and what a cell being typed declares before the cursor.
type sourceDecls struct {
	names   map[string]sourceDecl
	imports map[string]string // name to import path
}

func newSourceDecls() *sourceDecls {
	return &sourceDecls{names: map[string]sourceDecl{}, imports: map[string]string{}}
}

// add reads the top-level declarations of code, a later one of a name replacing an
// earlier one, as the session does. Pieces that do not parse (the one being typed,
// a cell that failed) are skipped.
func (d *sourceDecls) add(code string) {
	for _, piece := range topLevelPieces(code) {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "", "package p\n"+piece, parser.ParseComments|parser.SkipObjectResolution)
		if err == nil {
			d.addFile(fset, f)
			continue
		}
		f, err = parser.ParseFile(fset, "", "package p\nfunc _() {\n"+piece+"\n}", parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		for _, st := range f.Decls[0].(*ast.FuncDecl).Body.List {
			if as, ok := st.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
				for _, lhs := range as.Lhs {
					if id, ok := lhs.(*ast.Ident); ok && id.Name != "_" {
						d.names[id.Name] = sourceDecl{kind: "variable"}
					}
				}
			}
		}
	}
}

// addFile reads the imports and declarations of a parsed piece.
func (d *sourceDecls) addFile(fset *token.FileSet, f *ast.File) {
	for _, imp := range f.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue
		}
		name := path.Base(p)
		if imp.Name != nil {
			name = imp.Name.Name
		} else if pkg := builtinPackages().byPath[p]; pkg != nil {
			name = pkg.name // math/rand/v2 is rand
		}
		if name != "_" && name != "." {
			d.imports[name] = p
		}
	}
	show := func(n ast.Node) string {
		var b bytes.Buffer
		printer.Fprint(&b, fset, n) // into memory, of a node the parser made: cannot fail
		return b.String()
	}
	for _, decl := range f.Decls {
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			if decl.Recv != nil || decl.Name.Name == "_" {
				continue // methods are listed with their type's values
			}
			c := *decl
			c.Doc, c.Body = nil, nil
			d.names[decl.Name.Name] = sourceDecl{
				kind: "function",
				sig:  strings.TrimPrefix(show(decl.Type), "func"),
				decl: show(&c),
				doc:  decl.Doc.Text(),
			}
		case *ast.GenDecl:
			for _, spec := range decl.Specs {
				doc := decl.Doc.Text()
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					if spec.Doc != nil {
						doc = spec.Doc.Text()
					}
					c := *spec
					c.Doc, c.Comment = nil, nil
					d.names[spec.Name.Name] = sourceDecl{kind: "type", decl: "type " + show(&c), doc: doc}
				case *ast.ValueSpec:
					if spec.Doc != nil {
						doc = spec.Doc.Text()
					}
					kind, typ := "variable", ""
					if decl.Tok == token.CONST {
						kind = "const"
					}
					if spec.Type != nil {
						typ = show(spec.Type)
					}
					c := *spec
					c.Doc, c.Comment = nil, nil
					text := decl.Tok.String() + " " + show(&c)
					for _, id := range spec.Names {
						if id.Name != "_" {
							d.names[id.Name] = sourceDecl{kind: kind, sig: typ, decl: text, doc: doc}
						}
					}
				}
			}
		}
	}
}
