package analysis

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/ratelab/ratelab/analysis/internal/rcheck"
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

func TestFunnelLimitsPinnedR(t *testing.T) {
	f := Funnel{Target: 2}
	for _, c := range funnelR {
		lo, hi := f.Limits(c.khours, c.level)
		if !closeRel(lo, c.lo, 1e-9) || !closeRel(hi, c.hi, 1e-9) {
			t.Errorf("Limits(%g, %g) = [%.17g, %.17g], R says [%.17g, %.17g]", c.khours, c.level, lo, hi, c.lo, c.hi)
		}
	}
}

// TestFunnelLimitsR checks the limits over a range of expected counts (0.003 to 10⁶)
// and levels against R's qpois/ppois/dpois at run time.
func TestFunnelLimitsR(t *testing.T) {
	f := Funnel{Target: 0.37}
	var khours []float64
	for T := 0.01; T < 3e6; T *= 2.9 {
		khours = append(khours, T)
	}
	levels := []float64{0.8, 0.95, 0.998}
	var script strings.Builder
	script.WriteString(funnelLimitR)
	for _, T := range khours {
		for _, l := range levels {
			fmt.Fprintf(&script, "cat(sprintf('%%.17g %%.17g\\n', max(0, lim(%.17g, %g))/%.17g, lim(%.17g, %g)/%.17g))\n",
				f.Target*T, (1-l)/2, T, f.Target*T, (1+l)/2, T)
		}
	}
	got := rcheck.Numbers(t, script.String())
	if len(got) != 2*len(khours)*len(levels) {
		t.Fatalf("R printed %d numbers, want %d", len(got), 2*len(khours)*len(levels))
	}
	i := 0
	for _, T := range khours {
		for _, l := range levels {
			lo, hi := f.Limits(T, l)
			if !closeRel(lo, got[i], 1e-8) || !closeRel(hi, got[i+1], 1e-8) {
				t.Errorf("Limits(%g, %g) = [%.17g, %.17g], R says [%.17g, %.17g]", T, l, lo, hi, got[i], got[i+1])
			}
			i += 2
		}
	}
}

func TestFunnelLimitsShape(t *testing.T) {
	f := Funnel{Target: 2}
	// The limits narrow towards the target as exposure grows, and the 99.8% limits
	// lie outside the 95% ones.
	prevW := math.Inf(1)
	for T := 1.0; T < 1e5; T *= 3 {
		lo95, hi95 := f.Limits(T, 0.95)
		lo998, hi998 := f.Limits(T, 0.998)
		if !(lo998 <= lo95 && lo95 < f.Target && f.Target < hi95 && hi95 < hi998) {
			t.Errorf("T = %g: limits 99.8%% [%g, %g], 95%% [%g, %g] are not nested around the target 2", T, lo998, hi998, lo95, hi95)
		}
		if w := hi95 - lo95; w >= prevW {
			t.Errorf("T = %g: 95%% width %g did not shrink (was %g)", T, w, prevW)
		} else {
			prevW = w
		}
	}
	if lo, hi := f.Limits(0, 0.95); !math.IsNaN(lo) || !math.IsNaN(hi) {
		t.Errorf("Limits(0, 0.95) = [%g, %g], want NaN for no exposure", lo, hi)
	}
}

func TestFunnelTable(t *testing.T) {
	// Twelve groups at 2 per 1k h, one planted at 4 and one at 1 over plenty of
	// exposure, and a tiny group at 10 per 1k h that must not be flagged: its 10×
	// rate rests on one event.
	labels := []string{"high", "low", "tiny"}
	rates := []Rate{{Events: 400, KHours: 100}, {Events: 100, KHours: 100}, {Events: 1, KHours: 0.1}}
	for i := 0; i < 12; i++ {
		labels = append(labels, fmt.Sprintf("g%02d", i))
		rates = append(rates, Rate{Events: int64(200 + 3*(i-6)), KHours: 100})
	}
	df := FunnelTable(labels, rates)
	if df.Err != nil {
		t.Fatal(df.Err)
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
	want := map[string]string{"high": "above", "low": "below", "tiny": "inside"}
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
				f.Limits(T, FunnelLevelAlarm)
			}
		})
	}
}
