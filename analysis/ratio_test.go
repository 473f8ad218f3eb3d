package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ratelab/ratelab/analysis/internal/rcheck"
)

// Pinned from R 4 (Debian r-base-core) by:
//
//	Rscript -e 'cs<-list(c(0,5,1.5,2,0.95),c(5,0,1,1,0.95),c(1,1,1,1,0.95),c(3,1,2,3,0.9),
//	  c(10,20,5,7,0.95),c(10,20,5,7,0.99),c(50,5,10,10,0.95),c(1000,1100,400,410,0.95),
//	  c(123456,124000,5000,5100,0.998),c(2000000,2010000,1e6,1e6,0.95),c(300,200,1e3,1e3,0.95),
//	  c(500,100,1,1,0.95),c(7,40,3,2.5,0.95));
//	  for (c in cs) { r<-poisson.test(c[1:2],c[3:4],conf.level=c[5]);
//	  cat(sprintf("{%d, %d, %g, %g, %g, %.17g, %.17g, %.17g, %.17g},\n", c[1],c[2],c[3],c[4],c[5],
//	  r$estimate, r$conf.int[1], r$conf.int[2], r$p.value)) }'
var ratioR = []struct {
	x1, x2           int64
	t1, t2, level    float64
	ratio, lo, hi, p float64
}{
	{0, 5, 1.5, 2, 0.95, 0, 0, 1.4550388069100613, 0.075385256143273613},
	{5, 0, 1, 1, 0.95, math.Inf(1), 0.9163558573154601, math.Inf(1), 0.0625},
	{1, 1, 1, 1, 0.95, 1, 0.012739367083666625, 78.496835316262846, 1},
	{3, 1, 2, 3, 0.9, 4.5, 0.49628591200425065, 116.225957388399, 0.30880000000000007},
	{10, 20, 5, 7, 0.95, 0.69999999999999996, 0.29260835103336613, 1.5668562619418858, 0.45952071047293508},
	{10, 20, 5, 7, 0.99, 0.69999999999999996, 0.2217282367094035, 1.9606685907659585, 0.45952071047293508},
	{50, 5, 10, 10, 0.95, 10, 4.0115361610706053, 32.133573398510599, 2.1358426138817725e-10},
	{1000, 1100, 400, 410, 0.95, 0.93181818181818177, 0.85448408879985749, 1.0160598596731925, 0.1063740101807919},
	{123456, 124000, 5000, 5100, 0.998, 1.0155251612903227, 1.0029778075778435, 1.028229379308349, 0.00012723872013419929},
	{2000000, 2010000, 1e+06, 1e+06, 0.95, 0.99502487562189068, 0.9930784985168869, 0.99697506516338696, 5.9367071702829186e-07},
	{300, 200, 1000, 1000, 0.95, 1.4999999999999998, 1.2500822366731059, 1.8029940411584457, 8.9400665422532774e-06},
	{500, 100, 1, 1, 0.95, 5, 4.0265385768823263, 6.2614050434872395, 6.6877524416299044e-65},
	{7, 40, 3, 2.5, 0.95, 0.14583333333333334, 0.055123522083799559, 0.3290100528319499, 2.5394493794322296e-08},
}

func checkRatio(t *testing.T, tr RatioTest, ratio, lo, hi, p float64, from string) {
	t.Helper()
	// The p-value sums binomial probabilities that gonum and R compute by different
	// algorithms (log-gamma here, Loader's saddle point in R): agree to 1e-7, or both
	// lie in the subnormal range, where neither has significant digits left.
	pOK := closeRel(tr.P, p, 1e-7) || (tr.P < 1e-300 && p < 1e-300)
	if !closeRel(tr.Ratio, ratio, 1e-12) || !closeRel(tr.Lo, lo, 1e-8) || !closeRel(tr.Hi, hi, 1e-8) || !pOK {
		t.Errorf("PoissonRatioTest(%v, %v, %g, %v, %g) = ratio %.17g [%.17g, %.17g] p %.17g;\n%s says ratio %.17g [%.17g, %.17g] p %.17g",
			tr.A, tr.B, tr.Null, tr.Alternative, tr.Level, tr.Ratio, tr.Lo, tr.Hi, tr.P, from, ratio, lo, hi, p)
	}
}

// compareRates returns CompareRates, failing t on an error.
func compareRates(t testing.TB, a, b Rate, level float64) RatioTest {
	t.Helper()
	tr, err := CompareRates(a, b, level)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func TestCompareRatesPinnedR(t *testing.T) {
	for _, c := range ratioR {
		tr := compareRates(t, Rate{Events: c.x1, KHours: c.t1}, Rate{Events: c.x2, KHours: c.t2}, c.level)
		checkRatio(t, tr, c.ratio, c.lo, c.hi, c.p, "R (pinned)")
	}
}

// TestPoissonRatioTestR compares random cases — small and large counts, equal and
// very different rates, several levels — and a grid of edge cases (no events on one
// side, tiny exposures, counts near 10⁷) with R's two-sample poisson.test run now,
// under each alternative and against null ratios other than 1.
func TestPoissonRatioTestR(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 2))
	levels := []float64{0.8, 0.9, 0.95, 0.99, 0.998}
	type tc struct {
		a, b        Rate
		null, level float64
	}
	var cases []tc
	for i := 0; i < 120; i++ {
		// Expected counts from 0.5 to ~10⁶, log-uniform; a rate ratio from 1/3 to 3.
		mu := math.Exp(rng.Float64() * 14)
		t1, t2 := 0.1+rng.Float64()*50, 0.1+rng.Float64()*50
		rr := math.Exp((rng.Float64() - 0.5) * 2.2)
		if i%3 == 0 {
			rr = 1
		}
		x1 := poissonDraw(rng, mu*t1/25*rr)
		x2 := poissonDraw(rng, mu*t2/25)
		if x1+x2 == 0 {
			continue
		}
		null := 1.0
		if i%4 == 1 {
			null = math.Exp((rng.Float64() - 0.5) * 2)
		}
		cases = append(cases, tc{Rate{Events: x1, KHours: t1}, Rate{Events: x2, KHours: t2}, null, levels[i%len(levels)]})
	}
	for _, e := range []tc{
		{Rate{0, 1e-6}, Rate{5, 3}, 1, 0.95},
		{Rate{7, 1e-6}, Rate{0, 3}, 1, 0.95},
		{Rate{0, 2}, Rate{1, 2}, 0.5, 0.9},
		{Rate{1, 1e-9}, Rate{1, 1e9}, 1, 0.95},
		{Rate{9999991, 1000}, Rate{10000000, 1000}, 1, 0.95},
		{Rate{2345678, 1e5}, Rate{4567890, 2e5}, 1.05, 0.998},
	} {
		cases = append(cases, e)
	}
	var script strings.Builder
	for _, c := range cases {
		for _, alt := range []string{"two.sided", "less", "greater"} {
			fmt.Fprintf(&script, "r <- poisson.test(c(%d, %d), c(%.17g, %.17g), r=%.17g, alternative='%s', conf.level=%g); cat(sprintf('%%.17g %%.17g %%.17g %%.17g\\n', r$estimate, r$conf.int[1], r$conf.int[2], r$p.value))\n",
				c.a.Events, c.b.Events, c.a.KHours, c.b.KHours, c.null, alt, c.level)
		}
	}
	got := rcheck.Numbers(t, script.String())
	if len(got) != 12*len(cases) {
		t.Fatalf("R printed %d numbers, want %d", len(got), 12*len(cases))
	}
	for i, c := range cases {
		for k, alt := range []Alternative{TwoSided, Less, Greater} {
			tr, err := PoissonRatioTest(c.a, c.b, c.null, alt, c.level)
			if err != nil {
				t.Fatal(err)
			}
			if alt.String() != []string{"two.sided", "less", "greater"}[k] {
				t.Fatalf("alternative %d is named %q", k, alt)
			}
			g := got[12*i+4*k:]
			checkRatio(t, tr, g[0], g[1], g[2], g[3], "R")
		}
	}
}

// poissonDraw draws a Poisson count with mean mu by a normal approximation for large
// means and inversion for small ones; the test needs varied counts, not exact draws.
func poissonDraw(rng *rand.Rand, mu float64) int64 {
	if mu > 50 {
		return int64(math.Max(0, math.Round(mu+math.Sqrt(mu)*rng.NormFloat64())))
	}
	u, k, p := rng.Float64(), int64(0), math.Exp(-mu)
	for cdf := p; u > cdf; cdf += p {
		k++
		p *= mu / float64(k)
	}
	return k
}

func TestCompareRatesEdges(t *testing.T) {
	tr := compareRates(t, Rate{KHours: 1}, Rate{KHours: 2}, 0.95)
	if !math.IsNaN(tr.Ratio) || tr.Lo != 0 || !math.IsInf(tr.Hi, 1) || tr.P != 1 {
		t.Errorf("no events: got %+v, want ratio NaN, interval [0, +Inf], p 1", tr)
	}
	for _, c := range []struct {
		a, b  Rate
		level float64
		want  string
	}{
		{Rate{Events: 3, KHours: 0}, Rate{Events: 3, KHours: 1}, 0.95, "rate A: no exposure"},
		{Rate{Events: 3, KHours: 1}, Rate{Events: 3, KHours: math.NaN()}, 0.95, "rate B: exposure NaN"},
		{Rate{Events: 3, KHours: 1}, Rate{Events: 3, KHours: 1}, 0, "confidence level 0"},
		{Rate{Events: 3, KHours: 1}, Rate{Events: 3, KHours: 1}, 95, "write 0.95"},
		{Rate{Events: -1, KHours: 1}, Rate{Events: 3, KHours: 1}, 0.95, "rate A: -1 events"},
	} {
		tr, err := CompareRates(c.a, c.b, c.level)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("CompareRates(%v, %v, %g) = %+v, %v; want an error saying %q", c.a, c.b, c.level, tr, err, c.want)
		}
	}
	for _, null := range []float64{0, -1, math.NaN(), math.Inf(1)} {
		if _, err := PoissonRatioTest(Rate{1, 1}, Rate{1, 1}, null, TwoSided, 0.95); err == nil || !strings.Contains(err.Error(), "null ratio") {
			t.Errorf("PoissonRatioTest with null ratio %g: %v, want an error", null, err)
		}
	}
	if _, err := PoissonRatioTest(Rate{1, 1}, Rate{1, 1}, 1, Alternative(3), 0.95); err == nil || !strings.Contains(err.Error(), "alternative 3") {
		t.Errorf("PoissonRatioTest with alternative 3: %v, want an error", err)
	}
	// The % change is 100·(ratio − 1) on the estimate and on both bounds.
	tr = compareRates(t, Rate{Events: 300, KHours: 1000}, Rate{Events: 200, KHours: 1000}, 0.95)
	pct, lo, hi := tr.PercentChange()
	if !closeRel(pct, 50, 1e-12) || !closeRel(lo, 25.00822366731059, 1e-8) || !closeRel(hi, 80.29940411584457, 1e-8) {
		t.Errorf("PercentChange() = %g [%g, %g], want +50%% [+25.008%%, +80.299%%] (from R's interval above)", pct, lo, hi)
	}
	if s := tr.String(); s != "ratio 1.5 [1.25, 1.8] (+50% [+25%, +80.3%]), p = 8.9e-06" {
		t.Errorf("String() = %q", s)
	}
	one, err := PoissonRatioTest(Rate{Events: 300, KHours: 1000}, Rate{Events: 200, KHours: 1000}, 1.2, Greater, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	if s := one.String(); !strings.HasSuffix(s, "(null ratio 1.2, greater)") || !strings.Contains(s, "+Inf]") {
		t.Errorf("String() of a one-sided test = %q", s)
	}
}

func BenchmarkCompareRates(b *testing.B) {
	for _, n := range []int64{30, 30000, 30000000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			x, y := Rate{Events: n / 2, KHours: 10}, Rate{Events: n/2 + n/100, KHours: 10.2}
			for b.Loop() {
				_, _ = CompareRates(x, y, 0.95)
			}
		})
	}
}
