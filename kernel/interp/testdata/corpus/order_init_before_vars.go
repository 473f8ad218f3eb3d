// func init written before the package-level variables it reads and changes:
// every variable is initialised before any init runs.
package main

import "fmt"

var data = []int{1, 2, 3}

var seen string

func init() {
	seen = fmt.Sprint("init sees ", data, " ", total, " ", greeting)
	data = append(data, 100)
	total += 1000
}

var total = sum(data)

var greeting = "hello " + name

var name = "gopher"

func sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func main() {
	fmt.Println(seen)
	fmt.Println(data, total, greeting)
}
