package main

import (
	"fmt"
	"sort"
)

type Pipe chan int

func (p Pipe) SendAll(xs ...int) {
	for _, x := range xs {
		p <- x
	}
	close(p)
}

func (p Pipe) Sum() (t int) {
	for v := range p {
		t += v
	}
	return
}

type Event struct {
	Kind string
	N    int
}

func try(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	f()
	return "ok"
}

func producer(n int) <-chan Event {
	out := make(chan Event, n)
	go func() {
		defer close(out)
		for i := range n {
			out <- Event{[]string{"a", "b"}[i%2], i}
		}
	}()
	return out
}

func main() {
	p := make(Pipe, 3)
	go p.SendAll(1, 2, 3, 4)
	fmt.Println(p.Sum(), cap(p), len(p))
	var ro <-chan int = p
	_, ok := <-ro
	fmt.Println(ok)
	c := make(chan int)
	close(c)
	fmt.Println(try(func() { close(c) }))
	fmt.Println(try(func() { c <- 1 }))
	var nilc chan int
	fmt.Println(try(func() { close(nilc) }))
	select {
	case v := <-nilc:
		fmt.Println("got", v)
	default:
		fmt.Println("nil chan not ready")
	}
	counts := map[string][]int{}
	for ev := range producer(7) {
		counts[ev.Kind] = append(counts[ev.Kind], ev.N)
	}
	ks := make([]string, 0)
	for k := range counts {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		fmt.Println(k, counts[k])
	}
	results := make(chan Event, 2)
	results <- Event{"x", 1}
	results <- Event{"y", 2}
	close(results)
	e1 := <-results
	e2, ok2 := <-results
	e3, ok3 := <-results
	fmt.Println(e1, e2, ok2, e3, ok3)
	done := make(chan struct{})
	data := make(chan int)
	go func() {
		defer close(done)
		for v := range data {
			fmt.Print(v*v, " ")
		}
		fmt.Println()
	}()
	for i := 1; i <= 4; i++ {
		data <- i
	}
	close(data)
	<-done
	timeout := make(chan bool, 1)
	timeout <- true
	for i := 0; i < 2; i++ {
		select {
		case <-timeout:
			fmt.Println("timeout fired")
		default:
			fmt.Println("idle")
		}
	}
}
