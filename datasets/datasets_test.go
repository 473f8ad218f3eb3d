package datasets_test

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ratelab/ratelab/datasets"
	"github.com/ratelab/ratelab/datasets/synth"
)

// TestCommittedFilesRegenerate regenerates the history with the default
// configuration and checks the committed files are exactly what it writes.
func TestCommittedFilesRegenerate(t *testing.T) {
	if datasets.MainFile != synth.AggregatesFile || datasets.ReleasesFile != synth.ReleasesFile {
		t.Fatalf("file names differ: datasets %q %q, synth %q %q",
			datasets.MainFile, datasets.ReleasesFile, synth.AggregatesFile, synth.ReleasesFile)
	}
	dir := t.TempDir()
	if err := synth.WriteFiles(dir, synth.Default()); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{datasets.MainFile, datasets.ReleasesFile} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := datasets.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(got, want) {
			continue
		}
		if strings.HasSuffix(name, ".gz") && bytes.Equal(gunzip(t, got), gunzip(t, want)) {
			t.Errorf("%s: same rows but different compressed bytes (has compress/flate changed?): regenerate with go run ./datasets/gen -out datasets/", name)
			continue
		}
		t.Errorf("%s: regenerated file differs from the committed one (%d vs %d bytes): the generator changed without go run ./datasets/gen -out datasets/", name, len(got), len(want))
	}
}

// TestSeedMatters checks the seed reaches the draws.
func TestSeedMatters(t *testing.T) {
	cfg := synth.Default()
	cfg.End = cfg.Start.Add(48 * time.Hour)
	var a, b bytes.Buffer
	for _, c := range []struct {
		seed uint64
		buf  *bytes.Buffer
	}{{1, &a}, {2, &b}} {
		cfg.Seed = c.seed
		h, err := synth.Generate(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if err := h.WriteCSV(c.buf); err != nil {
			t.Fatal(err)
		}
	}
	if bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("seeds 1 and 2 gave identical histories")
	}
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// row is one parsed line of the committed history. The test parses the file with
// encoding/csv on its own, so the checks below do not trust the generator's types.
type row struct {
	line                                          int
	raw                                           string
	start                                         time.Time
	date, channel, version, os, country, exp, arm string
	hours                                         float64
	count, main, startup, content, shutdown, gpu  int64
	plugin, gmplugin                              int64
}

// columns is the error_aggregates schema as DESIGN.md lists it.
var columns = []string{
	"window_start", "window_end", "submission_date", "channel", "version", "display_version",
	"build_id", "application", "os_name", "os_version", "architecture", "country",
	"experiment_id", "experiment_branch", "usage_hours", "count",
	"main_crashes", "startup_crashes", "content_crashes", "content_shutdown_crashes",
	"gpu_crashes", "plugin_crashes", "gmplugin_crashes",
}

func load(t *testing.T) []row {
	t.Helper()
	f, err := datasets.Open(datasets.MainFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", datasets.MainFile, err)
	}
	cr := csv.NewReader(zr)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(header, ",") != strings.Join(columns, ",") {
		t.Fatalf("header %v, want %v", header, columns)
	}
	var rows []row
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		r := row{line: line, raw: strings.Join(rec, ","), date: rec[2], channel: rec[3], version: rec[4],
			os: rec[8], country: rec[11], exp: rec[12], arm: rec[13]}
		if r.start, err = time.Parse(time.RFC3339, rec[0]); err != nil {
			t.Fatalf("line %d: window_start: %v", line, err)
		}
		end, err := time.Parse(time.RFC3339, rec[1])
		if err != nil || end.Sub(r.start) != 6*time.Hour {
			t.Fatalf("line %d: window_end %q is not 6h after window_start %q (%v)", line, rec[1], rec[0], err)
		}
		if r.date != r.start.Format(time.DateOnly) {
			t.Fatalf("line %d: submission_date %q is not the date of window_start %q", line, r.date, rec[0])
		}
		if r.hours, err = strconv.ParseFloat(rec[14], 64); err != nil || math.IsNaN(r.hours) || r.hours < 0 {
			t.Fatalf("line %d: usage_hours %q is not a non-negative number", line, rec[14])
		}
		for i, p := range []*int64{&r.count, &r.main, &r.startup, &r.content, &r.shutdown, &r.gpu, &r.plugin, &r.gmplugin} {
			if *p, err = strconv.ParseInt(rec[15+i], 10, 64); err != nil || *p < 0 {
				t.Fatalf("line %d: column %q: %q is not a non-negative integer", line, columns[15+i], rec[15+i])
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// TestHistoryIsSane checks the measures' relations, the platform shares and the
// release channel's crash rates against the ranges the data card states.
func TestHistoryIsSane(t *testing.T) {
	rows := load(t)
	if len(rows) < 10000 {
		t.Fatalf("only %d rows", len(rows))
	}
	osHours := map[string]float64{}
	var hours float64
	var main, content int64
	for _, r := range rows {
		if r.startup > r.main {
			t.Errorf("line %d: startup_crashes %d > main_crashes %d", r.line, r.startup, r.main)
		}
		if r.shutdown > r.content {
			t.Errorf("line %d: content_shutdown_crashes %d > content_crashes %d", r.line, r.shutdown, r.content)
		}
		if r.gpu != 0 && r.os != "Windows_NT" {
			t.Errorf("line %d: %d GPU crashes on %s", r.line, r.gpu, r.os)
		}
		if (r.exp == "") != (r.arm == "") {
			t.Errorf("line %d: experiment_id %q with branch %q", r.line, r.exp, r.arm)
		}
		if r.channel == "release" && r.exp == "" {
			osHours[r.os] += r.hours
			hours += r.hours
			main += r.main
			content += r.content - r.shutdown
		}
	}
	for os, want := range map[string]float64{"Windows_NT": 0.80, "Darwin": 0.12, "Linux": 0.08} {
		if got := osHours[os] / hours; math.Abs(got-want) > 0.01 {
			t.Errorf("release usage share of %s = %.3f, want %.2f ± 0.01", os, got, want)
		}
	}
	if r := float64(main) / hours * 1000; r < 2 || r > 4 {
		t.Errorf("release main crash rate %.2f per 1000 usage hours, want 2–4", r)
	}
	if float64(content) <= float64(main) {
		t.Errorf("release content crashes (less shutdown kills) %d not above main crashes %d", content, main)
	}
}

// TestPlantedEffects checks each planted effect of the data card is in the data,
// and only where the card says.
func TestPlantedEffects(t *testing.T) {
	rows := load(t)

	// Lost usage hours: pings but no hours, only in the documented window and platform.
	lost := 0
	for _, r := range rows {
		if r.hours == 0 && r.count > 0 {
			if r.start.Format(time.RFC3339) != "2018-02-14T12:00:00Z" || r.channel != "release" || r.os != "Linux" {
				t.Errorf("line %d: %d pings but no usage hours outside the planted window: %s", r.line, r.count, r.raw)
			}
			lost++
		}
	}
	if lost == 0 {
		t.Error("no rows of the planted lost-hours window")
	}

	// Duplicated upload: every release row of 2018-03-01 appears exactly twice, and
	// no other row does.
	seen := map[string]int{}
	for _, r := range rows {
		seen[r.raw]++
	}
	dups := 0
	for _, r := range rows {
		planted := r.channel == "release" && r.date == "2018-03-01"
		switch n := seen[r.raw]; {
		case planted && n != 2:
			t.Errorf("line %d: planted duplicate appears %d times", r.line, n)
		case !planted && n != 1:
			t.Errorf("line %d: row appears %d times: %s", r.line, n, r.raw)
		case planted:
			dups++
		}
	}
	if dups == 0 {
		t.Error("no rows of the planted duplicated upload")
	}

	// Experiment rows repeat part of a population row: never more than it.
	type key struct {
		start                    time.Time
		channel, version, os, cc string
	}
	pop := map[key]row{}
	expSum := map[key]row{}
	for _, r := range rows {
		k := key{r.start, r.channel, r.version, r.os, r.country}
		if r.exp == "" {
			pop[k] = r
			continue
		}
		s := expSum[k]
		s.hours += r.hours
		s.main += r.main
		s.gpu += r.gpu
		s.count += r.count
		expSum[k] = s
	}
	if len(expSum) == 0 {
		t.Error("no experiment rows")
	}
	for k, s := range expSum {
		p, ok := pop[k]
		if !ok {
			t.Errorf("experiment rows without a population row at %v", k)
			continue
		}
		if s.hours > p.hours+0.01 || s.main > p.main || s.gpu > p.gpu || s.count > p.count {
			t.Errorf("experiment rows exceed their population row at %v: %+v > %+v", k, s, p)
		}
	}

	// The regression: 58.0.1's main crash rate on Darwin against 58.0.2's, beside
	// the same ratio on the other platforms.
	rate := func(version, os string) float64 {
		var h float64
		var m int64
		for _, r := range rows {
			if r.channel == "release" && r.exp == "" && r.version == version && r.os == os && r.date != "2018-03-01" {
				h += r.hours
				m += r.main
			}
		}
		return float64(m) / h * 1000
	}
	for _, os := range []string{"Windows_NT", "Darwin", "Linux"} {
		ratio := rate("58.0.1", os) / rate("58.0.2", os)
		lo, hi := 0.9, 1.2
		if os == "Darwin" {
			lo, hi = 1.25, 1.6
		}
		if ratio < lo || ratio > hi {
			t.Errorf("%s main crash rate 58.0.1/58.0.2 = %.2f, want %.2f–%.2f", os, ratio, lo, hi)
		}
	}

	// Early updaters and the usage lag: each major's first day on the release
	// channel is crashier than its third day.
	for _, m := range []struct {
		version string
		release time.Time
	}{
		{"57.0", time.Date(2017, 11, 14, 14, 0, 0, 0, time.UTC)},
		{"58.0", time.Date(2018, 1, 23, 14, 0, 0, 0, time.UTC)},
		{"59.0", time.Date(2018, 3, 13, 14, 0, 0, 0, time.UTC)},
	} {
		var h [2]float64
		var c [2]int64
		for _, r := range rows {
			if r.channel != "release" || r.exp != "" || r.version != m.version {
				continue
			}
			age := r.start.Sub(m.release)
			i := -1
			switch {
			case age < 24*time.Hour:
				i = 0
			case age >= 48*time.Hour && age < 72*time.Hour:
				i = 1
			}
			if i >= 0 {
				h[i] += r.hours
				c[i] += r.main
			}
		}
		first, third := float64(c[0])/h[0], float64(c[1])/h[1]
		if !(first > 1.5*third) {
			t.Errorf("%s: first-day main crash rate %.2f not well above third day's %.2f (per 1000 h)", m.version, 1000*first, 1000*third)
		}
	}
}
