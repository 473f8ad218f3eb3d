// Descriptive statistics with gonum's stat and floats packages: moments,
// correlation, regression, quantiles and vector helpers.
package main

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"
)

type Student struct {
	Name   string
	Hours  float64
	Score  float64
	Weight float64
}

// zscores standardizes xs with gonum's StdScore.
func zscores(xs []float64) []float64 {
	m, sd := stat.MeanStdDev(xs, nil)
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = stat.StdScore(x, m, sd)
	}
	return out
}

func main() {
	xs := []float64{2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 2.8, 6.1}
	ys := []float64{1.0, 1.9, 0.8, 3.2, 2.5, 1.8, 1.5, 3.6}
	ws := []float64{1, 1, 2, 1, 1, 2, 1, 1}
	mean, std := stat.MeanStdDev(xs, nil)
	fmt.Printf("mean=%.4f std=%.4f wmean=%.4f\n", mean, std, stat.Mean(xs, ws))
	fmt.Printf("var=%.4f corr=%.4f cov=%.4f\n", stat.Variance(xs, nil), stat.Correlation(xs, ys, nil), stat.Covariance(xs, ys, nil))
	alpha, beta := stat.LinearRegression(xs, ys, nil, false)
	fmt.Printf("y = %.4f + %.4f x, r2=%.4f\n", alpha, beta, stat.RSquared(xs, ys, nil, alpha, beta))
	sorted := make([]float64, len(xs))
	copy(sorted, xs)
	floats.Argsort(sorted, make([]int, len(sorted)))
	fmt.Println("median", stat.Quantile(0.5, stat.Empirical, sorted, nil), "q90", stat.Quantile(0.9, stat.LinInterp, sorted, nil))
	fmt.Printf("sum=%.2f max=%.2f argmin=%d norm2=%.4f\n", floats.Sum(xs), floats.Max(xs), floats.MinIdx(xs), floats.Norm(xs, 2))
	zs := make([]float64, len(xs))
	floats.AddScaledTo(zs, ys, -beta, xs)
	fmt.Printf("residual-ish %.3v\n", zs)
	fmt.Println(floats.EqualApprox([]float64{1, 2}, []float64{1, 2 + 1e-12}, 1e-9), floats.HasNaN([]float64{1, math.NaN()}))
	fmt.Printf("entropy=%.4f skew=%.4f\n", stat.Entropy([]float64{0.5, 0.25, 0.25}), stat.Skew(xs, nil))

	students := []Student{
		{"ana", 2, 61, 1}, {"ben", 5, 78, 1}, {"cho", 8, 90, 0.5},
		{"dev", 3, 66, 1}, {"eli", 6, 81, 2}, {"fay", 1, 52, 1},
	}
	sort.Slice(students, func(i, j int) bool { return students[i].Hours < students[j].Hours })
	var hours, scores, weights []float64
	for _, st := range students {
		hours = append(hours, st.Hours)
		scores = append(scores, st.Score)
		weights = append(weights, st.Weight)
	}
	a, b := stat.LinearRegression(hours, scores, weights, false)
	fmt.Printf("score = %.3f + %.3f*hours (weighted)\n", a, b)
	for i, z := range zscores(scores) {
		fmt.Printf("%s z=%+.3f pred=%.1f\n", students[i].Name, z, a+b*students[i].Hours)
	}
	dividers := []float64{50, 60, 70, 80, 100}
	counts := stat.Histogram(nil, dividers, scores, nil)
	fmt.Println("histogram", counts, "wmean", stat.Mean(scores, weights))
	fmt.Printf("gmean=%.4f hmean=%.4f\n", stat.GeometricMean(scores, nil), stat.HarmonicMean(scores, nil))
}
