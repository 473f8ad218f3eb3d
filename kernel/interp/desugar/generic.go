package desugar

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// expressions rewrites the expressions the interpreter cannot run. Outermost
// first, constant expressions become literals of their values (consts.go); then,
// innermost first, calls of generic functions get all their type arguments,
// generic functions used as values become function literals, the builtins it
// lacks become helpers (builtins.go), and so do conversions to type parameters
// and literals of them (typeparams.go); some compiled methods' calls go to the
// runtime (methods.go).
func (d *desugarer) expressions(root ast.Node) {
	astutil.Apply(root, func(c *astutil.Cursor) bool {
		if as, ok := c.Node().(*ast.AssignStmt); ok && (as.Tok == token.SHL_ASSIGN || as.Tok == token.SHR_ASSIGN) {
			as.Rhs[0] = d.checkedShiftCount(as.Rhs[0])
		}
		e, ok := c.Node().(ast.Expr)
		if !ok {
			return true
		}
		if lit, ok := e.(*ast.CompositeLit); ok {
			d.literalKeys(lit)
		}
		if b, ok := e.(*ast.BinaryExpr); ok && (b.Op == token.SHL || b.Op == token.SHR) {
			d.typedShiftOperand(b)
			b.Y = d.checkedShiftCount(b.Y)
		}
		if r := d.constant(e); r != nil {
			d.info.Types[r] = d.info.Types[e] // for the rewrites around it (a conversion to a type parameter)
			c.Replace(r)
			return false
		}
		return true
	}, func(c *astutil.Cursor) bool {
		var r ast.Expr
		switch n := c.Node().(type) {
		case *ast.CallExpr:
			if r = d.builtin(n); r == nil {
				r = d.typeParamConversion(n)
			}
			if r == nil {
				r = d.runtimeMethod(n)
			}
		case *ast.CompositeLit:
			r = d.typeParamLiteral(n)
		case *ast.Ident:
			if sel, ok := c.Parent().(*ast.SelectorExpr); ok && c.Name() == "Sel" && sel.Sel == n {
				break // the selector is the instance
			}
			r = d.instance(n, n, c)
		case *ast.SelectorExpr:
			if r = d.methodExpr(n); r == nil {
				r = d.methodValue(n, c)
			}
			if r == nil {
				d.addressReceiver(n)
			}
			if r == nil {
				r = d.instance(n, n.Sel, c)
			}
		case *ast.IndexExpr:
			r = d.instance(n, instanceIdent(n.X), c)
		case *ast.IndexListExpr:
			r = d.instance(n, instanceIdent(n.X), c)
		}
		if r != nil {
			// The rewrite has the type of what it replaces, for the rewrites
			// of the expressions around it.
			if tv, ok := d.info.Types[c.Node().(ast.Expr)]; ok {
				d.info.Types[r] = tv
			}
			c.Replace(r)
		}
		return true
	})
}

// instanceIdent returns the identifier that names a generic function in x (f or
// pkg.F), or nil.
func instanceIdent(x ast.Expr) *ast.Ident {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		return x
	case *ast.SelectorExpr:
		return x.Sel
	}
	return nil
}

// instance rewrites e, an expression that may denote an instance of a generic
// function named by id: it returns e with every type argument written out, in a
// function literal unless e is called, or nil to leave e alone.
func (d *desugarer) instance(e ast.Expr, id *ast.Ident, c *astutil.Cursor) ast.Expr {
	if id == nil {
		return nil
	}
	inst, ok := d.info.Instances[id]
	if !ok {
		return nil
	}
	sig, ok := inst.Type.(*types.Signature)
	if !ok {
		return d.compiledGenericType(e, id, inst, c)
	}
	// Leave f alone in f[…]: the index expression is the instance.
	if isIndexOperand(c, e) {
		return nil
	}
	args, err := d.typeList(inst.TypeArgs, e.Pos())
	if err != nil {
		d.fail(e.Pos(), "the call of generic function "+id.Name, err)
		return nil
	}
	fun := e
	switch x := e.(type) {
	case *ast.IndexExpr:
		fun = x.X
	case *ast.IndexListExpr:
		fun = x.X
	}
	explicit := instanceCallee(fun, args, e.Pos())
	if call, ok := c.Parent().(*ast.CallExpr); ok && c.Name() == "Fun" && call.Fun == e {
		return explicit
	}
	// Used as a value, an instance is run wrongly (it returns zero values):
	// forward to it from a function literal.
	lit, err := d.forwarder(explicit, sig)
	if err != nil {
		d.fail(e.Pos(), "generic function "+id.Name+" used as a value", err)
		return nil
	}
	return lit
}

// forwarder returns func(params) results { return fun(params) }.
func (d *desugarer) forwarder(fun ast.Expr, sig *types.Signature) (*ast.FuncLit, error) {
	pos := fun.Pos()
	ft, err := d.funcType(sig, pos, true)
	if err != nil {
		return nil, err
	}
	call := &ast.CallExpr{Fun: fun, Lparen: pos, Rparen: pos}
	for _, f := range ft.Params.List {
		call.Args = append(call.Args, ident(pos, f.Names[0].Name))
	}
	if sig.Variadic() {
		call.Ellipsis = pos
	}
	var st ast.Stmt = &ast.ExprStmt{X: call}
	if sig.Results().Len() > 0 {
		st = &ast.ReturnStmt{Return: pos, Results: []ast.Expr{call}}
	}
	return &ast.FuncLit{Type: ft, Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{st}, Rbrace: pos}}, nil
}

// compiledGenericType writes an instance of a generic type of a compiled package
// that the interpreter lacks (its symbol tables hold no generic type) as the
// type's underlying type: iter.Seq[int] is func(yield func(int) bool). It
// returns nil for other types.
func (d *desugarer) compiledGenericType(e ast.Expr, id *ast.Ident, inst types.Instance, c *astutil.Cursor) ast.Expr {
	named, ok := inst.Type.(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() == "main" || d.cfg.Has(named.Obj().Pkg().Path(), named.Obj().Name()) {
		return nil
	}
	if isIndexOperand(c, e) {
		return nil
	}
	te, err := d.typeExpr(named.Underlying(), e.Pos())
	if err != nil {
		d.fail(e.Pos(), "generic type "+named.Obj().Pkg().Name()+"."+id.Name, err)
		return nil
	}
	return te
}

// addressReceiver writes x.M, a method with a pointer receiver of a type a cell
// declared, selected on an addressable variable x, as (&x).M, which is what Go
// does. yaegi v0.16.1 would
// copy the whole of x to look at it before taking its address: a read of every
// field, which races with another goroutine's method on x (a sync.Mutex in x
// being unlocked).
func (d *desugarer) addressReceiver(sel *ast.SelectorExpr) {
	s, ok := d.info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal || s.Indirect() || s.Obj().Pkg() == nil || s.Obj().Pkg().Path() != "main" {
		return
	}
	if _, ptr := s.Obj().Type().(*types.Signature).Recv().Type().(*types.Pointer); !ptr {
		return
	}
	if rt := d.typeOf(sel.X); rt == nil || types.IsInterface(rt) {
		return
	} else if _, ptr := rt.Underlying().(*types.Pointer); ptr {
		return
	}
	pos := sel.X.Pos()
	sel.X = &ast.ParenExpr{Lparen: pos, X: &ast.UnaryExpr{OpPos: pos, Op: token.AND, X: sel.X}, Rparen: sel.X.End()}
}

// methodValue rewrites x.M, a method value not called at once, as
//
//	func() F { __r := x; return func(params) results { return __r.M(params) } }()
//
// Go evaluates the receiver when the method value is made, and copies it for a
// value receiver. yaegi v0.16.1 reads x when the method value is called: of a
// value receiver reached through a pointer (p.M, p a *T; s.M promoted through
// an embedded *T; d.String, d a *time.Duration) or of a pointer receiver (p.M
// with p reassigned, or a range's variable), it calls M on what x holds then;
// and it cannot make some method values at all (of an interface value read
// from a struct's field, of a compiled method with a pointer receiver). __r is
// the receiver itself, reached through the embedded fields with each pointer on
// the way dereferenced, and its address taken for a pointer receiver
// (receiverPath): so a nil pointer panics where Go's does. A nil interface
// panics there too, by __rt.NilDeref, where the forwarding function would only
// when called.
func (d *desugarer) methodValue(sel *ast.SelectorExpr, c *astutil.Cursor) ast.Expr {
	s, ok := d.info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal {
		return nil
	}
	if call, ok := c.Parent().(*ast.CallExpr); ok && c.Name() == "Fun" && call.Fun == sel {
		return nil
	}
	rt := d.typeOf(sel.X)
	if rt == nil {
		return nil
	}
	if _, isParam := rt.(*types.TypeParam); isParam {
		return nil
	}
	pos := sel.Pos()
	recv, recvType, err := d.receiverPath(sel.X, rt, s)
	if err != nil {
		d.fail(pos, "method value "+types.ExprString(sel), err)
		return nil
	}
	sig := s.Type().(*types.Signature)
	r := d.temp("mr")
	fwd, err := d.forwarder(&ast.SelectorExpr{X: ident(pos, r), Sel: ident(sel.Sel.Pos(), sel.Sel.Name)}, sig)
	if err != nil {
		d.fail(pos, "method value "+types.ExprString(sel), err)
		return nil
	}
	ft, err := d.typeExpr(sig, pos)
	if err != nil {
		d.fail(pos, "method value "+types.ExprString(sel), err)
		return nil
	}
	body := []ast.Stmt{&ast.AssignStmt{Lhs: []ast.Expr{ident(pos, r)}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{recv}}}
	if types.IsInterface(recvType) {
		body = append(body, &ast.IfStmt{If: pos, Cond: &ast.BinaryExpr{X: ident(pos, r), OpPos: pos, Op: token.EQL, Y: ident(pos, "nil")},
			Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{&ast.ExprStmt{X: d.rtCall(pos, "NilDeref")}}, Rbrace: pos}})
	}
	body = append(body, &ast.ReturnStmt{Return: pos, Results: []ast.Expr{fwd}})
	lit := &ast.FuncLit{
		Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: ft}}}},
		Body: &ast.BlockStmt{Lbrace: pos, List: body, Rbrace: sel.End()},
	}
	return &ast.CallExpr{Fun: lit, Lparen: pos, Rparen: sel.End()}
}

// receiverPath returns what __r of methodValue holds, and its type, for s,
// the selection of a method on x of type t: what Go evaluates when the method
// value is made, so that __r.M reaches the receiver from it without reading
// anything that may change after. That is x's embedded fields on s's path
// named up to the last pointer on it, which is dereferenced for a method with
// a value receiver (a copy of what holds the receiver by value); x itself for
// a path without pointers, copied, or its address for a pointer receiver (x is
// then addressable, or the checker would have refused x.M); and the whole path
// to a receiver that is a pointer or an interface, which Go evaluates, nil
// or not.
func (d *desugarer) receiverPath(x ast.Expr, t types.Type, s *types.Selection) (ast.Expr, types.Type, error) {
	index := s.Index()
	path := index[:len(index)-1]
	// ts[j] is the type path[j] is selected on; ts[len(path)] the receiver's.
	ts := []types.Type{t}
	for _, i := range path {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return nil, nil, fmt.Errorf("the receiver's path goes through %s, which is not a struct", t)
		}
		t = st.Field(i).Type()
		ts = append(ts, t)
	}
	isPointer := func(t types.Type) bool {
		_, ok := t.Underlying().(*types.Pointer)
		return ok
	}
	named := len(path) // how many of path's fields to name
	if last := ts[len(path)]; !isPointer(last) && !types.IsInterface(last) {
		for named >= 0 && !isPointer(ts[named]) {
			named--
		}
	}
	_, ptrRecv := s.Obj().Type().(*types.Signature).Recv().Type().(*types.Pointer)
	if named < 0 { // no pointer on the way
		if ptrRecv {
			return &ast.UnaryExpr{OpPos: x.Pos(), Op: token.AND, X: x}, types.NewPointer(ts[0]), nil
		}
		return x, ts[0], nil
	}
	pos := x.Pos()
	t = ts[0]
	for j, i := range path[:named] {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			x = &ast.ParenExpr{Lparen: pos, X: &ast.StarExpr{Star: pos, X: x}, Rparen: x.End()}
			t = p.Elem()
		}
		f := t.Underlying().(*types.Struct).Field(i)
		if !f.Exported() && f.Pkg().Path() != d.unit.Pkg.Path() {
			return nil, nil, fmt.Errorf("the method is promoted through %s's unexported field %s, which ratelab must name to take the receiver where Go does", t, f.Name())
		}
		name := ident(pos, f.Name())
		d.info.Uses[name] = f // for the session, which renames an embedded field of a type declared again
		x = &ast.SelectorExpr{X: x, Sel: name}
		t = ts[j+1]
	}
	if p, ok := t.Underlying().(*types.Pointer); ok && !ptrRecv {
		return &ast.ParenExpr{Lparen: pos, X: &ast.StarExpr{Star: pos, X: x}, Rparen: x.End()}, p.Elem(), nil
	}
	return x, t, nil
}

// isIndexOperand reports whether e, at cursor c, is the operand of an index expression
// f[…]: the index expression is then the instance, and e is left alone.
func isIndexOperand(c *astutil.Cursor, e ast.Expr) bool {
	switch p := c.Parent().(type) {
	case *ast.IndexExpr:
		return c.Name() == "X" && p.X == e
	case *ast.IndexListExpr:
		return c.Name() == "X" && p.X == e
	}
	return false
}
