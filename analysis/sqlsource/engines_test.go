package sqlsource_test

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ratelab/ratelab/analysis"
	"github.com/ratelab/ratelab/analysis/sqlsource"
	"github.com/ratelab/ratelab/analysis/sqlsource/internal/enginetest"
)

// The fixture: the bundled history plus rows whose dimension values are hostile SQL,
// loaded into every engine. Servers are started once for the package, by TestMain.
var (
	fixture *analysis.Table
	engines []engine              // the SQL sources under test, beside the in-memory fixture
	targets = map[string]string{} // engine ("duckdb" for the database file) → DSN or path
)

type engine struct {
	name string
	src  analysis.Source
}

// hostile are dimension values written to break out of a string literal or to be
// read as SQL or as a placeholder by an engine or a driver.
var hostile = []string{
	`x' OR '1'='1`,
	`'; DROP TABLE error_aggregates; --`,
	`\' OR 1=1 -- `,
	`\\'); DROP TABLE error_aggregates; --`,
	`trailing backslash\`,
	`?`, `? OR 1=1`, `$1`, `@p1`, `:name`, `{name:String}`,
	`"double" quotes`, "`back`ticks`",
	"ünï©ødé 🚀", "%", "_", "line\nbreak\ttab",
	"--", "/* comment */",
}

func TestMain(m *testing.M) {
	code, err := runWithEngines(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sqlsource tests:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

// runWithEngines starts PostgreSQL and a two-shard ClickHouse cluster (bounded in
// time), writes the fixture to Parquet, CSV and a DuckDB file, loads it into the
// servers, runs the tests and stops the servers.
func runWithEngines(m *testing.M) (int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var err error
	if fixture, err = fixtureTable(); err != nil {
		return 0, err
	}
	dir, err := os.MkdirTemp("", "ratelab-sqlsource-test-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)

	type started struct {
		pg  *enginetest.Postgres
		ch  *enginetest.ClickHouse
		err error
	}
	pgDone, chDone := make(chan started, 1), make(chan started, 1)
	go func() {
		pg, err := enginetest.StartPostgres(ctx)
		if err == nil {
			err = enginetest.LoadPostgres(ctx, pg.DSN(), "error_aggregates", fixture)
		}
		pgDone <- started{pg: pg, err: err}
	}()
	go func() {
		ch, err := enginetest.StartClickHouse(ctx, 2)
		if err == nil {
			err = ch.CreateDistributed(ctx, "error_aggregates_local", "error_aggregates")
		}
		if err == nil {
			err = ch.LoadShards(ctx, "error_aggregates_local", fixture)
		}
		chDone <- started{ch: ch, err: err}
	}()
	pg, ch := <-pgDone, <-chDone
	if pg.pg != nil {
		defer pg.pg.Stop()
	}
	if ch.ch != nil {
		defer ch.ch.Stop()
	}
	if pg.err != nil {
		return 0, fmt.Errorf("postgres: %w", pg.err)
	}
	if ch.err != nil {
		return 0, fmt.Errorf("clickhouse: %w", ch.err)
	}

	parts := filepath.Join(dir, "parts")
	if err := sqlsource.WriteParquet(fixture, parts, "channel"); err != nil {
		return 0, err
	}
	csvPath, dbPath := filepath.Join(dir, "aggregates.csv.gz"), filepath.Join(dir, "aggregates.duckdb")
	if err := duckDBCopies(parts, csvPath, dbPath); err != nil {
		return 0, err
	}
	targets["duckdb"], targets["postgres"], targets["clickhouse"] = dbPath, pg.pg.DSN(), ch.ch.DSN(0)
	for _, e := range []struct{ name, engine, target string }{
		{"duckdb-parquet-hive", "duckdb", parts},
		{"duckdb-csv-gz", "duckdb", csvPath},
		{"duckdb-file", "duckdb", dbPath},
		{"postgres", "postgres", pg.pg.DSN()},
		{"clickhouse-2-shards", "clickhouse", ch.ch.DSN(0)},
	} {
		src, err := sqlsource.Open(e.engine, e.target)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", e.name, err)
		}
		defer src.Close()
		engines = append(engines, engine{e.name, src})
	}
	return m.Run(), nil
}

// fixtureTable is the bundled history plus one copy of its first row per hostile
// value, with that value as its country and os_version, and one with no usage hours.
func fixtureTable() (*analysis.Table, error) {
	t, err := analysis.LoadDefault()
	if err != nil {
		return nil, err
	}
	rows := make([]analysis.Row, 0, t.Len()+len(hostile))
	for i := 0; i < t.Len(); i++ {
		rows = append(rows, t.Row(i))
	}
	for i, h := range hostile {
		r := t.Row(0)
		r.Country, r.OSVersion, r.MainCrashes = h, h, int64(1000+i)
		rows = append(rows, r)
	}
	// A row whose usage_hours is NULL makes its group's usage NaN in the Table (no
	// rate rather than an inflated one). It is an experiment row, so that only the
	// queries that ask for experiments meet it.
	r := t.Row(0)
	r.ExperimentID, r.UsageHours = "usage-unknown", math.NaN()
	rows = append(rows, r)
	return analysis.NewTable("fixture", rows), nil
}

// duckDBCopies writes the Parquet partitions again as a gzipped CSV file and as a
// DuckDB database file holding table error_aggregates.
func duckDBCopies(parts, csvPath, dbPath string) error {
	db, err := sql.Open("duckdb", dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	read := "read_parquet('" + parts + "/**/*.parquet', hive_partitioning = true, hive_types_autocast = false)"
	for _, stmt := range []string{
		// Timestamps without time zone here (UTC wall times, as warehouses often keep
		// them), with time zone in the Parquet and CSV files.
		"CREATE TABLE error_aggregates AS SELECT * REPLACE (timezone('UTC', window_start) AS window_start, timezone('UTC', window_end) AS window_end) FROM " + read,
		"COPY (SELECT * FROM " + read + ") TO '" + csvPath + "' (HEADER, COMPRESSION gzip)",
	} {
		if _, err := db.Exec(stmt); err != nil {
			return fmt.Errorf("%s: %w", stmt, err)
		}
	}
	return nil
}

// querySuite covers every part of a Query: dimensions stored, derived and of time,
// grains calendar and not, time bounds off the grid, filters on every kind of
// dimension, the experiment rule both ways, and measure lists.
func querySuite() map[string]analysis.Query {
	day := 24 * time.Hour
	feb := time.Date(2018, 2, 1, 0, 0, 0, 0, time.UTC)
	return map[string]analysis.Query{
		"everything":                {},
		"by version":                {By: []string{"version"}},
		"by major and platform":     {By: []string{"major", "platform"}},
		"by os alias":               {By: []string{"os"}, Measures: []string{"main_crashes"}},
		"by channel country":        {By: []string{"channel", "country"}, Measures: []string{analysis.MeasureCombined}},
		"by build and display":      {By: []string{"build_id", "display_version", "application", "architecture"}},
		"by submission date":        {By: []string{"submission_date"}, Measures: []string{"count"}},
		"by window_start":           {By: []string{"window_start"}, From: feb, To: feb.Add(3 * day)},
		"by window_end and version": {By: []string{"window_end", "version"}, Where: map[string][]string{"channel": {"beta"}}},
		"daily":                     {Grain: day, Where: map[string][]string{"channel": {"release"}, "platform": {"Windows"}}},
		"hourly by platform":        {Grain: time.Hour, By: []string{"platform"}, From: feb, To: feb.Add(2 * day)},
		"6h by major":               {Grain: 6 * time.Hour, By: []string{"major"}},
		"weekly (not calendar)":     {Grain: 7 * day, By: []string{"channel"}},
		"90 minutes":                {Grain: 90 * time.Minute, From: feb, To: feb.Add(day)},
		"bounds off the grid":       {By: []string{"version"}, From: feb.Add(3*time.Hour + 1), To: feb.Add(5*day + 12*time.Hour + time.Microsecond + 1)},
		"from only":                 {By: []string{"channel"}, From: feb},
		"to only":                   {By: []string{"channel"}, To: feb},
		"where several values":      {By: []string{"country"}, Where: map[string][]string{"country": {"US", "DE", "FR", "nowhere"}}},
		"where major":               {By: []string{"experiment_id", "experiment_branch"}, Where: map[string][]string{"channel": {"release"}, "platform": {"Windows"}, "major": {"58"}}},
		"where major not grouped":   {By: []string{"platform"}, Where: map[string][]string{"major": {"58", "59"}}},
		"where platform Mac":        {By: []string{"os"}, Where: map[string][]string{"platform": {"Mac"}}},
		"where window_start":        {By: []string{"version"}, Where: map[string][]string{"window_start": {"2018-02-01T00:00:00Z", "2018-02-01T06:00:00Z"}}},
		"empty: where nothing":      {By: []string{"version"}, Where: map[string][]string{"channel": {}}},
		"empty: no such value":      {By: []string{"version"}, Where: map[string][]string{"version": {"0.0"}}},
		"where empty is NULL":       {By: []string{"experiment_branch"}, Where: map[string][]string{"experiment_id": {""}}},
		"experiments included":      {By: []string{"experiment_id"}},
		"experiment branch filter":  {By: []string{"major"}, Where: map[string][]string{"experiment_branch": {"treatment"}}},
		"all measures by version":   {By: []string{"version"}, Measures: analysis.MeasureNames()},
		"hostile values, one each":  {By: []string{"country"}, Where: map[string][]string{"country": hostile}},
		"hostile values grouped":    {By: []string{"os_version", "country"}, Where: map[string][]string{"os_version": hostile[:5]}},
		"release report (notebook 4)": {By: []string{"platform"}, From: time.Date(2018, 1, 30, 14, 0, 0, 0, time.UTC),
			To: time.Date(2018, 2, 5, 14, 0, 0, 0, time.UTC), Where: map[string][]string{"channel": {"release"}, "version": {"58.0.1"}},
			Measures: []string{"main_crashes", "startup_crashes", "combined", "content_shutdown_crashes", "gpu_crashes"}},
	}
}

// TestSameSums runs the query suite on every engine and wants the in-memory Table's
// Sums: the same groups in the same order, the same integer sums, usage hours to
// 1e-9 relative.
func TestSameSums(t *testing.T) {
	suite := querySuite()
	names := make([]string, 0, len(suite))
	for n := range suite {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, name := range names {
		q := suite[name]
		want, err := fixture.Sums(q)
		if err != nil {
			t.Fatalf("%s: in memory: %v", name, err)
		}
		for _, e := range engines {
			t.Run(e.name+"/"+name, func(t *testing.T) {
				got, err := e.src.Sums(q)
				if err != nil {
					t.Fatal(err)
				}
				if err := sameSums(want, got); err != nil {
					t.Error(err)
				}
			})
		}
		if want.Len() == 0 && !strings.HasPrefix(name, "empty: ") {
			t.Errorf("%s: no groups in memory: the suite checks nothing there", name)
		}
		if name == "experiments included" && !slices.ContainsFunc(want.UsageHours, math.IsNaN) {
			t.Errorf("%s: no group with unknown usage hours in memory", name)
		}
		if name == "hostile values, one each" && want.Len() != len(hostile) {
			t.Errorf("%s: the table has %d groups, want one per hostile value (%d)", name, want.Len(), len(hostile))
		}
	}
}

// sameSums compares b with a: keys, windows, rows and measures exactly, usage hours
// to 1e-9 relative.
func sameSums(a, b *analysis.Sums) error {
	if !slices.Equal(a.By, b.By) || a.Grain != b.Grain {
		return fmt.Errorf("By %v grain %v, want By %v grain %v", b.By, b.Grain, a.By, a.Grain)
	}
	if a.Len() != b.Len() {
		return fmt.Errorf("%d groups, want %d\n got  %v\n want %v", b.Len(), a.Len(), firstKeys(b), firstKeys(a))
	}
	for g := 0; g < a.Len(); g++ {
		if !slices.Equal(a.Key(g), b.Key(g)) {
			return fmt.Errorf("group %d: key %q, want %q", g, b.Key(g), a.Key(g))
		}
		if a.Rows[g] != b.Rows[g] {
			return fmt.Errorf("group %q: %d rows, want %d", a.Key(g), b.Rows[g], a.Rows[g])
		}
		if math.IsNaN(a.UsageHours[g]) != math.IsNaN(b.UsageHours[g]) {
			return fmt.Errorf("group %q: usage hours %v, want %v", a.Key(g), b.UsageHours[g], a.UsageHours[g])
		}
		if d := math.Abs(a.UsageHours[g] - b.UsageHours[g]); d > 1e-9*math.Abs(a.UsageHours[g]) {
			return fmt.Errorf("group %q: usage hours %v, want %v (relative difference %.2g)", a.Key(g), b.UsageHours[g], a.UsageHours[g], d/math.Abs(a.UsageHours[g]))
		}
	}
	if a.Grain > 0 {
		for g := range a.Windows {
			if !a.Windows[g].Equal(b.Windows[g]) {
				return fmt.Errorf("group %d: window %v, want %v", g, b.Windows[g], a.Windows[g])
			}
		}
	}
	if len(a.Measures) != len(b.Measures) {
		return fmt.Errorf("measures %v, want %v", mapKeys(b.Measures), mapKeys(a.Measures))
	}
	for m, av := range a.Measures {
		if bv, ok := b.Measures[m]; !ok || !slices.Equal(av, bv) {
			return fmt.Errorf("measure %s: %v, want %v", m, bv, av)
		}
	}
	return nil
}

func firstKeys(s *analysis.Sums) [][]string {
	var k [][]string
	for g := 0; g < min(s.Len(), 5); g++ {
		k = append(k, s.Key(g))
	}
	return k
}

func mapKeys(m map[string][]int64) []string {
	var k []string
	for n := range m {
		k = append(k, n)
	}
	slices.Sort(k)
	return k
}
