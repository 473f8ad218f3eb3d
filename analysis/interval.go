package analysis

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/stat/distuv"
)

// PoissonInterval returns the exact (Garwood 1936) two-sided confidence interval at
// the given level for the mean of a Poisson count x:
//
//	[ χ²(α/2; 2x) / 2,  χ²(1−α/2; 2x+2) / 2 ],  α = 1 − level,
//
// where χ²(p; k) is the p quantile of the chi-squared distribution with k degrees of
// freedom; the lower bound is 0 at x = 0. This is the interval of R's poisson.test.
// Divide by the exposure to get an interval for a rate. It fails for a level outside
// (0, 1) or a negative x.
func PoissonInterval(x int64, level float64) (lo, hi float64, err error) {
	if err := checkLevel(level); err != nil {
		return math.NaN(), math.NaN(), fmt.Errorf("analysis: PoissonInterval: %w", err)
	}
	if x < 0 {
		return math.NaN(), math.NaN(), fmt.Errorf("analysis: PoissonInterval: %d events: a count cannot be negative", x)
	}
	lo, hi = poissonBounds(float64(x), TwoSided, level)
	return lo, hi, nil
}

// poissonBounds returns the exact interval for a Poisson mean given the count x under
// the alternative: two-sided as PoissonInterval, [0, χ²(level; 2x+2)/2] for Less and
// [χ²(1−level; 2x)/2, +Inf] for Greater, as R's poisson.test. The formula holds for
// a non-integer x too, as the exact funnel limits use it. x ≥ 0 and level in (0, 1)
// are the caller's to check.
func poissonBounds(x float64, alt Alternative, level float64) (lo, hi float64) {
	lower := func(tail float64) float64 { // χ²(tail; 2x)/2, 0 at x = 0
		if x == 0 {
			return 0
		}
		return gammaLowerQuantile(x, tail)
	}
	upper := func(tail float64) float64 { return distuv.ChiSquared{K: 2*x + 2}.Quantile(1-tail) / 2 }
	alpha := 1 - level
	switch alt {
	case Less:
		return 0, upper(alpha)
	case Greater:
		return lower(alpha), math.Inf(1)
	}
	return lower(alpha / 2), upper(alpha / 2)
}

// binomialBounds returns the exact (Clopper–Pearson 1934) confidence interval for a
// binomial proportion with x successes in n trials under the alternative, as R's
// binom.test: two-sided [B(α/2; x, n−x+1), B(1−α/2; x+1, n−x)], with B the beta
// quantile, lower 0 at x = 0 and upper 1 at x = n; one-sided Less [0, B(1−α; x+1,
// n−x)] and Greater [B(α; x, n−x+1), 1].
func binomialBounds(x, n int64, alt Alternative, level float64) (lo, hi float64) {
	lower := func(tail float64) float64 {
		if x == 0 {
			return 0
		}
		return distuv.Beta{Alpha: float64(x), Beta: float64(n - x + 1)}.Quantile(tail)
	}
	upper := func(tail float64) float64 {
		if x == n {
			return 1
		}
		return distuv.Beta{Alpha: float64(x + 1), Beta: float64(n - x)}.Quantile(1 - tail)
	}
	alpha := 1 - level
	switch alt {
	case Less:
		return 0, upper(alpha)
	case Greater:
		return lower(alpha), 1
	}
	return lower(alpha / 2), upper(alpha / 2)
}

// gammaLowerQuantile returns the p quantile (p < ½) of the gamma distribution with
// shape a and scale 1, χ²(p; 2a)/2. gonum's inverse (mathext.GammaIncRegInv) loses
// its digits, or returns 0, far in the lower tail of a small shape — the exact funnel
// limits at expected counts below 1 live there (R gives 2.9e−320 where it gives 0) —
// so an answer below 1e−6 is polished by Newton's method on u = ln x, solving
// ln P(a, eᵘ) = ln p, where P is the regularised lower incomplete gamma function
// (accurate there) and d ln P / du = x·f(x)/P with f the gamma density. It starts
// from P(a, x) ≈ xᵃ/Γ(a+1) when gonum's answer is 0.
func gammaLowerQuantile(a, p float64) float64 {
	x := distuv.ChiSquared{K: 2 * a}.Quantile(p) / 2
	if x > 1e-6 {
		return x // gonum's digits hold here (R agrees to 1e−12 in the tests)
	}
	lga, _ := math.Lgamma(a)
	u := math.Log(x)
	if x == 0 {
		lga1, _ := math.Lgamma(a + 1)
		u = (math.Log(p) + lga1) / a
	}
	for range 60 {
		x = math.Exp(u)
		P := mathext.GammaIncReg(a, x)
		if !(P > 0) {
			break
		}
		step := (math.Log(P) - math.Log(p)) / math.Exp(a*u-x-lga-math.Log(P))
		u -= step
		if math.Abs(step) <= 1e-15*math.Max(1, math.Abs(u)) {
			break
		}
	}
	return math.Exp(u)
}
