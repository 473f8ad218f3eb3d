// Nested composite literals with elided types, pointers in literals, maps of slices of structs.
package main

import (
	"fmt"
	"sort"
)

type Point struct{ X, Y int }

type Line struct {
	From, To Point
	Label    string
}

type Course struct {
	Name     string
	Students map[string][]int
	Rooms    []*Point
}

func main() {
	lines := []Line{
		{Point{0, 0}, Point{1, 1}, "diag"},
		{From: Point{Y: 5}, Label: "partial"},
		{To: Point{2, 3}},
	}
	fmt.Printf("%+v\n", lines)
	pts := []*Point{{1, 2}, {3, 4}}
	pts[0].X = 10
	fmt.Println(*pts[0], *pts[1])
	grid := [2][3]int{{1, 2, 3}, {4, 5}}
	fmt.Println(grid)
	m := map[string][]Point{
		"a": {{1, 1}, {2, 2}},
		"b": nil,
	}
	m["b"] = append(m["b"], Point{9, 9})
	fmt.Println(m["a"][1], m["b"], len(m))
	mp := map[Point]string{{1, 2}: "x", {Y: 1}: "y"}
	fmt.Println(mp[Point{0, 1}], mp[Point{1, 2}])
	c := Course{
		Name: "math",
		Students: map[string][]int{
			"ann": {90, 85},
			"bob": {70},
		},
		Rooms: []*Point{{1, 1}, nil},
	}
	names := make([]string, 0)
	for n := range c.Students {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		sum := 0
		for _, g := range c.Students[n] {
			sum += g
		}
		fmt.Println(n, sum, len(c.Students[n]))
	}
	fmt.Println(c.Rooms[0], c.Rooms[1] == nil)
	nested := [][]map[string]int{{{"a": 1}}, {{"b": 2}, {"c": 3}}}
	nested[1][1]["c"] += 10
	fmt.Println(nested)
	anon := []struct {
		K string
		V []float64
	}{{"x", []float64{1.5}}, {"y", nil}}
	anon[1].V = append(anon[1].V, 2.5)
	fmt.Println(anon)
	arrOfMaps := [2]map[int]bool{{1: true}, {}}
	cp := arrOfMaps
	cp[1][5] = true
	fmt.Println(arrOfMaps, len(cp[1]))
	pp := &[]Line{{Label: "p"}}
	(*pp)[0].From.X = 7
	fmt.Println((*pp)[0])
	type Tree struct {
		Val      int
		Children []Tree
	}
	t := Tree{1, []Tree{{2, nil}, {3, []Tree{{4, nil}}}}}
	var walk func(Tree) int
	walk = func(t Tree) int {
		s := t.Val
		for _, ch := range t.Children {
			s += walk(ch)
		}
		return s
	}
	fmt.Println(walk(t), t.Children[1].Children[0].Val)
}
