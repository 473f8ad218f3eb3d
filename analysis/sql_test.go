package analysis

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden SQL files of testdata/sql")

// goldenTypes are the column types of a typical error_aggregates table in each
// dialect: what the engine's driver reports, and so what the SQL is written for.
var goldenTypes = map[Dialect]struct{ time, text, float, integer string }{
	DuckDB:     {"TIMESTAMPTZ", "VARCHAR", "DOUBLE", "BIGINT"},
	PostgreSQL: {"TIMESTAMP", "TEXT", "FLOAT8", "INT8"},
	ClickHouse: {"DateTime", "String", "Float64", "Int64"},
	Trino:      {"timestamp(6)", "varchar", "double", "bigint"},
	BigQuery:   {"TIMESTAMP", "STRING", "FLOAT64", "INT64"},
}

// goldenSource is a SQLSource over a table with every schema column, as the
// dialect's typical types; BigQuery's submission_date is a DATE (Mozilla's tables
// partition by it), so its filters cast it to a string.
func goldenSource(t *testing.T, d Dialect) *SQLSource {
	sq, err := dialectOf(d)
	if err != nil {
		t.Fatal(err)
	}
	s := &SQLSource{dialect: d, sq: sq, from: sq.quote("telemetry") + "." + sq.quote("error_aggregates"), name: "golden"}
	ty := goldenTypes[d]
	for c := column(0); c < numColumns; c++ {
		typ := ty.integer
		switch {
		case c.isTime():
			typ = ty.time
		case c.isStr():
			typ = ty.text
		case c == colUsageHours:
			typ = ty.float
		}
		if d == BigQuery && c == colSubmissionDate {
			typ = "DATE"
		}
		if d == ClickHouse && (c == colExperimentID || c == colExperimentBranch) {
			typ = "Nullable(String)"
		}
		s.cols[c] = sqlColumn{present: true, name: c.String(), typ: typ, kind: kindOfType(typ)}
	}
	return s
}

// goldenQueries are the queries whose SQL the golden files hold, in order.
var goldenQueries = []struct {
	name string
	q    Query
}{
	{"notebook 4's release report: one build, days 1-7, per platform", Query{
		By:    []string{"platform"},
		From:  time.Date(2018, 1, 30, 14, 0, 0, 0, time.UTC),
		To:    time.Date(2018, 2, 5, 14, 0, 0, 0, time.UTC),
		Where: map[string][]string{"channel": {"release"}, "version": {"58.0.1"}},
		Measures: []string{"main_crashes", "startup_crashes", MeasureCombined, "content_shutdown_crashes",
			"gpu_crashes"}}},
	{"daily, release channel on Windows (a derived filter: os_name is grouped, filtered in Go)", Query{
		Grain: 24 * time.Hour, Where: map[string][]string{"channel": {"release"}, "platform": {"Windows"}},
		Measures: []string{"main_crashes"}}},
	{"hourly by major", Query{Grain: time.Hour, By: []string{"major"}, Measures: []string{"count"}}},
	{"weekly buckets from the epoch (not a calendar unit)", Query{Grain: 7 * 24 * time.Hour, By: []string{"channel"},
		Measures: []string{"main_crashes"}}},
	{"experiments included, by window and branch", Query{By: []string{"window_start", "experiment_branch"},
		Where: map[string][]string{"submission_date": {"2018-02-01"}}, Measures: []string{"gpu_crashes"}}},
	{"a hostile value is a parameter like any other", Query{By: []string{"country"},
		Where: map[string][]string{"country": {`x' OR '1'='1`, ""}}, Measures: []string{"main_crashes"}}},
}

// TestSQLGolden checks the SQL of every dialect against testdata/sql/DIALECT.sql;
// go test -run TestSQLGolden -update rewrites them (read the diff: Trino and BigQuery
// are checked by nothing else).
func TestSQLGolden(t *testing.T) {
	for _, d := range Dialects() {
		s := goldenSource(t, d)
		var b strings.Builder
		fmt.Fprintf(&b, "-- %s: the statements SQLSource sends for analysis/sql_test.go's goldenQueries\n", d)
		for _, g := range goldenQueries {
			text, args, err := s.SQL(g.q)
			if err != nil {
				t.Fatalf("%s: %s: %v", d, g.name, err)
			}
			fmt.Fprintf(&b, "\n-- %s\n-- parameters:%s\n%s;\n", g.name, formatArgs(args), text)
		}
		path := filepath.Join("testdata", "sql", string(d)+".sql")
		if *updateGolden {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test -run TestSQLGolden -update writes it)", err)
		}
		if got := b.String(); got != string(want) {
			t.Errorf("%s: the SQL differs from %s (go test -run TestSQLGolden -update, then read the diff):\n%s", d, path, got)
		}
	}
}

func formatArgs(args []any) string {
	var b strings.Builder
	for _, a := range args {
		if s, ok := a.(string); ok {
			fmt.Fprintf(&b, " %q", s)
		} else {
			fmt.Fprintf(&b, " %v", a)
		}
	}
	return b.String()
}

func TestSQLSourceRefuses(t *testing.T) {
	s := goldenSource(t, DuckDB)
	for _, c := range []struct {
		q    Query
		want string
	}{
		{Query{Grain: time.Nanosecond}, "whole microseconds"},
		{Query{Grain: 1500 * time.Nanosecond}, "whole microseconds"},
		{Query{Grain: -time.Hour}, "negative"},
		{Query{By: []string{"nope"}}, "unknown dimension"},
		{Query{Measures: []string{"nope"}}, "unknown measure"},
	} {
		if _, _, err := s.SQL(c.q); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: err = %v, want %q", c.q, err, c.want)
		}
	}
	if _, err := dialectOf("oracle"); err == nil {
		t.Error("dialect oracle accepted")
	}
}

func TestKindOfType(t *testing.T) {
	for typ, want := range map[string]sqlKind{
		"VARCHAR": kindString, "Nullable(LowCardinality(String))": kindString, "varchar(20)": kindString,
		"character varying": kindString, "FixedString(2)": kindString, "TEXT": kindString,
		"TIMESTAMP WITH TIME ZONE": kindTime, "TIMESTAMPTZ": kindTime, "DateTime('UTC')": kindTime,
		"Nullable(DateTime64(3))": kindTime, "timestamp(3) with time zone": kindTime, "DATETIME": kindTime,
		"BIGINT": kindNumber, "UInt64": kindNumber, "double precision": kindNumber, "HUGEINT": kindNumber,
		"INT8": kindNumber, "FLOAT64": kindNumber, "numeric(18,2)": kindNumber, "Decimal(18, 2)": kindNumber,
		"DATE": kindOther, "BOOLEAN": kindOther, "Array(String)": kindOther,
	} {
		if got := kindOfType(typ); got != want {
			t.Errorf("kindOfType(%q) = %d, want %d", typ, got, want)
		}
	}
}
