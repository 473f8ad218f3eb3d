// Goroutines summing under a mutex, and a pipeline of channels.
package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func (a *Account) Deposit(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += n
}

func gen(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		for _, n := range nums {
			out <- n
		}
		close(out)
	}()
	return out
}

func sq(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for n := range in {
			out <- n * n
		}
		close(out)
	}()
	return out
}

func main() {
	var acct Account
	var wg sync.WaitGroup
	for i := 1; i <= 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			acct.Deposit(i)
		}()
	}
	wg.Wait()
	fmt.Println("balance", acct.balance)
	total := 0
	for v := range sq(sq(gen(1, 2, 3))) {
		total += v
	}
	fmt.Println("pipeline", total)
}
