// A generic counter over any comparable type, with a top-n that breaks ties.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Counter[T comparable] struct {
	counts map[T]int
	order  []T
}

func (c *Counter[T]) Add(items ...T) {
	if c.counts == nil {
		c.counts = map[T]int{}
	}
	for _, it := range items {
		if c.counts[it] == 0 {
			c.order = append(c.order, it)
		}
		c.counts[it]++
	}
}

func (c *Counter[T]) Top(n int) []T {
	top := append([]T(nil), c.order...)
	sort.SliceStable(top, func(i, j int) bool { return c.counts[top[i]] > c.counts[top[j]] })
	if len(top) > n {
		top = top[:n]
	}
	return top
}

func main() {
	var words Counter[string]
	words.Add(strings.Fields("a b c a b a d e d d d")...)
	fmt.Println(words.Top(3), words.counts["d"])
	var nums Counter[int]
	nums.Add(3, 1, 3, 2, 1, 3)
	fmt.Println(nums.Top(5))
	type pt struct{ x, y int }
	var pts Counter[pt]
	pts.Add(pt{1, 1}, pt{0, 0}, pt{1, 1})
	fmt.Println(pts.Top(1), len(pts.order))
}
