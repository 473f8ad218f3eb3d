package desugar

import (
	"go/ast"
	"go/types"

	"github.com/ratelab/ratelab/kernel/interp/refuse"
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
	// They describe a cell's struct type as Go would, not as yaegi built it
	// (cellreflect.go).
	{"reflect", "Type", "Name"}:             "ReflectTypeName",
	{"reflect", "Type", "String"}:           "ReflectTypeString",
	{"reflect", "Type", "PkgPath"}:          "ReflectTypePkgPath",
	{"reflect", "Type", "NumField"}:         "ReflectTypeNumField",
	{"reflect", "Type", "Field"}:            "ReflectTypeField",
	{"reflect", "Type", "FieldByIndex"}:     "ReflectTypeFieldByIndex",
	{"reflect", "Type", "FieldByName"}:      "ReflectTypeFieldByName",
	{"reflect", "Type", "FieldByNameFunc"}:  "ReflectTypeFieldByNameFunc",
	{"reflect", "Type", "NumMethod"}:        "ReflectTypeNumMethod",
	{"reflect", "Type", "Method"}:           "ReflectTypeMethod",
	{"reflect", "Type", "MethodByName"}:     "ReflectTypeMethodByName",
	{"reflect", "Type", "Implements"}:       "ReflectTypeImplements",
	{"reflect", "Value", "NumField"}:        "ReflectValueNumField",
	{"reflect", "Value", "Field"}:           "ReflectValueField",
	{"reflect", "Value", "FieldByIndex"}:    "ReflectValueFieldByIndex",
	{"reflect", "Value", "FieldByName"}:     "ReflectValueFieldByName",
	{"reflect", "Value", "FieldByNameFunc"}: "ReflectValueFieldByNameFunc",
	{"reflect", "Value", "String"}:          "ReflectValueString",
	{"reflect", "Value", "NumMethod"}:       "ReflectValueNumMethod",
	{"reflect", "Value", "Method"}:          "ReflectValueMethod",
	{"reflect", "Value", "MethodByName"}:    "ReflectValueMethodByName",
}

// methodKey names a method: its type's package path and name, and its own.
type methodKey struct{ pkg, typ, method string }

// runtimeMethodValues refuses the methods of runtimeMethods that root uses
// other than by calling them (method values t.Name, method expressions
// reflect.Type.Name): runtimeMethod rewrites calls only.
func (d *desugarer) runtimeMethodValues(root ast.Node) {
	called := map[*ast.SelectorExpr]bool{}
	ast.Inspect(root, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				called[sel] = true
			}
		}
		return true
	})
	ast.Inspect(root, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok || called[sel] {
			return true
		}
		if s, ok := d.info.Selections[sel]; ok && s.Kind() != types.FieldVal {
			if _, ok := d.runtimeMethodOf(s); ok {
				d.errs = append(d.errs, refuse.At(d.cfg.Fset, sel.Pos(), refuse.RuntimeMethodValue, types.ExprString(sel)))
			}
		}
		return true
	})
}

// runtimeMethodOf returns the runtime function of the method s selects, if it
// is one of runtimeMethods.
func (d *desugarer) runtimeMethodOf(s *types.Selection) (string, bool) {
	if s.Obj().Pkg() == nil {
		return "", false
	}
	recv := s.Obj().Type().(*types.Signature).Recv().Type()
	if p, ok := recv.(*types.Pointer); ok {
		recv = p.Elem()
	}
	named, ok := recv.(*types.Named)
	if !ok {
		return "", false
	}
	fn, ok := runtimeMethods[methodKey{s.Obj().Pkg().Path(), named.Obj().Name(), s.Obj().Name()}]
	return fn, ok
}

// runtimeMethod rewrites call, x.M(args…) of a method in runtimeMethods, as
// __rt.F(x, args…), or returns nil.
func (d *desugarer) runtimeMethod(call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s, ok := d.info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal {
		return nil
	}
	fn, ok := d.runtimeMethodOf(s)
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
