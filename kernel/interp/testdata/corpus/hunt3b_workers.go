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
	JobID int
	Words int
	Err   error
}

func worker(id int, jobs <-chan Job, results chan<- Result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		if j.Text == "" {
			results <- Result{JobID: j.ID, Err: fmt.Errorf("job %d: empty", j.ID)}
			continue
		}
		results <- Result{JobID: j.ID, Words: len(strings.Fields(j.Text))}
	}
}

type SafeCounter struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *SafeCounter) Inc(k string, n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] += n
}

func main() {
	texts := []string{"a b c", "", "hello world", "one", "x y z w", ""}
	jobs := make(chan Job)
	results := make(chan Result, len(texts))
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	go func() {
		for i, t := range texts {
			jobs <- Job{ID: i, Text: t}
		}
		close(jobs)
	}()
	wg.Wait()
	close(results)
	var all []Result
	for r := range results {
		all = append(all, r)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].JobID < all[j].JobID })
	total, failed := 0, 0
	for _, r := range all {
		if r.Err != nil {
			failed++
			fmt.Println("error:", r.Err)
			continue
		}
		total += r.Words
	}
	fmt.Println(len(all), total, failed)

	sc := SafeCounter{m: map[string]int{}}
	var wg2 sync.WaitGroup
	for i := range 20 {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			sc.Inc([]string{"even", "odd"}[i%2], i)
		}()
	}
	wg2.Wait()
	fmt.Println(sc.m["even"], sc.m["odd"])

	done := make(chan struct{})
	ticks := make(chan int)
	var got []int
	go func() {
		defer close(done)
		for {
			select {
			case v, ok := <-ticks:
				if !ok {
					return
				}
				got = append(got, v*v)
			}
		}
	}()
	for i := range 4 {
		ticks <- i
	}
	close(ticks)
	<-done
	fmt.Println(got)
	var once sync.Once
	for range 3 {
		once.Do(func() { fmt.Println("once") })
	}
}
