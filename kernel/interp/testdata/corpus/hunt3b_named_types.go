package main

import (
	"fmt"
	"sort"
	"strings"
)

type Stack []int

func (s *Stack) Push(v int) { *s = append(*s, v) }
func (s *Stack) Pop() int {
	old := *s
	v := old[len(old)-1]
	*s = old[:len(old)-1]
	return v
}
func (s Stack) Peek() int { return s[len(s)-1] }

type Graph map[string][]string

func (g Graph) Add(a, b string) {
	g[a] = append(g[a], b)
	g[b] = append(g[b], a)
}

func (g Graph) Degree(n string) int { return len(g[n]) }

type Handler func(string) string

func (h Handler) Twice(s string) string { return h(h(s)) }

type Celsius float64
type Fahrenheit float64

func (c Celsius) ToF() Fahrenheit { return Fahrenheit(c*9/5 + 32) }

type Money int64

func (m Money) Add(o Money) Money { return m + o }

type Words []string

func (w Words) Len() int { return len(w) }
func (w Words) Less(i, j int) bool {
	return len(w[i]) < len(w[j]) || len(w[i]) == len(w[j]) && w[i] < w[j]
}
func (w Words) Swap(i, j int) { w[i], w[j] = w[j], w[i] }

func main() {
	var s Stack
	for i := range 5 {
		s.Push(i * i)
	}
	top := s.Pop()
	s.Push(100)
	fmt.Println(top, s.Peek(), len(s), s)
	sp := &s
	sp.Push(7)
	fmt.Println(s.Pop(), (*sp).Peek())

	g := Graph{}
	g.Add("a", "b")
	g.Add("a", "c")
	g.Add("b", "c")
	g2 := g
	g2.Add("c", "d")
	fmt.Println(g.Degree("a"), g.Degree("c"), g.Degree("d"), len(g))

	shout := Handler(func(x string) string { return strings.ToUpper(x) + "!" })
	fmt.Println(shout.Twice("hi"))
	tw := shout.Twice
	fmt.Println(tw("a"))

	temps := []Celsius{-40, 0, 37.5, 100}
	for _, t := range temps {
		fmt.Printf("%.1f ", t.ToF())
	}
	fmt.Println()
	var wallet Money = 150
	wallet = wallet.Add(25).Add(-5)
	fmt.Println(wallet, Money.Add(1, 2))

	w := Words(strings.Fields("pear fig apple kiwi date banana"))
	sort.Sort(w)
	fmt.Println(w, sort.IsSorted(w))
	sort.Sort(sort.Reverse(w))
	fmt.Println(w[0], w[len(w)-1])
	var iface sort.Interface = w
	iface.Swap(0, 1)
	fmt.Println(w[:2])
}
