// Instances of a generic type with two type arguments written at several places
// (literals, new, append, map keys, type switch cases): each statement runs, in order.
package main

import "fmt"

type P[K comparable, V any] struct {
	Key K
	Val V
}

func g() P[string, int] {
	fmt.Println("in g")
	x := P[string, int]{"g", 1}
	fmt.Println("g after literal")
	return x
}

func main() {
	fmt.Println("main start")
	a := P[string, int]{"a", 1}
	fmt.Println("A", a)
	b := g()
	fmt.Println("B", a, b)
	var ps []P[string, int]
	ps = append(ps, P[string, int]{Key: "a", Val: 1})
	fmt.Println("C", len(ps))
	m := map[P[string, int]]bool{{"a", 1}: true}
	fmt.Println("D", m[P[string, int]{"a", 1}])
	n1, n2 := new(P[string, int]), new(P[string, int])
	fmt.Println("E", *n1 == *n2)
	var x any = a
	switch v := x.(type) {
	case P[int, int]:
		fmt.Println("wrong", v)
	case P[string, int]:
		fmt.Println("F", v.Key)
	}
}
