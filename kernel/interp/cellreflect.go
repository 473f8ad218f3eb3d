package interp

import (
	"fmt"
	"reflect"
	"slices"
	"sync"

	"github.com/ratelab/ratelab/kernel/interp/desugar"
)

// yaegi v0.16.1 gives a struct type declared in a cell an unnamed reflect type
// whose fields carry package desugar's marks (structtags.go), so package reflect,
// used by a cell, would describe that implementation: reflect.TypeOf(Point{})
// would print as struct { X int "ratelab:\"type=Point\""; Y int }, with Name ""
// and PkgPath "", a Field's Tag would hold the marks, and an unexported field a
// would be named Xa, exported and settable. Package desugar sends the calls of
// the reflect methods that show this to the functions below (methods.go), which
// answer as Go does from the marks; fmt prints a reflect.Type as Go names it
// (goType). The methods of such a type are not in its reflect type at all: the
// functions that would list them panic saying so (noMethods).

// goType is a reflect.Type of a cell's type that prints with Go's name for it.
type goType struct{ reflect.Type }

func (t goType) String() string { return goTypeString(t.Type) }

// reflectTypeName is t.Name(): a struct type declared in a cell is named.
func reflectTypeName(t reflect.Type) string {
	if t.Kind() == reflect.Struct {
		if name := cellStructName(t); name != "" {
			return name
		}
	}
	return t.Name()
}

// reflectTypeString is t.String().
func reflectTypeString(t reflect.Type) string { return goTypeString(t) }

// reflectTypePkgPath is t.PkgPath(): a cell's struct type is in package main.
func reflectTypePkgPath(t reflect.Type) string {
	if t.Kind() == reflect.Struct && cellStructName(t) != "" {
		return "main"
	}
	return t.PkgPath()
}

// reflectTypeNumField is t.NumField(): 0 for a struct type a cell declared
// without fields.
func reflectTypeNumField(t reflect.Type) int {
	if t.Kind() != reflect.Struct {
		return t.NumField() // panics as Go's does
	}
	return declaredFields(t)
}

// reflectValueNumField is v.NumField().
func reflectValueNumField(v reflect.Value) int {
	if v.Kind() != reflect.Struct {
		return v.NumField() // panics as Go's does
	}
	return declaredFields(v.Type())
}

// outOfFields panics as reflect does (with msg) for field i of t, a struct
// type, if t has no such field as its cell declared it.
func outOfFields(t reflect.Type, i int, msg string) {
	if t.Kind() == reflect.Struct && (i < 0 || i >= declaredFields(t)) {
		panic("reflect: Field index out of " + msg)
	}
}

// reflectTypeField is t.Field(i), as the field was declared.
func reflectTypeField(t reflect.Type, i int) reflect.StructField {
	outOfFields(t, i, "bounds")
	f := t.Field(i)
	if !hasCellStruct(t) {
		return f
	}
	tag, embedded := desugar.DeclaredField(f.Tag)
	_, unexported := cellStructMarks(t, i)
	f.Name, f.Tag = goFieldName(t, i), tag
	f.Anonymous = f.Anonymous || embedded
	if unexported {
		f.PkgPath = "main"
	}
	return f
}

// reflectTypeFieldByIndex is t.FieldByIndex(index).
func reflectTypeFieldByIndex(t reflect.Type, index []int) reflect.StructField {
	var f reflect.StructField
	for n, i := range index {
		if n > 0 && t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct {
			t = t.Elem()
		}
		f = reflectTypeField(t, i)
		t = f.Type
	}
	return f
}

// reflectTypeFieldByName is t.FieldByName(name), by the names fields were
// declared with.
func reflectTypeFieldByName(t reflect.Type, name string) (reflect.StructField, bool) {
	return reflectTypeFieldByNameFunc(t, func(s string) bool { return s == name })
}

// reflectTypeFieldByNameFunc is t.FieldByNameFunc(match), by the names fields
// were declared with: Go's breadth-first search of the embedded structs, where a
// name found twice at the shallowest depth it is found at is no field.
func reflectTypeFieldByNameFunc(t reflect.Type, match func(string) bool) (reflect.StructField, bool) {
	if t.Kind() != reflect.Struct || !hasCellStruct(t) {
		return t.FieldByNameFunc(match)
	}
	type scan struct {
		t     reflect.Type
		index []int
	}
	visited := map[reflect.Type]bool{}
	for current := []scan{{t, nil}}; len(current) > 0; {
		var next []scan
		var found reflect.StructField
		count := 0
		for _, s := range current {
			if visited[s.t] {
				continue
			}
			visited[s.t] = true
			for i := range s.t.NumField() {
				f := reflectTypeField(s.t, i)
				index := append(slices.Clone(s.index), i)
				if match(f.Name) {
					if count++; count == 1 {
						found, found.Index = f, index
					}
					continue
				}
				ft := f.Type
				if ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				if f.Anonymous && ft.Kind() == reflect.Struct {
					next = append(next, scan{ft, index})
				}
			}
		}
		if count > 0 {
			return found, count == 1
		}
		current = next
	}
	return reflect.StructField{}, false
}

// reflectValueField is v.Field(i): a field declared unexported is read-only, as
// Go makes it (CanSet and CanInterface false, Interface panics).
func reflectValueField(v reflect.Value, i int) reflect.Value {
	outOfFields(v.Type(), i, "range")
	f := v.Field(i)
	if _, unexported := cellStructMarks(v.Type(), i); !unexported || !f.CanInterface() {
		return f
	}
	return readOnly(f)
}

// readOnly returns a value that is f, reached through an unexported field of a
// compiled struct, which makes package reflect treat it as Go treats f.
func readOnly(f reflect.Value) reflect.Value {
	switch {
	case f.CanAddr():
		return reflect.ValueOf(struct{ p any }{f.Addr().Interface()}).Field(0).Elem().Elem()
	case f.Kind() == reflect.Interface && f.Type() == anyType:
		return reflect.ValueOf(struct{ p any }{f.Interface()}).Field(0)
	case f.Kind() == reflect.Interface:
		// An interface held in an any would be its dynamic value: hold a copy.
		c := reflect.New(f.Type())
		c.Elem().Set(f)
		return reflect.ValueOf(struct{ p any }{c.Interface()}).Field(0).Elem().Elem()
	}
	return reflect.ValueOf(struct{ p any }{f.Interface()}).Field(0).Elem()
}

// reflectValueFieldByIndex is v.FieldByIndex(index).
func reflectValueFieldByIndex(v reflect.Value, index []int) reflect.Value {
	for n, i := range index {
		if n > 0 && v.Kind() == reflect.Pointer && v.Type().Elem().Kind() == reflect.Struct {
			if v.IsNil() {
				panic("reflect: indirection through nil pointer to embedded struct")
			}
			v = v.Elem()
		}
		v = reflectValueField(v, i)
	}
	return v
}

// reflectValueFieldByName is v.FieldByName(name), by the names fields were
// declared with.
func reflectValueFieldByName(v reflect.Value, name string) reflect.Value {
	return reflectValueFieldByNameFunc(v, func(s string) bool { return s == name })
}

// reflectValueFieldByNameFunc is v.FieldByNameFunc(match).
func reflectValueFieldByNameFunc(v reflect.Value, match func(string) bool) reflect.Value {
	if v.Kind() != reflect.Struct || !hasCellStruct(v.Type()) {
		return v.FieldByNameFunc(match)
	}
	if f, ok := reflectTypeFieldByNameFunc(v.Type(), match); ok {
		return reflectValueFieldByIndex(v, f.Index)
	}
	return reflect.Value{}
}

// reflectValueString is v.String(), which names the type of a value that is
// not a string.
func reflectValueString(v reflect.Value) string {
	if v.Kind() == reflect.String || !v.IsValid() {
		return v.String()
	}
	return "<" + goTypeString(v.Type()) + " Value>"
}

// noMethods panics if t is a struct type declared in a cell or a pointer to
// one: yaegi keeps their methods out of their reflect types, so package reflect
// cannot list them, call them or tell which interfaces they implement.
func noMethods(t reflect.Type, what string) {
	if cellStructName(t) == "" {
		return
	}
	panic(fmt.Errorf("ratelab cannot run %s on %s: the interpreter keeps the methods of a type declared in a cell out of its reflect type, "+
		"so package reflect would see none; call the methods directly, or use a type switch or a type assertion to an interface", what, goTypeString(t)))
}

func reflectTypeNumMethod(t reflect.Type) int {
	noMethods(t, "reflect.Type.NumMethod")
	return t.NumMethod()
}

func reflectTypeMethod(t reflect.Type, i int) reflect.Method {
	noMethods(t, "reflect.Type.Method")
	return t.Method(i)
}

func reflectTypeMethodByName(t reflect.Type, name string) (reflect.Method, bool) {
	noMethods(t, "reflect.Type.MethodByName")
	return t.MethodByName(name)
}

// reflectTypeImplements is t.Implements(u), refused for an interface u with
// methods.
func reflectTypeImplements(t, u reflect.Type) bool {
	if u != nil && u.Kind() == reflect.Interface && u.NumMethod() > 0 {
		noMethods(t, "reflect.Type.Implements")
	}
	return t.Implements(u)
}

func reflectValueNumMethod(v reflect.Value) int {
	if v.IsValid() {
		noMethods(v.Type(), "reflect.Value.NumMethod")
	}
	return v.NumMethod()
}

func reflectValueMethod(v reflect.Value, i int) reflect.Value {
	if v.IsValid() {
		noMethods(v.Type(), "reflect.Value.Method")
	}
	return v.Method(i)
}

func reflectValueMethodByName(v reflect.Value, name string) reflect.Value {
	if v.IsValid() {
		noMethods(v.Type(), "reflect.Value.MethodByName")
	}
	return v.MethodByName(name)
}

var reflectTypeType = reflect.TypeFor[reflect.Type]()

// reflectTypeHolders caches, per type, whether a value of it can hold a
// reflect.Type below its top level.
var reflectTypeHolders sync.Map // reflect.Type → bool

// holdsReflectType reports whether a value of t can hold a reflect.Type in a
// field, element, key or pointee of t's (reflect.StructField, []reflect.Type).
func holdsReflectType(t reflect.Type) bool {
	if v, ok := reflectTypeHolders.Load(t); ok {
		return v.(bool)
	}
	reflectTypeHolders.Store(t, false) // a recursive type meets itself as false
	found := false
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		found = t.Elem() == reflectTypeType || holdsReflectType(t.Elem())
	case reflect.Map:
		found = t.Key() == reflectTypeType || t.Elem() == reflectTypeType || holdsReflectType(t.Key()) || holdsReflectType(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if ft := t.Field(i).Type; ft == reflectTypeType || holdsReflectType(ft) {
				found = true
				break
			}
		}
	}
	reflectTypeHolders.Store(t, found)
	return found
}

// heldReflectType returns a reflect.Type of a type holding a cell's struct that
// v holds below its top level, or nil: fmt would print it with the
// interpreter's name (goType names only a reflect.Type printed itself).
func heldReflectType(v reflect.Value) reflect.Type {
	if !v.IsValid() || !holdsReflectType(v.Type()) {
		return nil
	}
	return findReflectType(v, map[uintptr]bool{})
}

// errHeldReflectType is the error of printing v if it holds a reflect.Type
// heldReflectType finds, or nil.
func errHeldReflectType(v reflect.Value) error {
	t := heldReflectType(v)
	if t == nil {
		return nil
	}
	return fmt.Errorf("ratelab cannot print a %s that holds a reflect.Type of %s, a type declared in a cell: fmt would name it as the interpreter built it; "+
		"print the reflect.Type itself (f.Type for a reflect.StructField), which ratelab names as Go does", goTypeString(v.Type()), goTypeString(t))
}

func findReflectType(v reflect.Value, seen map[uintptr]bool) reflect.Type {
	if v.Type() == reflectTypeType {
		if t, ok := v.Interface().(reflect.Type); ok && t != nil && hasCellStruct(t) {
			return t
		}
		return nil
	}
	if !holdsReflectType(v.Type()) {
		return nil
	}
	var elems []reflect.Value
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return nil
		}
		seen[v.Pointer()] = true
		elems = []reflect.Value{v.Elem()}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			elems = append(elems, v.Index(i))
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			elems = append(elems, it.Key(), it.Value())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Field(i); f.CanInterface() {
				elems = append(elems, f)
			}
		}
	}
	for _, e := range elems {
		if t := findReflectType(e, seen); t != nil {
			return t
		}
	}
	return nil
}
