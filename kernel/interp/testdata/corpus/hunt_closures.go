// Closures: counters, generators, closures over struct fields and loop variables, memoization.
package main

import (
	"fmt"
	"strings"
)

type Config struct {
	Prefix string
	Count  int
}

func counter() (func() int, func()) {
	n := 0
	return func() int { n++; return n }, func() { n = 0 }
}

func fib() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

func makeAdders() []func(int) int {
	var fs []func(int) int
	for i := 0; i < 3; i++ {
		fs = append(fs, func(x int) int { return x + i })
	}
	return fs
}

func main() {
	next, reset := counter()
	next()
	next()
	fmt.Println(next())
	reset()
	fmt.Println(next())
	f := fib()
	var seq []int
	for range 10 {
		seq = append(seq, f())
	}
	fmt.Println(seq)
	for _, add := range makeAdders() {
		fmt.Print(add(10), " ")
	}
	fmt.Println()
	cfg := Config{Prefix: ">"}
	say := func(s string) string {
		cfg.Count++
		return cfg.Prefix + s
	}
	fmt.Println(say("a"), say("b"), cfg.Count)
	cfg.Prefix = "#"
	fmt.Println(say("c"), cfg.Count)
	cp := cfg
	get := func() int { return cp.Count }
	cp.Count = 100
	fmt.Println(get(), cfg.Count)
	pc := &cfg
	bump := func() { pc.Count *= 2 }
	bump()
	fmt.Println(cfg.Count)
	memo := map[int]int{}
	var fact func(int) int
	fact = func(n int) int {
		if n <= 1 {
			return 1
		}
		if v, ok := memo[n]; ok {
			return v
		}
		memo[n] = n * fact(n-1)
		return memo[n]
	}
	fmt.Println(fact(10), len(memo))
	var ptrs []*int
	for i := range 3 {
		ptrs = append(ptrs, &i)
	}
	for _, p := range ptrs {
		fmt.Print(*p, " ")
	}
	fmt.Println()
	var b strings.Builder
	write := func(parts ...string) {
		for _, p := range parts {
			b.WriteString(p)
		}
	}
	write("x", "y")
	write()
	write([]string{"z", "!"}...)
	fmt.Println(b.String(), b.Len())
	acc := 0
	compose := func(fs ...func(int) int) func(int) int {
		return func(x int) int {
			for _, g := range fs {
				x = g(x)
			}
			acc += x
			return x
		}
	}
	h := compose(func(x int) int { return x * 2 }, func(x int) int { return x + 3 })
	fmt.Println(h(1), h(5), acc)
	arr := [3]int{1, 2, 3}
	sumArr := func() int { return arr[0] + arr[1] + arr[2] }
	arr[0] = 10
	fmt.Println(sumArr())
}
