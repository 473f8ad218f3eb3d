// Named slice, map and func types with methods (a Series over gonum, a word
// Counter, a predicate with Not), method values and method expressions.
package main

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"
)

type Series []float64

func (s Series) Mean() float64 { return stat.Mean(s, nil) }
func (s Series) Scale(k float64) Series {
	out := make(Series, len(s))
	copy(out, s)
	floats.Scale(k, out)
	return out
}
func (s *Series) Push(v ...float64) { *s = append(*s, v...) }

type Counter map[string]int

func (c Counter) Add(words ...string) {
	for _, w := range words {
		c[strings.ToLower(w)]++
	}
}
func (c Counter) Top(n int) []string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if c[keys[i]] != c[keys[j]] {
			return c[keys[i]] > c[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys[:min(n, len(keys))]
}

type Pred func(float64) bool

func (p Pred) Not() Pred { return func(x float64) bool { return !p(x) } }

func (s Series) Filter(p Pred) Series {
	var out Series
	for _, v := range s {
		if p(v) {
			out = append(out, v)
		}
	}
	return out
}

type Celsius float64

func (c Celsius) ToF() float64 { return float64(c)*9/5 + 32 }

func main() {
	s := Series{3, 1, 2}
	s.Push(10, 4)
	fmt.Println(s, len(s), s.Mean(), floats.Sum(s))
	t := s.Scale(2)
	sort.Float64s(t)
	slices.Reverse(s)
	fmt.Println(s, t, s.Mean(), t.Mean())
	big := Pred(func(x float64) bool { return x > 2.5 })
	fmt.Println(s.Filter(big), s.Filter(big.Not()), len(s.Filter(big.Not()).Filter(big)))
	var ss []Series
	ss = append(ss, s, t)
	ss[0].Push(100)
	fmt.Println(len(ss[0]), len(s))
	c := Counter{}
	c.Add(strings.Fields("the cat and The dog and THE bird")...)
	fmt.Println(c.Top(2), len(c), c["the"])
	cs := []Celsius{10, 20, 30}
	f := cs[1].ToF
	g := Celsius.ToF
	cs[1] = 50
	fmt.Println(f(), g(cs[1]), g(Celsius(-40)))
	var fs []func() float64
	for _, x := range cs {
		fs = append(fs, x.ToF)
	}
	for _, fn := range fs {
		fmt.Print(fn(), " ")
	}
	fmt.Println()
	m := map[string]Series{"a": {1, 2}}
	m["a"] = append(m["a"], 3)
	fmt.Println(m["a"].Mean(), len(m["a"]))
}
