package desugar

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// variadicArgs makes explicit what Go does with a variadic argument that is a
// slice of an interface type, which yaegi v0.16.1 gets wrong:
//
//	count(row)         →  count([]any{0: row}...)
//	s = append(s, row) →  s = append(s, any(row))
//
// yaegi fills a variadic parameter one argument at a time, and takes an
// argument whose reflect type is the parameter's slice type for the whole slice
// (run.go, call's "Copy input parameters from caller"): with row a []any,
// count(row) was 2 where Go's is 1, and count(1, row) lost the 1. Its append
// spreads such an argument as if written row..., and appends a []any{row}...
// as one element when the result is assigned to the slice appended to; an
// argument converted to the element type is appended as it is. Only a slice of
// an interface type can be such an argument, as only an interface (any) holds
// a slice; so can its conversion to an interface, any(row), whose value yaegi
// leaves as row's.
//
// A print function's call is left to printArgs. A compiled function gets it
// right already (reflect's Call), and the explicit slice changes nothing there.
func (d *desugarer) variadicArgs(root ast.Node) {
	astutil.Apply(root, nil, func(c *astutil.Cursor) bool {
		call, ok := c.Node().(*ast.CallExpr)
		if !ok || call.Ellipsis.IsValid() || d.printFunc(call) != nil {
			return true
		}
		first, elem, isAppend := d.variadicParam(call)
		if elem == nil || !types.IsInterface(elem) || first >= len(call.Args) {
			return true
		}
		var slices []int // the variadic arguments that are slices of interfaces
		for i := first; i < len(call.Args); i++ {
			if d.interfaceSlice(call.Args[i]) {
				slices = append(slices, i)
			} else if x := d.convertedOperand(call.Args[i]); x != nil && !isAppend && d.interfaceSlice(x) {
				slices = append(slices, i) // any(row): the conversion's value is row's
			}
		}
		if len(slices) == 0 {
			return true
		}
		pos := call.Args[first].Pos()
		et, err := d.typeExpr(elem, pos)
		if err != nil {
			d.fail(pos, "a variadic call with a slice of interfaces as an argument", err)
			return true
		}
		if isAppend {
			for _, i := range slices {
				call.Args[i] = &ast.CallExpr{Fun: et, Lparen: call.Args[i].Pos(), Args: []ast.Expr{call.Args[i]}, Rparen: call.Args[i].End()}
			}
			return true
		}
		// Keyed, as literalKeys keys a literal with a generic call in it:
		// count(slices.Clone(row)) failed with "not a generic type".
		var elts []ast.Expr
		for i, a := range call.Args[first:] {
			elts = append(elts, &ast.KeyValueExpr{Key: &ast.BasicLit{ValuePos: a.Pos(), Kind: token.INT, Value: strconv.Itoa(i)}, Colon: a.Pos(), Value: a})
		}
		lit := &ast.CompositeLit{Type: &ast.ArrayType{Lbrack: pos, Elt: et}, Lbrace: pos, Elts: elts, Rbrace: call.Rparen}
		call.Args = append(call.Args[:first:first], lit)
		call.Ellipsis = call.Rparen
		return true
	})
}

// variadicParam returns the index of call's first variadic argument, the type
// of its variadic arguments (nil if call is not of a variadic function or of
// append), and whether it is append.
func (d *desugarer) variadicParam(call *ast.CallExpr) (first int, elem types.Type, isAppend bool) {
	if tv, ok := d.info.Types[call.Fun]; !ok || tv.IsType() {
		return 0, nil, false // a conversion, to a variadic function type perhaps
	}
	if b, ok := typeutil.Callee(d.info, call).(*types.Builtin); ok {
		if b.Name() != "append" || len(call.Args) == 0 {
			return 0, nil, false
		}
		if t := d.typeOf(call.Args[0]); t != nil {
			if s, ok := t.Underlying().(*types.Slice); ok {
				return 1, s.Elem(), true
			}
		}
		return 0, nil, false
	}
	sig, ok := d.typeOf(call.Fun).Underlying().(*types.Signature)
	if !ok || !sig.Variadic() {
		return 0, nil, false
	}
	n := sig.Params().Len()
	return n - 1, sig.Params().At(n - 1).Type().(*types.Slice).Elem(), false
}

// interfaceSlice reports whether e is a slice of an interface type.
func (d *desugarer) interfaceSlice(e ast.Expr) bool {
	if t := d.typeOf(e); t != nil {
		s, ok := t.Underlying().(*types.Slice)
		return ok && types.IsInterface(s.Elem())
	}
	return false
}
