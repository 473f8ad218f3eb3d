package interp

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
)

// yaegi v0.16.1 hands a value of a cell's type to compiled code in a wrapper: an
// error in interp._error (a struct of the value and a func for each method), an
// any in interp.valueInterface (the value and the node of its type). Compiled
// code then compares wrappers, not values: `err == ErrNotFound` is false where Go
// says true, and two interp._error panic as uncomparable (they hold funcs); and it
// sees only the methods of the interface the value was wrapped for, so errors.Is
// and errors.As walk past a cell type's Unwrap, Is and As methods, and
// errors.As(err, &target) panics for a target of a cell's type, whose reflect type
// has no Error method.
//
// Package desugar rewrites comparisons whose operands are interfaces into calls of
// equal, and calls of errors.Is, As, AsType and Unwrap into calls of the functions
// below, giving them, from the cell, the methods of the session's error types
// (cellMethods) that compiled code cannot see.

// cellMethods is what a cell tells the runtime about the errors of the
// session's types: known, the struct types the cell knew (declared before it),
// and methods, which returns the methods of e's type that compiled code cannot
// call through a wrapper, nil where e's type has no such method or is not a
// session type.
type cellMethods struct {
	known   []string
	methods cellMethodsFunc
}

// cellMethodsFunc is the function a cell writes for cellMethods.methods.
type cellMethodsFunc = func(e error) (unwrap func() error, unwrapAll func() []error, is func(error) bool, as func(any) bool)

// of returns methods(e), and panics if e is of a struct type declared after the
// cell, whose methods the cell could not list.
func (m cellMethods) of(e error) (unwrap func() error, unwrapAll func() []error, is func(error) bool, as func(any) bool) {
	if v, _ := bare(e); v != nil {
		t := reflect.TypeOf(v)
		if name := cellStructName(t); name != "" && !slices.Contains(m.known, name) {
			panic(fmt.Errorf("ratelab cannot look into an error of type %s here: %s was declared after the cell that calls errors.Is, errors.As or errors.Unwrap, "+
				"so that cell does not know its methods (Unwrap, Is, As); run that cell again", goTypeString(t), name))
		}
	}
	return m.methods(e)
}

// equal is x == y as Go compares two interface values: the same dynamic type
// and equal values; it panics as Go does if that type is not comparable. If the
// interpreter lost a value's type (see bare), the answer is false where the
// other value is of a compiled package's named type (the lost one is of a
// cell's type); otherwise equal panics saying why, rather than guess.
func equal(x, y any) bool {
	x, xLost := bare(x)
	y, yLost := bare(y)
	switch {
	case xLost && yLost:
		panic(lostType)
	case xLost || yLost:
		other := x
		if xLost {
			other = y
		}
		if other == nil || compiledNamed(reflect.TypeOf(other)) {
			return false
		}
		panic(lostType)
	case x == nil || y == nil:
		return x == nil && y == nil
	}
	tx, ty := reflect.TypeOf(x), reflect.TypeOf(y)
	if tx != ty {
		return false
	}
	if !tx.Comparable() {
		panic(runtimeError("runtime error: comparing uncomparable type " + goTypeString(tx)))
	}
	return x == y
}

// compiledNamed reports whether t, or what t points to, is a named type of a
// compiled package: never a type a cell declared, which the interpreter makes
// unnamed.
func compiledNamed(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.PkgPath() != ""
}

// bare returns the value v holds, out of yaegi's wrappers (see unwrap), which
// may nest: an error of a cell's type stored in an any. A wrapper of a value of
// a cell's type holds it whole only if it is a pointer to a struct: of a struct
// value yaegi keeps the last field alone (getConcreteValue), and of a named type
// that is not a struct its underlying value. lost reports such a value, which
// cannot be compared or told apart from others.
func bare(v any) (inner any, lost bool) {
	for v != nil {
		if in, ok := valueInterfaceValue(v); ok {
			v = in
			continue
		}
		if h, ok := v.(heldError); ok {
			v = h.v
			continue
		}
		in, wrapped := unwrap(v)
		if !wrapped {
			return v, false
		}
		if t := reflect.TypeOf(in); t.Kind() != reflect.Pointer || cellStructName(t) == "" {
			if _, nested := unwrap(in); !nested {
				return in, true
			}
		}
		v = in
	}
	return nil, false
}

// lostType is the error of a comparison (==, errors.Is) of an error the
// interpreter keeps without its type.
var lostType = errors.New("ratelab cannot compare this error: it holds a value of a type declared in a cell whose methods have value receivers " +
	"(or whose underlying type is not a struct), and the interpreter keeps such a value in an error without its type, " +
	"so it cannot be told from other values; give the type's methods pointer receivers and use pointers to it " +
	"(func (e *MyError) Error() string, return &MyError{…}), which compare as Go compares them")

// errorTree calls visit on each error of err's tree in the order Go's errors
// package visits them (err, then depth first what Unwrap returns), until visit
// returns true; it reports whether one did.
func errorTree(err error, methods cellMethods, visit func(error) bool) bool {
	for err != nil {
		if visit(err) {
			return true
		}
		one, all := unwrapMethods(err, methods)
		switch {
		case one != nil:
			err = one()
		case all != nil:
			for _, inner := range all() {
				if errorTree(inner, methods, visit) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
	return false
}

// unwrapMethods returns err's Unwrap method, either form, whether its type is
// compiled or a cell's.
func unwrapMethods(err error, methods cellMethods) (func() error, func() []error) {
	one, all, _, _ := methods.of(err)
	if one != nil || all != nil {
		return one, all
	}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		return u.Unwrap, nil
	case interface{ Unwrap() []error }:
		return nil, u.Unwrap
	}
	return nil, nil
}

// errorsIs is errors.Is(err, target).
func errorsIs(err, target error, methods cellMethods) bool {
	if err == nil || target == nil {
		return err == nil && target == nil
	}
	t, lost := bare(target)
	comparable := lost || reflect.TypeOf(t).Comparable() // equal decides for a lost type
	return errorTree(err, methods, func(e error) bool {
		if comparable && equal(e, target) {
			return true
		}
		if _, _, is, _ := methods.of(e); is != nil {
			return is(target)
		}
		x, ok := e.(interface{ Is(error) bool })
		return ok && x.Is(target)
	})
}

// errorsAs is errors.As(err, target), where match, written by the cell for
// target's element type, assigns e to *target and returns true if e's type is
// that type (or implements that interface).
func errorsAs(err error, target any, match func(error) bool, methods cellMethods) bool {
	if target == nil {
		panic("errors: target cannot be nil")
	}
	if reflect.TypeOf(target).Kind() != reflect.Pointer || reflect.ValueOf(target).IsNil() {
		panic("errors: target must be a non-nil pointer")
	}
	return errorTree(err, methods, func(e error) bool {
		if match(e) {
			return true
		}
		if _, _, _, as := methods.of(e); as != nil {
			return as(target)
		}
		x, ok := e.(interface{ As(any) bool })
		return ok && x.As(target)
	})
}

// errorsUnwrap is errors.Unwrap(err): only the one-error form counts.
func errorsUnwrap(err error, methods cellMethods) error {
	if err == nil {
		return nil
	}
	if one, _ := unwrapMethods(err, methods); one != nil {
		return one()
	}
	return nil
}

// checkKey is __rt.CheckKey: it panics, saying why, if k, the key of a map
// whose key type is an interface, holds a value of a type declared in a cell
// that has methods (named in withMethods) or whose type the interpreter lost:
// the map would hash yaegi's wrapper of it, so equal keys would not meet.
func checkKey(k any, withMethods []string) {
	v, lost := bare(k)
	if v == nil && !lost {
		return
	}
	name := cellStructName(reflect.TypeOf(v))
	if !lost && (name == "" || !slices.Contains(withMethods, name)) {
		return
	}
	what := "a value of a type declared in a cell whose methods have value receivers"
	if !lost {
		what = "a value of type " + goTypeString(reflect.TypeOf(v)) + ", declared in a cell with methods,"
	}
	panic(fmt.Errorf("ratelab cannot use %s as the key of a map whose key type is an interface: the interpreter would hash its wrapper of the value, "+
		"so equal keys would not meet; key the map by the concrete type (map[*T]int for a *T) or by a string (err.Error())", what))
}
