package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

type Series []float64

func (s Series) Mean() float64 {
	if len(s) == 0 {
		return math.NaN()
	}
	t := 0.0
	for _, v := range s {
		t += v
	}
	return t / float64(len(s))
}

func (s Series) Std() float64 {
	m := s.Mean()
	t := 0.0
	for _, v := range s {
		t += (v - m) * (v - m)
	}
	return math.Sqrt(t / float64(len(s)-1))
}

func (s Series) Filter(keep func(float64) bool) Series {
	var out Series
	for _, v := range s {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

func (s Series) Map(f func(float64) float64) Series {
	out := make(Series, len(s))
	for i, v := range s {
		out[i] = f(v)
	}
	return out
}

func (s *Series) Push(vs ...float64) *Series {
	*s = append(*s, vs...)
	return s
}

func (s Series) Len() int           { return len(s) }
func (s Series) Less(i, j int) bool { return s[i] < s[j] }
func (s Series) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func (s Series) String() string {
	parts := make([]string, len(s))
	for i, v := range s {
		parts[i] = fmt.Sprintf("%.2f", v)
	}
	return "Series[" + strings.Join(parts, " ") + "]"
}

type Counts map[string]int

func (c Counts) Add(words ...string) Counts {
	for _, w := range words {
		c[strings.ToLower(w)]++
	}
	return c
}

func (c Counts) Top(n int) []string {
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
	if len(keys) > n {
		keys = keys[:n]
	}
	return keys
}

type Transform func(float64) float64

func (t Transform) Then(u Transform) Transform { return func(x float64) float64 { return u(t(x)) } }

func main() {
	var s Series
	s.Push(3, 1, 4).Push(1, 5, 9, 2, 6)
	fmt.Println(s, len(s))
	fmt.Printf("mean=%.4f std=%.4f\n", s.Mean(), s.Std())
	big := s.Filter(func(v float64) bool { return v > 2 })
	fmt.Println(big, big.Mean())
	double := Transform(func(x float64) float64 { return 2 * x })
	inc := Transform(func(x float64) float64 { return x + 1 })
	fmt.Println(s.Map(double.Then(inc)))
	sort.Sort(s)
	fmt.Println(s)
	sort.Sort(sort.Reverse(s))
	fmt.Printf("%v %s\n", s, s[:3])
	var empty Series
	fmt.Println(empty.Mean(), empty)
	c := Counts{}
	c.Add(strings.Fields("the cat The dog a cat the end")...).Add("Dog")
	fmt.Println(c.Top(3), len(c), c["the"])
	m := map[string]Series{"a": {1, 2}, "b": {3}}
	x := m["a"]
	x.Push(10)
	fmt.Println(m["a"], x)
	fmt.Println(fmt.Sprint(Series{0.5}), len([]Series{{1}, {2, 3}}))
}
