package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
)

type Job struct {
	ID int
	In int
}

type Result struct {
	ID  int
	Out int
	Err error
}

var errOdd = errors.New("odd input")

func square(j Job) Result {
	if j.In == 7 {
		return Result{j.ID, 0, fmt.Errorf("job %d: %w", j.ID, errOdd)}
	}
	return Result{ID: j.ID, Out: j.In * j.In}
}

func gen(ctx context.Context, n int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 1; i <= n; i++ {
			select {
			case ch <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	return ch
}

func merge(cs ...<-chan int) <-chan int {
	out := make(chan int, 4)
	var wg sync.WaitGroup
	for i := range cs {
		wg.Go(func() {
			for v := range cs[i] {
				out <- v
			}
		})
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

func main() {
	jobs := make(chan Job)
	results := make(chan Result)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- square(j)
			}
		}()
	}
	go func() {
		for i := 0; i < 9; i++ {
			jobs <- Job{i, i + 1}
		}
		close(jobs)
	}()
	go func() { wg.Wait(); close(results) }()
	var all []Result
	for r := range results {
		all = append(all, r)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	for _, r := range all {
		if r.Err != nil {
			fmt.Print("E(", r.Err, errors.Is(r.Err, errOdd), ") ")
			continue
		}
		fmt.Print(r.Out, " ")
	}
	fmt.Println()

	ctx, cancel := context.WithCancel(context.Background())
	sum := 0
	for v := range gen(ctx, 100) {
		sum += v
		if v == 10 {
			cancel()
			break
		}
	}
	fmt.Println(sum, ctx.Err(), errors.Is(ctx.Err(), context.Canceled))

	c1, c2 := gen(context.Background(), 5), gen(context.Background(), 3)
	var got []int
	for v := range merge(c1, c2) {
		got = append(got, v)
	}
	sort.Ints(got)
	fmt.Println(got)

	var hits atomic.Int64
	var plain int64
	var mu sync.Mutex
	sem := make(chan struct{}, 2)
	var maxIn, in int32
	var wg2 sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg2.Go(func() {
			sem <- struct{}{}
			n := atomic.AddInt32(&in, 1)
			mu.Lock()
			if n > maxIn {
				maxIn = n
			}
			plain += int64(i)
			mu.Unlock()
			hits.Add(1)
			atomic.AddInt32(&in, -1)
			<-sem
		})
	}
	wg2.Wait()
	fmt.Println(hits.Load(), plain, maxIn <= 2)

	ready := make(chan string, 1)
	select {
	case m := <-ready:
		fmt.Println("got", m)
	default:
		fmt.Println("nothing ready")
	}
	ready <- "x"
	select {
	case m := <-ready:
		fmt.Println("got", m)
	default:
		fmt.Println("nothing ready")
	}
	var once sync.Once
	for range 3 {
		once.Do(func() { fmt.Println("once") })
	}
	errc := make(chan error, 3)
	for i := range 3 {
		go func() {
			if i == 1 {
				errc <- fmt.Errorf("worker %d failed", i)
				return
			}
			errc <- nil
		}()
	}
	var first error
	for range 3 {
		if e := <-errc; e != nil && first == nil {
			first = e
		}
	}
	fmt.Println(first)
}
