package sampling

import (
	"math"
	"strings"
	"testing"

	"github.com/ratelab/ratelab/analysis/internal/rcheck"
)

// surveyCheck is a fixed small sample with base weights, and the population totals of
// two margins, on which weights are compared with R's survey package.
var surveyCheck = struct {
	age, region []string
	w           []float64
	ageTotals   map[string]float64
	regTotals   map[string]float64
}{
	age:       []string{"young", "young", "young", "mid", "mid", "mid", "mid", "mid", "old", "old", "old", "young"},
	region:    []string{"N", "S", "N", "N", "S", "S", "N", "N", "S", "N", "S", "S"},
	w:         []float64{1, 2, 1.5, 1, 1, 3, 2, 1, 2.5, 1, 1, 0.5},
	ageTotals: map[string]float64{"young": 300, "mid": 500, "old": 200},
	regTotals: map[string]float64{"N": 550, "S": 450},
}

// surveyScript is the R script behind the pinned weights below (Debian r-cran-survey
// 4.1.1); its first output line is postStratify's weights, its second rake's:
//
//	Rscript survey_check.R
const surveyScript = `suppressMessages(library(survey))
d <- data.frame(
  age = c("young","young","young","mid","mid","mid","mid","mid","old","old","old","young"),
  region = c("N","S","N","N","S","S","N","N","S","N","S","S"),
  w = c(1, 2, 1.5, 1, 1, 3, 2, 1, 2.5, 1, 1, 0.5))
des <- svydesign(ids = ~1, weights = ~w, data = d)
ps <- postStratify(des, ~age, data.frame(age = c("young","mid","old"), Freq = c(300, 500, 200)))
rk <- rake(des, list(~age, ~region),
  list(data.frame(age = c("young","mid","old"), Freq = c(300, 500, 200)),
       data.frame(region = c("N","S"), Freq = c(550, 450))),
  control = list(maxit = 1000, epsilon = 1e-12))
cat(sprintf("%.17g", weights(ps)), "\n")
cat(sprintf("%.17g", weights(rk)), "\n")
`

// Pinned output of surveyScript.
var (
	rPostStratified = []float64{60, 120, 90.000000000000014, 62.5, 62.5, 187.5, 125, 62.5, 111.1111111111111, 44.444444444444443, 44.444444444444443, 30}
	rRaked          = []float64{73.2279136879757, 93.544172624048699, 109.84187053196355, 76.279076758308008, 48.720923241692049, 146.1627697250762, 152.55815351661602, 76.279076758308008, 98.704350895122019, 61.813908746828609, 39.481740358048825, 23.386043156012175}
)

func ourWeights(t *testing.T) (ps, rk []float64) {
	t.Helper()
	c := surveyCheck
	ps, err := PostStratify(c.w, c.age, c.ageTotals)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Rake(c.w, []Margin{{"age", c.age, c.ageTotals}, {"region", c.region, c.regTotals}}, 1000, 1e-15)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Converged {
		t.Fatalf("rake did not converge in %d sweeps", r.Iterations)
	}
	return ps, r.Weights
}

func compareWeights(t *testing.T, what string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d weights, want %d", what, len(got), len(want))
	}
	for i := range got {
		if math.Abs(got[i]-want[i]) > 1e-9*want[i] {
			t.Errorf("%s: weight %d = %.17g, R gives %.17g", what, i, got[i], want[i])
		}
	}
}

func TestWeightsPinnedR(t *testing.T) {
	ps, rk := ourWeights(t)
	compareWeights(t, "postStratify", ps, rPostStratified)
	compareWeights(t, "rake", rk, rRaked)
}

func TestWeightsLiveR(t *testing.T) {
	out := rcheck.Numbers(t, surveyScript)
	ps, rk := ourWeights(t)
	if len(out) != len(ps)+len(rk) {
		t.Fatalf("Rscript printed %d numbers, want %d", len(out), len(ps)+len(rk))
	}
	compareWeights(t, "postStratify (live R)", ps, out[:len(ps)])
	compareWeights(t, "rake (live R)", rk, out[len(ps):])
}

func TestRakeMatchesMargins(t *testing.T) {
	_, rk := ourWeights(t)
	c := surveyCheck
	for _, m := range []Margin{{"age", c.age, c.ageTotals}, {"region", c.region, c.regTotals}} {
		sums := map[string]float64{}
		for i, l := range m.Labels {
			sums[l] += rk[i]
		}
		for k, want := range m.Totals {
			if math.Abs(sums[k]-want) > 1e-9 {
				t.Errorf("margin %s: %s sums to %.12g, want %g", m.Name, k, sums[k], want)
			}
		}
	}
}

func TestKishESS(t *testing.T) {
	// Equal weights lose nothing; weights 1 and 3 on two units give (4)²/(1+9) = 1.6.
	if got, err := KishESS([]float64{2, 2, 2, 2}); err != nil || got != 4 {
		t.Errorf("KishESS(equal weights) = %g, %v; want 4", got, err)
	}
	if got, err := KishESS([]float64{1, 3}); err != nil || math.Abs(got-1.6) > 1e-15 {
		t.Errorf("KishESS(1, 3) = %g, %v; want 1.6", got, err)
	}
	for _, w := range [][]float64{nil, {1, -2}, {1, math.NaN()}, {0, 0}, {1, math.Inf(1)}} {
		if got, err := KishESS(w); err == nil {
			t.Errorf("KishESS(%v) = %g, want an error", w, got)
		}
	}
}

func TestPostStratifyErrors(t *testing.T) {
	if _, err := PostStratify(nil, []string{"a", "b"}, map[string]float64{"a": 1}); err == nil || !strings.Contains(err.Error(), `"b"`) {
		t.Errorf("missing total: error %v, want one naming stratum b", err)
	}
	if _, err := PostStratify(nil, []string{"a"}, map[string]float64{"a": 1, "c": 2}); err == nil || !strings.Contains(err.Error(), `"c"`) {
		t.Errorf("empty stratum: error %v, want one naming stratum c", err)
	}
}
