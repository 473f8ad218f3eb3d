package analysis_test

import (
	"fmt"

	"github.com/ratelab/ratelab/analysis"
)

// Compare builds with their pooled rate: a build is flagged only when its rate lies
// outside the exact Poisson limits for its own exposure.
func ExampleFunnel() {
	builds := []string{"20261101", "20261102", "20261103", "20261104"}
	rates := []analysis.Rate{
		{Events: 210, KHours: 100},
		{Events: 190, KHours: 100},
		{Events: 330, KHours: 100},
		{Events: 2, KHours: 0.2}, // 10 per 1k h, but over 200 usage hours
	}
	f, err := analysis.NewFunnel(rates)
	if err != nil {
		fmt.Println(err)
		return
	}
	lo, hi, _ := f.Limits(100, analysis.FunnelLevelAlarm)
	fmt.Printf("target %.2f per 1k h; 99.8%% limits at 100 kh: [%.2f, %.2f]\n", f.Target, lo, hi)
	groups, err := f.Groups(builds, rates)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range groups {
		fmt.Printf("%s %5.2f %s\n", g.Label, g.Rate.Value(), g.At998)
	}
	// Output:
	// target 2.44 per 1k h; 99.8% limits at 100 kh: [1.97, 2.93]
	// 20261101  2.10 inside
	// 20261102  1.90 below
	// 20261103  3.30 above
	// 20261104 10.00 inside
}

// The exact chi-squared limits, which many funnel-plot tools publish, sit about one
// or two events higher than the interpolated ones at this exposure.
func ExampleFunnelMethod() {
	builds := []string{"20261101", "20261102", "20261103", "20261104"}
	rates := []analysis.Rate{
		{Events: 210, KHours: 100},
		{Events: 190, KHours: 100},
		{Events: 330, KHours: 100},
		{Events: 2, KHours: 0.2},
	}
	f, err := analysis.NewFunnel(rates)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range []analysis.FunnelMethod{analysis.FunnelInterpolated, analysis.FunnelExact} {
		f.Method = m
		lo, hi, _ := f.Limits(100, analysis.FunnelLevelAlarm)
		groups, _ := f.Groups(builds, rates)
		fmt.Printf("%-12s [%.3f, %.3f]: 20261102 %s\n", m, lo, hi, groups[1].At998)
	}
	// Output:
	// interpolated [1.965, 2.930]: 20261102 below
	// exact        [1.984, 2.961]: 20261102 below
}
