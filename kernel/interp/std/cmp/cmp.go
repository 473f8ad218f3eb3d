// Package cmp is Go's cmp for the interpreter: Ordered, Compare, Less and Or.
package cmp

// Ordered is a type whose values the operators < <= >= > order.
type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~string
}

// Compare returns -1 if x < y, 0 if x == y and +1 if x > y. A NaN (the only
// value not equal to itself) is less than any other value, and equal to another
// NaN; -0.0 equals 0.0. (No helper is called: a call of a generic function
// costs the interpreter microseconds, and comparisons run in sorts.)
func Compare[T Ordered](x, y T) int {
	xNaN, yNaN := x != x, y != y
	switch {
	case xNaN && yNaN:
		return 0
	case xNaN || x < y:
		return -1
	case yNaN || x > y:
		return 1
	}
	return 0
}

// Less reports whether x < y, a NaN being less than any other value.
func Less[T Ordered](x, y T) bool {
	return (x != x && y == y) || x < y
}

// Or returns the first of vals that is not the zero value, or the zero value.
func Or[T comparable](vals ...T) T {
	var zero T
	for _, v := range vals {
		if v != zero {
			return v
		}
	}
	return zero
}
