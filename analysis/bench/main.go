// Command bench measures loading and grouping error_aggregates at scale, beside
// pandas doing the same in the same run.
//
//	go run ./analysis/bench -rows 1e5,1e6,1e7
//
// For each size it generates aggregates (fixed seed; 12 columns: window_start,
// version, os_name, channel, country, build_id, usage_hours, count, main_crashes,
// content_crashes, content_shutdown_crashes, gpu_crashes) as CSV and Parquet in a
// temporary directory. Each case then runs in a child process of its own (this
// program re-executed), so that its peak memory (maxrss from getrusage) is its own:
// load the file -reps times, then group the loaded table by (version, os_name)
// computing crash rates with exact intervals -reps times; it prints the median load
// time, the median group-by time (wall and CPU) and the peak memory. pandas
// (/usr/bin/python3 with Debian's python3-pandas) runs the same steps on the same
// files; it has no Parquet engine on these machines (no pyarrow or fastparquet), so
// only its CSV case runs.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/ratelab/ratelab/analysis"
)

func main() {
	rows := flag.String("rows", "1e5,1e6", "comma-separated table sizes (1e7 is slow to generate: add it explicitly)")
	reps := flag.Int("reps", 5, "repetitions per measurement (the median is reported)")
	dir := flag.String("dir", "", "directory for the generated files (default: a new temporary directory, removed at the end)")
	python := flag.String("python", "/usr/bin/python3", "Python with pandas; empty skips pandas")
	child := flag.String("child", "", "internal: run one case (csv, parquet, parquet-cols) on -file")
	file := flag.String("file", "", "internal: input file of a child case")
	flag.Parse()
	if *child != "" {
		if err := runChild(*child, *file, *reps); err != nil {
			fmt.Fprintln(os.Stderr, "bench child:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*rows, *reps, *dir, *python); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// result is what a child case reports.
type result struct {
	LoadMs, GroupMs       float64 // wall time, medians
	LoadCPUMs, GroupCPUMs float64 // CPU time (user + system, all threads), medians
	Groups                int
	PeakMiB               float64 // filled by the parent from getrusage
	Note                  string
}

func run(rowList string, reps int, dir, python string) error {
	if dir == "" {
		d, err := os.MkdirTemp("", "ratelab-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	load, _ := os.ReadFile("/proc/loadavg")
	fmt.Printf("ratelab analysis bench: GOMAXPROCS=%d, %d reps (medians), %s/%s, load average %s\n",
		runtime.GOMAXPROCS(0), reps, runtime.GOOS, runtime.GOARCH, strings.Join(strings.Fields(string(load))[:min(3, len(strings.Fields(string(load))))], " "))
	fmt.Println("# wall times depend on what else the machine runs; CPU times (all threads) much less so")
	fmt.Printf("%-9s %-22s %10s %10s %11s %11s %9s %7s\n", "rows", "case", "load ms", "load cpu", "group ms", "group cpu", "peak MiB", "groups")
	for _, s := range strings.Split(rowList, ",") {
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || f < 1 {
			return fmt.Errorf("-rows: %q is not a row count", s)
		}
		n := int(f)
		csvPath := filepath.Join(dir, fmt.Sprintf("agg_%d.csv", n))
		pqPath := filepath.Join(dir, fmt.Sprintf("agg_%d.parquet", n))
		start := time.Now()
		if err := generate(n, csvPath, pqPath); err != nil {
			return err
		}
		csvInfo, _ := os.Stat(csvPath)
		pqInfo, _ := os.Stat(pqPath)
		fmt.Printf("# %d rows generated in %.1f s: CSV %.0f MiB, Parquet %.0f MiB\n", n, time.Since(start).Seconds(),
			float64(csvInfo.Size())/(1<<20), float64(pqInfo.Size())/(1<<20))
		var goCSV, pdCSV result
		for _, c := range []struct{ name, kind, file string }{
			{"go csv", "csv", csvPath},
			{"go parquet", "parquet", pqPath},
			{"go parquet (8 cols)", "parquet-cols", pqPath},
		} {
			r, err := runCase(os.Args[0], []string{"-child", c.kind, "-file", c.file, "-reps", strconv.Itoa(reps)})
			if err != nil {
				return fmt.Errorf("%s: %w", c.name, err)
			}
			if c.kind == "csv" {
				goCSV = r
			}
			printRow(n, c.name, r)
		}
		if python != "" {
			r, err := runCase(python, []string{"-c", pandasScript, csvPath, strconv.Itoa(reps)})
			if err != nil {
				fmt.Printf("%-9d %-22s failed: %v\n", n, "pandas csv", err)
				continue
			}
			pdCSV = r
			printRow(n, "pandas csv", r)
			fmt.Printf("%-9d %-22s %9.1fx %9.1fx %10.1fx %10.1fx %8.1fx\n", n, "pandas / go (csv)",
				pdCSV.LoadMs/goCSV.LoadMs, pdCSV.LoadCPUMs/goCSV.LoadCPUMs, pdCSV.GroupMs/goCSV.GroupMs,
				pdCSV.GroupCPUMs/goCSV.GroupCPUMs, pdCSV.PeakMiB/goCSV.PeakMiB)
			if r.Note != "" {
				fmt.Printf("# pandas: %s\n", r.Note)
			}
		}
	}
	fmt.Println("# targets at 1e7 rows: CSV load < 1200 ms, Parquet load < 400 ms, group-by < 20 ms, peak < 800 MiB")
	return nil
}

func printRow(n int, name string, r result) {
	fmt.Printf("%-9d %-22s %10.1f %10.1f %11.2f %11.2f %9.0f %7d\n", n, name, r.LoadMs, r.LoadCPUMs, r.GroupMs, r.GroupCPUMs, r.PeakMiB, r.Groups)
}

// runCase runs a child process and reads its JSON result; the peak memory is the
// child's maximum resident set size.
func runCase(prog string, args []string) (result, error) {
	cmd := exec.Command(prog, args...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return result{}, err
	}
	var r result
	if err := json.Unmarshal(out, &r); err != nil {
		return result{}, fmt.Errorf("child output %q: %w", out, err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.PeakMiB = float64(ru.Maxrss) / 1024 // Linux reports KiB
	}
	return r, nil
}

// runChild loads the file reps times, keeps the last table, groups it reps times.
func runChild(kind, file string, reps int) error {
	var opts []analysis.LoadOption
	if kind == "parquet-cols" {
		opts = append(opts, analysis.WithColumns("version", "os_name", "usage_hours", "count",
			"main_crashes", "content_crashes", "content_shutdown_crashes", "gpu_crashes"))
	}
	var loads, loadCPU, groups, groupCPU []float64
	var t *analysis.Table
	for i := 0; i < reps; i++ {
		t = nil
		runtime.GC()
		start, cpu := time.Now(), cpuTime()
		var err error
		t, err = analysis.Load(file, opts...)
		if err != nil {
			return err
		}
		loads, loadCPU = append(loads, ms(time.Since(start))), append(loadCPU, ms(cpuTime()-cpu))
	}
	q := analysis.Query{By: []string{"version", "os_name"},
		Measures: []string{"count", "main_crashes", "content_crashes", "content_shutdown_crashes", "gpu_crashes"}}
	var n int
	for i := 0; i < 4*reps; i++ { // group-bys are short: more repetitions
		start, cpu := time.Now(), cpuTime()
		s, err := t.Sums(q)
		if err != nil {
			return err
		}
		n = rates(s)
		groups, groupCPU = append(groups, ms(time.Since(start))), append(groupCPU, ms(cpuTime()-cpu))
	}
	return json.NewEncoder(os.Stdout).Encode(result{LoadMs: median(loads), GroupMs: median(groups),
		LoadCPUMs: median(loadCPU), GroupCPUMs: median(groupCPU), Groups: n})
}

// cpuTime returns the process's user + system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// rates computes each group's main-crash rate with its exact 95% interval, as a
// notebook would, and returns the number of groups.
func rates(s *analysis.Sums) int {
	ev, _ := s.Events("main_crashes") // checked: every group makes a rate
	for g := range ev {
		r := analysis.Rate{Events: ev[g], KHours: s.UsageHours[g] / 1000}
		_, _, _ = r.Interval(0.95)
	}
	return s.Len()
}

func ms(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e6 }

func median(x []float64) float64 {
	sort.Float64s(x)
	n := len(x)
	if n%2 == 1 {
		return x[n/2]
	}
	return (x[n/2-1] + x[n/2]) / 2
}

// pandasScript does what runChild does, with pandas: read_csv with dtypes given (the
// fastest fair setting), then groupby(version, os_name).sum() and the rates.
const pandasScript = `
import json, statistics, sys, time
import pandas as pd
path, reps = sys.argv[1], int(sys.argv[2])
dtypes = {"version": "category", "os_name": "category", "channel": "category", "country": "category",
          "build_id": "category", "usage_hours": "float64", "count": "int64", "main_crashes": "int64",
          "content_crashes": "int64", "content_shutdown_crashes": "int64", "gpu_crashes": "int64"}
loads, load_cpu, groups, group_cpu = [], [], [], []
for _ in range(reps):
    t0, c0 = time.perf_counter(), time.process_time()
    df = pd.read_csv(path, dtype=dtypes, parse_dates=["window_start"])
    loads.append((time.perf_counter() - t0) * 1e3)
    load_cpu.append((time.process_time() - c0) * 1e3)
cols = ["usage_hours", "count", "main_crashes", "content_crashes", "content_shutdown_crashes", "gpu_crashes"]
for _ in range(4 * reps):
    t0, c0 = time.perf_counter(), time.process_time()
    g = df.groupby(["version", "os_name"], observed=True, sort=True)[cols].sum()
    g["rate"] = g["main_crashes"] / (g["usage_hours"] / 1000)
    groups.append((time.perf_counter() - t0) * 1e3)
    group_cpu.append((time.process_time() - c0) * 1e3)
note = ""
try:
    import pyarrow  # noqa: F401
except ImportError:
    try:
        import fastparquet  # noqa: F401
    except ImportError:
        note = "no Parquet engine (pyarrow/fastparquet not installed): pandas cannot read the Parquet files"
print(json.dumps({"LoadMs": statistics.median(loads), "GroupMs": statistics.median(groups),
                  "LoadCPUMs": statistics.median(load_cpu), "GroupCPUMs": statistics.median(group_cpu),
                  "Groups": len(g), "Note": note}))
`

// Generation.

// aggRow is one generated row, also the Parquet schema.
type aggRow struct {
	WindowStart            time.Time `parquet:"window_start,timestamp(millisecond)"`
	Version                string    `parquet:"version,dict"`
	OSName                 string    `parquet:"os_name,dict"`
	Channel                string    `parquet:"channel,dict"`
	Country                string    `parquet:"country,dict"`
	BuildID                string    `parquet:"build_id,dict"`
	UsageHours             float64   `parquet:"usage_hours"`
	Count                  int64     `parquet:"count"`
	MainCrashes            int64     `parquet:"main_crashes"`
	ContentCrashes         int64     `parquet:"content_crashes"`
	ContentShutdownCrashes int64     `parquet:"content_shutdown_crashes"`
	GPUCrashes             int64     `parquet:"gpu_crashes"`
}

type release struct {
	version, channel string
	builds           []string
}

// generate writes n rows of synthetic aggregates (seed 1): 5-minute windows from
// 2026-01-01, versions of four channels with a few builds each, three platforms
// weighted as in Firefox's population, 40 countries, exponential usage and Poisson
// crash counts.
func generate(n int, csvPath, pqPath string) error {
	rng := rand.New(rand.NewPCG(1, 2))
	var rels []release
	for major := 90; major <= 110; major++ {
		for _, r := range []struct{ v, ch string }{
			{fmt.Sprintf("%d.0", major), "release"}, {fmt.Sprintf("%d.0.1", major), "release"},
			{fmt.Sprintf("%d.0b%d", major, 1+major%9), "beta"}, {fmt.Sprintf("%d.0a1", major), "nightly"},
		} {
			rel := release{version: r.v, channel: r.ch}
			for b := 0; b < 3; b++ {
				rel.builds = append(rel.builds, fmt.Sprintf("2026%02d%02d%06d", 1+major%12, 1+b, 100000+major*7+b))
			}
			rels = append(rels, rel)
		}
	}
	oses := []string{"Windows_NT", "Windows_NT", "Windows_NT", "Windows_NT", "Windows_NT", "Windows_NT", "Darwin", "Darwin", "Linux"}
	countries := make([]string, 40)
	for i := range countries {
		countries[i] = string(rune('A'+i%26)) + string(rune('A'+(i*7)%26))
	}
	cf, err := os.Create(csvPath)
	if err != nil {
		return err
	}
	defer cf.Close()
	cw := bufio.NewWriterSize(cf, 1<<20)
	cw.WriteString("window_start,version,os_name,channel,country,build_id,usage_hours,count,main_crashes,content_crashes,content_shutdown_crashes,gpu_crashes\n")
	pf, err := os.Create(pqPath)
	if err != nil {
		return err
	}
	defer pf.Close()
	pw := parquet.NewGenericWriter[aggRow](pf, parquet.MaxRowsPerRowGroup(1<<20))
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	batch := make([]aggRow, 0, 4096)
	var line []byte
	perWindow := max(1, n/8640) // about 30 days of 5-minute windows
	for i := 0; i < n; i++ {
		rel := rels[rng.IntN(len(rels))]
		u := rng.ExpFloat64() * 20
		r := aggRow{
			WindowStart: start.Add(time.Duration(i/perWindow) * 5 * time.Minute),
			Version:     rel.version,
			OSName:      oses[rng.IntN(len(oses))],
			Channel:     rel.channel,
			Country:     countries[rng.IntN(len(countries))],
			BuildID:     rel.builds[rng.IntN(len(rel.builds))],
			UsageHours:  math.Round(u*1e4) / 1e4,
			Count:       1 + int64(u/2),
		}
		r.MainCrashes = poisson(rng, u*0.002)
		r.ContentCrashes = poisson(rng, u*0.004)
		r.ContentShutdownCrashes = poisson(rng, u*0.001)
		r.GPUCrashes = poisson(rng, u*0.0005)
		line = line[:0]
		line = r.WindowStart.AppendFormat(line, time.RFC3339)
		for _, s := range []string{r.Version, r.OSName, r.Channel, r.Country, r.BuildID} {
			line = append(append(line, ','), s...)
		}
		line = append(line, ',')
		line = strconv.AppendFloat(line, r.UsageHours, 'f', -1, 64)
		for _, v := range []int64{r.Count, r.MainCrashes, r.ContentCrashes, r.ContentShutdownCrashes, r.GPUCrashes} {
			line = strconv.AppendInt(append(line, ','), v, 10)
		}
		cw.Write(append(line, '\n'))
		batch = append(batch, r)
		if len(batch) == cap(batch) || i == n-1 {
			if _, err := pw.Write(batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if err := pw.Close(); err != nil {
		return err
	}
	return cw.Flush()
}

// poisson draws a Poisson variate by inversion (means here are small).
func poisson(rng *rand.Rand, mean float64) int64 {
	l, k, p := math.Exp(-mean), int64(0), 1.0
	for {
		p *= rng.Float64()
		if p <= l {
			return k
		}
		k++
	}
}
