package analysis

import (
	"math"

	"gonum.org/v1/gonum/mathext"
)

// The exact tests need the Poisson and binomial distributions at crash counts of
// millions, where two of gonum's computations lose their digits (measured against R
// 4.2): the binomial CDF (mathext.RegIncBeta) is wrong in the second digit at
// n = 2·10⁷ (0.5067 for R's 0.4985) and meaningless at 2·10⁸, and probability masses
// from log-gamma differences lose 8 digits at counts near 10⁸. So the masses here use
// Loader's saddle-point form and the binomial tails are summed outward from an
// accurate mass; the Poisson tails keep gonum's regularised incomplete gamma, which
// agrees with R to 1e−15 there.

// countDist is a unimodal distribution of counts as the exact tests need it: its
// mean, probability mass, and both tails, each computed directly (not as 1 − the
// other) so that tiny tails keep their digits.
type countDist struct {
	mean float64
	pmf  func(k int64) float64
	cdf  func(k int64) float64 // P(X ≤ k)
	sf   func(k int64) float64 // P(X ≥ k)
	max  int64                 // largest possible count; -1 for none
}

// poissonCount returns the Poisson distribution with mean mu.
func poissonCount(mu float64) countDist {
	return countDist{
		mean: mu,
		pmf:  func(k int64) float64 { return poissonPMF(k, mu) },
		cdf:  func(k int64) float64 { return mathext.GammaIncRegComp(float64(k)+1, mu) },
		sf: func(k int64) float64 {
			if k <= 0 {
				return 1
			}
			return mathext.GammaIncReg(float64(k), mu)
		},
		max: -1,
	}
}

// binomialCount returns the binomial distribution of n trials with probability p.
func binomialCount(n int64, p float64) countDist {
	d := countDist{mean: float64(n) * p, max: n}
	d.pmf = func(k int64) float64 { return binomialPMF(k, n, p) }
	// ratio(j) = pmf(j+1)/pmf(j).
	ratio := func(j int64) float64 { return float64(n-j) / float64(j+1) * p / (1 - p) }
	d.cdf = func(k int64) float64 {
		switch {
		case k < 0:
			return 0
		case k >= n:
			return 1
		case float64(k) < d.mean:
			return sumDown(k, d.pmf(k), ratio)
		}
		return 1 - sumUp(k+1, n, d.pmf(k+1), ratio)
	}
	d.sf = func(k int64) float64 {
		switch {
		case k <= 0:
			return 1
		case k > n:
			return 0
		case float64(k) > d.mean:
			return sumUp(k, n, d.pmf(k), ratio)
		}
		return 1 - sumDown(k-1, d.pmf(k-1), ratio)
	}
	return d
}

// sumDown returns Σ pmf(j) for j = k, k−1, …, 0, from pmf(k) = first and the ratios
// pmf(j+1)/pmf(j), stopping once the terms no longer change the sum. Below the mode
// the terms fall at least geometrically, so the sum is short and accurate.
func sumDown(k int64, first float64, ratio func(j int64) float64) float64 {
	sum, term := first, first
	for j := k - 1; j >= 0 && term > sum*1e-17; j-- {
		term /= ratio(j)
		sum += term
	}
	return sum
}

// sumUp returns Σ pmf(j) for j = k, …, n, as sumDown does upwards.
func sumUp(k, n int64, first float64, ratio func(j int64) float64) float64 {
	sum, term := first, first
	for j := k; j < n && term > sum*1e-17; j++ {
		term *= ratio(j)
		sum += term
	}
	return sum
}

// poissonPMF returns P(X = k) for X ~ Poisson(mu) in Loader's (2000, "Fast and
// accurate computation of binomial probabilities") saddle-point form,
//
//	P(X = k) = exp(−δ(k) − D(k, μ)) / √(2πk),
//
// with δ the Stirling-series error and D(k, μ) = k·ln(k/μ) + μ − k computed without
// cancellation (see stirlingErr and devianceTerm).
func poissonPMF(k int64, mu float64) float64 {
	switch {
	case k < 0:
		return 0
	case mu == 0:
		if k == 0 {
			return 1
		}
		return 0
	case k == 0:
		return math.Exp(-mu)
	}
	x := float64(k)
	return math.Exp(-stirlingErr(x)-devianceTerm(x, mu)) / math.Sqrt(2*math.Pi*x)
}

// binomialPMF returns P(X = k) for X ~ Binomial(n, p) in Loader's form,
//
//	P(X = k) = exp(δ(n) − δ(k) − δ(n−k) − D(k, np) − D(n−k, nq)) · √(n / (2πk(n−k))).
func binomialPMF(k, n int64, p float64) float64 {
	q := 1 - p
	switch {
	case k < 0 || k > n:
		return 0
	case k == 0:
		return math.Exp(float64(n) * math.Log1p(-p))
	case k == n:
		return math.Pow(p, float64(n))
	}
	x, m, y := float64(k), float64(n), float64(n-k)
	lc := stirlingErr(m) - stirlingErr(x) - stirlingErr(y) - devianceTerm(x, m*p) - devianceTerm(y, m*q)
	return math.Exp(lc) * math.Sqrt(m/(2*math.Pi*x*y))
}

// stirlingErr returns δ(x) = ln Γ(x+1) − (x + ½)·ln x + x − ½·ln 2π, the error of
// Stirling's formula: by its asymptotic series 1/(12x) − 1/(360x³) + 1/(1260x⁵) −
// 1/(1680x⁷) + 1/(1188x⁹) for x > 15, where the series is exact to double precision,
// and from ln Γ below, where the terms are small enough not to cancel.
func stirlingErr(x float64) float64 {
	if x <= 15 {
		lg, _ := math.Lgamma(x + 1)
		return lg - (x+0.5)*math.Log(x) + x - 0.5*math.Log(2*math.Pi)
	}
	x2 := x * x
	return (1.0/12 - (1.0/360-(1.0/1260-(1.0/1680-1.0/(1188*x2))/x2)/x2)/x2) / x
}

// devianceTerm returns D(x, m) = x·ln(x/m) + m − x ≥ 0. Near x = m, where the two
// large terms cancel, it sums the series (x − m)·v + 2x·Σ v^(2j+1)/(2j+1), j ≥ 1,
// with v = (x − m)/(x + m).
func devianceTerm(x, m float64) float64 {
	if math.Abs(x-m) >= 0.1*(x+m) {
		return x*math.Log(x/m) + m - x
	}
	v := (x - m) / (x + m)
	s := (x - m) * v
	ej := 2 * x * v
	v2 := v * v
	for j := 1; j < 1000; j++ {
		ej *= v2
		next := s + ej/float64(2*j+1)
		if next == s {
			break
		}
		s = next
	}
	return s
}
