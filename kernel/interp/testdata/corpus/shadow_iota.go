// A variable named iota is a variable: it reads as its value, not as the
// predeclared constant.
package main

import "fmt"

const (
	Zero = iota
	One
)

func main() {
	var iota = 7
	iota += 2
	fmt.Println(iota, Zero, One)
	for iota := range 2 {
		fmt.Println("loop", iota)
	}
}
