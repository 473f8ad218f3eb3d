package main

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
)

type Series []float64

func (s Series) Sum() float64 {
	t := 0.0
	for _, v := range s {
		t += v
	}
	return t
}

type Names []string

func (n Names) Join() string { return strings.Join(n, "+") }

type Counts map[string]int

func (c Counts) Total() (t int) {
	for _, v := range c {
		t += v
	}
	return
}

type Number interface{ ~int | ~float64 }

func Double[S ~[]E, E Number](s S) S {
	out := make(S, len(s))
	for i, v := range s {
		out[i] = v * 2
	}
	return out
}

func Keep[S ~[]E, E any](s S, f func(E) bool) S {
	var out S
	for _, v := range s {
		if f(v) {
			out = append(out, v)
		}
	}
	return out
}

func main() {
	s := Series{3, 1, 2, 2}
	c := slices.Clone(s)
	fmt.Printf("%T %v %v\n", c, c.Sum(), c)
	d := Double(s)
	fmt.Printf("%T %v %v\n", d, d.Sum(), d)
	k := Keep(s, func(v float64) bool { return v > 1 })
	fmt.Printf("%T %v\n", k, k.Sum())
	slices.Sort(c)
	c = slices.Compact(c)
	fmt.Printf("%T %v %v\n", c, c, c.Sum())
	c = slices.Insert(c, 1, 10)
	fmt.Println(c.Sum(), c)
	n := Names{"b", "a", "c"}
	sort.Strings(n)
	fmt.Println(n.Join(), slices.Clone(n).Join(), Keep(n, func(s string) bool { return s != "b" }).Join())
	cs := Counts{"a": 1, "b": 2}
	cl := maps.Clone(cs)
	fmt.Printf("%T %d\n", cl, cl.Total())
	maps.DeleteFunc(cl, func(k string, v int) bool { return v > 1 })
	fmt.Println(cl.Total(), cs.Total())
	col := maps.Collect(maps.All(cs))
	fmt.Printf("%T %d\n", col, len(col))
	ss := slices.Collect(slices.Values(s))
	fmt.Printf("%T\n", ss)
	chunks := 0
	for ch := range slices.Chunk(s, 3) {
		fmt.Printf("%T %v ", ch, ch.Sum())
		chunks++
	}
	fmt.Println(chunks)
	var fs []func() float64
	for _, part := range []Series{{1}, {2, 3}} {
		fs = append(fs, part.Sum)
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	sum := Series.Sum
	fmt.Println(sum(Series{4, 5}), Names.Join(Names{"x", "y"}))
}
