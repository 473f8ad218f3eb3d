package desugar

import (
	"go/ast"
	"go/types"
)

// exactConversion writes the conversion PT(x) to a type parameter whose type
// set is one type, x's own (PT(&out[i]) in the idiom [T any, PT interface{
// *T; Set(int) }]), as the assertion interface{}(x).(PT): the same value, of
// the same type. Its __convert[PT, *T] (typeparams.go) made yaegi v0.16.1's
// compiler panic (nil pointer dereference): in a generic function it compiles
// the type argument *T as a dereference.
func (d *desugarer) exactConversion(call *ast.CallExpr, tp *types.TypeParam, from types.Type) ast.Expr {
	term := exactType(tp)
	if term == nil || from == nil || !types.Identical(from, term) {
		return nil
	}
	pos := call.Pos()
	boxed := &ast.CallExpr{Fun: &ast.InterfaceType{Interface: pos, Methods: &ast.FieldList{Opening: pos, Closing: pos}},
		Lparen: pos, Args: call.Args, Rparen: call.Rparen}
	d.info.Types[boxed] = types.TypeAndValue{Type: types.NewInterfaceType(nil, nil)}
	assert := &ast.TypeAssertExpr{X: boxed, Lparen: pos, Type: call.Fun, Rparen: call.Rparen}
	d.info.Types[assert] = d.info.Types[call]
	return assert
}

// exactType returns the one type of tp's type set, if its constraint holds
// one type term without a tilde (and any methods), else nil.
func exactType(tp *types.TypeParam) types.Type {
	iface, ok := tp.Constraint().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	var term types.Type
	for t := range iface.EmbeddedTypes() {
		if u, ok := t.(*types.Union); ok {
			if u.Len() != 1 || u.Term(0).Tilde() {
				return nil
			}
			t = u.Term(0).Type()
		}
		if _, ok := t.Underlying().(*types.Interface); ok {
			return nil // an embedded constraint: left as written
		}
		if term != nil {
			return nil
		}
		term = t
	}
	return term
}
