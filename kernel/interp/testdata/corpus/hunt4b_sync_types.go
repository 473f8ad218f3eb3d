package main

import (
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
)

type Config struct {
	Name    string
	Workers int
}

type Key struct {
	A string
	B int
}

type Buf struct{ data []int }

func main() {
	var av atomic.Value
	av.Store(Config{"a", 1})
	cfg := av.Load().(Config)
	fmt.Println(cfg.Name, cfg.Workers)

	var sm sync.Map
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Go(func() {
			sm.Store(Key{"k", i % 3}, i)
		})
	}
	wg.Wait()
	var ks []int
	sm.Range(func(k, v any) bool {
		ks = append(ks, k.(Key).B)
		return true
	})
	sort.Ints(ks)
	fmt.Println(ks)
	v, ok := sm.Load(Key{"k", 1})
	fmt.Println(v != nil, ok)
	act, loaded := sm.LoadOrStore(Key{"z", 0}, "new")
	fmt.Println(act, loaded)

	pool := sync.Pool{New: func() any { return &Buf{data: make([]int, 0, 4)} }}
	b := pool.Get().(*Buf)
	b.data = append(b.data, 1, 2)
	fmt.Println(len(b.data), cap(b.data))
	b.data = b.data[:0]
	pool.Put(b)

	var total atomic.Int64
	var flag atomic.Bool
	var mu sync.RWMutex
	shared := map[string]int{}
	for i := range 50 {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			total.Add(int64(n))
			if n == 49 {
				flag.Store(true)
			}
			mu.Lock()
			shared[fmt.Sprint(n%5)]++
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	mu.RLock()
	fmt.Println(total.Load(), flag.Load(), len(shared), shared["0"])
	mu.RUnlock()
	var cnt atomic.Uint32
	cnt.Store(^uint32(0))
	cnt.Add(2)
	fmt.Println(cnt.Load())
	done := make(chan Config)
	go func() { done <- Config{"from goroutine", 1} }()
	fmt.Println((<-done).Name)
	cond := sync.NewCond(&sync.Mutex{})
	ready := false
	go func() {
		cond.L.Lock()
		ready = true
		cond.L.Unlock()
		cond.Broadcast()
	}()
	cond.L.Lock()
	for !ready {
		cond.Wait()
	}
	cond.L.Unlock()
	fmt.Println("ready", ready)
}
