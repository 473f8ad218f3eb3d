// Range over functions: iter.Seq and iter.Seq2 written by hand, with break,
// continue and early return.
package main

import (
	"fmt"
	"iter"
)

func Count(from, to int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := from; i <= to; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func Enumerate(words []string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i, w := range words {
			if !yield(i, w) {
				return
			}
		}
	}
}

func FirstOver(limit int) int {
	for n := range Count(1, 100) {
		if n*n > limit {
			return n
		}
	}
	return -1
}

func main() {
	sum := 0
	for n := range Count(1, 10) {
		if n%3 == 0 {
			continue
		}
		if n > 8 {
			break
		}
		sum += n
	}
	fmt.Println("sum", sum)
	for i, w := range Enumerate([]string{"zero", "one", "two"}) {
		fmt.Println(i, w)
	}
	fmt.Println(FirstOver(50), FirstOver(100000))
}
