// Shadowing in blocks, if/else chains, := with one new variable, package names.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

var x = "package"

func parse(s string) (n int, err error) {
	if n, err := strconv.Atoi(s); err == nil {
		return n * 2, nil
	}
	return -1, errors.New("bad " + s)
}

func main() {
	fmt.Println(x)
	x := "main"
	{
		x := "block"
		fmt.Println(x)
	}
	fmt.Println(x)
	if x := 5; x > 3 {
		fmt.Println("if", x)
	} else if y := x * 2; y > 0 {
		fmt.Println("else if", y)
	}
	a, err := parse("21")
	fmt.Println(a, err)
	b, err := parse("q")
	fmt.Println(b, err)
	for i := 0; i < 2; i++ {
		i := i * 10
		fmt.Print(i, " ")
	}
	fmt.Println()
	fmt := "shadowed fmt"
	_ = fmt
	println2(len(fmt))
}

func println2(n int) { fmt.Println("len", n) }
