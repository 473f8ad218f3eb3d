// Runtime panics, recovered and printed: index, nil map, division, assertion,
// nil pointer, conversion, closed channel.
package main

import "fmt"

type node struct{ next *node }

func try(name string, f func()) {
	defer func() {
		r := recover()
		err, isErr := r.(error)
		fmt.Println(name+":", r, isErr, err != nil)
	}()
	f()
}

func main() {
	xs := []int{1, 2, 3}
	i := 5
	try("index", func() { _ = xs[i] })
	try("slice", func() { _ = xs[2:i] })
	var m map[string]int
	try("nil map", func() { m["a"] = 1 })
	zero := 0
	try("divide", func() { fmt.Println(10 / zero) })
	var v any = "text"
	try("assert", func() { fmt.Println(v.(int)) })
	var n *node
	try("nil pointer", func() { fmt.Println(n.next) })
	ch := make(chan int)
	close(ch)
	try("closed channel", func() { ch <- 1 })
	try("custom", func() { panic(fmt.Sprintf("bad value %d", 7)) })
}
