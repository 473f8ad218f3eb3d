package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

type Tree struct {
	Left, Right *Tree
	Val         int
}

func (t *Tree) walk(yield func(int) bool) bool {
	if t == nil {
		return true
	}
	return t.Left.walk(yield) && yield(t.Val) && t.Right.walk(yield)
}

func (t *Tree) All() iter.Seq[int] {
	return func(yield func(int) bool) {
		t.walk(yield)
	}
}

func insert(t *Tree, v int) *Tree {
	if t == nil {
		return &Tree{Val: v}
	}
	if v < t.Val {
		t.Left = insert(t.Left, v)
	} else {
		t.Right = insert(t.Right, v)
	}
	return t
}

func fibs() iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		a, b := 0, 1
		for i := 0; ; i++ {
			if !yield(i, a) {
				return
			}
			a, b = b, a+b
		}
	}
}

func main() {
	var root *Tree
	for _, v := range []int{5, 3, 8, 1, 4, 9} {
		root = insert(root, v)
	}
	for v := range root.All() {
		if v > 5 {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println(slices.Collect(root.All()))
	for i, f := range fibs() {
		if i == 10 {
			break
		}
		fmt.Print(f, ",")
	}
	fmt.Println()
	next, stop := iter.Pull(root.All())
	a, ok1 := next()
	b, ok2 := next()
	stop()
	c, ok3 := next()
	fmt.Println(a, ok1, b, ok2, c, ok3)
	n2, s2 := iter.Pull2(fibs())
	for range 3 {
		i, f, ok := n2()
		fmt.Print(i, f, ok, ";")
	}
	s2()
	fmt.Println()
	m := map[string]int{"x": 1, "y": 2}
	fmt.Println(slices.Sorted(maps.Values(m)), slices.Sorted(maps.Keys(m)))
	for i, w := range slices.Backward([]string{"a", "b", "c"}) {
		fmt.Print(i, w, " ")
	}
	fmt.Println()
}
