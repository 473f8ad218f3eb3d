package refuse

import (
	"go/ast"
	"go/token"
	"go/types"
)

// xmlValue returns the value argument of call if it calls xml.Marshal,
// xml.MarshalIndent or (*xml.Encoder).Encode, and the function's name; or nil.
// (EncodeElement names the element itself.)
func xmlValue(info *types.Info, call *ast.CallExpr) (string, ast.Expr) {
	fn := CalledFunc(info, call)
	if fn == nil || fn.Pkg().Path() != "encoding/xml" || len(call.Args) == 0 {
		return "", nil
	}
	switch recv := fn.Signature().Recv(); {
	case recv == nil && (fn.Name() == "Marshal" || fn.Name() == "MarshalIndent"):
		return "xml." + fn.Name(), call.Args[0]
	case recv != nil && fn.Name() == "Encode":
		return "xml.Encoder.Encode", call.Args[0]
	}
	return "", nil
}

// xmlUnnamed returns the refusal of call if it marshals to XML (see xmlValue)
// a value of a struct type declared in a cell (or a pointer to one, or a
// slice or array of them) with no XMLName field and no MarshalXML method:
// encoding/xml names such an element after its type, and the interpreter's
// struct types have no name (XMLUnnamed); or nil.
// A field of such a type is named after the field, and marshals right.
func xmlUnnamed(fset *token.FileSet, info *types.Info, call *ast.CallExpr) *Error {
	fn, arg := xmlValue(info, call)
	if fn == "" {
		return nil
	}
	tv, ok := info.Types[arg]
	if !ok {
		return nil
	}
	t := tv.Type
elems:
	for range 100 { // xml marshals what a pointer points to, and a slice's elements one by one
		switch u := t.Underlying().(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Slice:
			if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
				return nil
			}
			t = u.Elem()
		case *types.Array:
			t = u.Elem()
		default:
			break elems
		}
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "main" {
		return nil
	}
	if _, ok := named.Underlying().(*types.Struct); !ok {
		return nil
	}
	for _, recv := range []types.Type{named, types.NewPointer(named)} {
		for _, m := range []string{"MarshalXML", "XMLName"} {
			if obj, _, _ := types.LookupFieldOrMethod(recv, true, named.Obj().Pkg(), m); obj != nil {
				return nil
			}
		}
	}
	return At(fset, arg.Pos(), XMLUnnamed, fn, types.ExprString(arg), named.Obj().Name())
}
