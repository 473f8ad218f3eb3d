package analysis

import (
	"bytes"
	"strings"
	"testing"
)

// TestLoaderGoroutinesRecover: a panic while parsing (here forced by a column
// index no schema has) becomes an error naming the file and where, instead of
// ending the process from a goroutine no cell can recover.
func TestLoaderGoroutinesRecover(t *testing.T) {
	plan := &csvPlan{name: "x.csv", fields: []csvField{{col: 200, name: "bogus"}}}
	_, err := newCSVParser(plan).parseRecovered(csvChunk{data: []byte("1\n"), line: 2}, newTable("x.csv", true))
	if err == nil || !strings.HasPrefix(err.Error(), "load x.csv: lines from 2: the CSV parser failed: runtime error: index out of range") {
		t.Errorf("CSV: %v", err)
	}

	data := writeTestParquet(t, randomRows(6, 50))
	md, err := pqFooter(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	pf, err := openParquet(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rg := rowGroupReader{r: bytes.NewReader(data), meta: &md.RowGroups[0], group: pf.RowGroups()[0],
		cols: []pqColumn{{index: 0, col: 200}}, nulls: new([numColumns]int), pages: new(pqPages)}
	_, err = rg.read(newSegBuilder(), newTable("x.parquet", false))
	if err == nil || !strings.Contains(err.Error(), "the Parquet reader failed: runtime error: index out of range") {
		t.Errorf("Parquet: %v", err)
	}
}
