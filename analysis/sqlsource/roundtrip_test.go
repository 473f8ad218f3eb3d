package sqlsource_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/ratelab/ratelab/analysis"
	"github.com/ratelab/ratelab/analysis/sqlsource"
)

// TestDuckDBParquetLoads loads a Parquet file DuckDB wrote with analysis.Load: a
// user moves data between the engine and the in-memory table both ways. DuckDB pads
// the last bit-packed run of a page to 256 values, which the loader's damage checks
// once refused as a corrupt page; the fixture's pages end that way.
func TestDuckDBParquetLoads(t *testing.T) {
	path := filepath.Join(t.TempDir(), "aggregates.parquet")
	if err := sqlsource.WriteParquet(fixture, path); err != nil {
		t.Fatal(err)
	}
	back, err := analysis.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if back.Len() != fixture.Len() {
		t.Fatalf("%d rows back, want %d", back.Len(), fixture.Len())
	}
	for _, q := range []analysis.Query{{By: []string{"version", "platform"}}, {By: []string{"experiment_id", "country"}, Grain: 24 * time.Hour}} {
		want, err := fixture.Sums(q)
		if err != nil {
			t.Fatal(err)
		}
		got, err := back.Sums(q)
		if err != nil {
			t.Fatal(err)
		}
		if err := sameSums(want, got); err != nil {
			t.Errorf("By %v: %v", q.By, err)
		}
	}
}
