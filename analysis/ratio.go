package analysis

import (
	"fmt"
	"math"
)

// RatioTest is the exact comparison of two Poisson rates, A against the reference B
// (for example a new release against the previous one), as R's two-sample
// poisson.test(c(A.Events, B.Events), c(A.KHours, B.KHours), r = Null,
// alternative = Alternative, conf.level = Level).
//
// Conditional on the total n = xA + xB, xA is binomial with
// p = Null·TA / (Null·TA + TB) under the null; the test and the interval are the
// exact binomial ones (binom.test) mapped to the ratio scale by
// ratio = p/(1−p) · TB/TA.
type RatioTest struct {
	// A is the rate under test; B is the reference it is compared against.
	A, B Rate
	// Null is the rate ratio of the null hypothesis (1: the rates are equal).
	Null        float64
	Alternative Alternative
	// Level is the confidence level of [Lo, Hi], for example 0.95.
	Level float64
	// Ratio is the estimated rate ratio A.Value() / B.Value(). It is NaN when neither
	// rate has an event, +Inf when only A has events.
	Ratio float64
	// Lo and Hi bound the exact conditional (Clopper–Pearson) interval for the ratio;
	// a one-sided alternative gives [0, Hi] (Less) or [Lo, +Inf] (Greater).
	Lo, Hi float64
	// P is the exact p-value of the hypothesis ratio = Null.
	P float64
}

// CompareRates tests whether rate a differs from the reference rate b with the
// two-sided conditional binomial exact test, and returns the rate ratio a/b with its
// exact interval at the given level and the p-value: PoissonRatioTest(a, b, 1,
// TwoSided, level). With no events at all the ratio is NaN, its interval [0, +Inf]
// and p = 1. It fails for an invalid rate, a rate with no exposure, or a level
// outside (0, 1).
func CompareRates(a, b Rate, level float64) (RatioTest, error) {
	return PoissonRatioTest(a, b, 1, TwoSided, level)
}

// PoissonRatioTest tests the ratio of rate a to the reference rate b against null
// (1 for equal rates) under the alternative, as R's two-sample poisson.test with
// r = null. See RatioTest for the method. Both exposures must be positive and null
// positive and finite.
func PoissonRatioTest(a, b Rate, null float64, alt Alternative, level float64) (RatioTest, error) {
	t := RatioTest{A: a, B: b, Null: null, Alternative: alt, Level: level,
		Ratio: math.NaN(), Lo: math.NaN(), Hi: math.NaN(), P: math.NaN()}
	var err error
	switch {
	case a.check() != nil:
		err = fmt.Errorf("rate A: %w", a.check())
	case b.check() != nil:
		err = fmt.Errorf("rate B: %w", b.check())
	case a.KHours == 0:
		err = fmt.Errorf("rate A: %w", errNoExposure)
	case b.KHours == 0:
		err = fmt.Errorf("rate B: %w", errNoExposure)
	case !(null > 0) || math.IsInf(null, 0):
		err = fmt.Errorf("null ratio %g: must be positive and finite", null)
	case alt.check() != nil:
		err = alt.check()
	default:
		err = checkLevel(level)
	}
	if err != nil {
		return t, fmt.Errorf("analysis: compare %v with %v: %w", a, b, err)
	}
	t.Ratio = a.Value() / b.Value()
	n := a.Events + b.Events
	if n == 0 {
		t.Lo, t.Hi, t.P = 0, math.Inf(1), 1
		return t, nil
	}
	plo, phi := binomialBounds(a.Events, n, alt, level)
	odds := b.KHours / a.KHours
	t.Lo = plo / (1 - plo) * odds
	t.Hi = phi / (1 - phi) * odds
	t.P = binomialCount(n, null*a.KHours/(null*a.KHours+b.KHours)).pValue(a.Events, alt)
	return t, nil
}

// PercentChange returns the change of A relative to B in percent, 100·(ratio − 1),
// with its interval from the ratio's exact interval.
func (t RatioTest) PercentChange() (pct, lo, hi float64) {
	return 100 * (t.Ratio - 1), 100 * (t.Lo - 1), 100 * (t.Hi - 1)
}

// String summarises the comparison, for example
// "ratio 1.25 [1.02, 1.53] (+25% [+2%, +53%]), p = 0.031"; a test other than the
// two-sided one against 1 names its null and alternative.
func (t RatioTest) String() string {
	pct, lo, hi := t.PercentChange()
	s := fmt.Sprintf("ratio %.3g [%.3g, %.3g] (%+.3g%% [%+.3g%%, %+.3g%%]), p = %.2g",
		t.Ratio, t.Lo, t.Hi, pct, lo, hi, t.P)
	if t.Alternative != TwoSided || t.Null != 1 {
		s += fmt.Sprintf(" (null ratio %g, %v)", t.Null, t.Alternative)
	}
	return s
}
