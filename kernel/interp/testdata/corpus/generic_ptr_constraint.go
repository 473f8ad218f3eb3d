// The pointer-method constraint idiom [T any, PT interface{ *T; M() }]:
// conversions PT(&x) and PT(new(T)) in generic functions (hunt3b L3).
package main

import (
	"fmt"
	"strings"
)

type V struct{ N int }

func (v *V) Set(n int) { v.N = n }

type Name struct{ s string }

func (n *Name) Set(i int) { n.s = strings.Repeat("ab", i) }

type Setter[T any] interface {
	*T
	Set(int)
}

func Fill[T any, PT interface {
	*T
	Set(int)
}](n int) []T {
	out := make([]T, n)
	for i := range out {
		PT(&out[i]).Set(i)
	}
	return out
}

func Make[T any, PT Setter[T]](n int) T {
	p := PT(new(T))
	p.Set(n)
	return *p
}

func Each[T any, PT Setter[T]](xs []T, f func(PT)) {
	for i := range xs {
		f(PT(&xs[i]))
	}
}

func main() {
	fmt.Println(Fill[V](3))
	fmt.Println(Fill[Name](3))
	fmt.Println(Make[V](7), Make[Name](2))
	vs := []V{{1}, {2}}
	Each(vs, func(p *V) { p.Set(p.N * 10) })
	fmt.Println(vs)
}
