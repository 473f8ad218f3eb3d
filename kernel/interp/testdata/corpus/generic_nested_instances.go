// A generic type instantiated with an instance of several type arguments,
// S[P[string, int]]: in a variable, an alias, a parameter, a map and a slice,
// and S[P[K, V]] in a generic function's body (hunt3b L1); the alias X is
// declared before a method of P.
package main

import "fmt"

type P[K, V any] struct {
	Key K
	Val V
}

type S[T any] struct{ x T }

func (s S[T]) Get() T { return s.x }

type X = S[P[string, int]]

func (p P[K, V]) Swap() P[V, K] { return P[V, K]{p.Val, p.Key} }

var top S[P[string, int]]

func get(s S[P[string, int]]) P[string, int] { return s.x }

func wrap[K, V any](k K, v V) S[P[K, V]] {
	var r S[P[K, V]]
	r.x = P[K, V]{k, v}
	return r
}

func many[K comparable, V any](k K, v V) []S[P[K, V]] {
	out := []S[P[K, V]]{S[P[K, V]]{P[K, V]{k, v}}}
	m := map[K]S[P[K, V]]{}
	m[k] = out[0]
	out = append(out, m[k])
	return out
}

func main() {
	var s S[P[string, int]]
	fmt.Println(s)
	s.x.Key = "a"
	var x X = s
	fmt.Println(x, top, get(s), x.Get().Key, x.Get().Swap())
	m := map[P[string, int]][]S[P[int, bool]]{}
	k := P[string, int]{"k", 1}
	m[k] = append(m[k], S[P[int, bool]]{P[int, bool]{2, true}})
	fmt.Println(m)
	var ps []S[P[string, int]]
	ps = append(ps, s, x)
	fmt.Println(len(ps), ps)
	fmt.Println(wrap("z", 3.5))
	fmt.Println(wrap(1, true).Get().Key)
	fmt.Println(many("a", 1))
}
