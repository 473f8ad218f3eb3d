// Closures as counters and generators; closures over loop variables (Go 1.22).
package main

import "fmt"

func counter() (func() int, func()) {
	n := 0
	return func() int { n++; return n }, func() { n = 0 }
}

func fibGen() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

func main() {
	next, reset := counter()
	next()
	next()
	fmt.Println(next())
	reset()
	fmt.Println(next())
	f := fibGen()
	for range 10 {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var prints []func() string
	for i := 0; i < 3; i++ {
		prints = append(prints, func() string { return fmt.Sprint("i=", i) })
	}
	for _, name := range []string{"x", "y"} {
		prints = append(prints, func() string { return "name=" + name })
	}
	for _, p := range prints {
		fmt.Println(p())
	}
}
