// An uncaught runtime error: index out of range.
package main

import "fmt"

func main() {
	data := []int{10, 20, 30}
	total := 0
	for i := 0; i <= len(data); i++ {
		fmt.Println("adding", i)
		total += data[i]
	}
	fmt.Println(total)
}
