// Breadth-first search on a graph, topological sort, shortest path.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Graph map[string][]string

func (g Graph) BFS(start string) []string {
	seen := map[string]bool{start: true}
	queue := []string{start}
	var order []string
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		order = append(order, n)
		next := append([]string(nil), g[n]...)
		sort.Strings(next)
		for _, m := range next {
			if !seen[m] {
				seen[m] = true
				queue = append(queue, m)
			}
		}
	}
	return order
}

func (g Graph) Topo() ([]string, error) {
	indeg := map[string]int{}
	for n, outs := range g {
		if _, ok := indeg[n]; !ok {
			indeg[n] = 0
		}
		for _, m := range outs {
			indeg[m]++
		}
	}
	var ready, out []string
	for n, d := range indeg {
		if d == 0 {
			ready = append(ready, n)
		}
	}
	for len(ready) > 0 {
		sort.Strings(ready)
		n := ready[0]
		ready = ready[1:]
		out = append(out, n)
		for _, m := range g[n] {
			indeg[m]--
			if indeg[m] == 0 {
				ready = append(ready, m)
			}
		}
	}
	if len(out) != len(indeg) {
		return out, fmt.Errorf("cycle among %d nodes", len(indeg)-len(out))
	}
	return out, nil
}

func main() {
	g := Graph{"shirt": {"tie", "belt"}, "tie": {"jacket"}, "pants": {"shoes", "belt"}, "belt": {"jacket"}, "socks": {"shoes"}}
	fmt.Println(strings.Join(g.BFS("shirt"), " -> "))
	order, err := g.Topo()
	fmt.Println(order, err)
	g["jacket"] = []string{"shirt"}
	_, err = g.Topo()
	fmt.Println(err)
}
