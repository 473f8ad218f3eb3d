// Method values and method expressions, on values and pointers.
package main

import (
	"fmt"
	"strings"
)

type Counter struct{ n int }

func (c *Counter) Inc()         { c.n++ }
func (c Counter) Value() int    { return c.n }
func (c Counter) Add(k int) int { return c.n + k }

type Greeter string

func (g Greeter) Greet(name string) string { return string(g) + ", " + name }

func apply(fs []func(), times int) {
	for range times {
		for _, f := range fs {
			f()
		}
	}
}

func main() {
	var c Counter
	inc := c.Inc
	apply([]func(){inc, inc}, 3)
	fmt.Println(c.Value())
	value := c.Value
	c.Inc()
	fmt.Println(value(), c.Value())
	add := Counter.Add
	fmt.Println(add(c, 10))
	incExpr := (*Counter).Inc
	incExpr(&c)
	fmt.Println(c.n)
	hi := Greeter("Hello").Greet
	fmt.Println(hi("Ann"), strings.ToUpper(Greeter("hey").Greet("bo")))
	fns := map[string]func(string) string{"upper": strings.ToUpper, "greet": Greeter("Hi").Greet}
	fmt.Println(fns["upper"]("x"), fns["greet"]("y"))
}
