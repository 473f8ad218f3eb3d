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
	name   string // Go's name for it (main.Circle, *main.Circle), or "" if not recorded
	method string // the first of the methods asked about that it has, or ""
}

// printingMethods are the methods through which fmt prints a value.
var printingMethods = []string{"Format", "GoString", "Error", "String"}

// valueInterfaceHeld returns the type of the value v, a valueInterface, holds,
// and the first of methods that type has.
func valueInterfaceHeld(v reflect.Value, methods ...string) heldType {
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
	for _, m := range methods {
		if itypeHasMethod(typ, m, 0) {
			h.method = m
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

// replaceHeld returns v with each valueInterface in it replaced by what
// replace returns for it, in a copy of the containers around it (their element
// type then any; a struct's field type too, its name and tag kept). Pointers are
// followed at the top, where fmt prints what they point to, or everywhere if
// allPointers. A value with nothing to replace is returned as it is.
func replaceHeld(v reflect.Value, depth int, allPointers bool, replace func(vi reflect.Value, depth int) (reflect.Value, error)) (reflect.Value, error) {
	if !v.IsValid() || depth > 8 {
		return v, nil
	}
	t := v.Type()
	if valueInterfaceType(t) {
		return replace(v, depth)
	}
	if !containsValueInterface(t) && !containsInterface(t) {
		return v, nil
	}
	changed := false
	each := func(x reflect.Value) (reflect.Value, error) {
		y, err := replaceHeld(x, depth+1, allPointers, replace)
		if y != x {
			changed = true
		}
		return y, err
	}
	switch t.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return v, nil
		}
		e, err := replaceHeld(v.Elem(), depth+1, allPointers, replace)
		if e == v.Elem() {
			return v, err
		}
		return e, err
	case reflect.Pointer:
		if depth > 0 && !allPointers || v.IsNil() {
			return v, nil
		}
		e, err := replaceHeld(v.Elem(), depth+1, allPointers, replace)
		if err != nil || e == v.Elem() {
			return v, err
		}
		p := reflect.New(e.Type())
		p.Elem().Set(e)
		return p, nil
	case reflect.Slice, reflect.Array:
		if t.Kind() == reflect.Slice && v.IsNil() {
			return v, nil
		}
		elems := make([]reflect.Value, v.Len())
		for i := range elems {
			var err error
			if elems[i], err = each(v.Index(i)); err != nil {
				return v, err
			}
		}
		if !changed {
			return v, nil
		}
		out := reflect.MakeSlice(reflect.SliceOf(anyType), len(elems), len(elems))
		if t.Kind() == reflect.Array {
			out = reflect.New(reflect.ArrayOf(len(elems), anyType)).Elem()
		}
		for i, e := range elems {
			setAny(out.Index(i), e)
		}
		return out, nil
	case reflect.Map:
		if v.IsNil() {
			return v, nil
		}
		var keys, vals []reflect.Value
		for it := v.MapRange(); it.Next(); {
			k, err := each(it.Key())
			if err != nil {
				return v, err
			}
			e, err := each(it.Value())
			if err != nil {
				return v, err
			}
			keys, vals = append(keys, k), append(vals, e)
		}
		if !changed {
			return v, nil
		}
		kt := t.Key()
		if containsValueInterface(kt) || containsInterface(kt) {
			kt = anyType
		}
		out := reflect.MakeMapWithSize(reflect.MapOf(kt, anyType), len(keys))
		for i, k := range keys {
			e := reflect.New(anyType).Elem()
			setAny(e, vals[i])
			if kt == anyType {
				kk := reflect.New(anyType).Elem()
				setAny(kk, k)
				k = kk
			}
			out.SetMapIndex(k, e)
		}
		return out, nil
	case reflect.Struct:
		fields := make([]reflect.StructField, t.NumField())
		vals := make([]reflect.Value, t.NumField())
		for i := range fields {
			fields[i] = t.Field(i)
			if !fields[i].IsExported() {
				return v, nil // a compiled struct's: fmt prints it as it is
			}
			var err error
			if vals[i], err = each(v.Field(i)); err != nil {
				return v, err
			}
			if vals[i].Type() != fields[i].Type {
				fields[i].Type = anyType
			}
		}
		if !changed {
			return v, nil
		}
		st, ok := structOf(fields)
		if !ok {
			return v, nil
		}
		out := reflect.New(st).Elem()
		for i, e := range vals {
			if fields[i].Type == anyType {
				setAny(out.Field(i), e)
			} else {
				out.Field(i).Set(e)
			}
		}
		return out, nil
	}
	return v, nil
}

// structOf is reflect.StructOf(fields), or false where that panics (an
// embedded field with methods it cannot promote).
func structOf(fields []reflect.StructField) (t reflect.Type, ok bool) {
	defer func() {
		if recover() != nil {
			t, ok = nil, false
		}
	}()
	return reflect.StructOf(fields), true
}
