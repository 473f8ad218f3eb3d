package desugar

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// yaegi v0.16.1 gets two things wrong about a function's results, silently:
//
//   - a named result starts from what its slot held before, not from its zero
//     value: the slot is the caller's destination or temporary, reused, so
//     func c(n int) (k int) { for range n { k++ }; return } called in a loop,
//     total += c(n), counts on from the last call's k. zeroResults sets each
//     named result to its zero value first thing in the body;
//
//   - a call of a builtin among the results of a return, return 7, len(s), is
//     written to the first result's slot (cfg.go gives a builtin call under a
//     return frame index 0): the function returns len(s), len(s). builtinResults
//     puts the results of such a return in temporaries first, in order:
//     __rs1 := len(s); return 7, __rs1.
func (d *desugarer) results(root ast.Node) {
	astutil.Apply(root, nil, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncDecl:
			if n.Body != nil {
				d.zeroResults(n.Type, n.Body)
			}
		case *ast.FuncLit:
			d.zeroResults(n.Type, n.Body)
		case *ast.ReturnStmt:
			temps := d.builtinResults(n)
			if len(temps) == 0 {
				return true
			}
			if c.Index() >= 0 {
				for _, st := range temps {
					c.InsertBefore(st)
				}
			} else {
				c.Replace(&ast.BlockStmt{Lbrace: n.Pos(), List: append(temps, n), Rbrace: n.End()})
			}
		}
		return true
	})
}

// zeroResults puts `var __zr1 T; r = __zr1` first in body for each named
// result r of ft.
func (d *desugarer) zeroResults(ft *ast.FuncType, body *ast.BlockStmt) {
	if ft.Results == nil {
		return
	}
	var zeroed []ast.Stmt
	for _, f := range ft.Results.List {
		for _, name := range f.Names {
			obj := d.info.Defs[name]
			if name.Name == "_" || obj == nil {
				continue
			}
			te, err := d.typeExpr(obj.Type(), name.Pos())
			if err != nil {
				continue // a type rewritten code cannot name: left to the interpreter
			}
			zero := d.temp("zr")
			zeroed = append(zeroed, varDecl(name.Pos(), zero, te),
				&ast.AssignStmt{Lhs: []ast.Expr{ident(name.Pos(), name.Name)}, TokPos: name.Pos(), Tok: token.ASSIGN,
					Rhs: []ast.Expr{ident(name.Pos(), zero)}})
		}
	}
	body.List = append(zeroed, body.List...)
}

// builtinResults returns the temporaries that the results of ret go in, in
// order, where a result after the first calls a builtin; it replaces those
// results with them. Constants, nil, variables and function literals stay.
func (d *desugarer) builtinResults(ret *ast.ReturnStmt) []ast.Stmt {
	if len(ret.Results) < 2 || !d.callsBuiltin(ret.Results[1:]) {
		return nil
	}
	var temps []ast.Stmt
	for i, r := range ret.Results {
		tv, typed := d.info.Types[r]
		if !typed || tv.Value != nil || tv.IsNil() {
			continue
		}
		switch ast.Unparen(r).(type) {
		case *ast.Ident, *ast.FuncLit:
			continue
		}
		te, err := d.typeExpr(tv.Type, r.Pos())
		if err != nil {
			d.fail(r.Pos(), "a result of a return", err)
			return nil
		}
		name := d.temp("rs")
		temps = append(temps, &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: r.Pos(), Tok: token.VAR, Specs: []ast.Spec{
			&ast.ValueSpec{Names: []*ast.Ident{ident(r.Pos(), name)}, Type: te, Values: []ast.Expr{r}}}}})
		ret.Results[i] = ident(r.Pos(), name)
	}
	return temps
}

// callsBuiltin reports whether one of exprs is a call of a builtin function
// that is not a constant.
func (d *desugarer) callsBuiltin(exprs []ast.Expr) bool {
	for _, e := range exprs {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || d.info.Types[call].Value != nil {
			continue
		}
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			if _, builtin := d.info.Uses[id].(*types.Builtin); builtin {
				return true
			}
		}
	}
	return false
}
