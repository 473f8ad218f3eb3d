// Descriptive statistics over a fixed data set: mean, variance, median, percentiles, histogram.
package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

type Summary struct {
	N                int
	Mean, Var, Std   float64
	Min, Max, Median float64
}

func mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

func variance(xs []float64) (v float64) {
	m := mean(xs)
	for _, x := range xs {
		d := x - m
		v += d * d
	}
	v /= float64(len(xs) - 1)
	return
}

func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	pos := p / 100 * float64(len(sorted)-1)
	lo := int(math.Floor(pos))
	hi := int(math.Ceil(pos))
	frac := pos - float64(lo)
	return sorted[lo]*(1-frac) + sorted[hi]*frac
}

func summarize(xs []float64) Summary {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	v := variance(xs)
	return Summary{
		N: len(xs), Mean: mean(xs), Var: v, Std: math.Sqrt(v),
		Min: s[0], Max: s[len(s)-1], Median: percentile(s, 50),
	}
}

func histogram(xs []float64, lo, width float64, bins int) []int {
	h := make([]int, bins)
	for _, x := range xs {
		b := int((x - lo) / width)
		if b < 0 {
			b = 0
		}
		if b >= bins {
			b = bins - 1
		}
		h[b]++
	}
	return h
}

func main() {
	data := []float64{12.5, 7.25, 3, 19.75, 11, 8.5, 14, 6.5, 10, 21.25, 9, 13.5}
	s := summarize(data)
	fmt.Printf("%+v\n", s)
	fmt.Printf("mean=%.3f var=%.4f std=%8.4f\n", s.Mean, s.Var, s.Std)
	sorted := append([]float64{}, data...)
	sort.Float64s(sorted)
	for _, p := range []float64{0, 10, 25, 50, 75, 90, 100} {
		fmt.Printf("p%-3.0f %6.2f\n", p, percentile(sorted, p))
	}
	fmt.Println("unsorted still:", data[:3])
	h := histogram(data, 0, 5, 5)
	for i, c := range h {
		fmt.Printf("[%2d,%2d) %s %d\n", i*5, i*5+5, strings.Repeat("#", c), c)
	}
	z := make([]float64, len(data))
	for i, x := range data {
		z[i] = (x - s.Mean) / s.Std
	}
	fmt.Printf("%.3f\n", z[:4])
	fmt.Println(math.Round(s.Mean*100)/100, math.Trunc(-2.7), math.Inf(1), -math.MaxFloat64 < 0)
	fmt.Println(percentile(nil, 50))
	var cov float64
	ys := make([]float64, len(data))
	for i := range data {
		ys[i] = 2*data[i] + float64(i%3)
	}
	mx, my := mean(data), mean(ys)
	for i := range data {
		cov += (data[i] - mx) * (ys[i] - my)
	}
	cov /= float64(len(data) - 1)
	r := cov / (math.Sqrt(variance(data)) * math.Sqrt(variance(ys)))
	fmt.Printf("cov=%.4f r=%.6f\n", cov, r)
}
