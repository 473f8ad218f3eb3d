// Value and aliasing semantics in stats code: slices inside maps, structs with
// arrays and slices copied into maps, pointers into a slice, stable multi-key sorts.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Sale struct {
	Item  string
	Units int
}

type Stats struct {
	Sum  [3]float64
	Tags []string
}

func write(sb strings.Builder, s string) int {
	sb.WriteString(s)
	return sb.Len()
}

func main() {
	groups := map[string][]Sale{"n": {{"a", 1}, {"b", 2}}}
	groups["n"][0].Units += 10
	g := groups["n"]
	g[1].Units *= 3
	g = append(g, Sale{"c", 5})
	fmt.Println(groups["n"], g)
	ms := map[string]Stats{}
	st := Stats{Tags: []string{"x"}}
	st.Sum[0] = 1
	ms["a"] = st
	st.Sum[0] = 99
	st.Tags[0] = "changed"
	fmt.Println(ms["a"].Sum, ms["a"].Tags)
	arrs := map[string][3]int{"k": {1, 2, 3}}
	a := arrs["k"]
	a[0] = 100
	fmt.Println(arrs["k"], a)
	ptrs := map[string]*Sale{}
	sales := []Sale{{"x", 1}, {"y", 2}}
	for i := range sales {
		ptrs[sales[i].Item] = &sales[i]
	}
	ptrs["x"].Units = 50
	fmt.Println(sales)
	var sb strings.Builder
	fmt.Println(write(sb, "abc"), sb.Len())
	keys := []string{"b", "a", "c"}
	order := map[string]int{"a": 2, "b": 1, "c": 2}
	sort.SliceStable(keys, func(i, j int) bool { return order[keys[i]] < order[keys[j]] })
	fmt.Println(keys)
	type pair struct {
		k string
		v int
	}
	var ps []pair
	for k, v := range order {
		ps = append(ps, pair{k, v})
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].v > ps[j].v || ps[i].v == ps[j].v && ps[i].k < ps[j].k })
	fmt.Println(ps)
	fmt.Printf("%v %+v\n", ps[0], ps[0])
}
