package desugar

import (
	"go/ast"
	"go/types"
)

// runtimeMethods are methods of compiled packages' types whose calls go to the
// session's runtime instead, as runtime function(receiver, arguments…). The
// session replaces package functions in its symbol tables (json.Unmarshal); a
// method it can only replace at its calls.
var runtimeMethods = map[methodKey]string{
	// Its errors name the structs declared in cells (celljson.go).
	{"encoding/json", "Decoder", "Decode"}: "JSONDecode",
	// It encodes the values a cell's interfaces hold (celljson.go).
	{"encoding/json", "Encoder", "Encode"}: "JSONEncode",
}

// methodKey names a method: its type's package path and name, and its own.
type methodKey struct{ pkg, typ, method string }

// runtimeMethod rewrites call, x.M(args…) of a method in runtimeMethods, as
// __rt.F(x, args…), or returns nil.
func (d *desugarer) runtimeMethod(call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s, ok := d.info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal || s.Obj().Pkg() == nil {
		return nil
	}
	recv := s.Obj().Type().(*types.Signature).Recv().Type()
	if p, ok := recv.(*types.Pointer); ok {
		recv = p.Elem()
	}
	named, ok := recv.(*types.Named)
	if !ok {
		return nil
	}
	fn, ok := runtimeMethods[methodKey{s.Obj().Pkg().Path(), named.Obj().Name(), s.Obj().Name()}]
	if !ok {
		return nil
	}
	pos := call.Pos()
	return &ast.CallExpr{
		Fun:      &ast.SelectorExpr{X: ident(pos, d.cfg.Runtime), Sel: ident(sel.Sel.Pos(), fn)},
		Lparen:   call.Lparen,
		Args:     append([]ast.Expr{sel.X}, call.Args...),
		Ellipsis: call.Ellipsis,
		Rparen:   call.Rparen,
	}
}
