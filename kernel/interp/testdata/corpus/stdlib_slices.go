// The slices package: Sort, SortFunc, Index, Contains, Max, BinarySearch, Equal.
package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

type Person struct {
	Name string
	Age  int
}

func main() {
	xs := []int{5, 2, 8, 1, 9, 3}
	slices.Sort(xs)
	i, found := slices.BinarySearch(xs, 8)
	fmt.Println(xs, slices.Index(xs, 9), slices.Contains(xs, 4), slices.Max(xs), slices.Min(xs), i, found)
	people := []Person{{"Ann", 30}, {"Bob", 25}, {"Cid", 30}}
	slices.SortStableFunc(people, func(a, b Person) int { return cmp.Compare(b.Age, a.Age) })
	fmt.Println(people)
	names := []string{"b", "A", "c"}
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	fmt.Println(names, slices.Equal(names, []string{"A", "b", "c"}))
}
