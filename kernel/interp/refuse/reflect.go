package refuse

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/ratelab/ratelab/kernel/interp/check"
)

// reflectCall returns the name of the reflect function call calls with one
// argument of interest, TypeOf or ValueOf, and its argument; or "".
func reflectCall(info *types.Info, call *ast.CallExpr) (string, ast.Expr) {
	fn := CalledFunc(info, call)
	if fn == nil || fn.Pkg().Path() != "reflect" || (fn.Name() != "TypeOf" && fn.Name() != "ValueOf") || len(call.Args) != 1 {
		return "", nil
	}
	return "reflect." + fn.Name(), call.Args[0]
}

// reflectDynamic returns the calls of reflect.TypeOf and reflect.ValueOf in u
// with a value of an interface type, which may hold a value of a named
// non-struct type of the session (see Indistinct).
func reflectDynamic(u *check.Unit) []target {
	var ts []target
	ast.Inspect(u.File, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if fn, arg := reflectCall(u.Info, call); fn != "" {
				if tv, ok := u.Info.Types[arg]; ok && types.IsInterface(tv.Type) {
					ts = append(ts, target{call.Pos(), fn + "(" + types.ExprString(arg) + ")", tv.Type})
				}
			}
		}
		return true
	})
	return ts
}

// reflectErased returns the refusal of call if it is reflect.TypeOf(x) or
// reflect.ValueOf(x) with x of a type that holds a named non-struct type of
// the session, which reflect would see as its underlying type (see
// ReflectErased); or nil. An argument of an interface type is Indistinct's.
func reflectErased(fset *token.FileSet, info *types.Info, call *ast.CallExpr) *Error {
	fn, arg := reflectCall(info, call)
	if fn == "" {
		return nil
	}
	tv, ok := info.Types[arg]
	if !ok {
		return nil
	}
	named := heldIndistinct(tv.Type, map[types.Type]bool{})
	if named == nil {
		return nil
	}
	return At(fset, call.Pos(), ReflectErased, fn+"("+types.ExprString(arg)+")", "main."+named.Obj().Name(), qualified(erase(named)))
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
	for _, e := range components(t, nil, true) {
		if named := heldIndistinct(e, seen); named != nil {
			return named
		}
	}
	return nil
}

// components returns the types a value of type t holds one level down: the
// element of a pointer, slice, array or channel, a map's key and element, the
// fields of a struct for which field returns true (all if field is nil), and,
// if funcs, a function's parameters and results.
func components(t types.Type, field func(*types.Var) bool, funcs bool) []types.Type {
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
		if funcs {
			for _, tu := range []*types.Tuple{u.Params(), u.Results()} {
				for i := range tu.Len() {
					elems = append(elems, tu.At(i).Type())
				}
			}
		}
	case *types.Struct:
		for i := range u.NumFields() {
			if f := u.Field(i); field == nil || field(f) {
				elems = append(elems, f.Type())
			}
		}
	}
	return elems
}
