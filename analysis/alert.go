package analysis

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/stat"
)

// ReleaseKey names one release (build version) on one platform.
type ReleaseKey struct {
	Release  string
	Platform string
}

// Label returns "release/platform". (It is not a String method: types that embed a
// ReleaseKey would print as their key alone.)
func (k ReleaseKey) Label() string { return k.Release + "/" + k.Platform }

// ReleaseAge is one release's events and exposure on one platform in one age bucket:
// hours [Age·BucketHours, (Age+1)·BucketHours) since the release came out.
type ReleaseAge struct {
	ReleaseKey
	Age    int
	Events int64
	KHours float64
}

// AlertHistory is a history of releases by age since each release, the input of
// alert strategies: from a loaded table (AlertHistoryFromSource) or from any other
// table of events and exposure by release, platform and age.
type AlertHistory struct {
	// BucketHours is the width of an age bucket in hours.
	BucketHours float64
	Rows        []ReleaseAge
	// Regressions lists the releases known to be worse than the one before them on
	// their platform. An alert on any other release is a false alarm.
	Regressions []ReleaseKey
}

// AlertSeries is one release on one platform: its rate in each age bucket (the zero
// Rate where a bucket has no row).
type AlertSeries struct {
	ReleaseKey
	Rates []Rate
}

// Cumulative returns the pooled rate over age buckets from through to, inclusive,
// clipped to the series.
func (s *AlertSeries) Cumulative(from, to int) Rate {
	var r Rate
	for a := max(from, 0); a <= to && a < len(s.Rates); a++ {
		r = r.Add(s.Rates[a])
	}
	return r
}

// Series returns the history's series grouped by platform (sorted) and, within a
// platform, by release version (numerically), oldest first.
func (h AlertHistory) Series() ([]*AlertSeries, error) {
	byKey := map[ReleaseKey]*AlertSeries{}
	for i, r := range h.Rows {
		if r.Age < 0 {
			return nil, fmt.Errorf("analysis: alert history: row %d (%s): negative age %d", i, r.Label(), r.Age)
		}
		if err := (Rate{Events: r.Events, KHours: r.KHours}).check(); err != nil {
			return nil, fmt.Errorf("analysis: alert history: row %d (%s, age %d): %w", i, r.Label(), r.Age, err)
		}
		s := byKey[r.ReleaseKey]
		if s == nil {
			s = &AlertSeries{ReleaseKey: r.ReleaseKey}
			byKey[r.ReleaseKey] = s
		}
		for len(s.Rates) <= r.Age {
			s.Rates = append(s.Rates, Rate{})
		}
		s.Rates[r.Age] = s.Rates[r.Age].Add(Rate{Events: r.Events, KHours: r.KHours})
	}
	out := make([]*AlertSeries, 0, len(byKey))
	for _, s := range byKey {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Platform != out[j].Platform {
			return out[i].Platform < out[j].Platform
		}
		return CompareVersionStrings(out[i].Release, out[j].Release) < 0
	})
	return out, nil
}

// AlertStrategy decides, as a release ages, whether to raise an alert.
type AlertStrategy interface {
	// Name labels the strategy in tables and plots.
	Name() string
	// Alert reports whether to alert on s once its age buckets 0..age have been
	// observed. earlier holds the same platform's earlier releases, oldest first,
	// with their whole histories.
	Alert(s *AlertSeries, age int, earlier []*AlertSeries) bool
}

// alertChecker is implemented by strategies whose settings can be out of range;
// EvaluateAlerts refuses such a strategy before running it.
type alertChecker interface {
	Check() error
}

// checkThreshold returns an error unless rate is a usable threshold rate.
func checkThreshold(rate float64) error {
	if !(rate >= 0) || math.IsInf(rate, 0) {
		return fmt.Errorf("threshold rate %g: must be finite and not negative", rate)
	}
	return nil
}

// FixedThreshold alerts whenever the rate of the latest age bucket exceeds Rate
// (events per 1000 usage hours), whatever its exposure: the naive dashboard rule. A
// bucket with events and no reported hours has an infinite rate and alerts.
type FixedThreshold struct {
	Rate float64
}

// Name returns "fixed threshold R".
func (f FixedThreshold) Name() string { return fmt.Sprintf("fixed threshold %g", f.Rate) }

// Check returns an error unless Rate is finite and not negative.
func (f FixedThreshold) Check() error { return checkThreshold(f.Rate) }

// Alert implements AlertStrategy.
func (f FixedThreshold) Alert(s *AlertSeries, age int, _ []*AlertSeries) bool {
	return s.Rates[age].Value() > f.Rate
}

// ExposureThreshold alerts when the release's pooled rate since it came out exceeds
// Rate, but only once that rate stands on enough exposure (Rule.Low is false).
type ExposureThreshold struct {
	Rate float64
	Rule ExposureRule
}

// Name returns "threshold R past N events / K kh".
func (e ExposureThreshold) Name() string {
	return fmt.Sprintf("threshold %g past %d events / %g kh", e.Rate, e.Rule.MinEvents, e.Rule.MinKHours)
}

// Check returns an error unless Rate is finite and not negative and the rule's
// minimums are not negative.
func (e ExposureThreshold) Check() error {
	if e.Rule.MinEvents < 0 || !(e.Rule.MinKHours >= 0) {
		return fmt.Errorf("exposure rule %+v: minimums must not be negative", e.Rule)
	}
	return checkThreshold(e.Rate)
}

// Alert implements AlertStrategy.
func (e ExposureThreshold) Alert(s *AlertSeries, age int, _ []*AlertSeries) bool {
	r := s.Cumulative(0, age)
	return !e.Rule.Low(r) && r.Value() > e.Rate
}

// ExpectedRange learns what a release looks like at each age from the releases before
// it: at age a it takes the pooled rates since release up to a of the last Lookback
// earlier releases on the platform, and alerts when the release's own rate lies above
//
//	median + Width · √(s² + median/T),
//
// where s = 1.4826 · MAD is the robust spread of the earlier releases (the normal-
// consistent median absolute deviation) and median/T the Poisson variance of a rate
// over the release's own exposure T (khours). Early on both terms are wide — early
// rates vary most between releases and T is small — and the range narrows as the
// release ages. It needs MinReleases earlier releases with data at that age.
type ExpectedRange struct {
	Width       float64 // in robust standard deviations; 0 means 3
	Lookback    int     // earlier releases used; 0 means 6
	MinReleases int     // fewest earlier releases to decide; 0 means 3
}

func (e ExpectedRange) defaults() ExpectedRange {
	if e.Width == 0 {
		e.Width = 3
	}
	if e.Lookback == 0 {
		e.Lookback = 6
	}
	if e.MinReleases == 0 {
		e.MinReleases = 3
	}
	return e
}

// Check returns an error for a negative or non-finite Width or a negative Lookback
// or MinReleases.
func (e ExpectedRange) Check() error {
	if !(e.Width >= 0) || math.IsInf(e.Width, 0) || e.Lookback < 0 || e.MinReleases < 0 {
		return fmt.Errorf("expected range %+v: Width must be finite and not negative, Lookback and MinReleases not negative", e)
	}
	return nil
}

// Name returns "expected range ± W·spread".
func (e ExpectedRange) Name() string {
	return fmt.Sprintf("expected range, %g spreads", e.defaults().Width)
}

// Range returns the median and upper limit for a release at age bucket age with own
// exposure khours, from the earlier releases; ok is false with too few of them.
func (e ExpectedRange) Range(age int, khours float64, earlier []*AlertSeries) (median, upper float64, ok bool) {
	e = e.defaults()
	var ref []float64
	for i := len(earlier) - 1; i >= 0 && len(ref) < e.Lookback; i-- {
		if r := earlier[i].Cumulative(0, age); len(earlier[i].Rates) > age && r.KHours > 0 {
			ref = append(ref, r.Value())
		}
	}
	if len(ref) < e.MinReleases {
		return math.NaN(), math.NaN(), false
	}
	sort.Float64s(ref)
	median = stat.Quantile(0.5, stat.Empirical, ref, nil)
	dev := make([]float64, len(ref))
	for i, x := range ref {
		dev[i] = math.Abs(x - median)
	}
	sort.Float64s(dev)
	spread := 1.4826 * stat.Quantile(0.5, stat.Empirical, dev, nil)
	return median, median + e.Width*math.Sqrt(spread*spread+median/khours), true
}

// Alert implements AlertStrategy.
func (e ExpectedRange) Alert(s *AlertSeries, age int, earlier []*AlertSeries) bool {
	r := s.Cumulative(0, age)
	if !(r.KHours > 0) {
		return false
	}
	_, upper, ok := e.Range(age, r.KHours, earlier)
	return ok && r.Value() > upper
}

// PreviousReleaseTest compares the release with the one before it on the platform at
// the same ages since each came out (age buckets SkipBuckets..a of both), with the
// exact conditional test (CompareRates), and alerts when the release is worse by more
// than Margin at confidence Level: when the interval's lower end for the rate ratio
// exceeds 1 + Margin.
type PreviousReleaseTest struct {
	Level       float64 // 0 means 0.95
	SkipBuckets int     // age buckets ignored at the start of both releases
	Margin      float64 // relative change that matters, e.g. 0.1
}

// Name returns "exact test vs previous (level, skip, margin)".
func (t PreviousReleaseTest) Name() string {
	return fmt.Sprintf("exact test vs previous, %g%%, skip %d, margin %g%%", 100*t.level(), t.SkipBuckets, 100*t.Margin)
}

func (t PreviousReleaseTest) level() float64 {
	if t.Level == 0 {
		return 0.95
	}
	return t.Level
}

// Check returns an error for a Level outside (0, 1), a negative or non-finite
// Margin, or negative SkipBuckets.
func (t PreviousReleaseTest) Check() error {
	if err := checkLevel(t.level()); err != nil {
		return fmt.Errorf("exact test vs previous: %w", err)
	}
	if !(t.Margin >= 0) || math.IsInf(t.Margin, 0) || t.SkipBuckets < 0 {
		return fmt.Errorf("exact test vs previous: Margin %g must be finite and not negative, SkipBuckets %d not negative", t.Margin, t.SkipBuckets)
	}
	return nil
}

// Alert implements AlertStrategy. A bucket range without exposure on either side
// cannot be tested and does not alert.
func (t PreviousReleaseTest) Alert(s *AlertSeries, age int, earlier []*AlertSeries) bool {
	if age < t.SkipBuckets || len(earlier) == 0 {
		return false
	}
	prev := earlier[len(earlier)-1]
	if len(prev.Rates) <= age {
		return false
	}
	test, err := CompareRates(s.Cumulative(t.SkipBuckets, age), prev.Cumulative(t.SkipBuckets, age), t.level())
	return err == nil && test.Lo > 1+t.Margin
}
