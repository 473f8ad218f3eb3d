package analysis_test

import (
	"fmt"

	"github.com/ratelab/ratelab/analysis"
)

// A rate is events over exposure; pooling sums both, and the exact interval is
// Garwood's.
func ExampleRate() {
	day1 := analysis.NewRate(12, 4000) // 12 crashes in 4000 usage hours
	day2 := analysis.NewRate(3, 2000)
	week := day1.Add(day2)
	lo, hi := week.Interval(0.95)
	fmt.Printf("%.2f per 1000 usage hours, 95%% CI [%.2f, %.2f]\n", week.Value(), lo, hi)
	fmt.Println("low exposure:", analysis.DefaultExposureRule.Low(week))
	// Output:
	// 2.50 per 1000 usage hours, 95% CI [1.40, 4.12]
	// low exposure: false
}

// Compare a new release with the previous one: the exact rate ratio, its interval,
// the % change and the verdict.
func ExampleCompareRates() {
	newer := analysis.Rate{Events: 300, KHours: 1000}
	older := analysis.Rate{Events: 200, KHours: 1000}
	t := analysis.CompareRates(newer, older, 0.95)
	pct, lo, hi := t.PercentChange()
	fmt.Printf("ratio %.3f [%.3f, %.3f], p = %.2g\n", t.Ratio, t.Lo, t.Hi, t.P)
	fmt.Printf("change %+.0f%% [%+.0f%%, %+.0f%%]: %v\n", pct, lo, hi, t.Verdict())
	// Output:
	// ratio 1.500 [1.250, 1.803], p = 8.9e-06
	// change +50% [+25%, +80%]: worse
}
