package desugar

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"
)

// yaegi v0.16.1 reads what a deferred call uses when the function returns, not
// at the defer statement: `x := 1; defer fmt.Println(x); x = 2` prints 2, and
// `for i := range 3 { defer fmt.Println(i) }` prints 3 three times (the same
// holds for a deferred function literal's arguments, and for the variables a
// deferred function literal uses). Variables declared in a block are fresh each
// time the block runs, so the values are bound in a block at the defer:
//
//	defer f(a, b)          →  { var __a0 A = a; var __a1 B = b; defer f(__a0, __a1) }
//	defer x.M(a)           →  { var __r X = x (&x for a pointer method, *x for a value one through a pointer); …; defer __r.M(__a0) }
//	defer g()(a)           →  { var __f F = g(); …; defer __f(__a0) }
//	defer func() { …v… }() →  { var __f func() = func() { …v… }; defer __f() }   (v declared in a loop)
//
// The literal is then made at the defer statement, around the variables of
// its iteration, which it reads as they are when it runs (status = "ok" after
// the defer is seen); made when the function returns, it saw the last
// iteration's.
//
// A deferred function literal that calls recover stays in place, its arguments
// alone bound (recover works only called directly by the deferred function, and
// yaegi's returns nil for a literal deferred through a variable), and so does a call of a
// declared function without arguments, which has nothing to evaluate.
//
// In a function whose deferred calls may stop one another by panicking, each
// defer statement so rewritten is then made to catch its call's panic
// (deferCatching in deferpanic.go).
func (d *desugarer) defers(root ast.Node) {
	type function struct {
		loopVars  map[types.Object]bool // variables declared in its loops
		panics    string                // the variable of its deferred calls' panics, or "" (deferpanic.go)
		rangeFunc int                   // how deep the walk is in bodies of ranges over functions
		lit       bool                  // whether it is a function literal
	}
	var fns []*function // the enclosing functions, innermost last
	astutil.Apply(root, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			_, isLit := n.(*ast.FuncLit)
			fn := &function{loopVars: d.declaredInLoops(n), lit: isLit}
			if body := funcBody(n); body != nil && d.defersMayStop(body, isLit) {
				fn.panics = d.temp("dp")
			}
			fns = append(fns, fn)
		case *ast.RangeStmt:
			if len(fns) > 0 && d.rangesOverFunc(n) {
				fns[len(fns)-1].rangeFunc++
			}
		}
		return true
	}, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			if fn := fns[len(fns)-1]; fn.panics != "" {
				d.catchDeferredPanics(funcBody(n), fn.panics)
			}
			fns = fns[:len(fns)-1]
		case *ast.RangeStmt:
			if len(fns) > 0 && d.rangesOverFunc(n) {
				fns[len(fns)-1].rangeFunc--
			}
		case *ast.DeferStmt:
			var fn *function
			if len(fns) > 0 {
				fn = fns[len(fns)-1]
			}
			var inLoops map[types.Object]bool
			if fn != nil {
				inLoops = fn.loopVars
			}
			r, bound := d.deferNow(n, inLoops, fn != nil && fn.lit)
			if fn != nil && fn.panics != "" && fn.rangeFunc == 0 {
				if w := d.deferCatching(n, r, bound, fn.panics); w != nil {
					r = w
				}
			}
			if r != nil {
				c.Replace(r)
			}
		}
		return true
	})
}

// funcBody is the body of a function declaration or literal, or nil.
func funcBody(fn ast.Node) *ast.BlockStmt {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Body
	case *ast.FuncLit:
		return fn.Body
	}
	return nil
}

// rangesOverFunc reports whether st ranges over a function (rangefunc.go
// rewrites its body, defer statements included).
func (d *desugarer) rangesOverFunc(st *ast.RangeStmt) bool {
	t := d.typeOf(st.X)
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// declaredInLoops returns the variables declared inside the loops of a
// function's body (not in function literals in it).
func (d *desugarer) declaredInLoops(fn ast.Node) map[types.Object]bool {
	body := funcBody(fn)
	vars := map[types.Object]bool{}
	if body == nil {
		return vars
	}
	depth := 0
	astutil.Apply(body, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt, *ast.RangeStmt:
			depth++
		case *ast.Ident:
			if obj, ok := d.info.Defs[n].(*types.Var); ok && depth > 0 {
				vars[obj] = true
			}
		}
		return true
	}, func(c *astutil.Cursor) bool {
		switch c.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			depth--
		}
		return true
	})
	return vars
}

// deferNow returns st with what it needs bound at the defer statement, or nil
// to leave it, and the variables it bound. inLit tells that st is in a function
// literal, where yaegi v0.16.1 never runs the deferred call of a function or
// method the cell declares further down (`defer cleanup()`): the function, or
// the method value, is then bound too, and deferred through that variable.
func (d *desugarer) deferNow(st *ast.DeferStmt, inLoops map[types.Object]bool, inLit bool) (ast.Stmt, []boundValue) {
	var bound []boundValue
	r := d.deferBind(st, inLoops, inLit, &bound)
	if r == nil {
		bound = nil
	}
	return r, bound
}

// boundValue is a variable deferNow declared for a deferred call, of type t.
type boundValue struct {
	name string
	t    types.Type
	pos  token.Pos
}

func (d *desugarer) deferBind(st *ast.DeferStmt, inLoops map[types.Object]bool, inLit bool, bound *[]boundValue) ast.Stmt {
	call := st.Call
	pos := st.Defer
	n := strconv.Itoa(d.cfg.Unique())
	var binds []ast.Stmt
	bind := func(e ast.Expr, t types.Type, what string) ast.Expr {
		te, err := d.typeExpr(t, e.Pos())
		if err != nil {
			d.fail(pos, "defer", err)
			return nil
		}
		name := "__df" + n + "_" + what
		*bound = append(*bound, boundValue{name, t, e.Pos()})
		binds = append(binds, &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{
			&ast.ValueSpec{Names: []*ast.Ident{ident(e.Pos(), name)}, Type: te, Values: []ast.Expr{e}}}}})
		return ident(e.Pos(), name)
	}
	done := func(c *ast.CallExpr) ast.Stmt {
		if len(d.errs) > 0 {
			return nil
		}
		return &ast.BlockStmt{Lbrace: pos, List: append(binds, &ast.DeferStmt{Defer: pos, Call: c}), Rbrace: call.End()}
	}
	if lit, ok := call.Fun.(*ast.FuncLit); ok && len(call.Args) == 0 && (callsRecover(lit) || !d.usesAny(lit.Body, inLoops)) {
		return nil
	}
	later := inLit && d.declaredLater(st, call.Fun)
	if id := identOf(call.Fun); id != nil && len(call.Args) == 0 && !later {
		if fn, isFunc := d.info.Uses[id].(*types.Func); isFunc && fn.Parent() == fn.Pkg().Scope() {
			return nil
		}
	}
	out := &ast.CallExpr{Fun: call.Fun, Lparen: call.Lparen, Ellipsis: call.Ellipsis, Rparen: call.Rparen}
	sig, _ := d.typeOf(call.Fun).(*types.Signature)
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		_, isFunc := d.info.Uses[fun].(*types.Func)
		_, builtin := d.info.Uses[fun].(*types.Builtin)
		if (!isFunc || later) && !builtin && sig != nil {
			out.Fun = bind(call.Fun, sig, "f") // a variable holding a function
		}
	case *ast.SelectorExpr:
		sel, ok := d.info.Selections[fun]
		switch {
		case !ok: // pkg.F
		case sel.Kind() == types.MethodVal:
			recv, rt := fun.X, d.typeOf(fun.X)
			if rt == nil {
				return nil
			}
			m := sel.Obj().(*types.Func)
			ptr, isPtr := rt.Underlying().(*types.Pointer)
			if _, ptrRecv := m.Type().(*types.Signature).Recv().Type().(*types.Pointer); ptrRecv {
				if !isPtr && !types.IsInterface(rt) {
					recv, rt = &ast.UnaryExpr{OpPos: fun.X.Pos(), Op: token.AND, X: fun.X}, types.NewPointer(rt)
				}
			} else if isPtr {
				// Go copies *p at the defer; yaegi reads it when the call runs.
				recv, rt = &ast.StarExpr{Star: fun.X.Pos(), X: fun.X}, ptr.Elem()
			}
			out.Fun = &ast.SelectorExpr{X: bind(recv, rt, "r"), Sel: fun.Sel}
			if later && sig != nil {
				out.Fun = bind(out.Fun, sig, "f") // the method value
			}
		case sig != nil: // a field holding a function
			out.Fun = bind(call.Fun, sig, "f")
		}
	case *ast.FuncLit:
		// Called through a variable, its recover() would return nil in yaegi.
		if !callsRecover(fun) && sig != nil {
			out.Fun = bind(call.Fun, sig, "f")
		}
	default:
		if sig == nil {
			return nil
		}
		out.Fun = bind(call.Fun, sig, "f")
	}
	for i, a := range call.Args {
		// An untyped constant takes its parameter's type; an untyped nil stays.
		t := d.typeOf(a)
		if t == nil {
			return nil
		}
		if b, ok := t.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
			if b.Kind() == types.UntypedNil {
				out.Args = append(out.Args, a)
				continue
			}
			t = types.Default(t)
			if sig != nil {
				switch np := sig.Params().Len(); {
				case sig.Variadic() && i >= np-1 && !call.Ellipsis.IsValid():
					t = sig.Params().At(np - 1).Type().(*types.Slice).Elem()
				case i < np:
					t = sig.Params().At(i).Type()
				}
			}
		}
		out.Args = append(out.Args, bind(a, t, "a"+strconv.Itoa(i)))
	}
	return done(out)
}

// declaredLater reports whether fun, the function a defer statement st calls,
// is a function or a method the unit declares after st (not a generic one,
// whose value is a wrapper: deferring that would defer the wrapper).
func (d *desugarer) declaredLater(st *ast.DeferStmt, fun ast.Expr) bool {
	var id *ast.Ident
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		if sel, ok := d.info.Selections[f]; ok && sel.Kind() == types.MethodVal {
			id = f.Sel
		}
	}
	if id == nil {
		return false
	}
	fn, ok := d.info.Uses[id].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg() != d.unit.Pkg || fn.Pos() <= st.Pos() || fn.Pos() >= d.unit.File.End() {
		return false
	}
	sig := fn.Type().(*types.Signature)
	if sig.TypeParams().Len() > 0 || sig.Recv() != nil && sig.RecvTypeParams().Len() > 0 {
		return false
	}
	return true
}

// usesAny reports whether n uses one of vars.
func (d *desugarer) usesAny(n ast.Node, vars map[types.Object]bool) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && vars[d.info.Uses[id]] {
			found = true
		}
		return !found
	})
	return found
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

func isUntypedNil(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Kind() == types.UntypedNil
}

// methodExpr rewrites a method expression, T.M or (*T).M, which yaegi v0.16.1
// calls with the wrong arguments, as func(recv T, a A…) R { return recv.M(a…) }.
func (d *desugarer) methodExpr(sel *ast.SelectorExpr) ast.Expr {
	s, ok := d.info.Selections[sel]
	if !ok || s.Kind() != types.MethodExpr {
		return nil
	}
	sig, ok := s.Type().(*types.Signature)
	if !ok || sig.Params().Len() == 0 {
		return nil
	}
	pos := sel.Pos()
	lit, err := d.forwarder(&ast.SelectorExpr{X: ident(pos, "__p0"), Sel: ident(pos, sel.Sel.Name)}, sig)
	if err != nil {
		d.fail(pos, "method expression "+sel.Sel.Name, err)
		return nil
	}
	// The forwarder passes every parameter to fun; the first is the receiver.
	call := forwardedCall(lit)
	call.Args = call.Args[1:]
	return lit
}

// forwardedCall returns the call a forwarder's body makes.
func forwardedCall(lit *ast.FuncLit) *ast.CallExpr {
	switch st := lit.Body.List[0].(type) {
	case *ast.ReturnStmt:
		return st.Results[0].(*ast.CallExpr)
	case *ast.ExprStmt:
		return st.X.(*ast.CallExpr)
	}
	return nil
}
