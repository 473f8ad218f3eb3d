package main

import (
	"fmt"
	"strconv"
)

type Setter[T any] interface {
	*T
	Set(string) error
}

type IntVal struct{ V int }

func (i *IntVal) Set(s string) error {
	n, err := strconv.Atoi(s)
	i.V = n
	return err
}

type Name struct{ S string }

func (n *Name) Set(s string) error { n.S = "<" + s + ">"; return nil }

func ParseAll[T any, PT Setter[T]](xs []string) []T {
	out := make([]T, len(xs))
	for i, x := range xs {
		var p PT = &out[i]
		p.Set(x)
	}
	return out
}

func Kind[T any](x T) string {
	switch v := any(x).(type) {
	case int:
		return "int:" + strconv.Itoa(v)
	case string:
		return "string:" + v
	case fmt.Stringer:
		return "stringer:" + v.String()
	}
	return fmt.Sprintf("%T", x)
}

type Tree[T any] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T, less func(a, b T) bool) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if less(v, t.Val) {
		t.Left = t.Left.Insert(v, less)
	} else {
		t.Right = t.Right.Insert(v, less)
	}
	return t
}

func (t *Tree[T]) Walk(f func(T)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Val)
	t.Right.Walk(f)
}

func IsZero[T comparable](x T) bool {
	var zero T
	return x == zero
}

func Ptr[T any](v T) *T { return &v }

func Chan[T any](xs ...T) <-chan T {
	ch := make(chan T, len(xs))
	for _, x := range xs {
		ch <- x
	}
	close(ch)
	return ch
}

func main() {
	fmt.Println(ParseAll[IntVal]([]string{"1", "22", "x"}))
	fmt.Println(ParseAll[Name]([]string{"a", "b"}))
	fmt.Println(Kind(3), Kind("s"), Kind(2.5), Kind([]int{1}))
	var root *Tree[string]
	for _, w := range []string{"m", "c", "x", "a", "e"} {
		root = root.Insert(w, func(a, b string) bool { return a < b })
	}
	var seq []string
	root.Walk(func(s string) { seq = append(seq, s) })
	fmt.Println(seq)
	var nums *Tree[float64]
	for _, x := range []float64{3, 1, 2} {
		nums = nums.Insert(x, func(a, b float64) bool { return a > b })
	}
	nums.Walk(func(x float64) { fmt.Print(x, " ") })
	fmt.Println()
	fmt.Println(IsZero(0), IsZero("x"), IsZero(IntVal{}), IsZero[*int](nil))
	p := Ptr(41)
	*p++
	q := Ptr("s")
	fmt.Println(*p, *q)
	total := 0
	for v := range Chan(1, 2, 3) {
		total += v
	}
	fmt.Println(total)
}
