package analysis

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// PoissonInterval returns the exact (Garwood 1936) two-sided confidence interval at
// the given level for the mean of a Poisson count x:
//
//	[ χ²(α/2; 2x) / 2,  χ²(1−α/2; 2x+2) / 2 ],  α = 1 − level,
//
// where χ²(p; k) is the p quantile of the chi-squared distribution with k degrees of
// freedom; the lower bound is 0 at x = 0. This is the interval of R's poisson.test.
// Divide by the exposure to get an interval for a rate. It returns NaN, NaN for a
// level outside (0, 1) or a negative x.
func PoissonInterval(x int64, level float64) (lo, hi float64) {
	if !validLevel(level) || x < 0 {
		return math.NaN(), math.NaN()
	}
	alpha := 1 - level
	if x > 0 {
		lo = distuv.ChiSquared{K: 2 * float64(x)}.Quantile(alpha/2) / 2
	}
	hi = distuv.ChiSquared{K: 2*float64(x) + 2}.Quantile(1-alpha/2) / 2
	return lo, hi
}

// binomialInterval returns the exact (Clopper–Pearson 1934) two-sided confidence
// interval at the given level for a binomial proportion with x successes in n trials,
// as R's binom.test: [B(α/2; x, n−x+1), B(1−α/2; x+1, n−x)], with B the beta quantile,
// lower 0 at x = 0 and upper 1 at x = n.
func binomialInterval(x, n int64, level float64) (lo, hi float64) {
	alpha := (1 - level) / 2
	lo, hi = 0, 1
	if x > 0 {
		lo = distuv.Beta{Alpha: float64(x), Beta: float64(n - x + 1)}.Quantile(alpha)
	}
	if x < n {
		hi = distuv.Beta{Alpha: float64(x + 1), Beta: float64(n - x)}.Quantile(1 - alpha)
	}
	return lo, hi
}
