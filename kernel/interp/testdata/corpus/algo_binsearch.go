// Binary search, bisection on a float function, integer square root.
package main

import (
	"fmt"
	"math"
)

func search(xs []int, target int) (int, bool) {
	lo, hi := 0, len(xs)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if xs[mid] < target {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo, lo < len(xs) && xs[lo] == target
}

func bisect(f func(float64) float64, a, b float64) float64 {
	for i := 0; i < 60; i++ {
		m := (a + b) / 2
		if (f(a) < 0) == (f(m) < 0) {
			a = m
		} else {
			b = m
		}
	}
	return (a + b) / 2
}

func isqrt(n int) int {
	x := n
	for y := (x + 1) / 2; y < x; y = (x + n/x) / 2 {
		x = y
	}
	return x
}

func main() {
	xs := []int{1, 3, 3, 5, 8, 13, 21}
	for _, t := range []int{3, 4, 21, 0, 30} {
		i, ok := search(xs, t)
		fmt.Println(t, i, ok)
	}
	root := bisect(func(x float64) float64 { return x*x - 2 }, 0, 2)
	fmt.Printf("%.12f %v\n", root, math.Abs(root-math.Sqrt2) < 1e-12)
	fmt.Println(isqrt(1000000), isqrt(99), isqrt(1<<40))
}
