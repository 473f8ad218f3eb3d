// Generic code over ordered types instantiated with named types of compiled
// packages (time.Duration, time.Month, time.Weekday): slices' and cmp's
// functions, max/min, and a cell's own constraints (hunt3a L1).
package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"time"
)

type Number interface {
	~int | ~int64 | ~float64
}

func Less[T cmp.Ordered](a, b T) bool { return a < b }

func Sum[T Number](xs []T) (s T) {
	for _, x := range xs {
		s += x
	}
	return s
}

func Largest[T interface{ ~int64 | ~float64 }](xs ...T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		if x > m {
			m = x
		}
	}
	return m
}

func LessInt64[T ~int64](a, b T) bool { return a < b }

func main() {
	a, b := time.Second, time.Minute
	fmt.Println(max(a, b), min(a, b))
	fmt.Println(Less(a, b), Less(b, a), LessInt64(a, b))
	ds := []time.Duration{3 * time.Second, time.Second, 2 * time.Minute, 500 * time.Millisecond}
	fmt.Println(slices.Max(ds), slices.Min(ds), slices.IsSorted(ds))
	slices.Sort(ds)
	fmt.Println(ds, slices.IsSorted(ds))
	fmt.Println(slices.BinarySearch(ds, 3*time.Second))
	fmt.Println(slices.BinarySearch(ds, 4*time.Second))
	fmt.Println(Sum(ds), Largest(ds...))
	months := []time.Month{time.March, time.January, time.December}
	fmt.Println(slices.Max(months), slices.Min(months))
	slices.Sort(months)
	fmt.Println(months)
	days := map[time.Weekday]int{time.Friday: 5, time.Monday: 1, time.Sunday: 0}
	fmt.Println(slices.Sorted(maps.Keys(days)))
	fmt.Println(cmp.Compare(a, b), cmp.Less(b, a))
	slices.SortFunc(ds, func(x, y time.Duration) int { return cmp.Compare(y, x) })
	fmt.Println(ds)
	fmt.Println(Sum([]float64{1.5, 2}), Largest(3.5, 9, 4), Less("a", "b"))
}
