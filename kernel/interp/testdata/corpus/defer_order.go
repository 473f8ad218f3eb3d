// defer order, arguments evaluated at the defer statement, named results.
package main

import "fmt"

func order() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	fmt.Println("body")
}

func double(x int) (r int) {
	defer func() { r *= 2 }()
	return x + 1
}

func trace(name string) func() {
	fmt.Println("enter", name)
	return func() { fmt.Println("leave", name) }
}

func nested() {
	defer trace("nested")()
	fmt.Println("in nested")
}

func main() {
	order()
	fmt.Println(double(4))
	nested()
	x := 1
	defer fmt.Println("x at defer:", x)
	x = 2
	fmt.Println("x now:", x)
}
