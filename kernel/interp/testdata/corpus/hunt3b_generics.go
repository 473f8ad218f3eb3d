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

type Meters float64

type List[T any] struct {
	items []T
}

func (l *List[T]) Add(xs ...T) *List[T] {
	l.items = append(l.items, xs...)
	return l
}

func (l List[T]) Len() int { return len(l.items) }

func (l List[T]) Each(f func(int, T)) {
	for i, x := range l.items {
		f(i, x)
	}
}

type SortedList[T cmp.Ordered] struct {
	List[T]
	desc bool
}

func (s *SortedList[T]) Sorted() []T {
	out := slices.Clone(s.items)
	slices.Sort(out)
	if s.desc {
		slices.Reverse(out)
	}
	return out
}

func Sum[T Number](xs []T) T {
	var t T
	for _, x := range xs {
		t += x
	}
	return t
}

func Scale[T Number](k T) func([]T) []T {
	return func(xs []T) []T {
		out := make([]T, len(xs))
		for i, x := range xs {
			out[i] = x * k
		}
		return out
	}
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func MaxBy[T any, K cmp.Ordered](xs []T, key func(T) K) (best T) {
	for i, x := range xs {
		if i == 0 || key(x) > key(best) {
			best = x
		}
	}
	return
}

var sumInts = Sum[int]
var double = Scale(2.0)

func main() {
	var l List[string]
	l.Add("b", "a").Add("c")
	l.Each(func(i int, s string) { fmt.Print(i, ":", s, " ") })
	fmt.Println(l.Len())

	sl := &SortedList[int]{desc: true}
	sl.Add(3, 1, 2)
	fmt.Println(sl.Sorted(), sl.Len(), sl.items)

	fmt.Println(sumInts([]int{1, 2, 3}), Sum([]Meters{1.5, 2.25}))
	fmt.Println(double([]float64{1, 2.5}))
	tripleM := Scale[Meters](3)
	fmt.Println(tripleM([]Meters{1, 2}))

	words := strings.Fields("the quick brown fox jumps")
	n := Reduce(words, 0, func(a int, w string) int { return a + len(w) })
	joined := Reduce(words, "", func(a string, w string) string { return a + w[:1] })
	fmt.Println(n, joined)
	fmt.Println(MaxBy(words, func(w string) int { return len(w) }))
	fmt.Println(MaxBy([]float64{2, -7, 5}, func(x float64) float64 { return x * x }))

	lists := []*List[int]{new(List[int]), {items: []int{9}}}
	for i, li := range lists {
		li.Add(i * 10)
	}
	fmt.Println(lists[0].items, lists[1].items)
	add := lists[1].Add
	add(5)
	fmt.Println(lists[1].Len())
	lenOf := List[int].Len
	fmt.Println(lenOf(*lists[1]))
}
