// Instances with several type arguments that hold type parameters in generic
// functions: several literals P[K, V]{…} and &P[K, V]{…} and new(P[K, V]) in
// one function (the first literal stayed zero, new gave nil), and pointers
// *P[K, V] in variables declared without a value, parameters, results and
// slices.
package main

import "fmt"

type P[K comparable, V any] struct {
	Key K
	Val V
}

func (p *P[K, V]) Set(v V) { p.Val = v }

func find[K comparable, V any](ps []*P[K, V], k K) *P[K, V] {
	var found *P[K, V]
	for _, p := range ps {
		if p.Key == k {
			found = p
		}
	}
	return found
}

func build[K comparable, V any](k K, v V) []*P[K, V] {
	var first, second *P[K, V]
	first = new(P[K, V])
	first.Key = k
	second = &P[K, V]{k, v}
	third := new(P[K, V])
	third.Set(v)
	var fourth *P[K, V] = &P[K, V]{Val: v}
	return []*P[K, V]{first, second, third, fourth}
}

func pairs[K comparable, V any](k K, v V) (P[K, V], P[K, V], []P[K, V]) {
	a := P[K, V]{k, v}
	fmt.Println("between the literals", a)
	b := P[K, V]{Key: k}
	return a, b, []P[K, V]{a, {Val: v}, P[K, V]{k, v}}
}

func main() {
	fmt.Println(pairs("x", 1))
	fmt.Println(pairs(2, []string{"y"}))
	ps := build("a", 2.5)
	for _, p := range ps {
		fmt.Print(*p, " ")
	}
	fmt.Println()
	fmt.Println(*find(ps, "a"), find(ps, "z") == nil)
	qs := build(7, true)
	fmt.Println(*qs[0], *qs[1], *qs[2], *qs[3])
}
