// A generic ring buffer and moving average, with value and pointer receivers on a generic type.
package main

import "fmt"

type Ring[T any] struct {
	buf  []T
	head int
	n    int
}

func NewRing[T any](size int) *Ring[T] { return &Ring[T]{buf: make([]T, size)} }

func (r *Ring[T]) Push(v T) {
	r.buf[(r.head+r.n)%len(r.buf)] = v
	if r.n < len(r.buf) {
		r.n++
	} else {
		r.head = (r.head + 1) % len(r.buf)
	}
}

func (r *Ring[T]) Items() []T {
	out := make([]T, r.n)
	for i := range r.n {
		out[i] = r.buf[(r.head+i)%len(r.buf)]
	}
	return out
}

func (r Ring[T]) Len() int { return r.n }

type Float interface{ ~float32 | ~float64 }

func MovingAvg[T Float](xs []T, w int) []T {
	r := NewRing[T](w)
	var out []T
	for _, x := range xs {
		r.Push(x)
		var s T
		for _, v := range r.Items() {
			s += v
		}
		out = append(out, s/T(r.Len()))
	}
	return out
}

func main() {
	r := NewRing[string](3)
	for _, s := range []string{"a", "b", "c", "d", "e"} {
		r.Push(s)
		fmt.Println(r.Items(), r.Len())
	}
	copyR := *r
	copyR.Push("z")
	fmt.Println(r.Items(), copyR.Items())
	avg := MovingAvg([]float64{1, 2, 3, 4, 5, 6}, 3)
	fmt.Printf("%.3f\n", avg)
	ints := NewRing[int](2)
	ints.Push(1)
	ints.Push(2)
	ints.Push(3)
	fmt.Println(ints.Items(), ints.head)
}
