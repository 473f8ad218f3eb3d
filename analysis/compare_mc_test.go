package analysis

import (
	"math"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// missionControl is Mission Control's adjusted comparison (mozilla/missioncontrol,
// etl/measuresummary.py) in CompareOptions.
var missionControl = CompareOptions{Channel: "release", Measure: "main_crashes", SkipFirst: 24 * time.Hour,
	SkipRule: SkipWhenOld, TrimTop: 0.001}

// mcFakeValues returns the main-crash counts of Mission Control's test fixture
// (tests/test_measuresummary.py, _generate_fake_data): for datapoint i,
// ⌊(i+1)/2⌋ + random.randint(0, 5) after random.seed(42), drawn by Debian's Python so
// that the data is Mission Control's own.
func mcFakeValues(t *testing.T, n int) []int64 {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: it draws Mission Control's test data")
	}
	out, err := exec.Command(py, "-c", "import random, math\nrandom.seed(42)\nprint(' '.join(str(math.floor((i+1)/2.0) + random.randint(0, 5)) for i in range("+strconv.Itoa(n)+")))").Output()
	if err != nil {
		t.Fatal(err)
	}
	var vs []int64
	for _, f := range strings.Fields(string(out)) {
		v, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		vs = append(vs, v)
	}
	return vs
}

// mcFixture is Mission Control's fake data for one build of each major, on Linux:
// hourly datapoints from start, datapoint i with the given main crashes and i+1
// usage hours.
func mcFixture(t *testing.T, builds map[int]time.Time, values []int64) []Row {
	var rows []Row
	for m, start := range builds {
		for i, v := range values {
			w := start.Add(time.Duration(i) * time.Hour)
			rows = append(rows, Row{WindowStart: w, WindowEnd: w.Add(time.Hour), Channel: "release", Version: strconv.Itoa(m) + ".0",
				BuildID: start.Format("20060102150405"), OSName: "Linux", UsageHours: float64(i + 1), MainCrashes: v})
		}
	}
	return rows
}

// TestCompareMissionControlFixture reproduces Mission Control's own expected
// summaries (tests/test_measuresummary.py) with its options: for 1000 hourly
// datapoints, adjustedCount 252311, adjustedRate 504.42 and fieldDuration 3596400 s
// (999 h); for 2, adjustedCount 6, adjustedRate 2000 and fieldDuration 3600 s.
// Mission Control summarises one major; here its data is the older of two majors
// whose newest has been in field as long.
func TestCompareMissionControlFixture(t *testing.T) {
	for _, c := range []struct {
		n       int
		count   int64
		rate    float64
		inField time.Duration
		skipped time.Duration
	}{
		{1000, 252311, 504.42, 999 * time.Hour, 24 * time.Hour},
		{2, 6, 2000, time.Hour, 0}, // in field 1 h: too young to skip
	} {
		values := mcFakeValues(t, c.n)
		older := time.Date(2017, 6, 29, 0, 0, 0, 0, time.UTC)
		newer := older.Add(time.Duration(c.n) * time.Hour)
		o := missionControl
		o.ReleaseDates = map[int]time.Time{55: older, 56: newer}
		cmp, err := CompareReleases(NewTable("mc", mcFixture(t, map[int]time.Time{55: older, 56: newer}, values)), o)
		if err != nil {
			t.Fatal(err)
		}
		w := cmp.Windows[1]
		if w.Major != 55 || w.InField != c.inField || w.Skipped != c.skipped {
			t.Errorf("%d points: window %+v; Mission Control: in field %v, first %v skipped", c.n, w, c.inField, c.skipped)
		}
		old := cmp.Rows[0].Old
		if old.Events != c.count || math.Round(100*old.Value())/100 != c.rate {
			t.Errorf("%d points: major 55 %v; Mission Control: adjustedCount %d, adjustedRate %g", c.n, old, c.count, c.rate)
		}
		if cmp.Windows[0].InField != c.inField {
			t.Errorf("%d points: newest in field %v, want %v", c.n, cmp.Windows[0].InField, c.inField)
		}
	}
}

// TestCompareTimeInField checks that time in field is the last window start minus
// the release, as Mission Control measures it (not one window longer), and that the
// windows compared still include the last window.
func TestCompareTimeInField(t *testing.T) {
	tab := NewTable("fixture", releaseFixture(1))
	c, err := CompareReleases(tab, CompareOptions{Channel: "release", Measure: "main_crashes", Majors: []int{100, 101},
		ReleaseDates: map[int]time.Time{100: fixtureStart.Add(release100 * time.Hour), 101: fixtureStart.Add(release101 * time.Hour)}})
	if err != nil {
		t.Fatal(err)
	}
	want := time.Duration(fixtureHours-1-release101) * time.Hour
	for _, w := range c.Windows {
		if w.InField != want {
			t.Errorf("major %d: in field %v, want %v (last window start minus release)", w.Major, w.InField, want)
		}
	}
	if end := fixtureStart.Add(fixtureHours * time.Hour); !c.Windows[0].To.Equal(end) {
		t.Errorf("newest measured to %v, want the end of the last window %v", c.Windows[0].To, end)
	}
	if !strings.Contains(c.String(), "days in field") {
		t.Errorf("the windows table does not say days in field:\n%s", c)
	}
}

// TestCompareSkipRule checks Mission Control's skip rule beside the fixed one: skip
// the first 24 h only when the newest release has been in field more than 24 h and
// the release itself more than 48 h (until the next major).
func TestCompareSkipRule(t *testing.T) {
	tab := NewTable("fixture", releaseFixture(1))
	r100, r101 := fixtureStart.Add(release100*time.Hour), fixtureStart.Add(release101*time.Hour)
	base := CompareOptions{Channel: "release", Measure: "main_crashes", Majors: []int{100, 101},
		ReleaseDates: map[int]time.Time{100: r100, 101: r101}, SkipFirst: 24 * time.Hour}
	for _, c := range []struct {
		name   string
		rule   SkipRule
		now    time.Time
		skips  [2]bool // newest, older
		failed bool
	}{
		{"always, old enough", SkipAlways, time.Time{}, [2]bool{true, true}, false},
		{"when old, old enough", SkipWhenOld, time.Time{}, [2]bool{true, true}, false},
		// 101 in field 12 h: Mission Control skips nothing; the fixed rule has
		// nothing left to measure.
		{"when old, newest 12 h", SkipWhenOld, r101.Add(13 * time.Hour), [2]bool{false, false}, false},
		{"always, newest 12 h", SkipAlways, r101.Add(13 * time.Hour), [2]bool{}, true},
		// 101 in field 36 h: more than 24 h, but not more than 48 h of its own.
		{"when old, newest 36 h", SkipWhenOld, r101.Add(37 * time.Hour), [2]bool{false, true}, false},
	} {
		o := base
		o.SkipRule, o.Now = c.rule, c.now
		cmp, err := CompareReleases(tab, o)
		if c.failed {
			if err == nil || !strings.Contains(err.Error(), "not more than the 24h0m0s skipped") {
				t.Errorf("%s: error %v, want one saying nothing is left after the skip", c.name, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		for k, w := range cmp.Windows {
			if skipped := w.Skipped == 24*time.Hour; skipped != c.skips[k] || !w.From.Equal(w.Released.Add(w.Skipped)) {
				t.Errorf("%s: major %d skipped %v (from %v), want skipping %v", c.name, w.Major, w.Skipped, w.From, c.skips[k])
			}
		}
	}
	o := base
	o.SkipRule = SkipRule(5)
	if _, err := CompareReleases(tab, o); err == nil {
		t.Error("an unknown SkipRule is accepted")
	}
}

// TestCompareTrimTop checks Mission Control's trimming: of n points the ⌈0.999 n⌉
// lowest rates are kept, so nothing is dropped below 1000 points, and the dropped
// points are the highest rates.
func TestCompareTrimTop(t *testing.T) {
	older := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		points, dropped int
	}{{999, 0}, {1000, 1}, {1001, 1}, {2000, 2}, {3001, 3}} {
		var rows []Row
		var all, kept Rate
		for i := 0; i < c.points; i++ {
			w := older.Add(time.Duration(i) * time.Hour)
			ev := int64(10 + i%7)
			if i%500 == 17 {
				ev = int64(1000 + i) // spikes, the highest rates
			}
			rows = append(rows, Row{WindowStart: w, WindowEnd: w.Add(time.Hour), Channel: "release", Version: "55.0", BuildID: "20200101000000",
				OSName: "Linux", UsageHours: 1000, MainCrashes: ev})
			all = all.Add(Rate{ev, 1})
			if !(i%500 == 17 && (i-17)/500 >= (c.points+482)/500-c.dropped) {
				kept = kept.Add(Rate{ev, 1})
			}
		}
		newer := older.Add(time.Duration(c.points) * time.Hour)
		for i := 0; i < c.points; i++ {
			w := newer.Add(time.Duration(i) * time.Hour)
			rows = append(rows, Row{WindowStart: w, WindowEnd: w.Add(time.Hour), Channel: "release", Version: "56.0", BuildID: "20200201000000",
				OSName: "Linux", UsageHours: 1000, MainCrashes: 12})
		}
		o := CompareOptions{Channel: "release", Measure: "main_crashes", TrimTop: 0.001, ReleaseDates: map[int]time.Time{55: older, 56: newer}}
		cmp, err := CompareReleases(NewTable("trim", rows), o)
		if err != nil {
			t.Fatal(err)
		}
		r := cmp.Rows[0]
		// The newest's points all have the same rate: trimming drops as many of them.
		if r.TrimmedPoints != 2*c.dropped || r.Old != kept || r.New.Events != 12*int64(c.points-c.dropped) {
			t.Errorf("%d points: trimmed %d, old %v, new %v; want %d dropped each, old %v (all %v)", c.points, r.TrimmedPoints, r.Old, r.New, c.dropped, kept, all)
		}
		if !strings.Contains(strings.Join(cmp.Notes, " "), "outlier trimming") {
			t.Errorf("no note says the rates are trimmed: %q", cmp.Notes)
		}
	}
}

// TestCompareWarnsWithoutContent checks that the default combined measure warns when
// it reduces to main crashes: the content columns are absent, or 0 throughout.
func TestCompareWarnsWithoutContent(t *testing.T) {
	rows := releaseFixture(2)
	n := len(rows)
	col := func(f func(Row) string) []string {
		v := make([]string, n)
		for i, r := range rows {
			v[i] = f(r)
		}
		return v
	}
	usage, main := make([]float64, n), make([]int, n)
	for i, r := range rows {
		usage[i], main[i] = r.UsageHours, int(r.MainCrashes)
	}
	df := dataframe.New(
		series.New(col(func(r Row) string { return r.WindowStart.Format(time.RFC3339) }), series.String, "window_start"),
		series.New(col(func(r Row) string { return r.WindowEnd.Format(time.RFC3339) }), series.String, "window_end"),
		series.New(col(func(r Row) string { return r.Channel }), series.String, "channel"),
		series.New(col(func(r Row) string { return r.Version }), series.String, "version"),
		series.New(col(func(r Row) string { return r.OSName }), series.String, "os_name"),
		series.New(col(func(r Row) string { return r.ExperimentID }), series.String, "experiment_id"),
		series.New(usage, series.Float, "usage_hours"),
		series.New(main, series.Int, "main_crashes"),
	)
	noContent, err := FromDataFrame(df, "no content columns")
	if err != nil {
		t.Fatal(err)
	}
	c, err := CompareReleases(noContent, CompareOptions{Channel: "release"})
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(c.Notes, " ")
	if !strings.Contains(notes, "no content_crashes or content_shutdown_crashes column: it is main crashes only") {
		t.Errorf("no warning without content columns; notes: %q", c.Notes)
	}
	if !strings.Contains(c.String(), "main crashes only") {
		t.Errorf("the rendered comparison does not show the warning:\n%s", c)
	}
	// NewTable has every column, here all content counts 0.
	c, err = CompareReleases(NewTable("zero content", rows), CompareOptions{Channel: "release"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(c.Notes, " "), "content_crashes is 0 in every window compared") {
		t.Errorf("no warning with content crashes all 0; notes: %q", c.Notes)
	}
	// Naming the measure says what is meant: no warning.
	c, err = CompareReleases(noContent, CompareOptions{Channel: "release", Measure: "main_crashes"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.Join(c.Notes, " "), "main crashes only") {
		t.Errorf("warning for an explicit main_crashes comparison: %q", c.Notes)
	}
}
