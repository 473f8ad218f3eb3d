package main

import "fmt"

type error interface{ Error() string }

func max(xs ...float64) float64 {
	best := xs[0]
	for _, x := range xs {
		if x > best {
			best = x
		}
	}
	return best * 10
}

type clear struct{ v int }

func area(len, cap float64) (real float64) {
	real = len * cap
	return
}

func main() {
	min := 3
	len := func(s string) int { return 42 }
	fmt.Println(min, len("abc"), max(1, 2))
	new := "new value"
	copy := []int{1}
	cap := map[string]int{"a": 1}
	fmt.Println(new, copy, cap["a"])
	c := clear{5}
	fmt.Println(c.v)
	append := func(a, b int) int { return a - b }
	fmt.Println(append(10, 3))
	{
		true := false
		fmt.Println(true, !true)
	}
	fmt.Println(area(2, 3.5))
	string := 9
	fmt.Println(string * 2)
}
