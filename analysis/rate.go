package analysis

import (
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
type Rate struct {
	// Events is the number of events (crashes) observed.
	Events int64
	// KHours is the exposure in thousands of usage hours (usage_hours / 1000).
	KHours float64
}

// NewRate returns the rate of events over usageHours usage hours (not thousands).
func NewRate(events int64, usageHours float64) Rate {
	return Rate{Events: events, KHours: usageHours / 1000}
}

// Value returns the rate in events per 1000 usage hours, Events / KHours. It is NaN
// when there is neither exposure nor events, and +Inf for events over no exposure.
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
// is [0, +Inf]. It returns NaN, NaN for a level outside (0, 1), a negative count, or
// a negative or NaN exposure.
func (r Rate) Interval(level float64) (lo, hi float64) {
	lo, hi = PoissonInterval(r.Events, level)
	switch {
	case math.IsNaN(lo) || math.IsNaN(r.KHours) || r.KHours < 0:
		return math.NaN(), math.NaN()
	case r.KHours == 0:
		return 0, math.Inf(1)
	}
	return lo / r.KHours, hi / r.KHours
}

// String formats the rate with its count and exposure, for example
// "2.5 per 1k h (5 events / 2 kh)".
func (r Rate) String() string {
	return fmt.Sprintf("%.4g per 1k h (%d events / %.4g kh)", r.Value(), r.Events, r.KHours)
}

// validLevel reports whether level is a usable confidence level.
func validLevel(level float64) bool {
	return level > 0 && level < 1 && !math.IsNaN(level)
}
