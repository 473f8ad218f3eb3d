package analysis_test

import (
	"fmt"
	"time"

	"github.com/ratelab/ratelab/analysis"
)

func ExampleTable_Sums() {
	tab, _ := analysis.LoadDefault()
	// Daily sums per platform of the 58.x releases over their first week; experiment
	// rows are left out of these population totals.
	s, err := tab.Sums(analysis.Query{
		By:    []string{"platform"},
		Grain: 24 * time.Hour,
		From:  time.Date(2018, 1, 24, 0, 0, 0, 0, time.UTC),
		To:    time.Date(2018, 1, 26, 0, 0, 0, 0, time.UTC),
		Where: map[string][]string{"channel": {"release"}, "major": {"58"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for g := 0; g < s.Len(); g++ {
		fmt.Printf("%v %-7s %6d rows %9.0f h %5d main crashes\n", s.Key(g)[0][:10], s.Keys[0][g], s.Rows[g], s.UsageHours[g], s.Measures["main_crashes"][g])
	}
	// Output:
	// 2018-01-24 Linux       16 rows      3107 h    24 main crashes
	// 2018-01-24 Mac         16 rows      4571 h    24 main crashes
	// 2018-01-24 Windows     16 rows     30978 h   253 main crashes
	// 2018-01-25 Linux       16 rows     11629 h    72 main crashes
	// 2018-01-25 Mac         16 rows     17413 h    63 main crashes
	// 2018-01-25 Windows     16 rows    117638 h   609 main crashes
}

func ExampleRates() {
	tab, _ := analysis.LoadDefault()
	rt, err := analysis.Rates(tab, analysis.Query{By: []string{"major"}, Where: map[string][]string{"channel": {"release"}}},
		"main_crashes", analysis.MeasureCombined)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(rt)
	// Output:
	// major  usage khours  main_crashes  main_crashes per 1k h  95% interval    combined  combined per 1k h  95% interval
	// 55     31109         90130         2.897                  [2.878, 2.916]  270162    8.684              [8.652, 8.717]
	// 56     72265         212087        2.935                  [2.922, 2.947]  638189    8.831              [8.81, 8.853]
	// 57     107636        365003        3.391                  [3.38, 3.402]   1098764   10.21              [10.19, 10.23]
	// 58     76476         221495        2.896                  [2.884, 2.908]  659887    8.629              [8.608, 8.65]
	// 59     21575         68838         3.191                  [3.167, 3.215]  207100    9.599              [9.558, 9.641]
}
