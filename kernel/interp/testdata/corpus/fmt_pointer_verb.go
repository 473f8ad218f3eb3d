// %p of values of cell types (a pointer to a struct, a struct, a map): fmt prints
// the address, or its bad-verb text naming the type, never the session's own
// wrapper of the value. Addresses differ run to run, so only their form prints.
package main

import "fmt"

type P struct{ X, Y int }
type N struct{ Name string }

func main() {
	p := &P{1, 2}
	s := fmt.Sprintf("%p", p)
	fmt.Println(s == fmt.Sprintf("%p", p), len(s) > 2, s[:2])
	fmt.Printf("%p|%T|%v\n", P{3, 4}, p, *p)
	fmt.Printf("%[2]p %[1]v\n", N{"a"}, N{"b"})
	m := map[string]P{}
	fmt.Println(fmt.Sprintf("%p", m)[:2])
}
