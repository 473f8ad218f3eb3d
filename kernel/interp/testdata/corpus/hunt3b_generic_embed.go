package main

import (
	"fmt"
	"strings"
)

type Shower interface{ Show() string }

type Box[T any] struct {
	items []T
	name  string
}

func (b *Box[T]) Put(x T)     { b.items = append(b.items, x) }
func (b Box[T]) Len() int     { return len(b.items) }
func (b Box[T]) Show() string { return fmt.Sprintf("%s%v", b.name, b.items) }
func (b *Box[T]) Drain() func() T {
	return func() T {
		x := b.items[0]
		b.items = b.items[1:]
		return x
	}
}

type Labeled struct {
	Box[string]
	Color string
}

type Shelf struct {
	*Box[int]
	Level int
}

func describeAll(xs ...Shower) string {
	var parts []string
	for _, x := range xs {
		parts = append(parts, x.Show())
	}
	return strings.Join(parts, " | ")
}

func main() {
	l := Labeled{Box: Box[string]{name: "L"}, Color: "red"}
	l.Put("a")
	l.Put("b")
	s := Shelf{Box: &Box[int]{name: "S"}, Level: 2}
	s.Put(10)
	s.Put(20)
	s.Put(30)
	fmt.Println(l.Len(), s.Len(), l.Show(), s.Show())
	fmt.Println(describeAll(l, s, &l, Box[float64]{name: "F", items: []float64{1.5}}))

	next := s.Drain()
	fmt.Println(next(), next(), s.Len())
	s2 := s
	s2.Put(99)
	fmt.Println(s.Len(), s.items)

	l2 := l
	l2.Put("c")
	fmt.Println(l.Len(), l2.Len())

	var sh Shower = s
	if b, ok := sh.(Shelf); ok {
		fmt.Println("shelf level", b.Level, b.name)
	}
	shows := []func() string{l.Show, s.Show}
	l.name = "changed"
	s.name = "changed"
	for _, f := range shows {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
