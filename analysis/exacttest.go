package analysis

import (
	"fmt"
	"math"
	"sort"
	"strconv"

)

// Alternative is the alternative hypothesis of an exact test, as R's alternative
// argument: the p-value and the interval are two-sided, or one-sided towards a
// smaller (Less) or larger (Greater) rate or ratio than the null.
type Alternative int

const (
	// TwoSided tests for a difference in either direction ("two.sided").
	TwoSided Alternative = iota
	// Less tests whether the rate (or ratio) is smaller than the null; its interval
	// is [0, upper].
	Less
	// Greater tests whether the rate (or ratio) is larger than the null; its
	// interval is [lower, +Inf].
	Greater
)

// String returns R's name of the alternative: "two.sided", "less" or "greater".
func (a Alternative) String() string {
	switch a {
	case TwoSided:
		return "two.sided"
	case Less:
		return "less"
	case Greater:
		return "greater"
	}
	return "Alternative(" + strconv.Itoa(int(a)) + ")"
}

func (a Alternative) check() error {
	if a < TwoSided || a > Greater {
		return fmt.Errorf("alternative %d is none of TwoSided, Less, Greater", int(a))
	}
	return nil
}

// RateTest is the exact one-sample test of a Poisson rate against a reference rate,
// as R's poisson.test(Rate.Events, Rate.KHours, r = Ref, alternative, conf.level).
type RateTest struct {
	Rate Rate
	// Ref is the reference rate of the null hypothesis, per 1000 usage hours.
	Ref         float64
	Alternative Alternative
	Level       float64
	// Lo and Hi bound the exact (Garwood) interval for the rate at Level, per 1000
	// usage hours: one-sided ones are [0, Hi] (Less) or [Lo, +Inf] (Greater).
	Lo, Hi float64
	// P is the exact p-value of the null hypothesis rate = Ref.
	P float64
}

// PoissonTest tests the rate r against the reference rate ref (events per 1000 usage
// hours) with the exact Poisson test: under the null the count is Poisson with mean
// μ = ref·r.KHours, and
//
//	Less:     p = P(X ≤ x)
//	Greater:  p = P(X ≥ x)
//	TwoSided: p = Σ P(X = k) over every k no more likely than x
//
// (the last with R's relative tolerance of 1e-7 for ties). The interval is the exact
// (Garwood) one for the rate at level, one-sided for a one-sided alternative. It
// fails for an invalid rate, no exposure, a reference that is negative, NaN or
// infinite, an unknown alternative, or a level outside (0, 1).
func PoissonTest(r Rate, ref float64, alt Alternative, level float64) (RateTest, error) {
	t := RateTest{Rate: r, Ref: ref, Alternative: alt, Level: level, Lo: math.NaN(), Hi: math.NaN(), P: math.NaN()}
	var err error
	switch {
	case r.check() != nil:
		err = r.check()
	case r.KHours == 0:
		err = errNoExposure
	case !(ref >= 0) || math.IsInf(ref, 0):
		err = fmt.Errorf("reference rate %g: must be finite and not negative", ref)
	case alt.check() != nil:
		err = alt.check()
	default:
		err = checkLevel(level)
	}
	if err != nil {
		return t, fmt.Errorf("analysis: PoissonTest(%v, %g): %w", r, ref, err)
	}
	lo, hi := poissonBounds(float64(r.Events), alt, level)
	t.Lo, t.Hi = lo/r.KHours, hi/r.KHours
	t.P = poissonCount(ref * r.KHours).pValue(r.Events, alt)
	return t, nil
}

// String summarises the test, for example
// "rate 2.5 [1.4, 4.1] per 1k h (15 events / 6 kh) against 1.5: p = 0.047 (two.sided)".
func (t RateTest) String() string {
	return fmt.Sprintf("rate %.4g [%.4g, %.4g] per 1k h (%d events / %.4g kh) against %.4g: p = %.2g (%v)",
		t.Rate.Value(), t.Lo, t.Hi, t.Rate.Events, t.Rate.KHours, t.Ref, t.P, t.Alternative)
}

// pValue returns the exact p-value of observing x under the alternative.
func (d countDist) pValue(x int64, alt Alternative) float64 {
	switch alt {
	case Less:
		return d.cdf(x)
	case Greater:
		return d.sf(x)
	}
	return d.twoSidedP(x)
}

// twoSidedP returns the two-sided p-value of observing x by the rule of R's
// binom.test and poisson.test: the sum of the probabilities of all outcomes no more
// likely than x, with a relative tolerance of 1e-7 so that ties computed with
// rounding error count as ties. A distribution with mean 0 has all its mass at 0.
//
// The pmf is non-increasing from ⌈mean⌉ − 1 up and non-decreasing up to ⌊mean⌋, so
// the outcomes on the far side of the mean that are no more likely than x form one
// tail, found by bisection rather than by summing the pmf over every outcome.
func (d countDist) twoSidedP(x int64) float64 {
	const relErr = 1 + 1e-7
	m := d.mean
	switch {
	case m == 0:
		if x == 0 {
			return 1
		}
		return 0
	case float64(x) == m:
		return 1
	}
	px := d.pmf(x) * relErr
	if float64(x) < m {
		// Far tail: the smallest j ≥ ⌈m⌉ with pmf(j) ≤ px; the tail is X ≥ j.
		start, end := int64(math.Ceil(m)), d.max
		if end < 0 { // unbounded: widen as R does until the pmf has fallen to px
			for end = max(start, int64(math.Ceil(2*m-float64(x)))); d.pmf(end) > px; end *= 2 {
			}
		}
		j := start + int64(sort.Search(int(end-start+1), func(i int) bool {
			return d.pmf(start+int64(i)) <= px
		}))
		return math.Min(1, d.cdf(x)+d.sf(j))
	}
	// Far tail: outcomes 0..j−1 with pmf ≤ px, j the first one up to ⌊m⌋ above px.
	j := int64(sort.Search(int(math.Floor(m))+1, func(i int) bool {
		return d.pmf(int64(i)) > px
	}))
	var lower float64
	if j > 0 {
		lower = d.cdf(j - 1)
	}
	return math.Min(1, lower+d.sf(x))
}
