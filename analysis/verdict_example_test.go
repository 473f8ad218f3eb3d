package analysis_test

import (
	"fmt"

	"github.com/ratelab/ratelab/analysis"
)

// Judge comparisons by one documented rule: a 5% margin and at least 1000 usage
// hours on each side.
func ExampleVerdictRule() {
	rule := analysis.VerdictRule{Exposure: analysis.ExposureRule{MinKHours: 1}, Margin: 0.05}
	for _, c := range [][2]analysis.Rate{
		{{Events: 100000, KHours: 1000}, {Events: 100100, KHours: 1000}},
		{{Events: 12, KHours: 5}, {Events: 10, KHours: 5}},
		{{Events: 12, KHours: 0.5}, {Events: 10, KHours: 5}},
	} {
		t, err := analysis.CompareRates(c[0], c[1], 0.95)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%v vs %v: %v\n", c[0].Value(), c[1].Value(), rule.Judge(t))
	}
	// Output:
	// 100 vs 100.1: no change
	// 2.4 vs 2: not enough data
	// 24 vs 2: not enough data
}
