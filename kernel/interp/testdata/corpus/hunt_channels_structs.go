// Channels carrying structs and slices, worker pools gathering results in order, select with default.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Job struct {
	ID   int
	Text string
}

type Result struct {
	Job   Job
	Words int
	Upper string
}

func worker(jobs <-chan Job, results chan<- Result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- Result{Job: j, Words: len(strings.Fields(j.Text)), Upper: strings.ToUpper(j.Text)}
	}
}

func main() {
	texts := []string{"the cat sat", "on the mat", "a b c d", "single", "two words"}
	jobs := make(chan Job)
	results := make(chan Result, len(texts))
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go worker(jobs, results, &wg)
	}
	for i, t := range texts {
		jobs <- Job{ID: i, Text: t}
	}
	close(jobs)
	wg.Wait()
	close(results)
	var all []Result
	for r := range results {
		all = append(all, r)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Job.ID < all[j].Job.ID })
	total := 0
	for _, r := range all {
		total += r.Words
		fmt.Printf("%d %-12q %d %s\n", r.Job.ID, r.Job.Text, r.Words, r.Upper)
	}
	fmt.Println("total", total)
	ch := make(chan Job, 1)
	j := Job{1, "orig"}
	ch <- j
	j.Text = "changed"
	got := <-ch
	fmt.Println(got.Text, j.Text)
	sl := make(chan []int, 1)
	data := []int{1, 2}
	sl <- data
	data[0] = 100
	fmt.Println(<-sl)
	select {
	case v := <-ch:
		fmt.Println("unexpected", v)
	default:
		fmt.Println("empty")
	}
	buf := make(chan int, 2)
	sent := 0
	for i := 0; i < 5; i++ {
		select {
		case buf <- i:
			sent++
		default:
		}
	}
	fmt.Println(sent, len(buf), cap(buf))
	done := make(chan bool)
	var mu sync.Mutex
	seen := map[int]bool{}
	for i := 0; i < 4; i++ {
		go func() {
			mu.Lock()
			seen[i*i] = true
			mu.Unlock()
			done <- true
		}()
	}
	for i := 0; i < 4; i++ {
		<-done
	}
	keys := []int{}
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	fmt.Println(keys)
}
