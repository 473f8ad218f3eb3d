// Range over functions nested, with labelled break and continue, and defer
// inside the loop body.
package main

import "fmt"

func Grid(n int) func(func(int, int) bool) {
	return func(yield func(int, int) bool) {
		for r := 0; r < n; r++ {
			for c := 0; c < n; c++ {
				if !yield(r, c) {
					return
				}
			}
		}
	}
}

func Letters(s string) func(func(rune) bool) {
	return func(yield func(rune) bool) {
		for _, r := range s {
			if !yield(r) {
				return
			}
		}
	}
}

func find(target rune) (pos string) {
	defer func() { pos = "[" + pos + "]" }()
outer:
	for _, word := range []string{"alpha", "beta", "gamma"} {
		for r := range Letters(word) {
			if r == 'x' {
				continue outer
			}
			if r == target {
				pos = word
				break outer
			}
		}
	}
	return
}

func trace() {
	for r, c := range Grid(2) {
		defer fmt.Println("deferred", r, c)
	}
	fmt.Println("loop done")
}

func main() {
	cells := 0
rows:
	for r, c := range Grid(4) {
		if c > r {
			continue rows
		}
		if r == 3 {
			break rows
		}
		cells++
	}
	fmt.Println("cells", cells)
	fmt.Println(find('m'), find('q'))
	trace()
}
