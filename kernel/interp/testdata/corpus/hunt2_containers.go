// container/list as an LRU order, container/heap with a custom priority
// queue of pointers (update in place), and container/ring.
package main

import (
	"container/heap"
	"container/list"
	"container/ring"
	"fmt"
	"strings"
)

type Task struct {
	Name     string
	Priority int
	index    int
}

type PQ []*Task

func (pq PQ) Len() int { return len(pq) }
func (pq PQ) Less(i, j int) bool {
	if pq[i].Priority != pq[j].Priority {
		return pq[i].Priority > pq[j].Priority
	}
	return pq[i].Name < pq[j].Name
}
func (pq PQ) Swap(i, j int) {
	pq[i], pq[j] = pq[j], pq[i]
	pq[i].index = i
	pq[j].index = j
}
func (pq *PQ) Push(x any) {
	t := x.(*Task)
	t.index = len(*pq)
	*pq = append(*pq, t)
}
func (pq *PQ) Pop() any {
	old := *pq
	n := len(old)
	t := old[n-1]
	old[n-1] = nil
	t.index = -1
	*pq = old[:n-1]
	return t
}

func (pq *PQ) update(t *Task, p int) {
	t.Priority = p
	heap.Fix(pq, t.index)
}

type IntHeap []int

func (h IntHeap) Len() int           { return len(h) }
func (h IntHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h IntHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *IntHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *IntHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func listString(l *list.List) string {
	var parts []string
	for e := l.Front(); e != nil; e = e.Next() {
		parts = append(parts, fmt.Sprint(e.Value))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func main() {
	tasks := map[string]int{"write": 3, "test": 5, "deploy": 1, "review": 5, "plan": 2}
	pq := PQ{}
	byName := map[string]*Task{}
	for _, name := range []string{"write", "test", "deploy", "review", "plan"} {
		t := &Task{Name: name, Priority: tasks[name]}
		byName[name] = t
		heap.Push(&pq, t)
	}
	pq.update(byName["deploy"], 9)
	for pq.Len() > 0 {
		t := heap.Pop(&pq).(*Task)
		fmt.Printf("%s:%d(%d) ", t.Name, t.Priority, t.index)
	}
	fmt.Println()

	h := &IntHeap{5, 2, 8}
	heap.Init(h)
	heap.Push(h, 3)
	heap.Push(h, 1)
	fmt.Print((*h)[0], " ")
	for h.Len() > 0 {
		fmt.Print(heap.Pop(h), " ")
	}
	fmt.Println()

	l := list.New()
	index := map[string]*list.Element{}
	access := func(k string) {
		if e, ok := index[k]; ok {
			l.MoveToFront(e)
			return
		}
		index[k] = l.PushFront(k)
		if l.Len() > 3 {
			last := l.Back()
			l.Remove(last)
			delete(index, last.Value.(string))
		}
	}
	for _, k := range strings.Fields("a b c a d b e a") {
		access(k)
		fmt.Print(listString(l), " ")
	}
	fmt.Println(len(index))

	r := ring.New(4)
	for i := 1; i <= 4; i++ {
		sq := i * i
		r.Value = sq
		r = r.Next()
	}
	sum := 0
	r.Do(func(v any) { sum += v.(int) })
	fmt.Println(sum, r.Len(), r.Move(2).Value)
	l2 := list.New()
	l2.PushBack(Task{Name: "v", Priority: 1})
	l2.PushBack(&Task{Name: "p", Priority: 2})
	v := l2.Front().Value.(Task)
	v.Priority = 100
	p := l2.Back().Value.(*Task)
	p.Priority = 200
	fmt.Println(l2.Front().Value.(Task).Priority, l2.Back().Value.(*Task).Priority)
}
