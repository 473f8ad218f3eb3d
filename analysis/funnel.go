package analysis

import (
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"gonum.org/v1/gonum/stat/distuv"
)

// Funnel holds the funnel-plot control limits (Spiegelhalter 2005) for comparing the
// rates of many groups — releases, builds, platforms, countries — with one target
// rate. A group with exposure T is expected to see Poisson(Target·T) events if it is
// like the rest; its control limits bound that count, so the limits funnel in as
// exposure grows and a small group is not flagged for noise.
type Funnel struct {
	// Target is the rate the groups are compared with, in events per 1000 usage hours;
	// usually the pooled rate of all groups (NewFunnel).
	Target float64
	// Method says how the limits are computed; the zero value is FunnelInterpolated.
	Method FunnelMethod
}

// FunnelMethod chooses how funnel limits are computed from the Poisson distribution
// of a group's count under the target, X ~ Poisson(μ), μ = Target·T.
//
// Which to use: FunnelInterpolated (the default) for deciding which groups to look
// into. Its limits are the Poisson quantiles of the count a group like the rest would
// see, so an in-control group falls below or above each as often as the level says
// (at 95%, 2.4% and 2.8% at μ = 200, 2.49% and 2.51% at μ = 2·10⁵), up to the steps of a
// count at small μ. FunnelExact to reproduce the charts of tools that publish the
// "exact Poisson" limits computed with the chi-squared distribution (England's
// public-health Fingertips charts, and the exact option of many funnel packages).
// Those limits are the confidence interval of a Poisson mean given a count equal to
// μ, which sits about one or two events higher than the distribution of the count:
// they flag more groups below the target and fewer above, and at small expected
// counts they flag groups with no events at all as below (at 95%, 61% of in-control
// groups at μ = 0.5 and 14% at μ = 2, against none for the interpolated limits). The
// two agree as μ grows.
type FunnelMethod int

const (
	// FunnelInterpolated is Spiegelhalter's (2005, Stat Med 24:1185, appendix A.1.1)
	// interpolated Poisson quantile: for p = (1 ∓ level)/2, r is the least count with
	// P(X ≤ r) ≥ p and the limit is (r − α)/T with α = (P(X ≤ r) − p)/P(X = r), which
	// makes the limits continuous in the exposure instead of stepping with the
	// integer counts.
	FunnelInterpolated FunnelMethod = iota
	// FunnelExact is the exact chi-squared form of the Poisson limits: the Garwood
	// interval evaluated at the expected count,
	//
	//	[ χ²(α/2; 2μ)/2,  χ²(1−α/2; 2μ+2)/2 ] / T,  α = 1 − level,
	//
	// with the lower limit 0 at μ = 0.
	FunnelExact
)

// String returns "interpolated" or "exact".
func (m FunnelMethod) String() string {
	switch m {
	case FunnelInterpolated:
		return "interpolated"
	case FunnelExact:
		return "exact"
	}
	return "FunnelMethod(" + strconv.Itoa(int(m)) + ")"
}

// Funnel limit levels used by FunnelTable and the funnel plot: about 2 and 3
// standard deviations, two-sided.
const (
	FunnelLevelWarning = 0.95
	FunnelLevelAlarm   = 0.998
)

// NewFunnel returns the Funnel whose target is the pooled rate of groups,
// Σevents / Σkhours, with the interpolated method. It fails for a group that is not
// a rate or when no group has exposure.
func NewFunnel(groups []Rate) (Funnel, error) {
	if err := checkRates(groups); err != nil {
		return Funnel{}, fmt.Errorf("analysis: NewFunnel: %w", err)
	}
	p := PoolRates(groups...)
	if !(p.KHours > 0) {
		return Funnel{}, fmt.Errorf("analysis: NewFunnel: %d groups and none has exposure: no target rate", len(groups))
	}
	return Funnel{Target: p.Value()}, nil
}

func (f Funnel) check() error {
	if !(f.Target >= 0) || math.IsInf(f.Target, 0) {
		return fmt.Errorf("target rate %g: must be finite and not negative", f.Target)
	}
	if f.Method != FunnelInterpolated && f.Method != FunnelExact {
		return fmt.Errorf("unknown method %v", f.Method)
	}
	return nil
}

// Limits returns the two-sided control limits at the given level (0.95, 0.998) for
// the rate of a group with exposure khours (thousands of usage hours), in events per
// 1000 usage hours, by f's Method. A lower limit below 0 is reported as 0. It fails
// for an exposure that is not positive and finite, a level outside (0, 1), a target
// that is negative, NaN or infinite, or an unknown method.
func (f Funnel) Limits(khours, level float64) (lo, hi float64, err error) {
	switch {
	case f.check() != nil:
		err = f.check()
	case !(khours > 0) || math.IsInf(khours, 0):
		err = fmt.Errorf("exposure %g khours: must be positive and finite", khours)
	default:
		err = checkLevel(level)
	}
	if err != nil {
		return math.NaN(), math.NaN(), fmt.Errorf("analysis: funnel limits: %w", err)
	}
	mu := f.Target * khours
	if f.Method == FunnelExact {
		lo, hi = poissonBounds(mu, TwoSided, level)
	} else {
		lo = math.Max(0, poissonQuantileInterp(mu, (1-level)/2))
		hi = poissonQuantileInterp(mu, (1+level)/2)
	}
	return lo / khours, hi / khours, nil
}

// poissonQuantileInterp returns r − α, the p quantile r of Poisson(mu) less its
// interpolation offset α (see FunnelInterpolated).
func poissonQuantileInterp(mu, p float64) float64 {
	d := distuv.Poisson{Lambda: mu}
	if mu == 0 {
		return 0
	}
	// The least r with CDF(r) ≥ p lies below μ + 40√μ + 40 for any p this package uses
	// (the Poisson upper tail there is far below 1e−12); bisect on the integers.
	hi := int(math.Ceil(mu + 40*math.Sqrt(mu) + 40))
	r := sort.Search(hi+1, func(r int) bool { return d.CDF(float64(r)) >= p })
	cdf := d.CDF(float64(r))
	return float64(r) - (cdf-p)/d.Prob(float64(r))
}

// FunnelPosition is where a group's rate lies against its funnel limits.
type FunnelPosition int

const (
	// Inside means within the limits: consistent with the target.
	Inside FunnelPosition = iota
	// Above means above the upper limit: more events than the target explains.
	Above
	// Below means below the lower limit: fewer events than the target explains.
	Below
	// NoExposure means the group has no usage hours: it has no limits and nothing to
	// compare.
	NoExposure
)

// String returns "inside", "above", "below" or "no exposure".
func (p FunnelPosition) String() string {
	switch p {
	case Inside:
		return "inside"
	case Above:
		return "above"
	case Below:
		return "below"
	case NoExposure:
		return "no exposure"
	}
	return "FunnelPosition(" + strconv.Itoa(int(p)) + ")"
}

// Position classifies the rate r against the limits at level, by comparing its value
// with the limits drawn on the funnel plot, so that the table and the picture agree.
// A group without exposure is NoExposure. It fails as Limits does, and for an r that
// is not a rate.
func (f Funnel) Position(r Rate, level float64) (FunnelPosition, error) {
	if err := r.check(); err != nil {
		return Inside, fmt.Errorf("analysis: funnel position of %v: %w", r, err)
	}
	if r.KHours == 0 {
		if err := f.check(); err != nil {
			return NoExposure, fmt.Errorf("analysis: funnel position: %w", err)
		}
		return NoExposure, checkLevel(level)
	}
	lo, hi, err := f.Limits(r.KHours, level)
	if err != nil {
		return Inside, err
	}
	switch v := r.Value(); {
	case v > hi:
		return Above, nil
	case v < lo:
		return Below, nil
	}
	return Inside, nil
}

// FunnelGroup is one group of a funnel analysis with its limits at the warning (95%)
// and alarm (99.8%) levels.
type FunnelGroup struct {
	Label string
	Rate  Rate
	// Lo95, Hi95, Lo998, Hi998 are the control limits for this group's exposure; NaN
	// for a group without exposure (At95 and At998 are then NoExposure).
	Lo95, Hi95, Lo998, Hi998 float64
	// At95 and At998 are the group's positions against the two pairs of limits.
	At95, At998 FunnelPosition
}

// Groups classifies each group (labels[i] with rates[i]) against f at the 95% and
// 99.8% levels. It fails when the slices differ in length, for a rate that is not
// one, or for an invalid Funnel.
func (f Funnel) Groups(labels []string, rates []Rate) ([]FunnelGroup, error) {
	if len(labels) != len(rates) {
		return nil, fmt.Errorf("analysis: funnel groups: %d labels for %d rates", len(labels), len(rates))
	}
	gs := make([]FunnelGroup, len(rates))
	for i, r := range rates {
		g := FunnelGroup{Label: labels[i], Rate: r}
		var err error
		if g.At95, err = f.Position(r, FunnelLevelWarning); err != nil {
			return nil, fmt.Errorf("group %q: %w", labels[i], err)
		}
		g.At998, _ = f.Position(r, FunnelLevelAlarm) // fails exactly when the above does
		g.Lo95, g.Hi95, g.Lo998, g.Hi998 = math.NaN(), math.NaN(), math.NaN(), math.NaN()
		if r.KHours > 0 {
			g.Lo95, g.Hi95, _ = f.Limits(r.KHours, FunnelLevelWarning)
			g.Lo998, g.Hi998, _ = f.Limits(r.KHours, FunnelLevelAlarm)
		}
		gs[i] = g
	}
	return gs, nil
}

// FunnelTable compares the groups (labels[i] with rates[i]) with their pooled rate by
// the interpolated method (NewFunnel, then Funnel.Table).
func FunnelTable(labels []string, rates []Rate) (dataframe.DataFrame, error) {
	f, err := NewFunnel(rates)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	return f.Table(labels, rates)
}

// Table classifies the groups (labels[i] with rates[i]) against f and returns one row
// per group: group, events, khours, rate (per 1000 usage hours), target, lo95, hi95,
// lo998, hi998, at95, at998 (inside / above / below / no exposure). It fails as
// Groups does.
func (f Funnel) Table(labels []string, rates []Rate) (dataframe.DataFrame, error) {
	gs, err := f.Groups(labels, rates)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	n := len(gs)
	names, at95, at998 := make([]string, n), make([]string, n), make([]string, n)
	events := make([]int, n)
	for i, g := range gs {
		names[i], at95[i], at998[i] = g.Label, g.At95.String(), g.At998.String()
		events[i] = int(g.Rate.Events)
	}
	cols := []series.Series{
		series.New(names, series.String, "group"),
		series.New(events, series.Int, "events"),
	}
	cols = append(cols, floatColumns(n, []string{"khours", "rate", "target", "lo95", "hi95", "lo998", "hi998"}, func(i int) []float64 {
		g := gs[i]
		return []float64{g.Rate.KHours, g.Rate.Value(), f.Target, g.Lo95, g.Hi95, g.Lo998, g.Hi998}
	})...)
	cols = append(cols,
		series.New(at95, series.String, "at95"),
		series.New(at998, series.String, "at998"),
	)
	return dataframe.New(cols...), nil
}
