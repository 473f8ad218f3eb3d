// Arrays are values: copies, function arguments, range over a copy, arrays in structs and maps.
package main

import "fmt"

type Grid struct {
	Cells [3]int
	Name  string
}

func bump(a [3]int) [3]int {
	a[0] += 100
	return a
}

func bumpPtr(a *[3]int) { a[1] += 100 }

func sum(a [4]float64) float64 {
	t := 0.0
	for _, v := range a {
		t += v
	}
	return t
}

func main() {
	a := [3]int{1, 2, 3}
	b := a
	b[0] = 9
	fmt.Println(a, b)
	c := bump(a)
	fmt.Println(a, c)
	bumpPtr(&a)
	fmt.Println(a)
	for i, v := range a {
		a[2] = 50
		fmt.Println("range copy", i, v)
	}
	fmt.Println(a)
	g := Grid{Cells: [3]int{7, 8, 9}, Name: "g"}
	h := g
	h.Cells[1] = 0
	fmt.Println(g, h)
	m := map[string][3]int{"x": {1, 1, 1}}
	v := m["x"]
	v[0] = 42
	fmt.Println(m["x"], v)
	arrs := [][2]int{{1, 2}, {3, 4}}
	for _, p := range arrs {
		p[0] = -1
	}
	fmt.Println(arrs)
	first := arrs[0]
	arrs[0][1] = 99
	fmt.Println(first, arrs[0])
	var d [2][2]string
	d[1][0] = "q"
	e := d
	e[1][0] = "r"
	fmt.Println(d, e, d == e)
	fmt.Printf("%.1f\n", sum([4]float64{1.5, 2.5, 3, 4}))
	ptr := &a
	cp := *ptr
	cp[0] = -7
	fmt.Println(a[0], cp[0])
	s := a[:]
	s[0] = 1000
	fmt.Println(a[0], len(s))
	x := [...]int{5: 1, 2: 3}
	fmt.Println(len(x), x)
}
