package desugar

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/ratelab/ratelab/kernel/interp/refuse"
)

// yaegi v0.16.1 hands fmt and log what a cell prints without what Go's fmt
// reads off the value's type:
//   - a value of a cell's named type that is not a struct arrives as its
//     underlying value: %T of a Celsius prints float64, %#v of a Names prints
//     []string{…}; of a []Celsius, []float64;
//   - a value held in a variable of an interface type arrives bare, without its
//     methods: fmt.Println(s), s a Shape holding a Circle, prints {1} where Go
//     calls Circle's String method.
//
// The checker knows both, so printArgs rewrites each such argument x of a
// print function (fmt's and log's functions taking ...any; a *log.Logger's
// print methods are first made calls of fmt.Sprint…, see loggerCall):
//
//	x of type T, named as Go names it ("[]main.Celsius"):
//	    func(__x T) any { return __rt.PrintArg("[]main.Celsius", __x, nil, nil, nil, false) }(x)
//	x of an interface type I:
//	    __rt.PrintDynamic(any(x), errorf, empty)
//
// PrintArg's value prints as Go prints it, calling the methods given (Error,
// String, GoString, Format; nil where the type has none), and refuses %#v where Go
// would name types below the value's top that the interpreter keeps no name
// for (its last argument).
//
// Which of the session's types a value of an interface type holds is known
// only when the call runs, and a function declared in one cell prints values of
// types that later cells declare. So each cell that declares a type or a
// method registers with the runtime a printer of all the session's types
// (sessionPrinters): an interpreted function that asserts the value to each of
// them with a printing method and calls it through PrintArg, which only
// interpreted code can. PrintDynamic asks the latest printer.
//
// Converted to an any, a value of a named type that is not a struct, with
// methods, reaches fmt in yaegi's valueInterface, which names its type (see the
// runtime's valueiface.go): the printer's case for it is taken on that name.
// Without methods it keeps no name anywhere, and yaegi's assertion to such a
// type is true for any value of its underlying type. So the printer also
// lists each such type of the session (name, underlying type, printing
// method), and the runtime's printLookalike refuses %T of a value that could
// be of one, and printing at all one that could be of one with a String or
// Error method.
//
// Given an argument of fmt.Errorf, the printer returns, for a type with an
// Error method, __rt.PrintError(__v, …), an error that %w wraps and errors.Is
// and == see through. A cell's value of an interface type is shown through
// __rt.Shown(__v) for each struct type with a method through which values are
// shown (shownResult).
func (d *desugarer) printArgs(root ast.Node) {
	if es := d.unit.ResultExpr(); es != nil && !d.unit.ResultErr {
		if r := d.shownResult(es.X); r != nil {
			es.X = r
		}
	}
	astutil.Apply(root, nil, func(c *astutil.Cursor) bool {
		call, ok := c.Node().(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := d.printFunc(call)
		if fn == nil {
			return true
		}
		if call.Ellipsis.IsValid() {
			d.spreadArgs(call, fn)
			return true
		}
		replace := c.Replace
		if fn.Signature().Recv() != nil {
			logged, sprint := d.loggerCall(call, fn)
			c.Replace(logged)
			fn, call = d.sprintFunc(fn), sprint
			replace = func(n ast.Node) { logged.Args[0] = n.(ast.Expr) }
		}
		if spread := d.spreadResults(call, fn); spread != nil {
			replace(spread)
			return true
		}
		first := fn.Signature().Params().Len() - 1 // the ...any parameter
		errorf := fn.Name() == "Errorf"
		for i := first; i < len(call.Args); i++ {
			if r := d.printArg(call.Args[i], errorf); r != nil {
				call.Args[i] = r
			}
		}
		return true
	})
	d.registerPrinters()
}

// spreadArgs rewrites the []any spread into call, of a print function, as
// __rt.PrintSpread(args): a forwarder's (func logf(format string, args
// ...any) { fmt.Printf(format, args...) }) values are each known only when the
// call runs, as an interface argument's are (dynamicPrintArg), and a []Temp
// among them printed its floats bare.
func (d *desugarer) spreadArgs(call *ast.CallExpr, fn *types.Func) {
	last := len(call.Args) - 1
	if fn.Signature().Recv() != nil || last < 0 || fn.Name() == "Errorf" {
		// Errorf's: a cell's error given as PrintError, which %w wraps, is
		// not found by errors.As; cellArgs refuses it instead.
		return
	}
	if s, ok := d.typeOf(call.Args[last]).(*types.Slice); !ok || !types.IsInterface(s.Elem()) {
		return
	}
	pos := call.Args[last].Pos()
	call.Args[last] = d.rtCall(pos, "PrintSpread", call.Args[last])
}

// registerPrinters puts the unit's sessionPrinters call first in its
// statements, or, in a unit of declarations only, in a variable declaration.
// A unit that a later unit of its cell declares methods after registers none:
// its printers would call methods yaegi does not know yet (type Color int;
// var names = […]; func (c Color) String() string in one cell failed with
// "undefined selector: String"), and the later unit registers them all.
func (d *desugarer) registerPrinters() {
	pos, ok := d.typeDecl()
	if !ok || d.methodsDeclaredLater() {
		return
	}
	call := d.sessionPrinters(pos)
	if call == nil {
		return
	}
	if body := d.unit.Body(); body != nil {
		body.List = append([]ast.Stmt{&ast.ExprStmt{X: call}}, body.List...)
		return
	}
	d.unit.File.Decls = append(d.unit.File.Decls, &ast.GenDecl{TokPos: pos, Tok: token.VAR,
		Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{ident(pos, d.temp("printers"))}, Values: []ast.Expr{call}}}})
}

// methodsDeclaredLater reports whether a later unit of the unit's cell
// declares a method: its position is past the unit's file (the cell's
// units are parsed in order, the session's earlier cells before them).
func (d *desugarer) methodsDeclaredLater() bool {
	for _, named := range d.sessionTypes() {
		for m := range named.Methods() {
			if m.Pos() >= d.unit.File.End() {
				return true
			}
		}
	}
	return false
}

// loggerCall returns what replaces call, of a print method of a *log.Logger:
// the method prints without the session's fmt, so l.Printf(f, a…) becomes
// l.Print(fmt.Sprintf(f, a…)), as Logger.Printf is l.Output(2,
// fmt.Sprintf(f, a…)) and Print of one string prints it alone (likewise for
// Println and Fatal…, Panic…).
// It returns the fmt call too.
func (d *desugarer) loggerCall(call *ast.CallExpr, fn *types.Func) (logged, sprint *ast.CallExpr) {
	sel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	pos := call.Pos()
	sprint = &ast.CallExpr{Fun: &ast.SelectorExpr{X: ident(pos, d.cfg.Import("fmt")), Sel: ident(pos, d.sprintFunc(fn).Name())},
		Lparen: call.Lparen, Args: call.Args, Rparen: call.Rparen}
	base := strings.TrimSuffix(strings.TrimSuffix(fn.Name(), "ln"), "f")
	logged = &ast.CallExpr{Fun: &ast.SelectorExpr{X: sel.X, Sel: &ast.Ident{NamePos: sel.Sel.Pos(), Name: base}},
		Lparen: call.Lparen, Args: []ast.Expr{sprint}, Rparen: call.Rparen}
	return logged, sprint
}

// sprintFunc returns fmt's Sprint, Sprintf or Sprintln, for a method of
// *log.Logger named for one of them (Printf, Fatalln…).
func (d *desugarer) sprintFunc(fn *types.Func) *types.Func {
	name := "Sprint"
	switch {
	case strings.HasSuffix(fn.Name(), "f"):
		name = "Sprintf"
	case strings.HasSuffix(fn.Name(), "ln"):
		name = "Sprintln"
	}
	return fmtFuncs[name]
}

// fmtFuncs are fmt's Sprint, Sprintf and Sprintln, for their signatures.
var fmtFuncs = func() map[string]*types.Func {
	pkg := types.NewPackage("fmt", "fmt")
	anys := types.NewSlice(anyType)
	str := types.NewVar(token.NoPos, pkg, "", types.Typ[types.String])
	m := map[string]*types.Func{}
	for _, name := range []string{"Sprint", "Sprintf", "Sprintln"} {
		params := []*types.Var{types.NewVar(token.NoPos, pkg, "a", anys)}
		if name == "Sprintf" {
			params = append([]*types.Var{types.NewVar(token.NoPos, pkg, "format", types.Typ[types.String])}, params...)
		}
		sig := types.NewSignatureType(nil, nil, nil, types.NewTuple(params...), types.NewTuple(str), true)
		m[name] = types.NewFunc(token.NoPos, pkg, name, sig)
	}
	return m
}()

// printFunc returns the function of fmt or log, or the method of *log.Logger,
// that call calls if it takes ...any to print, or nil.
func (d *desugarer) printFunc(call *ast.CallExpr) *types.Func {
	fn := refuse.CalledFunc(d.info, call)
	if fn == nil || (fn.Pkg().Path() != "fmt" && fn.Pkg().Path() != "log") {
		return nil
	}
	if strings.Contains(strings.ToLower(fn.Name()), "scan") {
		// fmt.Sscan(s, &c) fills what its arguments point to: they are not printed
		// (made PrintArgs, *Celsius was "type not a pointer" and c stayed 0).
		return nil
	}
	params := fn.Signature().Params()
	if !fn.Signature().Variadic() || params.Len() == 0 {
		return nil
	}
	last, ok := params.At(params.Len() - 1).Type().(*types.Slice)
	if !ok || !types.IsInterface(last.Elem()) || !last.Elem().Underlying().(*types.Interface).Empty() {
		return nil
	}
	if recv := fn.Signature().Recv(); recv != nil {
		if _, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr); !isSel || !strings.HasPrefix(fn.Name(), "P") && !strings.HasPrefix(fn.Name(), "F") {
			return nil
		}
	}
	return fn
}

// spreadResults returns what replaces call, of the print function fn, if its
// only argument is a call of several results, or nil: yaegi hands those results
// to fmt as they come, without the methods of a cell's type, so
// fmt.Println(two()), two returning (int, P), printed 1 {2} where Go calls P's
// String method. Each result becomes a parameter of a function literal, passed
// on as an argument like any other (printValue), the results evaluated where
// the call was:
//
//	func(__r0 int, __r1 P) (int, error) { return fmt.Println(__r0, PrintArg…(__r1)) }(two())
func (d *desugarer) spreadResults(call *ast.CallExpr, fn *types.Func) ast.Expr {
	if len(call.Args) != 1 {
		return nil
	}
	tuple, ok := d.typeOf(call.Args[0]).(*types.Tuple)
	if !ok {
		return nil
	}
	pos := call.Pos()
	first := fn.Signature().Params().Len() - 1
	params := &ast.FieldList{}
	inner := &ast.CallExpr{Fun: call.Fun, Lparen: call.Lparen, Rparen: call.Rparen}
	for i := range tuple.Len() {
		t := tuple.At(i).Type()
		if d.mentionsTypeParam(t, 0) {
			return nil
		}
		te, err := d.typeExpr(t, pos)
		if err != nil {
			d.fail(pos, "printing "+types.ExprString(call.Args[0]), err)
			return nil
		}
		r := ident(pos, d.temp("r"))
		params.List = append(params.List, &ast.Field{Names: []*ast.Ident{r}, Type: te})
		var arg ast.Expr = ident(pos, r.Name)
		if i >= first {
			if pa := d.printValue(arg, t, fn.Name() == "Errorf"); pa != nil {
				arg = pa
			}
		}
		inner.Args = append(inner.Args, arg)
	}
	results := &ast.FieldList{}
	for v := range fn.Signature().Results().Variables() {
		te, err := d.typeExpr(v.Type(), pos)
		if err != nil {
			d.fail(pos, "printing "+types.ExprString(call.Args[0]), err)
			return nil
		}
		results.List = append(results.List, &ast.Field{Type: te})
	}
	var body ast.Stmt = &ast.ExprStmt{X: inner}
	if len(results.List) > 0 {
		body = &ast.ReturnStmt{Return: pos, Results: []ast.Expr{inner}}
	}
	lit := &ast.FuncLit{Type: &ast.FuncType{Func: pos, Params: params, Results: results},
		Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{body}, Rbrace: pos}}
	return &ast.CallExpr{Fun: lit, Lparen: call.Lparen, Args: call.Args, Rparen: call.Rparen}
}

// printArg returns what replaces x, an argument of a print function, or nil.
func (d *desugarer) printArg(x ast.Expr, errorf bool) ast.Expr {
	tv, ok := d.info.Types[x]
	if !ok || !tv.IsValue() || tv.Type == nil {
		return nil
	}
	return d.printValue(x, tv.Type, errorf)
}

// printValue returns what replaces x, of type t, an argument of a print
// function (of fmt.Errorf if errorf), or nil.
func (d *desugarer) printValue(x ast.Expr, t types.Type, errorf bool) ast.Expr {
	if d.mentionsTypeParam(t, 0) {
		if _, ok := t.(*types.TypeParam); ok {
			return nil // yaegi hands it over as its type argument's value, methods and all
		}
		// Which type it is is known when the call runs, as for an interface:
		// Show[T any](xs []T) given a []Temp printed its floats bare.
		return d.dynamicCall(x, errorf, true)
	}
	switch {
	case errorf && types.IsInterface(t):
		return d.dynamicPrintArg(x, t, true)
	case errorf && types.Implements(t, errorType):
		// yaegi hands it over with its Error method, in a wrapper that %w
		// wraps and errors.As sees through.
		return nil
	}
	if types.IsInterface(t) {
		return d.dynamicPrintArg(x, t, false)
	}
	if d.unnamedAtRuntime(t, 0) || d.unnamedBelow(t, 0) || d.misprinted(t) {
		return d.printArgLit(x, t, d.temp("px"), nil)
	}
	return nil
}

// misprinted reports whether t is a cell's type, or a pointer to one, with a
// printing method, its own or its pointer's: yaegi hands such a value to fmt
// wrapped for fmt.Formatter or fmt.Stringer, with the methods of the pointer
// type, and of a struct value the wrapper keeps the last field alone. So
// fmt.Printf("%d", p) of a Point{1, 2} with String printed {2 15819264} where
// Go prints {1 2}, %#v printed symbols._fmt_Stringer{…}, with func (f *F)
// Format fmt.Println(f) of an F called Format where Go prints the struct, and
// fmt.Println(p.Add(q)), a call's result, printed {4 6} without String.
func (d *desugarer) misprinted(t types.Type) bool {
	named := t
	if p, ok := t.(*types.Pointer); ok {
		named = p.Elem()
	}
	if !d.declared(named) || types.IsInterface(named) {
		return false
	}
	return len(printingMethods(types.NewPointer(named))) > 0
}

// printingMethods returns the methods through which fmt prints that t's
// method set has, among Format, GoString, Error and String, in the order fmt
// prefers them.
func printingMethods(t types.Type) []string {
	var ms []string
	if hasFormatMethod(t) {
		ms = append(ms, "Format")
	}
	for _, m := range []string{"GoString", "Error", "String"} {
		if hasStringMethod(t, m) {
			ms = append(ms, m)
		}
	}
	return ms
}

var (
	errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	anyType   = types.Universe.Lookup("any").Type()
)

// goName is t as Go's %T prints it.
func goName(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

// printArgLit returns func(param T) any { cases…; return last }(x), last
// being, if nil, __rt.PrintArg(…) of param: the value of x, named as its type
// t, with its printing methods.
func (d *desugarer) printArgLit(x ast.Expr, t types.Type, param string, last ast.Expr, cases ...ast.Stmt) ast.Expr {
	pos := x.Pos()
	if last == nil {
		last = d.printArgCall(pos, param, t)
	}
	te, err := d.typeExpr(t, pos)
	if err != nil {
		d.fail(pos, "printing "+types.ExprString(x), err)
		return nil
	}
	body := append(cases, &ast.ReturnStmt{Return: pos, Results: []ast.Expr{last}})
	lit := &ast.FuncLit{
		Type: &ast.FuncType{Func: pos,
			Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ident(pos, param)}, Type: te}}},
			Results: &ast.FieldList{List: []*ast.Field{{Type: ident(pos, "any")}}}},
		Body: &ast.BlockStmt{Lbrace: pos, List: body, Rbrace: pos},
	}
	return &ast.CallExpr{Fun: lit, Lparen: pos, Args: []ast.Expr{x}, Rparen: x.End()}
}

// printArgCall returns __rt.PrintArg("name", v, error, string, goString,
// format, unnamedBelow) for the variable v of type t: each method a function
// calling v's, or nil; unnamedBelow whether %#v of v would name types below
// its top that the interpreter keeps no name for.
func (d *desugarer) printArgCall(pos token.Pos, v string, t types.Type) ast.Expr {
	args := []ast.Expr{stringLit(pos, goName(t)), ident(pos, v)}
	for _, m := range []string{"Error", "String", "GoString"} {
		if hasStringMethod(t, m) {
			args = append(args, methodThunk(pos, v, m))
		} else {
			args = append(args, ident(pos, "nil"))
		}
	}
	if hasFormatMethod(t) {
		args = append(args, d.formatThunk(pos, v))
	} else {
		args = append(args, ident(pos, "nil"))
	}
	args = append(args, ident(pos, strconv.FormatBool(d.unnamedBelow(t, 0))))
	return d.rtCall(pos, "PrintArg", args...)
}

// methodThunk returns func() string { return v.m() }: a closure, not the
// method value v.m, which would dereference a nil pointer v where it is
// written, where fmt prints <nil> instead.
func methodThunk(pos token.Pos, v, m string) ast.Expr {
	call := &ast.CallExpr{Fun: &ast.SelectorExpr{X: ident(pos, v), Sel: ident(pos, m)}, Lparen: pos, Rparen: pos}
	return &ast.FuncLit{
		Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{},
			Results: &ast.FieldList{List: []*ast.Field{{Type: ident(pos, "string")}}}},
		Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{&ast.ReturnStmt{Return: pos, Results: []ast.Expr{call}}}, Rbrace: pos},
	}
}

// formatThunk returns func(__f fmt.State, __c rune) { v.Format(__f, __c) }.
func (d *desugarer) formatThunk(pos token.Pos, v string) ast.Expr {
	f, c := d.temp("f"), d.temp("c")
	state := &ast.SelectorExpr{X: ident(pos, d.cfg.Import("fmt")), Sel: ident(pos, "State")}
	call := &ast.CallExpr{Fun: &ast.SelectorExpr{X: ident(pos, v), Sel: ident(pos, "Format")}, Lparen: pos, Args: []ast.Expr{ident(pos, f), ident(pos, c)}, Rparen: pos}
	return &ast.FuncLit{
		Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{List: []*ast.Field{
			{Names: []*ast.Ident{ident(pos, f)}, Type: state},
			{Names: []*ast.Ident{ident(pos, c)}, Type: ident(pos, "rune")},
		}}},
		Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{&ast.ExprStmt{X: call}}, Rbrace: pos},
	}
}

// hasFormatMethod reports whether t's method set has fmt.Formatter's Format
// method, which fmt calls before any other.
func hasFormatMethod(t types.Type) bool {
	sel := types.NewMethodSet(t).Lookup(nil, "Format")
	if sel == nil {
		return false
	}
	sig := sel.Type().(*types.Signature)
	if sig.Params().Len() != 2 || sig.Results().Len() != 0 || !types.Identical(sig.Params().At(1).Type(), types.Typ[types.Rune]) {
		return false
	}
	state, ok := types.Unalias(sig.Params().At(0).Type()).(*types.Named)
	return ok && state.Obj().Pkg() != nil && state.Obj().Pkg().Path() == "fmt" && state.Obj().Name() == "State"
}

// structCases returns, for each struct type of the session, and pointer to
// one, that implements it and for which want holds,
//
//	if v, __ok := param.(T); __ok { body(T)… }
//
// or false after recording (as what) why a type cannot be written. Given the
// name of a string variable holding the Go name of param's type, as yaegi's
// valueInterface records it (held), it also returns cases for the named types
// that are not structs, guarded by that name,
//
//	if held == "main.T" { if v, __ok := param.(T); __ok { body(T)… } }
//
// since yaegi's assertion to such a type is true for any value of its
// underlying type.
func (d *desugarer) structCases(it *types.Interface, pos token.Pos, param, v, held, what string, want func(types.Type) bool, body func(types.Type) []ast.Stmt) ([]ast.Stmt, bool) {
	var cases []ast.Stmt
	for _, named := range d.sessionTypes() {
		_, isStruct := named.Underlying().(*types.Struct)
		if (!isStruct && (held == "" || types.IsInterface(named))) || named.TypeParams().Len() > 0 {
			continue
		}
		for _, cand := range []types.Type{named, types.NewPointer(named)} {
			if !types.Implements(cand, it) || !want(cand) {
				continue
			}
			te, err := d.typeExpr(cand, pos)
			if err != nil {
				d.fail(pos, what, err)
				return nil, false
			}
			c := ifAsserted(pos, param, te, v, nil, body(cand)...)
			if !isStruct {
				// As the interpreter knows it: a type declared again is T_5.
				name := "main." + types.ExprString(te)
				if _, isPointer := cand.(*types.Pointer); isPointer {
					name = "*main." + strings.TrimPrefix(types.ExprString(te), "*")
				}
				var cond ast.Expr = &ast.BinaryExpr{X: ident(pos, held), OpPos: pos, Op: token.EQL, Y: stringLit(pos, name)}
				if goName(cand) != name {
					// As Go knows it: the runtime names a value in a wrapper of
					// a compiled interface from lookalikes (see wrappedName).
					cond = &ast.BinaryExpr{X: cond, OpPos: pos, Op: token.LOR,
						Y: &ast.BinaryExpr{X: ident(pos, held), OpPos: pos, Op: token.EQL, Y: stringLit(pos, goName(cand))}}
				}
				c = &ast.IfStmt{If: pos, Cond: cond, Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{c}, Rbrace: pos}}
			}
			cases = append(cases, c)
		}
	}
	return cases, true
}

// hasStringMethod reports whether t's method set has the method name of type
// func() string, which fmt calls.
func hasStringMethod(t types.Type, name string) bool {
	sel := types.NewMethodSet(t).Lookup(nil, name)
	if sel == nil {
		return false
	}
	sig := sel.Type().(*types.Signature)
	return sig.Params().Len() == 0 && sig.Results().Len() == 1 && types.Identical(sig.Results().At(0).Type(), types.Typ[types.String])
}

// dynamicPrintArg returns what replaces x, of the interface type t, an
// argument of a print function (of fmt.Errorf if errorf):
//
//	__rt.PrintDynamic(any(x), errorf, empty)
//
// empty telling whether t is the empty interface. Which cell types x may hold
// is not known here: a function declared in one cell prints values of types
// that later cells declare. So the session's runtime asks the printer that the
// latest cell declaring types or methods registered (sessionPrinters).
func (d *desugarer) dynamicPrintArg(x ast.Expr, t types.Type, errorf bool) ast.Expr {
	return d.dynamicCall(x, errorf, t.Underlying().(*types.Interface).Empty())
}

// dynamicCall returns __rt.PrintDynamic(any(x), errorf, empty).
func (d *desugarer) dynamicCall(x ast.Expr, errorf, empty bool) ast.Expr {
	pos := x.Pos()
	v := &ast.CallExpr{Fun: ident(pos, "any"), Lparen: pos, Args: []ast.Expr{x}, Rparen: x.End()}
	return d.rtCall(pos, "PrintDynamic", v, ident(pos, strconv.FormatBool(errorf)), ident(pos, strconv.FormatBool(empty)))
}

// sessionPrinters returns, for a unit that declares a type or a method, the
// call that registers with the runtime how values of the session's types
// print, or nil:
//
//	__rt.Printers(func(__px any, __errorf bool) (any, bool) {
//	    if __pv, __ok := __px.(T); __ok {   // each struct type of the session, and pointer to one,
//	        if __errorf {                    // whose method set (or its pointer's) has Error, String, GoString or Format
//	            return __rt.PrintError(__pv, func() string { return __pv.Error() }), true
//	        }
//	        return __rt.PrintArg("main.T", __pv, …), true
//	    }
//	    return nil, false
//	}, lookalikes, lastFields)
//
// The interpreter keeps those methods off a value held in an interface, so
// only interpreted code that asserts the value to its type can call them.
// lookalikes holds, for each named type that is not a struct, its name, its
// underlying type's and its printing method (or ""): see the runtime's
// printLookalike. lastFields holds the types of the last fields of the struct
// types with printing methods on their values, which is all of such a value
// that yaegi keeps in its wrapper (see the runtime's wrappedName). printing
// holds the struct types whose values print through a method (P), those
// whose pointers only do (*Q), and those that hold in a field a type that
// prints through a method (R>main.Temp): see the runtime's
// sessionPrinters.cellArgs.
func (d *desugarer) sessionPrinters(pos token.Pos) ast.Expr {
	param, v, errorf, held := d.temp("px"), d.temp("pv"), d.temp("errorf"), d.temp("held")
	printed := func(t types.Type) bool {
		if _, isPointer := t.(*types.Pointer); !isPointer {
			// A value's case too where only its pointer prints through a method:
			// it prints without it, where the interpreter would call it.
			t = types.NewPointer(t)
		}
		return len(printingMethods(t)) > 0
	}
	cases, ok := d.structCases(types.NewInterfaceType(nil, nil), pos, param, v, held, "printing", printed, func(t types.Type) []ast.Stmt {
		var body []ast.Stmt
		if hasStringMethod(t, "Error") {
			asError := d.rtCall(pos, "PrintError", ident(pos, v), methodThunk(pos, v, "Error"))
			body = append(body, &ast.IfStmt{If: pos, Cond: ident(pos, errorf), Body: &ast.BlockStmt{Lbrace: pos,
				List: []ast.Stmt{&ast.ReturnStmt{Return: pos, Results: []ast.Expr{asError, ident(pos, "true")}}}, Rbrace: pos}})
		}
		return append(body, &ast.ReturnStmt{Return: pos, Results: []ast.Expr{d.printArgCall(pos, v, t), ident(pos, "true")}})
	})
	if !ok {
		return nil
	}
	var lookalikes, lastFields, printing []string
	for _, named := range d.sessionTypes() {
		if st, isStruct := named.Underlying().(*types.Struct); isStruct && named.TypeParams().Len() == 0 {
			switch {
			case len(printingMethods(named)) > 0:
				printing = append(printing, named.Obj().Name())
				if st.NumFields() > 0 {
					lastFields = append(lastFields, goName(st.Field(st.NumFields()-1).Type()))
				}
			case len(printingMethods(types.NewPointer(named))) > 0:
				printing = append(printing, "*"+named.Obj().Name())
			default:
				if held, _ := refuse.HeldPrinter(named); held != nil {
					printing = append(printing, named.Obj().Name()+">"+goName(held))
				}
			}
		}
		if _, isStruct := named.Underlying().(*types.Struct); isStruct || types.IsInterface(named) || named.TypeParams().Len() > 0 {
			continue
		}
		printer := ""
		if ms := printingMethods(named); len(ms) > 0 {
			printer = ms[0] // a lookalike is a value, never a pointer
		}
		lookalikes = append(lookalikes, goName(named), goName(named.Underlying()), printer)
	}
	field := func(name string, t ast.Expr) *ast.Field {
		return &ast.Field{Names: []*ast.Ident{ident(pos, name)}, Type: t}
	}
	body := append(cases, &ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(pos, "nil"), ident(pos, "false")}})
	printer := &ast.FuncLit{
		Type: &ast.FuncType{Func: pos,
			Params:  &ast.FieldList{List: []*ast.Field{field(param, ident(pos, "any")), field(errorf, ident(pos, "bool")), field(held, ident(pos, "string"))}},
			Results: &ast.FieldList{List: []*ast.Field{{Type: ident(pos, "any")}, {Type: ident(pos, "bool")}}}},
		Body: &ast.BlockStmt{Lbrace: pos, List: body, Rbrace: pos},
	}
	return d.rtCall(pos, "Printers", printer, stringList(pos, lookalikes), stringList(pos, lastFields), stringList(pos, printing))
}

// typeDecl returns the position of the unit's first declaration of a type or
// a method, if it has one.
func (d *desugarer) typeDecl() (token.Pos, bool) {
	for _, decl := range d.unit.File.Decls {
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			if decl.Recv != nil {
				return decl.Pos(), true
			}
		case *ast.GenDecl:
			if decl.Tok == token.TYPE {
				return decl.Pos(), true
			}
		}
	}
	return token.NoPos, false
}

// displayMethods are the methods through which a cell's value is shown
// (symbols.Displayable).
var displayMethods = []string{"HTML", "Markdown", "SVG", "PNG", "JSON", "String"}

// shownResult returns what replaces x, a cell's result of an interface type,
// or nil: for each struct type of the session implementing it with a method
// through which values are shown,
//
//	if __v, __ok := __x.(T); __ok { return __rt.Shown(__v) }
//
// Shown takes the value of its own type, which yaegi hands over with those
// methods (as it hands the cell's result of a struct type), not bare.
func (d *desugarer) shownResult(x ast.Expr) ast.Expr {
	t := d.typeOf(x)
	if t == nil || !types.IsInterface(t) || d.mentionsTypeParam(t, 0) {
		return nil
	}
	pos := x.Pos()
	param, v := d.temp("px"), d.temp("pv")
	shows := func(t types.Type) bool {
		mset := types.NewMethodSet(t)
		return slices.ContainsFunc(displayMethods, func(m string) bool { return mset.Lookup(nil, m) != nil })
	}
	cases, ok := d.structCases(t.Underlying().(*types.Interface), pos, param, v, "", "showing "+types.ExprString(x), shows,
		func(types.Type) []ast.Stmt {
			return []ast.Stmt{&ast.ReturnStmt{Return: pos, Results: []ast.Expr{d.rtCall(pos, "Shown", ident(pos, v))}}}
		})
	if !ok || len(cases) == 0 {
		return nil
	}
	return d.printArgLit(x, anyType, param, ident(pos, param), cases...)
}

// declared reports whether t is a named type a cell declared.
func (d *desugarer) declared(t types.Type) bool {
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == d.unit.Pkg.Path()
}

// unnamedAtRuntime reports whether t is, or is made of (through pointers,
// slices, arrays, maps and channels), a type a cell declared that the
// interpreter keeps no name for: an interface, or a named type that is not a
// struct (a struct carries its name in its fields' tags: structtags.go).
func (d *desugarer) unnamedAtRuntime(t types.Type, depth int) bool {
	if depth > 8 {
		return false
	}
	if named, ok := types.Unalias(t).(*types.Named); ok {
		_, isStruct := named.Underlying().(*types.Struct)
		return d.declared(named) && !isStruct
	}
	return slices.ContainsFunc(components(t), func(c types.Type) bool { return d.unnamedAtRuntime(c, depth+1) })
}

// components are the types a pointer, slice, array, channel or map type is
// made of (a map's key and value), or nil for another type.
func components(t types.Type) []types.Type {
	switch t := types.Unalias(t).(type) {
	case *types.Pointer:
		return []types.Type{t.Elem()}
	case *types.Slice:
		return []types.Type{t.Elem()}
	case *types.Array:
		return []types.Type{t.Elem()}
	case *types.Chan:
		return []types.Type{t.Elem()}
	case *types.Map:
		return []types.Type{t.Key(), t.Elem()}
	}
	return nil
}

// unnamedBelow reports whether %#v of a value of type t prints, below its top
// level, the name of a type the interpreter keeps no name for (see
// unnamedAtRuntime): an element, key or field of such a type, or of a type made
// of one. (%#v of a []Celsius names []main.Celsius once; of a []Names, each
// element as main.Names{…} too.)
func (d *desugarer) unnamedBelow(t types.Type, depth int) bool {
	if depth > 8 {
		return false
	}
	inner := func(e types.Type) bool {
		if _, isBasic := e.Underlying().(*types.Basic); isBasic {
			return false // %#v of a named number or string prints no name
		}
		return d.unnamedAtRuntime(e, 0) && !types.IsInterface(e) || d.unnamedBelow(e, depth+1)
	}
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		if !d.declared(t) {
			return false
		}
		return d.unnamedBelow(t.Underlying(), depth+1)
	case *types.Pointer:
		return d.unnamedBelow(t.Elem(), depth+1)
	case *types.Slice:
		return inner(t.Elem())
	case *types.Array:
		return inner(t.Elem())
	case *types.Chan:
		return false // %#v prints a channel's address
	case *types.Map:
		return inner(t.Key()) || inner(t.Elem())
	case *types.Struct:
		for i := range t.NumFields() {
			if inner(t.Field(i).Type()) {
				return true
			}
		}
	}
	return false
}

// mentionsTypeParam reports whether t is or holds a type parameter, whose
// instance the desugarer cannot name.
func (d *desugarer) mentionsTypeParam(t types.Type, depth int) bool {
	if depth > 8 {
		return true
	}
	mentions := func(c types.Type) bool { return d.mentionsTypeParam(c, depth+1) }
	switch t := types.Unalias(t).(type) {
	case *types.TypeParam:
		return true
	case *types.Named:
		return slices.ContainsFunc(slices.Collect(t.TypeArgs().Types()), mentions)
	}
	return slices.ContainsFunc(components(t), mentions)
}
