// Constraints with ~ and inference through ~[]E.
package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[S ~[]E, E Number](s S) E {
	var total E
	for _, v := range s {
		total += v
	}
	return total
}

func MaxOf[T int | float64 | string](xs ...T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		if x > m {
			m = x
		}
	}
	return m
}

type Celsius float64
type Readings []Celsius

func Average[S ~[]E, E ~float64](s S) E {
	return Sum(s) / E(len(s))
}

func main() {
	fmt.Println(Sum([]int{1, 2, 3}), Sum([]float64{0.5, 0.25}))
	r := Readings{20.5, 22, 19.5}
	fmt.Println(Sum(r), Average(r))
	fmt.Printf("%.2f %T\n", float64(Average(r)), Average(r))
	fmt.Println(MaxOf(3, 9, 4), MaxOf("pear", "apple"), MaxOf(1.5, -2.0))
}
