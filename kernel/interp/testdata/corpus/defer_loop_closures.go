// Deferred function literals in loops read the variables of their own
// iteration as they are when they run: changed after the defer statement,
// through a pointer, or by the body's next statements.
package main

import "fmt"

func cleanup() {
	for _, name := range []string{"db", "cache"} {
		status := "opening"
		defer func() { fmt.Println("close", name, "status:", status) }()
		status = "ok"
	}
}

func changedLoopVar() {
	for i := range 2 {
		defer func() { fmt.Println("deferred sees", i) }()
		i += 10
	}
}

func throughPointer() {
	var p *int
	for i := 0; i < 1; i++ {
		defer func() { fmt.Println("deferred sees", i) }()
		p = &i
	}
	*p = 100
	fmt.Println("set to", *p)
}

func order() {
	for i := range 3 {
		defer func() { fmt.Print(i, " ") }()
	}
	fmt.Print("| ")
}

func withArgs() {
	total := 0
	for _, x := range []int{1, 2, 3} {
		defer func(at int) { fmt.Println("x", x, "at", at, "total", total) }(total)
		total += x
	}
}

func main() {
	cleanup()
	changedLoopVar()
	throughPointer()
	order()
	fmt.Println()
	withArgs()
}
