package desugar

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// statements rewrites, innermost first, the range statements yaegi v0.16.1
// cannot run, or runs wrongly: over an integer (below), a function
// (rangefunc.go), a string or a pointer to an array (rangeloops.go).
func (d *desugarer) statements(root ast.Node) {
	var funcs []*types.Signature // the enclosing functions' signatures, innermost last
	astutil.Apply(root, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncDecl:
			funcs = append(funcs, d.declSignature(n))
		case *ast.FuncLit:
			sig, _ := d.typeOf(n).(*types.Signature)
			funcs = append(funcs, sig)
		}
		return true
	}, func(c *astutil.Cursor) bool {
		n := c.Node()
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			funcs = funcs[:len(funcs)-1]
			return true
		}
		// A labelled range is rewritten with its label, at the label.
		var label *ast.Ident
		st, ok := n.(*ast.RangeStmt)
		if ls, isLabel := n.(*ast.LabeledStmt); isLabel {
			st, ok = ls.Stmt.(*ast.RangeStmt)
			label = ls.Label
		} else if _, inLabel := c.Parent().(*ast.LabeledStmt); inLabel {
			return true
		}
		if !ok {
			return true
		}
		t := d.typeOf(st.X)
		if t == nil {
			return true
		}
		var enclosing *types.Signature
		if len(funcs) > 0 {
			enclosing = funcs[len(funcs)-1]
		}
		u := t.Underlying()
		if tp, ok := t.(*types.TypeParam); ok {
			if core, err := coreType(tp); err == nil && isString(core) {
				u = core // of a type parameter, only a string's range is rewritten
			}
		}
		switch u := u.(type) {
		case *types.Basic:
			switch {
			case u.Info()&types.IsInteger != 0:
				c.Replace(d.rangeInt(st, t, label))
			case u.Info()&types.IsString != 0:
				c.Replace(d.rangeString(st, t, label))
			}
		case *types.Pointer:
			if a, ok := u.Elem().Underlying().(*types.Array); ok {
				c.Replace(d.rangeArrayPointer(st, a.Len(), label))
			}
		case *types.Signature:
			if r := d.rangeFunc(st, u, label, enclosing); r != nil {
				c.Replace(r)
			}
		}
		return true
	})
}

// declSignature returns the signature of a declared function, or nil.
func (d *desugarer) declSignature(fd *ast.FuncDecl) *types.Signature {
	if obj, ok := d.info.Defs[fd.Name].(*types.Func); ok {
		sig, _ := obj.Type().(*types.Signature)
		return sig
	}
	return nil
}

// rangeInt turns `for k := range n {…}`, n of integer type t, into
//
//	for __n, __k := n, T(0); __k < __n; __k++ { k := __k; … }
//
// n is evaluated once, and the body has its own k each iteration, which changing
// does not change the iteration, as in Go. T is n's type, or int for a constant
// (a preexisting k's type for `for k = range n`). A label stays on the loop.
func (d *desugarer) rangeInt(st *ast.RangeStmt, t types.Type, label *ast.Ident) ast.Stmt {
	pos := st.For
	n, k := d.temp("n"), d.temp("k")
	typ := types.Default(t)
	key := st.Key
	if key != nil && isBlank(key) {
		key = nil
	}
	if key != nil && st.Tok == token.ASSIGN {
		if kt := d.typeOf(key); kt != nil {
			typ = kt
		}
	}
	te, err := d.typeExpr(typ, pos)
	if err != nil {
		d.fail(pos, "range over an integer", err)
		return st
	}
	limit := st.X
	if basic, ok := t.(*types.Basic); ok && basic.Info()&types.IsUntyped != 0 {
		limit = &ast.CallExpr{Fun: &ast.ParenExpr{Lparen: pos, X: te, Rparen: pos}, Lparen: pos, Args: []ast.Expr{st.X}, Rparen: st.X.End()}
	}
	zero := &ast.CallExpr{Fun: &ast.ParenExpr{Lparen: pos, X: te, Rparen: pos}, Lparen: pos, Args: []ast.Expr{&ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: "0"}}, Rparen: pos}
	body := st.Body
	if key != nil {
		tok := token.DEFINE
		if st.Tok == token.ASSIGN {
			tok = token.ASSIGN
		}
		set := &ast.AssignStmt{Lhs: []ast.Expr{key}, TokPos: pos, Tok: tok, Rhs: []ast.Expr{ident(pos, k)}}
		body = &ast.BlockStmt{Lbrace: st.Body.Lbrace, List: append([]ast.Stmt{set}, st.Body.List...), Rbrace: st.Body.Rbrace}
	}
	loop := &ast.ForStmt{
		For:  pos,
		Init: &ast.AssignStmt{Lhs: []ast.Expr{ident(pos, n), ident(pos, k)}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{limit, zero}},
		Cond: &ast.BinaryExpr{X: ident(pos, k), OpPos: pos, Op: token.LSS, Y: ident(pos, n)},
		Post: &ast.IncDecStmt{X: ident(pos, k), TokPos: pos, Tok: token.INC},
		Body: body,
	}
	if label != nil {
		return &ast.LabeledStmt{Label: label, Colon: label.End(), Stmt: loop}
	}
	return loop
}

// isString reports whether t is of a string type.
func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}
