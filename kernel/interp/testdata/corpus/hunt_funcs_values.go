// Function values in maps and slices, variadic calls, higher-order helpers, recursion via variables.
package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

type Op func(a, b float64) (float64, error)

func div(a, b float64) (float64, error) {
	if b == 0 {
		return 0, fmt.Errorf("divide %g by zero", a)
	}
	return a / b, nil
}

func sumAll(label string, xs ...float64) string {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return fmt.Sprintf("%s=%g(%d)", label, t, len(xs))
}

func apply(xs []float64, fs ...func(float64) float64) []float64 {
	out := append([]float64(nil), xs...)
	for _, f := range fs {
		for i := range out {
			out[i] = f(out[i])
		}
	}
	return out
}

func main() {
	ops := map[string]Op{
		"+": func(a, b float64) (float64, error) { return a + b, nil },
		"-": func(a, b float64) (float64, error) { return a - b, nil },
		"/": div,
		"^": func(a, b float64) (float64, error) { return math.Pow(a, b), nil },
	}
	names := make([]string, 0, len(ops))
	for k := range ops {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		v, err := ops[k](6, 3)
		fmt.Println(k, v, err)
	}
	_, err := ops["/"](1, 0)
	fmt.Println(err)
	fmt.Println(sumAll("none"), sumAll("one", 1.5), sumAll("many", []float64{1, 2, 3}...))
	fmt.Println(apply([]float64{1, 4, 9}, math.Sqrt, func(x float64) float64 { return x * 10 }))
	pipeline := []func(string) string{strings.TrimSpace, strings.ToLower, func(s string) string { return strings.ReplaceAll(s, " ", "_") }}
	s := "  Hello Big World "
	for _, f := range pipeline {
		s = f(s)
	}
	fmt.Printf("%q\n", s)
	var collatz func(n, steps int) int
	collatz = func(n, steps int) int {
		if n == 1 {
			return steps
		}
		if n%2 == 0 {
			return collatz(n/2, steps+1)
		}
		return collatz(3*n+1, steps+1)
	}
	fmt.Println(collatz(27, 0), collatz(1, 0))
	var nilF func()
	fmt.Println(nilF == nil, ops["%"] == nil)
	counter := map[string]func() int{}
	for _, name := range []string{"a", "b"} {
		n := 0
		counter[name] = func() int { n++; return n }
	}
	counter["a"]()
	counter["a"]()
	fmt.Println(counter["a"](), counter["b"]())
	fmt.Println(strings.Map(func(r rune) rune { return r + 1 }, "HAL"), strings.IndexFunc("abc1", func(r rune) bool { return r >= '0' && r <= '9' }))
}
