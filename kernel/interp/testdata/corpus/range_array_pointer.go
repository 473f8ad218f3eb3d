// Ranges over pointers to arrays: the elements are read as the loop goes, the
// pointer is evaluated only where Go evaluates it, and a nil one panics only
// where a value is read.
package main

import "fmt"

type T struct{ A, B int }

type Grid [2][3]int

func sum(p *[3]int) (s int) {
	for _, v := range p {
		s += v
	}
	return
}

func reset(p *[2]T) {
	for i := range p {
		p[i].A = i * 10
	}
}

var calls int

func arr() *[3]int {
	calls++
	return nil
}

func try(name string, f func()) {
	defer func() { fmt.Println(name, "recovered:", recover()) }()
	f()
}

func main() {
	a := [3]int{1, 2, 3}
	for i, v := range &a {
		a[2] = 30
		fmt.Print(i, v, " ")
	}
	fmt.Println(sum(&a))

	ts := [2]T{{1, 2}, {3, 4}}
	reset(&ts)
	for i, t := range &ts {
		fmt.Println(i, t)
	}
	pt := &ts
	for _, t := range pt {
		t.B = 0
	}
	fmt.Println(ts)

	var g Grid
	pg := &g
	for i, row := range pg {
		for j := range row {
			pg[i][j] = i*3 + j
		}
	}
	fmt.Println(g)

	var fs []func() int
	for i, v := range &a {
		fs = append(fs, func() int { return i*100 + v })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	var np *[4]int
	for i := range np {
		fmt.Print(i, " ")
	}
	for range np {
		fmt.Print("x")
	}
	for i, _ := range np {
		fmt.Print(i)
	}
	fmt.Println()
	for i := range arr() {
		fmt.Print(i)
	}
	fmt.Println(" calls:", calls)
	fmt.Println(len(arr()), cap(arr()), len(pt), calls)

	var i, v int
found:
	for i, v = range &a {
		switch {
		case v == 1:
			continue
		case v > 1:
			break found
		}
	}
	fmt.Println(i, v)

	try("nil value", func() {
		for i, v := range np {
			fmt.Println("not reached", i, v)
		}
	})
}
