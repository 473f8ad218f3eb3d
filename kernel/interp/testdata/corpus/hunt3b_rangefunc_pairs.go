package main

import (
	"fmt"
	"iter"
	"slices"
)

func Pairs(n int) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				if !yield(i, j) {
					return
				}
			}
		}
	}
}

func find(n, target int) (a, b int, ok bool) {
	for i, j := range Pairs(n) {
		if i*j == target {
			return i, j, true
		}
	}
	return -1, -1, false
}

func firstTwo(n int) (out []string) {
	defer func() { out = append(out, "end") }()
outer:
	for i := range Pairs(n) {
		for j := range Pairs(n) {
			if j > i {
				continue outer
			}
			out = append(out, fmt.Sprint(i, j))
			if len(out) == 3 {
				break outer
			}
		}
	}
	return
}

func countDown(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("countdown cleanup", n)
		for ; n > 0; n-- {
			if !yield(n) {
				return
			}
		}
	}
}

func main() {
	fmt.Println(find(6, 12))
	fmt.Println(find(4, 100))
	fmt.Println(firstTwo(4))
	var got []int
	for v := range countDown(5) {
		if v == 2 {
			break
		}
		got = append(got, v)
	}
	fmt.Println(got)
	total := 0
	for v := range countDown(3) {
		total += v
	}
	fmt.Println(total)
	var fs []func() int
	for i, j := range Pairs(3) {
		fs = append(fs, func() int { return i*10 + j })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	sorted := slices.Sorted(func(yield func(int) bool) {
		for _, v := range []int{5, 2, 8} {
			if !yield(v) {
				return
			}
		}
	})
	fmt.Println(sorted)
}
