package analysis

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/stat/distuv"
)

// RatioTest is the exact comparison of two Poisson rates, A against the reference B
// (for example a new release against the previous one), as R's two-sample
// poisson.test(c(A.Events, B.Events), c(A.KHours, B.KHours), conf.level = Level).
//
// Conditional on the total n = xA + xB, xA is binomial with p = TA / (TA + TB) when the
// rates are equal; the test and the interval are the exact binomial ones (binom.test)
// mapped to the ratio scale by ratio = p/(1−p) · TB/TA.
type RatioTest struct {
	// A is the rate under test; B is the reference it is compared against.
	A, B Rate
	// Level is the confidence level of [Lo, Hi], for example 0.95.
	Level float64
	// Ratio is the estimated rate ratio A.Value() / B.Value(). It is NaN when neither
	// rate has an event, +Inf when only A has events.
	Ratio float64
	// Lo and Hi bound the exact conditional (Clopper–Pearson) interval for the ratio.
	Lo, Hi float64
	// P is the exact two-sided p-value of the hypothesis ratio = 1.
	P float64
}

// CompareRates tests whether rate a differs from the reference rate b with the
// conditional binomial exact test, and returns the rate ratio a/b with its exact
// interval at the given level and the two-sided p-value. Both exposures must be
// positive; otherwise, or for a level outside (0, 1), every number is NaN. With no
// events at all the ratio is NaN, its interval [0, +Inf] and p = 1.
func CompareRates(a, b Rate, level float64) RatioTest {
	t := RatioTest{A: a, B: b, Level: level}
	n := a.Events + b.Events
	if !validLevel(level) || !(a.KHours > 0) || !(b.KHours > 0) || a.Events < 0 || b.Events < 0 ||
		math.IsInf(a.KHours, 0) || math.IsInf(b.KHours, 0) {
		t.Ratio, t.Lo, t.Hi, t.P = math.NaN(), math.NaN(), math.NaN(), math.NaN()
		return t
	}
	t.Ratio = a.Value() / b.Value()
	if n == 0 {
		t.Lo, t.Hi, t.P = 0, math.Inf(1), 1
		return t
	}
	p := a.KHours / (a.KHours + b.KHours)
	plo, phi := binomialInterval(a.Events, n, level)
	odds := b.KHours / a.KHours
	t.Lo = plo / (1 - plo) * odds
	t.Hi = phi / (1 - phi) * odds
	t.P = binomialTestP(a.Events, n, p)
	return t
}

// PercentChange returns the change of A relative to B in percent, 100·(ratio − 1),
// with its interval from the ratio's exact interval.
func (t RatioTest) PercentChange() (pct, lo, hi float64) {
	return 100 * (t.Ratio - 1), 100 * (t.Lo - 1), 100 * (t.Hi - 1)
}

// String summarises the comparison, for example
// "ratio 1.25 [1.02, 1.53] (+25% [+2%, +53%]), p = 0.031".
func (t RatioTest) String() string {
	pct, lo, hi := t.PercentChange()
	return fmt.Sprintf("ratio %.3g [%.3g, %.3g] (%+.3g%% [%+.3g%%, %+.3g%%]), p = %.2g",
		t.Ratio, t.Lo, t.Hi, pct, lo, hi, t.P)
}

// binomialTestP returns the two-sided p-value of the exact binomial test of x
// successes in n trials against probability p, by R's binom.test rule: the sum of
// the probabilities of all outcomes no more likely than x, with a relative tolerance
// of 1e-7 so that ties computed with rounding error count as ties.
//
// The binomial pmf is non-increasing from ⌈np⌉ up and non-decreasing up to ⌊np⌋
// (its mode is ⌊(n+1)p⌋), so the outcomes on the far side of the mean that are no
// more likely than x form one tail, found by bisection rather than by summing the
// pmf over up to n outcomes.
func binomialTestP(x, n int64, p float64) float64 {
	const relErr = 1 + 1e-7
	b := distuv.Binomial{N: float64(n), P: p}
	d := b.Prob(float64(x)) * relErr
	m := float64(n) * p
	switch {
	case float64(x) == m:
		return 1
	case float64(x) < m:
		// Far tail: the smallest j ≥ ⌈m⌉ with pmf(j) ≤ d; the tail is X ≥ j.
		start := int64(math.Ceil(m))
		j := start + int64(sort.Search(int(n-start+1), func(i int) bool {
			return b.Prob(float64(start+int64(i))) <= d
		}))
		return math.Min(1, b.CDF(float64(x))+upperTail(b, j))
	default:
		// Far tail: outcomes 0..j−1 with pmf ≤ d, j the first one ≤ ⌊m⌋ above d.
		end := int64(math.Floor(m))
		j := int64(sort.Search(int(end+1), func(i int) bool {
			return b.Prob(float64(i)) > d
		}))
		var lower float64
		if j > 0 {
			lower = b.CDF(float64(j - 1))
		}
		return math.Min(1, lower+upperTail(b, x))
	}
}

// upperTail returns P(X ≥ k) for X ~ b, computed directly as the regularised
// incomplete beta I_p(k, n−k+1) rather than as 1 − CDF, which loses tiny tails.
func upperTail(b distuv.Binomial, k int64) float64 {
	switch {
	case k <= 0:
		return 1
	case float64(k) > b.N:
		return 0
	}
	return distuv.Beta{Alpha: float64(k), Beta: b.N - float64(k) + 1}.CDF(b.P)
}
