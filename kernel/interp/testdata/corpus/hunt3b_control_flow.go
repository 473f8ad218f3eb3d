package main

import (
	"fmt"
	"sort"
	"sync"
)

func grade(score int) string {
	switch s := score / 10; {
	case s >= 9:
		return "A"
	case s == 8:
		return "B"
	case s >= 6:
		return "C"
	default:
		return "F"
	}
}

func level(n int) []string {
	var out []string
	switch {
	case n > 100:
		out = append(out, "huge")
		fallthrough
	case n > 10:
		out = append(out, "big")
		fallthrough
	case n > 0:
		out = append(out, "positive")
	case n == 0:
		out = append(out, "zero")
	default:
		out = append(out, "negative")
	}
	return out
}

func findPair(grid [][]int, target int) (int, int) {
	ri, ci := -1, -1
outer:
	for i, row := range grid {
		for j, v := range row {
			switch {
			case v < 0:
				continue outer
			case v == target:
				ri, ci = i, j
				break outer
			}
		}
	}
	return ri, ci
}

func main() {
	for _, s := range []int{95, 85, 61, 12} {
		fmt.Print(grade(s), " ")
	}
	fmt.Println()
	for _, n := range []int{500, 50, 5, 0, -5} {
		fmt.Println(n, level(n))
	}
	grid := [][]int{{1, -1, 7}, {3, 7, 9}, {7, 0, 0}}
	fmt.Println(findPair(grid, 7))
	fmt.Println(findPair(grid, 42))

	ch := make(chan int, 10)
	done := make(chan struct{})
	results := []int{}
	go func() {
		defer close(done)
	recv:
		for {
			select {
			case v, ok := <-ch:
				if !ok {
					break recv
				}
				if v%3 == 0 {
					continue recv
				}
				results = append(results, v)
			}
		}
	}()
	for i := 1; i <= 9; i++ {
		ch <- i
	}
	close(ch)
	<-done
	fmt.Println(results)

	var wg sync.WaitGroup
	var mu sync.Mutex
	squares := map[int]int{}
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			squares[i] = i * i
			mu.Unlock()
		}()
	}
	wg.Wait()
	ks := []int{}
	for k := range squares {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	sum := 0
	for _, k := range ks {
		sum += squares[k]
	}
	fmt.Println(len(ks), sum)

}
