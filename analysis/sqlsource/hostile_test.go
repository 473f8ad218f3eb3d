package sqlsource_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/ratelab/ratelab/analysis"
	"github.com/ratelab/ratelab/analysis/sqlsource"
)

// TestHostileNames: dimension and measure names are checked against the schema
// before any SQL is written, and a table name is quoted: none reaches an engine as
// SQL. Hostile values are in TestSameSums (rows holding them are found, one each).
func TestHostileNames(t *testing.T) {
	for _, e := range engines {
		for _, q := range []analysis.Query{
			{By: []string{"country; DROP TABLE error_aggregates"}},
			{By: []string{`country" FROM error_aggregates; --`}},
			{Where: map[string][]string{"1=1 OR country": {"US"}}},
			{Measures: []string{"main_crashes) FROM error_aggregates; --"}},
		} {
			if _, err := e.src.Sums(q); err == nil || !strings.Contains(err.Error(), "unknown") {
				t.Errorf("%s: %+v: err = %v, want an unknown dimension or measure", e.name, q, err)
			}
		}
	}
	for engine, names := range map[string][]string{
		"duckdb":     {`error_aggregates"; DROP TABLE error_aggregates; --`, `error_aggregates"" --`},
		"postgres":   {`error_aggregates"; DROP TABLE error_aggregates; --`, `x"."error_aggregates`},
		"clickhouse": {"error_aggregates`; DROP TABLE error_aggregates; --", "error_aggregates\\`; DROP TABLE error_aggregates; --", "error_aggregates?", "error_aggregates'"},
	} {
		for _, name := range names {
			src, err := sqlsource.OpenTable(engine, targets[engine], name)
			if err == nil {
				src.Close()
				t.Errorf("%s: table %q opened", engine, name)
			} else if !strings.Contains(err.Error(), "exist") {
				t.Errorf("%s: table %q: %v, want the engine's no such table", engine, name, err)
			}
		}
	}
	// Nothing was dropped: every engine still holds every row.
	for _, e := range engines {
		s, err := e.src.Sums(analysis.Query{By: []string{"experiment_id"}})
		if err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		var n int64
		for _, r := range s.Rows {
			n += r
		}
		if n != int64(fixture.Len()) {
			t.Errorf("%s: %d rows after the hostile names, want %d", e.name, n, fixture.Len())
		}
	}
}

// TestHostilePaths: a file path is a bound parameter when read and a quoted literal
// when written (COPY takes no parameters).
func TestHostilePaths(t *testing.T) {
	dir := filepath.Join(t.TempDir(), `it's "here"; DROP TABLE x; --`)
	small := analysis.NewTable("small", []analysis.Row{fixture.Row(0), fixture.Row(1), fixture.Row(2)})
	for _, target := range []string{filepath.Join(dir, "one.parquet"), filepath.Join(dir, "parts")} {
		var partitions []string
		if filepath.Base(target) == "parts" {
			partitions = []string{"channel"}
		}
		if err := sqlsource.WriteParquet(small, target, partitions...); err != nil {
			t.Fatal(err)
		}
		src, err := sqlsource.Open("duckdb", target)
		if err != nil {
			t.Fatal(err)
		}
		defer src.Close()
		q := analysis.Query{By: []string{"country"}}
		want, err := small.Sums(q)
		if err != nil {
			t.Fatal(err)
		}
		got, err := src.Sums(q)
		if err != nil {
			t.Fatal(err)
		}
		if err := sameSums(want, got); err != nil {
			t.Errorf("%s: %v", target, err)
		}
	}
}
