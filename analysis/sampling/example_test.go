package sampling_test

import (
	"fmt"

	"github.com/ratelab/ratelab/analysis/sampling"
)

// Half of those above 0.75 never answer: 200 polls of 1000 cluster around 0.447,
// not the true 0.5, and almost no interval covers the truth.
func ExamplePolls() {
	pop, err := sampling.Uniform(100000, 1)
	if err != nil {
		panic(err)
	}
	res, err := sampling.Polls(pop, sampling.PollSpec{
		Size:     1000,
		Repeats:  200,
		Response: sampling.ThresholdResponse(0.75, 0.5),
	}, 42)
	if err != nil {
		panic(err)
	}
	fmt.Printf("truth %.3f, polls converge to %.3f\n", res.Truth, res.Limit)
	fmt.Printf("bias %.3f, SE %.3f, coverage %.2f\n", res.Bias, res.SE, res.Coverage)
	// Output:
	// truth 0.500, polls converge to 0.447
	// bias -0.053, SE 0.010, coverage 0.00
}

// Raking a small sample to known age and region totals. R's survey::rake gives the
// same weights (svydesign(ids = ~1, weights = ~1), rake(..., control = list(maxit =
// 1000, epsilon = 1e-12))).
func ExampleRake() {
	age := []string{"young", "young", "old", "old", "old"}
	region := []string{"north", "south", "north", "south", "south"}
	res, err := sampling.Rake(nil, []sampling.Margin{
		{Name: "age", Labels: age, Totals: map[string]float64{"young": 60, "old": 40}},
		{Name: "region", Labels: region, Totals: map[string]float64{"north": 50, "south": 50}},
	}, 100, 1e-12)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.2f\n", res.Weights)
	ess, err := sampling.KishESS(res.Weights)
	if err != nil {
		panic(err)
	}
	fmt.Printf("Kish effective sample size %.2f of 5\n", ess)
	// Output:
	// [34.11 25.89 15.89 12.06 12.06]
	// Kish effective sample size 4.21 of 5
}

// A true rate of 2 crashes per 1000 usage hours, measured over 500 usage hours
// (one expected crash): how often is the measured rate off by 2× or more?
func ExampleProbOff() {
	p, err := sampling.ProbOff(2, 0.5, 2)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.3f\n", p)
	// Output:
	// 0.632
}

// Meng's identity: the error of any sample mean is ρ · √((N−n)/n) · σ.
func ExampleDecompose() {
	pop, err := sampling.FromValues([]float64{1, 2, 3, 4, 5, 6, 7, 8})
	if err != nil {
		panic(err)
	}
	in := []bool{false, false, false, false, true, true, true, true} // only the top half
	m, err := sampling.Decompose(pop, in)
	if err != nil {
		panic(err)
	}
	fmt.Printf("error %.3f = ρ %.3f × √((N−n)/n) %.3f × σ %.3f\n", m.Error, m.Rho, m.Quantity, m.SigmaY)
	// Output:
	// error 2.000 = ρ 0.873 × √((N−n)/n) 1.000 × σ 2.291
}

// Two equal builds: three days after the new release, the naive comparison calls it
// worse, and so does the aligned one while the new release's usage pings are still
// arriving; aligned, past the first day, on complete hours, it does not.
func ExampleSimulateUptake() {
	u, err := sampling.SimulateUptake(sampling.UptakeSpec{}, 3)
	if err != nil {
		panic(err)
	}
	cs, err := u.Compare(3)
	if err != nil {
		panic(err)
	}
	for _, c := range cs {
		fmt.Printf("%s: ratio %.2f, %v\n", c.Name, c.Test.Ratio, c.Verdict)
	}
	// Output:
	// naive: same calendar days: ratio 1.43, worse
	// aligned at release: ratio 1.34, worse
	// aligned, first 24 h skipped: ratio 1.43, worse
	// aligned, first 24 h skipped, all hours reported: ratio 0.99, no change
}
