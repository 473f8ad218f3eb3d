package desugar

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// In Go, a deferred call that panics while its function is panicking replaces
// the panic, and the function's other deferred calls still run: a recover in one
// of them returns the newest panic. yaegi v0.16.1 runs a function's deferred
// calls in one loop that a panic leaves: the calls after it never run, so a
// recover in them never happens and the cell fails with the panic.
//
// A function whose deferred calls may be more than one (two defer statements, or
// one in a loop) therefore keeps its panic in a variable of its own, a
// *__rt.deferring (kernel/interp/deferring.go), and has each deferred call catch
// what panics in it:
//
//	func f() {                   func f() {
//		mu.Lock()                    __dp := __rt.Deferring()
//		defer mu.Unlock()            defer __dp.Reraise()   // runs last: the panic left, if any
//		defer g(x)                   mu.Lock()
//		defer func() {               { var __df_r *sync.Mutex = &mu; defer func(…) { __dp.Call(recover(), func() { __df_r.Unlock() }) }(…) }
//			if r := recover(); …     { var __df_a0 X = x
//		}()                            defer func(__df_a0 X) {
//		…                                  if __dp.Take(recover()) {   // f's panic, now __dp's
//	}                                          __dp.Call(nil, func() { __dc := g; defer __dc(__df_a0); __dp.Raise() })
//	                                       } else {
//	                                           __dp.Call(nil, func() { g(__df_a0) })
//	                                       }
//	                                   }(__df_a0) }
//	                             defer func() {
//	                                   __dp.Call(recover(), func() { if r := __dp.Recover(); … })
//	                               }()
//	                             …
//	                             }
//
// Take and Call (which calls its function, catching the panic into __dp) take
// the panic the interpreter holds for f, which only a recover called by a
// function f defers can reach. A recover written in a deferred function literal
// becomes __dp.Recover(), which returns (and ends) the function's panic. A
// deferred call of another function that may be interpreted sees the panic
// through its own recover, as the deferred call of a function that panics with
// it (Raise), and may end it there. Calls of builtins, of package functions and
// of compiled types' methods cannot recover, and are called directly.
//
// So is a function with one deferred call (defersMayStop): in Go, os.Exit and
// log.Fatal end the program at once and no deferred call runs, but in a cell they
// panic with symbols.Exit, which the interpreter unwinds running every deferred
// call; Call runs none once the function's panic is an exit. (One kind is left:
// a single deferred call of a function value that may recover, which cannot be
// handed a raised panic: see deferredThroughValue.) Deferred calls in the body of a range
// over a function are left to rangefunc.go, which runs each from a deferred call
// of its own.

// defersMayStop reports whether the function with this body, a function
// literal if lit, defers a call (not in the body of a range over a function)
// that may be stopped: by another's panic, when it has two defer statements or
// one in a loop; or by an exit (os.Exit, log.Fatal), which in Go runs no
// deferred call (deferring.Call skips them all). A function whose one deferred
// call is of a function value that may recover is left as it was (such a value
// could not recover a panic raised again for it: see deferredThroughValue).
func (d *desugarer) defersMayStop(body *ast.BlockStmt, lit bool) bool {
	var defers []*ast.DeferStmt
	inLoop, loops := false, 0
	astutil.Apply(body, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			return false
		case *ast.RangeStmt:
			if d.rangesOverFunc(n) {
				return false
			}
			loops++
		case *ast.ForStmt:
			loops++
		case *ast.DeferStmt:
			defers = append(defers, n)
			inLoop = inLoop || loops > 0
		}
		return true
	}, func(c *astutil.Cursor) bool {
		switch c.Node().(type) {
		case *ast.RangeStmt, *ast.ForStmt:
			loops--
		}
		return true
	})
	if len(defers) > 1 || inLoop {
		return true
	}
	return len(defers) == 1 && !d.deferredThroughValue(defers[0], lit)
}

// deferredThroughValue reports whether st, in a function literal if lit, defers
// a call that may recover of a function value deferNow binds at the defer
// statement (a variable or field holding a function, a function declared further
// down the cell): yaegi v0.16.1 gives such a value the frame it was made in as
// its caller, so its recover would not see a panic Raise hands it.
func (d *desugarer) deferredThroughValue(st *ast.DeferStmt, lit bool) bool {
	call := st.Call
	if _, isLit := call.Fun.(*ast.FuncLit); isLit || !d.mayRecover(call) {
		return false
	}
	if lit && d.declaredLater(st, call.Fun) {
		return true
	}
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		_, isFunc := d.info.Uses[fun].(*types.Func)
		return !isFunc
	case *ast.SelectorExpr:
		sel, ok := d.info.Selections[fun]
		return ok && sel.Kind() == types.FieldVal
	}
	return true
}

// catchDeferredPanics declares the panic variable p at the start of body, and
// defers the re-raise of the panic left when the deferred calls are done.
func (d *desugarer) catchDeferredPanics(body *ast.BlockStmt, p string) {
	pos := body.Lbrace
	decl := &ast.AssignStmt{Lhs: []ast.Expr{ident(pos, p)}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{d.rtCall(pos, "Deferring")}}
	reraise := &ast.DeferStmt{Defer: pos, Call: methodCall(pos, p, "Reraise")}
	body.List = append([]ast.Stmt{decl, reraise}, body.List...)
}

// deferCatching returns the defer statement orig, as deferNow rewrote it (r, nil
// if it left it, with the variables bound), with its call made to catch a panic
// into p; or nil to leave it.
func (d *desugarer) deferCatching(orig *ast.DeferStmt, r ast.Stmt, bound []boundValue, p string) ast.Stmt {
	ds := orig
	switch r := r.(type) {
	case nil:
		if len(orig.Call.Args) > 0 {
			return nil // arguments deferNow could not bind: evaluated now only if left deferred
		}
	case *ast.BlockStmt:
		last, ok := r.List[len(r.List)-1].(*ast.DeferStmt)
		if !ok {
			return nil
		}
		ds = last
	default:
		return nil
	}
	call := ds.Call
	pos := ds.Defer
	if id := identOf(call.Fun); id != nil {
		if b, ok := d.info.Uses[id].(*types.Builtin); ok && b.Name() == "recover" {
			return nil // `defer recover()` recovers nothing, and cannot panic
		}
	}

	// The deferred function: the values bound at the defer statement are its
	// parameters, under the same names, so that it reads them as they were then.
	params := &ast.FieldList{Opening: pos, Closing: pos}
	args := call.Args
	if len(bound) > 0 {
		args = nil
	}
	for _, b := range bound {
		te, err := d.typeExpr(b.t, b.pos)
		if err != nil {
			d.fail(pos, "defer", err)
			return nil
		}
		params.List = append(params.List, &ast.Field{Names: []*ast.Ident{ident(b.pos, b.name)}, Type: te})
		args = append(args, ident(b.pos, b.name))
	}
	recoverCall := &ast.CallExpr{Fun: ident(pos, "recover"), Lparen: pos, Rparen: pos}
	thunk := func(list ...ast.Stmt) ast.Expr {
		return &ast.FuncLit{Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{}}, Body: &ast.BlockStmt{Lbrace: pos, List: list, Rbrace: pos}}
	}
	// p.Call(v, f) takes v, the function's panic if not nil, and calls f,
	// catching its panic.
	callIn := func(v, f ast.Expr) ast.Stmt { return &ast.ExprStmt{X: methodCall(pos, p, "Call", v, f)} }
	var body []ast.Stmt
	lit, isLit := call.Fun.(*ast.FuncLit)
	switch {
	case isLit && (lit.Type.Results == nil || len(lit.Type.Results.List) == 0):
		// The literal's body runs in a function literal of the deferred one,
		// which takes the literal's parameters.
		d.recoverFrom(lit, p)
		params, args = lit.Type.Params, call.Args
		body = []ast.Stmt{callIn(recoverCall, thunk(lit.Body.List...))}
	case isLit:
		d.recoverFrom(lit, p)
		body = []ast.Stmt{callIn(recoverCall, thunk(&ast.ExprStmt{X: call}))}
	case !d.mayRecover(orig.Call):
		f := thunk(&ast.ExprStmt{X: call})
		if sig, ok := d.typeOf(orig.Call.Fun).(*types.Signature); ok && sig.Params().Len() == 0 && sig.Results().Len() == 0 {
			// A package's function is passed as it is (a compiled method value,
			// such as wg.Done of a bound *sync.WaitGroup, yaegi v0.16.1 gives
			// the type of the method expression: func(*sync.WaitGroup)).
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
				if _, isPkg := d.info.Uses[identOf(sel.X)].(*types.PkgName); isPkg {
					f = call.Fun
				}
			}
		}
		body = []ast.Stmt{callIn(recoverCall, f)}
	default:
		// if p.Take(recover()) { p.Call(nil, func() { defer call; p.Raise() }) } else { p.Call(nil, func() { call }) }
		//
		// The function is deferred through a variable: in a function literal,
		// yaegi v0.16.1 skips the deferred call of a function or method declared
		// further down the cell (`defer later()` never runs). A generic function
		// stays deferred by name: its value is a wrapper, which would call it,
		// not defer it.
		var again []ast.Stmt
		if id := identOf(call.Fun); id != nil && d.isGeneric(id) {
			again = append(again, &ast.DeferStmt{Defer: pos, Call: d.copyCall(call, d.copyExpr(call.Fun))})
		} else {
			fv := d.temp("dc")
			again = append(again,
				&ast.AssignStmt{Lhs: []ast.Expr{ident(pos, fv)}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{d.copyExpr(call.Fun)}},
				&ast.DeferStmt{Defer: pos, Call: d.copyCall(call, ident(pos, fv))})
		}
		again = append(again, &ast.ExprStmt{X: methodCall(pos, p, "Raise")})
		body = []ast.Stmt{&ast.IfStmt{If: pos,
			Cond: methodCall(pos, p, "Take", recoverCall),
			Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{callIn(ident(pos, "nil"), thunk(again...))}, Rbrace: pos},
			Else: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{callIn(ident(pos, "nil"), thunk(&ast.ExprStmt{X: call}))}, Rbrace: pos},
		}}
	}
	wrapped := &ast.DeferStmt{Defer: pos, Call: &ast.CallExpr{Fun: &ast.FuncLit{
		Type: &ast.FuncType{Func: pos, Params: params},
		Body: &ast.BlockStmt{Lbrace: pos, List: body, Rbrace: call.End()},
	}, Lparen: call.Lparen, Args: args, Rparen: call.Rparen}}
	if r, ok := r.(*ast.BlockStmt); ok {
		r.List[len(r.List)-1] = wrapped
		return r
	}
	return wrapped
}

// recoverFrom rewrites the calls of recover in lit (not in function literals in
// it), a function deferred by the function whose panic is p, as p.Recover().
func (d *desugarer) recoverFrom(lit *ast.FuncLit, p string) {
	astutil.Apply(lit.Body, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if id := identOf(n.Fun); id != nil && len(n.Args) == 0 {
				if b, ok := d.info.Uses[id].(*types.Builtin); ok && b.Name() == "recover" {
					r := methodCall(n.Pos(), p, "Recover")
					r.Rparen = n.Rparen
					c.Replace(r)
				}
			}
		}
		return true
	}, nil)
}

// mayRecover reports whether call may call recover, called as a deferred
// function: it is not a call of a builtin, of a package's function or of a method
// of a compiled type.
func (d *desugarer) mayRecover(call *ast.CallExpr) bool {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		_, builtin := d.info.Uses[fun].(*types.Builtin)
		return !builtin
	case *ast.SelectorExpr:
		if id, ok := fun.X.(*ast.Ident); ok {
			if _, isPkg := d.info.Uses[id].(*types.PkgName); isPkg {
				return false
			}
		}
		sel, ok := d.info.Selections[fun]
		if !ok || sel.Kind() != types.MethodVal {
			return true
		}
		m := sel.Obj()
		if types.IsInterface(sel.Recv()) || m.Pkg() == nil {
			return true
		}
		return m.Pkg().Path() == "main"
	}
	return true
}

// isGeneric reports whether id names a generic function, instantiated here.
func (d *desugarer) isGeneric(id *ast.Ident) bool {
	_, ok := d.info.Instances[id]
	return ok
}

// methodCall returns the call recv.name(args…).
func methodCall(pos token.Pos, recv, name string, args ...ast.Expr) *ast.CallExpr {
	return &ast.CallExpr{Fun: &ast.SelectorExpr{X: ident(pos, recv), Sel: ident(pos, name)}, Lparen: pos, Args: args, Rparen: pos}
}

// copyCall returns a copy of call, of the function fun, whose arguments are
// copies of the identifiers deferNow leaves in it, known to the checker's
// information as the originals are; other nodes are shared.
func (d *desugarer) copyCall(call *ast.CallExpr, fun ast.Expr) *ast.CallExpr {
	cp := *call
	cp.Fun = fun
	cp.Args = make([]ast.Expr, len(call.Args))
	for i, a := range call.Args {
		cp.Args[i] = d.copyExpr(a)
	}
	return &cp
}

func (d *desugarer) copyExpr(e ast.Expr) ast.Expr {
	var cp ast.Expr
	switch e := e.(type) {
	case *ast.Ident:
		id := *e
		if obj, ok := d.info.Uses[e]; ok {
			d.info.Uses[&id] = obj
		}
		if inst, ok := d.info.Instances[e]; ok {
			d.info.Instances[&id] = inst
		}
		cp = &id
	case *ast.SelectorExpr:
		sel := *e
		sel.X = d.copyExpr(e.X)
		sel.Sel = d.copyExpr(e.Sel).(*ast.Ident)
		if s, ok := d.info.Selections[e]; ok {
			d.info.Selections[&sel] = s
		}
		cp = &sel
	default:
		return e
	}
	if tv, ok := d.info.Types[e]; ok {
		d.info.Types[cp] = tv
	}
	return cp
}
