package interp

import (
	"encoding/json"
	"fmt"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/traefik/yaegi/interp"

	"github.com/ratelab/ratelab/kernel/interp/desugar"
	"github.com/ratelab/ratelab/kernel/interp/symbols"
)

// rtPath is the import path of the session's private runtime package, imported
// as rtName by the prelude, for code the session writes into cells.
const (
	rtPath = "ratelab/rt"
	rtName = "__rt"
)

// prelude is interpreted once per session, before any cell: it imports the
// runtime package under rtName (imports of the file "_.go" are shared by every
// cell). The helpers desugared cells call are desugar.Prelude.
const prelude = `package main

import ` + rtName + ` "` + rtPath + `"

func __useRuntime() { _ = ` + rtName + `.Result }
`

// runtimeSymbols are the functions of the runtime package, bound to s.
func (s *Session) runtimeSymbols() map[string]reflect.Value {
	result := func(v any) {
		if r := s.current(); r != nil {
			r.result, r.hasResult = v, true
		}
	}
	goPanic := func(pos string, v any) {
		goEnd()
		if v != nil {
			s.goroutinePanic(pos, goPanicValue(v))
		}
	}
	resultOrError := func(v any, err error) {
		if err != nil {
			panic(resultError{err})
		}
		result(v)
	}
	statement := func(line, col int) { s.markStatement(position{line: line, col: col}) }
	printers := s.printers
	return map[string]reflect.Value{
		"Statement":     reflect.ValueOf(statement),
		"Result":        reflect.ValueOf(result),
		"ResultOrError": reflect.ValueOf(resultOrError),
		"GoPanic":       reflect.ValueOf(goPanic),
		"GoStart":       reflect.ValueOf(goStart),
		"Recovered":     reflect.ValueOf(recovered),
		"NilDeref":      reflect.ValueOf(nilDeref),
		"Deferring":     reflect.ValueOf(newDeferring),
		// The field of a struct type declared without fields (desugar/structtags.go).
		"Fieldless": reflect.ValueOf((*fieldlessField)(nil)),
		// Package desugar's type assertions to interfaces of cells.
		"Unmatched":    reflect.ValueOf(unmatched),
		"AssertFailed": reflect.ValueOf(assertFailed),
		"Unwrapped":    reflect.ValueOf(unwrapped),
		"Undecided":    reflect.ValueOf(undecided),
		"HeldByCell":   reflect.ValueOf(heldByCell),
		"FieldlessIs":  reflect.ValueOf(s.fieldlessIs),
		"NotNamed":     reflect.ValueOf(notNamed),
		// Its assertions to composite types, compared exactly.
		"SameType": reflect.ValueOf(sameType),
		"NotType":  reflect.ValueOf(notType),
		// Comparisons of interface values, and package errors, for values of
		// cells' types (cellerrors.go).
		"Equal":    reflect.ValueOf(equal),
		"CheckKey": reflect.ValueOf(checkKey),
		"ErrorsIs": reflect.ValueOf(func(err, target error, known []string, methods cellMethodsFunc) bool {
			return errorsIs(err, target, cellMethods{known, methods})
		}),
		"ErrorsAs": reflect.ValueOf(func(err error, target any, match func(error) bool, known []string, methods cellMethodsFunc) bool {
			return errorsAs(err, target, match, cellMethods{known, methods})
		}),
		"ErrorsUnwrap": reflect.ValueOf(func(err error, known []string, methods cellMethodsFunc) error {
			return errorsUnwrap(err, cellMethods{known, methods})
		}),
		// Arguments of print functions (desugar/printargs.go).
		"PrintArg":     reflect.ValueOf(printArg),
		"Printers":     reflect.ValueOf(printers.set),
		"PrintDynamic": reflect.ValueOf(printers.arg),
		"PrintSpread":  reflect.ValueOf(printers.spread),
		"PrintError":   reflect.ValueOf(printError),
		"Shown":        reflect.ValueOf(func(v any) any { return v }),
		"TypedNil":     reflect.ValueOf(typedNil),
		"TypedNilHeld": reflect.ValueOf(typedNilHeld),
		// Bounds checks (desugar/bounds.go).
		"Bounds":     reflect.ValueOf(boundsPanic),
		"BoundsIf":   reflect.ValueOf(boundsIf),
		"ShiftCount": reflect.ValueOf(shiftCount),
		"Index":      reflect.ValueOf(checkIndex),
		"IndexU":     reflect.ValueOf(checkIndexU),
		// Compiled methods desugar calls through the runtime (desugar/methods.go).
		"JSONDecode": reflect.ValueOf(jsonDecode),
		"JSONEncode": reflect.ValueOf(jsonEncode),
		// Methods of package reflect (cellreflect.go).
		"ReflectTypeName":             reflect.ValueOf(reflectTypeName),
		"ReflectTypeString":           reflect.ValueOf(reflectTypeString),
		"ReflectTypePkgPath":          reflect.ValueOf(reflectTypePkgPath),
		"ReflectTypeNumField":         reflect.ValueOf(reflectTypeNumField),
		"ReflectTypeField":            reflect.ValueOf(reflectTypeField),
		"ReflectTypeFieldByIndex":     reflect.ValueOf(reflectTypeFieldByIndex),
		"ReflectTypeFieldByName":      reflect.ValueOf(reflectTypeFieldByName),
		"ReflectTypeFieldByNameFunc":  reflect.ValueOf(reflectTypeFieldByNameFunc),
		"ReflectTypeNumMethod":        reflect.ValueOf(reflectTypeNumMethod),
		"ReflectTypeMethod":           reflect.ValueOf(reflectTypeMethod),
		"ReflectTypeMethodByName":     reflect.ValueOf(reflectTypeMethodByName),
		"ReflectTypeImplements":       reflect.ValueOf(reflectTypeImplements),
		"ReflectValueNumField":        reflect.ValueOf(reflectValueNumField),
		"ReflectValueField":           reflect.ValueOf(reflectValueField),
		"ReflectValueFieldByIndex":    reflect.ValueOf(reflectValueFieldByIndex),
		"ReflectValueFieldByName":     reflect.ValueOf(reflectValueFieldByName),
		"ReflectValueFieldByNameFunc": reflect.ValueOf(reflectValueFieldByNameFunc),
		"ReflectValueString":          reflect.ValueOf(reflectValueString),
		"ReflectValueNumMethod":       reflect.ValueOf(reflectValueNumMethod),
		"ReflectValueMethod":          reflect.ValueOf(reflectValueMethod),
		"ReflectValueMethodByName":    reflect.ValueOf(reflectValueMethodByName),
	}
}

// fieldlessField is the type of the field package desugar gives a struct
// type declared in a cell without fields, to carry the type's mark: fmt
// prints it as nothing, so the struct prints as {}, as Go prints it.
type fieldlessField struct{}

// Format prints nothing, for every verb.
func (fieldlessField) Format(fmt.State, rune) {}

// typedNil panics saying why a nil value of type ptr (a pointer, or a named
// map, slice or func type) cannot be converted to iface, a compiled interface
// (see desugar/ifaceconv.go).
func typedNil(ptr, iface string) {
	panic(fmt.Errorf("ratelab cannot convert a nil %s to %s here: in Go the %s would hold the nil %s and not be nil (a comparison with nil is false), "+
		"but the interpreter makes it a nil %s, so such a comparison would answer true; "+
		"use a nil %s explicitly (return nil, not a nil %s variable), or a non-nil %s", ptr, iface, iface, ptr, iface, iface, ptr, ptr))
}

// typedNilHeld panics saying why x, an interface holding a value of a type
// that implements iface, a compiled interface, cannot be asserted to it if the
// value is a nil one of a cell's type (see desugar/ifaceconv.go).
func typedNilHeld(x any, iface string) {
	held, inWrapper := valueInterfaceValue(x)
	if !inWrapper {
		held = x
	}
	v := reflect.ValueOf(held)
	if !v.IsValid() || !inWrapper && !hasCellStruct(v.Type()) {
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func:
		if !v.IsNil() {
			return
		}
	default:
		return
	}
	name := goTypeString(v.Type())
	if h := valueInterfaceHeld(reflect.ValueOf(x)); h.name != "" {
		name = h.name
	}
	typedNil(name, iface)
}

// resultError is the error a cell's last expression, of type (T, error),
// returned: the cell's error.
type resultError struct{ err error }

// unwrapped returns the value of a cell's type that yaegi handed to compiled
// code in one of its interface wrappers (such as interp._error, a struct whose
// first field IValue holds the value), or v.
func unwrapped(v any) any {
	inner, _ := unwrap(v)
	return inner
}

// unwrap returns unwrapped(v), and whether v was a wrapper.
func unwrap(v any) (any, bool) {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv = rv.Elem()
	}
	if rv.Kind() == reflect.Struct && rv.NumField() > 0 && rv.Type().Field(0).Name == "IValue" && rv.Field(0).CanInterface() {
		if inner := rv.Field(0).Interface(); inner != nil {
			return inner, true
		}
	}
	return v, false
}

// undecided panics if x, which failed package desugar's assertion to target (a
// struct type of a cell, or a pointer to one), is a wrapper that does not hold
// a value of a cell's struct type: yaegi v0.16.1 wraps some such values in a
// form (a one-field struct as its field's value) whose type cannot be told, so
// false could be the wrong answer.
func undecided(x any, target string) {
	inner, wrapped := unwrap(x)
	if wrapped && cellStructName(reflect.TypeOf(inner)) == "" {
		panic(fmt.Errorf("ratelab cannot tell whether this value is a %s: it was stored in an interface of a compiled package (such as fmt.Stringer) "+
			"and passed on in another interface, and the interpreter lost its type there; assert from the interface variable it was first stored in, "+
			"or keep it in a variable of its own type", target))
	}
}

// unmatched decides a type assertion of x to iface, an interface declared in a
// cell (or a literal), that neither the interpreter's assertion nor a case of a
// session type known to implement it matched (see package desugar's
// interfaceAssertions). It reports false where Go would: x is nil, is of a struct
// type of the session the cell knew (known), or has not every method of iface
// (methods). Otherwise the interpreter cannot give x as an iface, and it panics
// saying so, rather than answer false.
func unmatched(x any, iface string, known, methods []string) bool {
	if x == nil {
		return false
	}
	t := reflect.TypeOf(unwrapped(x))
	if name := cellStructName(t); name != "" {
		if slices.Contains(known, name) {
			return false
		}
		panic(fmt.Errorf("ratelab cannot assert a value of type %s to %s here: %s was declared after the cell that makes this assertion; run that cell again",
			goTypeString(t), iface, name))
	}
	for _, m := range methods {
		if _, ok := t.MethodByName(m); !ok {
			return false
		}
	}
	panic(fmt.Errorf("ratelab cannot assert a value of type %s to %s, an interface declared in a cell: the interpreter cannot make a compiled value one; "+
		"assert to an interface of a compiled package (for Unwrap, use errors.Unwrap)", goTypeString(t), iface))
}

// heldByCell decides an assertion of x to an interface after package
// desugar's cases of the session's struct types implementing it (known: those
// the cell knew) failed (see its interfaceAssertions): it reports true if x
// holds a value of one of known, so the assertion fails, and false if x is a
// compiled value, or of a struct type declared after the cell, left to the
// interpreter's assertion. ifacePtr points to the interface's compiled type, or
// is nil for an interface declared in a cell (whose assertions' last word is
// unmatched's). For a compiled interface, it panics where neither answer can be
// trusted: x holds a struct type declared after the cell, or is yaegi's
// wrapper of a value whose type it lost, and the wrapper lacks the interface's
// methods itself.
func heldByCell(x, ifacePtr any, known []string) bool {
	if x == nil {
		return false
	}
	// The type's name as the interpreter recorded it, for a struct type
	// without fields, which has no mark; yaegi passes a value from an any
	// parameter so.
	typeName := ""
	if held, ok := valueInterfaceValue(x); ok {
		if held == nil {
			return false
		}
		typeName = valueInterfaceHeld(reflect.ValueOf(x)).name
		x = held
	}
	inner, wrapped := unwrap(x)
	t := reflect.TypeOf(inner)
	if fieldless(t) {
		name := strings.TrimPrefix(strings.TrimPrefix(typeName, "*"), "main.")
		if name != typeName && slices.Contains(known, name) {
			return true
		}
	}
	if name := cellStructName(t); name != "" {
		if slices.Contains(known, name) {
			return true
		}
		if ifacePtr == nil {
			return false // Unmatched decides, after the interpreter's type switch
		}
		panic(fmt.Errorf("ratelab cannot assert a value of type %s to %s here: %s was declared after the cell that makes this assertion; run that cell again",
			goTypeString(t), goTypeString(reflect.TypeOf(ifacePtr).Elem()), name))
	}
	if ifacePtr == nil {
		return false
	}
	iface := reflect.TypeOf(ifacePtr).Elem()
	if wrapped && !reflect.TypeOf(x).Implements(iface) {
		panic(fmt.Errorf("ratelab cannot tell whether this value is a %s: it was stored in an interface of a compiled package "+
			"and passed on in another interface, and the interpreter lost its type there; assert from the interface variable it was first stored in, "+
			"or keep it in a variable of its own type", goTypeString(iface)))
	}
	return false
}

// fieldless reports whether t is a struct type without fields, or a pointer
// to one: the type of a cell's such struct has no field to mark its name in
// (desugar/structtags.go).
func fieldless(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.Struct && t.NumField() == 0
}

// fieldlessIs reports whether x, which passed the interpreter's assertion to
// a struct type without fields declared in a cell (or a pointer to one, if
// ptr), holds that type, known by names (the cell's name, and the one the
// interpreter compiled it under). The interpreter makes every such type
// struct{}, and its assertion passes any struct{}, one of no cell's type
// (struct{}{}) too. Where it kept the type's name with the value, that
// decides. A struct{} in its wrapper of a compiled interface (an error, a
// fmt.Stringer) is of a cell's type with the wrapper's methods: the type, if
// only one of the session's types that may be held so has them (fieldless:
// those the cell knew, see desugar.FieldlessEntry; those declared since count
// too). Where neither tells, it panics rather than guess.
func (s *Session) fieldlessIs(x any, ptr bool, names, fieldless []string) bool {
	// A type with the field package desugar gives one without methods with
	// value receivers carries its mark there.
	if t := reflect.TypeOf(unwrapped(x)); t != nil {
		if name := cellStructName(t); name != "" {
			return (t.Kind() == reflect.Pointer) == ptr && slices.Contains(names, name)
		}
	}
	for _, v := range []any{x, unwrapped(x)} {
		if _, ok := valueInterfaceValue(v); !ok {
			continue
		}
		if name := valueInterfaceHeld(reflect.ValueOf(v)).name; name != "" {
			return strings.HasPrefix(name, "*") == ptr && slices.Contains(names, strings.TrimPrefix(strings.TrimPrefix(name, "*"), "main."))
		}
	}
	all := s.fieldlessTypes(fieldless, nil, ptr)
	could := "a struct{}{} or of another such type"
	if _, wrapped := unwrap(x); wrapped {
		t := reflect.TypeOf(x)
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		methods := []string{}
		for i := range t.NumMethod() {
			methods = append(methods, t.Method(i).Name)
		}
		of := s.fieldlessTypes(fieldless, methods, ptr)
		if len(of) == 1 {
			return slices.Contains(names, of[0])
		}
		all, could = of, "of another of these types (a struct type whose value-receiver methods yaegi calls on its last field, struct{}, counts)"
	}
	target := "main." + names[0]
	if ptr {
		target = "*" + target
	}
	panic(fmt.Errorf("ratelab cannot tell whether this value is a %s: the interpreter makes each struct type without fields of the session (%s) struct{}, "+
		"and kept no type name with this value, which could as well be %s; give each of these types a field (type %s struct{ _ byte }), "+
		"or keep such values in variables of their own types", target, strings.Join(all, ", "), could, all[0]))
}

// fieldlessTypes returns, sorted, the interpreter's names of the types in
// fieldless (see desugar.FieldlessEntry) and of those the session's cells
// declared whose values may be held as struct{}, or *struct{} if ptr: the
// struct types without fields, and, if methods is not nil (a value in a
// wrapper, with the wrapper's methods), those kept as their last field. Each
// must have the methods.
func (s *Session) fieldlessTypes(fieldless, methods []string, ptr bool) []string {
	entries := slices.Clone(fieldless)
	s.mu.Lock()
	for tn, name := range s.typeNames {
		if named, ok := tn.Type().(*types.Named); ok && !tn.IsAlias() {
			if e, ok := desugar.FieldlessEntry(name, named); ok {
				entries = append(entries, e)
			}
		}
	}
	s.mu.Unlock()
	var names []string
	for _, e := range entries {
		name, has, kept := desugar.ParseFieldless(e, ptr)
		if kept && methods == nil {
			continue // only in a wrapper
		}
		if !slices.ContainsFunc(methods, func(m string) bool { return !slices.Contains(has, m) }) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// sameType reports whether x's dynamic type is the type ptr points to, as Go
// compares them in an assertion (yaegi v0.16.1 also takes a type with the same
// underlying type when one of the two is unnamed).
func sameType(x, ptr any) bool {
	return x != nil && reflect.TypeOf(x) == reflect.TypeOf(ptr).Elem()
}

// notType is the run-time error of a failed assertion of x, of static type
// static, to the type ptr points to, in Go's words.
func notType(x any, static string, ptr any) error {
	return notNamed(x, static, goTypeString(reflect.TypeOf(ptr).Elem()))
}

// notNamed is the run-time error of a failed assertion of x, of static type
// static, to the type Go names want, in Go's words: x's type is the one the
// interpreter kept with it, or that of the value in its wrapper.
func notNamed(x any, static, want string) error {
	if x == nil {
		return runtimeError(fmt.Sprintf("interface conversion: %s is nil, not %s", static, want))
	}
	dynamic := goTypeString(reflect.TypeOf(unwrapped(x)))
	if _, ok := valueInterfaceValue(x); ok {
		if h := valueInterfaceHeld(reflect.ValueOf(x)); h.name != "" {
			dynamic = h.name
		}
	}
	return runtimeError(fmt.Sprintf("interface conversion: %s is %s, not %s", static, dynamic, want))
}

// assertFailed is the run-time error of a failed assertion x.(iface), in Go's
// words. The method Go names as missing is known only for a type that is not a
// cell's (whose methods reflect does not see).
func assertFailed(x any, iface string, methods []string) error {
	if x == nil {
		return runtimeError("interface conversion: interface is nil, not " + iface)
	}
	t := reflect.TypeOf(unwrapped(x))
	msg := fmt.Sprintf("interface conversion: %s is not %s", goTypeString(t), iface)
	if cellStructName(t) == "" {
		for _, m := range methods {
			if _, ok := t.MethodByName(m); !ok {
				msg += ": missing method " + m
				break
			}
		}
	}
	return runtimeError(msg)
}

// cellStructName is the name of the struct type a cell declared that t is, or
// points to, or "".
func cellStructName(t reflect.Type) string {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || t.NumField() == 0 {
		return ""
	}
	name, _ := desugar.StructMarks(t.Field(0).Tag)
	return name
}

// runtimeMapTypes lets a value of a type defined in a cell reach Result (or
// Shown, for a result of an interface type: desugar/printargs.go) with its
// display methods (HTML, Markdown…): yaegi wraps it for the first interface of
// symbols.Displayable it implements.
func runtimeMapTypes(rt map[string]reflect.Value) interp.Exports {
	return interp.Exports{".": {"MapTypes": reflect.ValueOf(map[reflect.Value][]reflect.Type{
		rt["Result"]: symbols.Displayable,
		rt["Shown"]:  symbols.Displayable,
		// As json.Marshal's: a cell's type with MarshalJSON keeps it.
		rt["JSONEncode"]: symbols.MapTypes[reflect.ValueOf(json.Marshal)],
	})}}
}

// sessionOverrides replaces symbols of the standard library whose compiled form
// does not suit a kernel: time.Sleep wakes up when the cell is interrupted, and a
// panic in a time.AfterFunc callback is reported instead of ending the process.
func (s *Session) sessionOverrides() interp.Exports {
	sleep := func(d time.Duration) {
		r := s.current()
		if r == nil {
			time.Sleep(d)
			return
		}
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
		case <-r.ctx.Done():
		}
	}
	// afterFunc runs f on the timer's goroutine, as time.AfterFunc does, but
	// reports a panic of f rather than letting it end the kernel.
	afterFunc := func(d time.Duration, f func()) *time.Timer {
		return time.AfterFunc(d, func() {
			defer func() {
				if v := recover(); v != nil {
					s.goroutinePanic("time.AfterFunc", v)
				}
			}()
			f()
		})
	}
	return interp.Exports{"time/time": {"Sleep": reflect.ValueOf(sleep), "AfterFunc": reflect.ValueOf(afterFunc)}}
}

// goroutinePanic reports a panic recovered in a goroutine a cell started, at pos
// ("cellN/_.go:line:col" of its go statement): in the running cell's stderr, or, if
// no cell runs, at the start of the next one. The kernel's log gets it too.
func (s *Session) goroutinePanic(pos string, v any) {
	what := "panic in a goroutine: " + panicMessage(v)
	if e, ok := v.(symbols.Exit); ok {
		what = fmt.Sprintf("os.Exit(%d) in a goroutine: a program would have ended here; the goroutine's deferred calls ran, and the cell goes on", e.Code)
	}
	msg := fmt.Sprintf("%s\n    started at %s\n", what, s.describePos(pos))
	s.mu.Lock()
	r := s.run
	// yaegi's frame lines for a goroutine point at its last statement run, not
	// at the panic: only the go statement's position is reliable.
	s.io.takeFrames()
	if r == nil {
		s.io.pending = append(s.io.pending, msg)
	}
	s.mu.Unlock()
	fmt.Fprint(LogWriter(), "ratelab: "+msg)
	if r != nil {
		fmt.Fprint(r.stderr, msg)
	}
}
