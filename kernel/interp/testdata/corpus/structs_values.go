// Struct and array value semantics, comparison, copies, pointers to fields.
package main

import "fmt"

type Vec struct{ X, Y float64 }

func (v Vec) Add(o Vec) Vec    { return Vec{v.X + o.X, v.Y + o.Y} }
func (v *Vec) Scale(k float64) { v.X *= k; v.Y *= k }
func (v Vec) Eq(o Vec) bool    { return v == o }

type Matrix [2][2]int

func main() {
	a := Vec{1, 2}
	b := a
	b.X = 10
	fmt.Println(a, b, a == b, a.Eq(Vec{1, 2}))
	a.Scale(3)
	fmt.Println(a, a.Add(b))
	p := &a
	p.Y = 0
	px := &p.X
	*px = -1
	fmt.Println(a)
	m := Matrix{{1, 2}, {3, 4}}
	n := m
	n[0][0] = 100
	fmt.Println(m, n, m == n)
	arr := [...]string{"x", "y", "z"}
	sl := arr[:]
	sl[0] = "changed"
	fmt.Println(arr, len(arr))
	type local struct {
		name string
		tags []string
	}
	l1 := local{"one", []string{"t"}}
	l2 := l1
	l2.tags[0] = "shared"
	fmt.Println(l1.tags, l2.name)
	anon := struct {
		A int
		B string
	}{1, "b"}
	fmt.Printf("%v %+v\n", anon, anon)
}
