package main

import "fmt"

func drain() {
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	ch <- 3
	n := 0
	for n < 3 {
		select {
		case v := <-ch:
			n++
			if v == 2 {
				break
			}
			fmt.Println("got", v)
		}
	}
	fmt.Println("done", n)
}

func defaults() {
	for i := 0; i < 3; i++ {
		select {
		default:
			if i == 1 {
				break
			}
			fmt.Print("d", i, " ")
		}
	}
	fmt.Println()
}

func inner() {
	ch := make(chan int, 4)
	for i := 1; i <= 4; i++ {
		ch <- i
	}
	got := 0
	for got < 4 {
		select {
		case v := <-ch:
			got++
			for j := 0; j < 3; j++ {
				if j == v%3 {
					break // leaves the inner for
				}
				fmt.Print("j", j, " ")
			}
			switch {
			case v == 3:
				if got > 0 {
					break // leaves the switch
				}
				fmt.Print("never ")
			}
			{
				if v == 4 {
					break // leaves the select
				}
			}
			fmt.Println("v", v)
		}
	}
	fmt.Println("inner done", got)
}

func labelled() {
	ch := make(chan string, 2)
	ch <- "a"
	ch <- "b"
	count := 0
L:
	select {
	case s := <-ch:
		count++
		if s == "a" {
			for {
				break
			}
			if count > 0 {
				break
			}
		}
		fmt.Println("not reached", s)
	}
	if count == 1 {
		goto L
	}
	fmt.Println("labelled", count)
}

func nested() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	a <- 1
	b <- 2
	for i := 0; i < 2; i++ {
		select {
		case v := <-a:
			select {
			case w := <-b:
				if w == 2 {
					break
				}
				fmt.Println("never w")
			}
			if v == 1 {
				fmt.Println("after inner select", i)
				break
			}
			fmt.Println("never v")
		default:
			func() {
				for k := 0; k < 2; k++ {
					if k == 1 {
						break
					}
					fmt.Println("closure k", k)
				}
			}()
			fmt.Println("default", i)
		}
	}
}

func main() {
	drain()
	defaults()
	inner()
	labelled()
	nested()
	ch := make(chan int, 2)
	ch <- 5
	ch <- 6
	total := 0
	for i := 0; i < 2; i++ {
		select {
		case v := <-ch:
			if v == 5 {
				total += 100
				break
			}
			total += v
		}
		total++
	}
	fmt.Println("total", total)
}
