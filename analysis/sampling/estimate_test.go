package sampling

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ratelab/ratelab/analysis/internal/rcheck"
)

// TestMeansR compares WeightedMean, PostStratifiedMean and RakedMean with R's
// survey::svymean on the same designs, run now: the fixed sample of the weights test
// with values, and random samples with uneven weights, small and large, one with
// a unit of weight 0.
func TestMeansR(t *testing.T) {
	type sample struct {
		y, w        []float64
		age, region []string
	}
	c := surveyCheck
	samples := []sample{{
		y: []float64{3.1, 4.5, 2.2, 8.9, 7.7, 6.1, 5.5, 9.9, 12.3, 11.0, 10.5, 3.3},
		w: c.w, age: c.age, region: c.region,
	}}
	rng := rand.New(rand.NewPCG(5, 9))
	for _, n := range []int{7, 60, 300} {
		s := sample{}
		for i := 0; i < n; i++ {
			a := []string{"young", "mid", "old"}[min(i%3, rng.IntN(3))]
			r := []string{"N", "S"}[rng.IntN(2)]
			if i < 6 { // every category in the sample
				a, r = []string{"young", "mid", "old"}[i%3], []string{"N", "S"}[i%2]
			}
			s.age, s.region = append(s.age, a), append(s.region, r)
			s.y = append(s.y, 10+5*float64(i%3)+rng.NormFloat64()*4)
			s.w = append(s.w, math.Exp(rng.NormFloat64()))
		}
		samples = append(samples, s)
	}
	samples[2].w[10] = 0
	q := func(xs []string) string { return `"` + strings.Join(xs, `","`) + `"` }
	num := func(xs []float64) string {
		s := make([]string, len(xs))
		for i, x := range xs {
			s[i] = fmt.Sprintf("%.17g", x)
		}
		return strings.Join(s, ",")
	}
	var script strings.Builder
	script.WriteString("suppressMessages(library(survey))\n")
	for _, s := range samples {
		fmt.Fprintf(&script, `d <- data.frame(y = c(%s), w = c(%s), age = c(%s), region = c(%s))
des <- svydesign(ids = ~1, weights = ~w, data = d)
pa <- data.frame(age = c("young","mid","old"), Freq = c(300, 500, 200))
pr <- data.frame(region = c("N","S"), Freq = c(550, 450))
ps <- postStratify(des, ~age, pa)
rk <- rake(des, list(~age, ~region), list(pa, pr), control = list(maxit = 1000, epsilon = 1e-12))
for (m in list(svymean(~y, des), svymean(~y, ps), svymean(~y, rk))) cat(sprintf("%%.17g", c(coef(m), SE(m))), "\n")
`, num(s.y), num(s.w), q(s.age), q(s.region))
	}
	got := rcheck.Numbers(t, script.String())
	if len(got) != 6*len(samples) {
		t.Fatalf("R printed %d numbers, want %d", len(got), 6*len(samples))
	}
	for i, s := range samples {
		w := got[6*i:]
		var ests [3]MeanEstimate
		var errs [3]error
		ests[0], errs[0] = WeightedMean(s.y, s.w)
		ests[1], errs[1] = PostStratifiedMean(s.y, s.w, s.age, c.ageTotals)
		ests[2], errs[2] = RakedMean(s.y, s.w, []Margin{{"age", s.age, c.ageTotals}, {"region", s.region, c.regTotals}}, 1000, 1e-14)
		for k, m := range ests {
			if errs[k] != nil {
				t.Fatal(errs[k])
			}
			if math.Abs(m.Mean-w[2*k]) > 1e-10*math.Abs(w[2*k]) || math.Abs(m.SE-w[2*k+1]) > 1e-8*w[2*k+1] {
				t.Errorf("sample %d (n = %d), %s: mean %.17g SE %.17g; svymean says %.17g SE %.17g", i, len(s.y), m.Design, m.Mean, m.SE, w[2*k], w[2*k+1])
			}
		}
		// Calibrating to totals that the strata explain narrows the SE.
		if i == 0 && !(ests[1].SE < ests[0].SE/2) {
			t.Errorf("post-stratified SE %g is not well below the SE with the weights as given %g", ests[1].SE, ests[0].SE)
		}
	}
}

func TestMeanInterval(t *testing.T) {
	m := MeanEstimate{Mean: 10, SE: 2}
	lo, hi, err := m.Interval(0.95)
	// R: 10 + c(-1, 1) * qnorm(0.975) * 2
	if err != nil || math.Abs(lo-6.0800720309198081) > 1e-12 || math.Abs(hi-13.919927969080192) > 1e-12 {
		t.Errorf("Interval(0.95) = [%.17g, %.17g], %v; R says [6.0800720309198081, 13.919927969080192]", lo, hi, err)
	}
	if _, _, err := m.Interval(95); err == nil {
		t.Error("Interval(95): no error")
	}
}

// TestWeightsRefuseBadArguments checks that bad survey input gives errors, not NaN
// means or negative weights.
func TestWeightsRefuseBadArguments(t *testing.T) {
	age := []string{"a", "b"}
	tot := map[string]float64{"a": 10, "b": 20}
	for _, c := range []struct {
		name string
		err  error
		want string
	}{
		{"negative base", second(PostStratify([]float64{1, -1}, age, tot)), "weight -1"},
		{"NaN base", second(PostStratify([]float64{1, math.NaN()}, age, tot)), "weight NaN"},
		{"negative total", second(PostStratify(nil, age, map[string]float64{"a": 10, "b": -20})), "population total -20"},
		{"NaN total", second(PostStratify(nil, age, map[string]float64{"a": math.NaN(), "b": 20})), "population total NaN"},
		{"empty", second(PostStratify(nil, nil, tot)), "no units"},
		{"no sweeps", second(Rake(nil, []Margin{{"age", age, tot}}, 0, 1e-9)), "at least one sweep"},
		{"NaN tolerance", second(Rake(nil, []Margin{{"age", age, tot}}, 10, math.NaN())), "tolerance"},
		{"weighted mean NaN value", second(WeightedMean([]float64{1, math.NaN()}, []float64{1, 1})), "value NaN"},
		{"weighted mean one unit", second(WeightedMean([]float64{1}, []float64{1})), "at least 2"},
		{"weighted mean lengths", second(WeightedMean([]float64{1, 2}, []float64{1})), "2 values for 1 weights"},
		{"weighted mean zero weights", second(WeightedMean([]float64{1, 2}, []float64{0, 0})), "every weight is 0"},
		{"post-stratified negative base", second(PostStratifiedMean([]float64{1, 2}, []float64{-1, 1}, age, tot)), "weight -1"},
		{"raked NaN y", second(RakedMean([]float64{1, math.Inf(1)}, nil, []Margin{{"age", age, tot}}, 10, 1e-9)), "value +Inf"},
		{"empty population", second(FromValues(nil)), "empty population"},
		{"NaN population", second(FromValues([]float64{1, math.NaN()})), "value NaN"},
		{"no units", second(Uniform(0, 1)), "0 units"},
		{"no people", second(NewSurveyPopulation(0, 1)), "0 people"},
		{"ProbOff factor", second(ProbOff(2, 1, 0.5)), "factor above 1"},
		{"ProbOff exposure", second(ProbOff(2, math.NaN(), 2)), "positive rate and exposure"},
	} {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", c.name, c.err, c.want)
		}
	}
}

// second returns the error of a two-value call.
func second[T any](_ T, err error) error { return err }
