// Method expressions (T.M, (*T).M), method values bound to copies or
// pointers, and functions stored in maps and struct fields.
package main

import (
	"fmt"
	"strings"
)

type Counter struct {
	name string
	n    int
}

func (c Counter) Get() int              { return c.n }
func (c *Counter) Add(d int)            { c.n += d }
func (c Counter) Label(p string) string { return p + c.name }

type Op func(int, int) int

type Calc struct {
	ops   map[string]Op
	trace []string
}

func (c *Calc) Do(name string, a, b int) int {
	r := c.ops[name](a, b)
	c.trace = append(c.trace, fmt.Sprintf("%s(%d,%d)=%d", name, a, b, r))
	return r
}

type Temp float64

func (t Temp) F() float64 { return float64(t)*9/5 + 32 }

func apply(fs []func() int) []int {
	var out []int
	for _, f := range fs {
		out = append(out, f())
	}
	return out
}

func main() {
	get := Counter.Get
	add := (*Counter).Add
	label := Counter.Label
	c := Counter{name: "c", n: 1}
	add(&c, 5)
	fmt.Println(get(c), label(c, "name="))

	// A method value binds a copy of a value receiver now.
	g := c.Get
	a := c.Add
	a(10)
	fmt.Println(g(), c.Get(), c.n)

	// (*T).Get is also a method expression, taking a pointer.
	pget := (*Counter).Get
	fmt.Println(pget(&c))

	cs := []Counter{{"x", 1}, {"y", 2}, {"z", 3}}
	var getters []func() int
	var adders []func(int)
	for i := range cs {
		getters = append(getters, cs[i].Get)
		adders = append(adders, cs[i].Add)
	}
	for _, ad := range adders {
		ad(100)
	}
	fmt.Println(apply(getters), cs[0].n, cs[1].n, cs[2].n)

	calc := &Calc{ops: map[string]Op{
		"add": func(a, b int) int { return a + b },
		"mul": func(a, b int) int { return a * b },
		"pow": func(a, b int) int {
			r := 1
			for range b {
				r *= a
			}
			return r
		},
	}}
	do := calc.Do
	fmt.Println(do("add", 2, 3), do("mul", 4, 5), do("pow", 2, 10))
	fmt.Println(strings.Join(calc.trace, "; "))

	conv := Temp.F
	temps := []Temp{-40, 0, 37, 100}
	for _, t := range temps {
		fmt.Printf("%.1f ", conv(t))
	}
	fmt.Println()
	fs := map[string]func(Temp) float64{"F": Temp.F, "K": func(t Temp) float64 { return float64(t) + 273.15 }}
	fmt.Printf("%.2f %.2f\n", fs["F"](25), fs["K"](25))

	up := strings.ToUpper
	trim := strings.TrimSpace
	pipeline := []func(string) string{trim, up, func(s string) string { return s + "!" }}
	s := "  hello  "
	for _, f := range pipeline {
		s = f(s)
	}
	fmt.Printf("%q\n", s)

	type pair struct {
		name string
		f    func(*Counter, int)
	}
	ps := []pair{{"add", (*Counter).Add}}
	k := Counter{"k", 0}
	ps[0].f(&k, 42)
	fmt.Println(k.n, k.Label("it is "))
}
