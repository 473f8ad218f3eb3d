// Generics: Map/Filter/Reduce, constraints with ~, generic types and methods, type inference.
package main

import (
	"cmp"
	"fmt"
	"strconv"
)

type Number interface {
	~int | ~int64 | ~float64
}

type Celsius float64

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
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

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Mean[T Number](xs []T) float64 {
	return float64(Sum(xs)) / float64(len(xs))
}

func MaxOf[T cmp.Ordered](first T, rest ...T) T {
	m := first
	for _, r := range rest {
		if r > m {
			m = r
		}
	}
	return m
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v:%v", p.Key, p.Val) }

func Zip[K comparable, V any](ks []K, vs []V) []Pair[K, V] {
	n := min(len(ks), len(vs))
	out := make([]Pair[K, V], n)
	for i := range n {
		out[i] = Pair[K, V]{ks[i], vs[i]}
	}
	return out
}

func GroupBy[T any, K comparable](xs []T, key func(T) K) map[K][]T {
	g := make(map[K][]T)
	for _, x := range xs {
		k := key(x)
		g[k] = append(g[k], x)
	}
	return g
}

func main() {
	nums := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	sq := Map(nums, func(x int) int { return x * x })
	ev := Filter(sq, func(x int) bool { return x%2 == 0 })
	total := Reduce(ev, 0, func(a, x int) int { return a + x })
	fmt.Println(sq, ev, total)
	strs := Map(nums[:3], strconv.Itoa)
	fmt.Printf("%q\n", strs)
	joined := Reduce(strs, "", func(a string, s string) string { return a + s + "," })
	fmt.Println(joined)
	temps := []Celsius{20.5, 22, 19.25}
	fmt.Printf("%.2f %.4f %T\n", Sum(temps), Mean(temps), Sum(temps))
	fmt.Println(MaxOf(3, 9, 2), MaxOf("pear", "apple"), MaxOf(2.5))
	ps := Zip([]string{"a", "b", "c"}, []float64{1.5, 2.5})
	for _, p := range ps {
		fmt.Print(p, " ")
	}
	fmt.Println(len(ps))
	fmt.Printf("%v %+v\n", ps[0], ps[1])
	g := GroupBy(nums, func(x int) string {
		if x%3 == 0 {
			return "fizz"
		}
		return "other"
	})
	fmt.Println(g["fizz"], len(g["other"]))
	lens := Map([]string{"go", "rust", "c"}, func(s string) int { return len(s) })
	fmt.Println(lens, Mean(lens))
	empty := Filter([]int{1, 3}, func(x int) bool { return x%2 == 0 })
	fmt.Println(empty == nil, len(empty))
	fl := Reduce([]float64{0.1, 0.2, 0.3}, 0.0, func(a, x float64) float64 { return a + x })
	fmt.Println(fl, fl == 0.6)
}
