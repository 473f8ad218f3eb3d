package analysis

import (
	"errors"
	"fmt"
	"math"
)

// Rate is a count of events over an exposure, the derived measure of release
// stability: events per 1000 usage hours. It keeps the event count and the exposure
// rather than only their quotient, so that intervals, pooling and low-exposure flags
// stay honest.
//
// Rates pool by summing events and exposures (Add), never by averaging per-row rates:
// Σevents / Σkhours is the rate of the whole population, a mean of rates is not.
//
// NewRate checks its arguments; a Rate written as a literal is checked by every
// function that computes with it (Interval, CompareRates, PoissonTest, Funnel,
// FitShrinkage, …), which refuse a negative count or a negative, NaN or infinite
// exposure with an error instead of returning NaN or a negative rate.
type Rate struct {
	// Events is the number of events (crashes) observed.
	Events int64
	// KHours is the exposure in thousands of usage hours (usage_hours / 1000).
	KHours float64
}

// NewRate returns the rate of events over usageHours usage hours (not thousands). It
// fails for a negative count or a negative, NaN or infinite exposure.
func NewRate(events int64, usageHours float64) (Rate, error) {
	r := Rate{Events: events, KHours: usageHours / 1000}
	if err := r.check(); err != nil {
		return Rate{}, fmt.Errorf("analysis: NewRate(%d, %g): %w", events, usageHours, err)
	}
	return r, nil
}

// check returns an error unless r has a non-negative count over a finite,
// non-negative exposure.
func (r Rate) check() error {
	switch {
	case r.Events < 0:
		return fmt.Errorf("%d events: a count cannot be negative", r.Events)
	case math.IsNaN(r.KHours) || math.IsInf(r.KHours, 0) || r.KHours < 0:
		return fmt.Errorf("exposure %g khours: must be finite and not negative", r.KHours)
	}
	return nil
}

// checkRates returns an error naming the first of rs that is not a rate.
func checkRates(rs []Rate) error {
	for i, r := range rs {
		if err := r.check(); err != nil {
			return fmt.Errorf("group %d: %w", i, err)
		}
	}
	return nil
}

// Value returns the rate in events per 1000 usage hours, Events / KHours. It is NaN
// when there is neither exposure nor events, and +Inf for events over no exposure:
// read Interval, which says what such a rate means.
func (r Rate) Value() float64 {
	return float64(r.Events) / r.KHours
}

// Add returns the pooled rate of r and o: events and exposures summed.
func (r Rate) Add(o Rate) Rate {
	return Rate{Events: r.Events + o.Events, KHours: r.KHours + o.KHours}
}

// PoolRates returns the pooled rate of rs, Σevents / Σkhours.
func PoolRates(rs ...Rate) Rate {
	var p Rate
	for _, r := range rs {
		p = p.Add(r)
	}
	return p
}

// Interval returns the exact (Garwood) two-sided confidence interval for the rate at
// the given level (for example 0.95), in events per 1000 usage hours. See
// PoissonInterval for the formula. Over no exposure nothing is known: the interval
// is [0, +Inf]. It fails for a level outside (0, 1) (write 0.95, not 95) and for a
// Rate that is not one (a negative count, a negative, NaN or infinite exposure).
func (r Rate) Interval(level float64) (lo, hi float64, err error) {
	if err := r.check(); err != nil {
		return math.NaN(), math.NaN(), fmt.Errorf("analysis: interval of %v: %w", r, err)
	}
	if err := checkLevel(level); err != nil {
		return math.NaN(), math.NaN(), fmt.Errorf("analysis: interval of %v: %w", r, err)
	}
	if r.KHours == 0 {
		return 0, math.Inf(1), nil
	}
	lo, hi = poissonBounds(float64(r.Events), TwoSided, level)
	return lo / r.KHours, hi / r.KHours, nil
}

// String formats the rate with its count and exposure, for example
// "2.5 per 1k h (5 events / 2 kh)".
func (r Rate) String() string {
	return fmt.Sprintf("%.4g per 1k h (%d events / %.4g kh)", r.Value(), r.Events, r.KHours)
}

// checkLevel returns an error unless level is a usable confidence level, in (0, 1).
// A level written as a percentage gets a hint.
func checkLevel(level float64) error {
	if level > 0 && level < 1 {
		return nil
	}
	if level >= 1 && level < 100 {
		return fmt.Errorf("confidence level %g is outside (0, 1): for %g%% write %g", level, level, level/100)
	}
	return fmt.Errorf("confidence level %g is outside (0, 1)", level)
}

// errNoExposure is the error of a test or limit asked of a rate with no exposure.
var errNoExposure = errors.New("no exposure: a rate over 0 usage hours says nothing to test")
