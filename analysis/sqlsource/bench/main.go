// Command bench measures grouped sums where the data lives against loading it into
// the kernel:
//
//	go run ./analysis/sqlsource/bench -rows 1e8 -clickhouse-rows 1e7
//
// It generates -rows rows of aggregates as Parquet on disk (DuckDB, fixed seed: 5-minute
// windows, 84 versions of four channels, three platforms, 40 countries, exponential
// usage and crash counts drawn around fixed rates) and groups them by (version,
// platform) summing five measures, two ways, each in a child process of its own (this
// program re-executed) so that its peak memory (VmHWM) is its own:
//
//   - duckdb: sqlsource.Open("duckdb", files) and Sums, DuckDB reading the files in place;
//   - memory: analysis.Load of the same files into the in-memory Table, then its Sums.
//
// Then it generates -clickhouse-rows rows the same way, starts a two-shard ClickHouse
// cluster (Debian's clickhouse-server, as the tests do), writes the rows into the
// shards (odd and even rows), and runs the same query through the Distributed table;
// the servers' peak memory is read from /proc after their peaks were reset once loading
// ended. DuckDB and the in-memory table run on the same rows, and every engine's
// groups must be the same.
//
// Every file and server is removed at the end.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ratelab/ratelab/analysis"
	"github.com/ratelab/ratelab/analysis/internal/benchcase"
	"github.com/ratelab/ratelab/analysis/sqlsource"
	"github.com/ratelab/ratelab/analysis/sqlsource/internal/enginetest"
)

// query is the benchmark's group-by: the shape of a release dashboard.
var query = analysis.Query{By: []string{"version", "platform"},
	Measures: []string{"count", "main_crashes", "content_crashes", "content_shutdown_crashes", "gpu_crashes"}}

func main() {
	rows := flag.Float64("rows", 1e8, "rows of Parquet to generate and group")
	chRows := flag.Float64("clickhouse-rows", 1e7, "rows to load into the ClickHouse cluster (0: skip)")
	reps := flag.Int("reps", 5, "repetitions of each group-by (the median is reported)")
	dir := flag.String("dir", "", "directory for the generated files (default: a new temporary directory, removed at the end)")
	child := flag.String("child", "", "internal: run one case (duckdb, memory) on -file")
	file := flag.String("file", "", "internal: the Parquet file of a child case")
	flag.Parse()
	if *child != "" {
		if err := runChild(*child, *file, *reps); err != nil {
			fmt.Fprintln(os.Stderr, "bench child:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(int64(*rows), int64(*chRows), *reps, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// result is what a case reports.
type result struct {
	LoadMs, GroupMs   float64 // wall time: load once, group-by median
	LoadCPU, GroupCPU float64 // CPU time (user + system, all threads), ms
	PeakMiB           float64
	Groups            int
	Sums              *analysis.Sums `json:",omitempty"`
	ServerPeakMiB     float64        // ClickHouse: the servers' peak resident memory, summed
}

func run(rows, chRows int64, reps int, dir string) error {
	if dir == "" {
		d, err := os.MkdirTemp("", "ratelab-sqlbench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	load, _ := os.ReadFile("/proc/loadavg")
	fmt.Printf("ratelab SQL source bench: %d CPUs, %d reps (medians), load average %s\n", runtime.NumCPU(), reps,
		strings.Join(strings.Fields(string(load))[:3], " "))
	fmt.Printf("query: %v, measures %v\n", query.By, query.Measures)
	start := time.Now()
	path, err := generate(dir, rows)
	if err != nil {
		return err
	}
	size := dirSize(dir)
	fmt.Printf("# %d rows of Parquet generated in %.1f s: %.0f MiB on disk\n", rows, time.Since(start).Seconds(), float64(size)/(1<<20))
	fmt.Printf("%-30s %10s %10s %11s %11s %9s %7s\n", "case", "load ms", "load cpu", "group ms", "group cpu", "peak MiB", "groups")
	var duck result
	for _, c := range []string{"duckdb", "memory"} {
		r, err := runCase(c, path, reps)
		if err != nil {
			return fmt.Errorf("%s: %w", c, err)
		}
		printRow(fmt.Sprintf("%s, %.0e rows", c, float64(rows)), r)
		if c == "duckdb" {
			duck = r
		} else if err := sameGroups(duck.Sums, r.Sums); err != nil {
			return fmt.Errorf("memory against duckdb: %w", err)
		}
	}
	if chRows > 0 {
		if err := clickHouse(filepath.Join(dir, "clickhouse"), chRows, reps); err != nil {
			return fmt.Errorf("clickhouse: %w", err)
		}
	}
	return nil
}

func printRow(name string, r result) {
	fmt.Printf("%-30s %10.0f %10.0f %11.1f %11.1f %9.0f %7d\n", name, r.LoadMs, r.LoadCPU, r.GroupMs, r.GroupCPU, r.PeakMiB, r.Groups)
}

// generate writes rows rows of aggregates to dir/aggregates.parquet with DuckDB, in
// parallel: every value is a hash of the row number, so the data is the same on every
// run and for every thread count.
func generate(dir string, rows int64) (string, error) {
	var versions, channels []string
	for major := 90; major <= 110; major++ {
		versions = append(versions, fmt.Sprintf("%d.0", major), fmt.Sprintf("%d.0.1", major),
			fmt.Sprintf("%d.0b%d", major, 1+major%9), fmt.Sprintf("%d.0a1", major))
		channels = append(channels, "release", "release", "beta", "nightly")
	}
	list := func(vals []string) string { return "['" + strings.Join(vals, "', '") + "']" }
	var countries []string
	for i := range 40 {
		countries = append(countries, string(rune('A'+i%26))+string(rune('A'+(i*7)%26)))
	}
	// u(k): a uniform in [0, 1) from the row number and a stream number k.
	u := func(k int) string { return fmt.Sprintf("((hash(i, %d) %% 1000000007) / 1000000007.0)", k) }
	perWindow := max(1, rows/8640) // about 30 days of 5-minute windows
	gen := fmt.Sprintf(`SELECT
	TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_minutes(CAST(5 * (i // %d) AS BIGINT)) AS window_start,
	%s[1 + r] AS version,
	%s[1 + r] AS channel,
	(['Windows_NT', 'Windows_NT', 'Windows_NT', 'Windows_NT', 'Windows_NT', 'Windows_NT', 'Darwin', 'Darwin', 'Linux'])[1 + CAST(hash(i, 3) %% 9 AS INTEGER)] AS os_name,
	%s[1 + CAST(hash(i, 4) %% 40 AS INTEGER)] AS country,
	'2026' || lpad(CAST(r %% 12 + 1 AS VARCHAR), 2, '0') || lpad(CAST(hash(i, 5) %% 3 + 1 AS VARCHAR), 2, '0') || '100000' AS build_id,
	round(usage, 4) AS usage_hours,
	CAST(1 + floor(usage / 2) AS BIGINT) AS count,
	CAST(floor(usage * 0.002 + %s) AS BIGINT) AS main_crashes,
	CAST(floor(usage * 0.004 + %s) AS BIGINT) AS content_crashes,
	CAST(floor(usage * 0.001 + %s) AS BIGINT) AS content_shutdown_crashes,
	CAST(floor(usage * 0.0005 + %s) AS BIGINT) AS gpu_crashes
FROM (SELECT range AS i, CAST(hash(range, 1) %% %d AS INTEGER) AS r, -20 * ln(1 - %s) AS usage FROM range(%d))`,
		perWindow, list(versions), list(channels), list(countries), u(6), u(7), u(8), u(9), len(versions),
		strings.ReplaceAll(u(2), "hash(i,", "hash(range,"), rows)
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return "", err
	}
	defer db.Close()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	out := filepath.Join(dir, "aggregates.parquet")
	if _, err := db.Exec("COPY (" + gen + ") TO '" + out + "' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1048576)"); err != nil {
		return "", fmt.Errorf("generate: %w", err)
	}
	return out, nil
}

func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

// runCase runs a case in a child process, which reports its own peak memory.
func runCase(kind, path string, reps int) (result, error) {
	var r result
	err := benchcase.Run(os.Args[0], []string{"-child", kind, "-file", path, "-reps", strconv.Itoa(reps)}, &r)
	return r, err
}

// runChild opens the source (the load: for DuckDB, reading the files' schema; for
// memory, reading every row), then groups reps times.
func runChild(kind, path string, reps int) error {
	start, cpu := time.Now(), benchcase.CPUTime()
	var src analysis.Source
	switch kind {
	case "duckdb":
		s, err := sqlsource.Open("duckdb", path)
		if err != nil {
			return err
		}
		defer s.Close()
		src = s
	case "memory":
		t, err := analysis.Load(path)
		if err != nil {
			return err
		}
		src = t
	default:
		return fmt.Errorf("unknown case %q", kind)
	}
	r := result{LoadMs: benchcase.Ms(time.Since(start)), LoadCPU: benchcase.Ms(benchcase.CPUTime() - cpu)}
	sums, wall, cpus, err := timeSums(src, reps)
	if err != nil {
		return err
	}
	r.GroupMs, r.GroupCPU, r.Groups, r.Sums = benchcase.Median(wall), benchcase.Median(cpus), sums.Len(), sums
	if r.PeakMiB, err = benchcase.PeakMiB("self"); err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(r)
}

// timeSums runs the query reps times and returns the last answer and the wall and CPU
// times (ms) of each run.
func timeSums(src analysis.Source, reps int) (*analysis.Sums, []float64, []float64, error) {
	var wall, cpus []float64
	var s *analysis.Sums
	for range reps {
		runtime.GC()
		start, cpu := time.Now(), benchcase.CPUTime()
		var err error
		if s, err = src.Sums(query); err != nil {
			return nil, nil, nil, err
		}
		wall, cpus = append(wall, benchcase.Ms(time.Since(start))), append(cpus, benchcase.Ms(benchcase.CPUTime()-cpu))
	}
	return s, wall, cpus, nil
}

// clickHouse generates n rows into dir, loads them into a two-shard cluster and runs
// the query through its Distributed table; its answer must be DuckDB's over the file.
func clickHouse(dir string, n int64, reps int) error {
	path, err := generate(dir, n)
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	ch, err := enginetest.StartClickHouse(ctx, 2)
	if err != nil {
		return err
	}
	defer ch.Stop()
	if err := ch.CreateDistributed(ctx, "error_aggregates_local", "error_aggregates"); err != nil {
		return err
	}
	start := time.Now()
	t, err := analysis.Load(path)
	if err != nil {
		return err
	}
	if err := ch.LoadShards(ctx, "error_aggregates_local", t); err != nil {
		return err
	}
	t = nil
	fmt.Printf("# %d rows copied into 2 ClickHouse shards in %.1f s\n", n, time.Since(start).Seconds())
	for _, pid := range ch.PIDs() {
		// Reset the servers' peak resident set (Linux: clear_refs 5), so that the
		// figure below is the queries', not the loading's.
		if err := os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", pid), []byte("5"), 0); err != nil {
			return err
		}
	}
	src, err := sqlsource.Open("clickhouse", ch.DSN(0))
	if err != nil {
		return err
	}
	defer src.Close()
	var pids []string
	for _, p := range ch.PIDs() {
		pids = append(pids, strconv.Itoa(p))
	}
	startCPU := serverCPU(ch.PIDs())
	got, wall, cpus, err := timeSums(src, reps)
	if err != nil {
		return err
	}
	peak, err := benchcase.PeakMiB(pids...)
	if err != nil {
		return err
	}
	fmt.Printf("%-30s %10s %10s %11.1f %11.1f %9.0f %7d\n", fmt.Sprintf("clickhouse 2 shards, %.0e rows", float64(n)),
		"-", "-", benchcase.Median(wall), benchcase.Median(cpus), peak, got.Len())
	fmt.Printf("# clickhouse: group cpu is the client's; the two servers used %.0f ms CPU per query (mean of %d); peak MiB is the servers' peak resident memory during the queries, summed\n",
		(serverCPU(ch.PIDs())-startCPU)/float64(reps), reps)

	for _, c := range []string{"duckdb", "memory"} {
		r, err := runCase(c, path, reps)
		if err != nil {
			return fmt.Errorf("%s: %w", c, err)
		}
		printRow(fmt.Sprintf("%s, %.0e rows", c, float64(n)), r)
		if err := sameGroups(r.Sums, got); err != nil {
			return fmt.Errorf("clickhouse against %s: %w", c, err)
		}
	}
	fmt.Println("# every engine's groups are the same: keys and integer sums exactly, usage hours to 1e-9")
	return nil
}

// serverCPU sums the processes' user + system CPU time so far, in ms.
func serverCPU(pids []int) float64 {
	var ticks float64
	for _, pid := range pids {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			continue
		}
		s := string(b)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:]) // fields from 3 (state) on
		ut, _ := strconv.ParseFloat(f[11], 64)                   // utime, field 14
		st, _ := strconv.ParseFloat(f[12], 64)                   // stime, field 15
		ticks += ut + st
	}
	return ticks * 10 // USER_HZ is 100 on Linux
}

// sameGroups compares b with a: keys and integer sums exactly, usage to 1e-9 relative.
func sameGroups(a, b *analysis.Sums) error {
	if a.Len() != b.Len() {
		return fmt.Errorf("%d groups, want %d", b.Len(), a.Len())
	}
	for g := 0; g < a.Len(); g++ {
		if !slices.Equal(a.Key(g), b.Key(g)) || a.Rows[g] != b.Rows[g] {
			return fmt.Errorf("group %d: %v (%d rows), want %v (%d rows)", g, b.Key(g), b.Rows[g], a.Key(g), a.Rows[g])
		}
		if math.Abs(a.UsageHours[g]-b.UsageHours[g]) > 1e-9*math.Abs(a.UsageHours[g]) {
			return fmt.Errorf("group %v: usage hours %v, want %v", a.Key(g), b.UsageHours[g], a.UsageHours[g])
		}
		for m, v := range a.Measures {
			if b.Measures[m][g] != v[g] {
				return fmt.Errorf("group %v: %s %d, want %d", a.Key(g), m, b.Measures[m][g], v[g])
			}
		}
	}
	return nil
}
