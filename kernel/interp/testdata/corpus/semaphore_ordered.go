// Bounded concurrency with a semaphore channel; results kept in input order.
package main

import (
	"fmt"
	"strings"
	"sync"
)

func main() {
	inputs := []string{"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"}
	results := make([]string, len(inputs))
	sem := make(chan struct{}, 3)
	var wg sync.WaitGroup
	var mu sync.Mutex
	active, peak := 0, 0
	for i, in := range inputs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			mu.Lock()
			active++
			peak = max(peak, active)
			mu.Unlock()
			results[i] = strings.ToUpper(in[:1]) + in[1:]
			mu.Lock()
			active--
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(strings.Join(results, ","), peak <= 3)
}
