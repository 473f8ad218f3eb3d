// Descriptive statistics the way a data notebook computes them: mean,
// variance (Welford), median and percentiles (linear interpolation),
// z-scores, a histogram, correlation, and a moving average.
package main

import (
	"fmt"
	"math"
	"math/rand"
	"slices"
	"strings"
)

type Summary struct {
	N                  int
	Mean, Var, Std     float64
	Min, P25, P50, P75 float64
	Max                float64
}

type welford struct {
	n    int
	mean float64
	m2   float64
}

func (w *welford) add(x float64) {
	w.n++
	d := x - w.mean
	w.mean += d / float64(w.n)
	w.m2 += d * (x - w.mean)
}

func (w welford) variance() float64 {
	if w.n < 2 {
		return math.NaN()
	}
	return w.m2 / float64(w.n-1)
}

func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	pos := p / 100 * float64(len(sorted)-1)
	lo := int(math.Floor(pos))
	hi := int(math.Ceil(pos))
	frac := pos - float64(lo)
	return sorted[lo] + frac*(sorted[hi]-sorted[lo])
}

func summarize(xs []float64) Summary {
	var w welford
	for _, x := range xs {
		w.add(x)
	}
	s := slices.Sorted(slices.Values(xs))
	v := w.variance()
	return Summary{len(xs), w.mean, v, math.Sqrt(v), s[0], percentile(s, 25), percentile(s, 50), percentile(s, 75), s[len(s)-1]}
}

func corr(xs, ys []float64) float64 {
	var sx, sy, sxx, syy, sxy float64
	n := float64(len(xs))
	for i := range xs {
		sx += xs[i]
		sy += ys[i]
		sxx += xs[i] * xs[i]
		syy += ys[i] * ys[i]
		sxy += xs[i] * ys[i]
	}
	return (n*sxy - sx*sy) / math.Sqrt((n*sxx-sx*sx)*(n*syy-sy*sy))
}

func movingAvg(xs []float64, k int) []float64 {
	out := make([]float64, 0, len(xs)-k+1)
	sum := 0.0
	for i, x := range xs {
		sum += x
		if i >= k {
			sum -= xs[i-k]
		}
		if i >= k-1 {
			out = append(out, sum/float64(k))
		}
	}
	return out
}

func main() {
	rng := rand.New(rand.NewSource(42))
	xs := make([]float64, 200)
	ys := make([]float64, 200)
	for i := range xs {
		xs[i] = 50 + 10*rng.NormFloat64()
		ys[i] = 0.5*xs[i] + 5*rng.NormFloat64()
	}
	s := summarize(xs)
	fmt.Printf("%+v\n", s)
	fmt.Printf("n=%d mean=%.4f sd=%.4f iqr=%.4f\n", s.N, s.Mean, s.Std, s.P75-s.P25)
	fmt.Printf("corr=%.5f\n", corr(xs, ys))

	small := []float64{2, 4, 4, 4, 5, 5, 7, 9}
	ss := summarize(small)
	fmt.Println(ss.Mean, ss.Var, ss.Std, ss.P50, percentile(small, 90))
	z := make([]string, len(small))
	for i, x := range small {
		z[i] = fmt.Sprintf("%.2f", (x-ss.Mean)/ss.Std)
	}
	fmt.Println(strings.Join(z, " "))

	bins := make([]int, 6)
	lo, width := 20.0, 10.0
	for _, x := range xs {
		b := int((x - lo) / width)
		b = max(0, min(b, len(bins)-1))
		bins[b]++
	}
	for i, c := range bins {
		fmt.Printf("[%3.0f,%3.0f) %-3d %s\n", lo+float64(i)*width, lo+float64(i+1)*width, c, strings.Repeat("#", c/4))
	}
	ma := movingAvg(small, 3)
	fmt.Printf("%.3f\n", ma)
	fmt.Println(summarize([]float64{1}).Var, math.IsNaN(summarize([]float64{1}).Std))
	fmt.Println(rng.Intn(100), rng.Float64(), rng.Perm(5))
}
