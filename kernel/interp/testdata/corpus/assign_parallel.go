package main

import (
	"errors"
	"fmt"
	"strconv"
)

type Label struct{ S string }

func (l Label) String() string { return "L" + l.S }

type Pair struct{ A, B any }

func two() (int, []int) { return 1, []int{2} }
func next(n *int) int   { *n++; return *n }

var g1, g2 = 7, []string{"g"}
var g3, g4 any = 1.5, Label{"g"}

func main() {
	p, r := 3, []int{1}
	fmt.Println(p, r)
	var q, s = "x", map[string]int{"k": 1}
	fmt.Println(q, s)
	var x, y any = 2.5, Label{"y"}
	fmt.Println(x, y, x == nil)
	var m, n any
	m, n = 2.5, Label{"n"}
	fmt.Println(m, n)
	var k1 int
	var k2 any
	k1, k2 = 7, Label{"k"}
	fmt.Println(k1, k2)
	a, b := any(1), any(2)
	a, b = b, a
	fmt.Println(a, b)
	xs := []any{"a", "b", "c"}
	i, j := 0, 2
	xs[i], xs[j] = xs[j], xs[i]
	fmt.Println(xs)
	ns := []int{10, 20, 30, 40}
	idx := 0
	idx, ns[idx] = 2, 5
	idx, ns[idx] = next(&idx), []int{7}[0]
	fmt.Println(idx, ns)
	var arr [2]any
	arr[0], arr[1] = 2.5, Label{"arr"}
	fmt.Println(arr[0], arr[1])
	var pr Pair
	pr.A, pr.B = 2.5, []int{3}
	ptr := &pr
	ptr.A, ptr.B = ptr.B, Label{"ptr"}
	fmt.Println(pr.A, pr.B)
	var e error
	e, n2 := errors.New("boom"), []int{4}
	fmt.Println(e, n2)
	c1, c2 := two()
	fmt.Println(c1, c2)
	v, err := strconv.Atoi("12")
	fmt.Println(v, err)
	if u, w := 1, []int{2, 3}; u < len(w) {
		fmt.Println("if", u, w)
	} else if u2, w2 := 5, []int{}; u2 > len(w2) {
		fmt.Println("else if", u2)
	}
	for t, z := 0, []string{"a", "b"}; t < len(z); t++ {
		fmt.Println("for", t, z[t])
	}
	var fns []func() int
	for t, z := 0, []int{5, 6}; t < len(z); t++ {
		fns = append(fns, func() int { return t + z[t] })
	}
	fmt.Println(fns[0](), fns[1]())
	switch h, l := 3, []int{1, 2, 3}; {
	case h == len(l):
		fmt.Println("switch", h)
	}
	ch := make(chan int, 1)
	ch <- 9
	var got, count int
	got, count = <-ch, 1
	fmt.Println(got, count)
	var st, lb = fmt.Sprint(1), Label{"last"}
	fmt.Println(st, lb)
	fmt.Println(g1, g2, g3, g4)
}
