// Descriptive statistics with gonum's stat and floats packages: moments,
// correlation, regression, quantiles and vector helpers.
package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"
)

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
}
