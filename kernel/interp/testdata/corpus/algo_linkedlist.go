// A singly linked list with generics: push, reverse, iterate, String.
package main

import (
	"fmt"
	"strings"
)

type Node[T any] struct {
	Val  T
	Next *Node[T]
}

type List[T any] struct {
	head *Node[T]
	size int
}

func (l *List[T]) Push(v T) {
	l.head = &Node[T]{v, l.head}
	l.size++
}

func (l *List[T]) Reverse() {
	var prev *Node[T]
	for cur := l.head; cur != nil; {
		next := cur.Next
		cur.Next = prev
		prev, cur = cur, next
	}
	l.head = prev
}

func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.Next {
		f(n.Val)
	}
}

func (l *List[T]) String() string {
	var parts []string
	l.Each(func(v T) { parts = append(parts, fmt.Sprint(v)) })
	return "[" + strings.Join(parts, " ") + "]"
}

func main() {
	var l List[int]
	for i := 1; i <= 5; i++ {
		l.Push(i)
	}
	fmt.Println(l.String(), l.size)
	l.Reverse()
	fmt.Println(l.String())
	sum := 0
	l.Each(func(v int) { sum += v })
	fmt.Println(sum)
	var words List[string]
	words.Push("b")
	words.Push("a")
	fmt.Println(words.String())
}
