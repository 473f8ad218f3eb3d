package interp

import (
	"go/ast"
	"go/token"
	"reflect"
)

// intScope knows which identifiers in scope are plainly integers, enough to tell
// `for i := range n` over an integer from a range over a slice or map without a
// type checker: declared with an integer type, defined from an integer expression,
// or a session variable holding an integer.
type intScope struct {
	parent *intScope
	names  map[string]bool
	global func(name string) bool
}

func newIntScope(s *Session) *intScope {
	var globals map[string]reflect.Value
	return &intScope{names: map[string]bool{}, global: func(name string) bool {
		if globals == nil {
			// Read safely: yaegi panics on a scope a failed compile left behind.
			globals, _ = safeGlobals(s.yi)
			if globals == nil {
				globals = map[string]reflect.Value{}
			}
		}
		v, ok := globals[name]
		if !ok || !v.IsValid() {
			return false
		}
		for v.Kind() == reflect.Interface {
			v = v.Elem()
		}
		return isIntKind(v.Kind())
	}}
}

func isIntKind(k reflect.Kind) bool {
	return k >= reflect.Int && k <= reflect.Uintptr
}

func (sc *intScope) child() *intScope {
	return &intScope{parent: sc, names: map[string]bool{}, global: sc.global}
}

func (sc *intScope) lookup(name string) (isInt, found bool) {
	for s := sc; s != nil; s = s.parent {
		if v, ok := s.names[name]; ok {
			return v, true
		}
	}
	return false, false
}

var intTypes = map[string]bool{
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true, "uint": true, "uint8": true,
	"uint16": true, "uint32": true, "uint64": true, "uintptr": true, "byte": true, "rune": true,
}

// isIntExpr reports whether e is plainly an integer: an integer literal, an
// integer identifier, len/cap, a conversion to an integer type, or arithmetic on
// those.
func (sc *intScope) isIntExpr(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return e.Kind == token.INT
	case *ast.Ident:
		if v, ok := sc.lookup(e.Name); ok {
			return v
		}
		return sc.global(e.Name)
	case *ast.ParenExpr:
		return sc.isIntExpr(e.X)
	case *ast.UnaryExpr:
		return (e.Op == token.SUB || e.Op == token.ADD || e.Op == token.XOR) && sc.isIntExpr(e.X)
	case *ast.BinaryExpr:
		switch e.Op {
		case token.SHL, token.SHR:
			return sc.isIntExpr(e.X)
		case token.ADD, token.SUB, token.MUL, token.QUO, token.REM, token.AND, token.OR, token.XOR, token.AND_NOT:
			return sc.isIntExpr(e.X) && sc.isIntExpr(e.Y)
		}
	case *ast.CallExpr:
		if id, ok := e.Fun.(*ast.Ident); ok {
			if id.Name == "len" || id.Name == "cap" {
				return true
			}
			return intTypes[id.Name] && len(e.Args) == 1
		}
	}
	return false
}

// pure reports whether evaluating e twice is harmless: it calls nothing but
// len, cap and conversions.
func (sc *intScope) pure(e ast.Expr) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		if c, isCall := n.(*ast.CallExpr); isCall {
			if id, isIdent := c.Fun.(*ast.Ident); !isIdent || !(id.Name == "len" || id.Name == "cap" || intTypes[id.Name] || id.Name == "float64") {
				ok = false
			}
		}
		return ok
	})
	return ok
}

// define records the identifiers a statement declares in sc.
func (sc *intScope) define(st ast.Stmt) {
	switch st := st.(type) {
	case *ast.AssignStmt:
		if st.Tok != token.DEFINE {
			return
		}
		for i, l := range st.Lhs {
			id, ok := l.(*ast.Ident)
			if !ok {
				continue
			}
			sc.names[id.Name] = len(st.Lhs) == len(st.Rhs) && sc.isIntExpr(st.Rhs[i])
		}
	case *ast.DeclStmt:
		sc.defineDecl(st.Decl)
	}
}

func (sc *intScope) defineDecl(d ast.Decl) {
	g, ok := d.(*ast.GenDecl)
	if !ok || (g.Tok != token.VAR && g.Tok != token.CONST) {
		return
	}
	for _, spec := range g.Specs {
		vs := spec.(*ast.ValueSpec)
		for i, id := range vs.Names {
			switch {
			case vs.Type != nil:
				t, ok := vs.Type.(*ast.Ident)
				sc.names[id.Name] = ok && intTypes[t.Name]
			case i < len(vs.Values):
				sc.names[id.Name] = sc.isIntExpr(vs.Values[i])
			default:
				sc.names[id.Name] = false
			}
		}
	}
}

func (sc *intScope) defineFields(fl *ast.FieldList) {
	if fl == nil {
		return
	}
	for _, f := range fl.List {
		t, ok := f.Type.(*ast.Ident)
		for _, id := range f.Names {
			sc.names[id.Name] = ok && intTypes[t.Name]
		}
	}
}

// walkStmts calls visit for every statement of root, in every statement list,
// function literals included, with the scope in force there. visit may replace
// list[i]; the walk then descends into the replacement.
func walkStmts(root ast.Node, sc *intScope, visit func(list []ast.Stmt, i int, sc *intScope)) {
	w := walker{visit}
	switch n := root.(type) {
	case *ast.File:
		for _, d := range n.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				w.fn(d.Recv, d.Type, d.Body, sc)
			case *ast.GenDecl:
				sc.defineDecl(d)
				w.exprs(d, sc)
			}
		}
	case *ast.BlockStmt:
		w.list(n.List, sc) // the cell's top level: defines are session globals
	}
}

type walker struct {
	visit func(list []ast.Stmt, i int, sc *intScope)
}

func (w walker) fn(recv *ast.FieldList, typ *ast.FuncType, body *ast.BlockStmt, sc *intScope) {
	if body == nil {
		return
	}
	inner := sc.child()
	inner.defineFields(recv)
	inner.defineFields(typ.Params)
	inner.defineFields(typ.Results)
	w.list(body.List, inner)
}

func (w walker) list(list []ast.Stmt, sc *intScope) {
	for i := range list {
		w.visit(list, i, sc)
		w.stmt(list[i], sc)
		sc.define(list[i])
	}
}

// one walks a statement that stands alone (an if's else, a label's statement).
func (w walker) one(st *ast.Stmt, sc *intScope) {
	if *st == nil {
		return
	}
	l := []ast.Stmt{*st}
	w.list(l, sc)
	*st = l[0]
}

func (w walker) stmt(st ast.Stmt, sc *intScope) {
	switch st := st.(type) {
	case *ast.BlockStmt:
		w.list(st.List, sc.child())
	case *ast.IfStmt:
		inner := sc.child()
		w.one(&st.Init, inner)
		w.exprs(st.Cond, inner)
		w.list(st.Body.List, inner.child())
		w.one(&st.Else, inner)
	case *ast.ForStmt:
		inner := sc.child()
		w.one(&st.Init, inner)
		w.exprs(st.Cond, inner)
		w.list(st.Body.List, inner.child())
	case *ast.RangeStmt:
		inner := sc.child()
		w.exprs(st.X, sc)
		for _, k := range []ast.Expr{st.Key, st.Value} {
			if id, ok := k.(*ast.Ident); ok && st.Tok == token.DEFINE {
				inner.names[id.Name] = false
			}
		}
		w.list(st.Body.List, inner)
	case *ast.SwitchStmt:
		inner := sc.child()
		w.one(&st.Init, inner)
		w.exprs(st.Tag, inner)
		for _, c := range st.Body.List {
			cc := c.(*ast.CaseClause)
			w.list(cc.Body, inner.child())
		}
	case *ast.TypeSwitchStmt:
		inner := sc.child()
		w.one(&st.Init, inner)
		w.exprs(st.Assign, inner)
		for _, c := range st.Body.List {
			w.list(c.(*ast.CaseClause).Body, inner.child())
		}
	case *ast.SelectStmt:
		for _, c := range st.Body.List {
			cc := c.(*ast.CommClause)
			inner := sc.child()
			w.exprs(cc.Comm, inner)
			w.list(cc.Body, inner)
		}
	case *ast.LabeledStmt:
		w.one(&st.Stmt, sc)
	default:
		w.exprs(st, sc)
	}
}

// exprs walks the bodies of the function literals inside n.
func (w walker) exprs(n ast.Node, sc *intScope) {
	if n == nil || reflect.ValueOf(n).IsNil() {
		return
	}
	ast.Inspect(n, func(m ast.Node) bool {
		if fl, ok := m.(*ast.FuncLit); ok {
			w.fn(nil, fl.Type, fl.Body, sc)
			return false
		}
		return true
	})
}
