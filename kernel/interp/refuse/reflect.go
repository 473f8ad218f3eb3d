package refuse

import (
	"go/ast"
	"go/token"
	"go/types"
)

// reflectErased returns the refusal of call if it is reflect.TypeOf(x) or
// reflect.ValueOf(x) with x of a type that holds a named non-struct type of
// the session, which reflect would see as its underlying type (see
// ReflectErased); or nil. A value that reaches such a call in an interface
// keeps no sign of its type there (see indistinct.go), so an argument of an
// interface type is let through, as other code handling such values is.
func reflectErased(fset *token.FileSet, info *types.Info, call *ast.CallExpr) *Error {
	fn := CalledFunc(info, call)
	if fn == nil || fn.Pkg().Path() != "reflect" || (fn.Name() != "TypeOf" && fn.Name() != "ValueOf") || len(call.Args) != 1 {
		return nil
	}
	tv, ok := info.Types[call.Args[0]]
	if !ok {
		return nil
	}
	named := heldIndistinct(tv.Type, map[types.Type]bool{})
	if named == nil {
		return nil
	}
	construct := "reflect." + fn.Name() + "(" + types.ExprString(call.Args[0]) + ")"
	return At(fset, call.Pos(), ReflectErased, construct, qualified(erase(named)), "main."+named.Obj().Name())
}

// heldIndistinct returns a named non-struct type of the session that t is or
// holds (through pointers, slices, arrays, maps, channels, functions and the
// fields of structs, named or not), or nil.
func heldIndistinct(t types.Type, seen map[types.Type]bool) *types.Named {
	if seen[t] {
		return nil
	}
	seen[t] = true
	if named := indistinct(t); named != nil {
		return named
	}
	var elems []types.Type
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		elems = []types.Type{u.Elem()}
	case *types.Slice:
		elems = []types.Type{u.Elem()}
	case *types.Array:
		elems = []types.Type{u.Elem()}
	case *types.Map:
		elems = []types.Type{u.Key(), u.Elem()}
	case *types.Chan:
		elems = []types.Type{u.Elem()}
	case *types.Signature:
		for _, tu := range []*types.Tuple{u.Params(), u.Results()} {
			for i := range tu.Len() {
				elems = append(elems, tu.At(i).Type())
			}
		}
	case *types.Struct:
		for i := range u.NumFields() {
			elems = append(elems, u.Field(i).Type())
		}
	}
	for _, e := range elems {
		if named := heldIndistinct(e, seen); named != nil {
			return named
		}
	}
	return nil
}
