// Parallel assignments whose values call builtins that the session rewrites
// into generic helpers (min, max, new(expr)) or generic functions: every
// variable gets its value, in functions and at the top level.
package main

import "fmt"

func pick[T any](x T) T { return x }

func pair[T any](x, y T) (T, T) { return x, y }

func inFunc() {
	p, q := 0.0, 0.0
	p, q = max(p, 1.5), max(q, 2.5)
	fmt.Println(p, q)
	t, u := 0.0, 0.0
	t, u = max(u, 1.5), max(t, 2.5)
	fmt.Println(t, u)
	a, b := 3, 7
	a, b = min(b, 1), a
	fmt.Println(a, b)
	v, w := 1, 2
	v, w = max(v, 0)+0, max(w, 0)
	fmt.Println(v, w)
	c, d := min(a, b, 5), new(int)
	fmt.Println(c, *d)
	e, f := pick(4), pick("x")
	fmt.Println(e, f)
	var g, h = max(e, 9), pick(2.5)
	fmt.Println(g, h)
}

func main() {
	inFunc()
	p, q := 0.0, 0.0
	p, q = max(p, 1.5), max(q, 2.5)
	fmt.Println(p, q)
	a, b := 3, 7
	a, b = max(b, 1), a
	fmt.Println(a, b)
	s, n := pick("s"), min(a, b)
	fmt.Println(s, n)
	x, y := pair(1, 2)
	x, y = pick(y), max(x, 0)
	fmt.Println(x, y)
}
