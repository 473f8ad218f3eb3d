package main

import (
	"fmt"
	"math"
	"sort"
	"strconv"
)

type Stats struct {
	N        int
	Mean, M2 float64
	Min, Max float64
}

func (s *Stats) Add(x float64) {
	if s.N == 0 {
		s.Min, s.Max = x, x
	}
	s.N++
	d := x - s.Mean
	s.Mean += d / float64(s.N)
	s.M2 += d * (x - s.Mean)
	s.Min = math.Min(s.Min, x)
	s.Max = math.Max(s.Max, x)
}

func (s Stats) Var() float64 { return s.M2 / float64(s.N-1) }

type Hist map[int]int

func (h Hist) Add(x float64, width float64) { h[int(math.Floor(x/width))]++ }

func (h Hist) Bins() []int {
	var ks []int
	for k := range h {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	return ks
}

func main() {
	data := []float64{2.5, -1.25, 3.75, 0, 10.5, -7.125, 4, 4, 1e-3}
	var st Stats
	h := Hist{}
	for _, x := range data {
		st.Add(x)
		h.Add(x, 2.5)
	}
	fmt.Printf("n=%d mean=%.6f var=%.6f sd=%.4g min=%v max=%v\n", st.N, st.Mean, st.Var(), math.Sqrt(st.Var()), st.Min, st.Max)
	for _, b := range h.Bins() {
		fmt.Printf("[%6.2f,%6.2f) %s\n", float64(b)*2.5, float64(b+1)*2.5, strconv.Quote(fmt.Sprint(h[b])))
	}
	byStat := map[string]Stats{}
	for i, x := range data {
		k := "even"
		if i%2 == 1 {
			k = "odd"
		}
		s := byStat[k]
		s.Add(x)
		byStat[k] = s
	}
	fmt.Printf("%.3f %.3f %d %d\n", byStat["even"].Mean, byStat["odd"].Mean, byStat["even"].N, byStat["odd"].N)
	pct := func(xs []float64, p float64) float64 {
		s := append([]float64(nil), xs...)
		sort.Float64s(s)
		r := p / 100 * float64(len(s)-1)
		lo := int(r)
		if lo+1 >= len(s) {
			return s[lo]
		}
		return s[lo] + (r-float64(lo))*(s[lo+1]-s[lo])
	}
	fmt.Println(pct(data, 50), pct(data, 90), pct(data, 100), data[0])
	z := make([]string, 0, len(data))
	for _, x := range data {
		z = append(z, strconv.FormatFloat((x-st.Mean)/math.Sqrt(st.Var()), 'f', 2, 64))
	}
	fmt.Println(z)
	total, comp := 0.0, 0.0
	for i := 0; i < 10; i++ {
		y := 0.1 - comp
		t := total + y
		comp = (t - total) - y
		total = t
	}
	naive := 0.0
	for i := 0; i < 10; i++ {
		naive += 0.1
	}
	fmt.Println(total, naive, naive == 1, math.Abs(naive-1) < 1e-9)
	fmt.Printf("%.2f %.1f %.0f %.3g %g\n", 2.675, 0.05, -0.5, 1234.5678, float32(2.675))
}
