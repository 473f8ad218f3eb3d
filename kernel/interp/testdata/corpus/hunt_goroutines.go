// Goroutines with WaitGroup, results by index, pipelines over channels, mutex-protected maps.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for v := range in {
			out <- v * v
		}
	}()
	return out
}

func main() {
	data := []int{3, 1, 4, 1, 5, 9, 2, 6}
	results := make([]int, len(data))
	var wg sync.WaitGroup
	for i, v := range data {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = v * 10
		}()
	}
	wg.Wait()
	fmt.Println(results)
	in := make(chan int)
	go func() {
		for _, v := range data {
			in <- v
		}
		close(in)
	}()
	var got []int
	for v := range square(in) {
		got = append(got, v)
	}
	fmt.Println(got)
	var mu sync.Mutex
	counts := map[int]int{}
	var wg2 sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg2.Add(1)
		go func(id int) {
			defer wg2.Done()
			for _, v := range data {
				mu.Lock()
				counts[v%3] += id
				mu.Unlock()
			}
		}(w)
	}
	wg2.Wait()
	keys := []int{}
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	for _, k := range keys {
		fmt.Println(k, counts[k])
	}
	partial := make(chan int, 4)
	chunk := len(data) / 4
	for c := 0; c < 4; c++ {
		go func(part []int) {
			s := 0
			for _, v := range part {
				s += v
			}
			partial <- s
		}(data[c*chunk : (c+1)*chunk])
	}
	total := 0
	for range 4 {
		total += <-partial
	}
	fmt.Println(total)
	done := make(chan struct{})
	var order []int
	go func() {
		for i := range 3 {
			order = append(order, i)
		}
		close(done)
	}()
	<-done
	fmt.Println(order)
	var once sync.Once
	for range 3 {
		once.Do(func() { fmt.Println("once") })
	}
}
