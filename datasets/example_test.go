package datasets_test

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"strings"

	"github.com/ratelab/ratelab/datasets"
)

// ExampleOpen reads the embedded history as stored: gzip-compressed CSV with a header
// line (analysis.LoadDefault does this and more in one call).
func ExampleOpen() {
	f, err := datasets.Open(datasets.MainFile)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		panic(err)
	}
	lines := bufio.NewScanner(zr)
	lines.Scan()
	header := strings.Split(lines.Text(), ",")
	rows := 0
	for lines.Scan() {
		rows++
	}
	fmt.Println(len(header), "columns:", strings.Join(header[:4], ", "), "…")
	fmt.Println(rows, "rows")
	// Output:
	// 23 columns: window_start, window_end, submission_date, channel …
	// 68476 rows
}
