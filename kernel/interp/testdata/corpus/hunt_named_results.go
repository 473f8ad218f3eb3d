// Named results modified by deferred functions, defer argument evaluation, recover.
package main

import (
	"errors"
	"fmt"
)

func double() (n int) {
	defer func() { n *= 2 }()
	n = 5
	return n + 1
}

func tally() (count int, names []string) {
	defer func() {
		count = len(names)
		names = append(names, "end")
	}()
	names = []string{"a", "b"}
	names = append(names, "c")
	return 0, names
}

func trace(msg string, x int) int {
	fmt.Println("trace", msg, x)
	return x
}

func deferArgs() (r int) {
	x := 1
	defer trace("deferred", x)
	defer func() { r += x }()
	x = 10
	return x
}

func safe(f func() int) (v int, err error) {
	defer func() {
		if rec := recover(); rec != nil {
			err = fmt.Errorf("caught: %v", rec)
			v = -1
		}
	}()
	return f(), nil
}

type result struct{ A, B int }

func structResult() (r result) {
	defer func() { r.B = r.A * 10 }()
	r.A = 3
	return
}

func loopDefers() (out []int) {
	for i := range 3 {
		defer func() { out = append(out, i) }()
	}
	return []int{100}
}

func errResult(fail bool) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("wrapped: %w", err)
		}
	}()
	if fail {
		return errors.New("boom")
	}
	return nil
}

func main() {
	fmt.Println(double())
	c, n := tally()
	fmt.Println(c, n)
	fmt.Println(deferArgs())
	fmt.Println(safe(func() int { return 4 }))
	fmt.Println(safe(func() int { var m map[string]int; m["a"] = 1; return 0 }))
	fmt.Println(safe(func() int { s := []int{}; return s[3] }))
	fmt.Println(structResult())
	fmt.Println(loopDefers())
	fmt.Println(errResult(true), errResult(false))
}
