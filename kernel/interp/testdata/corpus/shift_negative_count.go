// Shifts by a signed count: a negative one panics as Go's runtime does, recovered
// as a runtime error.
package main

import "fmt"

func shifted(x, n int) (r int, err any) {
	defer func() { err = recover() }()
	return x >> n, nil
}

func main() {
	fmt.Println(shifted(8, 1))
	fmt.Println(shifted(8, -1))
	x, n := 1, int8(2)
	x <<= n
	fmt.Println(x, 3<<n, uint(5)>>n)
	defer func() {
		r := recover()
		_, isErr := r.(error)
		fmt.Println("recovered:", r, isErr)
	}()
	m := -3
	x <<= m
	fmt.Println("not reached", x)
}
