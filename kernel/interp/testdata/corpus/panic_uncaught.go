// A program that ends in an uncaught panic after printing.
package main

import "fmt"

func process(items []string) {
	for i, it := range items {
		if it == "" {
			panic(fmt.Sprintf("item %d is empty", i))
		}
		fmt.Println("processed", it)
	}
}

func main() {
	process([]string{"a", "b", "", "d"})
	fmt.Println("not reached")
}
