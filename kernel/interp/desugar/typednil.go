package desugar

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// In Go, an interface holding a nil pointer is not nil: `var p *MyErr; var err
// error = p` gives err != nil (the classic "nil error that is not nil").
// yaegi v0.16.1 converts a nil pointer of a cell's type to a nil interface when
// the interface is a compiled package's with methods (error, fmt.Stringer,
// io.Reader: genInterfaceWrapper), so err == nil is true: a silent wrong
// answer. The checker knows where such a conversion happens, so typedNils puts
// before the statement that converts p, a pointer of a cell's type,
//
//	if p == nil { __rt.TypedNil("*main.T", "error") }
//
// which refuses the nil pointer, saying why. (Not around p: yaegi converts the
// result of an interpreted call to a compiled interface wrongly.) The places
// are a return value, an assignment with =, a var declaration with a type, a
// call's argument, an explicit conversion, a composite literal's element and a
// channel send, in a statement of a block; p is a variable or a field of one,
// which the check can read again. &T{…} and new(T) are never nil. A nil value of
// a cell's named map, slice or func type is refused the same way.
func (d *desugarer) typedNils(root ast.Node) {
	var results []*types.Tuple // of the enclosing functions, innermost last
	var stmts []ast.Stmt       // the enclosing statements, innermost last; nil for one not in a block
	d.nilChecks = map[ast.Stmt][]ast.Stmt{}
	astutil.Apply(root, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncDecl:
			var res *types.Tuple
			if fn, ok := d.info.Defs[n.Name].(*types.Func); ok {
				res = fn.Type().(*types.Signature).Results()
			}
			results = append(results, res)
		case *ast.FuncLit:
			var res *types.Tuple
			if sig, ok := d.typeOf(n).(*types.Signature); ok {
				res = sig.Results()
			}
			results = append(results, res)
		case ast.Stmt:
			if c.Index() >= 0 {
				stmts = append(stmts, n)
			} else {
				stmts = append(stmts, nil)
			}
		}
		return true
	}, func(c *astutil.Cursor) bool {
		var in ast.Stmt
		if len(stmts) > 0 {
			in = stmts[len(stmts)-1]
		}
		switch n := c.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			results = results[:len(results)-1]
		case *ast.ReturnStmt:
			if len(results) > 0 && results[len(results)-1] != nil && results[len(results)-1].Len() == len(n.Results) {
				for i := range n.Results {
					d.nonNil(in, n.Results[i], results[len(results)-1].At(i).Type())
				}
				// return nil, lookup(): a call after operands that evaluate
				// to the same without it keeps Go's order when made first.
				for i := range n.Results {
					d.nonNilCall(in, &n.Results[i], results[len(results)-1].At(i).Type())
					if !plainOperand(n.Results[i]) {
						break
					}
				}
			}
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
				for i := range n.Rhs {
					if t := d.typeOf(n.Lhs[i]); t != nil {
						d.nonNil(in, n.Rhs[i], t)
					}
				}
				if t := d.typeOf(n.Lhs[0]); len(n.Rhs) == 1 && len(results) > 0 && rereadable(n.Lhs[0]) && t != nil {
					d.nonNilCall(in, &n.Rhs[0], t)
				}
			}
		case *ast.ValueSpec:
			if n.Type != nil {
				if t := d.typeOf(n.Type); t != nil {
					for i := range n.Values {
						d.nonNil(in, n.Values[i], t)
					}
					if len(n.Values) == 1 && len(results) > 0 {
						d.nonNilCall(in, &n.Values[0], t)
					}
				}
			}
		case *ast.SendStmt:
			if ch, ok := d.underlying(n.Chan).(*types.Chan); ok {
				d.nonNil(in, n.Value, ch.Elem())
			}
		case *ast.CallExpr:
			d.nonNilArgs(in, n)
		case *ast.CompositeLit:
			d.nonNilElements(in, n)
		}
		if _, ok := c.Node().(ast.Stmt); ok {
			stmts = stmts[:len(stmts)-1]
		}
		return true
	})
	if len(d.nilChecks) == 0 {
		return
	}
	insertBefore(root, d.nilChecks, nil)
}

// underlying returns the underlying type of e's type, or nil.
func (d *desugarer) underlying(e ast.Expr) types.Type {
	if t := d.typeOf(e); t != nil {
		return t.Underlying()
	}
	return nil
}

// nonNilArgs rewrites the arguments of call converted to a parameter's
// interface type, or of a conversion to an interface type.
func (d *desugarer) nonNilArgs(in ast.Stmt, call *ast.CallExpr) {
	if tv, ok := d.info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			d.nonNil(in, call.Args[0], tv.Type)
		}
		return
	}
	sig, ok := d.underlying(call.Fun).(*types.Signature)
	if !ok {
		return
	}
	params := sig.Params()
	for i := range call.Args {
		var t types.Type
		switch {
		case sig.Variadic() && i >= params.Len()-1:
			if call.Ellipsis.IsValid() {
				continue
			}
			t = params.At(params.Len() - 1).Type().(*types.Slice).Elem()
		case i < params.Len():
			t = params.At(i).Type()
		default:
			continue
		}
		d.nonNil(in, call.Args[i], t)
	}
}

// nonNilElements rewrites the elements of lit converted to an element, key or
// field of an interface type.
func (d *desugarer) nonNilElements(in ast.Stmt, lit *ast.CompositeLit) {
	t := d.typeOf(lit)
	if t == nil {
		return
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	for i, e := range lit.Elts {
		switch u := t.Underlying().(type) {
		case *types.Slice:
			d.nonNil(in, valueOf(e), u.Elem())
		case *types.Array:
			d.nonNil(in, valueOf(e), u.Elem())
		case *types.Map:
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				d.nonNil(in, kv.Key, u.Key())
				d.nonNil(in, kv.Value, u.Elem())
			}
		case *types.Struct:
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					if f, ok := d.info.Uses[id].(*types.Var); ok {
						d.nonNil(in, kv.Value, f.Type())
					}
				}
			} else if i < u.NumFields() {
				d.nonNil(in, e, u.Field(i).Type())
			}
		}
	}
}

// valueOf is e's value if e is index: value, or e.
func valueOf(e ast.Expr) ast.Expr {
	if kv, ok := e.(*ast.KeyValueExpr); ok {
		return kv.Value
	}
	return e
}

// nonNil records, for the statement in, the check that e is not nil, where e,
// a variable (or a field of one) holding a pointer of a cell's type, is
// converted to target, a compiled interface with methods.
func (d *desugarer) nonNil(in ast.Stmt, e ast.Expr, target types.Type) {
	if in == nil || !rereadable(e) {
		return
	}
	if src := d.nilConverted(e, target); src != nil {
		d.nonNilCheck(in, d.copyExpr(e), src, target)
	}
}

// nilConverted returns the type of e if a nil value of it converted to target
// is one the interpreter gets wrong: a pointer of a cell's type (or one of its
// named map, slice or func types) to a compiled interface with methods; or nil.
func (d *desugarer) nilConverted(e ast.Expr, target types.Type) types.Type {
	iface, ok := target.Underlying().(*types.Interface)
	if !ok || iface.NumMethods() == 0 || d.declared(target) {
		return nil
	}
	src := d.typeOf(e)
	if src == nil {
		return nil
	}
	src = types.Unalias(src)
	if !d.nilOfCellType(src) || d.mentionsTypeParam(src, 0) {
		return nil
	}
	return src
}

// nonNilCheck records, for the statement in, `if e == nil { __rt.TypedNil(…) }`:
// e, of type ptr, is converted to target.
func (d *desugarer) nonNilCheck(in ast.Stmt, e ast.Expr, ptr, target types.Type) {
	pos := e.Pos()
	d.nilChecks[in] = append(d.nilChecks[in], &ast.IfStmt{If: pos,
		Cond: &ast.BinaryExpr{X: e, OpPos: pos, Op: token.EQL, Y: ident(pos, "nil")},
		Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: []ast.Stmt{
			&ast.ExprStmt{X: d.rtCall(pos, "TypedNil", stringLit(pos, goName(ptr)), stringLit(pos, goName(target)))}}}})
}

// nonNilCall is nonNil of *e, a call whose result (a pointer of a cell's type…)
// is converted to target, a compiled interface with methods, where nothing a
// statement in a function evaluates before it has an effect (return f(),
// return nil, f(), err = f(), var err error = f()): the call cannot be made
// twice, so it is made first, into a temporary, which the check reads and the
// statement uses instead, and the order of evaluation stays Go's.
func (d *desugarer) nonNilCall(in ast.Stmt, e *ast.Expr, target types.Type) {
	call, ok := ast.Unparen(*e).(*ast.CallExpr)
	if !ok || in == nil {
		return
	}
	if tv, ok := d.info.Types[call.Fun]; ok && tv.IsType() {
		return // a conversion: of what nonNil checks, if anything
	}
	src := d.nilConverted(call, target)
	if src == nil {
		return
	}
	pos := call.Pos()
	tmp := d.temp("tn")
	d.nilChecks[in] = append(d.nilChecks[in], &ast.AssignStmt{Lhs: []ast.Expr{ident(pos, tmp)}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{*e}})
	*e = ident(pos, tmp)
	d.nonNilCheck(in, ident(pos, tmp), src, target)
}

// plainOperand reports whether evaluating e can have no effect and cannot
// panic: a name or a literal (of a basic type, or a function).
func plainOperand(e ast.Expr) bool {
	switch ast.Unparen(e).(type) {
	case *ast.Ident, *ast.BasicLit, *ast.FuncLit:
		return true
	}
	return false
}

// nilOfCellType reports whether t, a value of which may be nil, is a pointer to
// a cell's type, or a cell's named map, slice or func type (`type Errs []error`
// with an Error method): yaegi makes a nil one a nil compiled interface too.
func (d *desugarer) nilOfCellType(t types.Type) bool {
	if ptr, ok := t.(*types.Pointer); ok {
		return d.declared(ptr.Elem())
	}
	if _, named := t.(*types.Named); !named || !d.declared(t) {
		return false
	}
	switch t.Underlying().(type) {
	case *types.Map, *types.Slice, *types.Signature:
		return true
	}
	return false
}

// rereadable reports whether e can be evaluated again to the same value: a
// variable, or a field of one through selectors.
func rereadable(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return x.Name != "nil" && x.Name != "_"
	case *ast.SelectorExpr:
		return rereadable(x.X)
	}
	return false
}
