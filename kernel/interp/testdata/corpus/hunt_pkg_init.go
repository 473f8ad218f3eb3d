// Package-level variables initialised by function calls, init functions run in order, package-level state.
package main

import (
	"fmt"
	"strings"
)

var order []string

func sum(xs []int) int {
	order = append(order, "sum")
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

var weights = []int{3, 4, 5}

var total = sum(weights)

var prefix = "w"

var label = strings.ToUpper(prefix) + "-" + fmt.Sprint(total)

var counter int

func buildLookup() map[string]int {
	order = append(order, "lookup")
	m := map[string]int{}
	for i, w := range weights {
		m[fmt.Sprint("k", i)] = w * total
	}
	return m
}

var lookup = buildLookup()

func init() {
	counter += 10
	order = append(order, "init1")
}

func init() {
	counter *= 2
	order = append(order, "init2")
}

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

var sizes = [...]int{KB, MB, GB}

func next() int {
	counter++
	return counter
}

func main() {
	fmt.Println(total, label, counter)
	fmt.Println(lookup["k0"], lookup["k2"], len(lookup))
	fmt.Println(order)
	fmt.Println(next(), next(), counter)
	fmt.Println(sizes, len(sizes))
	weights[0] = 100
	fmt.Println(sum(weights), total)
}
