package analysis_test

import (
	"fmt"

	"github.com/ratelab/ratelab/analysis"
)

// Shrink the crash rates of many small builds towards what the builds have in
// common: a build with 2 crashes in 500 usage hours does not get to claim 4 per 1000.
func ExampleFitShrinkage() {
	events := []int64{0, 3, 12, 5, 40, 2, 7, 30, 1, 9}
	khours := []float64{0.5, 2, 5, 1, 10, 3, 2, 12, 0.8, 6}
	rates := make([]analysis.Rate, len(events))
	for i := range rates {
		rates[i] = analysis.Rate{Events: events[i], KHours: khours[i]}
	}
	s, err := analysis.FitShrinkage(rates)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s)
	for _, r := range []analysis.Rate{rates[0], rates[3], {Events: 2, KHours: 0.5}} {
		m, lo, hi, err := s.Estimate(r, 0.95)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("raw %5.2f -> shrunk %.2f [%.2f, %.2f]\n", r.Value(), m, lo, hi)
	}
	// Output:
	// gamma prior: mean 2.403 per 1k h, shape 7.891 (CV 36%), maximum likelihood over 10 groups
	// raw  0.00 -> shrunk 2.09 [0.89, 3.77]
	// raw  5.00 -> shrunk 3.01 [1.60, 4.86]
	// raw  4.00 -> shrunk 2.61 [1.25, 4.48]
}

// Marshall's method of moments, as R's epiR::epi.empbayes, fits the same prior
// without an optimiser.
func ExampleFitShrinkageMoments() {
	events := []int64{0, 3, 12, 5, 40, 2, 7, 30, 1, 9}
	khours := []float64{0.5, 2, 5, 1, 10, 3, 2, 12, 0.8, 6}
	rates := make([]analysis.Rate, len(events))
	for i := range rates {
		rates[i] = analysis.Rate{Events: events[i], KHours: khours[i]}
	}
	s, err := analysis.FitShrinkageMoments(rates)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s)
	m, lo, hi, _ := s.Estimate(rates[0], 0.95)
	fmt.Printf("raw %.2f -> shrunk %.2f [%.2f, %.2f]\n", rates[0].Value(), m, lo, hi)
	// Output:
	// gamma prior: mean 2.577 per 1k h, shape 10.31 (CV 31%), method of moments over 10 groups
	// raw 0.00 -> shrunk 2.29 [1.11, 3.89]
}
