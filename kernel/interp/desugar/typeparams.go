package desugar

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/ratelab/ratelab/kernel/interp/refuse"
)

// Inside a generic function, yaegi v0.16.1 stands in for a type parameter the
// name of the type argument (main.Celsius, time.Duration), which is no name in
// scope: where it looks the parameter up as a type, only a predeclared type
// argument (float64) is found. A conversion T(x) then compiles as a call of a
// function (the compiler panics, "CFG post-order"), and a literal T{…} fails. So
// conversions and literals of a type parameter go through a helper that takes
// the types as type arguments, which yaegi gets right:
//
//	T(x)    →  __convert[T, X](x)       X: the type of x (a constant's default type)
//	T(x)    →  interface{}(x).(T)       T's type set is X alone (exactConversion)
//	T(nil)  →  *new(T)
//	T{…}    →  __convert[T, C](C{…})    C: T's core type ([]E for S ~[]E)

// typeParamConversion rewrites call if it is a conversion to a type parameter,
// or returns nil.
func (d *desugarer) typeParamConversion(call *ast.CallExpr) ast.Expr {
	tv, ok := d.info.Types[call.Fun]
	if !ok || !tv.IsType() || len(call.Args) != 1 {
		return nil
	}
	tp, ok := tv.Type.(*types.TypeParam)
	if !ok {
		return nil
	}
	pos := call.Pos()
	x := call.Args[0]
	from := d.typeOf(x)
	if e := d.exactConversion(call, tp, from); e != nil {
		return e
	}
	if p, ok := from.(*types.Pointer); ok {
		if _, ok := p.Elem().(*types.TypeParam); ok {
			d.errs = append(d.errs, refuse.At(d.cfg.Fset, pos, refuse.PointerParamConversion, types.ExprString(call), tp.Obj().Name(), from.String()))
			return nil
		}
	}
	if b, ok := from.(*types.Basic); ok && b.Kind() == types.UntypedNil {
		zero := &ast.CallExpr{Fun: ident(pos, "new"), Lparen: pos, Args: []ast.Expr{call.Fun}, Rparen: call.Rparen}
		return &ast.StarExpr{Star: pos, X: zero}
	}
	return d.convertCall(tv.Type, from, x, "conversion to type parameter "+tv.Type.String())
}

// typeParamLiteral rewrites lit if its type is a type parameter, or returns nil.
func (d *desugarer) typeParamLiteral(lit *ast.CompositeLit) ast.Expr {
	if lit.Type == nil {
		return nil // an element of an enclosing literal: its type is the element type
	}
	tp, ok := d.typeOf(lit).(*types.TypeParam)
	if !ok {
		return nil
	}
	construct := "composite literal of type parameter " + tp.String()
	core, err := coreType(tp)
	if err != nil {
		d.fail(lit.Pos(), construct, err)
		return nil
	}
	ct, err := d.typeExpr(core, lit.Pos())
	if err != nil {
		d.fail(lit.Pos(), construct, err)
		return nil
	}
	typed := &ast.CompositeLit{Type: ct, Lbrace: lit.Lbrace, Elts: lit.Elts, Rbrace: lit.Rbrace}
	return d.convertCall(tp, core, typed, construct)
}

// convertCall writes __convert[to, from](x).
func (d *desugarer) convertCall(to, from types.Type, x ast.Expr, construct string) ast.Expr {
	pos := x.Pos()
	if from == nil {
		d.fail(pos, construct, fmt.Errorf("the type of %s is unknown", types.ExprString(x)))
		return nil
	}
	fe, err := d.typeExpr(from, pos)
	if err != nil {
		d.fail(pos, construct, err)
		return nil
	}
	te, err := d.typeExpr(to, pos)
	if err != nil {
		d.fail(pos, construct, err)
		return nil
	}
	return &ast.CallExpr{Fun: instanceCallee(ident(pos, "__convert"), []ast.Expr{te, fe}, pos), Lparen: pos, Args: []ast.Expr{x}, Rparen: x.End()}
}

// coreType returns the one underlying type of every type in tp's type set: what
// go/types calls its core type, which a composite literal of tp must have.
func coreType(tp *types.TypeParam) (types.Type, error) {
	terms := typeSet(tp)
	if len(terms) == 0 {
		return nil, fmt.Errorf("its constraint has no core type")
	}
	for _, t := range terms[1:] {
		if !types.Identical(t, terms[0]) {
			return nil, fmt.Errorf("its constraint allows types of both %s and %s", terms[0], t)
		}
	}
	return terms[0], nil
}

// typeSet returns the underlying types of the terms of tp's constraint (its
// unions, through embedded interfaces), or none if it has no terms (any).
func typeSet(tp *types.TypeParam) []types.Type {
	var terms []types.Type
	var walk func(t types.Type)
	walk = func(t types.Type) {
		switch t := t.(type) {
		case *types.Union:
			for i := range t.Len() {
				walk(t.Term(i).Type())
			}
			return
		case *types.Interface:
			for i := range t.NumEmbeddeds() {
				walk(t.EmbeddedType(i))
			}
			return
		}
		if iface, ok := t.Underlying().(*types.Interface); ok {
			walk(iface)
			return
		}
		terms = append(terms, t.Underlying())
	}
	walk(tp.Constraint().Underlying())
	return terms
}
