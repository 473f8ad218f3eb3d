// Package-level variables initialised by functions declared after them, and
// functions using variables and constants declared after them.
package main

import (
	"fmt"
	"strings"
)

var trace []string

var total = sum(3)

func sum(n int) int {
	trace = append(trace, "sum")
	return n * scale
}

var table = build(4)

func build(n int) []int {
	trace = append(trace, "build")
	t := make([]int, n)
	for i := range t {
		t[i] = i * i
	}
	return t
}

func unitName() string { return strings.ToUpper(unit) }

const unit = "kg"

var scale = 2

var label = describe()

func describe() string { return fmt.Sprint(total, unitName(), len(table)) }

func init() { trace = append(trace, "init sees total="+fmt.Sprint(total)+" label="+label) }

func main() {
	fmt.Println(trace)
	fmt.Println(total, table, label, unitName(), scale)
}
