package interp

import "reflect"

// reflect.DeepEqual compares two values of a cell's type held in interfaces
// (a []Shape, an any field) as yaegi's valueInterface structs, whose pointers
// differ: reflect.DeepEqual([]Shape{Sq{1}}, []Shape{Sq{1}}) was false. The
// session's reflect.DeepEqual compares what each holds, with its type's name,
// since Go's equal interface values hold the same type.

// heldValue stands for a valueInterface in a value deepEqual compares.
type heldValue struct {
	typ string // Go's name for the held value's type, or "" if not recorded
	v   any
}

// deepEqual is reflect.DeepEqual for cells.
func deepEqual(x, y any) bool {
	var held func(vi reflect.Value, depth int) (reflect.Value, error)
	held = func(vi reflect.Value, depth int) (reflect.Value, error) {
		h := heldValue{typ: valueInterfaceHeld(vi).name}
		if inner, _ := valueInterfaceValue(vi.Interface()); inner != nil {
			r, err := replaceHeld(reflect.ValueOf(inner), depth+1, true, held)
			if err != nil {
				return vi, err
			}
			h.v = r.Interface()
		}
		return reflect.ValueOf(h), nil
	}
	unwrap := func(v any) any {
		if v == nil {
			return nil
		}
		r, err := replaceHeld(reflect.ValueOf(v), 0, true, held)
		if err != nil || !r.IsValid() {
			return v
		}
		return r.Interface()
	}
	return reflect.DeepEqual(unwrap(x), unwrap(y))
}
