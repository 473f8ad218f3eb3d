// Package-level variables depending on each other in reverse textual order: Go
// initialises, again and again, the first variable written that is ready.
package main

import "fmt"

var order []string

func mark(name string, v int) int {
	order = append(order, name)
	return v
}

var a = b + c + mark("a", 1)

var x = mark("x", 100)

var b = d * 2

var c = mark("c", 3) + d

var d = mark("d", 4)

var e = mark("e", 5)

var (
	f = g + 1
	g = mark("g", h)
	h = 7
)

var m = map[string]int{"a": a, "f": f}

func main() {
	fmt.Println(order)
	fmt.Println(a, b, c, d, e, f, g, h, x, len(m), m["a"], m["f"])
}
