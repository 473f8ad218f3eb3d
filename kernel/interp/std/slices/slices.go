// Package slices is Go's slices for the interpreter. Every function has Go's
// signature and behaviour (bounds panics, zeroed tails, NaN ordering); see
// sort.go for the sorting functions.
package slices

import (
	"cmp"
	"iter"

	"github.com/ratelab/ratelab/kernel/interp/std/fast"
)

// Equal reports whether s1 and s2 have the same length and equal elements (==:
// a NaN equals nothing).
func Equal[S ~[]E, E comparable](s1, s2 S) bool {
	if len(s1) != len(s2) {
		return false
	}
	if fast.Interfaces(s1) {
		for i := 0; i < len(s1); i++ {
			if !fast.Equal(s1[i], s2[i]) {
				return false
			}
		}
		return true
	}
	for i := 0; i < len(s1); i++ {
		if s1[i] != s2[i] {
			return false
		}
	}
	return true
}

// EqualFunc is Equal with eq comparing the elements.
func EqualFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, eq func(E1, E2) bool) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i := 0; i < len(s1); i++ {
		if !eq(s1[i], s2[i]) {
			return false
		}
	}
	return true
}

// Compare compares s1 and s2 element by element with cmp.Compare; a shorter
// slice that is a prefix of the other is less.
func Compare[S ~[]E, E interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string
}](s1, s2 S) int {
	for i := 0; i < len(s1) && i < len(s2); i++ {
		if c := cmp.Compare(s1[i], s2[i]); c != 0 {
			return c
		}
	}
	return compareLengths(len(s1), len(s2))
}

// CompareFunc is Compare with cmp comparing the elements.
func CompareFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, cmp func(E1, E2) int) int {
	for i := 0; i < len(s1) && i < len(s2); i++ {
		if c := cmp(s1[i], s2[i]); c != 0 {
			return c
		}
	}
	return compareLengths(len(s1), len(s2))
}

func compareLengths(n1, n2 int) int {
	switch {
	case n1 < n2:
		return -1
	case n1 > n2:
		return 1
	}
	return 0
}

// Index returns the index of the first element of s equal to v, or -1.
func Index[S ~[]E, E comparable](s S, v E) int {
	if fast.Interfaces(s) {
		for i := 0; i < len(s); i++ {
			if fast.Equal(s[i], v) {
				return i
			}
		}
		return -1
	}
	for i := 0; i < len(s); i++ {
		if s[i] == v {
			return i
		}
	}
	return -1
}

// IndexFunc returns the index of the first element of s for which f is true, or -1.
func IndexFunc[S ~[]E, E any](s S, f func(E) bool) int {
	for i := 0; i < len(s); i++ {
		if f(s[i]) {
			return i
		}
	}
	return -1
}

// Contains reports whether v is in s.
func Contains[S ~[]E, E comparable](s S, v E) bool {
	return Index[S, E](s, v) >= 0
}

// ContainsFunc reports whether f is true for an element of s.
func ContainsFunc[S ~[]E, E any](s S, f func(E) bool) bool {
	return IndexFunc[S, E](s, f) >= 0
}

// Insert inserts v at index i of s and returns the result; it panics if i is out
// of range [0, len(s)].
func Insert[S ~[]E, E any](s S, i int, v ...E) S {
	// The bounds check of s[i:], with Go's message (which the interpreter's lacks).
	if i < 0 || i > len(s) {
		fast.Bounds(3, i, len(s))
	}
	n := len(s) + len(v)
	out := s
	if n > cap(s) {
		out = make(S, n, growCap(cap(s), n))
		copy(out, s[:i])
	} else {
		out = s[:n]
	}
	copy(out[i+len(v):], s[i:])
	copy(out[i:], v)
	return out
}

// growCap is a capacity of at least n, doubling from c.
func growCap(c, n int) int {
	if c < 4 {
		c = 4
	}
	for c < n {
		c *= 2
	}
	return c
}

// Delete removes s[i:j] and returns the result, zeroing the elements it frees;
// it panics if s[i:j] is not a valid slice of s.
func Delete[S ~[]E, E any](s S, i, j int) S {
	// The bounds check of s[i:j:len(s)], with Go's message.
	if j < 0 || j > len(s) {
		fast.Bounds(6, j, len(s))
	}
	if i < 0 || i > j {
		fast.Bounds(7, i, j)
	}
	if i == j {
		return s
	}
	n := len(s) - (j - i)
	copy(s[i:], s[j:])
	zero[S, E](s[n:])
	return s[:n]
}

// DeleteFunc removes the elements for which del is true, zeroing the elements
// it frees.
func DeleteFunc[S ~[]E, E any](s S, del func(E) bool) S {
	n := 0
	for i := 0; i < len(s); i++ {
		if !del(s[i]) {
			s[n] = s[i]
			n++
		}
	}
	zero[S, E](s[n:])
	return s[:n]
}

// zero sets every element of s to its zero value.
func zero[S ~[]E, E any](s S) {
	var z E
	for i := 0; i < len(s); i++ {
		s[i] = z
	}
}

// Replace replaces s[i:j] by v and returns the result; it panics if s[i:j] is
// not a valid slice of s. Elements freed at the end are zeroed.
func Replace[S ~[]E, E any](s S, i, j int, v ...E) S {
	// The bounds check of s[i:j], with Go's message.
	if j < 0 || j > cap(s) {
		fast.Bounds(2, j, cap(s))
	}
	if i < 0 || i > j {
		fast.Bounds(3, i, j)
	}
	tail := Clone[S, E](s[j:])
	n := i + len(v) + len(tail)
	out := s
	if n > cap(s) {
		out = make(S, n, growCap(cap(s), n))
		copy(out, s[:i])
	} else {
		out = s[:n]
	}
	copy(out[i:], v)
	copy(out[i+len(v):], tail)
	if n < len(s) {
		zero[S, E](s[n:])
	}
	return out
}

// Clone returns a copy of s (nil for nil).
func Clone[S ~[]E, E any](s S) S {
	if s == nil {
		return nil
	}
	out := make(S, len(s))
	copy(out, s)
	return out
}

// Compact replaces each run of equal elements by one, zeroing the elements it
// frees.
func Compact[S ~[]E, E comparable](s S) S {
	if fast.Interfaces(s) {
		return CompactFunc[S, E](s, func(a, b E) bool { return fast.Equal(a, b) })
	}
	return CompactFunc[S, E](s, func(a, b E) bool { return a == b })
}

// CompactFunc is Compact with eq telling equal elements; it keeps the first of
// each run.
func CompactFunc[S ~[]E, E any](s S, eq func(E, E) bool) S {
	if len(s) < 2 {
		return s
	}
	n := 1
	for i := 1; i < len(s); i++ {
		if !eq(s[n-1], s[i]) {
			s[n] = s[i]
			n++
		}
	}
	zero[S, E](s[n:])
	return s[:n]
}

// Grow makes room for n more elements in s without another allocation; it
// panics if n is negative.
func Grow[S ~[]E, E any](s S, n int) S {
	if n < 0 {
		panic("cannot be negative")
	}
	if len(s)+n <= cap(s) {
		return s
	}
	out := make(S, len(s), len(s)+n)
	copy(out, s)
	return out
}

// Clip removes the capacity beyond s's length.
func Clip[S ~[]E, E any](s S) S {
	return s[:len(s):len(s)]
}

// Reverse reverses s in place.
func Reverse[S ~[]E, E any](s S) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// Concat returns a new slice of the elements of every slice in turn (nil if
// there are none).
func Concat[S ~[]E, E any](slices ...S) S {
	size := 0
	for _, s := range slices {
		size += len(s)
		if size < 0 {
			panic("len out of range")
		}
	}
	if size == 0 {
		return nil
	}
	out := make(S, 0, size)
	for _, s := range slices {
		out = append(out, s...)
	}
	return out
}

// Repeat returns a new slice of count copies of x; it panics if count is
// negative or the result too long.
func Repeat[S ~[]E, E any](x S, count int) S {
	if count < 0 {
		panic("cannot be negative")
	}
	if len(x) > 0 && count > (1<<62)/len(x) {
		panic("the result of (len(x) * count) overflows")
	}
	out := make(S, 0, len(x)*count)
	for i := 0; i < count; i++ {
		out = append(out, x...)
	}
	return out
}

// Min returns the least element of x; it panics if x is empty. A NaN wins.
func Min[S ~[]E, E interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string
}](x S) E {
	if len(x) < 1 {
		panic("slices.Min: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if v := x[i]; v != v {
			return v
		} else if v < m {
			m = v
		}
	}
	return m
}

// MinFunc returns the first least element of x by cmp; it panics if x is empty.
func MinFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E {
	if len(x) < 1 {
		panic("slices.MinFunc: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if cmp(x[i], m) < 0 {
			m = x[i]
		}
	}
	return m
}

// Max returns the greatest element of x; it panics if x is empty. A NaN wins.
func Max[S ~[]E, E interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string
}](x S) E {
	if len(x) < 1 {
		panic("slices.Max: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if v := x[i]; v != v {
			return v
		} else if v > m {
			m = v
		}
	}
	return m
}

// MaxFunc returns the first greatest element of x by cmp; it panics if x is
// empty.
func MaxFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E {
	if len(x) < 1 {
		panic("slices.MaxFunc: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if cmp(x[i], m) > 0 {
			m = x[i]
		}
	}
	return m
}

// All returns the indexes and elements of s, in order.
func All[Slice ~[]E, E any](s Slice) iter.Seq2[int, E] {
	return func(yield func(int, E) bool) {
		for i := 0; i < len(s); i++ {
			if !yield(i, s[i]) {
				return
			}
		}
	}
}

// Backward returns the indexes and elements of s, from the last.
func Backward[Slice ~[]E, E any](s Slice) iter.Seq2[int, E] {
	return func(yield func(int, E) bool) {
		for i := len(s) - 1; i >= 0; i-- {
			if !yield(i, s[i]) {
				return
			}
		}
	}
}

// Values returns the elements of s, in order.
func Values[Slice ~[]E, E any](s Slice) iter.Seq[E] {
	return func(yield func(E) bool) {
		for i := 0; i < len(s); i++ {
			if !yield(s[i]) {
				return
			}
		}
	}
}

// AppendSeq appends the values of seq to s.
func AppendSeq[Slice ~[]E, E any](s Slice, seq iter.Seq[E]) Slice {
	seq(func(v E) bool {
		s = append(s, v)
		return true
	})
	return s
}

// Collect returns the values of seq in a new slice.
func Collect[E any](seq iter.Seq[E]) []E {
	return AppendSeq[[]E, E](nil, seq)
}

// Chunk returns consecutive sub-slices of s of n elements (the last may be
// shorter), each with no capacity beyond its length; it panics if n < 1.
func Chunk[Slice ~[]E, E any](s Slice, n int) iter.Seq[Slice] {
	if n < 1 {
		panic("cannot be less than 1")
	}
	return func(yield func(Slice) bool) {
		for i := 0; i < len(s); i += n {
			end := i + n
			if end > len(s) {
				end = len(s)
			}
			if !yield(s[i:end:end]) {
				return
			}
		}
	}
}
