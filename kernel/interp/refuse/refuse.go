// Package refuse names the Go that ratelab's cells cannot run correctly, and
// refuses it before anything runs: a cell is stopped with an error that names the
// construct and a way around it, never run with a wrong result.
//
// The list (Kind) is the documented one. Unit finds the constructs that can be
// told from a checked cell; package desugar refuses, with the same kinds, what it
// finds it cannot rewrite.
package refuse

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"

	"github.com/ratelab/ratelab/kernel/interp/check"
)

// Kind is a construct ratelab refuses.
type Kind int

const (
	// TopLevelDefer: defer at a cell's top level. A cell is not a function:
	// the call would wait until the session ends.
	TopLevelDefer Kind = iota
	// TopLevelReturn: return at a cell's top level (outside any function). A
	// cell is not a function, and the interpreter fails on it.
	TopLevelReturn
	// Unavailable: a function, variable or type of a compiled package that the
	// interpreter has no compiled form of: generic functions of compiled packages
	// (yaegi's symbol tables cannot hold them), or symbols kept from cells.
	Unavailable
	// StaleType: rewritten code must name a type of an earlier cell that a later
	// cell declared again: the interpreter has no name for the old type any more.
	StaleType
	// Unwritable: rewritten code must name a type that Go code outside its
	// package cannot name (an unexported type of a compiled package).
	Unwritable
	// GotoOutOfRangeFunc: goto from the body of a range over a function to a
	// label outside it; the body runs as a callback.
	GotoOutOfRangeFunc
	// RecoverInRangeFuncDefer: a function deferred in the body of a range over a
	// function that calls recover: such deferred calls run from a helper, where
	// recover returns nil.
	RecoverInRangeFuncDefer
	// GenericGlobal: a variable at a cell's top level whose type is a pointer to
	// an instance of a generic type with several type arguments: yaegi v0.16.1 fails to compile
	// such a global ("CFG post-order panic").
	GenericGlobal
	// IndistinctImplementer: a type assertion (or type switch case) to an
	// interface declared in a cell, which a named type of the session whose
	// underlying type is not a struct implements: in an interface value, yaegi
	// v0.16.1 cannot tell such a value from other values of its underlying type.
	IndistinctImplementer
	// PointerMethodsImplementer: a type assertion (or type switch case) to a
	// compiled package's interface (error, fmt.Stringer…) that a pointer to a
	// named type of the session whose underlying type is not a struct
	// implements, and the type itself does not: yaegi v0.16.1 gives such a
	// value in an interface the methods of the pointer, so it would pass.
	PointerMethodsImplementer
	// IndistinctType: a type assertion or type switch case to a type that a
	// value of a named type of the session whose underlying type is not a
	// struct could be mistaken for in an interface value, or the declaration of
	// such a type that an earlier cell's assertion could mistake (the rule is in
	// indistinct.go).
	IndistinctType
	// NestedStringer: an argument to a print function of fmt or log, or to
	// encoding/json or encoding/xml, whose type holds, inside a slice, array,
	// map or struct, a cell's type with a method the function calls (String,
	// MarshalJSON…):
	// yaegi v0.16.1 keeps no methods on values inside others, so the function
	// would print or encode them without it.
	NestedStringer
	// EmbeddedJSON: encoding/json of a value whose type holds a struct declared
	// in a cell that embeds a struct (or a pointer to one) beside other fields,
	// with no JSON name: yaegi v0.16.1 marks a field embedded only when it is the
	// struct's one field, so json would write and read the embedded struct as
	// one field instead of its fields promoted (see embedded.go).
	EmbeddedJSON
	// UnavailablePackage: an import of a package the checker has export data
	// for but the interpreter has no symbol table or source of (a package left
	// out on purpose, such as syscall, is refused by the checker's importer with
	// its reason).
	UnavailablePackage
	// ValueErrorTarget: errors.As (or errors.AsType) into a struct type declared
	// in a cell whose Error method has a value receiver: yaegi v0.16.1 keeps such
	// a value in an error as its last field alone, so no error in a tree can be
	// found to be one.
	ValueErrorTarget
	// ParallelAssignment: a parallel assignment with a value that is a call, a
	// composite literal or a receive, where its values cannot be put in
	// temporaries first (desugar/parallel.go): yaegi v0.16.1 would leave the
	// other variables unassigned.
	ParallelAssignment
	// ReflectErased: reflect.TypeOf or reflect.ValueOf of a value whose type
	// holds a named type declared in a cell whose underlying type is not a
	// struct (type Celsius float64): yaegi v0.16.1 gives such a type no reflect
	// type of its own, so reflect would describe its underlying type. A call
	// with a value of an interface type, which could hold one, is refused once
	// the session has such a type, and so is the declaration of one after such
	// a call (indistinct.go).
	ReflectErased
	// RuntimeMethodValue: a method of a compiled type that the session
	// replaces at its calls (desugar/methods.go: reflect.Type.Name,
	// json.Decoder.Decode…) used as a value, not called: the value would be
	// the compiled method, which describes a cell's types as the interpreter
	// built them (reflect.Type.Name of a cell's struct type would be "").
	RuntimeMethodValue
	// TopLevelRedeclaredRead: a cell's top level reads a session variable that
	// the cell declares again with := or var (`q := q + 1`, `q, s := r, q`
	// where q is an earlier cell's), or a := at the top level assigns a
	// variable that one of its values reads (`a, c := b, a` where a is the
	// cell's): yaegi v0.16.1 would read the new variable, zero until set, or
	// the one the statement just assigned (desugar/toplevel.go).
	TopLevelRedeclaredRead
	// FallthroughDefault: a fallthrough into or out of a default clause that is
	// not the last clause of its switch: yaegi v0.16.1 swaps such a default
	// with the last clause, so the fallthrough would go to another clause, and
	// desugar can move default to the end only where no fallthrough touches it
	// (desugar/switchcases.go).
	FallthroughDefault
	// TemplateMethods: text/template or html/template executed with data whose
	// static type is or holds a type declared in a cell with an exported method:
	// yaegi v0.16.1 gives such a type no methods that reflection finds, so
	// {{.Method}} would fail and a field's String method would not be used
	// (template.go).
	TemplateMethods
	// XMLUnnamed: encoding/xml's Marshal, MarshalIndent or Encoder.Encode of a
	// struct declared in a cell (or a pointer, slice or array of them) with no
	// XMLName field: xml names the element after the type, and yaegi v0.16.1's
	// struct types have no name, so xml would fail with "unsupported type"
	// (xml.go).
	XMLUnnamed
	// GenericPointerType: in a function's body, a pointer to an instance of a
	// generic type with several type arguments that holds a type parameter
	// (*P[K, V]) written as a type where the interpreter compiles it as an
	// expression (a type assertion or case, a conversion, a type argument, a
	// variable declared without a value among several): yaegi v0.16.1 takes it
	// for a dereference, and its compiler panics (desugar/instances.go).
	GenericPointerType
	// LocalTypeShadows: a type declared in a function's body or a block with
	// the name of a package-level (session) type: yaegi v0.16.1 resolves the
	// name in the package scope first, so `type Point struct{…}` inside a
	// function printed through the package Point's String method.
	LocalTypeShadows
	// TildePointerConstraint: an interface constraint with a term ~*T (PT
	// interface{ ~*T; Set(int) }): yaegi v0.16.1's compiler panics
	// instantiating it ("reflect.Type is nil"). [PT ~*T] runs.
	TildePointerConstraint
	// PointerParamConversion: a conversion PT(x) to a type parameter of x of
	// type *T, T a type parameter, that exactConversion cannot write as an
	// assertion (PT ~*T): yaegi v0.16.1 compiles the type argument *T of its
	// helper as a dereference and fails ("not a generic type").
	PointerParamConversion
)

// what tells, per kind, what is refused (%s: the construct) and what to do.
var what = map[Kind]struct{ msg, instead string }{
	TopLevelDefer: {"defer at a cell's top level: a cell is not a function, so the call would wait for the end of the session",
		"call it at the end of the cell, or put the code in a function"},
	TopLevelReturn: {"return at a cell's top level: a cell is not a function",
		"put the code in a function (a cell's func main runs as go run runs it), or use if/else"},
	Unavailable: {"%s is not available in ratelab cells: the interpreter has no compiled form of it (%s)",
		"write the few lines it does in the cell, or use a non-generic function"},
	StaleType: {"%s needs type %s of an earlier cell, which was declared again since: the interpreter cannot name the old type any more",
		"re-run the cells that made the values of the old type, so they have the new one"},
	Unwritable: {"%s: %s", "give the value a type of your own, or convert it"},
	GotoOutOfRangeFunc: {"goto %s leaves the body of a range over a function, which ratelab runs as a callback",
		"use break or continue with a label, or a flag"},
	GenericGlobal: {"session variable %s has type %s, a pointer to a generic type with several type arguments, which the interpreter cannot hold at a cell's top level",
		"use it inside a function (a cell's func main runs as go run runs it)"},
	IndistinctImplementer: {"type assertion to %s, which %s implements: in an interface value, the interpreter cannot tell a %s from other values of its underlying type %s",
		"declare the type as a struct (type T struct{ v float64 } for type T float64), or keep such values in a variable of the interface type instead of asserting"},
	PointerMethodsImplementer: {"type assertion to %s, which *%s implements and %[2]s does not: in an interface value, the interpreter gives a %[2]s the methods of *%[2]s, so a %[2]s would pass",
		"declare its methods with value receivers, or declare the type as a struct (type T struct{ v int } for type T int)"},
	IndistinctType: {"%s: in an interface value, the interpreter cannot tell %s from %s: a named type declared in a cell whose underlying type is not a struct keeps no name there, so the answer could be wrong",
		"declare the named type as a struct (type Celsius struct{ v float64 } for type Celsius float64), or keep its values in variables of their own type; " +
			"ratelab refuses every type assertion and type switch case to a type that such a value could pass for, once the session has such a type"},
	NestedStringer: {"%s would handle %s's elements without calling %s's %s method: the interpreter keeps no methods on values of a cell's types inside a slice, array, map or struct",
		"handle the elements one by one (for _, v := range xs { fmt.Print(v, \" \") }), or call the method yourself (v.String()) and pass its result"},
	EmbeddedJSON: {"%s would handle the embedded %s of %s (in %s) as a field named %[2]s instead of promoting its fields: the interpreter marks a struct's field embedded only when it is the struct's one field",
		"copy the embedded struct's fields into the struct, or give the embedded field a JSON name (`json:\"name\"`) if a nested object is what you want"},
	UnavailablePackage: {"package %s is not available in ratelab cells: the interpreter has no symbol table for it",
		"use a package that offers the same, or run this code as a compiled program"},
	ValueErrorTarget: {"%s into %s, a struct type declared in a cell whose methods have value receivers: in an error value the interpreter keeps only the last field of such a struct, so it could never find one",
		"declare its methods with pointer receivers (func (e *T) Error() string), return &T{…}, and look for a *T (var target *T; errors.As(err, &target))"},
	ParallelAssignment: {"%s assigns several values at once, one of them a call, a composite literal or a receive, which the interpreter cannot run so: it would leave the other variables unassigned",
		"assign the values one statement each, or put them in variables first"},
	ReflectErased: {"%s: reflect would describe %s as %s, where Go describes its own type: the interpreter gives a named type declared in a cell whose underlying type is not a struct no reflect type of its own",
		"print the type with fmt's %T, tell types apart with a type switch, or declare the type as a struct (type Celsius struct{ v float64 } for type Celsius float64)"},
	TopLevelRedeclaredRead: {"%s reads %s, which the cell's top level assigns by := where it reads it: the interpreter would read the new value, not the old one, where Go reads the old one",
		"put the old value in a variable of another name in a cell before, or give the new variable another name"},
	RuntimeMethodValue: {"method %s used as a value: ratelab makes it handle the types declared in cells as Go does only where it is called",
		"call the method where its result is needed, or wrap the call in a function literal (func() string { return t.Name() })"},
	FallthroughDefault: {"fallthrough %s a default clause that is not the last clause of its switch: the interpreter swaps such a default with the last clause, so the fallthrough would run another clause",
		"make default the last clause (its place only matters to fallthrough), or repeat the statements the fallthrough would run, or call a function holding them"},
	TemplateMethods: {"%s with data %s of type %s, %s: the template would not find the methods of a type declared in a cell (the interpreter gives its values no methods that reflection finds), so calling one would fail and a String method would not be used",
		"pass a map (map[string]any{\"Total\": x.Total()}) or a struct of plain fields computed beforehand"},
	XMLUnnamed: {"%s of %s: encoding/xml names the element after the type, and the interpreter keeps no name for %s, a struct type declared in a cell, so it would fail with \"unsupported type\"",
		"add a field XMLName xml.Name (with a tag `xml:\"name\"` for the element's name) to the struct"},
	GenericPointerType: {"%s, a pointer to an instance of a generic type with several type arguments that holds a type parameter, written as %s: the interpreter would compile the type as a dereference, and fail",
		"write such a pointer type only in a function's parameters or results, in a slice, map, channel or struct type, or in a variable declaration of one variable (var p *P[K, V] = nil, p := &P[K, V]{}); a type with one type parameter (P[T]) has no such limit"},
	TildePointerConstraint: {"constraint term %s: the interpreter fails to instantiate a generic function or type whose constraint interface holds a pointer type with ~",
		"write the term without ~ (PT interface{ *T; Set(int) }), which allows the same type arguments unless one is a named pointer type, or, without methods, the constraint ~*T alone ([T any, PT ~*T])"},
	PointerParamConversion: {"%s, a conversion to type parameter %s from %s, a pointer to a type parameter: the interpreter would compile the pointer type as a dereference, and fail",
		"constrain the type parameter to that pointer type exactly (PT interface{ *T }), whose conversions ratelab writes otherwise, or take the value as a PT"},
	LocalTypeShadows: {"type %s declared inside a function or block, with the name of the session's type %s: the interpreter resolves the name to the session's type, and would build the other type with its methods",
		"give the local type a name of its own"},
	RecoverInRangeFuncDefer: {"recover in a function deferred inside the body of a range over a function: ratelab runs those deferred calls from a helper, where recover would return nil",
		"defer the function outside the loop"},
}

// An Error is a refusal: a construct at a position of a cell.
type Error struct {
	Pos  token.Position
	Kind Kind
	Msg  string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// At returns the refusal of kind k at pos; args fill the kind's message.
func At(fset *token.FileSet, pos token.Pos, k Kind, args ...any) *Error {
	w := what[k]
	return &Error{Pos: fset.Position(pos), Kind: k, Msg: fmt.Sprintf(w.msg, args...) + "; " + w.instead}
}

// Unit returns the refusals of u, a checked unit: imports of packages for which
// has(path, "") is false, top-level defer and return, and every use of a
// compiled package's symbol for which has(path, name) is false.
func Unit(fset *token.FileSet, u *check.Unit, has func(path, name string) bool) []*Error {
	var errs []*Error
	if u.Kind == check.Imports {
		for _, is := range u.File.Imports {
			if path, err := strconv.Unquote(is.Path.Value); err == nil && !has(path, "") {
				errs = append(errs, At(fset, is.Path.Pos(), UnavailablePackage, path))
			}
		}
	}
	if body := u.Body(); body != nil {
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.DeferStmt:
				errs = append(errs, At(fset, n.Defer, TopLevelDefer))
			case *ast.ReturnStmt:
				errs = append(errs, At(fset, n.Return, TopLevelReturn))
			}
			return true
		})
	}
	if u.Kind == check.Stmts {
		for name, obj := range u.Declared() {
			if v, ok := obj.(*types.Var); ok && severalTypeArgs(v.Type()) {
				errs = append(errs, At(fset, v.Pos(), GenericGlobal, name, types.TypeString(v.Type(), qualifier)))
			}
		}
	}
	errs = append(errs, localTypesShadowing(fset, u)...)
	ast.Inspect(u.File, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if e := nestedStringer(fset, u.Info, call); e != nil {
				errs = append(errs, e)
			}
			if e := embeddedJSON(fset, u.Info, call); e != nil {
				errs = append(errs, e)
			}
			if e := reflectErased(fset, u.Info, call); e != nil {
				errs = append(errs, e)
			}
			if e := templateMethods(fset, u.Info, call); e != nil {
				errs = append(errs, e)
			}
			if e := xmlUnnamed(fset, u.Info, call); e != nil {
				errs = append(errs, e)
			}
		}
		return true
	})
	for id, obj := range u.Info.Uses {
		pkg := obj.Pkg()
		if pkg == nil || pkg.Path() == "main" || obj.Parent() != pkg.Scope() {
			continue // the universe, the session, a field or a method
		}
		if _, ok := obj.(*types.PkgName); ok || has(pkg.Path(), obj.Name()) {
			continue
		}
		if tn, ok := obj.(*types.TypeName); ok && isGeneric(tn) {
			continue // desugar writes its instances out (or refuses them)
		}
		why := "it is not in the interpreter's symbol table"
		if isGeneric(obj) {
			why = "it is generic, and the interpreter takes no generic function or type from compiled packages"
		}
		errs = append(errs, At(fset, id.Pos(), Unavailable, pkg.Name()+"."+obj.Name(), why))
	}
	sortErrors(errs)
	return errs
}

// severalTypeArgs reports whether t is a pointer to an instance of a generic
// type with more than one type argument (what yaegi v0.16.1 fails on; a value of
// such a type it holds).
func severalTypeArgs(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := p.Elem().(*types.Named)
	return ok && named.TypeArgs().Len() > 1
}

// qualifier writes the session's names unqualified.
func qualifier(p *types.Package) string {
	if p.Path() == "main" {
		return ""
	}
	return p.Name()
}

func isGeneric(obj types.Object) bool {
	switch t := obj.Type().(type) {
	case *types.Signature:
		return t.TypeParams().Len() > 0
	case *types.Named:
		return t.TypeParams().Len() > 0
	}
	return false
}

func sortErrors(errs []*Error) {
	slices.SortFunc(errs, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Column, b.Pos.Column))
	})
}

// methodCallers are the compiled functions that call methods of the values they
// are given, found by reflection: fmt's and log's print functions (those taking
// ...any), encoding/json's and encoding/xml's. Such a call of a cell's type's
// method is lost on a value held inside another (see NestedStringer).
var methodCallers = []struct {
	pkg     string
	funcs   map[string]bool // nil: the package's variadic functions
	methods []string
}{
	{"fmt", nil, []string{"Error", "String", "Format", "GoString"}},
	{"log", nil, []string{"Error", "String", "Format", "GoString"}},
	{"encoding/json", map[string]bool{"Marshal": true, "MarshalIndent": true, "Unmarshal": true, "Encode": true, "Decode": true},
		[]string{"MarshalJSON", "UnmarshalJSON", "MarshalText", "UnmarshalText"}},
	{"encoding/xml", map[string]bool{"Marshal": true, "MarshalIndent": true, "Unmarshal": true, "Encode": true, "EncodeElement": true, "Decode": true, "DecodeElement": true},
		[]string{"MarshalXML", "UnmarshalXML", "MarshalXMLAttr", "UnmarshalXMLAttr", "MarshalText", "UnmarshalText"}},
}

// nestedStringer returns the refusal of call if it calls one of methodCallers
// with an argument whose type holds, below its top level, a cell's type with one
// of the methods the function would call; or nil.
func nestedStringer(fset *token.FileSet, info *types.Info, call *ast.CallExpr) *Error {
	fn := CalledFunc(info, call)
	if fn == nil {
		return nil
	}
	for _, mc := range methodCallers {
		if fn.Pkg().Path() != mc.pkg || (mc.funcs == nil && !fn.Signature().Variadic()) || (mc.funcs != nil && !mc.funcs[fn.Name()]) {
			continue
		}
		for _, arg := range call.Args {
			tv, ok := info.Types[arg]
			if !ok {
				continue
			}
			if named, method := heldPrinter(tv.Type, mc.methods, 0, map[types.Type]bool{}); named != nil {
				return At(fset, arg.Pos(), NestedStringer, fn.Pkg().Name()+"."+fn.Name(), types.ExprString(arg), named.Obj().Name(), method)
			}
		}
	}
	return nil
}

// HeldPrinter returns the cell's type that t holds below its top level, in a
// slice, array, map or exported field, whose method fmt would call to print
// it, and that method; or nil. fmt prints such a t without the method where
// the interpreter hands it over as it is (see NestedStringer).
func HeldPrinter(t types.Type) (*types.Named, string) {
	return heldPrinter(t, methodCallers[0].methods, 0, map[types.Type]bool{})
}

// CalledFunc returns the function or method of a package that call calls, or nil.
func CalledFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	var fn *types.Func
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		fn, _ = info.Uses[f.Sel].(*types.Func)
	case *ast.Ident:
		fn, _ = info.Uses[f].(*types.Func)
	}
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	return fn
}

// heldPrinter returns a named type of the session with one of methods, held in
// t below depth 0 (t itself, or what a pointer t points to, gets its methods
// called), and the method's name.
func heldPrinter(t types.Type, methods []string, depth int, seen map[types.Type]bool) (*types.Named, string) {
	if seen[t] {
		return nil, ""
	}
	seen[t] = true
	if named, ok := types.Unalias(t).(*types.Named); ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "main" && depth > 0 {
		for _, m := range methods {
			for _, recv := range []types.Type{named, types.NewPointer(named)} {
				if obj, _, _ := types.LookupFieldOrMethod(recv, true, named.Obj().Pkg(), m); obj != nil {
					if _, isFunc := obj.(*types.Func); isFunc {
						return named, m
					}
				}
			}
		}
	}
	// A value whose method set has one of methods is printed by it, as a whole:
	// fmt does not look into its fields (Derived{Base}, with Base's String
	// promoted, prints as Base's String says).
	mset := types.NewMethodSet(t)
	for _, m := range methods {
		if sel := mset.Lookup(nil, m); sel != nil && sel.Obj().Exported() {
			return nil, ""
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return heldPrinter(u.Elem(), methods, depth, seen)
	case *types.Slice:
		return heldPrinter(u.Elem(), methods, depth+1, seen)
	case *types.Array:
		return heldPrinter(u.Elem(), methods, depth+1, seen)
	case *types.Map:
		if n, m := heldPrinter(u.Key(), methods, depth+1, seen); n != nil {
			return n, m
		}
		return heldPrinter(u.Elem(), methods, depth+1, seen)
	case *types.Struct:
		for i := range u.NumFields() {
			if !u.Field(i).Exported() {
				continue // fmt prints an unexported field without its methods in Go too
			}
			if n, m := heldPrinter(u.Field(i).Type(), methods, depth+1, seen); n != nil {
				return n, m
			}
		}
	}
	return nil, ""
}

// localTypesShadowing returns the refusals of the types u declares inside a
// function or block with the name of a package-level type (LocalTypeShadows).
// A statements unit's own type declarations are the session's, not local.
func localTypesShadowing(fset *token.FileSet, u *check.Unit) []*Error {
	sessionLevel := map[*ast.TypeSpec]bool{}
	if body := u.Body(); body != nil {
		for _, st := range body.List {
			if ds, ok := st.(*ast.DeclStmt); ok {
				for _, spec := range ds.Decl.(*ast.GenDecl).Specs {
					if ts, ok := spec.(*ast.TypeSpec); ok {
						sessionLevel[ts] = true
					}
				}
			}
		}
	}
	var errs []*Error
	ast.Inspect(u.File, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok || sessionLevel[ts] {
			return true
		}
		obj, ok := u.Info.Defs[ts.Name].(*types.TypeName)
		if !ok || obj.Parent() == nil || obj.Parent() == u.Pkg.Scope() {
			return true
		}
		if outer, ok := u.Pkg.Scope().Lookup(ts.Name.Name).(*types.TypeName); ok {
			errs = append(errs, At(fset, ts.Name.Pos(), LocalTypeShadows, ts.Name.Name, types.TypeString(outer.Type(), qualifier)))
		}
		return true
	})
	return errs
}
