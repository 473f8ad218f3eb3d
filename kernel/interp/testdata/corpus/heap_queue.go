// A priority queue with container/heap; Dijkstra's shortest paths.
package main

import (
	"container/heap"
	"fmt"
)

type item struct {
	node string
	dist int
}

type pq []item

func (q pq) Len() int { return len(q) }
func (q pq) Less(i, j int) bool {
	return q[i].dist < q[j].dist || (q[i].dist == q[j].dist && q[i].node < q[j].node)
}
func (q pq) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *pq) Push(x any)   { *q = append(*q, x.(item)) }
func (q *pq) Pop() any {
	old := *q
	it := old[len(old)-1]
	*q = old[:len(old)-1]
	return it
}

func dijkstra(edges map[string]map[string]int, src string) map[string]int {
	dist := map[string]int{src: 0}
	q := &pq{{src, 0}}
	for q.Len() > 0 {
		cur := heap.Pop(q).(item)
		if cur.dist > dist[cur.node] {
			continue
		}
		for next, w := range edges[cur.node] {
			nd := cur.dist + w
			if d, ok := dist[next]; !ok || nd < d {
				dist[next] = nd
				heap.Push(q, item{next, nd})
			}
		}
	}
	return dist
}

func main() {
	h := &pq{{"x", 5}, {"y", 1}, {"z", 3}}
	heap.Init(h)
	heap.Push(h, item{"w", 2})
	for h.Len() > 0 {
		fmt.Print(heap.Pop(h).(item).node, " ")
	}
	fmt.Println()
	edges := map[string]map[string]int{
		"A": {"B": 4, "C": 1}, "C": {"B": 2, "D": 7}, "B": {"D": 1}, "D": {},
	}
	d := dijkstra(edges, "A")
	fmt.Println(d["A"], d["B"], d["C"], d["D"])
}
