package interp

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// encoding/json names the struct of a field it cannot decode into by its
// reflect name (json: cannot unmarshal string into Go struct field Person.age
// of type int), which a struct declared in a cell lacks (yaegi builds it with
// reflect.StructOf): the message would read "Go struct field .age". The
// session's json.Unmarshal, and the Decode method of json.Decoder (which
// package desugar calls through the runtime's JSONDecode), give the error the
// names Go gives it: cellJSONError finds the struct json was decoding by
// following the error's field path from the decoded value's type, as json went
// down it, and reads the struct's name from its marks (see
// desugar.StructMarks); the error stays a *json.UnmarshalTypeError.

// A value of a cell's type with methods held in an interface (a []Shape, an
// any field) is yaegi's valueInterface, whose fields json cannot see: it
// encoded as {}. The session's json.Marshal and MarshalIndent encode the value
// each holds instead (jsonable), and so does the Encode method of json.Encoder,
// which package desugar calls through the runtime's JSONEncode.

// jsonMarshal is json.Marshal for cells.
func jsonMarshal(v any) ([]byte, error) {
	v, err := jsonable(v)
	if err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

// jsonMarshalIndent is json.MarshalIndent for cells.
func jsonMarshalIndent(v any, prefix, indent string) ([]byte, error) {
	v, err := jsonable(v)
	if err != nil {
		return nil, err
	}
	return json.MarshalIndent(v, prefix, indent)
}

// jsonEncode is enc.Encode(v) for cells.
func jsonEncode(enc *json.Encoder, v any) error {
	v, err := jsonable(v)
	if err != nil {
		return err
	}
	return enc.Encode(v)
}

// jsonable returns v with each value held in a valueInterface in place of the
// valueInterface. It fails where the held value's type has a MarshalJSON or
// MarshalText method, which the interpreter cannot call from there.
func jsonable(v any) (any, error) {
	if v == nil || !holdsCellStruct(reflect.ValueOf(v), 0) {
		return v, nil
	}
	var held func(vi reflect.Value, depth int) (reflect.Value, error)
	held = func(vi reflect.Value, depth int) (reflect.Value, error) {
		h := valueInterfaceHeld(vi, "MarshalJSON", "MarshalText")
		if h.method != "" {
			return vi, fmt.Errorf("json: ratelab cannot encode a value of type %s held in an interface or a container: "+
				"encoding/json would call its %s method, which the interpreter cannot call from there; "+
				"encode such values one at a time from a variable of their own type", cmp.Or(h.name, "declared in a cell"), h.method)
		}
		inner, _ := valueInterfaceValue(vi.Interface())
		if inner == nil {
			return reflect.Zero(anyType), nil
		}
		return replaceHeld(reflect.ValueOf(inner), depth+1, true, held)
	}
	out, err := replaceHeld(reflect.ValueOf(v), 0, true, held)
	if err != nil || !out.IsValid() {
		return nil, err
	}
	return out.Interface(), nil
}

// jsonUnmarshal is json.Unmarshal for cells.
func jsonUnmarshal(data []byte, v any) error { return cellJSONError(json.Unmarshal(data, v), v) }

// jsonDecode is dec.Decode(v) for cells.
func jsonDecode(dec *json.Decoder, v any) error { return cellJSONError(dec.Decode(v), v) }

// cellJSONError gives err, an error of decoding into v, the names of the types
// and fields declared in cells that it refers to.
func cellJSONError(err error, v any) error {
	var ute *json.UnmarshalTypeError
	if !errors.As(err, &ute) {
		return err
	}
	if ute.Type != nil && hasCellStruct(ute.Type) {
		ute.Type = goNamedType{ute.Type, goTypeString(ute.Type)}
	}
	if ute.Struct != "" || ute.Field == "" || v == nil {
		return err
	}
	if owner, field, ok := jsonFieldOwner(reflect.TypeOf(v), strings.Split(ute.Field, ".")); ok {
		ute.Struct, ute.Field = owner, field
	}
	return err
}

// goNamedType is a reflect.Type that prints as Go names it (main.Address for a
// cell's struct), for the messages of json's errors.
type goNamedType struct {
	reflect.Type
	name string
}

func (t goNamedType) String() string { return t.name }

// jsonFieldOwner follows path, the names json stacked on its way down from a
// value of type t to the field it failed on: per struct, the Go names of the
// embedded structs it went through, then the field's JSON name; nothing for
// pointers, slices, arrays and maps. It returns the name of the struct whose
// field is last (the name its cell declared, or "" for a struct type
// literal), and the path with the Go names of the cell's fields.
func jsonFieldOwner(t reflect.Type, path []string) (owner, field string, ok bool) {
	var names []string
	for len(path) > 0 {
		t = structBelow(t)
		if t == nil {
			return "", "", false
		}
		owner = ""
		if t.NumField() > 0 {
			owner, _ = cellStructMarks(t, 0)
		}
		for len(path) > 1 {
			i := embeddedByName(t, path[0])
			if i < 0 {
				break
			}
			names = append(names, goFieldName(t, i))
			t = structBelow(t.Field(i).Type)
			path = path[1:]
		}
		i := fieldByJSONName(t, path[0])
		if i < 0 {
			return "", "", false
		}
		names = append(names, path[0])
		t = t.Field(i).Type
		path = path[1:]
	}
	return owner, strings.Join(names, "."), true
}

// structBelow returns the struct type json decodes into for a value of type t:
// through pointers, and the elements of slices, arrays and maps.
func structBelow(t reflect.Type) reflect.Type {
	for {
		switch t.Kind() {
		case reflect.Struct:
			return t
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			t = t.Elem()
		default:
			return nil
		}
	}
}

// embeddedByName returns the index of the embedded struct field of t that
// json goes through under name (an embedded struct without a JSON name), or -1.
func embeddedByName(t reflect.Type, name string) int {
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.Anonymous || f.Name != name || jsonName(f) != "" || structBelowPointer(f.Type) == nil {
			continue
		}
		return i
	}
	return -1
}

// structBelowPointer returns t, or what t points to, if that is a struct.
func structBelowPointer(t reflect.Type) reflect.Type {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	return t
}

// fieldByJSONName returns the index of the field of t that json decodes the
// key name into, or -1.
func fieldByJSONName(t reflect.Type, name string) int {
	for i := range t.NumField() {
		f := t.Field(i)
		if tag := f.Tag.Get("json"); tag == "-" {
			continue
		}
		jn := jsonName(f)
		if jn == "" {
			jn = f.Name
		}
		if jn == name {
			return i
		}
	}
	return -1
}

// jsonName is the name in f's json tag, or "".
func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	return name
}
