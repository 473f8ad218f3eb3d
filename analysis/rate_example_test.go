package analysis_test

import (
	"fmt"

	"github.com/ratelab/ratelab/analysis"
)

// A rate is events over exposure; pooling sums both, and the exact interval is
// Garwood's.
func ExampleRate() {
	day1, err := analysis.NewRate(12, 4000) // 12 crashes in 4000 usage hours
	if err != nil {
		fmt.Println(err)
		return
	}
	day2, _ := analysis.NewRate(3, 2000)
	week := day1.Add(day2)
	lo, hi, err := week.Interval(0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.2f per 1000 usage hours, 95%% CI [%.2f, %.2f]\n", week.Value(), lo, hi)
	fmt.Println("low exposure:", analysis.DefaultExposureRule.Low(week))
	// Output:
	// 2.50 per 1000 usage hours, 95% CI [1.40, 4.12]
	// low exposure: false
}

// Bad arguments are refused with an error that says what is wrong, instead of a NaN
// or a negative rate.
func ExampleRate_Interval_errors() {
	_, err := analysis.NewRate(-3, 1000)
	fmt.Println(err)
	_, _, err = analysis.Rate{Events: 12, KHours: 4}.Interval(95)
	fmt.Println(err)
	// Output:
	// analysis: NewRate(-3, 1000): -3 events: a count cannot be negative
	// analysis: interval of 3 per 1k h (12 events / 4 kh): confidence level 95 is outside (0, 1): for 95% write 0.95
}

// Compare a new release with the previous one: the exact rate ratio, its interval,
// the % change and the verdict.
func ExampleCompareRates() {
	newer := analysis.Rate{Events: 300, KHours: 1000}
	older := analysis.Rate{Events: 200, KHours: 1000}
	t, err := analysis.CompareRates(newer, older, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	pct, lo, hi := t.PercentChange()
	fmt.Printf("ratio %.3f [%.3f, %.3f], p = %.2g\n", t.Ratio, t.Lo, t.Hi, t.P)
	fmt.Printf("change %+.0f%% [%+.0f%%, %+.0f%%]: %v\n", pct, lo, hi, t.Verdict())
	// Output:
	// ratio 1.500 [1.250, 1.803], p = 8.9e-06
	// change +50% [+25%, +80%]: worse
}

// Is the new release more than 20% worse than the previous one? A one-sided test
// against the ratio 1.2, as R's poisson.test(c(300, 200), c(1000, 1000), r = 1.2,
// alternative = "greater").
func ExamplePoissonRatioTest() {
	newer := analysis.Rate{Events: 300, KHours: 1000}
	older := analysis.Rate{Events: 200, KHours: 1000}
	t, err := analysis.PoissonRatioTest(newer, older, 1.2, analysis.Greater, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("ratio %.2f, one-sided 95%% interval [%.3f, %v], p = %.3f\n", t.Ratio, t.Lo, t.Hi, t.P)
	// Output:
	// ratio 1.50, one-sided 95% interval [1.286, +Inf], p = 0.008
}

// Is a build's crash rate above the 2 per 1000 usage hours it must meet? The exact
// one-sample test, as R's poisson.test(15, 4, r = 2, alternative = "greater").
func ExamplePoissonTest() {
	build := analysis.Rate{Events: 15, KHours: 4}
	t, err := analysis.PoissonTest(build, 2, analysis.Greater, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t)
	// Output:
	// rate 3.75 [2.312, +Inf] per 1k h (15 events / 4 kh) against 2: p = 0.017 (greater)
}
