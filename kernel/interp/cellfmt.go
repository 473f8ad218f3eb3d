package interp

import (
	"cmp"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The verbs that show a type's name or its field names, %T, %+v and %#v, print
// a struct declared in a cell as Go prints it (main.Point, {x:1 y:2},
// main.Point{x:1, y:2}) rather than as the struct yaegi built for it (see
// celltypes.go). A value of a cell's type with methods held in an interface
// prints as the value, not as yaegi's valueInterface around it (see
// valueiface.go). The session's fmt and log functions pass each argument that
// holds either as a cellValue, whose Format prints those verbs itself from the
// marks tagCellStructs left, and hands every other verb to fmt.

// cellValue is an argument of a print function that holds a struct declared in
// a cell, or a valueInterface, or one package desugar named (printArg).
type cellValue struct {
	v     reflect.Value // as the interpreter made it
	plain reflect.Value // v with each valueInterface replaced by a cellValue of what it holds
	name  string        // Go's name for v's type where the interpreter's type has none, or ""
	held  bool          // whether v is held in another value, where fmt prints a pointer as its address
	// The methods through which fmt prints v, or nil: the interpreter keeps them
	// off v itself.
	errorM, stringM, goStringM func() string
	formatM                    func(fmt.State, rune)
	// lookalike is the session's named type (main.Celsius) that v, of its
	// underlying type, could be: the interpreter cannot tell them apart.
	lookalike string
	// unnamedBelow: %#v of v would name types below its top level that the
	// interpreter keeps no name for (a []Names's elements, main.Names{…}).
	unnamedBelow bool
}

// newCellValue returns the cellValue of v, named name (or ""). It fails if v
// holds a value in a valueInterface whose type has a method fmt would call.
func newCellValue(v reflect.Value, name string) (cellValue, error) {
	if name == "" && valueInterfaceType(v.Type()) {
		name = valueInterfaceHeld(v).name
	}
	plain, err := printable(v, 0)
	return cellValue{v: v, plain: plain, name: name}, err
}

// typeName is Go's name for c's type, as %T prints it.
func (c cellValue) typeName() (string, error) {
	switch t := c.v.Type(); {
	case c.name != "":
		return c.name, nil
	case c.lookalike != "":
		return "", errLookalike(goTypeString(t), c.lookalike)
	case containsValueInterface(t):
		return "", errUnnamed(t)
	default:
		return goTypeString(t), nil
	}
}

// sharpError is why c cannot be printed with %#v, or nil.
func (c cellValue) sharpError() error {
	if c.goStringM != nil || c.formatM != nil {
		return nil
	}
	if c.lookalike != "" && slices.Contains([]reflect.Kind{reflect.Slice, reflect.Array, reflect.Map}, c.v.Kind()) {
		return errLookalike(goTypeString(c.v.Type()), c.lookalike)
	}
	if c.unnamedBelow {
		return fmt.Errorf("ratelab cannot print this %s with %%#v as Go would: it holds values of a named type declared in a cell that is not a struct (or of an interface type), "+
			"whose names %%#v prints and the interpreter does not keep there; use %%v or %%+v, or print those values with %%#v one at a time", c.name)
	}
	p := cellPrinter{sharp: true}
	p.named(c.v, 0, c.name)
	return p.err
}

// Format implements fmt.Formatter as fmt's handleMethods and printValue would
// for the value c stands for. %T and %#v reach it only from a value inside
// another (cellFormat checks a whole argument's first).
func (c cellValue) Format(st fmt.State, verb rune) {
	sharpV := verb == 'v' && st.Flag('#')
	switch {
	case verb == 'T':
		name, _ := c.typeName()
		io.WriteString(st, name)
	case c.formatM != nil && verb != 'p':
		c.catchPanic(st, verb, "Format", func() { c.formatM(st, verb) })
	case sharpV && c.goStringM != nil:
		c.callMethod(st, verb, "GoString", c.goStringM)
	case !sharpV && strings.ContainsRune("vsxXq", verb) && c.errorM != nil:
		c.callMethod(st, verb, "Error", c.errorM)
	case !sharpV && strings.ContainsRune("vsxXq", verb) && c.stringM != nil:
		c.callMethod(st, verb, "String", c.stringM)
	case verb == 'v' && (sharpV || st.Flag('+')):
		p := cellPrinter{sharp: sharpV}
		p.named(c.v, 0, c.name)
		io.WriteString(st, p.b.String())
	case c.held && c.v.Kind() == reflect.Pointer && !c.v.IsNil():
		fmt.Fprintf(st, fmt.FormatString(st, verb), c.v.UnsafePointer())
	default:
		var v any
		if c.plain.IsValid() {
			v = c.plain.Interface()
		}
		s := fmt.Sprintf(fmt.FormatString(st, verb), v)
		if c.name != "" && badVerb(c.plain, verb) {
			// fmt names the argument's type in %!d(main.Celsius=1.5); the
			// interpreter's value has the underlying type.
			s = strings.Replace(s, "("+c.plain.Type().String()+"=", "("+c.name+"=", 1)
		}
		io.WriteString(st, s)
	}
}

// badVerb reports whether fmt prints v, of a basic kind, with verb as a bad
// verb (%!d(float64=1.5)): the verbs printValue in fmt/print.go accepts for
// each kind.
func badVerb(v reflect.Value, verb rune) bool {
	if !v.IsValid() {
		return false
	}
	good := ""
	switch v.Kind() {
	case reflect.Bool:
		good = "vt"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		good = "vbcdoOqxXU"
	case reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		good = "vbgGxXfFeE"
	case reflect.String:
		good = "vsxXq"
	default:
		return false
	}
	return !strings.ContainsRune(good, verb)
}

// callMethod prints what the method m returns, as fmt does (catchPanic in
// fmt/print.go): a panic in it prints as %!v(PANIC=String method: …), or as
// <nil> for a nil pointer.
func (c cellValue) callMethod(st fmt.State, verb rune, method string, m func() string) {
	c.catchPanic(st, verb, method, func() {
		s := m()
		if method == "GoString" {
			io.WriteString(st, s)
			return
		}
		fmt.Fprintf(st, fmt.FormatString(st, verb), s)
	})
}

// catchPanic runs call, which calls c's method of that name, printing a panic
// in it as fmt does.
func (c cellValue) catchPanic(st fmt.State, verb rune, method string, call func()) {
	defer func() {
		r := recover()
		switch {
		case r == nil:
		case c.v.Kind() == reflect.Pointer && c.v.IsNil():
			io.WriteString(st, "<nil>")
		default:
			fmt.Fprintf(st, "%%!%c(PANIC=%s method: %v)", verb, method, r)
		}
	}()
	call()
}

// printArg is an argument of a print function as package desugar wrote it
// (printargs.go) for a value whose type the interpreter keeps no name for, or
// whose printing methods it keeps off the value: v, of the type Go calls name,
// with those methods (nil where it has none).
func printArg(name string, v any, errorM, stringM, goStringM func() string, formatM func(fmt.State, rune), unnamedBelow bool) any {
	inner, _ := bare(v)
	if inner == nil {
		return v
	}
	cv, err := newCellValue(reflect.ValueOf(inner), name)
	if err != nil {
		panic(err)
	}
	cv.errorM, cv.stringM, cv.goStringM, cv.formatM, cv.unnamedBelow = errorM, stringM, goStringM, formatM, unnamedBelow
	return cv
}

// heldError is an error argument of fmt.Errorf as package desugar wrote it
// (printargs.go): a value of a cell's type, whole, with its Error method, which
// the interpreter keeps off the value in an error variable. %w wraps it as an
// error; errors.Is and == see the value (bare).
type heldError struct {
	v      any
	errorM func() string
}

func (e heldError) Error() string { return e.errorM() }

func printError(v any, errorM func() string) any {
	inner, _ := bare(v)
	return heldError{inner, errorM}
}

// printLookalike is an argument of a print function of an interface type as
// package desugar wrote it (printargs.go) in a session that has named types
// whose underlying type is not a struct and that implement the interface:
// lookalikes holds, for each, its name, its underlying type's, and the method
// through which fmt prints it (String…) or "". A value that reaches fmt as one
// of those underlying types may be of the named type, which the interpreter
// cannot tell: %T of it is refused (%v prints the same either way), and so is
// printing it at all where the named type has a printing method.
func printLookalike(v any, lookalikes, lastFields []string) any {
	if v == nil {
		return v
	}
	if _, wrapped := v.(fmt.Formatter); wrapped {
		return v
	}
	if valueInterfaceType(reflect.TypeOf(v)) {
		// Named here: handed back to the interpreter, it would come out bare.
		return cellArgs([]any{v})[0]
	}
	if inner, wrapped := unwrap(v); wrapped {
		return wrappedLookalike(v, inner, lookalikes, lastFields)
	}
	t := goTypeString(reflect.TypeOf(v))
	// Every lookalike is looked at: one without a printing method listed
	// first (Sl []int before SlS []int with String) must not hide another's.
	if named, printer := printingLookalike(t, lookalikes); named != "" {
		panic(fmt.Errorf("ratelab cannot print this value as Go would: it is a %s, or a %s, which fmt prints through its %s method, "+
			"and the interpreter cannot tell them apart once in an interface (a named type declared in a cell that is not a struct keeps no name there); "+
			"print it from a variable of its own type, or declare %s as a struct", t, named, printer, strings.TrimPrefix(named, "main.")))
	}
	lookalike := ""
	for i := 0; i+2 < len(lookalikes); i += 3 {
		if lookalikes[i+1] == t {
			lookalike = lookalikes[i]
			break
		}
	}
	if lookalike == "" {
		return v
	}
	cv, err := newCellValue(reflect.ValueOf(v), "")
	if err != nil {
		panic(err)
	}
	cv.lookalike = lookalike
	return cv
}

// printingLookalike returns the first of lookalikes (see printLookalike) with
// the underlying type underlying and a printing method, and that method; or "".
func printingLookalike(underlying string, lookalikes []string) (named, printer string) {
	for i := 0; i+2 < len(lookalikes); i += 3 {
		if lookalikes[i+1] == underlying && lookalikes[i+2] != "" {
			return lookalikes[i], lookalikes[i+2]
		}
	}
	return "", ""
}

// lookalikeBelow refuses v, a value an interface held, if its type holds below
// its top level (an element, a key, a pointer's target, a field of an
// unnamed struct) the underlying type of one of lookalikes with a printing
// method: `var v any = temps; fmt.Println(v)`, temps a []Temp, reached fmt as a
// []float64 and printed [21.5 22], where Go calls Temp's String on each.
// printLookalike refuses the value itself.
func lookalikeBelow(v any, lookalikes []string) {
	t := reflect.TypeOf(v)
	if t == nil {
		return
	}
	var below func(t reflect.Type, depth int) (named, underlying, printer string)
	below = func(t reflect.Type, depth int) (named, underlying, printer string) {
		if depth > 8 {
			return "", "", ""
		}
		if depth > 0 {
			s := goTypeString(t)
			if named, printer := printingLookalike(s, lookalikes); named != "" {
				return named, s, printer
			}
		}
		switch t.Kind() {
		case reflect.Slice, reflect.Array, reflect.Pointer:
			return below(t.Elem(), depth+1)
		case reflect.Map:
			if n, u, p := below(t.Key(), depth+1); n != "" {
				return n, u, p
			}
			return below(t.Elem(), depth+1)
		case reflect.Struct:
			if t.Name() != "" || cellStructName(t) != "" {
				return "", "", "" // compiled, or declared: its fields' types are known (sessionPrinters.printing)
			}
			for i := range t.NumField() {
				if f := t.Field(i); f.IsExported() {
					if n, u, p := below(f.Type, depth+1); n != "" {
						return n, u, p
					}
				}
			}
		}
		return "", "", ""
	}
	if named, underlying, printer := below(t, 0); named != "" {
		panic(fmt.Errorf("ratelab cannot print this value as Go would: it is a %s, whose %s values could be of type %s, which fmt prints through its %s method, "+
			"and the interpreter cannot tell them apart once in an interface (a named type declared in a cell that is not a struct keeps no name there); "+
			"print it from a variable of its own type, or declare %s as a struct", goTypeString(t), underlying, named, printer, strings.TrimPrefix(named, "main.")))
	}
}

// wrappedName returns the name of the session's type of inner, the value in
// v, one of yaegi's wrappers (interp._error…), which has the methods of its
// interface only; or "". If inner is of a named type that is not a struct, and
// one only of lookalikes has inner's underlying type and a printing method,
// inner is of that type, printed through the method printer. It fails if
// several have, and one of them prints through another method than v would.
//
// yaegi wraps a value of a struct type with value-receiver methods as its
// last field's value (see undecided): where one of the session's struct types
// with a printing method has a last field of inner's type (lastFields), inner
// may be such a field, and it is given no name. (A Reading{ID int; V float64}
// in a fmt.Stringer printed with %T as main.Temp, the session's float64 type
// with a String method.)
func wrappedName(v, inner any, lookalikes, lastFields []string) (name, printer string, err error) {
	if cellStructName(reflect.TypeOf(inner)) != "" {
		return "", "", nil
	}
	wrapper := ""
	switch v.(type) {
	case fmt.Formatter:
		wrapper = "Format"
	case error:
		wrapper = "Error"
	case fmt.Stringer:
		wrapper = "String"
	}
	t := goTypeString(reflect.TypeOf(inner))
	if slices.Contains(lastFields, t) {
		return "", "", nil
	}
	var names []string
	agree := true
	for i := 0; i+2 < len(lookalikes); i += 3 {
		if lookalikes[i+1] == t && lookalikes[i+2] != "" {
			names = append(names, lookalikes[i])
			printer = lookalikes[i+2]
			agree = agree && printer == wrapper
		}
	}
	switch {
	case len(names) == 1:
		return names[0], printer, nil
	case len(names) > 1 && !agree:
		return "", "", fmt.Errorf("ratelab cannot print this value as Go would: it is of type %s, held in an interface of a compiled package (error, fmt.Stringer…), "+
			"which keeps only the interface's methods, and the interpreter cannot tell which of %s it is, which fmt prints through different methods; "+
			"print it from a variable of its own type", t, strings.Join(names, ", "))
	}
	return "", "", nil
}

// wrappedLookalike is printLookalike of v, yaegi's wrapper of inner: named
// as wrappedName finds, with the wrapper's Error and String methods; otherwise
// v is left as it is.
func wrappedLookalike(v, inner any, lookalikes, lastFields []string) any {
	name, _, err := wrappedName(v, inner, lookalikes, lastFields)
	if err != nil {
		panic(err)
	}
	if name == "" {
		return v
	}
	cv, err := newCellValue(reflect.ValueOf(inner), name)
	if err != nil {
		return v
	}
	if e, ok := v.(error); ok {
		cv.errorM = e.Error
	}
	if s, ok := v.(fmt.Stringer); ok {
		cv.stringM = s.String
	}
	return cv
}

// errLookalike is the refusal of %T (or %#v) of a value of type t that could be
// of the session's named type named.
func errLookalike(t, named string) error {
	return fmt.Errorf("ratelab cannot print the type of this value (for %%T, or %%#v of a slice, array or map): it is a %s, or a %s, "+
		"which the interpreter cannot tell apart once in an interface (a named type declared in a cell that is not a struct keeps no name there); "+
		"print it from a variable of its own type, or declare %s as a struct", t, named, strings.TrimPrefix(named, "main."))
}

// errLookalikeVerb is the refusal of the verb, which fmt prints naming the
// value's type (%!d(main.Celsius=1.5)), for a value of type t that could be of
// the session's named type named.
func errLookalikeVerb(t, named string, verb rune) error {
	return fmt.Errorf("ratelab cannot print this value with %%%c as Go would: fmt names its type there (%%!%c(%s=…)), and it is a %s, or a %s, "+
		"which the interpreter cannot tell apart once in an interface (a named type declared in a cell that is not a struct keeps no name there); "+
		"print it from a variable of its own type, or declare %s as a struct", verb, verb, named, t, named, strings.TrimPrefix(named, "main."))
}

// cellArgs returns args with each value that holds a struct declared in a cell,
// or a valueInterface, made a cellValue. A value with methods yaegi wrapped (a
// String method) is left to fmt, which calls them. It panics with the error of
// cellArgsOrError.
func cellArgs(args []any) []any {
	out, err := cellArgsOrError(args)
	if err != nil {
		panic(err)
	}
	return out
}

// cellArgsOrError is cellArgs, failing where an argument holds, in a
// valueInterface, a value whose type has a method through which fmt prints (a
// String method): the interpreter cannot call it from there, and printing the
// value instead would not be what Go prints.
func cellArgsOrError(args []any) ([]any, error) {
	var out []any
	for i, a := range args {
		if a == nil {
			continue
		}
		if _, ok := a.(fmt.Formatter); ok {
			continue
		}
		if t, ok := a.(reflect.Type); ok && hasCellStruct(t) {
			if out == nil {
				out = slices.Clone(args)
			}
			out[i] = goType{t} // prints with Go's name for t
			continue
		}
		if _, ok := a.(fmt.Stringer); ok {
			continue
		}
		if _, ok := a.(error); ok {
			continue
		}
		v := reflect.ValueOf(a)
		if err := errHeldReflectType(v); err != nil {
			return nil, err
		}
		if !holdsCellStruct(v, 0) {
			continue
		}
		cv, err := newCellValue(v, "")
		if err != nil {
			return nil, err
		}
		if out == nil {
			out = slices.Clone(args)
		}
		out[i] = cv
	}
	if out == nil {
		return args, nil
	}
	return out, nil
}

// printable returns v for fmt's %v: with each valueInterface in it replaced by
// a cellValue of the value it holds, named as the interpreter recorded (see
// replaceHeld). It fails where that value's type has a method through which fmt
// prints (String…), which the interpreter cannot call from here.
func printable(v reflect.Value, depth int) (reflect.Value, error) {
	return replaceHeld(v, depth, false, func(vi reflect.Value, depth int) (reflect.Value, error) {
		held := valueInterfaceHeld(vi, printingMethods...)
		if held.method != "" {
			return vi, heldPrinterError(held)
		}
		inner, _ := valueInterfaceValue(vi.Interface())
		if inner == nil {
			return reflect.Zero(anyType), nil
		}
		in, err := printable(reflect.ValueOf(inner), depth+1)
		return reflect.ValueOf(cellValue{v: reflect.ValueOf(inner), plain: in, name: held.name, held: depth > 0}), err
	})
}

var anyType = reflect.TypeFor[any]()

// setAny sets dst, of type any, to x (nil for an invalid x).
func setAny(dst, x reflect.Value) {
	if x.IsValid() && !(x.Kind() == reflect.Interface && x.IsNil()) {
		dst.Set(x)
	}
}

// heldPrinterError is the refusal to print a value of a type with a printing
// method from inside a valueInterface.
func heldPrinterError(h heldType) error {
	name := h.name
	if name == "" {
		name = "a type declared in a cell"
	}
	return fmt.Errorf("ratelab cannot print this value as Go would: it holds, inside a container or an interface variable, a value of type %s, "+
		"which fmt prints through its %s method, and the interpreter cannot call that method from there (it would print the bare value instead); "+
		"print such values one at a time from a variable of their own type or interface (for _, s := range shapes { fmt.Println(s) }), "+
		"or call the method yourself (s.%s())", name, h.method, h.method)
}

// errUnnamed is the refusal of %T or %#v for a value whose type holds an
// interface declared in a cell.
func errUnnamed(t reflect.Type) error {
	return fmt.Errorf("ratelab cannot print the type of this value (for %%T or %%#v): its type, %s, holds an interface type declared in a cell, "+
		"and the interpreter keeps no name for it there; print it from a variable of that type, or use %%v", goTypeString(t))
}

// containsValueInterface reports whether t is or contains a valueInterface.
func containsValueInterface(t reflect.Type) bool {
	return hasCellStruct(t) && containsValueInterfaceUncached(t, 0)
}

func containsValueInterfaceUncached(t reflect.Type, depth int) bool {
	if depth > 8 {
		return false
	}
	if valueInterfaceType(t) {
		return true
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Chan:
		return containsValueInterfaceUncached(t.Elem(), depth+1)
	case reflect.Map:
		return containsValueInterfaceUncached(t.Key(), depth+1) || containsValueInterfaceUncached(t.Elem(), depth+1)
	case reflect.Struct:
		for i := range t.NumField() {
			if containsValueInterfaceUncached(t.Field(i).Type, depth+1) {
				return true
			}
		}
	}
	return false
}

// cellTypes caches, per type, whether it contains a struct declared in a cell,
// looking through pointers, slices, arrays, maps, channels and struct fields, but
// not into interfaces (see holdsCellStruct).
var cellTypes sync.Map // reflect.Type → bool

func hasCellStruct(t reflect.Type) bool {
	if v, ok := cellTypes.Load(t); ok {
		return v.(bool)
	}
	if valueInterfaceType(t) {
		return true
	}
	cellTypes.Store(t, false) // a recursive type meets itself as false
	found := false
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Chan:
		found = hasCellStruct(t.Elem())
	case reflect.Map:
		found = hasCellStruct(t.Key()) || hasCellStruct(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if _, ok := t.Field(i).Tag.Lookup("ratelab"); ok || hasCellStruct(t.Field(i).Type) {
				found = true
				break
			}
		}
	}
	cellTypes.Store(t, found)
	return found
}

// maxScan bounds how many elements holdsCellStruct looks at in a container of
// interfaces.
const maxScan = 1000

// holdsCellStruct reports whether v's type contains a cell struct, or v holds one
// in an interface (an []any of them, say) among its first maxScan elements.
func holdsCellStruct(v reflect.Value, depth int) bool {
	if !v.IsValid() || depth > 8 {
		return false
	}
	t := v.Type()
	if hasCellStruct(t) {
		return true
	}
	switch t.Kind() {
	case reflect.Interface, reflect.Pointer:
		return !v.IsNil() && holdsCellStruct(v.Elem(), depth+1)
	case reflect.Slice, reflect.Array:
		if !containsInterface(t.Elem()) {
			return false
		}
		for i := range min(v.Len(), maxScan) {
			if holdsCellStruct(v.Index(i), depth+1) {
				return true
			}
		}
	case reflect.Map:
		if !containsInterface(t.Elem()) {
			return false
		}
		it := v.MapRange()
		for n := 0; n < maxScan && it.Next(); n++ {
			if holdsCellStruct(it.Value(), depth+1) {
				return true
			}
		}
	case reflect.Struct:
		for i := range t.NumField() {
			if containsInterface(t.Field(i).Type) && holdsCellStruct(v.Field(i), depth+1) {
				return true
			}
		}
	}
	return false
}

// containsInterface reports whether a value of type t can hold an interface
// value: t is one, or its elements or fields are, down to a depth of 8.
func containsInterface(t reflect.Type) bool {
	if v, ok := interfaceTypes.Load(t); ok {
		return v.(bool)
	}
	found := containsInterfaceBelow(t, 0)
	interfaceTypes.Store(t, found)
	return found
}

var interfaceTypes sync.Map // reflect.Type → bool

func containsInterfaceBelow(t reflect.Type, depth int) bool {
	if depth > 8 {
		return false
	}
	switch t.Kind() {
	case reflect.Interface:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		return containsInterfaceBelow(t.Elem(), depth+1)
	case reflect.Struct:
		for i := range t.NumField() {
			if containsInterfaceBelow(t.Field(i).Type, depth+1) {
				return true
			}
		}
	}
	return false
}

// goTypeString is t.String() with the names of the structs declared in cells, as
// Go's %T prints them: main.Point, []*main.Point.
func goTypeString(t reflect.Type) string {
	if !hasCellStruct(t) {
		return t.String()
	}
	if valueInterfaceType(t) {
		return "<an interface declared in a cell>"
	}
	switch t.Kind() {
	case reflect.Pointer:
		return "*" + goTypeString(t.Elem())
	case reflect.Slice:
		return "[]" + goTypeString(t.Elem())
	case reflect.Array:
		return "[" + strconv.Itoa(t.Len()) + "]" + goTypeString(t.Elem())
	case reflect.Map:
		return "map[" + goTypeString(t.Key()) + "]" + goTypeString(t.Elem())
	case reflect.Chan:
		switch t.ChanDir() {
		case reflect.RecvDir:
			return "<-chan " + goTypeString(t.Elem())
		case reflect.SendDir:
			return "chan<- " + goTypeString(t.Elem())
		}
		return "chan " + goTypeString(t.Elem())
	case reflect.Struct:
		if t.NumField() > 0 {
			if name, _ := cellStructMarks(t, 0); name != "" {
				return "main." + name
			}
		}
		var b strings.Builder
		b.WriteString("struct {")
		for i := range t.NumField() {
			if i > 0 {
				b.WriteString(";")
			}
			b.WriteString(" ")
			if !t.Field(i).Anonymous {
				b.WriteString(goFieldName(t, i) + " ")
			}
			b.WriteString(goTypeString(t.Field(i).Type))
		}
		if t.NumField() > 0 {
			b.WriteString(" ")
		}
		return b.String() + "}"
	}
	return t.String()
}

// cellPrinter prints a value as fmt's %+v (or %#v if sharp) does (printValue in
// fmt/print.go), with the names of cell structs and their fields, and the values
// yaegi keeps in valueInterfaces. err is set where %#v would print a type the
// interpreter keeps no name for.
type cellPrinter struct {
	b     strings.Builder
	sharp bool
	err   error
}

func (p *cellPrinter) leaf(v reflect.Value) {
	if p.sharp {
		fmt.Fprintf(&p.b, "%#v", v.Interface())
	} else {
		fmt.Fprintf(&p.b, "%+v", v.Interface())
	}
}

// printsThroughMethod reports whether fmt prints v through a method of its
// type (Format, GoString for %#v, Error or String otherwise).
func printsThroughMethod(v reflect.Value, sharp bool) bool {
	if !v.CanInterface() || v.Kind() == reflect.Pointer && v.IsNil() {
		return false
	}
	switch x := v.Interface().(type) {
	case fmt.Formatter:
		return true
	case fmt.GoStringer:
		if sharp {
			return true
		}
		_, isError := x.(error)
		_, isStringer := x.(fmt.Stringer)
		return isError || isStringer
	case error, fmt.Stringer:
		return !sharp
	}
	return false
}

// typeName is Go's name of t, or name if it is not "".
func (p *cellPrinter) typeName(t reflect.Type, name string) string {
	if name != "" {
		return name
	}
	if containsValueInterface(t) && p.err == nil {
		p.err = errUnnamed(t)
	}
	return goTypeString(t)
}

func (p *cellPrinter) value(v reflect.Value, depth int) { p.named(v, depth, "") }

// named prints v, whose type's Go name is name if that is not "".
func (p *cellPrinter) named(v reflect.Value, depth int, name string) {
	if !v.IsValid() {
		p.b.WriteString("<nil>")
		return
	}
	t := v.Type()
	if valueInterfaceType(t) {
		inner, _ := valueInterfaceValue(v.Interface())
		if inner == nil && p.sharp && p.err == nil {
			p.err = errUnnamed(t) // Go prints main.Shape(nil)
		}
		p.named(reflect.ValueOf(inner), depth+1, valueInterfaceHeld(v).name)
		return
	}
	if depth > 0 && printsThroughMethod(v, p.sharp) {
		// As printValue does below the top (handleMethods): a *big.Int field
		// prints +7, not its address, and yaegi's wrapper of a cell's value
		// in an error prints its Error.
		p.leaf(v)
		return
	}
	if !holdsCellStruct(v, 0) && t.Kind() != reflect.Pointer {
		if p.sharp && t.Kind() == reflect.Interface && v.IsNil() {
			p.b.WriteString(p.typeName(t, name) + "(nil)") // E:error(nil), as printValue writes it
			return
		}
		if p.sharp && depth > 0 && name == "" && t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
			// Below the top, printValue names a []byte by its reflect type.
			p.b.WriteString(t.String() + strings.TrimPrefix(fmt.Sprintf("%#v", v.Interface()), "[]byte"))
			return
		}
		if p.sharp && name != "" && slices.Contains([]reflect.Kind{reflect.Slice, reflect.Array, reflect.Map}, t.Kind()) {
			// %#v of a named slice, array or map opens with the type's name.
			s := fmt.Sprintf("%#v", v.Interface())
			p.b.WriteString(name + strings.TrimPrefix(s, t.String()))
			return
		}
		p.leaf(v)
		return
	}
	sep := " "
	if p.sharp {
		sep = ", "
	}
	switch t.Kind() {
	case reflect.Struct:
		if p.sharp {
			p.b.WriteString(p.typeName(t, name))
		}
		p.b.WriteString("{")
		for i := range declaredFields(t) {
			if i > 0 {
				p.b.WriteString(sep)
			}
			p.b.WriteString(goFieldName(t, i) + ":")
			p.value(v.Field(i), depth+1)
		}
		p.b.WriteString("}")
	case reflect.Pointer:
		switch {
		case depth == 0 && !v.IsNil() && slices.Contains([]reflect.Kind{reflect.Array, reflect.Slice, reflect.Struct, reflect.Map}, t.Elem().Kind()):
			p.b.WriteString("&")
			p.value(v.Elem(), depth+1)
		case p.sharp && v.IsNil():
			p.b.WriteString("(" + p.typeName(t, name) + ")(nil)")
		case p.sharp:
			fmt.Fprintf(&p.b, "(%s)(%#x)", p.typeName(t, name), v.Pointer())
		case v.IsNil():
			p.b.WriteString("<nil>")
		default:
			fmt.Fprintf(&p.b, "%#x", v.Pointer())
		}
	case reflect.Interface:
		if v.IsNil() {
			if p.sharp {
				p.b.WriteString(p.typeName(t, name) + "(nil)")
			} else {
				p.b.WriteString("<nil>")
			}
			return
		}
		p.value(v.Elem(), depth+1)
	case reflect.Slice, reflect.Array:
		if p.sharp {
			p.b.WriteString(p.typeName(t, name))
			if t.Kind() == reflect.Slice && v.IsNil() {
				p.b.WriteString("(nil)")
				return
			}
			p.b.WriteString("{")
		} else {
			p.b.WriteString("[")
		}
		for i := range v.Len() {
			if i > 0 {
				p.b.WriteString(sep)
			}
			p.value(v.Index(i), depth+1)
		}
		if p.sharp {
			p.b.WriteString("}")
		} else {
			p.b.WriteString("]")
		}
	case reflect.Map:
		if p.sharp {
			p.b.WriteString(p.typeName(t, name))
			if v.IsNil() {
				p.b.WriteString("(nil)")
				return
			}
			p.b.WriteString("{")
		} else {
			p.b.WriteString("map[")
		}
		keys := v.MapKeys()
		slices.SortStableFunc(keys, compareKeys)
		for i, k := range keys {
			if i > 0 {
				p.b.WriteString(sep)
			}
			p.value(k, depth+1)
			p.b.WriteString(":")
			p.value(v.MapIndex(k), depth+1)
		}
		if p.sharp {
			p.b.WriteString("}")
		} else {
			p.b.WriteString("]")
		}
	default:
		p.leaf(v)
	}
}

// compareKeys orders map keys as fmt does for the kinds a key usually has
// (internal/fmtsort); others keep the map's order.
func compareKeys(a, b reflect.Value) int {
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp.Compare(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return cmp.Compare(a.Uint(), b.Uint())
	case reflect.String:
		return cmp.Compare(a.String(), b.String())
	case reflect.Float32, reflect.Float64:
		return cmp.Compare(a.Float(), b.Float())
	case reflect.Bool:
		switch {
		case a.Bool() == b.Bool():
			return 0
		case !a.Bool():
			return -1
		}
		return 1
	}
	return 0
}

// cellFormat prepares a Printf format and its arguments (after cellArgs): fmt
// prints %T itself, without asking the value, so each %T of a cellValue becomes
// %[k]s of its Go type's name, added as argument k. Once one is, every later
// verb and * takes its argument by index too ("[n]" before it), since an index
// moves fmt's count of arguments. It panics where %T or %#v would print a type
// the interpreter keeps no name for (see errUnnamed).
func cellFormat(format string, args []any) (string, []any) {
	lookalike := func(a any) bool { cv, ok := a.(cellValue); return ok && cv.lookalike != "" }
	wrapper := func(a any) bool { _, ok := unwrap(a); return ok }
	if !strings.ContainsAny(format, "T#p") && !slices.ContainsFunc(args, lookalike) && !slices.ContainsFunc(args, wrapper) {
		return format, args
	}
	var b []byte
	out := args
	arg := 0           // index of the next argument, as fmt counts
	indexed := false   // whether the current verb or * has its own [n]
	rewriting := false // whether a %T was replaced before
	indexAt := 0       // where in b the current [n] starts
	explicit := func() {
		if rewriting && !indexed {
			b = fmt.Appendf(b, "[%d]", arg+1)
		}
		indexed = false
	}
	// substitute makes v, printed with verb, the current verb's argument:
	// appended, with its own index.
	substitute := func(v any, verb byte) {
		if !rewriting {
			out = slices.Clone(args)
			rewriting = true
		}
		out = append(out, v)
		if indexed {
			b = b[:indexAt] // the new argument's index replaces the value's
		}
		b = fmt.Appendf(b, "[%d]%c", len(out), verb)
		indexed = false
		arg++
	}
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b = append(b, c)
			continue
		}
		b = append(b, c)
		for i++; i < len(format); i++ {
			c = format[i]
			switch {
			case c == '[':
				end := strings.IndexByte(format[i:], ']')
				if end < 0 {
					return string(append(b, format[i:]...)), out
				}
				if n, err := strconv.Atoi(format[i+1 : i+end]); err == nil {
					arg = n - 1
					indexed = true
				}
				indexAt = len(b)
				b = append(b, format[i:i+end+1]...)
				i += end
				continue
			case c == '*':
				explicit()
				b = append(b, c)
				arg++
				continue
			case strings.IndexByte("+-# 0.", c) >= 0 || ('0' <= c && c <= '9'):
				b = append(b, c)
				continue
			case c == '%':
				b = append(b, c)
			case c == 'v' && arg >= 0 && arg < len(args) && sharpVerb(b):
				if cv, ok := args[arg].(cellValue); ok {
					if err := cv.sharpError(); err != nil {
						panic(err)
					}
				}
				if err := wrapperVerbError(args[arg], "#v"); err != nil {
					panic(err)
				}
				explicit()
				b = append(b, c)
				arg++
			case c == 'T' && arg >= 0 && arg < len(args):
				a := args[arg]
				if _, ok := a.(goType); ok {
					a = cellValue{v: reflect.ValueOf(a), name: "*reflect.rtype"}
				}
				if _, isCell := a.(cellValue); !isCell {
					if inner, wrapped := unwrap(a); wrapped {
						a = wrappedTypeName(inner)
					}
				}
				if cv, ok := a.(cellValue); ok {
					name, err := cv.typeName()
					if err != nil {
						panic(err)
					}
					substitute(name, 's')
					break
				}
				fallthrough
			case c == 'p' && arg >= 0 && arg < len(args):
				// fmt prints %p itself too, of the cellValue.
				if cv, ok := args[arg].(cellValue); ok && c == 'p' {
					v, verb := cv.pointer()
					substitute(v, verb)
					break
				}
				fallthrough
			default:
				if arg >= 0 && arg < len(args) {
					if cv, ok := args[arg].(cellValue); ok && cv.lookalike != "" && badVerb(cv.plain, rune(c)) {
						panic(errLookalikeVerb(goTypeString(cv.v.Type()), cv.lookalike, rune(c)))
					}
					if err := wrapperVerbError(args[arg], string(c)); err != nil {
						panic(err)
					}
				}
				explicit()
				b = append(b, c)
				arg++
			}
			break
		}
	}
	return string(b), out
}

// wrapperVerbError is why fmt cannot print a with verb (v, #v, d…) as Go
// would, if a is one of yaegi's wrappers (interp._fmt_Stringer…) of a cell's
// value, or nil. A wrapper has the methods of its interface only, and holds of
// the value what the interpreter kept there (of a struct, its last field): so
// it prints as the value only where fmt calls one of those methods, Error or
// String for %v %s %x %X %q (and %w), GoString for %#v. For any other verb fmt
// would print the wrapper's own fields: `%d` of a fmt.Stringer holding P{1, 2}
// printed {2 15447552}.
func wrapperVerbError(a any, verb string) error {
	if _, isCell := a.(cellValue); isCell {
		return nil
	}
	if _, ok := a.(fmt.Formatter); ok {
		return nil
	}
	if _, wrapped := unwrap(a); !wrapped {
		return nil
	}
	switch a.(type) {
	case fmt.GoStringer:
		if verb == "#v" {
			return nil
		}
	case error, fmt.Stringer:
		if len(verb) == 1 && strings.Contains("vsxXqw", verb) {
			return nil
		}
	}
	method := "String"
	if _, ok := a.(error); ok {
		method = "Error"
	}
	return fmt.Errorf("ratelab cannot print this value with %%%s as Go would: it is a value of a type declared in a cell, held in an interface of a compiled package (error, fmt.Stringer…), "+
		"where the interpreter keeps only the interface's methods, not the value (of a struct, only its last field); %%v and %%s print it through its %s method; "+
		"for %%%s, print it from a variable of its own type", verb, method, verb)
}

// wrappedTypeName is a cellValue naming the type of inner, the value in one of
// yaegi's wrappers (interp._error…), for %T. Only a pointer to a cell's struct
// is there whole, with its marks; otherwise inner is a struct's last field (of
// a struct with value-receiver methods: its type is the field's, main.Other or
// time.Duration, not the struct's) or the underlying value of a named type that
// is not a struct, and it panics.
func wrappedTypeName(inner any) cellValue {
	t := reflect.TypeOf(inner)
	if t.Kind() != reflect.Pointer || cellStructName(t) == "" {
		panic(fmt.Errorf("ratelab cannot print the type of this value (for %%T): it is a value of a type declared in a cell, held in an interface of a compiled package (error, fmt.Stringer…), "+
			"where the interpreter keeps no name for its type, only a value of type %s (the value's underlying value, or a struct's last field); print it from a variable of its own type", goTypeString(t)))
	}
	return cellValue{v: reflect.ValueOf(inner), plain: reflect.ValueOf(inner), name: goTypeString(t)}
}

// pointer is what %p of c prints, and the verb to print it with: the address
// of the value c stands for, or, of a kind without one, fmt's bad verb text
// (%!p(main.P={1 2})).
func (c cellValue) pointer() (any, byte) {
	switch c.v.Kind() {
	case reflect.Pointer, reflect.Chan, reflect.Func, reflect.Map, reflect.Slice, reflect.UnsafePointer:
		return c.v.Interface(), 'p'
	}
	name, err := c.typeName()
	if err != nil {
		panic(err)
	}
	return fmt.Sprintf("%%!p(%s=%v)", name, c), 's'
}

// sharpVerb reports whether the verb being written at the end of b (from its
// last %) has the # flag.
func sharpVerb(b []byte) bool {
	at := strings.LastIndexByte(string(b), '%')
	return at >= 0 && strings.Contains(string(b[at:]), "#")
}
