// Maps with counts, maps of structs and slices, grouping, sorted output.
package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

type Stat struct {
	Count int
	Sum   float64
	Names []string
}

type Sale struct {
	Region string
	Rep    string
	Amount float64
}

func main() {
	sales := []Sale{
		{"north", "ann", 120}, {"south", "bob", 80.5}, {"north", "cat", 99.5},
		{"east", "dan", 10}, {"south", "ann", 40}, {"north", "ann", 5.25},
	}
	by := map[string]Stat{}
	for _, s := range sales {
		st := by[s.Region]
		st.Count++
		st.Sum += s.Amount
		st.Names = append(st.Names, s.Rep)
		by[s.Region] = st
	}
	for _, k := range slices.Sorted(maps.Keys(by)) {
		st := by[k]
		fmt.Printf("%-6s n=%d sum=%7.2f avg=%.3f %v\n", k, st.Count, st.Sum, st.Sum/float64(st.Count), st.Names)
	}
	ptrs := map[string]*Stat{}
	for _, s := range sales {
		if ptrs[s.Rep] == nil {
			ptrs[s.Rep] = &Stat{}
		}
		ptrs[s.Rep].Count++
		ptrs[s.Rep].Sum += s.Amount
	}
	keys := make([]string, 0)
	for k := range ptrs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Println(k, *ptrs[k])
	}
	groups := map[int][]string{}
	for _, w := range strings.Fields("go is a fun language to write and to read") {
		groups[len(w)] = append(groups[len(w)], w)
	}
	for _, l := range slices.Sorted(maps.Keys(groups)) {
		fmt.Println(l, groups[l])
	}
	v, ok := by["west"]
	fmt.Println(v.Count, v.Names == nil, ok)
	delete(by, "east")
	_, ok = by["east"]
	fmt.Println(len(by), ok)
	inv := map[string]int{"a": 1, "b": 2, "c": 3}
	for k, v := range inv {
		if v%2 == 1 {
			delete(inv, k)
		}
	}
	fmt.Println(inv)
	set := map[[2]int]bool{}
	set[[2]int{1, 2}] = true
	set[[2]int{1, 2}] = true
	set[[2]int{2, 1}] = true
	fmt.Println(len(set), set[[2]int{2, 1}])
	cp := maps.Clone(inv)
	cp["z"] = 26
	fmt.Println(len(inv), len(cp))
	type key struct {
		a string
		b int
	}
	km := map[key]float64{{"x", 1}: 1.5}
	km[key{"x", 1}] *= 2
	fmt.Println(km)
	fmt.Println(map[string]int{"b": 2, "a": 1, "c": 3})
}
