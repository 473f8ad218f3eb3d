// Package fast sorts slices of compiled element types for the interpreted
// package slices: compiled code sorts 10^5 float64s in milliseconds, interpreted
// code in seconds (see DESIGN.md).
package fast

import (
	"reflect"
	"slices"
	"sort"
)

// Sort sorts x as slices.Sort does if x is a slice of a compiled ordered type,
// and reports whether it was.
func Sort(x any) bool {
	switch s := x.(type) {
	case []int:
		slices.Sort(s)
	case []int8:
		slices.Sort(s)
	case []int16:
		slices.Sort(s)
	case []int32:
		slices.Sort(s)
	case []int64:
		slices.Sort(s)
	case []uint:
		slices.Sort(s)
	case []uint8:
		slices.Sort(s)
	case []uint16:
		slices.Sort(s)
	case []uint32:
		slices.Sort(s)
	case []uint64:
		slices.Sort(s)
	case []uintptr:
		slices.Sort(s)
	case []float32:
		slices.Sort(s)
	case []float64:
		slices.Sort(s)
	case []string:
		slices.Sort(s)
	default:
		return false
	}
	return true
}

// ErrorTree returns the errors of err's tree in the order errors.As visits
// them: err, then depth first what its Unwrap() error or Unwrap() []error
// methods return. The interpreter's type switches miss those methods on
// compiled errors (*fmt.wrapError), so errors.AsType walks the tree here.
func ErrorTree(err error) []error {
	var tree []error
	var walk func(error)
	walk = func(err error) {
		for err != nil {
			tree = append(tree, err)
			switch u := err.(type) {
			case interface{ Unwrap() error }:
				err = u.Unwrap()
			case interface{ Unwrap() []error }:
				for _, inner := range u.Unwrap() {
					walk(inner)
				}
				return
			default:
				return
			}
		}
	}
	walk(err)
	return tree
}

// AsMethod returns err's As method, if it has one.
func AsMethod(err error) (func(any) bool, bool) {
	if x, ok := err.(interface{ As(any) bool }); ok {
		return x.As, true
	}
	return nil, false
}

// SortFunc sorts the slice x by cmp, a func(a, b E) int for x's element type
// E, as slices.SortFunc does (stable if stable is true), calling cmp through
// reflect. An interpreted comparison costs microseconds either way; the
// interpreted sorting loop around it would cost ten times more.
func SortFunc(x, cmp any, stable bool) {
	v, c := reflect.ValueOf(x), reflect.ValueOf(cmp)
	args := make([]reflect.Value, 2)
	less := func(i, j int) bool {
		args[0], args[1] = v.Index(i), v.Index(j)
		return c.Call(args)[0].Int() < 0
	}
	if stable {
		sort.SliceStable(x, less)
		return
	}
	sort.Slice(x, less)
}

// Interfaces reports whether x is a slice or map whose elements are of an
// interface type: values the interpreter's == compares wrongly when they hold
// a cell's type (see Equal). The session's table gives package std the
// runtime's version, which knows the interpreter's representation of its
// interfaces too.
func Interfaces(x any) bool {
	t := reflect.TypeOf(x)
	return t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Map) && t.Elem().Kind() == reflect.Interface
}

// Equal reports whether x == y. The interpreter compares two interface values
// holding a cell's type by its wrappers of them (interp.valueInterface), so
// the session's table gives package std the runtime's comparison instead, which
// compares the values held, as Go does; compiled, Equal is ==.
func Equal(x, y any) bool { return x == y }
