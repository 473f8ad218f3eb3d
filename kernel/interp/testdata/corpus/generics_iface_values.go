// Generic code that puts values of a type parameter into interfaces in loops:
// each interface holds its own value, whatever the type argument.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Shape interface{ Area() float64 }

type Sq struct{ S float64 }

func (s Sq) Area() float64 { return s.S * s.S }

type Label struct{ Text string }

func (l Label) String() string { return "<" + l.Text + ">" }

// Collect widens a slice of shapes to a slice of the interface.
func Collect[T Shape](xs []T) []Shape {
	var out []Shape
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

// Strings calls String on each, through fmt.Stringer.
func Strings[T fmt.Stringer](xs []T) []fmt.Stringer {
	var out []fmt.Stringer
	for i := range xs {
		out = append(out, xs[i])
	}
	return out
}

// Boxes keeps the running value of each step.
func Boxes[T any](xs []T) []any {
	out := make([]any, 0, len(xs))
	var cur T
	for _, x := range xs {
		cur = x
		out = append(out, cur)
	}
	return out
}

// Index maps each key to the value, as an interface.
func Index[K comparable, V Shape](keys []K, vals []V) map[K]Shape {
	m := map[K]Shape{}
	for i, k := range keys {
		v := vals[i]
		m[k] = v
	}
	return m
}

// Stack is a generic stack whose items can be listed as interfaces.
type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) All() []any {
	var out []any
	for _, v := range s.items {
		out = append(out, v)
	}
	return out
}

// Send sends each value down a channel of interfaces.
func Send[T Shape](xs []T) []Shape {
	ch := make(chan Shape, len(xs))
	for _, x := range xs {
		ch <- x
	}
	close(ch)
	var got []Shape
	for s := range ch {
		got = append(got, s)
	}
	return got
}

func main() {
	sqs := []Sq{{1}, {2}, {3}}
	for _, s := range Collect(sqs) {
		fmt.Print(s.Area(), " ")
	}
	fmt.Println()
	for _, s := range Strings([]Label{{"a"}, {"b"}, {"c"}}) {
		fmt.Print(s.String(), " ")
	}
	fmt.Println()
	for _, a := range Boxes(sqs) {
		fmt.Print(a.(Sq).S, " ")
	}
	for _, a := range Boxes([]string{"x", "y"}) {
		fmt.Print(a.(string), " ")
	}
	fmt.Println()
	m := Index([]string{"one", "two", "three"}, sqs)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s=%.0f ", k, m[k].Area())
	}
	fmt.Println()
	var st Stack[Label]
	for _, t := range strings.Fields("p q r") {
		st.Push(Label{t})
	}
	for _, v := range st.All() {
		fmt.Print(v.(Label).Text, " ")
	}
	fmt.Println()
	total := 0.0
	for _, s := range Send(sqs) {
		total += s.Area()
	}
	fmt.Println("total area", total)
}
