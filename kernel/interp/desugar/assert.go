package desugar

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/ratelab/ratelab/kernel/interp/refuse"
)

// yaegi v0.16.1 answers a type assertion to an interface that is not a compiled
// package's (one a cell declared, or a literal such as interface{ Unwrap() error })
// from the method set of the interface value's own interface type: a value that
// reached an `any` or an `error` straight from its concrete type, or from
// compiled code, passes no such assertion, though its type implements the
// interface. To a compiled interface (error, fmt.Stringer), it answers from
// the value's reflect type, which has no methods where the value was stored
// in an `any` as it is (var x any = T{} fails x.(fmt.Stringer)), and from its
// type's methods, those of *T included, where it was kept with its type (a P
// with String on *P passes). It panics asserting a nil interface with ", ok".
// The checker knows every session type's method set, so interfaceAssertions
// rewrites each assertion x.(I) to such an interface into a call of
//
//	func(__x X) (I, bool) {                                  // X: x's type
//		if __x == nil { var zero I; return zero, false }
//		var __u any = __rt.Unwrapped(__x)                    // out of a wrapper
//		if v, ok := __u.(T1); ok { return v, true }         // each session type
//		if v, ok := __u.(*T2); ok { return v, true }        // implementing I
//		if _, ok := __u.(T2); ok { return zero, false }     // only *T2 does
//		if __rt.HeldByCell(__x, ptr, known) { return zero, false }
//		switch v := __x.(type) { case I: return v, true }   // x held an I already
//		return zero, __rt.Unmatched(__x, "I", known, methods)
//	}
//
// where, for a compiled interface, the last two are the interpreter's own
// assertion, `return __x.(I)` with ", ok", right for compiled values, a case of
// a pointer type first refuses a nil pointer where the value is used
// (__rt.TypedNilHeld: Go's I would hold it, the interpreter's would be nil),
// and ptr is (*I)(nil) (else nil).
// The call's result is x.(I)'s with ", ok", and without it is checked,
// panicking as Go does (__rt.AssertFailed). HeldByCell answers for a value of
// a session type listed in known (the struct types of the session when the
// cell ran, by the names of their marks: see structtags.go), which is no I
// once the cases missed it. Unmatched answers false for the same; for a struct
// type declared after the cell, or a compiled type with methods named as I's,
// it panics saying why, since the interpreter cannot give the value as an I;
// so does HeldByCell, for a compiled I, for a type declared after the cell.
//
// A struct type without fields has no field for its mark, and the interpreter
// makes every such type struct{}: a case of one also asks __rt.FieldlessIs,
// which tells them apart by the type name the interpreter kept with the value,
// and panics where it kept none and the session has several.
//
// A named type whose underlying type is not a struct cannot be told from its
// underlying type once in an interface (yaegi keeps no type name for it there),
// so an assertion to a cell's interface such a session type implements is
// refused. To a compiled interface, the interpreter's own assertion answers for
// it, right unless only a pointer to it implements the interface, which is
// refused then.
func (d *desugarer) interfaceAssertions(root ast.Node) {
	astutil.Apply(root, nil, func(c *astutil.Cursor) bool {
		ta, ok := c.Node().(*ast.TypeAssertExpr)
		if !ok || ta.Type == nil {
			return true
		}
		commaOK, discarded := false, false
		switch p := c.Parent().(type) {
		case *ast.AssignStmt:
			commaOK = len(p.Lhs) == 2 && len(p.Rhs) == 1
			discarded = commaOK && isBlank(p.Lhs[0])
		case *ast.ValueSpec:
			commaOK = len(p.Names) == 2 && len(p.Values) == 1
			discarded = commaOK && isBlank(p.Names[0])
		}
		if r := d.rewriteAssertion(ta, commaOK, discarded); r != nil {
			if tv, ok := d.info.Types[ta]; ok && !commaOK {
				d.info.Types[r] = tv // for the passes after this one (printArgs)
			}
			c.Replace(r)
		}
		return true
	})
}

// rewriteAssertion returns what replaces the assertion ta (with ", ok" if
// commaOK, its value unused if discarded), or nil where the interpreter's own
// assertion is right (or ta is refused: see d.errs).
func (d *desugarer) rewriteAssertion(ta *ast.TypeAssertExpr, commaOK, discarded bool) ast.Expr {
	if iface := d.sourceInterface(ta.Type); iface != nil {
		return d.assertion(ta, iface, commaOK, false, false)
	}
	t := d.typeOf(ta.Type)
	switch {
	case t != nil && d.compiledInterface(t):
		return d.typedAs(ta, d.assertion(ta, t, commaOK, true, !discarded))
	case t != nil && (wrappable(t) || isFieldlessCell(t)):
		return d.unwrappingAssertion(ta, t, commaOK)
	case t != nil && exactOnly(t):
		return d.exactAssertion(ta, t, commaOK)
	}
	return nil
}

// sourceInterface returns the type of e if it is a non-empty interface the
// interpreter asserts to wrongly (see refuse.SourceInterface).
func (d *desugarer) sourceInterface(e ast.Expr) types.Type {
	if t := d.typeOf(e); t != nil && refuse.SourceInterface(t) {
		return t
	}
	return nil
}

// assertion returns the call that replaces ta, an assertion to iface (a
// compiled package's if compiled), or nil after recording why it cannot be
// rewritten (see interfaceAssertions for the call). Unless nilChecked, a nil
// pointer of a cell's type is not refused: `_, ok := x.(error)` is true for
// one, as in Go, and the value the interpreter makes nil is not used.
func (d *desugarer) assertion(ta *ast.TypeAssertExpr, iface types.Type, commaOK, compiled, nilChecked bool) ast.Expr {
	pos := ta.Lparen
	it := iface.Underlying().(*types.Interface)
	ifaceName := types.TypeString(iface, func(p *types.Package) string { return p.Name() })
	typeExpr := func(t types.Type) ast.Expr {
		e, err := d.typeExpr(t, pos)
		if err != nil {
			d.fail(pos, "type assertion to "+ifaceName, err)
		}
		return e
	}
	x, r, v := ident(pos, d.temp("ax")), ident(pos, "__r"), ident(pos, "__v")
	fails := func() []ast.Stmt { // var __r I; return __r, false
		return []ast.Stmt{
			&ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{ident(pos, r.Name)}, Type: typeExpr(iface)}}}},
			&ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(pos, r.Name), ident(pos, "false")}},
		}
	}
	// yaegi v0.16.1 panics asserting a nil interface with ", ok".
	body := []ast.Stmt{&ast.IfStmt{If: pos, Cond: &ast.BinaryExpr{X: ident(pos, x.Name), OpPos: pos, Op: token.EQL, Y: ident(pos, "nil")},
		Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: fails()}}}
	// The session types are asserted to in held, declared any: yaegi v0.16.1
	// asserts from a compiled function's result as from its wrapper, reading
	// a field an empty struct lacks.
	held := d.temp("au")
	var cases []ast.Stmt
	var known []ast.Expr
	scope := d.unit.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, isType := scope.Lookup(name).(*types.TypeName)
		if !isType || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		named, isNamed := tn.Type().(*types.Named)
		if !isNamed || named.TypeParams().Len() > 0 {
			continue
		}
		_, isStruct := named.Underlying().(*types.Struct)
		ptr := types.NewPointer(named)
		switch {
		case isStruct:
		case compiled && !types.Implements(named, it) && types.Implements(ptr, it):
			d.errs = append(d.errs, refuse.At(d.cfg.Fset, ta.Type.Pos(), refuse.PointerMethodsImplementer, ifaceName, name))
			return nil
		case compiled:
			// The interpreter keeps such a value's type with it, and answers
			// from its methods, which are its own here.
			continue
		case types.Implements(named, it) || types.Implements(ptr, it):
			d.errs = append(d.errs, refuse.At(d.cfg.Fset, ta.Type.Pos(), refuse.IndistinctImplementer,
				ifaceName, name, name, types.TypeString(named.Underlying(), func(p *types.Package) string { return p.Name() })))
			return nil
		default:
			continue
		}
		known = append(known, stringLit(pos, name))
		if rn, ok := d.cfg.TypeName(tn); ok && rn != name && isFieldless(named) {
			known = append(known, stringLit(pos, rn)) // HeldByCell compares the interpreter's name
		}
		for _, t := range []types.Type{named, ptr} {
			if !types.Implements(t, it) {
				continue
			}
			then := []ast.Stmt{&ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(pos, v.Name), ident(pos, "true")}}}
			if t == ptr && nilChecked {
				then = append([]ast.Stmt{&ast.ExprStmt{X: d.rtCall(pos, "TypedNilHeld", ident(pos, x.Name), stringLit(pos, ifaceName))}}, then...)
			}
			cases = append(cases, ifAsserted(pos, held, typeExpr(t), v.Name, d.fieldlessGuard(pos, x.Name, t), then...))
		}
		if !types.Implements(named, it) && types.Implements(ptr, it) {
			// yaegi v0.16.1 gives a T the methods of *T.
			cases = append(cases, ifAsserted(pos, held, typeExpr(named), "_", d.fieldlessGuard(pos, x.Name, named), fails()...))
		}
	}
	if len(cases) > 0 {
		body = append(body, &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{
			Names: []*ast.Ident{ident(pos, held)}, Type: ident(pos, "any"), Values: []ast.Expr{d.rtCall(pos, "Unwrapped", ident(pos, x.Name))}}}}})
		body = append(body, cases...)
	}
	var methods []ast.Expr
	for i := range it.NumMethods() { // sorted, as Go looks for the missing one
		methods = append(methods, &ast.BasicLit{ValuePos: pos, Kind: token.STRING, Value: strconv.Quote(it.Method(i).Name())})
	}
	strs := func(list []ast.Expr) ast.Expr {
		return &ast.CompositeLit{Type: &ast.ArrayType{Lbrack: pos, Elt: ident(pos, "string")}, Lbrace: pos, Elts: list, Rbrace: pos}
	}
	rt := func(name string, args ...ast.Expr) ast.Expr { return d.rtCall(pos, name, args...) }
	quotedIface := &ast.BasicLit{ValuePos: pos, Kind: token.STRING, Value: strconv.Quote(ifaceName)}

	// A value of a session type the cell knows that no case took is no I
	// (yaegi's own assertion would take a T for a *T, or miss one):
	//	if __rt.HeldByCell(__x, (*I)(nil), known) { var __r I; return __r, false }
	// with nil for an interface the interpreter has no compiled type of.
	ifacePtr := ast.Expr(ident(pos, "nil"))
	if compiled {
		ifacePtr = &ast.CallExpr{Fun: &ast.ParenExpr{Lparen: pos, X: &ast.StarExpr{Star: pos, X: typeExpr(iface)}, Rparen: pos}, Lparen: pos,
			Args: []ast.Expr{ident(pos, "nil")}, Rparen: pos}
	}
	body = append(body, &ast.IfStmt{If: pos, Cond: rt("HeldByCell", ident(pos, x.Name), ifacePtr, strs(known)), Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: fails()}})
	if compiled {
		// The interpreter's own assertion is right for compiled values:
		//	__v, __ok := __x.(I); return __v, __ok
		body = append(body,
			&ast.AssignStmt{Lhs: []ast.Expr{ident(pos, v.Name), ident(pos, "__ok")}, TokPos: pos, Tok: token.DEFINE,
				Rhs: []ast.Expr{&ast.TypeAssertExpr{X: ident(pos, x.Name), Lparen: pos, Type: typeExpr(iface), Rparen: pos}}},
			&ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(pos, v.Name), ident(pos, "__ok")}})
	} else {
		// The types first, then `switch __v := __x.(type) { case I: return __v, true }`
		// (yaegi's type switch misses a value of a type passed to an any parameter,
		// and its r, ok := __x.(I) panics on one).
		body = append(body, &ast.TypeSwitchStmt{Switch: pos,
			Assign: &ast.AssignStmt{Lhs: []ast.Expr{ident(pos, v.Name)}, TokPos: pos, Tok: token.DEFINE,
				Rhs: []ast.Expr{&ast.TypeAssertExpr{X: ident(pos, x.Name), Lparen: pos, Rparen: pos}}},
			Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: []ast.Stmt{&ast.CaseClause{Case: pos, List: []ast.Expr{typeExpr(iface)}, Colon: pos,
				Body: []ast.Stmt{&ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(pos, v.Name), ident(pos, "true")}}}}}}})
		body = append(body,
			&ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{ident(pos, r.Name)}, Type: typeExpr(iface)}}}},
			&ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(pos, r.Name), rt("Unmatched", ident(pos, x.Name), quotedIface, strs(known), strs(methods))}})
	}
	if len(d.errs) > 0 {
		return nil
	}
	// __x has x's own type: converted to any, an error would become the
	// interpreter's wrapper, from which assertions to the error's type fail.
	xType := func() ast.Expr { return ident(pos, "any") }
	if t := d.typeOf(ta.X); t != nil {
		xType = func() ast.Expr { return typeExpr(t) }
	}
	dispatch := &ast.FuncLit{
		Type: &ast.FuncType{Func: pos,
			Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{x}, Type: xType()}}},
			Results: &ast.FieldList{List: []*ast.Field{{Type: typeExpr(iface)}, {Type: ident(pos, "bool")}}}},
		Body: &ast.BlockStmt{Lbrace: pos, List: body, Rbrace: pos},
	}
	call := &ast.CallExpr{Fun: dispatch, Lparen: pos, Args: []ast.Expr{ta.X}, Rparen: ta.Rparen}
	if commaOK {
		return call
	}
	// func(__x any) I { __r, __ok := dispatch(__x); if !__ok { panic(__rt.AssertFailed(__x, "I")) }; return __r }(x)
	call.Args = []ast.Expr{ident(pos, x.Name)}
	must := &ast.FuncLit{
		Type: &ast.FuncType{Func: pos,
			Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ident(pos, x.Name)}, Type: xType()}}},
			Results: &ast.FieldList{List: []*ast.Field{{Type: typeExpr(iface)}}}},
		Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: []ast.Stmt{
			&ast.AssignStmt{Lhs: []ast.Expr{ident(pos, r.Name), ident(pos, "__ok")}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{call}},
			&ast.IfStmt{If: pos, Cond: &ast.UnaryExpr{OpPos: pos, Op: token.NOT, X: ident(pos, "__ok")},
				Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{
					Fun: ident(pos, "panic"), Lparen: pos, Args: []ast.Expr{rt("AssertFailed", ident(pos, x.Name), quotedIface, strs(methods))}, Rparen: pos}}}}},
			&ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(pos, r.Name)}},
		}},
	}
	return &ast.CallExpr{Fun: must, Lparen: pos, Args: []ast.Expr{ta.X}, Rparen: ta.Rparen}
}

// typedAs gives r, which replaces ta, ta's type, for the passes after this one
// (toplevel.go's temporaries), and returns it.
func (d *desugarer) typedAs(ta *ast.TypeAssertExpr, r ast.Expr) ast.Expr {
	if tv, ok := d.info.Types[ta]; ok && r != nil {
		d.info.Types[r] = tv
	}
	return r
}

// ifAsserted returns `if name, __ok := x.(t); __ok { then }`, or with
// `__ok && guard` if guard is not nil.
func ifAsserted(pos token.Pos, x string, t ast.Expr, name string, guard ast.Expr, then ...ast.Stmt) ast.Stmt {
	cond := ast.Expr(ident(pos, "__ok"))
	if guard != nil {
		cond = &ast.BinaryExpr{X: cond, OpPos: pos, Op: token.LAND, Y: guard}
	}
	return &ast.IfStmt{If: pos,
		Init: &ast.AssignStmt{Lhs: []ast.Expr{ident(pos, name), ident(pos, "__ok")}, TokPos: pos, Tok: token.DEFINE,
			Rhs: []ast.Expr{&ast.TypeAssertExpr{X: ident(pos, x), Lparen: pos, Type: t, Rparen: pos}}},
		Cond: cond,
		Body: &ast.BlockStmt{Lbrace: pos, List: then, Rbrace: pos}}
}

// fieldlessGuard returns, for t, a struct type without fields declared in a
// cell or a pointer to one, the call that decides whether x, which passed the
// interpreter's assertion to t, holds a t:
//
//	__rt.FieldlessIs(x, ptr, names, fieldless)
//
// with ptr true for a pointer, names the type's name in the cell and the one
// the interpreter compiled it under, and fieldless the entries of the types in
// the cell's scope whose values may be held as struct{} (FieldlessEntry).
// The interpreter makes each of them struct{}, and its assertion passes any
// struct{} (see fieldlessIs). For other types it returns nil: the
// interpreter's assertion decides.
func (d *desugarer) fieldlessGuard(pos token.Pos, x string, t types.Type) ast.Expr {
	named, ptr := fieldlessCell(t)
	if named == nil {
		return nil
	}
	names := []string{named.Obj().Name()}
	if rn, ok := d.cfg.TypeName(named.Obj()); ok && rn != names[0] {
		names = append(names, rn)
	}
	var fieldless []string
	scope := d.unit.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		if n, ok := tn.Type().(*types.Named); ok {
			if rn, ok := d.cfg.TypeName(tn); ok {
				name = rn
			}
			if e, ok := FieldlessEntry(name, n); ok {
				fieldless = append(fieldless, e)
			}
		}
	}
	return d.rtCall(pos, "FieldlessIs", ident(pos, x), ident(pos, strconv.FormatBool(ptr)), stringList(pos, names), stringList(pos, fieldless))
}

// fieldlessCell returns the struct type without fields declared in a cell that
// t is, or points to (then ptr), or nil.
func fieldlessCell(t types.Type) (named *types.Named, ptr bool) {
	named, _ = types.Unalias(t).(*types.Named)
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		named, _ = types.Unalias(p.Elem()).(*types.Named)
		ptr = true
	}
	if named == nil || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "main" || !isFieldless(named) {
		return nil, false
	}
	return named, ptr
}

// isFieldlessCell reports whether t is a struct type without fields declared
// in a cell, or a pointer to one.
func isFieldlessCell(t types.Type) bool {
	named, _ := fieldlessCell(t)
	return named != nil
}

// FieldlessEntry describes named, a type the interpreter knows by name, for
// the runtime's fieldlessIs, if a value of it can reach an interface as
// struct{} (or *struct{}): a struct type without fields, or a struct type
// whose methods with value receivers yaegi v0.16.1 calls on its last field
// alone, which it keeps in its wrapper of a compiled interface (an error), if
// that field is such a struct or a pointer to one. The entry is the name and
// the methods of the type and of a pointer to it, separated by tabs, and then
// "kept" for the second kind, whose entry has the methods of the type under
// what the wrapper holds (see ParseFieldless).
func FieldlessEntry(name string, named *types.Named) (string, bool) {
	st, ok := named.Underlying().(*types.Struct)
	if !ok || named.TypeParams().Len() > 0 {
		return "", false
	}
	methods := func(t types.Type) string {
		ms := types.NewMethodSet(t)
		var names []string
		for i := range ms.Len() {
			names = append(names, ms.At(i).Obj().Name())
		}
		return strings.Join(names, " ")
	}
	if st.NumFields() == 0 {
		return name + "\t" + methods(named) + "\t" + methods(types.NewPointer(named)), true
	}
	last := st.Field(st.NumFields() - 1).Type()
	if p, ok := last.Underlying().(*types.Pointer); ok {
		if inner, ok := p.Elem().Underlying().(*types.Struct); ok && inner.NumFields() == 0 {
			return name + "\t\t" + methods(named) + "\tkept", true
		}
	}
	if inner, ok := last.Underlying().(*types.Struct); ok && inner.NumFields() == 0 {
		return name + "\t" + methods(named) + "\t\tkept", true
	}
	return "", false
}

// ParseFieldless reads an entry FieldlessEntry wrote: the type's name, the
// methods of a value in an interface as struct{}, or as *struct{} if ptr, and
// whether the type has fields, its value kept as the last one's.
func ParseFieldless(entry string, ptr bool) (name string, methods []string, kept bool) {
	parts := strings.Split(entry, "\t")
	for len(parts) < 4 {
		parts = append(parts, "")
	}
	methods = strings.Fields(parts[1])
	if ptr {
		methods = strings.Fields(parts[2])
	}
	return parts[0], methods, parts[3] == "kept"
}

// isFieldless reports whether named is a struct type without fields, not
// generic.
func isFieldless(named *types.Named) bool {
	st, ok := named.Underlying().(*types.Struct)
	return ok && st.NumFields() == 0 && named.TypeParams().Len() == 0
}

// wrappable reports whether t, an assertion's concrete target, is a struct type
// declared in a cell (or a pointer to one) with methods: yaegi v0.16.1 hands
// such a value to compiled code as an interface (error, fmt.Stringer…) in a
// wrapper struct, and an any that got the interface holds the wrapper, which
// its assertion to t does not see through.
func wrappable(t types.Type) bool {
	named, ok := types.Unalias(t).(*types.Named)
	if p, isPtr := types.Unalias(t).(*types.Pointer); isPtr {
		named, ok = types.Unalias(p.Elem()).(*types.Named)
	}
	if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "main" {
		return false
	}
	if _, isStruct := named.Underlying().(*types.Struct); !isStruct {
		return false
	}
	return types.NewMethodSet(t).Len() > 0
}

// unwrappingAssertion returns the call that replaces ta, an assertion to t
// (see wrappable, or a struct type without fields of a cell): the assertion of
// the value the runtime takes out of the wrapper (__rt.Unwrapped gives any
// other value back as it is),
//
//	func(__x X) (T, bool) {
//		var __au any = __rt.Unwrapped(__x)
//		__v, __ok := __au.(T)
//		if !__ok { __rt.Undecided(__x, "T") } // panics if false may be wrong
//		return __v, __ok
//	}(x)
//
// and without ", ok", func(__x X) T { …; if !__ok { return __x.(T) }; return __v },
// whose failing assertion panics as the interpreter does. The unwrapped value
// is asserted from a variable of type any: yaegi v0.16.1 asserts from a
// compiled function's result as from its wrapper, and panicked reading a
// field a struct without fields lacks (reflect: Field index out of bounds).
//
// For a struct type without fields, whose value the interpreter's assertion
// cannot tell from any other struct{}, the runtime decides where it passed
// (see fieldlessGuard), and a failure without ", ok" panics with Go's message:
//
//	} else if !__rt.FieldlessIs(__x, …) { var __z T; __v, __ok = __z, false }
//	…; if !__ok { panic(__rt.NotNamed(__x, "X", "main.T")) }
func (d *desugarer) unwrappingAssertion(ta *ast.TypeAssertExpr, t types.Type, commaOK bool) ast.Expr {
	pos := ta.Lparen
	x, v, ok, held := d.temp("ax"), "__v", "__ok", d.temp("au")
	xType := ast.Expr(ident(pos, "any"))
	if xt := d.typeOf(ta.X); xt != nil {
		if e, err := d.typeExpr(xt, pos); err == nil {
			xType = e
		}
	}
	name := types.TypeString(t, func(p *types.Package) string { return p.Name() })
	target := func() ast.Expr {
		e, err := d.typeExpr(t, pos)
		if err != nil {
			d.fail(pos, "type assertion to "+name, err)
			return ta.Type
		}
		return e
	}
	undecided := d.rtCall(pos, "Undecided", ident(pos, x), &ast.BasicLit{ValuePos: pos, Kind: token.STRING, Value: strconv.Quote(name)})
	passed := &ast.IfStmt{If: pos, Cond: &ast.UnaryExpr{OpPos: pos, Op: token.NOT, X: ident(pos, ok)},
		Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: []ast.Stmt{&ast.ExprStmt{X: undecided}}}}
	guard := d.fieldlessGuard(pos, x, t)
	if guard != nil {
		passed.Else = &ast.IfStmt{If: pos, Cond: &ast.UnaryExpr{OpPos: pos, Op: token.NOT, X: guard}, Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: []ast.Stmt{
			&ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{ident(pos, "__z")}, Type: target()}}}},
			&ast.AssignStmt{Lhs: []ast.Expr{ident(pos, v), ident(pos, ok)}, TokPos: pos, Tok: token.ASSIGN, Rhs: []ast.Expr{ident(pos, "__z"), ident(pos, "false")}},
		}}}
	}
	body := []ast.Stmt{
		&ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{
			Names: []*ast.Ident{ident(pos, held)}, Type: ident(pos, "any"), Values: []ast.Expr{d.rtCall(pos, "Unwrapped", ident(pos, x))}}}}},
		&ast.AssignStmt{Lhs: []ast.Expr{ident(pos, v), ident(pos, ok)}, TokPos: pos, Tok: token.DEFINE,
			Rhs: []ast.Expr{&ast.TypeAssertExpr{X: ident(pos, held), Lparen: pos, Type: target(), Rparen: pos}}},
		passed,
	}
	results := []*ast.Field{{Type: target()}, {Type: ident(pos, "bool")}}
	if commaOK {
		body = append(body, &ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(pos, v), ident(pos, ok)}})
		return assertionFunc(ta, x, xType, results, body)
	}
	results = results[:1]
	failed := ast.Stmt(&ast.ReturnStmt{Return: pos, Results: []ast.Expr{&ast.TypeAssertExpr{X: ident(pos, x), Lparen: pos, Type: target(), Rparen: pos}}})
	if guard != nil {
		failed = &ast.ExprStmt{X: &ast.CallExpr{Fun: ident(pos, "panic"), Lparen: pos, Rparen: pos,
			Args: []ast.Expr{d.rtCall(pos, "NotNamed", ident(pos, x), stringLit(pos, d.staticName(ta.X)), stringLit(pos, types.TypeString(t, (*types.Package).Name)))}}}
	}
	body = append(body,
		&ast.IfStmt{If: pos, Cond: &ast.UnaryExpr{OpPos: pos, Op: token.NOT, X: ident(pos, ok)}, Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: []ast.Stmt{failed}}},
		&ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(pos, v)}})
	return assertionFunc(ta, x, xType, results, body)
}

// staticName is the name Go's run-time errors give the static type of x, an
// interface: "interface {}" for any.
func (d *desugarer) staticName(x ast.Expr) string {
	xt := d.typeOf(x)
	if xt == nil {
		return "interface {}"
	}
	if it, ok := types.Unalias(xt).(*types.Interface); ok && it.Empty() {
		return "interface {}"
	}
	return types.TypeString(xt, (*types.Package).Name)
}

// exactOnly reports whether an assertion to t must compare types exactly
// rather than as yaegi v0.16.1 does: it passes a value whose type has t's
// underlying type when one of the two is unnamed (any([]string{}) passes
// .(sort.StringSlice), any(sort.StringSlice{}) passes .([]string)), which only
// composite types can be. Types of cells are left to the rules for them
// (refuse.IndistinctType, wrappable).
func exactOnly(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Slice, *types.Map, *types.Array, *types.Chan, *types.Signature:
	default:
		return false
	}
	cell := false
	var visit func(types.Type)
	seen := map[types.Type]bool{}
	visit = func(t types.Type) {
		if cell || seen[t] {
			return
		}
		seen[t] = true
		switch t := types.Unalias(t).(type) {
		case *types.Named:
			if t.Obj().Pkg() != nil && t.Obj().Pkg().Path() == "main" {
				cell = true
			}
			for i := range t.TypeArgs().Len() {
				visit(t.TypeArgs().At(i))
			}
		case *types.Slice:
			visit(t.Elem())
		case *types.Array:
			visit(t.Elem())
		case *types.Pointer:
			visit(t.Elem())
		case *types.Chan:
			visit(t.Elem())
		case *types.Map:
			visit(t.Key())
			visit(t.Elem())
		case *types.Signature:
			for _, l := range []*types.Tuple{t.Params(), t.Results()} {
				for i := range l.Len() {
					visit(l.At(i).Type())
				}
			}
		case *types.Struct:
			for i := range t.NumFields() {
				visit(t.Field(i).Type())
			}
		case *types.TypeParam:
			cell = true // its type is known only where it is instantiated
		}
	}
	visit(t)
	return !cell
}

// exactAssertion returns the call that replaces ta, an assertion to t (see
// exactOnly), comparing the dynamic type with t as Go does:
//
//	func(__x X) (T, bool) {
//		if !__rt.SameType(__x, (*T)(nil)) { var __v T; return __v, false }
//		__v, _ := __x.(T)
//		return __v, true
//	}(x)
//
// and without ", ok", __rt.NotType(__x, "X", (*T)(nil)) panics with Go's
// message where the first return gives false.
func (d *desugarer) exactAssertion(ta *ast.TypeAssertExpr, t types.Type, commaOK bool) ast.Expr {
	pos := ta.Lparen
	x, v := d.temp("ax"), "__v"
	xType := ast.Expr(ident(pos, "any"))
	xName := "interface {}"
	if xt := d.typeOf(ta.X); xt != nil {
		if e, err := d.typeExpr(xt, pos); err == nil {
			xType, xName = e, d.staticName(ta.X)
		}
	}
	target := func() ast.Expr {
		e, err := d.typeExpr(t, pos)
		if err != nil {
			d.fail(pos, "type assertion to "+types.TypeString(t, nil), err)
			return ta.Type
		}
		return e
	}
	rt := func(name string, args ...ast.Expr) ast.Expr { return d.rtCall(pos, name, args...) }
	nilPtr := &ast.CallExpr{Fun: &ast.ParenExpr{Lparen: pos, X: &ast.StarExpr{Star: pos, X: target()}, Rparen: pos}, Lparen: pos,
		Args: []ast.Expr{ident(pos, "nil")}, Rparen: pos}
	zero := &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{ident(pos, v)}, Type: target()}}}}
	var mismatch []ast.Stmt
	results := []*ast.Field{{Type: target()}, {Type: ident(pos, "bool")}}
	if commaOK {
		mismatch = []ast.Stmt{zero, &ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(pos, v), ident(pos, "false")}}}
	} else {
		results = results[:1]
		quoted := &ast.BasicLit{ValuePos: pos, Kind: token.STRING, Value: strconv.Quote(xName)}
		mismatch = []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{Fun: ident(pos, "panic"), Lparen: pos,
			Args: []ast.Expr{rt("NotType", ident(pos, x), quoted, nilPtr)}, Rparen: pos}}}
	}
	body := []ast.Stmt{
		&ast.IfStmt{If: pos, Cond: &ast.UnaryExpr{OpPos: pos, Op: token.NOT, X: rt("SameType", ident(pos, x), nilPtr)},
			Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: mismatch}},
		&ast.AssignStmt{Lhs: []ast.Expr{ident(pos, v), ident(pos, "_")}, TokPos: pos, Tok: token.DEFINE,
			Rhs: []ast.Expr{&ast.TypeAssertExpr{X: ident(pos, x), Lparen: pos, Type: target(), Rparen: pos}}},
	}
	if commaOK {
		body = append(body, &ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(pos, v), ident(pos, "true")}})
	} else {
		body = append(body, &ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(pos, v)}})
	}
	return assertionFunc(ta, x, xType, results, body)
}

// assertionFunc returns func(x X) (results) { body }(ta.X), the call that
// replaces the assertion ta.
func assertionFunc(ta *ast.TypeAssertExpr, x string, xType ast.Expr, results []*ast.Field, body []ast.Stmt) ast.Expr {
	pos := ta.Lparen
	return &ast.CallExpr{Fun: &ast.FuncLit{
		Type: &ast.FuncType{Func: pos,
			Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ident(pos, x)}, Type: xType}}},
			Results: &ast.FieldList{List: results}},
		Body: &ast.BlockStmt{Lbrace: pos, List: body, Rbrace: pos},
	}, Lparen: pos, Args: []ast.Expr{ta.X}, Rparen: ta.Rparen}
}
