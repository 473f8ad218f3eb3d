package analysis

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/ratelab/ratelab/analysis/internal/rcheck"
)

// closeRel reports whether got is within a relative tolerance tol of want (or both are
// the same infinity, or both NaN, or |got−want| ≤ tol when want is 0).
func closeRel(got, want, tol float64) bool {
	switch {
	case math.IsNaN(want):
		return math.IsNaN(got)
	case math.IsInf(want, 0):
		return got == want
	case want == 0:
		return math.Abs(got) <= tol
	}
	return math.Abs(got-want) <= tol*math.Abs(want)
}

// Pinned from R 4 (Debian r-base-core) by:
//
//	Rscript -e 'options(digits=17); xs<-c(0,1,2,5,10,100,1000,123456); lv<-c(0.8,0.95,0.99,0.998);
//	  for (x in xs) for (l in lv) { ci<-poisson.test(x, 2.5, conf.level=l)$conf.int;
//	  cat(sprintf("{%d, 2.5, %g, %.17g, %.17g},\n", x, l, ci[1], ci[2])) }'
var garwoodR = []struct {
	x             int64
	khours, level float64
	lo, hi        float64
}{
	{0, 2.5, 0.8, 0, 0.92103403719761834},
	{0, 2.5, 0.95, 0, 1.4755517816455741},
	{0, 2.5, 0.99, 0, 2.1193269466192142},
	{0, 2.5, 0.998, 0, 2.7631021115928545},
	{1, 2.5, 0.8, 0.042144206263130514, 1.555888067946972},
	{1, 2.5, 0.95, 0.010127123193715958, 2.2286573563755594},
	{1, 2.5, 0.99, 0.0020050167294177147, 2.9720518001120491},
	{1, 2.5, 0.998, 0.00040020013343341376, 3.6933653905806336},
	{2, 2.5, 0.8, 0.21272464335584479, 2.1289281351336844},
	{2, 2.5, 0.95, 0.096883711417586005, 2.8898750670895832},
	{2, 2.5, 0.99, 0.041397818699236436, 3.7095168357022175},
	{2, 2.5, 0.998, 0.018160807107795832, 4.4915488969650648},
	{5, 2.5, 0.8, 0.97303641038506572, 3.7098695573406486},
	{5, 2.5, 0.95, 0.6493945560473684, 4.667332831729067},
	{5, 2.5, 0.99, 0.43117129626092787, 5.6599037644092052},
	{5, 2.5, 0.998, 0.29574869276713306, 6.5818980814720423},
	{10, 2.5, 0.8, 2.4885218420900128, 6.1626564687906074},
	{10, 2.5, 0.95, 1.9181554784529737, 7.3561424168071117},
	{10, 2.5, 0.99, 1.4867688525868468, 8.559130999861706},
	{10, 2.5, 0.998, 1.184208149097504, 9.6535884581670341},
	{100, 2.5, 0.8, 34.967054599837475, 45.629814852269803},
	{100, 2.5, 0.95, 32.545596500369264, 48.650717516970545},
	{100, 2.5, 0.99, 30.448198337475674, 51.504232048040976},
	{100, 2.5, 0.998, 28.768558998000163, 53.969727624505779},
	{1000, 2.5, 0.8, 383.87757309153329, 416.70182763105748},
	{1000, 2.5, 0.95, 375.58920736307812, 425.58085440652076},
	{1000, 2.5, 0.99, 368.16961846534366, 433.74914722575568},
	{1000, 2.5, 0.998, 362.04831637399064, 440.65077755161218},
	{123456, 2.5, 0.8, 49202.369915136449, 49563.00211415255},
	{123456, 2.5, 0.95, 49107.315479406221, 49658.643358137837},
	{123456, 2.5, 0.99, 49021.130842083374, 49745.573261899743},
	{123456, 2.5, 0.998, 48949.222295847503, 49818.259336737472},
}

func TestRateIntervalPinnedR(t *testing.T) {
	for _, c := range garwoodR {
		lo, hi, err := Rate{Events: c.x, KHours: c.khours}.Interval(c.level)
		if err != nil {
			t.Fatal(err)
		}
		if !closeRel(lo, c.lo, 1e-9) || !closeRel(hi, c.hi, 1e-9) {
			t.Errorf("Rate{%d, %g}.Interval(%g) = [%.17g, %.17g], R says [%.17g, %.17g]",
				c.x, c.khours, c.level, lo, hi, c.lo, c.hi)
		}
	}
}

// TestRateIntervalR asks R at run time for the intervals of counts from 0 to 10⁷ at
// several levels and exposures.
func TestRateIntervalR(t *testing.T) {
	xs := []int64{0, 1, 3, 7, 20, 55, 314, 2718, 99999, 10000000}
	levels := []float64{0.5, 0.9, 0.95, 0.998}
	khours := []float64{0.001, 1, 37.5, 12345}
	var script strings.Builder
	script.WriteString("options(digits=17)\n")
	var cases []Rate
	var lv []float64
	for i, x := range xs {
		for j, l := range levels {
			r := Rate{Events: x, KHours: khours[(i+j)%len(khours)]}
			cases = append(cases, r)
			lv = append(lv, l)
			fmt.Fprintf(&script, "ci <- poisson.test(%d, %.17g, conf.level=%g)$conf.int; cat(sprintf('%%.17g %%.17g\\n', ci[1], ci[2]))\n",
				r.Events, r.KHours, l)
		}
	}
	got := rcheck.Numbers(t, script.String())
	if len(got) != 2*len(cases) {
		t.Fatalf("R printed %d numbers, want %d", len(got), 2*len(cases))
	}
	for i, r := range cases {
		lo, hi, err := r.Interval(lv[i])
		if err != nil {
			t.Fatal(err)
		}
		if !closeRel(lo, got[2*i], 1e-9) || !closeRel(hi, got[2*i+1], 1e-9) {
			t.Errorf("%v.Interval(%g) = [%.17g, %.17g], R says [%.17g, %.17g]", r, lv[i], lo, hi, got[2*i], got[2*i+1])
		}
	}
}

func TestRateValueAndPooling(t *testing.T) {
	// Two rows: a small one with a high rate and a big one with a low rate. The pooled
	// rate is Σevents/Σkhours = 110/110, not the mean of 10 and 0.1.
	small, err := NewRate(100, 10000)
	if err != nil {
		t.Fatal(err)
	}
	if small.KHours != 10 || small.Value() != 10 {
		t.Fatalf("NewRate(100, 10000) = %+v with value %g, want 10 khours and 10 per 1k h", small, small.Value())
	}
	p := PoolRates(small, Rate{Events: 10, KHours: 100})
	if p.Events != 110 || p.KHours != 110 || !closeRel(p.Value(), 1, 1e-15) {
		t.Errorf("PoolRates = %+v (value %g), want 110 events over 110 khours, rate 1", p, p.Value())
	}
	if !math.IsNaN((Rate{}).Value()) || !math.IsInf(Rate{Events: 1}.Value(), 1) {
		t.Errorf("zero exposure: Rate{}.Value() = %g, Rate{1, 0}.Value() = %g; want NaN and +Inf", Rate{}.Value(), Rate{Events: 1}.Value())
	}
	// Over no exposure nothing is known: the interval is all of [0, +Inf].
	for _, r := range []Rate{{Events: 3}, {}} {
		if lo, hi, err := r.Interval(0.95); err != nil || lo != 0 || !math.IsInf(hi, 1) {
			t.Errorf("%+v.Interval(0.95) = [%g, %g], %v; want [0, +Inf]", r, lo, hi, err)
		}
	}
	if s := (Rate{Events: 5, KHours: 2}).String(); s != "2.5 per 1k h (5 events / 2 kh)" {
		t.Errorf("String() = %q", s)
	}
}

// TestRateRefusesBadArguments checks that bad arguments give errors that say what is
// wrong, not NaN or a negative rate.
func TestRateRefusesBadArguments(t *testing.T) {
	for _, c := range []struct {
		events int64
		hours  float64
		want   string
	}{
		{-3, 1000, "-3 events: a count cannot be negative"},
		{3, -1000, "exposure -1 khours"},
		{3, math.NaN(), "exposure NaN khours"},
		{3, math.Inf(1), "exposure +Inf khours"},
	} {
		r, err := NewRate(c.events, c.hours)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("NewRate(%d, %g) = %v, %v; want an error saying %q", c.events, c.hours, r, err, c.want)
		}
		// The same values as a literal are refused where they are used.
		lit := Rate{Events: c.events, KHours: c.hours / 1000}
		if lo, hi, err := lit.Interval(0.95); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v.Interval(0.95) = [%g, %g], %v; want an error saying %q", lit, lo, hi, err, c.want)
		}
	}
	for _, c := range []struct {
		level float64
		want  string
	}{
		{95, "confidence level 95 is outside (0, 1): for 95% write 0.95"},
		{1, "confidence level 1 is outside (0, 1)"},
		{0, "confidence level 0 is outside (0, 1)"},
		{-0.5, "confidence level -0.5 is outside (0, 1)"},
		{math.NaN(), "confidence level NaN is outside (0, 1)"},
	} {
		if lo, hi, err := (Rate{Events: 3, KHours: 1}).Interval(c.level); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Interval(%g) = [%g, %g], %v; want an error saying %q", c.level, lo, hi, err, c.want)
		}
		if lo, hi, err := PoissonInterval(3, c.level); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("PoissonInterval(3, %g) = [%g, %g], %v; want an error saying %q", c.level, lo, hi, err, c.want)
		}
	}
	if _, _, err := PoissonInterval(-1, 0.95); err == nil {
		t.Error("PoissonInterval(-1, 0.95): no error")
	}
}

func TestExposureRule(t *testing.T) {
	rule := ExposureRule{MinEvents: 10, MinKHours: 5}
	for _, c := range []struct {
		r   Rate
		low bool
	}{
		{Rate{Events: 10, KHours: 5}, false},
		{Rate{Events: 9, KHours: 500}, true},
		{Rate{Events: 1000, KHours: 4.9}, true},
		{Rate{Events: 10, KHours: math.NaN()}, true},
	} {
		if got := rule.Low(c.r); got != c.low {
			t.Errorf("%+v.Low(%v) = %v, want %v", rule, c.r, got, c.low)
		}
	}
	if (ExposureRule{}).Low(Rate{}) {
		t.Errorf("the zero ExposureRule flags Rate{}; a zero field must not apply")
	}
}

func BenchmarkRateInterval(b *testing.B) {
	for _, x := range []int64{3, 1000, 10000000} {
		b.Run(strconv.FormatInt(x, 10), func(b *testing.B) {
			r := Rate{Events: x, KHours: 12.5}
			for b.Loop() {
				_, _, _ = r.Interval(0.95)
			}
		})
	}
}
