package analysis

import (
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
// like the rest; its control limits are exact Poisson quantiles of that count, so the
// limits funnel in as exposure grows and a small group is not flagged for noise.
type Funnel struct {
	// Target is the rate the groups are compared with, in events per 1000 usage hours;
	// usually the pooled rate of all groups (NewFunnel).
	Target float64
}

// Funnel limit levels used by FunnelTable and the funnel plot: about 2 and 3
// standard deviations, two-sided.
const (
	FunnelLevelWarning = 0.95
	FunnelLevelAlarm   = 0.998
)

// NewFunnel returns the Funnel whose target is the pooled rate of groups,
// Σevents / Σkhours.
func NewFunnel(groups []Rate) Funnel {
	return Funnel{Target: PoolRates(groups...).Value()}
}

// Limits returns the two-sided control limits at the given level (0.95, 0.998) for
// the rate of a group with exposure khours (thousands of usage hours), in events per
// 1000 usage hours.
//
// Each limit is the interpolated Poisson quantile of Spiegelhalter (2005, Stat Med
// 24:1185, appendix A.1.1): for p = (1 − level)/2 or (1 + level)/2 and
// X ~ Poisson(μ = Target·khours), r is the least count with P(X ≤ r) ≥ p and
//
//	limit = (r − α) / khours,  α = (P(X ≤ r) − p) / P(X = r),
//
// which makes the limits continuous in the exposure instead of stepping with the
// integer counts. A lower limit below 0 is reported as 0. It returns NaN, NaN for a
// non-positive exposure or a level outside (0, 1).
func (f Funnel) Limits(khours, level float64) (lo, hi float64) {
	if !validLevel(level) || !(khours > 0) || !(f.Target >= 0) {
		return math.NaN(), math.NaN()
	}
	mu := f.Target * khours
	lo = math.Max(0, poissonQuantileInterp(mu, (1-level)/2)) / khours
	hi = poissonQuantileInterp(mu, (1+level)/2) / khours
	return lo, hi
}

// poissonQuantileInterp returns r − α, the p quantile r of Poisson(mu) less its
// interpolation offset α (see Funnel.Limits).
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
)

// String returns "inside", "above" or "below".
func (p FunnelPosition) String() string {
	switch p {
	case Inside:
		return "inside"
	case Above:
		return "above"
	case Below:
		return "below"
	}
	return "FunnelPosition(" + strconv.Itoa(int(p)) + ")"
}

// Position classifies the rate r against the limits at level, by comparing its value
// with the limits drawn on the funnel plot, so that the table and the picture agree.
// A group with no exposure is Inside: there is nothing to flag.
func (f Funnel) Position(r Rate, level float64) FunnelPosition {
	lo, hi := f.Limits(r.KHours, level)
	v := r.Value()
	switch {
	case v > hi:
		return Above
	case v < lo:
		return Below
	}
	return Inside
}

// FunnelGroup is one group of a funnel analysis with its limits at the warning (95%)
// and alarm (99.8%) levels.
type FunnelGroup struct {
	Label string
	Rate  Rate
	// Lo95, Hi95, Lo998, Hi998 are the control limits for this group's exposure.
	Lo95, Hi95, Lo998, Hi998 float64
	// At95 and At998 are the group's positions against the two pairs of limits.
	At95, At998 FunnelPosition
}

// Groups classifies each group (labels[i] with rates[i]) against f at the 95% and
// 99.8% levels. It panics if the slices differ in length.
func (f Funnel) Groups(labels []string, rates []Rate) []FunnelGroup {
	if len(labels) != len(rates) {
		panic("analysis: Funnel.Groups: " + strconv.Itoa(len(labels)) + " labels for " +
			strconv.Itoa(len(rates)) + " rates")
	}
	gs := make([]FunnelGroup, len(rates))
	for i, r := range rates {
		g := FunnelGroup{Label: labels[i], Rate: r}
		g.Lo95, g.Hi95 = f.Limits(r.KHours, FunnelLevelWarning)
		g.Lo998, g.Hi998 = f.Limits(r.KHours, FunnelLevelAlarm)
		g.At95 = f.Position(r, FunnelLevelWarning)
		g.At998 = f.Position(r, FunnelLevelAlarm)
		gs[i] = g
	}
	return gs
}

// FunnelTable compares the groups (labels[i] with rates[i]) with their pooled rate and
// returns one row per group: group, events, khours, rate (per 1000 usage hours),
// target, lo95, hi95, lo998, hi998, at95, at998 (inside / above / below).
func FunnelTable(labels []string, rates []Rate) dataframe.DataFrame {
	f := NewFunnel(rates)
	return FunnelFrame(f, f.Groups(labels, rates))
}

// FunnelFrame returns the groups classified against f as a DataFrame, with the
// columns of FunnelTable.
func FunnelFrame(f Funnel, gs []FunnelGroup) dataframe.DataFrame {
	n := len(gs)
	labels, at95, at998 := make([]string, n), make([]string, n), make([]string, n)
	events := make([]int, n)
	for i, g := range gs {
		labels[i], at95[i], at998[i] = g.Label, g.At95.String(), g.At998.String()
		events[i] = int(g.Rate.Events)
	}
	cols := []series.Series{
		series.New(labels, series.String, "group"),
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
	return dataframe.New(cols...)
}
