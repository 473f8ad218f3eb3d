package analysis_test

import (
	"fmt"

	"github.com/ratelab/ratelab/analysis"
)

// Four releases on one platform, four 6-hour age buckets each: every release starts
// at twice its settled rate of 3 per 1000 h (its crash-prone early adopters), and
// release 4.0 is truly 60% worse. A fixed threshold fires on every release at once;
// the exact test against the previous release at the same ages fires on 4.0 alone,
// in its first bucket: 96 against 60 events over 10 kh each, ratio 1.6 with 95%
// interval [1.15, 2.25] (R: poisson.test(c(96, 60), c(10, 10))), above 1 + 10%.
func ExampleEvaluateAlerts() {
	h := analysis.AlertHistory{
		BucketHours: 6,
		Regressions: []analysis.ReleaseKey{{Release: "4.0", Platform: "Mac"}},
	}
	khours := []float64{10, 20, 40, 40}
	events := []int64{60, 80, 120, 120} // 6, 4, 3 and 3 per 1000 h
	for _, rel := range []string{"1.0", "2.0", "3.0", "4.0"} {
		for age := range khours {
			ev := events[age]
			if rel == "4.0" {
				ev = ev * 16 / 10
			}
			h.Rows = append(h.Rows, analysis.ReleaseAge{
				ReleaseKey: analysis.ReleaseKey{Release: rel, Platform: "Mac"},
				Age:        age,
				Events:     ev,
				KHours:     khours[age],
			})
		}
	}
	ev, err := analysis.EvaluateAlerts(h, 4,
		analysis.FixedThreshold{Rate: 4.5},
		analysis.PreviousReleaseTest{Margin: 0.1},
	)
	if err != nil {
		panic(err)
	}
	for _, s := range ev.Summaries() {
		fmt.Printf("%s: %d of %d good releases alerted, %d of %d regressions detected after %.0f h\n",
			s.Strategy, s.FalseAlarms, s.Good, s.Detected, s.Regressions, s.MeanHoursToDetect)
	}
	// Output:
	// fixed threshold 4.5: 2 of 2 good releases alerted, 1 of 1 regressions detected after 6 h
	// exact test vs previous, 95%, skip 0, margin 10%: 0 of 2 good releases alerted, 1 of 1 regressions detected after 6 h
}
