// Nil interfaces of a cell's interface type, of error and of any, printed with
// %v, %T and %#v: fmt prints <nil>, as in Go.
package main

import "fmt"

type Shape interface{ Area() float64 }

func main() {
	var sh Shape
	fmt.Println(sh)
	fmt.Printf("%T %v %#v\n", sh, sh, sh)
	var e error
	fmt.Println(e)
	fmt.Printf("%T %v\n", e, e)
	var a any
	fmt.Printf("%T %v\n", a, a)
}
