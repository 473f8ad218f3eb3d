package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type Result[T any] struct {
	Val T
	Err error
}

func Try[T any](f func() T) (res Result[T]) {
	defer func() {
		if r := recover(); r != nil {
			res.Err = fmt.Errorf("panic: %v", r)
		}
	}()
	res.Val = f()
	return
}

func (r Result[T]) OrElse(def T) T {
	if r.Err != nil {
		return def
	}
	return r.Val
}

type Cache[T any] struct {
	data  map[string]T
	calls int
}

func NewCache[T any]() *Cache[T] { return &Cache[T]{data: map[string]T{}} }

func (c *Cache[T]) Get(key string, load func(string) (T, error)) (v T, err error) {
	c.calls++
	if v, ok := c.data[key]; ok {
		return v, nil
	}
	defer func() {
		if err == nil {
			c.data[key] = v
		}
	}()
	return load(key)
}

func Memo[T comparable, R any](f func(T) R) (func(T) R, func() int) {
	seen := map[T]R{}
	misses := 0
	return func(x T) R {
			if r, ok := seen[x]; ok {
				return r
			}
			misses++
			r := f(x)
			seen[x] = r
			return r
		}, func() int {
			return misses
		}
}

func Keys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func main() {
	r1 := Try(func() int { return 42 })
	r2 := Try(func() int {
		var xs []int
		return xs[3]
	})
	fmt.Println(r1.OrElse(-1), r2.OrElse(-1), r2.Err != nil)
	r3 := Try(func() string { return strings.Repeat("ab", 2) })
	fmt.Println(r3.Val, r3.Err)

	c := NewCache[int]()
	load := func(k string) (int, error) {
		if k == "" {
			return 0, errors.New("empty key")
		}
		return len(k) * 10, nil
	}
	for _, k := range []string{"abc", "", "abc", "de"} {
		v, err := c.Get(k, load)
		fmt.Print(v, " ", err, "; ")
	}
	fmt.Println(c.calls, Keys(c.data))

	var fib func(int) int
	memoFib, misses := Memo(func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	})
	fib = memoFib
	fmt.Println(fib(40), misses())
	upper, _ := Memo(strings.ToUpper)
	fmt.Println(upper("go"), upper("go"))
}
