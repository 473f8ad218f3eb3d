package desugar

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/ratelab/ratelab/kernel/interp/refuse"
)

// yaegi v0.16.1 hands an error of a cell's type to compiled code in a wrapper
// that has only its Error method, and compares the wrappers rather than the values
// (see the session's cellerrors.go). errorCalls rewrites the calls of package
// errors that look into an error's tree so that the runtime walks it, given from
// the cell what compiled code cannot see: the methods Unwrap, Is and As of the
// session's error types, and an assertion to errors.As's target type written in
// the cell, where the interpreter can make it:
//
//	errors.Is(err, target)   → __rt.ErrorsIs(err, target, known, methods)
//	errors.Unwrap(err)       → __rt.ErrorsUnwrap(err, known, methods)
//	errors.As(err, p)        → func(__err error, __p *T) bool {
//	                               return __rt.ErrorsAs(__err, __p, func(__e error) bool {
//	                                   __v, __ok := __e.(T); if __ok { *__p = __v }; return __ok
//	                               }, known, methods)
//	                           }(err, p)
//	errors.AsType[T](err)    → func(__err error) (T, bool) { var __t T; __p := &__t; …; return __t, ok }(err)
//
// where methods is
//
//	func(__e error) (func() error, func() []error, func(error) bool, func(any) bool) {
//		__x := __rt.Unwrapped(__e)
//		if __v, __ok := __x.(*T1); __ok { return func() error { return __v.Unwrap() }, nil, nil, nil }
//		…                                    // each session type with such methods
//		return nil, nil, nil, nil
//	}
//
// and known lists the session's struct types the cell knows (the runtime refuses
// an error of a type declared after the cell, whose methods it could not list).
func (d *desugarer) errorCalls(root ast.Node) {
	astutil.Apply(root, nil, func(c *astutil.Cursor) bool {
		call, ok := c.Node().(*ast.CallExpr)
		if !ok {
			return true
		}
		var r ast.Expr
		switch fn, name := d.errorsFunc(call.Fun); fn {
		case "Is":
			r = d.rtCall(call.Lparen, "ErrorsIs", call.Args[0], call.Args[1], d.knownStructs(call.Lparen), d.errorMethods(call.Lparen, fn))
		case "Unwrap":
			r = d.rtCall(call.Lparen, "ErrorsUnwrap", call.Args[0], d.knownStructs(call.Lparen), d.errorMethods(call.Lparen, fn))
		case "As":
			r = d.errorsAs(call)
		case "AsType":
			r = d.errorsAsType(call, name)
		}
		if r != nil {
			c.Replace(r)
		}
		return true
	})
}

// errorsFunc returns the name of the function of package errors fun calls,
// and the identifier that names it, or "".
func (d *desugarer) errorsFunc(fun ast.Expr) (string, *ast.Ident) {
	switch f := ast.Unparen(fun).(type) {
	case *ast.IndexExpr:
		fun = f.X
	case *ast.IndexListExpr:
		fun = f.X
	}
	sel, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok {
		return "", nil
	}
	obj, ok := d.info.Uses[sel.Sel].(*types.Func)
	if !ok || obj.Pkg() == nil || obj.Pkg().Path() != "errors" {
		return "", nil
	}
	return obj.Name(), sel.Sel
}

// errorsAs rewrites errors.As(err, p) for p of type *T, or returns nil to leave
// the call to package errors: for a p of another static type the interpreter
// gives no type to assert to, and for a T that is neither an interface nor an
// error, errors.As panics as Go's does.
func (d *desugarer) errorsAs(call *ast.CallExpr) ast.Expr {
	pt, ok := d.typeOf(call.Args[1]).(*types.Pointer)
	if !ok || !d.asTarget(pt.Elem(), "errors.As", call.Lparen) {
		return nil
	}
	pos := call.Lparen
	errT, ptrT := d.typeExprOr(types.Universe.Lookup("error").Type(), pos), d.typeExprOr(pt, pos)
	if errT == nil || ptrT == nil {
		return nil
	}
	match := d.asMatch(pt.Elem(), "__p", pos)
	if match == nil {
		return nil
	}
	body := []ast.Stmt{&ast.ReturnStmt{Return: pos, Results: []ast.Expr{
		d.rtCall(pos, "ErrorsAs", ident(pos, "__err"), ident(pos, "__p"), match, d.knownStructs(pos), d.errorMethods(pos, "As"))}}}
	fn := &ast.FuncLit{Type: &ast.FuncType{Func: pos,
		Params: &ast.FieldList{List: []*ast.Field{
			{Names: []*ast.Ident{ident(pos, "__err")}, Type: errT},
			{Names: []*ast.Ident{ident(pos, "__p")}, Type: ptrT}}},
		Results: &ast.FieldList{List: []*ast.Field{{Type: ident(pos, "bool")}}}},
		Body: &ast.BlockStmt{Lbrace: pos, List: body, Rbrace: pos}}
	return &ast.CallExpr{Fun: fn, Lparen: pos, Args: call.Args, Rparen: call.Rparen}
}

// errorsAsType rewrites errors.AsType[T](err) as errors.As into a new T.
func (d *desugarer) errorsAsType(call *ast.CallExpr, name *ast.Ident) ast.Expr {
	inst, ok := d.info.Instances[name]
	if !ok || inst.TypeArgs.Len() != 1 {
		return nil
	}
	t := inst.TypeArgs.At(0)
	pos := call.Lparen
	if !d.asTarget(t, "errors.AsType", pos) {
		return nil
	}
	errT, tT := d.typeExprOr(types.Universe.Lookup("error").Type(), pos), d.typeExprOr(t, pos)
	match := d.asMatch(t, "__p", pos)
	if errT == nil || tT == nil || match == nil {
		return nil
	}
	// var __t T; __p := &__t; __ok := __rt.ErrorsAs(__err, __p, match, known, methods); return __t, __ok
	body := []ast.Stmt{
		&ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{ident(pos, "__t")}, Type: tT}}}},
		&ast.AssignStmt{Lhs: []ast.Expr{ident(pos, "__p")}, TokPos: pos, Tok: token.DEFINE,
			Rhs: []ast.Expr{&ast.UnaryExpr{OpPos: pos, Op: token.AND, X: ident(pos, "__t")}}},
		&ast.AssignStmt{Lhs: []ast.Expr{ident(pos, "__ok")}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{
			d.rtCall(pos, "ErrorsAs", ident(pos, "__err"), ident(pos, "__p"), match, d.knownStructs(pos), d.errorMethods(pos, "As"))}},
		&ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(pos, "__t"), ident(pos, "__ok")}},
	}
	tT2 := d.typeExprOr(t, pos)
	fn := &ast.FuncLit{Type: &ast.FuncType{Func: pos,
		Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ident(pos, "__err")}, Type: errT}}},
		Results: &ast.FieldList{List: []*ast.Field{{Type: tT2}, {Type: ident(pos, "bool")}}}},
		Body: &ast.BlockStmt{Lbrace: pos, List: body, Rbrace: pos}}
	return &ast.CallExpr{Fun: fn, Lparen: pos, Args: call.Args, Rparen: call.Rparen}
}

// asTarget reports whether errors.As can take a *T: T is an interface or
// implements error. A named type of the session whose underlying type is not a
// struct is refused: in an interface value it cannot be told from its
// underlying type.
func (d *desugarer) asTarget(t types.Type, fn string, pos token.Pos) bool {
	if !types.IsInterface(t) && !types.Implements(t, errorInterface().Underlying().(*types.Interface)) {
		return false
	}
	if named := sessionNamed(t); named != nil {
		_, isStruct := named.Underlying().(*types.Struct)
		if _, isPtr := t.(*types.Pointer); isStruct && !isPtr {
			d.errs = append(d.errs, refuse.At(d.cfg.Fset, pos, refuse.ValueErrorTarget, fn, named.Obj().Name()))
			return false
		}
		if !isStruct {
			d.errs = append(d.errs, refuse.At(d.cfg.Fset, pos, refuse.IndistinctType, "errors.As into a "+types.TypeString(t, relative),
				"a value of type "+named.Obj().Name(), "one of type "+types.TypeString(named.Underlying(), relative)))
			return false
		}
	}
	return true
}

// asMatch returns func(__e error) bool { __v, __ok := __e.(T); if __ok { *p = __v }; return __ok },
// its assertion rewritten as the cell's own would be.
func (d *desugarer) asMatch(t types.Type, p string, pos token.Pos) ast.Expr {
	tT := d.typeExprOr(t, pos)
	if tT == nil {
		return nil
	}
	d.info.Types[tT] = types.TypeAndValue{Type: t}
	e := ident(pos, "__e")
	d.info.Types[e] = types.TypeAndValue{Type: errorInterface()}
	var assert ast.Expr = &ast.TypeAssertExpr{X: e, Lparen: pos, Type: tT, Rparen: pos}
	if r := d.rewriteAssertion(assert.(*ast.TypeAssertExpr), true, false); r != nil {
		assert = r
	}
	body := []ast.Stmt{
		&ast.AssignStmt{Lhs: []ast.Expr{ident(pos, "__v"), ident(pos, "__ok")}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{assert}},
		&ast.IfStmt{If: pos, Cond: ident(pos, "__ok"), Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: []ast.Stmt{
			&ast.AssignStmt{Lhs: []ast.Expr{&ast.StarExpr{Star: pos, X: ident(pos, p)}}, TokPos: pos, Tok: token.ASSIGN, Rhs: []ast.Expr{ident(pos, "__v")}}}}},
		&ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(pos, "__ok")}},
	}
	return &ast.FuncLit{Type: &ast.FuncType{Func: pos,
		Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ident(pos, "__e")}, Type: d.typeExprOr(errorInterface(), pos)}}},
		Results: &ast.FieldList{List: []*ast.Field{{Type: ident(pos, "bool")}}}},
		Body: &ast.BlockStmt{Lbrace: pos, List: body, Rbrace: pos}}
}

// errorMethods returns the function that gives the runtime the methods Unwrap,
// Is and As of an error of a session type (see errorCalls).
func (d *desugarer) errorMethods(pos token.Pos, fn string) ast.Expr {
	errT := errorInterface()
	sigs := []struct {
		name string
		sig  *types.Signature
	}{
		{"Unwrap", types.NewSignatureType(nil, nil, nil, nil, types.NewTuple(types.NewParam(pos, nil, "", errT)), false)},
		{"Unwrap", types.NewSignatureType(nil, nil, nil, nil, types.NewTuple(types.NewParam(pos, nil, "", types.NewSlice(errT))), false)},
		{"Is", types.NewSignatureType(nil, nil, nil, types.NewTuple(types.NewParam(pos, nil, "", errT)), types.NewTuple(types.NewParam(pos, nil, "", types.Typ[types.Bool])), false)},
		{"As", types.NewSignatureType(nil, nil, nil, types.NewTuple(types.NewParam(pos, nil, "", types.NewInterfaceType(nil, nil))), types.NewTuple(types.NewParam(pos, nil, "", types.Typ[types.Bool])), false)},
	}
	var results []*ast.Field // the four function types, in the order of sigs
	for _, s := range sigs {
		results = append(results, &ast.Field{Type: d.typeExprOr(s.sig, pos)})
	}
	var body []ast.Stmt
	if len(d.sessionErrorTypes()) > 0 {
		body = append(body, &ast.AssignStmt{Lhs: []ast.Expr{ident(pos, "__x")}, TokPos: pos, Tok: token.DEFINE,
			Rhs: []ast.Expr{d.rtCall(pos, "Unwrapped", ident(pos, "__e"))}})
	}
	for _, t := range d.sessionErrorTypes() {
		var ret []ast.Expr
		found := false
		for _, s := range sigs {
			m := methodOf(t, s.name)
			if m == nil || !types.Identical(m.Type().(*types.Signature), s.sig) {
				ret = append(ret, ident(pos, "nil"))
				continue
			}
			found = true
			ret = append(ret, d.methodClosure(s.name, s.sig, pos))
		}
		if !found {
			continue
		}
		if named := sessionNamed(t); named != nil {
			if _, isStruct := named.Underlying().(*types.Struct); !isStruct {
				d.errs = append(d.errs, refuse.At(d.cfg.Fset, pos, refuse.IndistinctType,
					"a call of errors."+fn+" in a session with error type "+named.Obj().Name()+", which has Unwrap, Is or As methods",
					"a value of type "+named.Obj().Name(), "one of type "+types.TypeString(named.Underlying(), relative)))
				return ident(pos, "nil")
			}
		}
		body = append(body, ifAsserted(pos, "__x", d.typeExprOr(t, pos), "__v", nil, &ast.ReturnStmt{Return: pos, Results: ret}))
	}
	body = append(body, &ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(pos, "nil"), ident(pos, "nil"), ident(pos, "nil"), ident(pos, "nil")}})
	return &ast.FuncLit{Type: &ast.FuncType{Func: pos,
		Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ident(pos, "__e")}, Type: d.typeExprOr(errT, pos)}}},
		Results: &ast.FieldList{List: results}},
		Body: &ast.BlockStmt{Lbrace: pos, List: body, Rbrace: pos}}
}

// methodClosure returns func(params) results { return __v.name(args) }: a
// method value the interpreter makes right whatever the receiver.
func (d *desugarer) methodClosure(name string, sig *types.Signature, pos token.Pos) ast.Expr {
	ft, err := d.funcType(sig, pos, false)
	if err != nil {
		return ident(pos, "nil")
	}
	var args []ast.Expr
	var params []*ast.Field
	for i := range sig.Params().Len() {
		a := "__a" + strconv.Itoa(i)
		args = append(args, ident(pos, a))
		params = append(params, &ast.Field{Names: []*ast.Ident{ident(pos, a)}, Type: d.typeExprOr(sig.Params().At(i).Type(), pos)})
	}
	ft.Params = &ast.FieldList{List: params}
	call := &ast.CallExpr{Fun: &ast.SelectorExpr{X: ident(pos, "__v"), Sel: ident(pos, name)}, Lparen: pos, Args: args, Rparen: pos}
	return &ast.FuncLit{Type: ft, Body: &ast.BlockStmt{Lbrace: pos, Rbrace: pos, List: []ast.Stmt{&ast.ReturnStmt{Return: pos, Results: []ast.Expr{call}}}}}
}

// sessionErrorTypes returns the types T and *T, for each non-generic named type
// T of the session, that implement error.
func (d *desugarer) sessionErrorTypes() []types.Type {
	var list []types.Type
	for _, named := range d.sessionTypes() {
		if types.IsInterface(named) || named.TypeParams().Len() > 0 {
			continue
		}
		for _, t := range []types.Type{named, types.NewPointer(named)} {
			if types.Implements(t, errorInterface().Underlying().(*types.Interface)) {
				list = append(list, t)
			}
		}
	}
	return list
}

// knownStructs returns []string{…}: the names of the session's struct types.
func (d *desugarer) knownStructs(pos token.Pos) ast.Expr {
	var names []string
	for _, named := range d.sessionTypes() {
		if _, isStruct := named.Underlying().(*types.Struct); isStruct {
			names = append(names, named.Obj().Name())
		}
	}
	return stringList(pos, names)
}

// sessionTypes returns the named types of the session (no aliases), by name.
func (d *desugarer) sessionTypes() []*types.Named {
	var list []*types.Named
	scope := d.unit.Pkg.Scope()
	for _, name := range scope.Names() {
		if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() {
			if named, ok := tn.Type().(*types.Named); ok {
				list = append(list, named)
			}
		}
	}
	return list
}

// stringLit returns the literal "s".
func stringLit(pos token.Pos, s string) *ast.BasicLit {
	return &ast.BasicLit{ValuePos: pos, Kind: token.STRING, Value: strconv.Quote(s)}
}

// stringList returns []string{"a", …}.
func stringList(pos token.Pos, list []string) ast.Expr {
	var elts []ast.Expr
	for _, s := range list {
		elts = append(elts, stringLit(pos, s))
	}
	return &ast.CompositeLit{Type: &ast.ArrayType{Lbrack: pos, Elt: ident(pos, "string")}, Lbrace: pos, Elts: elts, Rbrace: pos}
}

// methodOf returns t's method name, or nil.
func methodOf(t types.Type, name string) *types.Func {
	obj, _, _ := types.LookupFieldOrMethod(t, false, nil, name)
	f, _ := obj.(*types.Func)
	return f
}

// sessionNamed returns the named type of the session t is, or points to, or nil.
func sessionNamed(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "main" {
		return nil
	}
	return named
}

func errorInterface() types.Type { return types.Universe.Lookup("error").Type() }

// relative writes the session's types without their package.
func relative(p *types.Package) string {
	if p.Path() == "main" {
		return ""
	}
	return p.Name()
}

// typeExprOr is typeExpr, recording in d.errs why t cannot be written.
func (d *desugarer) typeExprOr(t types.Type, pos token.Pos) ast.Expr {
	e, err := d.typeExpr(t, pos)
	if err != nil {
		d.fail(pos, "a call of package errors", err)
		return nil
	}
	return e
}
