// Summary statistics by hand with math: mean, variance, median, percentiles.
package main

import (
	"fmt"
	"math"
	"sort"
)

func mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

func variance(xs []float64) float64 {
	m := mean(xs)
	s := 0.0
	for _, x := range xs {
		s += (x - m) * (x - m)
	}
	return s / float64(len(xs)-1)
}

func percentile(sorted []float64, p float64) float64 {
	pos := p * float64(len(sorted)-1)
	lo := int(math.Floor(pos))
	hi := int(math.Ceil(pos))
	return sorted[lo] + (sorted[hi]-sorted[lo])*(pos-float64(lo))
}

func main() {
	xs := []float64{2.5, 3.1, 4.7, 1.2, 9.8, 5.5, 3.3, 7.0}
	sorted := append([]float64(nil), xs...)
	sort.Float64s(sorted)
	fmt.Printf("mean %.4f sd %.4f\n", mean(xs), math.Sqrt(variance(xs)))
	fmt.Printf("median %.3f p90 %.3f\n", percentile(sorted, 0.5), percentile(sorted, 0.9))
	fmt.Println(math.Round(2.5), math.Floor(-1.5), math.Trunc(-1.5), math.Mod(7, 3), math.Pow(2, 10))
	fmt.Printf("%.6f %.6f %.6f\n", math.Log(math.E), math.Exp(1), math.Hypot(3, 4))
	fmt.Println(math.Inf(1) > math.MaxFloat64, math.IsNaN(math.Sqrt(-1)), math.Signbit(-0.0))
}
