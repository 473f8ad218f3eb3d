package analysis_test

import (
	"fmt"
	"strings"

	"github.com/ratelab/ratelab/analysis"
)

func ExampleLoadCSV() {
	const data = `window_start,version,os_name,usage_hours,main_crashes,gfx_compositor
2018-01-23T00:00:00Z,58.0,Windows_NT,1520.5,4,d3d11
2018-01-23T00:00:00Z,58.0,Darwin,310,,basic
`
	tab, err := analysis.LoadCSV(strings.NewReader(data), "aggregates.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	r := tab.LoadReport()
	fmt.Println(tab.Len(), "rows; ignored:", r.Unknown, "; NULL main_crashes:", r.Nulls["main_crashes"])
	fmt.Println(tab.Row(0).WindowStart, tab.Row(1).OSName)

	// A malformed value names the file, the line, the column and what was expected.
	_, err = analysis.LoadCSV(strings.NewReader("version,usage_hours\n58.0,1.5\n58.0,abc\n"), "bad.csv")
	fmt.Println(err)
	// Output:
	// 2 rows; ignored: [gfx_compositor] ; NULL main_crashes: 1
	// 2018-01-23 00:00:00 +0000 UTC Darwin
	// load bad.csv: line 3: column "usage_hours": "abc" is not a number
}

func ExampleValidate() {
	const data = `window_start,window_end,version,os_name,experiment_id,usage_hours,main_crashes
2018-01-23T00:00:00Z,2018-01-23T06:00:00Z,58.0,Linux,,100,2
2018-01-23T00:00:00Z,2018-01-23T06:00:00Z,58.0,Linux,,100,2
2018-01-23T06:00:00Z,2018-01-23T00:00:00Z,58.0,Linux,,50,-1
2018-01-23T00:00:00Z,2018-01-23T06:00:00Z,58.0,Linux,webrender,40,1
`
	tab, _ := analysis.LoadCSV(strings.NewReader(data), "agg.csv")
	clean, rep := analysis.Validate(tab, analysis.ValidateOptions{Drop: true})
	fmt.Print(rep)
	fmt.Println(clean.Len(), "rows kept")
	// Output:
	// Validation of agg.csv: 4 rows, 3 errors, 2 rows dropped
	// issue                    rows  first at         action
	// negative count           1     agg.csv: line 4  dropped
	// window end before start  1     agg.csv: line 4  dropped
	// duplicate window         1     agg.csv: line 3  dropped
	// experiment row           1     agg.csv: line 5  kept; left out of population totals by every query
	//
	// where            issue                    column         value                 detail
	// agg.csv: line 3  duplicate window                                              same dimensions and window as agg.csv: line 2
	// agg.csv: line 4  negative count           main_crashes   -1
	// agg.csv: line 4  window end before start  window_end     2018-01-23T00:00:00Z  window_start 2018-01-23T06:00:00Z
	// agg.csv: line 5  experiment row           experiment_id  webrender
	// 2 rows kept
}

func ExampleLoadDefault() {
	tab, err := analysis.LoadDefault()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(tab.Name(), tab.Len() > 0, tab.Has("content_shutdown_crashes"))
	// Output:
	// error_aggregates.csv.gz true true
}
