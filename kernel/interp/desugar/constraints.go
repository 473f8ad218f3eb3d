package desugar

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/ratelab/ratelab/kernel/interp/refuse"
)

// basicConstraintTerms drops, from each interface of the unit, the type terms
// of basic types (~int | ~float64, cmp.Ordered's), which only constraints
// hold (see DropBasicTerms).
func (d *desugarer) basicConstraintTerms(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		it, ok := n.(*ast.InterfaceType)
		if !ok || it.Methods == nil {
			return true
		}
		for _, f := range it.Methods.List {
			if len(f.Names) > 0 {
				continue
			}
			ast.Inspect(f.Type, func(n ast.Node) bool {
				if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.TILDE {
					if _, ok := ast.Unparen(u.X).(*ast.StarExpr); ok {
						d.errs = append(d.errs, refuse.At(d.cfg.Fset, u.Pos(), refuse.TildePointerConstraint, types.ExprString(u)))
					}
				}
				return true
			})
		}
		return true
	})
	DropBasicTerms(root, func(e ast.Expr) bool {
		t := d.typeOf(e)
		if t == nil {
			return false
		}
		_, ok := t.Underlying().(*types.Basic)
		return ok
	})
}

// DropBasicTerms drops, from each interface type under root, the elements
// that are unions of terms (~T or T) of types basic reports: an interface that
// holds them is only a constraint, which the checker has already checked the
// program against. yaegi v0.16.1 checks a type argument against such terms by
// comparing the argument's own type, not its underlying type, with the term's,
// for a type of a compiled package: instantiating a generic function whose
// constraint is cmp.Ordered or ~int64 | ~float64 with time.Duration (slices.Sort
// and slices.Max of a []time.Duration, or a cell's own Less[T cmp.Ordered])
// made its compiler panic (a nil pointer dereference while it formats "does
// not implement"). It uses the terms for nothing else: the body of an instance
// is compiled with the type argument itself. The other terms (*T, ~[]E) are
// kept.
func DropBasicTerms(root ast.Node, basic func(ast.Expr) bool) {
	ast.Inspect(root, func(n ast.Node) bool {
		it, ok := n.(*ast.InterfaceType)
		if !ok || it.Methods == nil {
			return true
		}
		kept := it.Methods.List[:0:0]
		for _, f := range it.Methods.List {
			if len(f.Names) == 0 && basicTerms(f.Type, basic) {
				continue
			}
			kept = append(kept, f)
		}
		if len(kept) != len(it.Methods.List) {
			it.Methods.List = kept
		}
		return true
	})
}

// basicTerms reports whether e is a union of terms whose types basic reports,
// with one tilde at least or two terms (a lone T may name an interface).
func basicTerms(e ast.Expr, basic func(ast.Expr) bool) bool {
	var leaves []ast.Expr
	union := false
	var walk func(e ast.Expr) bool
	walk = func(e ast.Expr) bool {
		switch x := e.(type) {
		case *ast.BinaryExpr:
			union = true
			return x.Op == token.OR && walk(x.X) && walk(x.Y)
		case *ast.UnaryExpr:
			union = true
			return x.Op == token.TILDE && walk(x.X)
		case *ast.ParenExpr:
			return walk(x.X)
		case *ast.Ident, *ast.SelectorExpr:
			leaves = append(leaves, e)
			return true
		}
		return false
	}
	if !walk(e) || !union {
		return false
	}
	for _, l := range leaves {
		if !basic(l) {
			return false
		}
	}
	return true
}

// PredeclaredBasic reports whether e names a predeclared basic type (int,
// float64, string…), by its name alone.
func PredeclaredBasic(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	obj := types.Universe.Lookup(id.Name)
	if obj == nil {
		return false
	}
	_, isType := obj.(*types.TypeName)
	_, isBasic := obj.Type().(*types.Basic)
	return isType && isBasic
}
