// Loop variables are per iteration (Go 1.22): pointers to them, methods with
// pointer receivers, slices of array variables and closures keep each
// iteration's own, and a three-clause loop's body changes carry over.
package main

import "fmt"

type Item struct{ N int }

func (it *Item) Bump() *Item { it.N += 100; return it }

func main() {
	carried()
	var fs []func() int
	for i := 0; i < 6; i++ {
		if i%2 == 1 {
			i++
		}
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var gs []func() int
	for _, x := range []int{1, 2, 3} {
		x *= 10
		gs = append(gs, func() int { return x })
	}
	for _, g := range gs {
		fmt.Print(g(), " ")
	}
	fmt.Println()
	var ps []*Item
	for _, it := range []Item{{1}, {2}} {
		ps = append(ps, it.Bump())
	}
	fmt.Println(ps[0].N, ps[1].N)
	var arrs [][]int
	for _, a := range [][2]int{{1, 2}, {3, 4}} {
		arrs = append(arrs, a[:])
	}
	fmt.Println(arrs)
	var fp []*int
	for i := 0; i < 3; i++ {
		fp = append(fp, &i)
	}
	fmt.Println(*fp[0], *fp[1], *fp[2])
	m := map[string]*Item{}
	for _, it := range []Item{{7}, {8}} {
		m[fmt.Sprint(it.N)] = &it
	}
	fmt.Println(m["7"].N, m["8"].N)
}

// carried changes i through a pointer: the change carries to the next iteration.
func carried() {
	var fs []func() int
	for i := 0; i < 10; i++ {
		p := &i
		if *p%3 == 0 {
			*p += 1
			continue
		}
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
