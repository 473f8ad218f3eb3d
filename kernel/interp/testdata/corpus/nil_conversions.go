package main

import (
	"errors"
	"fmt"
)

// An interface holding a typed nil is not nil: the classic gotcha, written
// with explicit conversions as a lesson would write it.

type Node struct {
	Val  int
	Next *Node
}

type Store struct{ name string }

func (s *Store) Error() string { return "store " + s.name }

func find(ok bool) *Store {
	if ok {
		return &Store{"a"}
	}
	return nil
}

func main() {
	var xs []int
	var m map[string]int
	var p *Node
	var f func()
	var ch chan int
	fmt.Println(any(xs) == nil, any(m) == nil, any(p) == nil, any(f) == nil, any(ch) == nil)
	fmt.Println(interface{}(xs) != nil, (any(p)) != nil, nil == any(m), nil != any(ch))
	fmt.Println(any(nil) == nil, any(3) == nil)

	var s fmt.Stringer
	fmt.Println(any(s) == nil, error(nil) == nil)

	st := find(false)
	fmt.Println(st == nil)
	var err error = find(true)
	fmt.Println(err != nil, errors.Is(err, err))

	checks := []struct {
		name string
		v    any
	}{{"slice", xs}, {"map", m}, {"ptr", p}, {"nil", nil}}
	for _, c := range checks {
		fmt.Println(c.name, c.v == nil, any(c.v) == nil)
	}
}
