package desugar

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// logicalFirstOperands gives each chain of || and && whose first operand holds
// a composite literal another first operand, which does not change its value:
//
//	k == K{1, 1} || k == K{2, 2}  →  false || k == K{1, 1} || k == K{2, 2}
//	p == (P{}) && ok              →  (false || p == (P{})) && ok
//
// yaegi v0.16.1 makes the first node a || or && runs a branch when it does
// nothing of its own (cfg.go, the landExpr and lorExpr cases: if
// n.start.action == aNop { n.start.gen = branch }), meant for a plain boolean
// variable or constant; where that node is a struct literal, the literal is
// never built, and the comparison fails with a nil dereference (`k == K{1, 1} ||
// x`, `g(K{1, n}) || x`). A composite literal after the first operand is
// right, and so is false as the first.
func (d *desugarer) logicalFirstOperands(root ast.Node) {
	astutil.Apply(root, nil, func(c *astutil.Cursor) bool {
		b, ok := c.Node().(*ast.BinaryExpr)
		if !ok || b.Op != token.LOR && b.Op != token.LAND {
			return true
		}
		// The first operand: down the chain's first operands and parentheses.
		slot := &b.X
		for {
			switch x := (*slot).(type) {
			case *ast.ParenExpr:
				slot = &x.X
				continue
			case *ast.BinaryExpr:
				if x.Op == token.LOR || x.Op == token.LAND {
					slot = &x.X
					continue
				}
			}
			break
		}
		leaf := *slot
		if !hasCompositeLit(leaf) {
			return true
		}
		or := &ast.BinaryExpr{X: d.falseLit(leaf.Pos()), OpPos: leaf.Pos(), Op: token.LOR, Y: leaf}
		if t := d.typeOf(leaf); t != nil {
			d.info.Types[or] = types.TypeAndValue{Type: t}
		}
		*slot = &ast.ParenExpr{Lparen: leaf.Pos(), X: or, Rparen: leaf.End()}
		return true
	})
}

// hasCompositeLit reports whether e holds a composite literal outside a
// function literal.
func hasCompositeLit(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CompositeLit:
			found = true
		}
		return !found
	})
	return found
}

// falseLit returns false, typed as the checker types it.
func (d *desugarer) falseLit(pos token.Pos) ast.Expr {
	f := ident(pos, "false")
	d.info.Uses[f] = types.Universe.Lookup("false")
	d.info.Types[f] = types.TypeAndValue{Type: types.Typ[types.UntypedBool], Value: constant.MakeBool(false)}
	return f
}
