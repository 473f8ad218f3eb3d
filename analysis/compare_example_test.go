package analysis_test

import (
	"fmt"
	"time"

	"github.com/ratelab/ratelab/analysis"
)

func ExampleCompareReleases() {
	tab, _ := analysis.LoadDefault()
	tab, _ = analysis.Validate(tab, analysis.ValidateOptions{Drop: true}) // a duplicated upload, lost usage hours
	dates, _ := analysis.DefaultReleaseDates("release")
	c, err := analysis.CompareReleases(tab, analysis.CompareOptions{
		Channel:      "release",
		Majors:       []int{57, 58},
		ReleaseDates: dates,
		SkipFirst:    24 * time.Hour,
		Grain:        6 * time.Hour,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range c.Rows {
		pct, lo, hi := r.Test.PercentChange()
		fmt.Printf("%-7s %d vs %d: %+.1f%% [%+.1f%%, %+.1f%%] %s\n", r.Platform, r.Newest, r.Older, pct, lo, hi, r.Verdict)
	}
	// Output:
	// all     58 vs 57: -16.3% [-16.6%, -16.0%] better
	// Linux   58 vs 57: -16.8% [-17.7%, -16.0%] better
	// Mac     58 vs 57: -14.9% [-15.8%, -14.1%] better
	// Windows 58 vs 57: -16.4% [-16.7%, -16.1%] better
}
