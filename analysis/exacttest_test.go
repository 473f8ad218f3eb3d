package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ratelab/ratelab/analysis/internal/rcheck"
)

// TestPoissonTestR compares the one-sample exact test with R's
// poisson.test(x, T, r, alternative, conf.level) run now, under each alternative, on
// random cases and a grid of edge cases: no events, tiny and huge exposures, counts
// near 10⁸, a reference rate of 0, counts far in either tail.
func TestPoissonTestR(t *testing.T) {
	type tc struct {
		r          Rate
		ref, level float64
	}
	rng := rand.New(rand.NewPCG(8, 1))
	var cases []tc
	for i := 0; i < 60; i++ {
		T := math.Exp(rng.Float64()*12 - 6) // 0.0025 to 400 khours
		ref := math.Exp(rng.Float64()*8 - 2)
		x := poissonDraw(rng, ref*T*math.Exp((rng.Float64()-0.5)*1.5))
		cases = append(cases, tc{Rate{x, T}, ref, []float64{0.8, 0.95, 0.99}[i%3]})
	}
	cases = append(cases,
		tc{Rate{0, 1}, 2, 0.95},
		tc{Rate{0, 1e-6}, 2, 0.95},
		tc{Rate{3, 1e-6}, 2, 0.95},
		tc{Rate{0, 1e4}, 2, 0.998},
		tc{Rate{5, 2}, 0, 0.95},
		tc{Rate{0, 2}, 0, 0.95},
		tc{Rate{99999123, 1e5}, 1000, 0.95}, // R enumerates the far tail: keep x > μ cases near 10⁷
		tc{Rate{10012345, 1e4}, 1000, 0.998},
		tc{Rate{40, 10}, 1, 0.95},
		tc{Rate{1, 10}, 10, 0.95},
	)
	alts := []string{"two.sided", "less", "greater"}
	var script strings.Builder
	for _, c := range cases {
		for _, alt := range alts {
			fmt.Fprintf(&script, "r <- poisson.test(%d, %.17g, r=%.17g, alternative='%s', conf.level=%g); cat(sprintf('%%.17g %%.17g %%.17g\\n', r$conf.int[1], r$conf.int[2], r$p.value))\n",
				c.r.Events, c.r.KHours, c.ref, alt, c.level)
		}
	}
	got := rcheck.Numbers(t, script.String())
	if len(got) != 9*len(cases) {
		t.Fatalf("R printed %d numbers, want %d", len(got), 9*len(cases))
	}
	for i, c := range cases {
		for k, alt := range []Alternative{TwoSided, Less, Greater} {
			rt, err := PoissonTest(c.r, c.ref, alt, c.level)
			if err != nil {
				t.Fatal(err)
			}
			w := got[9*i+3*k:]
			// As for the two-sample test: p-values agree to 1e-7, or both are
			// subnormal.
			pOK := closeRel(rt.P, w[2], 1e-7) || (rt.P < 1e-300 && w[2] < 1e-300)
			if !closeRel(rt.Lo, w[0], 1e-9) || !closeRel(rt.Hi, w[1], 1e-9) || !pOK {
				t.Errorf("PoissonTest(%v, %g, %v, %g) = [%.17g, %.17g] p %.17g; R says [%.17g, %.17g] p %.17g",
					c.r, c.ref, alt, c.level, rt.Lo, rt.Hi, rt.P, w[0], w[1], w[2])
			}
		}
	}
}

func TestPoissonTestRefusesBadArguments(t *testing.T) {
	for _, c := range []struct {
		r     Rate
		ref   float64
		alt   Alternative
		level float64
		want  string
	}{
		{Rate{3, 0}, 1, TwoSided, 0.95, "no exposure"},
		{Rate{-3, 1}, 1, TwoSided, 0.95, "-3 events"},
		{Rate{3, math.NaN()}, 1, TwoSided, 0.95, "exposure NaN"},
		{Rate{3, 1}, -1, TwoSided, 0.95, "reference rate -1"},
		{Rate{3, 1}, math.Inf(1), TwoSided, 0.95, "reference rate +Inf"},
		{Rate{3, 1}, math.NaN(), TwoSided, 0.95, "reference rate NaN"},
		{Rate{3, 1}, 1, Alternative(-1), 0.95, "alternative -1"},
		{Rate{3, 1}, 1, Less, 95, "for 95% write 0.95"},
	} {
		rt, err := PoissonTest(c.r, c.ref, c.alt, c.level)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("PoissonTest(%v, %g, %v, %g) = %+v, %v; want an error saying %q", c.r, c.ref, c.alt, c.level, rt, err, c.want)
		}
	}
}

// TestLoaderPMF checks the saddle-point masses against R's dpois and dbinom (which
// use the same method) at counts where log-gamma differences lose digits.
func TestLoaderPMF(t *testing.T) {
	type pc struct {
		k, n int64 // n < 0: Poisson with mean mu
		mu   float64
	}
	cases := []pc{{0, -1, 0.3}, {1, -1, 0.3}, {7, -1, 3.5}, {15, -1, 40}, {16, -1, 16.5}, {12345678, -1, 12345678.9}, {99990000, -1, 1e8},
		{0, 10, 0.3}, {10, 10, 0.3}, {3, 10, 0.3}, {16, 40, 0.5}, {9999991, 19999991, 0.5}, {99990000, 200000000, 0.49999}, {1, 3000000000, 1e-9}}
	var script strings.Builder
	for _, c := range cases {
		if c.n < 0 {
			fmt.Fprintf(&script, "cat(sprintf('%%.17g\\n', dpois(%d, %.17g)))\n", c.k, c.mu)
		} else {
			fmt.Fprintf(&script, "cat(sprintf('%%.17g\\n', dbinom(%d, %d, %.17g)))\n", c.k, c.n, c.mu)
		}
	}
	got := rcheck.Numbers(t, script.String())
	if len(got) != len(cases) {
		t.Fatalf("R printed %d numbers, want %d", len(got), len(cases))
	}
	for i, c := range cases {
		var p float64
		if c.n < 0 {
			p = poissonPMF(c.k, c.mu)
		} else {
			p = binomialPMF(c.k, c.n, c.mu)
		}
		if !closeRel(p, got[i], 1e-13) {
			t.Errorf("%+v: mass %.17g, R says %.17g", c, p, got[i])
		}
	}
}
