package interp

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/scanner"
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

	// For a variable not yet run, what tells its type: the expression it is set to
	// (x := df.Col("a")), or its type (var x pkg.T, x := pkg.T{}, x := &pkg.T{}).
	value, typ []step
	pointer    bool // typ is *typ
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
			as, ok := st.(*ast.AssignStmt)
			if !ok || as.Tok != token.DEFINE {
				continue
			}
			for i, lhs := range as.Lhs {
				id, ok := lhs.(*ast.Ident)
				if !ok || id.Name == "_" {
					continue
				}
				v := sourceDecl{kind: "variable"}
				// Only x := e and the first of x, err := f() have a type e tells.
				if len(as.Rhs) == len(as.Lhs) || i == 0 {
					v.setValue(as.Rhs[min(i, len(as.Rhs)-1)])
				}
				d.names[id.Name] = v
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
					for i, id := range spec.Names {
						if id.Name == "_" {
							continue
						}
						v := sourceDecl{kind: kind, sig: typ, decl: text, doc: doc}
						if spec.Type != nil {
							v.setType(spec.Type)
						} else if len(spec.Values) == len(spec.Names) {
							v.setValue(spec.Values[i])
						}
						d.names[id.Name] = v
					}
				}
			}
		}
	}
}

// setValue records what tells the type of a variable set to e.
func (d *sourceDecl) setValue(e ast.Expr) {
	switch e := e.(type) {
	case *ast.CompositeLit:
		d.setType(e.Type)
	case *ast.UnaryExpr:
		if lit, ok := e.X.(*ast.CompositeLit); ok && e.Op == token.AND {
			d.setType(lit.Type)
			d.pointer = true
		}
	default:
		d.value = exprSteps(e)
	}
}

// setType records a variable's written type, when it names a type of a package.
func (d *sourceDecl) setType(e ast.Expr) {
	if star, ok := e.(*ast.StarExpr); ok {
		d.pointer, e = true, star.X
	}
	d.typ = exprSteps(e)
}

// exprSteps turns a selector expression with calls (df.Col("a").Float()) into
// steps, or returns nil for any other expression.
func exprSteps(e ast.Expr) []step {
	switch e := e.(type) {
	case *ast.Ident:
		return []step{{e.Name, false}}
	case *ast.SelectorExpr:
		if x := exprSteps(e.X); x != nil {
			return append(x, step{e.Sel.Name, false})
		}
	case *ast.CallExpr:
		if f := exprSteps(e.Fun); f != nil && !f[len(f)-1].call {
			f[len(f)-1].call = true
			return f
		}
	case *ast.ParenExpr:
		return exprSteps(e.X)
	}
	return nil
}

// addEnclosing adds what the blocks the end of code lies in declare before it: the
// parameters (and receiver) of their functions, with the types they are declared
// with, and the variables their statements declare. In
// `func f(df dataframe.DataFrame) { col := df.Col("a"); col.M`, df and col complete.
// A function's body is the brace that follows its signature at the depth of its func
// keyword.
func (d *sourceDecls) addEnclosing(code string) {
	src := []byte(code)
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var scn scanner.Scanner
	scn.Init(file, src, func(token.Position, string) {}, 0)
	type pending struct{ at, depth int } // a func keyword waiting for its body
	type brace struct{ at, fn int }      // an open brace, and its function's keyword or -1
	var funcs []pending
	var braces []brace
	depth := 0
	for {
		pos, tok, _ := scn.Scan()
		if tok == token.EOF {
			break
		}
		switch tok {
		case token.FUNC:
			funcs = append(funcs, pending{file.Offset(pos), depth})
		case token.LBRACE:
			b := brace{at: file.Offset(pos), fn: -1}
			if n := len(funcs); n > 0 && funcs[n-1].depth == depth {
				b.fn, funcs = funcs[n-1].at, funcs[:n-1]
			}
			braces = append(braces, b)
			depth++
		case token.LPAREN, token.LBRACK:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
			if tok == token.RBRACE && len(braces) > 0 {
				braces = braces[:len(braces)-1]
			}
			// A func type in a signature (f func(int) int) has no body.
			for len(funcs) > 0 && funcs[len(funcs)-1].depth > depth {
				funcs = funcs[:len(funcs)-1]
			}
		}
	}
	for _, b := range braces {
		if b.fn >= 0 {
			d.addSignature(code[b.fn:b.at])
		}
		d.add(code[b.at+1:])
	}
}

// addSignature adds the parameters and receiver of a function declaration's or
// literal's signature ("func (t T) f(a int, df dataframe.DataFrame)").
func (d *sourceDecls) addSignature(sig string) {
	fset := token.NewFileSet()
	var ft *ast.FuncType
	var recv *ast.FieldList
	if f, err := parser.ParseFile(fset, "", "package p\n"+sig+" {}", parser.SkipObjectResolution); err == nil {
		if fd, ok := f.Decls[0].(*ast.FuncDecl); ok {
			ft, recv = fd.Type, fd.Recv
		}
	} else if f, err := parser.ParseFile(fset, "", "package p\nvar _ = "+sig+" {}", parser.SkipObjectResolution); err == nil {
		if lit, ok := f.Decls[0].(*ast.GenDecl).Specs[0].(*ast.ValueSpec).Values[0].(*ast.FuncLit); ok {
			ft = lit.Type
		}
	}
	if ft == nil {
		return
	}
	for _, fl := range []*ast.FieldList{recv, ft.Params} {
		if fl == nil {
			continue
		}
		for _, field := range fl.List {
			var b bytes.Buffer
			printer.Fprint(&b, fset, field.Type) // into memory, of a parsed node: cannot fail
			for _, id := range field.Names {
				if id.Name != "_" {
					v := sourceDecl{kind: "variable", sig: b.String()}
					v.setType(field.Type)
					d.names[id.Name] = v
				}
			}
		}
	}
}
