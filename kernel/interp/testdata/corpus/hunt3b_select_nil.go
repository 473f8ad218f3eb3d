package main

import (
	"fmt"
	"sort"
)

func merge(a, b <-chan int) []int {
	var out []int
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			out = append(out, v)
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			out = append(out, v*10)
		}
	}
	sort.Ints(out)
	return out
}

func gen(xs ...int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for _, x := range xs {
			ch <- x
		}
	}()
	return ch
}

func main() {
	fmt.Println(merge(gen(1, 2, 3), gen(4, 5)))

	out := make(chan int, 2)
	var sendTo chan int
	pending := []int{7, 8, 9}
	sent := 0
	for len(pending) > 0 && sent < 5 {
		if len(out) < cap(out) {
			sendTo = out
		} else {
			sendTo = nil
		}
		select {
		case sendTo <- pending[0]:
			pending = pending[1:]
			sent++
		default:
			v := <-out
			fmt.Println("drained", v)
		}
	}
	close(out)
	for v := range out {
		fmt.Println("left", v)
	}

	quit := make(chan struct{})
	results := make(chan string, 10)
	go func() {
		for i := 0; ; i++ {
			select {
			case <-quit:
				results <- "stopped"
				close(results)
				return
			case results <- fmt.Sprint("tick", i):
				if i == 2 {
					close(quit)
				}
			}
		}
	}()
	var got []string
	for r := range results {
		got = append(got, r)
	}
	fmt.Println(len(got) >= 4, got[0], got[len(got)-1])
}
