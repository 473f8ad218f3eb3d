package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

type Matrix[T int | float64] struct {
	rows, cols int
	data       []T
}

func NewMatrix[T int | float64](r, c int) *Matrix[T] {
	return &Matrix[T]{rows: r, cols: c, data: make([]T, r*c)}
}

func (m *Matrix[T]) At(i, j int) *T { return &m.data[i*m.cols+j] }

func (m *Matrix[T]) Cells() iter.Seq2[[2]int, T] {
	return func(yield func([2]int, T) bool) {
		for i := 0; i < m.rows; i++ {
			for j := 0; j < m.cols; j++ {
				if !yield([2]int{i, j}, m.data[i*m.cols+j]) {
					return
				}
			}
		}
	}
}

func Take[T any](seq iter.Seq[T], n int) iter.Seq[T] {
	return func(yield func(T) bool) {
		if n <= 0 {
			return
		}
		i := 0
		for v := range seq {
			if !yield(v) {
				return
			}
			i++
			if i == n {
				return
			}
		}
	}
}

func Naturals() iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 1; ; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func main() {
	m := NewMatrix[int](2, 3)
	for i := range 2 {
		for j := range 3 {
			*m.At(i, j) = i*10 + j
		}
	}
	*m.At(1, 1) += 100
	sum := 0
	for pos, v := range m.Cells() {
		if pos[1] == 2 {
			continue
		}
		if v > 100 {
			fmt.Println("big at", pos)
			break
		}
		sum += v
	}
	fmt.Println(sum)

	var evens []int
	for n := range Take(Naturals(), 10) {
		if n%2 == 1 {
			continue
		}
		evens = append(evens, n*n)
	}
	fmt.Println(evens)
	first := slices.Collect(Take(Naturals(), 4))
	fmt.Println(first, slices.Collect(Take(Naturals(), 0)))

	ages := map[string]int{"bo": 31, "al": 25, "cy": 40}
	names := slices.Sorted(maps.Keys(ages))
	fmt.Println(names)
	total := 0
	func() {
		defer func() { fmt.Println("deferred total", total) }()
		for _, name := range names {
			for n := range Take(Naturals(), 3) {
				if name == "cy" && n == 2 {
					return
				}
				total += ages[name] * n
			}
		}
	}()
	fm := NewMatrix[float64](1, 2)
	*fm.At(0, 1) = 2.5
	for pos, v := range fm.Cells() {
		fmt.Print(pos, v, " ")
	}
	fmt.Println()
}
