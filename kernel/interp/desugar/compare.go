package desugar

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// yaegi v0.16.1 compares two interface values by what its frames hold, which for
// a value of a cell's type is one of its wrappers (interp._error in an error,
// interp.valueInterface in an any): `err == ErrNotFound` is false though err holds
// ErrNotFound, and two errors of cell types panic as uncomparable. comparisons
// rewrites each == and != with an operand of interface type (other than a
// comparison with nil, which the interpreter gets right) into __rt.Equal(x, y),
// which compares the values out of their wrappers as Go does, and each switch on
// a value with a case of interface type (or on an interface value) into a
// switch of such calls:
//
//	switch init; x { case a, b: … }  →  { init; switch __s := x; { case __rt.Equal(__s, a) || __rt.Equal(__s, b): … } }
//
// A key of a map whose key type is an interface is hashed and compared by the
// map itself, which sees yaegi's wrappers: two equal pointers of a cell's type
// with methods are two keys. Such a key is checked first, and refused at run
// time if it holds a value of a session type with methods:
//
//	m[k]  →  m[func(__k K) K { __rt.CheckKey(__k, []string{"T1", …}); return __k }(k)]
//
// (the same for delete(m, k) and the keys of a map literal).
func (d *desugarer) comparisons(root ast.Node) {
	astutil.Apply(root, nil, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.IndexExpr:
			if key := d.interfaceKey(n.X); key != nil {
				n.Index = d.checkedKey(n.Index, key)
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) == 2 {
				if b, ok := d.info.Uses[id].(*types.Builtin); ok && b.Name() == "delete" {
					if key := d.interfaceKey(n.Args[0]); key != nil {
						n.Args[1] = d.checkedKey(n.Args[1], key)
					}
				}
			}
		case *ast.CompositeLit:
			if t := d.typeOf(n); t != nil {
				if m, ok := t.Underlying().(*types.Map); ok && isInterface(m.Key()) {
					for _, e := range n.Elts {
						if kv, ok := e.(*ast.KeyValueExpr); ok {
							kv.Key = d.checkedKey(kv.Key, m.Key())
						}
					}
				}
			}
		case *ast.BinaryExpr:
			if (n.Op == token.EQL || n.Op == token.NEQ) && (d.interfaceComparison(n.X, n.Y) || d.convertedToNil(n.X, n.Y)) {
				var r ast.Expr = d.rtCall(n.OpPos, "Equal", n.X, n.Y)
				if n.Op == token.NEQ {
					r = &ast.UnaryExpr{OpPos: n.OpPos, Op: token.NOT, X: r}
				}
				c.Replace(r)
			}
		case *ast.SwitchStmt:
			if n.Tag == nil {
				d.joinConditions(n)
			}
			if _, labelled := c.Parent().(*ast.LabeledStmt); labelled {
				break // rewritten at its label, which stays on it
			}
			if init := d.interfaceSwitch(n); init != nil {
				c.Replace(&ast.BlockStmt{Lbrace: n.Switch, Rbrace: n.Switch, List: []ast.Stmt{init, n}})
			}
		case *ast.LabeledStmt:
			if sw, ok := n.Stmt.(*ast.SwitchStmt); ok {
				if init := d.interfaceSwitch(sw); init != nil {
					c.Replace(&ast.BlockStmt{Lbrace: n.Pos(), Rbrace: n.Pos(), List: []ast.Stmt{init, n}})
				}
			}
		}
		return true
	})
}

// joinConditions makes each case of sw, a switch without a tag, one condition:
// case a, b: becomes case a || b:, which Go evaluates alike (in order, until one
// holds). yaegi v0.16.1 tests only the first condition of a list, so `case y < 0,
// y > 10:` missed 11. Conditions of different named boolean types cannot be
// joined; such a list stays as it is.
func (d *desugarer) joinConditions(sw *ast.SwitchStmt) {
	for _, cl := range sw.Body.List {
		cc := cl.(*ast.CaseClause)
		if len(cc.List) < 2 {
			continue
		}
		first := d.typeOf(cc.List[0])
		joinable := first != nil
		for _, e := range cc.List {
			t := d.typeOf(e)
			joinable = joinable && t != nil && (plainBool(t) && plainBool(first) || types.Identical(t, first))
		}
		if !joinable {
			continue
		}
		cond := cc.List[0]
		for _, e := range cc.List[1:] {
			cond = &ast.BinaryExpr{X: cond, OpPos: e.Pos(), Op: token.LOR, Y: e}
		}
		cc.List = []ast.Expr{cond}
	}
}

// plainBool reports whether t is bool or untyped bool.
func plainBool(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && (b.Kind() == types.Bool || b.Kind() == types.UntypedBool)
}

// interfaceKey returns the key type of the map x if it is an interface, or nil.
func (d *desugarer) interfaceKey(x ast.Expr) types.Type {
	tv, ok := d.info.Types[x]
	if !ok || !tv.IsValue() {
		return nil
	}
	if m, ok := tv.Type.Underlying().(*types.Map); ok && isInterface(m.Key()) {
		return m.Key()
	}
	return nil
}

// checkedKey returns k, a key of type key of a map, checked by __rt.CheckKey
// against the session's types with methods (see comparisons).
func (d *desugarer) checkedKey(k ast.Expr, key types.Type) ast.Expr {
	if d.isNil(k) {
		return k
	}
	pos := k.Pos()
	kt := d.typeExprOr(key, pos)
	if kt == nil {
		return k
	}
	var names []string
	for _, named := range d.sessionTypes() {
		if types.NewMethodSet(types.NewPointer(named)).Len() > 0 {
			names = append(names, named.Obj().Name())
		}
	}
	check := &ast.ExprStmt{X: d.rtCall(pos, "CheckKey", ident(pos, "__k"),
		stringList(pos, names))}
	fn := &ast.FuncLit{Type: &ast.FuncType{Func: pos,
		Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ident(pos, "__k")}, Type: kt}}},
		Results: &ast.FieldList{List: []*ast.Field{{Type: d.typeExprOr(key, pos)}}}},
		Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: []ast.Stmt{check, &ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(pos, "__k")}}}}}
	return &ast.CallExpr{Fun: fn, Lparen: pos, Args: []ast.Expr{k}, Rparen: pos}
}

// interfaceComparison reports whether x == y compares interface values, neither
// of which is nil.
func (d *desugarer) interfaceComparison(x, y ast.Expr) bool {
	tx, ty := d.typeOf(x), d.typeOf(y)
	if tx == nil || ty == nil || d.isNil(x) || d.isNil(y) {
		return false
	}
	return isInterface(tx) || isInterface(ty)
}

// convertedToNil reports whether x and y are nil and a conversion to an
// interface type of a value of another type, in either order: any(xs) == nil.
// yaegi v0.16.1 finds such a conversion of a nil slice, map, pointer, function
// or channel equal to nil, where Go's interface holds a typed nil and is not
// nil; __rt.Equal, given the conversion's value, gets it right. (A variable,
// a parameter or an element of an interface type holding one is right.)
func (d *desugarer) convertedToNil(x, y ast.Expr) bool {
	if d.isNil(x) {
		x, y = y, x
	}
	operand := d.convertedOperand(x)
	if operand == nil || !d.isNil(y) {
		return false
	}
	to, from := d.typeOf(x), d.typeOf(operand)
	return to != nil && from != nil && isInterface(to) && !isInterface(from) && !d.isNil(operand)
}

// convertedOperand returns the operand of e if e is a conversion, T(x), or
// nil.
func (d *desugarer) convertedOperand(e ast.Expr) ast.Expr {
	conv, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(conv.Args) != 1 || !d.info.Types[conv.Fun].IsType() {
		return nil
	}
	return conv.Args[0]
}

// interfaceSwitch rewrites sw in place (see comparisons) if it compares
// interface values, or if a case list of it has an expression after the first
// that the interpreter would never evaluate (lateCaseCode), and returns its
// former init statement, which must then run before it, or nil. Only the
// comparisons of interface values call __rt.Equal; the others stay ==.
func (d *desugarer) interfaceSwitch(sw *ast.SwitchStmt) ast.Stmt {
	if sw.Tag == nil {
		return nil
	}
	found := d.lateCaseCode(sw)
	for _, cl := range sw.Body.List {
		for _, e := range cl.(*ast.CaseClause).List {
			found = found || d.interfaceComparison(sw.Tag, e)
		}
	}
	if !found {
		return nil
	}
	pos := sw.Switch
	s := d.temp("sw")
	// switch __s := x; { … }: __s has x's type (the checker's default type for
	// an untyped constant tag).
	tag := sw.Tag
	if t := d.typeOf(sw.Tag); t != nil {
		if b, ok := t.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
			if te := d.typeExprOr(types.Default(t), pos); te != nil {
				tag = &ast.CallExpr{Fun: te, Lparen: pos, Args: []ast.Expr{sw.Tag}, Rparen: pos}
			}
		}
	}
	for _, cl := range sw.Body.List {
		cc := cl.(*ast.CaseClause)
		// One condition per case (see joinConditions).
		var cond ast.Expr
		for _, e := range cc.List {
			var c ast.Expr = d.rtCall(e.Pos(), "Equal", ident(pos, s), e)
			if d.isNil(e) || !d.interfaceComparison(sw.Tag, e) {
				c = &ast.BinaryExpr{X: ident(pos, s), OpPos: e.Pos(), Op: token.EQL, Y: e}
			}
			if cond == nil {
				cond = c
			} else {
				cond = &ast.BinaryExpr{X: cond, OpPos: e.Pos(), Op: token.LOR, Y: c}
			}
		}
		if cond != nil {
			cc.List = []ast.Expr{cond}
		}
	}
	init := sw.Init
	sw.Init = &ast.AssignStmt{Lhs: []ast.Expr{ident(pos, s)}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{tag}}
	sw.Tag = nil
	return init
}

// isInterface reports whether t is an interface type (not a type parameter,
// whose values the interpreter holds as its type argument's).
func isInterface(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return false
	}
	return types.IsInterface(t)
}

// isNil reports whether e is the predeclared nil (whose type the checker
// records as the type it was converted to).
func (d *desugarer) isNil(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := d.info.Uses[id].(*types.Nil)
	return isNil
}
