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
// which refuses the nil pointer, saying why. The places are a return value, an
// assignment with = or :=, a var declaration with a type, a call's argument, an
// explicit conversion, a composite literal's element, a map index's key and a
// channel send. A variable (or a field of one) in a statement of a block is
// checked before the statement, as above; any other expression (a call, an
// index, a receive) is checked where it is evaluated, through a function that
// takes it and returns it converted (see nonNil), which also spares yaegi the
// conversion of a call's result it fails (reflect.Set: … not assignable to type
// error, for use(lookup())). &T{…} and new(T) are never nil. A nil value of a
// cell's named map, slice or func type is refused the same way, and so is one
// an interface holds that is asserted to a compiled interface (nonNilAsserted).
// A comparison with an interface is left alone: yaegi gets it right.
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
				if len(n.Results) > 1 {
					d.nonNilResults(in, n, results[len(results)-1])
				} else {
					d.nonNil(in, &n.Results[0], results[len(results)-1].At(0).Type())
				}
			}
		case *ast.AssignStmt:
			if (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) && len(n.Lhs) == len(n.Rhs) {
				for i := range n.Rhs {
					if t := d.typeOf(n.Lhs[i]); t != nil {
						d.nonNil(in, &n.Rhs[i], t)
					}
				}
			}
		case *ast.ValueSpec:
			if n.Type != nil {
				if t := d.typeOf(n.Type); t != nil {
					for i := range n.Values {
						d.nonNil(in, &n.Values[i], t)
					}
				}
			}
		case *ast.SendStmt:
			if ch, ok := d.underlying(n.Chan).(*types.Chan); ok {
				d.nonNil(in, &n.Value, ch.Elem())
			}
		case *ast.IndexExpr:
			if m, ok := d.underlying(n.X).(*types.Map); ok {
				d.nonNil(in, &n.Index, m.Key())
			}
		case *ast.CallExpr:
			d.nonNilArgs(in, n)
		case *ast.CompositeLit:
			d.nonNilElements(in, n)
		case *ast.TypeAssertExpr:
			if r := d.nonNilAsserted(n, c.Parent()); r != nil {
				c.Replace(r)
			}
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
			d.nonNil(in, &call.Args[0], tv.Type)
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
		d.nonNil(in, &call.Args[i], t)
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
			d.nonNil(in, valueOf(&lit.Elts[i]), u.Elem())
		case *types.Array:
			d.nonNil(in, valueOf(&lit.Elts[i]), u.Elem())
		case *types.Map:
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				d.nonNil(in, &kv.Key, u.Key())
				d.nonNil(in, &kv.Value, u.Elem())
			}
		case *types.Struct:
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					if f, ok := d.info.Uses[id].(*types.Var); ok {
						d.nonNil(in, &kv.Value, f.Type())
					}
				}
			} else if i < u.NumFields() {
				d.nonNil(in, &lit.Elts[i], u.Field(i).Type())
			}
		}
	}
}

// valueOf is the value of *e if it is index: value, or e.
func valueOf(e *ast.Expr) *ast.Expr {
	if kv, ok := (*e).(*ast.KeyValueExpr); ok {
		return &kv.Value
	}
	return e
}

// nonNil makes sure that *e, converted to target, is not a nil value of a
// cell's type (see nilConverted). A variable, or a field of one, in a statement
// of a block is checked before the statement; any other expression (a call, an
// index, a receive…), which cannot be evaluated twice or earlier without
// changing what the statement does, is passed through a function that checks
// it where it is evaluated:
//
//	func(__tn *T) error { if __tn == nil { __rt.TypedNil(…) }; return __tn }(e)
//
// which also makes the conversion in a return statement, which the interpreter
// does right, where it fails converting the result of a call (reflect.Set: …
// not assignable to type error) or gets a nil one wrong silently.
func (d *desugarer) nonNil(in ast.Stmt, e *ast.Expr, target types.Type) {
	src := d.nilConverted(*e, target)
	if src == nil || neverNil(d.info, *e) {
		return
	}
	if in != nil && rereadable(*e) {
		d.nonNilCheck(in, d.copyExpr(*e), src, target)
		return
	}
	pos := (*e).Pos()
	srcExpr, err := d.typeExpr(src, pos)
	if err == nil {
		var targetExpr ast.Expr
		if targetExpr, err = d.typeExpr(target, pos); err == nil {
			p := d.temp("tn")
			*e = &ast.CallExpr{Fun: &ast.FuncLit{
				Type: &ast.FuncType{Func: pos,
					Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ident(pos, p)}, Type: srcExpr}}},
					Results: &ast.FieldList{List: []*ast.Field{{Type: targetExpr}}}},
				Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: []ast.Stmt{
					d.nilCheck(ident(pos, p), src, target),
					&ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(pos, p)}}}},
			}, Lparen: pos, Args: []ast.Expr{*e}, Rparen: (*e).End()}
			return
		}
	}
	d.fail(pos, "converting "+types.ExprString(*e)+" to "+goName(target), err)
}

// nonNilResults is nonNil of each of the results of ret, of the types res, but
// where one is to be checked where it is evaluated, ret's results become the
// arguments of a function that checks them and returns them:
//
//	return func(__r0 string, __r1 *T) (string, error) { if __r1 == nil { … }; return __r0, __r1 }(x.f, lookup())
//
// since yaegi v0.16.1 fails on a result after a call of a function literal
// (return "x", func(…) error {…}(…), len(s) dereferences nil), and so that
// the results are evaluated in Go's order.
func (d *desugarer) nonNilResults(in ast.Stmt, ret *ast.ReturnStmt, res *types.Tuple) {
	wrap := false
	for i, e := range ret.Results {
		if d.nilConverted(e, res.At(i).Type()) != nil && !neverNil(d.info, e) && (in == nil || !rereadable(e)) {
			wrap = true
		}
	}
	if !wrap {
		for i := range ret.Results {
			d.nonNil(in, &ret.Results[i], res.At(i).Type())
		}
		return
	}
	pos := ret.Pos()
	var params, results []*ast.Field
	var body []ast.Stmt
	var values []ast.Expr
	for i, e := range ret.Results {
		t := res.At(i).Type()
		src := d.nilConverted(e, t)
		if src != nil && neverNil(d.info, e) {
			src = nil
		}
		pt := t
		if src != nil {
			pt = src
		}
		pe, err := d.typeExpr(pt, pos)
		var re ast.Expr
		if err == nil {
			re, err = d.typeExpr(t, pos)
		}
		if err != nil {
			d.fail(pos, "return of "+goName(t), err)
			return
		}
		p := d.temp("r")
		params = append(params, &ast.Field{Names: []*ast.Ident{ident(pos, p)}, Type: pe})
		results = append(results, &ast.Field{Type: re})
		if src != nil {
			body = append(body, d.nilCheck(ident(pos, p), src, t))
		}
		values = append(values, ident(pos, p))
	}
	body = append(body, &ast.ReturnStmt{Return: pos, Results: values})
	ret.Results = []ast.Expr{&ast.CallExpr{Fun: &ast.FuncLit{
		Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{List: params}, Results: &ast.FieldList{List: results}},
		Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: body},
	}, Lparen: pos, Args: ret.Results, Rparen: ret.End()}}
}

// neverNil reports whether e, of a pointer type, cannot be nil: &x, &T{…},
// new(T).
func neverNil(info *types.Info, e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		return x.Op == token.AND
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
			b, ok := info.Uses[id].(*types.Builtin)
			return ok && b.Name() == "new"
		}
	}
	return false
}

// compiledInterface reports whether t is a compiled package's interface with
// methods (error, fmt.Stringer…), to which the interpreter converts a nil
// value of a cell's type wrongly.
func (d *desugarer) compiledInterface(t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	return ok && iface.NumMethods() > 0 && !d.declared(t)
}

// nilConverted returns the type of e if a nil value of it converted to target
// is one the interpreter gets wrong: a pointer of a cell's type (or one of its
// named map, slice or func types) to a compiled interface with methods; or nil.
func (d *desugarer) nilConverted(e ast.Expr, target types.Type) types.Type {
	if !d.compiledInterface(target) {
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

// nonNilCheck records, for the statement in, the check that e, of type src,
// converted to target, is not nil.
func (d *desugarer) nonNilCheck(in ast.Stmt, e ast.Expr, src, target types.Type) {
	d.nilChecks[in] = append(d.nilChecks[in], d.nilCheck(e, src, target))
}

// nilCheck returns `if e == nil { __rt.TypedNil(…) }`: e, of type src, is
// converted to target.
func (d *desugarer) nilCheck(e ast.Expr, src, target types.Type) ast.Stmt {
	pos := e.Pos()
	return &ast.IfStmt{If: pos,
		Cond: &ast.BinaryExpr{X: e, OpPos: pos, Op: token.EQL, Y: ident(pos, "nil")},
		Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: []ast.Stmt{
			&ast.ExprStmt{X: d.rtCall(pos, "TypedNil", stringLit(pos, goName(src)), stringLit(pos, goName(target)))}}}}
}

// nonNilAsserted returns what replaces ta, an assertion x.(I) to a compiled
// interface with methods, whose parent is parent, or nil to keep it. The
// interpreter makes the I of a nil value of a cell's type that x holds a nil
// I (an `any` holding a nil *MyErr asserted to error is a nil error), where Go's
// holds the nil value. x, asserted first, is refused if it passes and holds
// such a nil value:
//
//	func(__x X) X { _, __ok := __x.(I); if __ok { __rt.TypedNilHeld(__x, "I") }; return __x }(x).(I)
//
// An assertion whose value is discarded (_, ok := x.(I), as the rewritten type
// switches ask) is kept.
func (d *desugarer) nonNilAsserted(ta *ast.TypeAssertExpr, parent ast.Node) ast.Expr {
	if ta.Type == nil {
		return nil
	}
	target, xType := d.typeOf(ta.Type), d.typeOf(ta.X)
	if target == nil || xType == nil || !d.compiledInterface(target) {
		return nil
	}
	switch p := parent.(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == 2 && len(p.Rhs) == 1 && isBlank(p.Lhs[0]) {
			return nil
		}
	case *ast.ValueSpec:
		if len(p.Names) == 2 && len(p.Values) == 1 && p.Names[0].Name == "_" {
			return nil
		}
	}
	pos := ta.Lparen
	param, err := d.typeExpr(xType, pos)
	var result, iface ast.Expr
	if err == nil {
		result, err = d.typeExpr(xType, pos)
	}
	if err == nil {
		iface, err = d.typeExpr(target, pos)
	}
	if err != nil {
		d.fail(pos, "type assertion to "+goName(target), err)
		return nil
	}
	x, ok := d.temp("tx"), d.temp("tok")
	// __v == nil is no test: yaegi makes such an __v of a parameter equal nil
	// when it holds a non-nil pointer. The runtime looks into __x instead.
	assert := &ast.AssignStmt{Lhs: []ast.Expr{ident(pos, "_"), ident(pos, ok)}, TokPos: pos, Tok: token.DEFINE,
		Rhs: []ast.Expr{&ast.TypeAssertExpr{X: ident(pos, x), Lparen: pos, Type: iface, Rparen: ta.Rparen}}}
	check := &ast.IfStmt{If: pos, Cond: ident(pos, ok),
		Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: []ast.Stmt{
			&ast.ExprStmt{X: d.rtCall(pos, "TypedNilHeld", ident(pos, x), stringLit(pos, goName(target)))}}}}
	checked := &ast.CallExpr{Fun: &ast.FuncLit{
		Type: &ast.FuncType{Func: pos,
			Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ident(pos, x)}, Type: param}}},
			Results: &ast.FieldList{List: []*ast.Field{{Type: result}}}},
		Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: []ast.Stmt{
			assert, check, &ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(pos, x)}}}},
	}, Lparen: pos, Args: []ast.Expr{ta.X}, Rparen: pos}
	r := &ast.TypeAssertExpr{X: checked, Lparen: ta.Lparen, Type: ta.Type, Rparen: ta.Rparen}
	// Typed as ta, for the passes after this one (toplevel.go's temporaries).
	if tv, ok := d.info.Types[ta]; ok {
		d.info.Types[r] = tv
	}
	d.info.Types[checked] = types.TypeAndValue{Type: xType}
	return r
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
