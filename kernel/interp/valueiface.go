package interp

import (
	"reflect"
	"unsafe"
)

// yaegi v0.16.1 keeps a value of a cell's type that has methods, once stored in
// an interface (an any, a []Shape, a map[string]any), as its own
// interp.valueInterface{node *node; value reflect.Value}: the value and the
// node of its type. Compiled code that meets one sees that struct: fmt printed
// its pointers ({0xc000… {0x… 0x… 409}}) where Go prints the value. The
// fields are unexported, so they are read here through addressable copies,
// each looked up by name and type first; a layout other than v0.16.1's reads as
// "not a valueInterface", never as a wrong value.

// valueInterfaceType reports whether t is yaegi's valueInterface.
func valueInterfaceType(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.Name() == "valueInterface" && t.PkgPath() == "github.com/traefik/yaegi/interp"
}

// valueInterfaceValue returns the value held by v if v is a valueInterface.
func valueInterfaceValue(v any) (any, bool) {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() || !valueInterfaceType(rv.Type()) {
		return nil, false
	}
	inner, ok := readField(rv, "value", reflect.TypeFor[reflect.Value]())
	if !ok {
		return nil, false
	}
	held := inner.Interface().(reflect.Value)
	if !held.IsValid() {
		return nil, true
	}
	if held.Kind() == reflect.Interface {
		if held.IsNil() {
			return nil, true
		}
		held = held.Elem()
	}
	return held.Interface(), true
}

// heldType describes the type of the value a valueInterface holds, as far as
// the interpreter recorded it.
type heldType struct {
	name    string // Go's name for it (main.Circle, *main.Circle), or "" if not recorded
	printer string // a method fmt calls instead of printing the value (String, Error, Format, GoString), or ""
}

// printingMethods are the methods through which fmt prints a value.
var printingMethods = []string{"Format", "GoString", "Error", "String"}

// valueInterfaceHeld returns the type of the value v, a valueInterface, holds.
func valueInterfaceHeld(v reflect.Value) heldType {
	node, ok := readPointerField(v, "node")
	if !ok {
		return heldType{}
	}
	typ, ok := readPointerField(node, "typ")
	if !ok {
		return heldType{}
	}
	var h heldType
	if s, ok := readField(typ, "str", reflect.TypeFor[string]()); ok {
		h.name = s.String()
	}
	for _, m := range printingMethods {
		if itypeHasMethod(typ, m, 0) {
			h.printer = m
			break
		}
	}
	return h
}

// itypeHasMethod reports whether the interpreter's type t (an itype struct) has
// the method name: declared on it, on what it points to, or promoted from an
// embedded field (of a cell's type, or of a compiled one).
func itypeHasMethod(t reflect.Value, name string, depth int) bool {
	if depth > 8 {
		return false
	}
	if methods, ok := readField(t, "method", nil); ok && methods.Kind() == reflect.Slice {
		for i := range methods.Len() {
			if m := methods.Index(i); !m.IsNil() {
				if id, ok := readField(m.Elem(), "ident", reflect.TypeFor[string]()); ok && id.String() == name {
					return true
				}
			}
		}
	}
	if rt, ok := readField(t, "rtype", reflect.TypeFor[reflect.Type]()); ok && !rt.IsNil() {
		rtype := rt.Interface().(reflect.Type)
		if _, ok := rtype.MethodByName(name); ok {
			return true
		}
		if _, ok := reflect.PointerTo(rtype).MethodByName(name); ok {
			return true
		}
	}
	if s, ok := readField(t, "str", reflect.TypeFor[string]()); ok && len(s.String()) > 0 && s.String()[0] == '*' {
		if elem, ok := readPointerField(t, "val"); ok && itypeHasMethod(elem, name, depth+1) {
			return true
		}
	}
	fields, ok := readField(t, "field", nil)
	if !ok || fields.Kind() != reflect.Slice {
		return false
	}
	for i := range fields.Len() {
		f := fields.Index(i)
		embed, ok := readField(f, "embed", reflect.TypeFor[bool]())
		if !ok || !embed.Bool() {
			continue
		}
		if ft, ok := readPointerField(f, "typ"); ok && itypeHasMethod(ft, name, depth+1) {
			return true
		}
	}
	return false
}

// readField returns the field name of the struct v, made readable, if it has
// that field and, unless want is nil, the field has type want.
func readField(v reflect.Value, name string, want reflect.Type) (reflect.Value, bool) {
	if v.Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	f, ok := v.Type().FieldByName(name)
	if !ok || len(f.Index) != 1 || (want != nil && f.Type != want) {
		return reflect.Value{}, false
	}
	if !v.CanAddr() {
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		v = c
	}
	fv := v.Field(f.Index[0])
	return reflect.NewAt(fv.Type(), unsafe.Pointer(fv.UnsafeAddr())).Elem(), true
}

// readPointerField returns the struct the pointer field name of v points to.
func readPointerField(v reflect.Value, name string) (reflect.Value, bool) {
	p, ok := readField(v, name, nil)
	if !ok || p.Kind() != reflect.Pointer || p.IsNil() || p.Type().Elem().Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	return p.Elem(), true
}
