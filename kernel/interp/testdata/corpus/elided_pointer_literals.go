// Composite literals of pointers to slice, map and array types with the & left out.
package main

import "fmt"

type Stack []int

func (s *Stack) Push(v int) { *s = append(*s, v) }

type Counts map[string]int

type Pair [2]float64

type Node struct{ Kids []*Stack }

func main() {
	ps := []*Stack{{}, {1, 2}}
	ps[0].Push(7)
	fmt.Println(ps[0] == nil, *ps[0], *ps[1], len(ps))
	m := map[string]*Stack{"x": {}, "y": {4}}
	m["x"].Push(3)
	fmt.Println(*m["x"], *m["y"])
	cs := [2]*Counts{{"a": 1}, {}}
	(*cs[1])["b"] = 2
	fmt.Println(*cs[0], *cs[1])
	pairs := []*Pair{{1, 2}, {3}}
	fmt.Println(*pairs[0], *pairs[1])
	n := Node{Kids: []*Stack{{5}}}
	fmt.Println(*n.Kids[0])
	nested := [][]*Stack{{{1}, {}}, {}}
	fmt.Println(len(nested), *nested[0][0], *nested[0][1] == nil, len(nested[1]))
	type point struct{ X, Y int }
	pts := []*point{{1, 2}}
	fmt.Println(*pts[0])
	keys := map[*Pair]string{{1, 1}: "one"}
	for k, v := range keys {
		fmt.Println(*k, v)
	}
}
