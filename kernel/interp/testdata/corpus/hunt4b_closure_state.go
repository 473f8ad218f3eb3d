package main

import (
	"errors"
	"fmt"
	"strings"
)

type T struct{ x int }

func (t T) Val() int       { return t.x }
func (t *T) Ptr() int      { return t.x }
func (t T) String() string { return fmt.Sprint("T", t.x) }

type Op func(int) int

func (o Op) Twice() Op { return func(x int) int { return o(o(x)) } }

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
			q = -1
		}
	}()
	q = a / b
	return
}

func counterWithReset() (inc func() int, get func() int) {
	n := 0
	inc = func() int { n++; return n }
	get = func() int { return n }
	return
}

func main() {
	p := &T{1}
	v := p.Val
	pp := p.Ptr
	var s fmt.Stringer = *p
	str := s.String
	p.x = 2
	fmt.Println(v(), pp(), str(), s)
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(7, 0))
	inc, get := counterWithReset()
	inc()
	inc()
	fmt.Println(get())
	add3 := Op(func(x int) int { return x + 3 })
	fmt.Println(add3.Twice()(1), add3.Twice().Twice()(0), add3(10))
	var errs []error
	check := func(cond bool, msg string) {
		if !cond {
			errs = append(errs, errors.New(msg))
		}
	}
	check(1 > 2, "one")
	check(true, "two")
	check(len("ab") == 3, "three")
	fmt.Println(errors.Join(errs...), len(errs))
	memo := map[string][]string{}
	var split func(string) []string
	split = func(s string) []string {
		if r, ok := memo[s]; ok {
			return r
		}
		if len(s) <= 1 {
			return []string{s}
		}
		h := len(s) / 2
		r := append(split(s[:h]), split(s[h:])...)
		memo[s] = r
		return r
	}
	fmt.Println(split("abcde"), len(memo))
	var handlers = map[string]func(...string) string{
		"join":  func(a ...string) string { return strings.Join(a, "-") },
		"count": func(a ...string) string { return fmt.Sprint(len(a)) },
	}
	fmt.Println(handlers["join"]("a", "b"), handlers["count"](), handlers["count"]([]string{"x"}...))
	acc := 0
	apply := func(fs ...func()) {
		for _, f := range fs {
			f()
		}
	}
	apply(func() { acc += 1 }, func() { acc *= 10 }, func() { acc -= 3 })
	fmt.Println(acc)
	type state struct{ vals [3]int }
	st := state{}
	setters := make([]func(), 0)
	for i := range st.vals {
		setters = append(setters, func() { st.vals[i] = i * i })
	}
	for _, f := range setters {
		f()
	}
	fmt.Println(st.vals)
}
