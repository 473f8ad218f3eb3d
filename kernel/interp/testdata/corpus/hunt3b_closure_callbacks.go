package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Btn struct{ onClick func() }

func main() {
	xs := []int{5, 2, 8, 1}
	comparisons := 0
	sort.Slice(xs, func(i, j int) bool { comparisons++; return xs[i] < xs[j] })
	fmt.Println(xs, comparisons > 0)

	seen := []string{}
	strings.Map(func(r rune) rune { seen = append(seen, string(r)); return r }, "abc")
	fmt.Println(seen)

	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := range 4 {
		wg.Go(func() {
			mu.Lock()
			total += i
			mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Println(total)

	clicks := 0
	label := "before"
	b := Btn{onClick: func() { clicks++; label = "clicked" }}
	label = "changed"
	b.onClick()
	b.onClick()
	fmt.Println(clicks, label)

	handlers := map[string]func(){}
	state := 1
	for _, name := range []string{"inc", "dbl"} {
		switch name {
		case "inc":
			handlers[name] = func() { state++ }
		case "dbl":
			handlers[name] = func() { state *= 2 }
		}
	}
	state = 10
	handlers["inc"]()
	handlers["dbl"]()
	fmt.Println(state)

	words := strings.FieldsFunc("a,b;;c", func(r rune) bool { return r == ',' || r == ';' })
	n := 0
	idx := strings.IndexFunc("hello world", func(r rune) bool { n++; return r == ' ' })
	fmt.Println(words, idx, n)
}
