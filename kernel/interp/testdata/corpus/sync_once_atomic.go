// sync.Once, atomic counters and a read-write mutex guarded map.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Registry struct {
	mu    sync.RWMutex
	items map[string]int
}

func (r *Registry) Set(k string, v int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.items[k] = v
}

func (r *Registry) Get(k string) (int, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	v, ok := r.items[k]
	return v, ok
}

func main() {
	var once sync.Once
	inits := 0
	var ops atomic.Int64
	var plain int64
	var wg sync.WaitGroup
	reg := &Registry{items: map[string]int{}}
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { inits++ })
			ops.Add(2)
			atomic.AddInt64(&plain, 1)
			reg.Set(fmt.Sprint("k", i%5), i%5)
		}()
	}
	wg.Wait()
	v, ok := reg.Get("k3")
	fmt.Println(inits, ops.Load(), atomic.LoadInt64(&plain), len(reg.items), v, ok)
}
