// Go 1.22 loop variables: goroutines and deferred closures see their own
// iteration's value.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var seen []int
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			seen = append(seen, i)
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Ints(seen)
	fmt.Println(seen)
	var funcs []func() int
	for _, v := range []int{10, 20, 30} {
		funcs = append(funcs, func() int { return v })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	m := map[string]func() string{}
	for _, k := range []string{"a", "b"} {
		m[k] = func() string { return k + k }
	}
	fmt.Println(m["a"](), m["b"]())
	func() {
		for i := range 3 {
			defer func() { fmt.Print("d", i, " ") }()
		}
	}()
	fmt.Println()
}
