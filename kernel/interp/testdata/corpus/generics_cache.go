// A generic memoizing cache with a constraint on the key.
package main

import (
	"fmt"
	"sort"
)

type Cache[K comparable, V any] struct {
	data  map[K]V
	hits  int
	calls int
}

func NewCache[K comparable, V any]() *Cache[K, V] {
	return &Cache[K, V]{data: make(map[K]V)}
}

func (c *Cache[K, V]) Get(k K, compute func(K) V) V {
	c.calls++
	if v, ok := c.data[k]; ok {
		c.hits++
		return v
	}
	v := compute(k)
	c.data[k] = v
	return v
}

func Keys[K comparable, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

func main() {
	c := NewCache[int, string]()
	square := func(n int) string { return fmt.Sprint(n * n) }
	for _, n := range []int{3, 4, 3, 5, 4, 3} {
		fmt.Print(c.Get(n, square), " ")
	}
	fmt.Println()
	fmt.Println("hits", c.hits, "of", c.calls)
	keys := Keys(c.data)
	sort.Ints(keys)
	fmt.Println(keys)
}
