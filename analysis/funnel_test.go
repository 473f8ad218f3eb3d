package analysis

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/ratelab/ratelab/analysis/internal/rcheck"
	"gonum.org/v1/gonum/stat/distuv"
)

// funnelLimitR is Spiegelhalter's interpolated Poisson limit written in R, from the
// paper's appendix, independently of the Go code.
const funnelLimitR = `lim <- function(mu, p) { r <- qpois(p, mu); r - (ppois(r, mu) - p)/dpois(r, mu) }
`

// Pinned from R 4 by:
//
//	Rscript -e 'lim <- function(mu, p) { r <- qpois(p, mu); r - (ppois(r, mu) - p)/dpois(r, mu) };
//	  for (T in c(0.1, 1, 10, 1000)) for (l in c(0.95, 0.998)) { mu <- 2*T;
//	  cat(sprintf("{%g, %g, %.17g, %.17g},\n", T, l, max(0, lim(mu, (1-l)/2))/T, lim(mu, (1+l)/2)/T)) }'
var funnelR = []struct{ khours, level, lo, hi float64 }{
	{0.1, 0.95, 0, 9.5433844603082782},
	{0.1, 0.998, 0, 21.360165515072307},
	{1, 0.95, 0, 4.7662363617151895},
	{1, 0.998, 0, 7.1125592459958096},
	{10, 0.95, 1.1205001038448841, 2.8745768670040261},
	{10, 0.998, 0.71691871077704206, 3.4713528573798484},
	{1000, 0.95, 1.9123200727368315, 2.0876273903288451},
	{1000, 0.998, 1.8627299342430825, 2.1391168643406142},
}

// limits returns f.Limits, failing t on an error.
func limits(t *testing.T, f Funnel, khours, level float64) (lo, hi float64) {
	t.Helper()
	lo, hi, err := f.Limits(khours, level)
	if err != nil {
		t.Fatal(err)
	}
	return lo, hi
}

func TestFunnelLimitsPinnedR(t *testing.T) {
	f := Funnel{Target: 2}
	for _, c := range funnelR {
		lo, hi := limits(t, f, c.khours, c.level)
		if !closeRel(lo, c.lo, 1e-9) || !closeRel(hi, c.hi, 1e-9) {
			t.Errorf("Limits(%g, %g) = [%.17g, %.17g], R says [%.17g, %.17g]", c.khours, c.level, lo, hi, c.lo, c.hi)
		}
	}
}

// funnelExactR is the exact chi-squared funnel limit written in R: the Garwood
// interval at the expected count mu, over the exposure.
const funnelExactR = `elo <- function(mu, l) qchisq((1-l)/2, 2*mu)/2
ehi <- function(mu, l) qchisq((1+l)/2, 2*mu+2)/2
`

// TestFunnelLimitsR checks both methods' limits over a range of expected counts
// (0.0004 to 10⁶) and levels against R at run time: the interpolated ones with R's
// qpois/ppois/dpois, the exact ones with qchisq; and a target of 0.
func TestFunnelLimitsR(t *testing.T) {
	var khours []float64
	for T := 0.001; T < 3e6; T *= 2.9 {
		khours = append(khours, T)
	}
	levels := []float64{0.8, 0.95, 0.998}
	type tc struct {
		f        Funnel
		T, level float64
	}
	var cases []tc
	var script strings.Builder
	script.WriteString(funnelLimitR + funnelExactR)
	for _, target := range []float64{0.37, 0} {
		for _, m := range []FunnelMethod{FunnelInterpolated, FunnelExact} {
			f := Funnel{Target: target, Method: m}
			for _, T := range khours {
				for _, l := range levels {
					cases = append(cases, tc{f, T, l})
					mu := f.Target * T
					if m == FunnelExact {
						fmt.Fprintf(&script, "cat(sprintf('%%.17g %%.17g\\n', elo(%.17g, %g)/%.17g, ehi(%.17g, %g)/%.17g))\n", mu, l, T, mu, l, T)
					} else if mu == 0 {
						script.WriteString("cat('0 0\\n')\n") // no events are expected: both limits are 0
					} else {
						fmt.Fprintf(&script, "cat(sprintf('%%.17g %%.17g\\n', max(0, lim(%.17g, %g))/%.17g, lim(%.17g, %g)/%.17g))\n",
							mu, (1-l)/2, T, mu, (1+l)/2, T)
					}
				}
			}
		}
	}
	got := rcheck.Numbers(t, script.String())
	if len(got) != 2*len(cases) {
		t.Fatalf("R printed %d numbers, want %d", len(got), 2*len(cases))
	}
	for i, c := range cases {
		lo, hi := limits(t, c.f, c.T, c.level)
		// Below 1e−300 (a subnormal lower limit at an expected count of 0.003) neither
		// side has significant digits left.
		loOK := closeRel(lo, got[2*i], 1e-8) || (lo < 1e-300 && got[2*i] < 1e-300)
		if !loOK || !closeRel(hi, got[2*i+1], 1e-8) {
			t.Errorf("%+v.Limits(%g, %g) = [%.17g, %.17g], R says [%.17g, %.17g]", c.f, c.T, c.level, lo, hi, got[2*i], got[2*i+1])
		}
	}
}

// TestFunnelMethodsDiffer checks what FunnelMethod's documentation says of the two
// methods: the share of in-control groups (count ~ Poisson(μ)) whose rate falls
// below or above the 95% limits.
func TestFunnelMethodsDiffer(t *testing.T) {
	flagged := func(m FunnelMethod, mu float64) (below, above float64) {
		lo, hi := limits(t, Funnel{Target: mu, Method: m}, 1, 0.95) // T = 1: limits on the count
		d := distuv.Poisson{Lambda: mu}
		if lo > 0 {
			below = d.CDF(math.Ceil(lo) - 1)
		}
		return below, 1 - d.CDF(math.Floor(hi))
	}
	for _, c := range []struct {
		m            FunnelMethod
		mu           float64
		below, above float64 // documented, to the digits shown
		tol          float64
	}{
		{FunnelInterpolated, 200, 0.024, 0.028, 0.0005},
		{FunnelInterpolated, 2e5, 0.0249, 0.0251, 0.00005},
		{FunnelInterpolated, 0.5, 0, 0.09, 0.001},
		{FunnelInterpolated, 2, 0, 0.053, 0.001},
		{FunnelExact, 0.5, 0.61, 0, 0.005},
		{FunnelExact, 2, 0.14, 0.001, 0.005},
		{FunnelExact, 2e5, 0.025, 0.025, 0.0002},
	} {
		below, above := flagged(c.m, c.mu)
		if math.Abs(below-c.below) > c.tol || math.Abs(above-c.above) > c.tol {
			t.Errorf("%v limits at μ = %g flag %.4f below and %.4f above, documented as %g and %g", c.m, c.mu, below, above, c.below, c.above)
		}
	}
	// The exact limits sit higher than the interpolated ones, by one to two events.
	for _, mu := range []float64{20, 200, 2000, 2e5} {
		ilo, ihi := limits(t, Funnel{Target: mu}, 1, 0.95)
		elo, ehi := limits(t, Funnel{Target: mu, Method: FunnelExact}, 1, 0.95)
		if d := elo - ilo; d < 0.9 || d > 2.2 {
			t.Errorf("μ = %g: exact lower limit %g is %.3g events above the interpolated %g", mu, elo, d, ilo)
		}
		if d := ehi - ihi; d < 0.9 || d > 2.2 {
			t.Errorf("μ = %g: exact upper limit %g is %.3g events above the interpolated %g", mu, ehi, d, ihi)
		}
	}
}

// TestFunnelRefusesBadArguments checks that the funnel functions refuse what they
// cannot answer instead of returning NaN.
func TestFunnelRefusesBadArguments(t *testing.T) {
	for _, c := range []struct {
		f        Funnel
		T, level float64
		want     string
	}{
		{Funnel{Target: 2}, 0, 0.95, "exposure 0"},
		{Funnel{Target: 2}, -1, 0.95, "exposure -1"},
		{Funnel{Target: 2}, math.NaN(), 0.95, "exposure NaN"},
		{Funnel{Target: 2}, math.Inf(1), 0.95, "exposure +Inf"},
		{Funnel{Target: 2}, 1, 95, "for 95% write 0.95"},
		{Funnel{Target: 2}, 1, 0, "level 0 is outside"},
		{Funnel{Target: -2}, 1, 0.95, "target rate -2"},
		{Funnel{Target: math.NaN()}, 1, 0.95, "target rate NaN"},
		{Funnel{Target: 2, Method: 7}, 1, 0.95, "unknown method"},
	} {
		lo, hi, err := c.f.Limits(c.T, c.level)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v.Limits(%g, %g) = [%g, %g], %v; want an error saying %q", c.f, c.T, c.level, lo, hi, err, c.want)
		}
	}
	if _, err := NewFunnel([]Rate{{Events: 1}, {Events: 2}}); err == nil || !strings.Contains(err.Error(), "none has exposure") {
		t.Errorf("NewFunnel without exposure: %v, want an error", err)
	}
	if _, err := NewFunnel([]Rate{{Events: -1, KHours: 1}}); err == nil || !strings.Contains(err.Error(), "negative") {
		t.Errorf("NewFunnel with a negative count: %v, want an error", err)
	}
	if _, err := FunnelTable([]string{"a"}, []Rate{{Events: 1, KHours: 1}, {Events: 2, KHours: 1}}); err == nil {
		t.Error("FunnelTable with 1 label for 2 rates: no error")
	}
	if _, err := (Funnel{Target: 1}).Position(Rate{Events: 1, KHours: math.Inf(1)}, 0.95); err == nil {
		t.Error("Position of a rate over infinite exposure: no error")
	}
}

func TestFunnelLimitsShape(t *testing.T) {
	f := Funnel{Target: 2}
	// The limits narrow towards the target as exposure grows, and the 99.8% limits
	// lie outside the 95% ones.
	prevW := math.Inf(1)
	for T := 1.0; T < 1e5; T *= 3 {
		lo95, hi95 := limits(t, f, T, 0.95)
		lo998, hi998 := limits(t, f, T, 0.998)
		if !(lo998 <= lo95 && lo95 < f.Target && f.Target < hi95 && hi95 < hi998) {
			t.Errorf("T = %g: limits 99.8%% [%g, %g], 95%% [%g, %g] are not nested around the target 2", T, lo998, hi998, lo95, hi95)
		}
		if w := hi95 - lo95; w >= prevW {
			t.Errorf("T = %g: 95%% width %g did not shrink (was %g)", T, w, prevW)
		} else {
			prevW = w
		}
	}
}

func TestFunnelTable(t *testing.T) {
	// Twelve groups at 2 per 1k h, one planted at 4 and one at 1 over plenty of
	// exposure, and a tiny group at 10 per 1k h that must not be flagged: its 10×
	// rate rests on one event.
	labels := []string{"high", "low", "tiny"}
	rates := []Rate{{Events: 400, KHours: 100}, {Events: 100, KHours: 100}, {Events: 1, KHours: 0.1}, {}}
	labels = append(labels, "unused")
	for i := 0; i < 12; i++ {
		labels = append(labels, fmt.Sprintf("g%02d", i))
		rates = append(rates, Rate{Events: int64(200 + 3*(i-6)), KHours: 100})
	}
	df, err := FunnelTable(labels, rates)
	if err != nil {
		t.Fatal(err)
	}
	if r, c := df.Dims(); r != len(rates) || c != 11 {
		t.Fatalf("FunnelTable is %d×%d, want %d×11", r, c, len(rates))
	}
	target := df.Col("target").Float()[0]
	pooled := PoolRates(rates...).Value()
	if target != pooled {
		t.Errorf("target = %g, want the pooled rate %g", target, pooled)
	}
	at998 := df.Col("at998").Records()
	want := map[string]string{"high": "above", "low": "below", "tiny": "inside", "unused": "no exposure"}
	for i, l := range df.Col("group").Records() {
		w, ok := want[l]
		if !ok {
			w = "inside"
		}
		if at998[i] != w {
			t.Errorf("group %s (%v) is %s the 99.8%% limits, want %s", l, rates[i], at998[i], w)
		}
	}
	if got := df.Col("events").Records()[0]; got != "400" {
		t.Errorf("events of the first group = %s, want 400", got)
	}
}

func BenchmarkFunnelLimits(b *testing.B) {
	f := Funnel{Target: 2}
	for _, T := range []float64{1, 1000, 1e6} {
		b.Run(fmt.Sprint(T), func(b *testing.B) {
			for b.Loop() {
				_, _, _ = f.Limits(T, FunnelLevelAlarm)
			}
		})
	}
}
