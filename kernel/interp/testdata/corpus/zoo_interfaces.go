// Interfaces, embedding, a generic stack, sort.Interface over interface values, type switches, method values.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type Animal interface {
	Sound() string
	Name() string
}

type Base struct{ name string }

func (b Base) Name() string { return b.name }

type Dog struct {
	Base
	Breed string
}

func (d Dog) Sound() string { return "woof" }

type Cat struct{ Base }

func (c *Cat) Sound() string  { return "meow" }
func (c *Cat) String() string { return "cat " + c.name }

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

type ByName []Animal

func (a ByName) Len() int           { return len(a) }
func (a ByName) Less(i, j int) bool { return a[i].Name() < a[j].Name() }
func (a ByName) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

var ErrEmpty = errors.New("empty")

func describe(a Animal) string {
	switch v := a.(type) {
	case Dog:
		return fmt.Sprintf("dog %s (%s)", v.Name(), v.Breed)
	case *Cat:
		return fmt.Sprint(v)
	}
	return "?"
}

func main() {
	zoo := []Animal{Dog{Base{"rex"}, "lab"}, &Cat{Base{"tom"}}, Dog{Base{"ace"}, "pug"}}
	sort.Sort(ByName(zoo))
	for _, a := range zoo {
		fmt.Printf("%-4s %s %s\n", a.Name(), a.Sound(), describe(a))
		fmt.Println(a)
	}
	var s Stack[Animal]
	for _, a := range zoo {
		s.Push(a)
	}
	for {
		a, ok := s.Pop()
		if !ok {
			break
		}
		fmt.Print(a.Name(), " ")
	}
	fmt.Println()
	sounds := map[string]int{}
	for _, a := range zoo {
		sounds[a.Sound()]++
	}
	keys := make([]string, 0, len(sounds))
	for k := range sounds {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(strings.Join(keys, ","), sounds)
	err := fmt.Errorf("pop: %w", ErrEmpty)
	fmt.Println(errors.Is(err, ErrEmpty), err)
	fn := zoo[0].Sound
	fmt.Println(fn())
	fmt.Printf("%v %+v\n", zoo[1], zoo[1])
}
