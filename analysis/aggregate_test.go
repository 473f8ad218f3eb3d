package analysis

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
)

// pandasSums is the reference group-by: pandas on the same CSV, with the platform and
// major mappings and the experiment rule written again in Python.
const pandasSums = `
import json, sys
import pandas as pd
ints = ["count", "main_crashes", "startup_crashes", "content_crashes", "content_shutdown_crashes", "gpu_crashes", "plugin_crashes", "gmplugin_crashes"]

def group(df, spec):
    df["usage_hours"] = df["usage_hours"].astype(float)
    for c in ints:
        df[c] = df[c].astype("int64")
    df["window_start"] = pd.to_datetime(df["window_start"], utc=True)
    if not spec["experiments"]:
        df = df[df["experiment_id"] == ""]
    df = df.assign(platform=df["os_name"].map(lambda s: {"windows_nt": "Windows", "windows": "Windows", "darwin": "Mac", "mac": "Mac", "linux": "Linux"}.get(s.lower(), s)),
                   major=df["version"].map(lambda s: str(int(s.split(".")[0]))))
    for col, vals in spec["where"].items():
        df = df[df[col].isin(vals)]
    if spec["from"]:
        df = df[df["window_start"] >= pd.Timestamp(spec["from"])]
    if spec["to"]:
        df = df[df["window_start"] < pd.Timestamp(spec["to"])]
    by = list(spec["by"])
    if spec["grain_s"]:
        df = df.assign(window=df["window_start"].dt.floor(f"{spec['grain_s']}s").dt.strftime("%Y-%m-%dT%H:%M:%SZ"))
        by = ["window"] + by
    g = df.groupby(by, sort=False).agg(rows=("usage_hours", "size"), usage_hours=("usage_hours", "sum"), **{c: (c, "sum") for c in ints})
    out = []
    for key, r in g.iterrows():
        key = list(key) if isinstance(key, tuple) else [key]
        out.append({"key": key, "rows": int(r["rows"]), "usage_hours": float(r["usage_hours"]), "ints": {c: int(r[c]) for c in ints}})
    return out

path, specs = sys.argv[1], json.loads(sys.argv[2])
rows = pd.read_csv(path, dtype=str, keep_default_na=False)
print(json.dumps([group(rows.copy(), spec) for spec in specs]))
`

type pandasGroup struct {
	Key        []string
	Rows       int64
	UsageHours float64 `json:"usage_hours"`
	Ints       map[string]int64
}

func TestSumsAgainstPandas(t *testing.T) {
	const py = "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import pandas").Run(); err != nil {
		t.Skipf("pandas reference unavailable (%s -c 'import pandas': %v); install python3-pandas", py, err)
	}
	rows := randomRows(11, 4000)
	path := filepath.Join(t.TempDir(), "agg.csv")
	if err := os.WriteFile(path, writeCSV(t, rows), 0o644); err != nil {
		t.Fatal(err)
	}
	defer func(n int) { csvChunkSize = n }(csvChunkSize)
	csvChunkSize = 4096
	tab, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	from, to := time.Date(2026, 3, 1, 6, 0, 0, 0, time.UTC), time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name        string
		q           Query
		experiments bool
	}{
		{"version×os by hour", Query{By: []string{"version", "os_name"}, Grain: time.Hour, Where: map[string][]string{"channel": {"release", "beta"}}, From: from, To: to}, false},
		{"platform×major", Query{By: []string{"platform", "major"}}, false},
		{"experiment branch by day", Query{By: []string{"experiment_branch", "country"}, Grain: 24 * time.Hour, Where: map[string][]string{"platform": {"Windows"}}}, true},
		{"everything", Query{}, false},
	}
	var specs []map[string]any
	for _, tc := range cases {
		spec := map[string]any{"by": tc.q.By, "where": map[string][]string{}, "grain_s": int(tc.q.Grain / time.Second), "experiments": tc.experiments, "from": "", "to": ""}
		if tc.q.Where != nil {
			spec["where"] = tc.q.Where
		}
		if len(tc.q.By) == 0 {
			spec["by"] = []string{"application"} // pandas cannot group by nothing: one constant key
		}
		if !tc.q.From.IsZero() {
			spec["from"], spec["to"] = tc.q.From.Format(time.RFC3339), tc.q.To.Format(time.RFC3339)
		}
		specs = append(specs, spec)
	}
	js, _ := json.Marshal(specs)
	out, err := exec.Command(py, "-c", pandasSums, path, string(js)).Output()
	if err != nil {
		t.Fatalf("pandas: %v", err)
	}
	var results [][]pandasGroup
	if err := json.Unmarshal(out, &results); err != nil {
		t.Fatal(err)
	}
	for c, tc := range cases {
		want := results[c]
		got, err := tab.Sums(tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if got.Len() != len(want) {
			t.Fatalf("%s: %d groups, pandas %d", tc.name, got.Len(), len(want))
		}
		index := map[string]int{}
		for g := 0; g < got.Len(); g++ {
			index[fmt.Sprintf("%q", got.Key(g))] = g
		}
		for _, w := range want {
			if len(tc.q.By) == 0 {
				w.Key = nil
			}
			g, ok := index[fmt.Sprintf("%q", w.Key)]
			if !ok {
				t.Errorf("%s: group %q missing", tc.name, w.Key)
				continue
			}
			if got.Rows[g] != w.Rows || math.Abs(got.UsageHours[g]-w.UsageHours) > 1e-9*math.Abs(w.UsageHours) {
				t.Errorf("%s: %q rows %d usage %v, pandas %d %v", tc.name, w.Key, got.Rows[g], got.UsageHours[g], w.Rows, w.UsageHours)
			}
			for m, v := range w.Ints {
				if got.Measures[m][g] != v {
					t.Errorf("%s: %q %s = %d, pandas %d", tc.name, w.Key, m, got.Measures[m][g], v)
				}
			}
		}
	}
}

func TestSumsKeysAndOrder(t *testing.T) {
	ws := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	mk := func(country, channel, version string, minutes int, crashes int64) Row {
		w := ws.Add(time.Duration(minutes) * time.Minute)
		return Row{WindowStart: w, WindowEnd: w.Add(5 * time.Minute), Country: country, Channel: channel, Version: version, UsageHours: 1, MainCrashes: crashes}
	}
	// Joined with a separator these keys would collide: "a|b"+"c" and "a"+"b|c".
	tab := NewTable("keys", []Row{
		mk("a|b", "c", "100.0", 0, 1), mk("a", "b|c", "99.0.1", 5, 2), mk("a", "b|c", "99.0.1", 10, 4),
		mk("a|b", "c", "64.0b10", 65, 8), mk("a|b", "c", "64.0b4", 125, 16),
	})
	s, err := tab.Sums(Query{By: []string{"country", "channel"}})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(s.Keys, [][]string{{"a", "a|b"}, {"b|c", "c"}}) || !reflect.DeepEqual(s.Measures["main_crashes"], []int64{6, 25}) {
		t.Errorf("keys %q, sums %v", s.Keys, s.Measures["main_crashes"])
	}
	s, _ = tab.Sums(Query{By: []string{"version"}})
	if !reflect.DeepEqual(s.Keys[0], []string{"64.0b4", "64.0b10", "99.0.1", "100.0"}) {
		t.Errorf("versions in order %q", s.Keys[0])
	}
	s, _ = tab.Sums(Query{By: []string{"major"}, Grain: time.Hour})
	var got []string
	for g := 0; g < s.Len(); g++ {
		got = append(got, strings.Join(s.Key(g), " "))
	}
	want := []string{"2026-01-01T00:00:00Z 99", "2026-01-01T00:00:00Z 100", "2026-01-01T01:00:00Z 64", "2026-01-01T02:00:00Z 64"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("hourly by major: %q, want %q", got, want)
	}
	if _, err := tab.Sums(Query{By: []string{"colour"}}); err == nil || !strings.Contains(err.Error(), `unknown dimension "colour"`) {
		t.Errorf("unknown dimension: err = %v", err)
	}
	if _, err := tab.Sums(Query{Measures: []string{"crashes"}}); err == nil || !strings.Contains(err.Error(), `unknown measure "crashes"`) {
		t.Errorf("unknown measure: err = %v", err)
	}
}

// bruteSums groups rows the slow way, for comparing with the hash path.
func bruteSums(rows []Row, key func(Row) string) map[string][2]float64 {
	out := map[string][2]float64{}
	for _, r := range rows {
		if r.ExperimentID != "" {
			continue
		}
		k := key(r)
		v := out[k]
		v[0] += float64(r.GPUCrashes)
		v[1]++
		out[k] = v
	}
	return out
}

func TestSumsHashPathAndDeterminism(t *testing.T) {
	rows := randomRows(5, 20000)
	tab := NewTable("many", rows)
	q := Query{By: []string{"window_start", "country", "build_id", "version", "os_name"}}
	s, err := tab.Sums(q)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := tab.plan(q)
	if p.space <= flatLimit {
		t.Fatalf("key space %d does not exercise the hash path", p.space)
	}
	want := bruteSums(rows, func(r Row) string {
		return fmt.Sprintf("%q", []string{r.WindowStart.Format(time.RFC3339), r.Country, r.BuildID, r.Version, r.OSName})
	})
	if s.Len() != len(want) {
		t.Fatalf("%d groups, want %d", s.Len(), len(want))
	}
	for g := 0; g < s.Len(); g++ {
		w := want[fmt.Sprintf("%q", s.Key(g))]
		if float64(s.Measures["gpu_crashes"][g]) != w[0] || float64(s.Rows[g]) != w[1] {
			t.Fatalf("group %q: gpu %d rows %d, want %v", s.Key(g), s.Measures["gpu_crashes"][g], s.Rows[g], w)
		}
		if g > 0 && !lessKey(s, g-1, g) {
			t.Fatalf("groups %q and %q out of order", s.Key(g-1), s.Key(g))
		}
	}
	// Same sums, bit for bit, whatever the number of CPUs.
	prev := runtime.GOMAXPROCS(1)
	one, _ := tab.Sums(Query{By: []string{"platform"}, Grain: time.Hour})
	runtime.GOMAXPROCS(prev)
	many, _ := tab.Sums(Query{By: []string{"platform"}, Grain: time.Hour})
	if !reflect.DeepEqual(one, many) {
		t.Error("sums depend on GOMAXPROCS")
	}
}

// lessKey orders groups as Sums promises: windows by time, versions numerically,
// other values by bytes.
func lessKey(s *Sums, a, b int) bool {
	for d, name := range s.By {
		x, y := s.Keys[d][a], s.Keys[d][b]
		if x == y {
			continue
		}
		if name == "version" {
			return CompareVersionStrings(x, y) < 0
		}
		return x < y
	}
	return false
}

func TestRatesTable(t *testing.T) {
	w := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tab := NewTable("rates", []Row{
		{WindowStart: w, Version: "100.0", OSName: "Windows_NT", UsageHours: 4000, MainCrashes: 30, ContentCrashes: 20, ContentShutdownCrashes: 5},
		{WindowStart: w, Version: "100.0", OSName: "Windows_NT", UsageHours: 2000, MainCrashes: 10, ContentCrashes: 10, ContentShutdownCrashes: 5},
		{WindowStart: w, Version: "100.0", OSName: "Windows_NT", ExperimentID: "e", UsageHours: 2000, MainCrashes: 10},
		{WindowStart: w, Version: "100.0", OSName: "Linux", UsageHours: 300, MainCrashes: 2},
	})
	rt, err := Rates(tab, Query{By: []string{"platform"}}, "main_crashes", "combined")
	if err != nil {
		t.Fatal(err)
	}
	// Linux: 2 main crashes over 0.3 kh; Windows: 40 over 6 kh (the experiment row
	// is not in population totals), combined 40 + 30 − 10 = 60.
	if rt.Len() != 2 || rt.Rate(0, 0) != (Rate{2, 0.3}) || rt.Rate(0, 1) != (Rate{40, 6}) || rt.Rate(1, 1) != (Rate{60, 6}) {
		t.Fatalf("rates %v %v %v", rt.Rate(0, 0), rt.Rate(0, 1), rt.Rate(1, 1))
	}
	if !rt.Low(0, 0) || rt.Low(0, 1) {
		t.Errorf("low exposure flags: Linux %v, Windows %v; want true, false", rt.Low(0, 0), rt.Low(0, 1))
	}
	// Rscript -e 'print(poisson.test(40, 6)$conf.int, digits=10)' → 4.762764407 9.078107827
	lo, hi, err := rt.Interval(0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(lo-4.762764407) > 1e-8 || math.Abs(hi-9.078107827) > 1e-8 {
		t.Errorf("interval [%v, %v], R gives [4.762764407, 9.078107827]", lo, hi)
	}
	df := rt.DataFrame()
	if df.Nrow() != 2 || !reflect.DeepEqual(df.Names(), []string{"platform", "rows", "usage_khours",
		"main_crashes", "main_crashes_rate", "main_crashes_lo", "main_crashes_hi", "main_crashes_low",
		"combined", "combined_rate", "combined_lo", "combined_hi", "combined_low"}) {
		t.Errorf("DataFrame %v", df.Names())
	}
	if h := rt.HTML(); !strings.Contains(h, "† low exposure") || !strings.Contains(h, "<td>Linux</td>") {
		t.Errorf("HTML lacks the low-exposure note or a group:\n%s", h)
	}
	if md := rt.Markdown(); !strings.Contains(md, "| platform | usage khours | main_crashes |") {
		t.Errorf("Markdown header:\n%s", md)
	}
}

func TestSumsDataFrame(t *testing.T) {
	tab := NewTable("small", randomRows(9, 300))
	s, err := tab.Sums(Query{By: []string{"channel"}, Grain: 24 * time.Hour, Measures: []string{"combined"}})
	if err != nil {
		t.Fatal(err)
	}
	df := s.DataFrame()
	if !reflect.DeepEqual(df.Names(), []string{"window", "channel", "rows", "usage_hours", "main_crashes", "content_crashes", "content_shutdown_crashes"}) || df.Nrow() != s.Len() {
		t.Errorf("DataFrame %v, %d rows", df.Names(), df.Nrow())
	}
	ev, _ := s.Events("combined")
	for g := range ev {
		if ev[g] != s.Measures["main_crashes"][g]+s.Measures["content_crashes"][g]-s.Measures["content_shutdown_crashes"][g] {
			t.Fatalf("combined[%d] = %d", g, ev[g])
		}
	}
	if _, err := s.Events("gpu_crashes"); err == nil {
		t.Error("Events of a measure not summed succeeded")
	}
}
