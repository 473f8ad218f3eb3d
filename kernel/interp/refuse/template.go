package refuse

import (
	"go/ast"
	"go/token"
	"go/types"
)

// templateData returns the data argument of call if it calls (*Template).Execute
// or ExecuteTemplate of text/template or html/template, and the function's
// name; or nil.
func templateData(info *types.Info, call *ast.CallExpr) (string, ast.Expr) {
	fn := CalledFunc(info, call)
	if fn == nil || (fn.Pkg().Path() != "text/template" && fn.Pkg().Path() != "html/template") {
		return "", nil
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return "", nil
	}
	p, ok := recv.Type().(*types.Pointer)
	if !ok {
		return "", nil
	}
	if named, ok := p.Elem().(*types.Named); !ok || named.Obj().Name() != "Template" {
		return "", nil
	}
	at := map[string]int{"Execute": 1, "ExecuteTemplate": 2}
	i, ok := at[fn.Name()]
	if !ok || len(call.Args) <= i {
		return "", nil
	}
	return fn.Pkg().Path() + "." + fn.Name(), call.Args[i]
}

// templateMethods returns the refusal of call if it executes a template (see
// templateData) with data whose static type is or holds a type declared in a
// cell with an exported method (TemplateMethods); or nil.
//
// Data of an interface type (any, or map[string]any: the usual way to hand a
// template values) is not refused, though it may hold such a value at run
// time: refusing it once the session has a type with methods would refuse the
// very workaround the refusal offers (a map of plain values computed
// beforehand) and every template over plain data in a session that declared a
// single Stringer, which is most sessions. A method the template calls on such
// a value fails loudly, with template's error (can't evaluate field …).
func templateMethods(fset *token.FileSet, info *types.Info, call *ast.CallExpr) *Error {
	fn, arg := templateData(info, call)
	if fn == "" {
		return nil
	}
	tv, ok := info.Types[arg]
	if !ok {
		return nil
	}
	named, method := heldMethods(tv.Type, map[types.Type]bool{})
	if named == nil {
		return nil
	}
	typ := types.TypeString(tv.Type, qualifier)
	holds := "which has method " + method
	if t := tv.Type; !types.Identical(t, named) && !types.Identical(t, types.NewPointer(named)) {
		holds = "which holds " + named.Obj().Name() + ", with method " + method
	}
	return At(fset, arg.Pos(), TemplateMethods, fn, types.ExprString(arg), typ, holds)
}

// heldMethods returns a named type declared in a cell, with an exported method
// (of its own, or of a pointer to it), that t is or holds through pointers,
// slices, arrays, maps, channels and the fields of structs that a template can
// reach (exported or embedded), and the method's name; or nil.
func heldMethods(t types.Type, seen map[types.Type]bool) (*types.Named, string) {
	if seen[t] {
		return nil, ""
	}
	seen[t] = true
	if named, ok := types.Unalias(t).(*types.Named); ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "main" {
		for _, recv := range []types.Type{named, types.NewPointer(named)} {
			mset := types.NewMethodSet(recv)
			for i := range mset.Len() {
				if m := mset.At(i).Obj(); m.Exported() {
					return named, m.Name()
				}
			}
		}
	}
	reachable := func(f *types.Var) bool { return f.Exported() || f.Embedded() }
	for _, e := range components(t, reachable, false) {
		if named, m := heldMethods(e, seen); named != nil {
			return named, m
		}
	}
	return nil, ""
}
