package desugar

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"
)

// constRepeats writes out the implicit repetition of a constant declaration's
// expressions, which yaegi v0.16.1 gets wrong with several names in a spec
// (`A, B = iota, iota * 10` then `C, D`: "undefined: D"): each spec without
// values gets a copy of the last type and values (iota is the spec's own).
func (d *desugarer) constRepeats(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		gd, ok := n.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			return true
		}
		var typ ast.Expr
		var values []ast.Expr
		for i, sp := range gd.Specs {
			vs := sp.(*ast.ValueSpec)
			if len(vs.Values) > 0 {
				typ, values = vs.Type, nil
				for _, v := range vs.Values { // kept before iota is written
					values = append(values, d.cloneExpr(v))
				}
			} else if values != nil {
				vs.Type = d.cloneExpr(typ)
				for _, v := range values {
					vs.Values = append(vs.Values, d.cloneExpr(v))
				}
			}
			d.writeIota(vs.Values, i)
		}
		return true
	})
}

// writeIota replaces iota in values by its value, the spec's index: yaegi
// v0.16.1 counts iota by name, not by spec.
func (d *desugarer) writeIota(values []ast.Expr, index int) {
	iota := types.Universe.Lookup("iota")
	for i, v := range values {
		values[i] = astutil.Apply(v, nil, func(c *astutil.Cursor) bool {
			if id, ok := c.Node().(*ast.Ident); ok && d.info.Uses[id] == iota {
				c.Replace(&ast.BasicLit{ValuePos: id.Pos(), Kind: token.INT, Value: strconv.Itoa(index)})
			}
			return true
		}).(ast.Expr)
	}
}

// cloneExpr copies a constant expression, with positions and what its
// identifiers denote.
func (d *desugarer) cloneExpr(e ast.Expr) ast.Expr {
	switch e := e.(type) {
	case nil:
		return nil
	case *ast.Ident:
		c := *e
		if obj, ok := d.info.Uses[e]; ok {
			d.info.Uses[&c] = obj
		}
		return &c
	case *ast.BasicLit:
		c := *e
		return &c
	case *ast.ParenExpr:
		return &ast.ParenExpr{Lparen: e.Lparen, X: d.cloneExpr(e.X), Rparen: e.Rparen}
	case *ast.UnaryExpr:
		return &ast.UnaryExpr{OpPos: e.OpPos, Op: e.Op, X: d.cloneExpr(e.X)}
	case *ast.BinaryExpr:
		return &ast.BinaryExpr{X: d.cloneExpr(e.X), OpPos: e.OpPos, Op: e.Op, Y: d.cloneExpr(e.Y)}
	case *ast.SelectorExpr:
		return &ast.SelectorExpr{X: d.cloneExpr(e.X), Sel: d.cloneExpr(e.Sel).(*ast.Ident)}
	case *ast.StarExpr:
		return &ast.StarExpr{Star: e.Star, X: d.cloneExpr(e.X)}
	case *ast.IndexExpr:
		return &ast.IndexExpr{X: d.cloneExpr(e.X), Lbrack: e.Lbrack, Index: d.cloneExpr(e.Index), Rbrack: e.Rbrack}
	case *ast.CallExpr:
		c := &ast.CallExpr{Fun: d.cloneExpr(e.Fun), Lparen: e.Lparen, Ellipsis: e.Ellipsis, Rparen: e.Rparen}
		for _, a := range e.Args {
			c.Args = append(c.Args, d.cloneExpr(a))
		}
		return c
	}
	return e // not in constant expressions: shared
}
