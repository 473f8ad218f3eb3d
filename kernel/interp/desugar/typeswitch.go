package desugar

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"
)

// typeSwitches rewrites the type switches with a case of a non-empty interface
// type: yaegi v0.16.1 does not match a compiled value against a compiled
// interface's case (an error made by fmt.Errorf falls past `case error:`), though
// its type assertions do, and it matches a cell's interface only as its
// assertions do, which interfaceAssertions then rewrites, those to compiled
// interfaces included, for the values of cells' types (as it does a case of
// a cell's struct type with methods, whose value may come in yaegi's wrapper of
// a compiled interface: see wrappable). Nor does it match a case of a type
// parameter that stands for a type other than a predeclared one (see
// typeparams.go). The switch becomes an
// expression switch on assertions, which keeps the order of the cases and what
// break does:
//
//	{ var __ts = y; switch {
//	case __ts != nil && is(T1):      x := __ts.(T1); …   (one type: x has it)
//	case … T2 … || … T3 …:    x := __ts; …        (several, nil, default: y's type)
//	} }
//
// where is(T) is func() bool { _, ok := __ts.(T); return ok }(), and a case
// nil is __ts == nil.
func (d *desugarer) typeSwitches(root ast.Node) {
	astutil.Apply(root, nil, func(c *astutil.Cursor) bool {
		ts, ok := c.Node().(*ast.TypeSwitchStmt)
		if !ok || !d.hasInterfaceCase(ts) {
			return true
		}
		if r := d.typeSwitch(ts); r != nil {
			c.Replace(r)
		}
		return true
	})
}

// hasInterfaceCase reports whether a case of ts names a non-empty interface, a
// type parameter, a type whose value may reach ts's subject in a wrapper
// (see wrappable), one yaegi matches by its underlying type (exactOnly), or a
// struct type without fields of a cell, which yaegi cannot tell from struct{}
// (see fieldlessGuard; its switch missed a case of one that held it), or an
// instance with several type arguments that holds a type parameter (case
// P[K, V]: in a generic function), which no alias can name (instances.go):
// yaegi's compiler panicked at such a case (nil pointer dereference), though
// it runs the assertion.
func (d *desugarer) hasInterfaceCase(ts *ast.TypeSwitchStmt) bool {
	for _, cc := range ts.Body.List {
		for _, e := range cc.(*ast.CaseClause).List {
			if t := d.typeOf(e); t != nil {
				if _, ok := t.(*types.TypeParam); ok {
					return true
				}
				if holdsIndexList(e) && !d.packageLevel(t) {
					return true // instanceCase
				}
				if it, ok := t.Underlying().(*types.Interface); (ok && !it.Empty()) || wrappable(t) || exactOnly(t) || isFieldlessCell(t) {
					return true
				}
			}
		}
	}
	return false
}

func (d *desugarer) typeSwitch(ts *ast.TypeSwitchStmt) ast.Stmt {
	var bound *ast.Ident // x in switch x := y.(type)
	var subject ast.Expr
	switch a := ts.Assign.(type) {
	case *ast.AssignStmt:
		bound = a.Lhs[0].(*ast.Ident)
		subject = a.Rhs[0].(*ast.TypeAssertExpr).X
	case *ast.ExprStmt:
		subject = a.X.(*ast.TypeAssertExpr).X
	default:
		return nil
	}
	pos := ts.Switch
	tsName := "__ts" + strconv.Itoa(d.cfg.Unique())
	subjectType := d.typeOf(subject)
	v := func() *ast.Ident {
		id := ident(pos, tsName)
		if subjectType != nil { // for interfaceAssertions
			d.info.Types[id] = types.TypeAndValue{Type: subjectType}
		}
		return id
	}
	is := func(t ast.Expr) ast.Expr {
		if id, ok := t.(*ast.Ident); ok && id.Name == "nil" && d.info.Uses[id] == types.Universe.Lookup("nil") {
			return &ast.BinaryExpr{X: v(), OpPos: t.Pos(), Op: token.EQL, Y: ident(t.Pos(), "nil")}
		}
		ok := ident(pos, "ok")
		// A nil interface matches no type (and yaegi fails asserting it).
		notNil := &ast.BinaryExpr{X: v(), OpPos: t.Pos(), Op: token.NEQ, Y: ident(t.Pos(), "nil")}
		return &ast.BinaryExpr{X: notNil, OpPos: t.Pos(), Op: token.LAND, Y: &ast.CallExpr{Fun: &ast.FuncLit{
			Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: ident(pos, "bool")}}}},
			Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: []ast.Stmt{
				&ast.AssignStmt{Lhs: []ast.Expr{ident(pos, "_"), ok}, TokPos: pos, Tok: token.DEFINE,
					Rhs: []ast.Expr{&ast.TypeAssertExpr{X: v(), Lparen: t.Pos(), Type: t, Rparen: t.End()}}},
				&ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(pos, "ok")}},
			}},
		}, Lparen: pos, Rparen: pos}}
	}
	body := &ast.BlockStmt{Lbrace: ts.Body.Lbrace, Rbrace: ts.Body.Rbrace}
	for _, s := range ts.Body.List {
		cc := s.(*ast.CaseClause)
		var cond ast.Expr
		for _, t := range cc.List {
			if cond == nil {
				cond = is(t)
			} else {
				cond = &ast.BinaryExpr{X: cond, OpPos: t.Pos(), Op: token.LOR, Y: is(t)}
			}
		}
		list := cc.Body
		if bound != nil {
			// x has the case's type if it names one type, else y's.
			val := ast.Expr(v())
			if t := cc.List; len(t) == 1 && !isIdentNamed(t[0], "nil") {
				val = &ast.TypeAssertExpr{X: v(), Lparen: t[0].Pos(), Type: t[0], Rparen: t[0].End()}
			}
			x := ident(bound.Pos(), bound.Name)
			list = append([]ast.Stmt{&ast.AssignStmt{Lhs: []ast.Expr{x}, TokPos: cc.Case, Tok: token.DEFINE, Rhs: []ast.Expr{val}}}, list...)
		}
		var exprs []ast.Expr
		if cond != nil {
			exprs = []ast.Expr{cond}
		}
		body.List = append(body.List, &ast.CaseClause{Case: cc.Case, List: exprs, Colon: cc.Colon, Body: list})
	}
	// __ts is declared in a block around the switch rather than in its init,
	// which yaegi v0.16.1 fails to assign an interface value to.
	var list []ast.Stmt
	if ts.Init != nil {
		list = append(list, ts.Init)
	}
	list = append(list,
		&ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{v()}, Values: []ast.Expr{subject}}}}},
		&ast.SwitchStmt{Switch: pos, Body: body})
	return &ast.BlockStmt{Lbrace: pos, List: list, Rbrace: ts.End()}
}

func isIdentNamed(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}
