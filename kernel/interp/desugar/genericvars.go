package desugar

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/ast/astutil"
)

// genericVarDecls splits, in the bodies of functions, each variable
// declaration whose values call a generic function (or min, max or
// new(expr), which become one) into a declaration without values and an
// assignment:
//
//	var a = G(1.5)           →   a := G(1.5)
//	var s fmt.Stringer = G(c) →  var s fmt.Stringer; s = G(c)
//
// yaegi v0.16.1 compiles the instance such a call makes inside a function's
// var declaration without generating its body's code, so the call does
// nothing: a stays 0, `var h, n = H("s")` gives "" and 0, `var p = new(3)`
// gives a nil pointer, with no error. The same call assigned runs. (A cell's
// top level is not affected; parallel assignments put such values in
// temporaries the same way: tempDecl.)
//
// A declaration without a type becomes :=, which means the same in a function
// body, or = where every name is _.
func (d *desugarer) genericVarDecls(root ast.Node) {
	funcs := 0 // function bodies around the node
	astutil.Apply(root, func(c *astutil.Cursor) bool {
		switch c.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			funcs++
		}
		return true
	}, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			funcs--
		case *ast.DeclStmt:
			if funcs == 0 || c.Index() < 0 {
				return true // at top level, or labelled: below
			}
			if split := d.splitGenericVars(n); split != nil {
				for _, st := range split {
					c.InsertBefore(st)
				}
				c.Delete()
			}
		case *ast.LabeledStmt:
			ds, ok := n.Stmt.(*ast.DeclStmt)
			if funcs == 0 || !ok || c.Index() < 0 {
				return true
			}
			if split := d.splitGenericVars(ds); split != nil {
				n.Stmt = split[0]
				for i := len(split) - 1; i > 0; i-- {
					c.InsertAfter(split[i])
				}
			}
		}
		return true
	})
}

// splitGenericVars returns the statements that replace ds, a var declaration
// some of whose values call a generic function, or nil.
func (d *desugarer) splitGenericVars(ds *ast.DeclStmt) []ast.Stmt {
	gd, ok := ds.Decl.(*ast.GenDecl)
	if !ok || gd.Tok != token.VAR {
		return nil
	}
	found := false
	for _, sp := range gd.Specs {
		found = found || d.callsGeneric(sp.(*ast.ValueSpec).Values...)
	}
	if !found {
		return nil
	}
	var out []ast.Stmt
	for _, sp := range gd.Specs {
		vs := sp.(*ast.ValueSpec)
		if len(vs.Values) == 0 || !d.callsGeneric(vs.Values...) {
			out = append(out, &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: gd.TokPos, Tok: token.VAR, Specs: []ast.Spec{vs}}})
			continue
		}
		lhs := make([]ast.Expr, len(vs.Names))
		tok := token.ASSIGN
		for i, n := range vs.Names {
			lhs[i] = n
			if !isBlank(n) && vs.Type == nil {
				tok = token.DEFINE
			}
		}
		if vs.Type != nil {
			out = append(out, &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: gd.TokPos, Tok: token.VAR, Specs: []ast.Spec{
				&ast.ValueSpec{Doc: vs.Doc, Names: vs.Names, Type: vs.Type, Comment: vs.Comment}}}})
			for i, n := range vs.Names {
				id := ident(n.Pos(), n.Name)
				if obj := d.info.Defs[n]; obj != nil {
					d.info.Uses[id] = obj // for the passes after this one
				}
				lhs[i] = id
			}
		}
		out = append(out, &ast.AssignStmt{Lhs: lhs, TokPos: vs.Pos(), Tok: tok, Rhs: vs.Values})
	}
	return out
}
