// Generic data structures with methods and constraints: an ordered map,
// a number series with statistics, Pair/Map/Reduce helpers.
package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

type Number interface {
	~int | ~int64 | ~float64
}

type Series[T Number] struct {
	name string
	vals []T
}

func NewSeries[T Number](name string, vs ...T) *Series[T] {
	return &Series[T]{name: name, vals: vs}
}

func (s *Series[T]) Push(v T) *Series[T] { s.vals = append(s.vals, v); return s }

func (s *Series[T]) Sum() T {
	var t T
	for _, v := range s.vals {
		t += v
	}
	return t
}

func (s *Series[T]) Mean() float64 {
	if len(s.vals) == 0 {
		return 0
	}
	return float64(s.Sum()) / float64(len(s.vals))
}

func (s Series[T]) String() string {
	return fmt.Sprintf("%s%v", s.name, s.vals)
}

type OrderedMap[K cmp.Ordered, V any] struct {
	keys []K
	m    map[K]V
}

func (o *OrderedMap[K, V]) Set(k K, v V) {
	if o.m == nil {
		o.m = map[K]V{}
	}
	if _, ok := o.m[k]; !ok {
		i, _ := slices.BinarySearch(o.keys, k)
		o.keys = slices.Insert(o.keys, i, k)
	}
	o.m[k] = v
}

func (o *OrderedMap[K, V]) Each(f func(K, V)) {
	for _, k := range o.keys {
		f(k, o.m[k])
	}
}

type Pair[A, B any] struct {
	First  A
	Second B
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func Zip[A, B any](as []A, bs []B) []Pair[A, B] {
	n := min(len(as), len(bs))
	out := make([]Pair[A, B], n)
	for i := range n {
		out[i] = Pair[A, B]{as[i], bs[i]}
	}
	return out
}

type Meters float64

func main() {
	s := NewSeries("ints", 3, 1, 4, 1, 5)
	s.Push(9).Push(2)
	fmt.Println(s.Sum(), s.Mean(), len(s.vals))
	m := NewSeries[Meters]("m", 1.5, 2.25)
	fmt.Printf("%.3f %v %T\n", m.Mean(), m.Sum(), m.Sum())

	var om OrderedMap[string, int]
	for i, w := range strings.Fields("the quick brown fox jumps over the lazy dog") {
		om.Set(w, i)
	}
	om.Each(func(k string, v int) { fmt.Printf("%s:%d ", k, v) })
	fmt.Println()

	sq := Map([]int{1, 2, 3}, func(x int) int { return x * x })
	strs := Map(sq, func(x int) string { return fmt.Sprint("#", x) })
	fmt.Println(sq, strs, len(strs))
	total := Reduce(sq, 0.5, func(a float64, x int) float64 { return a + float64(x) })
	fmt.Println(total)
	longest := Reduce(strings.Fields("a bb ccc dd"), "", func(a, s string) string {
		if len(s) > len(a) {
			return s
		}
		return a
	})
	fmt.Println(longest)

	ps := Zip([]string{"x", "y", "z"}, []float64{1.5, 2.5})
	for _, p := range ps {
		fmt.Printf("%s=%.1f ", p.First, p.Second)
	}
	fmt.Println()
	fmt.Printf("%v %+v\n", ps[0], ps[1])
	best := ps[0]
	for _, p := range ps[1:] {
		if cmp.Compare(p.Second, best.Second) > 0 {
			best = p
		}
	}
	fmt.Println(best.First)
}
