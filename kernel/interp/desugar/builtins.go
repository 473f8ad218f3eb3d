package desugar

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
)

// builtin rewrites a call of a builtin yaegi v0.16.1 lacks or gets wrong, or
// returns nil:
//
//	min(a, b, c)  →  __min[T](__min[T](a, b), c)   (__fmin where T may be a float; a constant call folds)
//	new(expr)     →  __new[T](expr)                  (yaegi allocates a zero T and drops expr)
//	clear(x)      →  __clear(x)
//	len(p)        →  __arraylen(p, n)                (p a pointer to an array of n, which may be nil)
//	recover()     →  __rt.Recovered(recover())     (yaegi's recover gives a reflect.Value, or reflect's panic)
//
// (A recover in a function literal deferred by a function whose deferred calls
// catch their panics is already p.Recover(), see deferpanic.go.)
func (d *desugarer) builtin(call *ast.CallExpr) ast.Expr {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return nil
	}
	b, ok := d.info.Uses[id].(*types.Builtin)
	if !ok {
		return nil
	}
	pos := call.Pos()
	helper := func(name string, targ types.Type, args ...ast.Expr) ast.Expr {
		fun := ast.Expr(ident(pos, name))
		if targ != nil {
			te, err := d.typeExpr(targ, pos)
			if err != nil {
				d.fail(pos, name[2:]+"(…)", err)
				return nil
			}
			fun = instanceCallee(fun, []ast.Expr{te}, pos)
		}
		return &ast.CallExpr{Fun: fun, Lparen: call.Lparen, Args: args, Rparen: call.Rparen}
	}
	switch b.Name() {
	case "min", "max":
		return d.minMax(call, b.Name(), helper)
	case "new":
		if len(call.Args) != 1 || d.info.Types[call.Args[0]].IsType() {
			return nil
		}
		ptr, ok := d.typeOf(call).(*types.Pointer)
		if !ok {
			return nil
		}
		return helper("__new", ptr.Elem(), call.Args[0])
	case "clear":
		return helper("__clear", nil, call.Args...)
	case "len", "cap":
		// Not constant (see expressions), so p holds a call or a receive
		// and is evaluated; yaegi dereferences it, and panics if it is nil.
		if len(call.Args) != 1 {
			return nil
		}
		if p, ok := d.typeOf(call.Args[0]).Underlying().(*types.Pointer); ok {
			if a, ok := p.Elem().Underlying().(*types.Array); ok {
				n := &ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: strconv.FormatInt(a.Len(), 10)}
				return helper("__arraylen", nil, call.Args[0], n)
			}
		}
	case "recover":
		// recover stays called by the deferred function itself, as it must be to
		// stop the panic; the runtime turns what it returns into Go's value.
		r := d.rtCall(pos, "Recovered", call)
		r.Rparen = call.End()
		return r
	}
	return nil
}

// minMax rewrites min or max (fn). A call of constants is the constant, written
// as the argument it equals (converted to the call's type if it has one, or
// brought to the call's kind of untyped constant: min(1, 2.5) is 1 + 0*2.5, an
// untyped float).
func (d *desugarer) minMax(call *ast.CallExpr, fn string, helper func(string, types.Type, ...ast.Expr) ast.Expr) ast.Expr {
	tv, ok := d.info.Types[call]
	if !ok || len(call.Args) == 0 {
		return nil
	}
	pos := call.Pos()
	if tv.Value != nil {
		for _, a := range call.Args {
			av := d.info.Types[a]
			if av.Value == nil || !constant.Compare(av.Value, token.EQL, tv.Value) {
				continue
			}
			if basic, ok := tv.Type.(*types.Basic); ok && basic.Info()&types.IsUntyped != 0 {
				if types.Identical(av.Type, tv.Type) {
					return &ast.ParenExpr{Lparen: pos, X: a, Rparen: call.End()}
				}
				for _, k := range call.Args { // one of the call's kind
					if types.Identical(d.info.Types[k].Type, tv.Type) {
						zero := &ast.BinaryExpr{X: &ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: "0"}, OpPos: pos, Op: token.MUL, Y: k}
						return &ast.ParenExpr{Lparen: pos, X: &ast.BinaryExpr{X: a, OpPos: pos, Op: token.ADD, Y: zero}, Rparen: call.End()}
					}
				}
				return nil
			}
			te, err := d.typeExpr(tv.Type, pos)
			if err != nil {
				d.fail(pos, fn+"(…)", err)
				return nil
			}
			return &ast.CallExpr{Fun: &ast.ParenExpr{Lparen: pos, X: te, Rparen: pos}, Lparen: pos, Args: []ast.Expr{a}, Rparen: call.End()}
		}
		return nil
	}
	name := "__" + fn
	if holdsFloat(tv.Type) {
		name = "__f" + fn
	}
	if _, ok := tv.Type.(*types.TypeParam); ok && len(call.Args) == 1 {
		return &ast.ParenExpr{Lparen: pos, X: call.Args[0], Rparen: call.End()}
	}
	if len(call.Args) == 1 {
		te, err := d.typeExpr(tv.Type, pos)
		if err != nil {
			d.fail(pos, fn+"(…)", err)
			return nil
		}
		return &ast.CallExpr{Fun: &ast.ParenExpr{Lparen: pos, X: te, Rparen: pos}, Lparen: pos, Args: call.Args, Rparen: call.End()}
	}
	args, t := call.Args, tv.Type
	basic, isBasic := tv.Type.Underlying().(*types.Basic)
	if d.compiledType(tv.Type) && isBasic {
		// yaegi's compiler panics instantiating the helper with a compiled
		// package's named type (max(a, b) of time.Durations): it compares
		// their underlying values, converted back.
		args, t = nil, basic
		for _, a := range call.Args {
			args = append(args, &ast.CallExpr{Fun: ident(pos, basic.Name()), Lparen: pos, Args: []ast.Expr{a}, Rparen: a.End()})
		}
	}
	acc := args[0]
	for _, a := range args[1:] {
		acc = helper(name, t, acc, a)
		if acc == nil {
			return nil
		}
	}
	if t != tv.Type {
		te, err := d.typeExpr(tv.Type, pos)
		if err != nil {
			d.fail(pos, fn+"(…)", err)
			return nil
		}
		return &ast.CallExpr{Fun: &ast.ParenExpr{Lparen: pos, X: te, Rparen: pos}, Lparen: pos, Args: []ast.Expr{acc}, Rparen: call.End()}
	}
	return acc
}

// holdsFloat reports whether t is a floating-point type, or a type parameter
// whose type set holds one.
func holdsFloat(t types.Type) bool {
	set := []types.Type{t.Underlying()}
	if tp, ok := t.(*types.TypeParam); ok {
		set = typeSet(tp)
	}
	for _, u := range set {
		if b, ok := u.(*types.Basic); ok && b.Info()&types.IsFloat != 0 {
			return true
		}
	}
	return false
}
