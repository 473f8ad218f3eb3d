// A recovered panic of a map assignment with an unhashable key: Go's runtime error.
package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		_, isErr := r.(error)
		fmt.Println(r, isErr)
	}()
	var k any = []int{1}
	m := map[any]bool{}
	m[k] = true
}
