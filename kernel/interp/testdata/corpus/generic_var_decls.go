// Variable declarations in function bodies whose values call generic
// functions, min, max or new(expr), each the first use of its instance: every
// variable gets its value.
package main

import (
	"fmt"
	"strings"
)

func Identity[T any](x T) T { return x }

func WithCount[T any](x T) (T, int) { return x, 1 }

func Sum[T int | float64](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

type Word string

func (w Word) String() string { return strings.ToUpper(string(w)) }

func untyped() {
	var a = Identity(1.5)
	var b = Sum(1, 2, 3)
	fmt.Println("untyped:", a, b)
	x := 2.5
	var hi = max(x, 7.5)
	var lo = min(x, 0.5, 9)
	fmt.Println("min/max:", hi, lo)
	var s, n = WithCount("s")
	fmt.Println("two results:", s, n)
	var p = new(3)
	fmt.Println("new:", *p)
	var _, m = WithCount(int8(4))
	fmt.Println("blank:", m)
	var _ = Identity('r')
}

func typed() {
	var f float64 = Identity(2.5)
	var st fmt.Stringer = Identity(Word("go"))
	var k, c int = WithCount(9)
	fmt.Println("typed:", f, st, k, c)
	var (
		u        = Sum(1.5, 2)
		v uint16 = uint16(Identity(7))
		w        = "plain"
	)
	fmt.Println("grouped:", u, v, w)
}

func nested() {
	for i := range 2 {
		var sq = Identity(i * i)
		fmt.Println("loop:", sq)
	}
	if true {
		var t = max(Identity(3), 4)
		fmt.Println("block:", t)
	}
	switch n := 1; n {
	case 1:
		var z = Identity(fmt.Sprint("case", n))
		fmt.Println(z)
	}
	lit := func() float64 {
		var r = Identity(float32(0.25))
		return float64(r) * 4
	}
	fmt.Println("literal:", lit())
	i := 0
again:
	var g = Sum(i, 10)
	i++
	if i < 2 {
		goto again
	}
	fmt.Println("labelled:", g)
}

func main() {
	untyped()
	typed()
	nested()
}
