// Stats idioms with iterators: sorted map keys, maps.Values, IndexFunc,
// DeleteFunc, group-by into slices, Chunk, Repeat, SplitSeq, Backward.
package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

type Celsius float64

type Sale struct {
	Region string
	Amt    float64
}

func main() {
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	keys := slices.Sorted(maps.Keys(m))
	fmt.Println(keys)
	vals := slices.Collect(maps.Values(m))
	slices.Sort(vals)
	fmt.Println(vals)
	temps := map[Celsius]string{3: "x", 1: "y"}
	tk := slices.Sorted(maps.Keys(temps))
	fmt.Println(tk)
	for i := range 3 {
		fmt.Print(i)
	}
	fmt.Println()
	for i, w := range strings.Fields("a b c") {
		fmt.Print(i, w)
	}
	fmt.Println()
	sales := []Sale{{"n", 2}, {"s", 1}, {"n", 5}}
	idx := slices.IndexFunc(sales, func(s Sale) bool { return s.Amt > 3 })
	sales = slices.DeleteFunc(sales, func(s Sale) bool { return s.Region == "s" })
	fmt.Println(idx, sales, slices.ContainsFunc(sales, func(s Sale) bool { return s.Amt == 2 }))
	groups := make(map[string][]float64)
	for _, s := range sales {
		groups[s.Region] = append(groups[s.Region], s.Amt)
	}
	for _, k := range slices.Sorted(maps.Keys(groups)) {
		fmt.Println(k, groups[k], slices.Max(groups[k]))
	}
	chunks := slices.Collect(slices.Chunk([]int{1, 2, 3, 4, 5}, 2))
	fmt.Println(chunks, slices.Repeat([]int{1}, 3))
	for k, v := range maps.All(map[string]int{"only": 1}) {
		fmt.Println(k, v)
	}
	seq := strings.SplitSeq("a,b,c", ",")
	for s := range seq {
		fmt.Print(s, ";")
	}
	fmt.Println()
	bs := slices.Backward([]string{"x", "y"})
	for i, s := range bs {
		fmt.Print(i, s)
	}
	fmt.Println()
}
