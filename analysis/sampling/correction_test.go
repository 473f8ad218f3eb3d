package sampling

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/stat"
)

func TestCorrectionStudy(t *testing.T) {
	pop, err := NewSurveyPopulation(50000, 1)
	if err != nil {
		t.Fatal(err)
	}
	const K = 400
	c, err := CorrectionStudy(pop, []Nonresponse{AnswerByGroup(), AnswerByValue()}, 1000, K, 2)
	if err != nil {
		t.Fatal(err)
	}
	// within reports whether the mean of estimator e under scenario s is want, to
	// within 4 standard errors of a mean of K estimates.
	within := func(s, e int, want float64) (float64, bool) {
		m, sd := stat.MeanStdDev(c.Estimates[s][e], nil)
		return m, math.Abs(m-want) <= 4*sd/math.Sqrt(K)
	}
	// Answering by group: the response probability is constant within each cell, so
	// the post-stratified limit is exactly the truth; the unweighted one is not.
	if math.Abs(c.Expected[0][1]-c.Truth) > 1e-9 {
		t.Errorf("post-stratified limit %.6f under group non-response, want the truth %.6f", c.Expected[0][1], c.Truth)
	}
	if d := c.Expected[0][0] - c.Truth; d < 1 {
		t.Errorf("unweighted limit is only %.3f above the truth; the scenario should bias it (old answer more)", d)
	}
	if m, ok := within(0, 0, c.Expected[0][0]); !ok {
		t.Errorf("unweighted mean %.4f, closed form %.4f", m, c.Expected[0][0])
	}
	for e := 1; e <= 2; e++ {
		if m, ok := within(0, e, c.Truth); !ok {
			t.Errorf("%s mean %.4f under group non-response, want the truth %.4f", estimators[e], m, c.Truth)
		}
	}
	// Answering by value: post-stratification converges to its closed form, which is
	// still far from the truth, and raking does no better.
	if m, ok := within(1, 1, c.Expected[1][1]); !ok {
		t.Errorf("post-stratified mean %.4f under value non-response, closed form %.4f", m, c.Expected[1][1])
	}
	if m, ok := within(1, 0, c.Expected[1][0]); !ok {
		t.Errorf("unweighted mean %.4f under value non-response, closed form %.4f", m, c.Expected[1][0])
	}
	for e := 1; e <= 2; e++ {
		m, sd := stat.MeanStdDev(c.Estimates[1][e], nil)
		if m-c.Truth < 10*sd/math.Sqrt(K) {
			t.Errorf("%s bias %.4f under value non-response; expected weighting to leave a clear bias", estimators[e], m-c.Truth)
		}
	}
	for s := range c.ESS {
		if e := stat.Mean(c.ESS[s], nil); !(e > 50 && e < 1000) {
			t.Errorf("scenario %d: mean Kish ESS %.1f, want between 50 and the 1000 asked", s, e)
		}
	}
	// The design-based SE each sample reports of itself matches the spread of the
	// estimates over the repeats when the weights remove the bias, and the 95%
	// intervals then cover the truth about 95% of the time; under value non-response
	// the same intervals almost never do.
	tab := c.Table()
	se, design, coverage := tab.Col("se").Float(), tab.Col("design_se").Float(), tab.Col("coverage_95").Float()
	for _, row := range []int{1, 2} { // group non-response: post-stratified, raked
		if r := design[row] / se[row]; r < 0.9 || r > 1.1 {
			t.Errorf("row %d: mean design SE %.4f against the estimates' spread %.4f", row, design[row], se[row])
		}
		if coverage[row] < 0.92 || coverage[row] > 0.98 {
			t.Errorf("row %d: 95%% intervals cover the truth %.3f of the time", row, coverage[row])
		}
	}
	for _, row := range []int{0, 3, 4, 5} {
		if coverage[row] > 0.2 {
			t.Errorf("row %d: biased estimator's intervals cover the truth %.3f of the time", row, coverage[row])
		}
	}
	if rows, cols := tab.Dims(); rows != 6 || cols != 9 {
		t.Errorf("table is %d×%d, want 6×9", rows, cols)
	}
	t.Logf("\n%v", c.Table())
	renderPNG(t)(c.Plot())

	again, _ := CorrectionStudy(pop, []Nonresponse{AnswerByGroup(), AnswerByValue()}, 1000, K, 2)
	for s := range c.Estimates {
		for e := range c.Estimates[s] {
			for k := range c.Estimates[s][e] {
				if c.Estimates[s][e][k] != again.Estimates[s][e][k] {
					t.Fatalf("the same seed gave a different estimate (scenario %d, estimator %d, repeat %d)", s, e, k)
				}
			}
		}
	}
}
