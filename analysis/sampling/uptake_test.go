package sampling

import (
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/ratelab/ratelab/analysis"
)

// uptakeExpected returns the model's expected crash rate (per 1000 usage hours) of the
// new release over ages [a1, a2) hours, counting every usage hour, and its expected
// share of usage there, by averaging the conditional expectations given a client's
// traits over many trait draws. Given crash rate λ and usage speed s (usage hours per
// wall hour), a client restarts at wall rate h·s, h = λ + 1/RestartHours, so it runs
// the new release at age t with probability 1 − e^{−h s t}, and over [a1, a2) spends
//
//	I = (a2 − a1) − (e^{−h s a1} − e^{−h s a2})/(h s)
//
// wall hours on it, with s·I usage hours and λ·s·I expected crashes (the crash that
// triggers the update belongs to the old release).
func uptakeExpected(spec UptakeSpec, a1, a2 float64, draws int) (rate, share float64) {
	s := spec.withDefaults()
	rnd := newRand(99)
	prone := distuv.Gamma{Alpha: s.Shape, Beta: s.Shape / s.MeanRate, Src: rnd}
	use := distuv.Gamma{Alpha: 2, Beta: 2 / s.HoursPerDay, Src: rnd}
	var crashes, hours, all float64
	for range draws {
		lam, sp := prone.Rand()/1000, use.Rand()/24
		hs := (lam + 1/s.RestartHours) * sp
		in := (a2 - a1) - (math.Exp(-hs*a1)-math.Exp(-hs*a2))/hs
		crashes += lam * sp * in
		hours += sp * in
		all += sp * (a2 - a1)
	}
	return 1000 * crashes / hours, hours / all
}

func TestUptakeAgainstModel(t *testing.T) {
	spec := UptakeSpec{}
	u, err := SimulateUptake(spec, 3)
	if err != nil {
		t.Fatal(err)
	}
	// E[λu]/E[u] = E[λ] for independent traits: the population rate is MeanRate up
	// to the sampling of 50,000 clients (SE ≈ √2/√50000 ≈ 0.6%).
	if math.Abs(u.PopulationRate/10-1) > 0.03 {
		t.Errorf("population rate %.3f, want ≈ 10", u.PopulationRate)
	}
	r2 := u.released(NewRelease)
	for _, w := range [][2]float64{{0, 24}, {24, 72}, {72, 168}} {
		want, wantShare := uptakeExpected(spec, w[0], w[1], 400000)
		got := u.Rate(NewRelease, r2+w[0], r2+w[1], math.Inf(1))
		// Crash counts are Poisson given the clients; allow 4 Poisson SEs plus 3%
		// for the finite population of clients.
		tol := 4*math.Sqrt(float64(got.Events))/got.KHours + 0.03*want
		if math.Abs(got.Value()-want) > tol {
			t.Errorf("new release over ages [%g, %g) h: rate %.3f, model %.3f ± %.3f", w[0], w[1], got.Value(), want, tol)
		}
		var tot float64
		for v := range 3 {
			tot += u.Rate(v, r2+w[0], r2+w[1], math.Inf(1)).KHours
		}
		if share := got.KHours / tot; math.Abs(share-wantShare) > 0.02 {
			t.Errorf("new release's usage share over ages [%g, %g) h: %.3f, model %.3f", w[0], w[1], share, wantShare)
		}
		if w[0] == 0 && want < 1.1*u.PopulationRate {
			t.Errorf("model's first-day rate %.2f is not clearly inflated over %.2f; the demonstration needs it", want, u.PopulationRate)
		}
	}
}

func TestUptakeVerdicts(t *testing.T) {
	u, err := SimulateUptake(UptakeSpec{}, 3)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := u.Compare(3)
	if err != nil {
		t.Fatal(err)
	}
	want := []analysis.Verdict{analysis.Worse, analysis.Worse, analysis.Worse, analysis.NoChange}
	for i, c := range cs {
		if c.Verdict != want[i] {
			t.Errorf("%s: verdict %v (%v), want %v", c.Name, c.Verdict, c.Test, want[i])
		}
	}
	// The fair comparison's interval holds the truth, ratio 1.
	if fair := cs[3].Test; fair.Lo > 1 || fair.Hi < 1 {
		t.Errorf("fair comparison %v excludes ratio 1", fair)
	}
	if df, err := u.CompareTable(3); err != nil || df.Nrow() != 4 {
		t.Errorf("CompareTable: %d rows, error %v", df.Nrow(), err)
	}
	if _, err := u.Compare(1); err == nil {
		t.Error("Compare(1 day) gave no error; it needs two days")
	}
	if rows, _ := u.Table(3).Dims(); rows != 12 {
		t.Errorf("Table(3) has %d rows, want 12 bins of 6 h", rows)
	}
	renderPNG(t)(u.Plot(3))
}

func TestUptakeSeed(t *testing.T) {
	spec := UptakeSpec{Clients: 2000}
	a, _ := SimulateUptake(spec, 1)
	b, _ := SimulateUptake(spec, 1)
	c, _ := SimulateUptake(spec, 2)
	if !slices.Equal(a.events[NewRelease], b.events[NewRelease]) || a.PopulationRate != b.PopulationRate {
		t.Error("the same seed gave different histories")
	}
	if slices.Equal(a.events[NewRelease], c.events[NewRelease]) {
		t.Error("different seeds gave identical histories")
	}
}

func BenchmarkUptake(b *testing.B) {
	for b.Loop() {
		if _, err := SimulateUptake(UptakeSpec{}, 1); err != nil {
			b.Fatal(err)
		}
	}
}
