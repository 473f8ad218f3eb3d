package main

import (
	"fmt"
	"strings"
)

type Acc struct{ vals []int }

func (a *Acc) Add(v int) *Acc { a.vals = append(a.vals, v); return a }
func (a Acc) Sum() (s int) {
	defer func() { s += len(a.vals) * 0 }()
	for _, v := range a.vals {
		s += v
	}
	return
}

type ErrNeg struct{ V int }

func (e *ErrNeg) Error() string { return fmt.Sprintf("negative: %d", e.V) }

func check(v int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = e
				return
			}
			panic(r)
		}
	}()
	if v < 0 {
		panic(&ErrNeg{v})
	}
	return nil
}

func deferArgs() (log string) {
	var b strings.Builder
	defer func() { log = b.String() }()
	for i := 0; i < 3; i++ {
		defer fmt.Fprintf(&b, "[%d]", i)
	}
	x := 5
	defer func(v int) { fmt.Fprintf(&b, "v=%d x=%d ", v, x) }(x)
	x = 6
	return "ignored"
}

func makeGen() (next func() int, reset func()) {
	n := 0
	next = func() int { n++; return n }
	reset = func() { n = 0 }
	return
}

func counterPair() (int, int) {
	a, b := 0, 0
	inc := func(p *int) func() { return func() { *p++ } }
	ia, ib := inc(&a), inc(&b)
	ia()
	ia()
	ib()
	return a, b
}

func main() {
	acc := &Acc{}
	acc.Add(1).Add(2).Add(3)
	sum := acc.Sum
	acc.Add(100)
	fmt.Println(sum(), acc.Sum())

	add := acc.Add
	acc = &Acc{}
	add(7)
	fmt.Println(len(acc.vals))

	fmt.Println(check(3), check(-2))
	func() {
		defer func() { fmt.Println("caught:", recover()) }()
		_ = check2()
	}()

	fmt.Println(deferArgs())

	next, reset := makeGen()
	next()
	next()
	fmt.Print(next(), " ")
	reset()
	fmt.Println(next())

	fmt.Println(counterPair())

	var ptrs []*int
	for i := range 3 {
		ptrs = append(ptrs, &i)
	}
	fmt.Println(*ptrs[0], *ptrs[1], *ptrs[2])
}

func check2() error {
	defer func() {
		if r := recover(); r != nil {
			panic(fmt.Sprint("again: ", r))
		}
	}()
	var m map[string]int
	m["x"] = 1
	return nil
}
