package sampling

import (
	"bytes"
	"math"
	"runtime"
	"slices"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// renderPNG returns a check that fails the test unless a plot renders to a PNG;
// call it as renderPNG(t)(r.Plot()).
func renderPNG(t testing.TB) func(*plot.Plot, error) {
	return func(p *plot.Plot, err error) { checkPNG(t, p, err) }
}

func checkPNG(t testing.TB, p *plot.Plot, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("plot: %v", err)
	}
	w, err := p.WriterTo(8*vg.Inch, 5*vg.Inch, "png")
	if err != nil {
		t.Fatalf("plot: %v", err)
	}
	var buf bytes.Buffer
	if _, err := w.WriteTo(&buf); err != nil {
		t.Fatalf("render png: %v", err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\x89PNG")) {
		t.Fatalf("render png: output is not a PNG")
	}
}

// uniformThresholdMean is the closed-form mean of the respondents when Y ~ U(0, 1)
// and units above t answer with probability p:
//
//	E[Y·R]/E[R] = (t²/2 + p(1−t²)/2) / (t + p(1−t)).
func uniformThresholdMean(t, p float64) float64 {
	return (t*t/2 + p*(1-t*t)/2) / (t + p*(1-t))
}

// uniform returns Uniform(n, seed), failing t on an error.
func uniform(t testing.TB, n int, seed uint64) Population {
	t.Helper()
	pop, err := Uniform(n, seed)
	if err != nil {
		t.Fatal(err)
	}
	return pop
}

func TestPollsFullResponseCoverage(t *testing.T) {
	pop := uniform(t, 100000, 1)
	const K = 2000
	r, err := Polls(pop, PollSpec{Size: 1000, Repeats: K}, 7)
	if err != nil {
		t.Fatal(err)
	}
	// Coverage of a correct 95% interval is binomial(K, 0.95)/K: allow 4 standard errors.
	se := math.Sqrt(0.95 * 0.05 / K)
	if math.Abs(r.Coverage-0.95) > 4*se {
		t.Errorf("coverage %.4f, want 0.95 ± %.4f", r.Coverage, 4*se)
	}
	// SRS without replacement: SE of the mean is σ/√n·√(1−n/N).
	want := pop.StdDev() * math.Sqrt((1-1000.0/100000)/1000)
	if math.Abs(r.SE/want-1) > 0.08 { // SD of an SD estimate over K=2000 is ≈ 1.6%
		t.Errorf("SE of the poll means %.5f, want %.5f", r.SE, want)
	}
	if math.Abs(r.Bias) > 4*want/math.Sqrt(K) {
		t.Errorf("bias %.5f under full response, want 0 ± %.5f", r.Bias, 4*want/math.Sqrt(K))
	}
	if slices.Min(r.Respondents) != 1000 {
		t.Errorf("respondents %d under full response, want 1000", slices.Min(r.Respondents))
	}
}

func TestPollsThresholdBias(t *testing.T) {
	pop := uniform(t, 100000, 2)
	resp := ThresholdResponse(0.75, 0.5)
	exact := uniformThresholdMean(0.75, 0.5) // 0.446428…
	if math.Abs(exact-0.390625/0.875) > 1e-15 {
		t.Fatalf("closed form %.17g, want 0.390625/0.875", exact)
	}
	limit, err := RespondentMean(pop, resp)
	if err != nil {
		t.Fatal(err)
	}
	// The finite population is itself a sample of U(0, 1): its respondent mean
	// differs from the closed form by sampling error of order σ/√N ≈ 0.001.
	if math.Abs(limit-exact) > 0.005 {
		t.Errorf("respondent mean of the population %.5f, closed form %.5f", limit, exact)
	}
	const K = 1000
	r, err := Polls(pop, PollSpec{Size: 1000, Repeats: K, Response: resp}, 3)
	if err != nil {
		t.Fatal(err)
	}
	// The polls converge to the respondents' mean, not to the truth.
	got := r.Truth + r.Bias
	if tol := 4 * r.SE / math.Sqrt(K); math.Abs(got-limit) > tol {
		t.Errorf("mean of the polls %.5f, want respondents' mean %.5f ± %.5f", got, limit, tol)
	}
	if r.Bias > -0.05 {
		t.Errorf("bias %.4f, want about %.4f", r.Bias, exact-0.5)
	}
	// Each poll's interval has half-width ≈ 2·0.28/√937 ≈ 0.018, far less than the
	// bias of ≈ 0.054: almost none covers the truth.
	if r.Coverage > 0.01 {
		t.Errorf("coverage %.3f under value-dependent non-response, want ≈ 0", r.Coverage)
	}
	// Expected respondents: n·(0.75 + 0.5·0.25) = 875.
	var m float64
	for _, x := range r.Respondents {
		m += float64(x)
	}
	if m /= K; math.Abs(m-875) > 3 {
		t.Errorf("mean respondents %.1f, want ≈ 875", m)
	}
	renderPNG(t)(r.Plot())
}

func TestPollsSeed(t *testing.T) {
	pop := uniform(t, 10000, 1)
	spec := PollSpec{Size: 100, Repeats: 50, Response: ThresholdResponse(0.75, 0.5)}
	a, _ := Polls(pop, spec, 11)
	b, _ := Polls(pop, spec, 11)
	c, _ := Polls(pop, spec, 12)
	if !slices.Equal(a.Means, b.Means) || !slices.Equal(a.Respondents, b.Respondents) {
		t.Error("the same seed gave different polls")
	}
	if slices.Equal(a.Means, c.Means) {
		t.Error("different seeds gave identical polls")
	}
	if !slices.Equal(uniform(t, 100, 5).Values, uniform(t, 100, 5).Values) || slices.Equal(uniform(t, 100, 5).Values, uniform(t, 100, 6).Values) {
		t.Error("Uniform is not determined by its seed alone")
	}
}

func TestPollsIndependentOfCPUs(t *testing.T) {
	pop := uniform(t, 10000, 1)
	spec := PollSpec{Size: 100, Repeats: 3 * chunkSize, Response: ThresholdResponse(0.75, 0.5)}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	one, _ := Polls(pop, spec, 5)
	runtime.GOMAXPROCS(4)
	four, _ := Polls(pop, spec, 5)
	if !slices.Equal(one.Means, four.Means) {
		t.Error("polls differ between 1 and 4 CPUs")
	}
}

func TestPollsErrors(t *testing.T) {
	pop := uniform(t, 100, 1)
	for _, spec := range []PollSpec{
		{Size: 1000, Repeats: 1},
		{Size: 10, Repeats: 0},
		{Size: 10, Repeats: 1, Level: 1.5},
		{Size: 10, Repeats: 1, Response: Response{Name: "bad", Prob: func(float64) float64 { return 2 }}},
	} {
		if _, err := Polls(pop, spec, 1); err == nil {
			t.Errorf("Polls(%+v) gave no error", spec)
		}
	}
}

func TestPollSweep(t *testing.T) {
	pop := uniform(t, 100000, 4)
	sizes := []int{100, 1000, 10000}
	sw, err := PollSweep(pop, sizes, 400, []Response{FullResponse(), ThresholdResponse(0.75, 0.5)}, 0.95, 5)
	if err != nil {
		t.Fatal(err)
	}
	if rows, cols := sw.Table().Dims(); rows != 6 || cols != 8 {
		t.Errorf("table is %d×%d, want 6×8", rows, cols)
	}
	biased := sw.Results[3:]
	for j := 1; j < len(sizes); j++ {
		// Spread shrinks about as 1/√n …
		if biased[j].SE > 0.5*biased[j-1].SE {
			t.Errorf("SE at n=%d is %.4f, not below half of %.4f at n=%d", sizes[j], biased[j].SE, biased[j-1].SE, sizes[j-1])
		}
		// … the bias does not.
		if math.Abs(biased[j].Bias-biased[j-1].Bias) > 0.01 {
			t.Errorf("bias moved from %.4f to %.4f between n=%d and n=%d", biased[j-1].Bias, biased[j].Bias, sizes[j-1], sizes[j])
		}
	}
	renderPNG(t)(sw.Plot())
	renderPNG(t)(sw.CoveragePlot())
}

func BenchmarkPolls(b *testing.B) {
	pop := uniform(b, 100000, 1)
	spec := PollSpec{Size: 1000, Repeats: 10000, Response: ThresholdResponse(0.75, 0.5)}
	for b.Loop() {
		if _, err := Polls(pop, spec, 1); err != nil {
			b.Fatal(err)
		}
	}
}

func TestPollsFewRespondents(t *testing.T) {
	// Nobody above 0.1 answers and polls ask 5: many polls get fewer than two
	// respondents and have no mean; they count as not covering the truth.
	pop := uniform(t, 1000, 8)
	r, err := Polls(pop, PollSpec{Size: 5, Repeats: 200, Response: ThresholdResponse(0.1, 0)}, 1)
	if err != nil {
		t.Fatal(err)
	}
	nan := 0
	for _, m := range r.Means {
		if math.IsNaN(m) {
			nan++
		}
	}
	if nan == 0 || math.IsNaN(r.Bias) || math.IsNaN(r.SE) {
		t.Errorf("%d polls without a mean; bias %g, SE %g should stay defined", nan, r.Bias, r.SE)
	}
	if r.Coverage > 1-float64(nan)/200 {
		t.Errorf("coverage %g counts polls without a mean", r.Coverage)
	}
}
