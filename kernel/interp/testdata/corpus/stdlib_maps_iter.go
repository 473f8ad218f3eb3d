// maps.Keys and slices.Sorted and slices.Collect: iterators from the standard library.
package main

import (
	"fmt"
	"maps"
	"slices"
)

func main() {
	stock := map[string]int{"pear": 3, "apple": 7, "fig": 0}
	keys := slices.Sorted(maps.Keys(stock))
	fmt.Println(keys)
	total := 0
	for _, v := range maps.All(stock) {
		total += v
	}
	fmt.Println(total)
	evens := slices.Collect(func(yield func(int) bool) {
		for i := 0; i < 10; i += 2 {
			if !yield(i) {
				return
			}
		}
	})
	fmt.Println(evens)
	for i, v := range slices.All([]string{"x", "y"}) {
		fmt.Println(i, v)
	}
}
