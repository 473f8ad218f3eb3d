// Generic Map, Filter and Reduce over slices, with inference from arguments.
package main

import (
	"fmt"
	"strconv"
	"strings"
)

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

func main() {
	nums := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	evens := Filter(nums, func(n int) bool { return n%2 == 0 })
	squares := Map(evens, func(n int) int { return n * n })
	labels := Map(squares, strconv.Itoa)
	total := Reduce(squares, 0, func(a, n int) int { return a + n })
	fmt.Println(evens, squares, strings.Join(labels, "+"), "=", total)
	words := strings.Fields("the quick brown fox jumps over the lazy dog")
	long := Filter(words, func(w string) bool { return len(w) > 3 })
	lengths := Reduce(long, map[int]int{}, func(m map[int]int, w string) map[int]int { m[len(w)]++; return m })
	fmt.Println(long, lengths[4], lengths[5])
}
