// Calls of generic functions (and of min and max) as the elements of array
// and slice literals, with and without indices of their own, nested, in
// functions and at the top level.
package main

import "fmt"

func Twice[T int | float64](x T) T { return 2 * x }

func Pair[K comparable, V any](k K, v V) Entry[K, V] { return Entry[K, V]{k, v} }

type Entry[K comparable, V any] struct {
	Key K
	Val V
}

type Point struct{ X, Y float64 }

const last = 4

func inFunc(n int) {
	xs := []float64{Twice(1.5), 3, Twice(2.0)}
	fmt.Println("slice:", xs)
	arr := [3]int{Twice(n), max(n, 10), min(n, -1)}
	fmt.Println("array:", arr)
	mixed := []int{2: Twice(n), Twice(1), last: 9}
	fmt.Println("keyed:", mixed, len(mixed))
	grid := [][]float64{{Twice(0.5)}, {1, Twice(1.0)}}
	fmt.Println("nested:", grid)
	pts := []Point{{Twice(1.0), 0}, {X: Twice(2.0)}}
	fmt.Println("structs:", pts)
	ptrs := []*int{new(n)}
	fmt.Println("new:", *ptrs[0])
	pairs := []Entry[string, int]{Pair("a", Twice(n)), {"b", Twice(2)}}
	fmt.Println("pairs:", pairs)
}

func main() {
	inFunc(3)
	top := []float64{Twice(4.0), max(1.5, 0.5)}
	fmt.Println("top:", top)
	fmt.Println("inline:", []int{Twice(7)}[0], [...]int{5: Twice(1), min(3, 2)})
}
