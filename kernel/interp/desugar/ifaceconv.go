package desugar

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// yaegi v0.16.1 gets two things wrong where a value is converted to an
// interface, and the checker knows every place that happens: a return value,
// an assignment with = or :=, a var declaration with a type, a call's
// argument, an explicit conversion, a composite literal's element, a map
// index's key and a channel send.
//
// The interface keeps a reference to where the value was, not a copy, when the
// value's type has methods a cell declared (genValueInterface and
// genInterfaceWrapper keep the frame's reflect.Value of the variable, call
// result or composite literal): in
//
//	for i := 1; i <= 3; i++ { shapes = append(shapes, &Circle{R: float64(i)}) }
//
// all three Shapes hold the last circle, and `var s fmt.Stringer = v; v.N = 9`
// changes s, with no error. So such a value is first copied where no one else
// writes, and the interface made of the copy:
//
//	*func(__tn *Circle) **Circle { return &__tn }(&Circle{R: float64(i)})
//
// The interface is still made where the program makes it, as yaegi makes it
// there: made in the function instead (func(__tn T) I { return __tn }), it
// names a variable of a finished call, and a method called on it later may
// read another frame's variable (Error called with a Store as its receiver). A
// variable, a field, an element, a pointer's target or a conversion is copied
// wherever it is converted; a temporary (a call's result, a literal) only in a
// loop, where the next iteration writes it again; a return's value only if it
// is such a variable, which may outlive the function.
//
// A conversion to an empty interface where compiled code receives it (the
// argument of fmt.Println, list.PushBack, a field of a compiled struct) is left
// alone: reflect copies it there, and compiled code given the interpreter's
// own interface value would see its internals.
//
// In Go an interface holding a nil pointer is not nil: `var p *MyErr; var err
// error = p` gives err != nil (the classic "nil error that is not nil"). The
// interpreter makes it a nil interface when the interface is a compiled
// package's with methods (error, fmt.Stringer, io.Reader), so err == nil is
// true. The function copying such a pointer first refuses a nil one, saying
// why (nilCheck); so does a return of several results, through one function
// that checks them (convertResults); and a nil one an interface holds that is
// asserted to a compiled interface is refused too (nonNilAsserted).
//
// A comparison with an interface is left alone: yaegi gets it right.
func (d *desugarer) interfaceConversions(root ast.Node) {
	var results []*types.Tuple // of the enclosing functions, innermost last
	loops := []int{0}          // loop bodies around the node, in each enclosing function
	astutil.Apply(root, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncDecl:
			var res *types.Tuple
			if fn, ok := d.info.Defs[n.Name].(*types.Func); ok {
				res = fn.Type().(*types.Signature).Results()
			}
			results = append(results, res)
			loops = append(loops, 0)
		case *ast.FuncLit:
			var res *types.Tuple
			if sig, ok := d.typeOf(n).(*types.Signature); ok {
				res = sig.Results()
			}
			results = append(results, res)
			loops = append(loops, 0)
		case *ast.BlockStmt:
			if loopBody(c) {
				loops[len(loops)-1]++
			}
		}
		return true
	}, func(c *astutil.Cursor) bool {
		conv := converter{d: d, inLoop: loops[len(loops)-1] > 0}
		switch n := c.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			results = results[:len(results)-1]
			loops = loops[:len(loops)-1]
		case *ast.BlockStmt:
			if loopBody(c) {
				loops[len(loops)-1]--
			}
		case *ast.ReturnStmt:
			if len(results) > 0 && results[len(results)-1] != nil && results[len(results)-1].Len() == len(n.Results) {
				conv.returned = true
				if len(n.Results) > 1 {
					conv.results(n, results[len(results)-1])
				} else {
					conv.convert(&n.Results[0], results[len(results)-1].At(0).Type())
				}
			}
		case *ast.AssignStmt:
			if (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) && len(n.Lhs) == len(n.Rhs) {
				for i := range n.Rhs {
					if t := d.typeOf(n.Lhs[i]); t != nil {
						conv.toCompiled = d.compiledLocation(n.Lhs[i])
						conv.convert(&n.Rhs[i], t)
					}
				}
			}
		case *ast.ValueSpec:
			if n.Type != nil {
				if t := d.typeOf(n.Type); t != nil {
					for i := range n.Values {
						conv.convert(&n.Values[i], t)
					}
				}
			}
		case *ast.SendStmt:
			if ch, ok := d.underlying(n.Chan).(*types.Chan); ok {
				conv.toCompiled = d.compiledType(d.typeOf(n.Chan))
				conv.convert(&n.Value, ch.Elem())
			}
		case *ast.IndexExpr:
			if m, ok := d.underlying(n.X).(*types.Map); ok {
				conv.toCompiled = d.compiledType(d.typeOf(n.X))
				conv.convert(&n.Index, m.Key())
			}
		case *ast.CallExpr:
			conv.args(n)
		case *ast.CompositeLit:
			conv.elements(n)
		case *ast.TypeAssertExpr:
			if r := d.nonNilAsserted(n, c.Parent()); r != nil {
				c.Replace(r)
			}
		}
		return true
	})
}

// loopBody reports whether c is at the body of a for or range statement: what
// runs again and again, unlike a range's expression or a for's init.
func loopBody(c *astutil.Cursor) bool {
	switch c.Parent().(type) {
	case *ast.ForStmt, *ast.RangeStmt:
		return c.Name() == "Body"
	}
	return false
}

// converter rewrites the values converted to interfaces at one place.
type converter struct {
	d *desugarer
	// inLoop is whether the place is in a loop of its function.
	inLoop bool
	// returned is whether the values are a return statement's.
	returned bool
	// toCompiled is whether compiled code receives the values.
	toCompiled bool
}

// underlying returns the underlying type of e's type, or nil.
func (d *desugarer) underlying(e ast.Expr) types.Type {
	if t := d.typeOf(e); t != nil {
		return t.Underlying()
	}
	return nil
}

// compiledType reports whether t is a named type of a compiled package (or a
// pointer to one), whose values the interpreter hands to reflect as they are.
func (d *desugarer) compiledType(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Pkg() != nil && !d.declared(named)
}

// compiledLocation reports whether e, assigned to, is a field of a compiled
// package's struct or an element of one's map or slice.
func (d *desugarer) compiledLocation(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		if f, ok := d.info.Uses[x.Sel].(*types.Var); ok && f.IsField() {
			return f.Pkg() != nil && f.Pkg().Path() != d.unit.Pkg.Path()
		}
	case *ast.IndexExpr:
		return d.compiledType(d.typeOf(x.X))
	}
	return false
}

// compiledCallee reports whether fun names a function or method of a compiled
// package.
func (d *desugarer) compiledCallee(fun ast.Expr) bool {
	var id *ast.Ident
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	case *ast.IndexExpr:
		return d.compiledCallee(f.X)
	case *ast.IndexListExpr:
		return d.compiledCallee(f.X)
	}
	if id == nil {
		return false
	}
	fn, ok := d.info.Uses[id].(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() != d.unit.Pkg.Path()
}

// args rewrites the arguments of call converted to a parameter's interface
// type, or of a conversion to an interface type.
func (c converter) args(call *ast.CallExpr) {
	d := c.d
	if tv, ok := d.info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			c.convert(&call.Args[0], tv.Type)
		}
		return
	}
	sig, ok := d.underlying(call.Fun).(*types.Signature)
	if !ok {
		return
	}
	c.toCompiled = d.compiledCallee(call.Fun)
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
		c.convert(&call.Args[i], t)
	}
}

// elements rewrites the elements of lit converted to an element, key or field
// of an interface type.
func (c converter) elements(lit *ast.CompositeLit) {
	t := c.d.typeOf(lit)
	if t == nil {
		return
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	c.toCompiled = c.d.compiledType(t)
	for i, e := range lit.Elts {
		switch u := t.Underlying().(type) {
		case *types.Slice:
			c.convert(valueOf(&lit.Elts[i]), u.Elem())
		case *types.Array:
			c.convert(valueOf(&lit.Elts[i]), u.Elem())
		case *types.Map:
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				c.convert(&kv.Key, u.Key())
				c.convert(&kv.Value, u.Elem())
			}
		case *types.Struct:
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					if f, ok := c.d.info.Uses[id].(*types.Var); ok {
						c.convert(&kv.Value, f.Type())
					}
				}
			} else if i < u.NumFields() {
				c.convert(&lit.Elts[i], u.Field(i).Type())
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

// convert rewrites *e, converted to target, into the copy the interface is
// made of, if the interface would otherwise refer to where *e is (see
// interfaceConversions), checking it is not nil if the interpreter would make
// a nil one a nil interface (nilConverted). To a compiled interface (error,
// fmt.Stringer), whose methods the interpreter calls on the value as it is
// when they are called, the conversion is made in the function, on its
// parameter:
//
//	func(__tn *T) error { if __tn == nil { __rt.TypedNil(…) }; return __tn }(e)
//
// and to another interface where the program makes it, from the copy:
//
//	*func(__tn *T) **T { return &__tn }(e)
func (c converter) convert(e *ast.Expr, target types.Type) {
	d := c.d
	src := c.copied(*e, target)
	if src == nil {
		d.ownSlot(e, target)
		return
	}
	pos := (*e).Pos()
	srcExpr, err := d.typeExpr(src, pos)
	var resultExpr ast.Expr
	if err == nil {
		resultExpr, err = d.typeExpr(target, pos)
	}
	if err != nil {
		d.fail(pos, "converting "+types.ExprString(*e)+" to "+goName(target), err)
		return
	}
	p := d.temp("tn")
	var body []ast.Stmt
	if d.nilConverted(*e, target) != nil {
		body = append(body, d.nilCheck(ident(pos, p), src, target))
	}
	compiled := d.compiledInterface(target)
	result := ast.Expr(ident(pos, p))
	if !compiled {
		result = &ast.UnaryExpr{OpPos: pos, Op: token.AND, X: result}
		resultExpr = &ast.StarExpr{Star: pos, X: d.copyExpr(srcExpr)}
	}
	body = append(body, &ast.ReturnStmt{Return: pos, Results: []ast.Expr{result}})
	var call ast.Expr = &ast.CallExpr{Fun: &ast.FuncLit{
		Type: &ast.FuncType{Func: pos,
			Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ident(pos, p)}, Type: srcExpr}}},
			Results: &ast.FieldList{List: []*ast.Field{{Type: resultExpr}}}},
		Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: body},
	}, Lparen: pos, Args: []ast.Expr{*e}, Rparen: (*e).End()}
	if !compiled {
		call = &ast.StarExpr{Star: pos, X: call}
		d.info.Types[call] = types.TypeAndValue{Type: src} // for the passes after this one
	}
	*e = call
}

// ownSlot puts *e in parentheses if it is an operation (-i, i % 4, !ok)
// whose value is converted to the interface target. yaegi v0.16.1 stores the
// result of an operation assigned by = or returned straight into the
// destination's slot, and gives the operation the destination's type; of an
// interface type, the operation then runs as no code at all: `x = -i` with
// `var x any` silently ends the function there, `return -c` into a
// fmt.Stringer returns nil, `return !b` into an any dereferences nil, and
// `e.Value = i + 1` on a list.Element ends the function too. An operation in
// parentheses gets a slot of its own, of its own type, and is then assigned
// and converted like any other value.
func (d *desugarer) ownSlot(e *ast.Expr, target types.Type) {
	if !types.IsInterface(target) {
		return
	}
	switch (*e).(type) {
	case *ast.UnaryExpr, *ast.BinaryExpr:
		p := &ast.ParenExpr{Lparen: (*e).Pos(), X: *e, Rparen: (*e).End() - 1}
		d.info.Types[p] = d.info.Types[*e] // for the passes after this one
		*e = p
	}
}

// results is convert of each of the results of ret, of the types res; but
// where a nil one is to be refused, ret's results become the arguments of a
// function that checks them and returns them:
//
//	return func(__r0 string, __r1 *T) (string, error) { if __r1 == nil { … }; return __r0, __r1 }(x.f, lookup())
//
// since yaegi v0.16.1 fails on a result after a call of a function literal
// (return "x", func(…) error {…}(…), len(s) dereferences nil), and so that
// the results are evaluated in Go's order. A result to be copied (a
// variable that may outlive the function) is passed as what it is, and its
// parameter converted (convert). Where none is to be refused, each is
// converted alone.
func (c converter) results(ret *ast.ReturnStmt, res *types.Tuple) {
	d := c.d
	check := false
	for i, e := range ret.Results {
		if d.nilConverted(e, res.At(i).Type()) != nil {
			check = true
		}
	}
	if !check {
		for i := range ret.Results {
			c.convert(&ret.Results[i], res.At(i).Type())
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
		var copied types.Type
		if src == nil {
			copied = c.copied(e, t)
		}
		pt := t
		if src != nil {
			pt = src
		} else if copied != nil {
			pt = copied
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
		if copied != nil {
			// The parameter is the copy; converting it where the function
			// returns is convert's work, as for a variable.
			d.info.Types[values[i]] = types.TypeAndValue{Type: pt}
			c.convert(&values[i], t)
		}
	}
	body = append(body, &ast.ReturnStmt{Return: pos, Results: values})
	ret.Results = []ast.Expr{&ast.CallExpr{Fun: &ast.FuncLit{
		Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{List: params}, Results: &ast.FieldList{List: results}},
		Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: body},
	}, Lparen: pos, Args: ret.Results, Rparen: ret.End()}}
}

// copied returns the type of e if e, converted to target, is to be copied
// first (see interfaceConversions), or nil: e's type is not an interface, and
// it, or the type it points to, is a type a cell declared with methods, or e's
// type is a type parameter (whose type argument may be one); e is a variable
// or one's part, or a temporary in a loop; target is not an empty interface
// compiled code receives, nor involves a type parameter. A nil one that would
// be converted wrongly (nilConverted) is always copied, to be checked.
func (c converter) copied(e ast.Expr, target types.Type) types.Type {
	d := c.d
	iface, ok := target.Underlying().(*types.Interface)
	if !ok || c.toCompiled && iface.NumMethods() == 0 {
		return nil
	}
	src := d.typeOf(e)
	if src == nil {
		return nil
	}
	src = types.Unalias(src)
	_, typeParam := src.(*types.TypeParam)
	switch {
	case d.mentionsTypeParam(target, 0):
		return nil
	case typeParam:
		// Copied as if its type argument were a cell's type with methods: a
		// call more where it is not.
	case types.IsInterface(src) || d.mentionsTypeParam(src, 0):
		return nil
	case d.nilConverted(e, target) != nil:
		return src
	case !d.declaredWithMethods(src):
		return nil
	}
	if d.stored(e) || c.inLoop && !c.returned {
		return src
	}
	return nil
}

// declaredWithMethods reports whether t, or the type it points to, is a type a
// cell declared, with methods.
func (d *desugarer) declaredWithMethods(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	return d.declared(t) && types.NewMethodSet(types.NewPointer(t)).Len() > 0
}

// stored reports whether e is a variable, a part of one (a field, an element,
// what a pointer points to), or a conversion of one: what the interpreter may
// write again while an interface made of it lives.
func (d *desugarer) stored(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return x.Name != "nil"
	case *ast.SelectorExpr, *ast.IndexExpr, *ast.StarExpr:
		return true
	case *ast.CallExpr:
		tv, ok := d.info.Types[x.Fun]
		return ok && tv.IsType() && len(x.Args) == 1 && d.stored(x.Args[0])
	}
	return false
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
// named map, slice or func types) to a compiled interface with methods, but
// not &x, &T{…} or new(T), which are never nil; or nil.
func (d *desugarer) nilConverted(e ast.Expr, target types.Type) types.Type {
	if !d.compiledInterface(target) {
		return nil
	}
	src := d.typeOf(e)
	if src == nil {
		return nil
	}
	src = types.Unalias(src)
	if !d.nilOfCellType(src) || d.mentionsTypeParam(src, 0) || neverNil(d.info, e) {
		return nil
	}
	return src
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
