package main

import (
	"container/heap"
	"container/list"
	"container/ring"
	"fmt"
)

type Item struct {
	value    string
	priority int
	index    int
}

type PriorityQueue []*Item

func (pq PriorityQueue) Len() int { return len(pq) }
func (pq PriorityQueue) Less(i, j int) bool {
	return pq[i].priority > pq[j].priority
}
func (pq PriorityQueue) Swap(i, j int) {
	pq[i], pq[j] = pq[j], pq[i]
	pq[i].index = i
	pq[j].index = j
}
func (pq *PriorityQueue) Push(x any) {
	n := len(*pq)
	item := x.(*Item)
	item.index = n
	*pq = append(*pq, item)
}
func (pq *PriorityQueue) Pop() any {
	old := *pq
	n := len(old)
	item := old[n-1]
	old[n-1] = nil
	item.index = -1
	*pq = old[0 : n-1]
	return item
}

func (pq *PriorityQueue) update(item *Item, value string, priority int) {
	item.value = value
	item.priority = priority
	heap.Fix(pq, item.index)
}

type IntHeap []int

func (h IntHeap) Len() int           { return len(h) }
func (h IntHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h IntHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *IntHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *IntHeap) Pop() any {
	old := *h
	n := len(old)
	x := old[n-1]
	*h = old[:n-1]
	return x
}

type Task struct {
	ID   int
	Name string
}

func main() {
	items := map[string]int{"banana": 3, "apple": 2, "pear": 4}
	pq := make(PriorityQueue, 0)
	for _, name := range []string{"banana", "apple", "pear"} {
		heap.Push(&pq, &Item{value: name, priority: items[name]})
	}
	orange := &Item{value: "orange", priority: 1}
	heap.Push(&pq, orange)
	fmt.Println("orange index:", orange.index)
	pq.update(orange, "orange", 5)
	fmt.Println("orange index after fix:", orange.index)
	removed := heap.Remove(&pq, pq[len(pq)-1].index).(*Item)
	fmt.Println("removed:", removed.value, removed.index)
	for pq.Len() > 0 {
		item := heap.Pop(&pq).(*Item)
		fmt.Printf("%.2d:%s idx=%d ", item.priority, item.value, item.index)
	}
	fmt.Println()

	h := &IntHeap{5, 2, 8}
	heap.Init(h)
	heap.Push(h, 3)
	fmt.Printf("min: %d len: %d\n", (*h)[0], h.Len())
	for h.Len() > 0 {
		fmt.Print(heap.Pop(h), " ")
	}
	fmt.Println()

	l := list.New()
	for i, n := range []string{"parse", "check", "run"} {
		l.PushBack(Task{i + 1, n})
	}
	front := l.PushFront(Task{0, "load"})
	l.MoveToBack(front)
	for e := l.Front(); e != nil; e = e.Next() {
		t := e.Value.(Task)
		fmt.Printf("%d=%s ", t.ID, t.Name)
	}
	fmt.Println(l.Len())
	l.Remove(l.Back())
	fmt.Printf("%+v %v\n", l.Front().Value, l.Back().Value)

	r := ring.New(4)
	for i := 0; i < r.Len(); i++ {
		r.Value = &Task{ID: i * 10, Name: fmt.Sprint("t", i)}
		r = r.Next()
	}
	total := 0
	r.Do(func(v any) { total += v.(*Task).ID })
	fmt.Println("ring total:", total)
	r = r.Move(2)
	fmt.Println("after move:", r.Value.(*Task).Name, *r.Prev().Value.(*Task))
	r.Unlink(1)
	r.Do(func(v any) { fmt.Print(v.(*Task).Name, " ") })
	fmt.Println()
}
