package main

import (
	"fmt"
	"sort"
)

type Numeric interface {
	~int | ~int32 | ~uint8 | ~float64
}

type Counter[K comparable] map[K]int

func (c Counter[K]) Add(keys ...K) Counter[K] {
	for _, k := range keys {
		c[k]++
	}
	return c
}

func (c Counter[K]) Top(less func(a, b K) bool) []K {
	ks := make([]K, 0, len(c))
	for k := range c {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		if c[ks[i]] != c[ks[j]] {
			return c[ks[i]] > c[ks[j]]
		}
		return less(ks[i], ks[j])
	})
	return ks
}

func Accumulate[M ~map[K]V, K comparable, V Numeric](m M, k K, v V) {
	m[k] += v
	m[k] *= 2
}

func ShiftAll[T ~int | ~int32 | ~uint8](xs []T, n uint) []T {
	out := make([]T, len(xs))
	for i, x := range xs {
		out[i] = x << n
		out[i] |= 1
	}
	return out
}

func Clamp[T Numeric](x, lo, hi T) T {
	return max(lo, min(x, hi))
}

type Score int32

func main() {
	c := Counter[string]{}
	c.Add("a", "b", "a", "c", "b", "a")
	fmt.Println(c.Top(func(a, b string) bool { return a < b }), c["a"])
	ci := Counter[int]{}
	ci.Add(3, 1, 3).Add(1, 2)
	fmt.Println(ci.Top(func(a, b int) bool { return a < b }))

	m := map[string]float64{"x": 1}
	Accumulate(m, "x", 0.5)
	Accumulate(m, "y", 2)
	fmt.Println(m)
	ms := map[int]Score{}
	Accumulate(ms, 7, Score(5))
	fmt.Println(ms[7])

	fmt.Println(ShiftAll([]uint8{1, 64, 200}, 1), ShiftAll([]Score{3, -1}, 4))
	fmt.Println(Clamp(15, 0, 10), Clamp(-2.5, -1, 1), Clamp(Score(4), 1, 9), Clamp[uint8](250, 10, 200))
}
