// select with default, buffered channels, a done channel and nil channels.
package main

import "fmt"

func main() {
	ch := make(chan int, 2)
	select {
	case v := <-ch:
		fmt.Println("got", v)
	default:
		fmt.Println("empty")
	}
	ch <- 1
	ch <- 2
	select {
	case ch <- 3:
		fmt.Println("sent")
	default:
		fmt.Println("full")
	}
	a, b := make(chan string, 1), make(chan string, 1)
	a <- "from a"
	received := 0
	for received < 2 {
		select {
		case m := <-a:
			fmt.Println(m)
			a = nil
			b <- "from b"
			received++
		case m := <-b:
			fmt.Println(m)
			received++
		}
	}
	done := make(chan struct{})
	results := make(chan int)
	go func() {
		defer close(done)
		for v := range results {
			fmt.Println("result", v)
		}
	}()
	for i := range 3 {
		results <- i * 10
	}
	close(results)
	<-done
	v, ok := <-ch
	fmt.Println(v, ok, len(ch))
}
