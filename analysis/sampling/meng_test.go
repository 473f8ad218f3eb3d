package sampling

import (
	"math"
	"testing"
)

func TestDecomposeIdentity(t *testing.T) {
	pop := uniform(t, 20000, 3)
	rnd := newRand(4)
	in := make([]bool, pop.Len())
	for trial := 0; trial < 20; trial++ {
		for i, y := range pop.Values {
			in[i] = rnd.Float64() < 0.1+0.3*y*float64(trial%2) // alternately value-dependent
		}
		m, err := Decompose(pop, in)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(m.Error-m.Product()) > 1e-12 {
			t.Errorf("trial %d: error %.15g, ρ·√((N−n)/n)·σ = %.15g", trial, m.Error, m.Product())
		}
	}
	if _, err := Decompose(pop, make([]bool, pop.Len())); err == nil {
		t.Error("Decompose of an empty sample gave no error")
	}
}

func TestBigDataParadox(t *testing.T) {
	pop := uniform(t, 100000, 5)
	resp := ThresholdResponse(0.75, 0.5)
	fr := []float64{0.01, 0.05, 0.2, 0.5, 0.8}
	px, err := BigDataParadox(pop, resp, fr, 6)
	if err != nil {
		t.Fatal(err)
	}
	limit, _ := RespondentMean(pop, resp)
	bias := limit - pop.Mean() // what self-selection converges to, ≈ −0.054
	sigma := pop.StdDev()
	for i, f := range fr {
		s, r := px.Selected[i], px.Random[i]
		se := sigma * math.Sqrt((1-f)/float64(r.Size))
		if math.Abs(s.Error-bias) > 5*se {
			t.Errorf("f=%g: self-selected error %.4f, want %.4f ± %.4f", f, s.Error, bias, 5*se)
		}
		if math.Abs(r.Error) > 5*se {
			t.Errorf("f=%g: random-sample error %.5f, want 0 ± %.5f", f, r.Error, 5*se)
		}
		if f >= 0.5 && s.EquivalentSRS() > 1000 {
			t.Errorf("f=%g: a self-selected sample of %d is worth an SRS of %.0f; want under 1000", f, s.Size, s.EquivalentSRS())
		}
	}
	if _, err := BigDataParadox(pop, resp, []float64{0.95}, 1); err == nil {
		t.Error("fraction 0.95 under a response capped at half for some units gave no error")
	}
	if rows, _ := px.Table().Dims(); rows != 2*len(fr) {
		t.Errorf("table has %d rows, want %d", rows, 2*len(fr))
	}
	renderPNG(t)(px.Plot())
}
