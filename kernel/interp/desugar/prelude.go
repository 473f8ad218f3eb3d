package desugar

// Prelude is the Go the rewritten code calls, run once in every session before
// any cell: a file of package main whose names start with __, which no checked
// cell can use.
const Prelude = `package main

import __reflect "reflect"

type __ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~string
}

// __min and __max are the builtins for integers and strings; __fmin and __fmax
// for floats, or a type parameter whose type set holds floats (cmp.Ordered),
// where a NaN wins and -0 is below +0.
func __min[T __ordered](x, y T) T {
	if y < x {
		return y
	}
	return x
}

func __max[T __ordered](x, y T) T {
	if y > x {
		return y
	}
	return x
}

type __anyordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~string | ~float32 | ~float64
}

func __fmin[T __anyordered](x, y T) T {
	switch {
	case x != x || y != y:
		return x + y
	case x == y:
		if __negzero(y) {
			return y
		}
		return x
	case y < x:
		return y
	}
	return x
}

func __fmax[T __anyordered](x, y T) T {
	switch {
	case x != x || y != y:
		return x + y
	case x == y:
		if __negzero(x) {
			return y
		}
		return x
	case y > x:
		return y
	}
	return x
}

// __negzero reports whether v is a floating-point -0.
func __negzero(v any) bool {
	r := __reflect.ValueOf(v)
	switch r.Kind() {
	case __reflect.Float32, __reflect.Float64:
		return r.Float() == 0 && 1/r.Float() < 0
	}
	return false
}

// __new is new(v): a new variable holding v.
func __new[T any](v T) *T { return &v }

// __convert is To(v), for a type parameter To (see typeparams.go): reflect
// converts by Go's rules.
func __convert[To, From any](v From) To {
	var to To
	r := __reflect.ValueOf(&to).Elem()
	r.Set(__reflect.ValueOf(&v).Elem().Convert(r.Type()))
	return to
}

// __clear is clear(v) for a map or a slice.
func __clear(v any) {
	if v != nil {
		__reflect.ValueOf(v).Clear()
	}
}

// __arraylen is len(p) and cap(p) of p, a pointer to an array of n, which
// Go evaluates but does not dereference.
func __arraylen(p any, n int) int { return n }

// __discard is _ = v at a cell's top level: v is evaluated, and dropped.
func __discard(v any) {}

// __rangecheck panics as Go does when a function ranged over calls yield after
// the loop ended (state 1: the body stopped it; 2: the loop is over).
func __rangecheck(state int) {
	switch state {
	case 1:
		panic("runtime error: range function continued iteration after function for loop body returned false")
	case 2:
		panic("runtime error: range function continued iteration after whole loop exit")
	}
}

// __rundefers runs the calls deferred in the body of a range over a function,
// last first, when the function around the loop returns; a call that panics does
// not stop the ones before it, as with defer.
func __rundefers(calls *[]func()) { __runfrom(*calls, len(*calls)-1) }

func __runfrom(calls []func(), i int) {
	if i < 0 {
		return
	}
	defer __runfrom(calls, i-1)
	calls[i]()
}
`
