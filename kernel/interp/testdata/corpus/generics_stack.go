// A generic stack type with methods, and a generic Pair.
package main

import (
	"errors"
	"fmt"
)

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, error) {
	var zero T
	if len(s.items) == 0 {
		return zero, errors.New("pop from an empty stack")
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, nil
}

func (s *Stack[T]) Len() int { return len(s.items) }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

func main() {
	var s Stack[string]
	for _, w := range []string{"a", "b", "c"} {
		s.Push(w)
	}
	for s.Len() > 0 {
		v, _ := s.Pop()
		fmt.Print(v, " ")
	}
	fmt.Println()
	if _, err := s.Pop(); err != nil {
		fmt.Println("error:", err)
	}
	ints := &Stack[int]{}
	ints.Push(40)
	ints.Push(2)
	a, _ := ints.Pop()
	b, _ := ints.Pop()
	fmt.Println(a + b)
	p := Pair[string, int]{"answer", 42}
	fmt.Println(p.String(), p.Key, p.Val)
}
