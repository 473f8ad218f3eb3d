// Go 1.26's new(expr), and clear, min and max, with optional pointer fields.
package main

import (
	"fmt"
	"math"
)

type Options struct {
	Retries *int
	Label   *string
	Ratio   *float64
}

func describe(o Options) string {
	s := ""
	if o.Retries != nil {
		s += fmt.Sprint("retries=", *o.Retries, " ")
	}
	if o.Label != nil {
		s += "label=" + *o.Label + " "
	}
	if o.Ratio != nil {
		s += fmt.Sprintf("ratio=%.2f", *o.Ratio)
	}
	return s
}

func main() {
	base := 2
	o := Options{Retries: new(base * 3), Label: new("fast"), Ratio: new(0.25)}
	fmt.Println(describe(o))
	p := new(int)
	*p = 7
	fmt.Println(*p, *new(true), *new(1 << 4))
	m := map[string]int{"a": 1, "b": 2}
	s := []float64{1, 2, 3}
	clear(m)
	clear(s[1:])
	fmt.Println(len(m), s)
	x, y := 3.5, -1.25
	fmt.Println(min(x, y), max(x, y, 10), min(2, 7, -3), max("apple", "pear", "fig"))
	fmt.Println(min(math.Inf(1), x), max(math.Inf(-1), y), math.IsNaN(min(math.NaN(), 1)), math.IsNaN(max(1, math.NaN())))
	const c = max(1, 2.5, 2)
	var f32 float32 = c
	fmt.Println(c, f32)
	for i := range 3 {
		fmt.Print(i, " ")
	}
	fmt.Println()
}
