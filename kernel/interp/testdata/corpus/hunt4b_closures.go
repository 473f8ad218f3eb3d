package main

import (
	"fmt"
	"sort"
	"strings"
)

type Account struct {
	Name    string
	Balance int
	hist    [3]int
}

func (a Account) Describe() string { return fmt.Sprintf("%s:%d", a.Name, a.Balance) }
func (a *Account) Deposit(n int)   { a.Balance += n; a.hist[n%3]++ }

func counter(start, step int) (func() int, func()) {
	n := start
	return func() int { n += step; return n }, func() { n = start }
}

func gen(words ...string) func() (string, bool) {
	i := 0
	return func() (string, bool) {
		if i >= len(words) {
			return "", false
		}
		i++
		return words[i-1], true
	}
}

func main() {
	next, reset := counter(10, 5)
	fmt.Println(next(), next(), next())
	reset()
	fmt.Println(next())
	g := gen("a", "b", "c")
	for w, ok := g(); ok; w, ok = g() {
		fmt.Print(w, " ")
	}
	fmt.Println()

	acc := Account{Name: "ann"}
	inc := func(n int) { acc.Balance += n }
	elt := func() *int { return &acc.hist[1] }
	inc(5)
	*elt() += 7
	acc.Deposit(4)
	fmt.Println(acc.Balance, acc.hist)
	arr := [3]int{1, 2, 3}
	get := func() int { return arr[2] }
	arr[2] = 30
	arr2 := arr
	arr2[2] = 300
	fmt.Println(get(), arr2[2])

	var fib func(int) int
	memo := map[int]int{}
	calls := 0
	fib = func(n int) int {
		calls++
		if n < 2 {
			return n
		}
		if v, ok := memo[n]; ok {
			return v
		}
		v := fib(n-1) + fib(n-2)
		memo[n] = v
		return v
	}
	fmt.Println(fib(80), calls, len(memo))

	ops := map[string]func(float64, float64) float64{
		"+": func(a, b float64) float64 { return a + b },
		"-": func(a, b float64) float64 { return a - b },
		"*": func(a, b float64) float64 { return a * b },
		"/": func(a, b float64) float64 { return a / b },
	}
	keys := make([]string, 0)
	for k := range ops {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Print(k, "=", ops[k](7, 2), " ")
	}
	fmt.Println()
	pipeline := []func(string) string{strings.TrimSpace, strings.ToUpper, func(s string) string { return s + "!" }}
	s := "  hi there "
	for _, f := range pipeline {
		s = f(s)
	}
	fmt.Printf("%q\n", s)

	desc := Account.Describe
	dep := (*Account).Deposit
	pdesc := (*Account).Describe
	b := Account{Name: "bob", Balance: 1}
	dep(&b, 2)
	dep(&b, 3)
	fmt.Println(desc(b), pdesc(&b), b.hist)
	bound := b.Describe
	b.Balance = 100
	boundP := b.Deposit
	boundP(1)
	fmt.Println(bound(), b.Describe())
	fs := []func(Account) string{Account.Describe, func(a Account) string { return strings.ToUpper(a.Name) }}
	for _, f := range fs {
		fmt.Print(f(b), " ")
	}
	fmt.Println()
	var adders []func() int
	for i := range 3 {
		adders = append(adders, func() int { return i * 10 })
	}
	for _, a := range adders {
		fmt.Print(a(), " ")
	}
	fmt.Println()
}
