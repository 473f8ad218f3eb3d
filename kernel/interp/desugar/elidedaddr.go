package desugar

import (
	"go/ast"
	"go/token"
	"go/types"
)

// elidedAddresses writes out the &T that Go lets a composite literal's element
// or key elide where its type is a pointer *T, when T is not a struct:
//
//	[]*Stack{{}, {1, 2}}  →  []*Stack{&Stack{}, &Stack{1, 2}}
//
// yaegi v0.16.1 takes such an element for a literal of the pointer type
// itself: {} was a nil *Stack (ps[0] == nil, with no error, and a nil
// dereference at the first Push), and {1, 2} failed to convert. A struct's is
// right, and left alone. It runs after the passes that read the literals'
// types: the checker typed the elided literal as *T.
func (d *desugarer) elidedAddresses(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		lit, ok := n.(*ast.CompositeLit)
		if !ok {
			return true
		}
		t := d.typeOf(lit)
		if t == nil {
			return true
		}
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem() // an elided &T{…}, typed *T
		}
		var key, elem types.Type
		switch u := t.Underlying().(type) {
		case *types.Slice:
			elem = u.Elem()
		case *types.Array:
			elem = u.Elem()
		case *types.Map:
			key, elem = u.Key(), u.Elem()
		}
		for i, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if key != nil {
					kv.Key = d.addressed(kv.Key, key)
				}
				kv.Value = d.addressed(kv.Value, elem)
				continue
			}
			lit.Elts[i] = d.addressed(e, elem)
		}
		return true
	})
}

// addressed returns e, an element of a composite literal whose elements are
// of type t, with the &T it elides written out if it is a literal without a
// type and t a pointer to a type that is not a struct.
func (d *desugarer) addressed(e ast.Expr, t types.Type) ast.Expr {
	lit, ok := e.(*ast.CompositeLit)
	if !ok || lit.Type != nil || t == nil {
		return e
	}
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return e
	}
	if _, isStruct := p.Elem().Underlying().(*types.Struct); isStruct {
		return e
	}
	te, err := d.typeExpr(p.Elem(), lit.Lbrace)
	if err != nil {
		d.fail(lit.Lbrace, "a literal of a pointer whose & is left out", err)
		return e
	}
	lit.Type = te
	return &ast.UnaryExpr{OpPos: lit.Lbrace, Op: token.AND, X: lit}
}
