package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/gonum/stat/distuv"
	"gonum.org/v1/plot/vg"

	"github.com/ratelab/ratelab/datasets"
)

// syntheticAlertHistory returns 10 releases on each of 3 platforms, 28 age buckets of
// 6 h each, with Poisson counts around base · (1 + 0.8·e^(−age/36 h)) — every release
// looks worse while its early, crash-prone users dominate — over exposure ramping up
// logistically; release 7 on Mac is a real regression, × 1.5 throughout.
func syntheticAlertHistory(seed uint64) AlertHistory {
	rnd := rand.New(rand.NewPCG(seed, 1))
	h := AlertHistory{BucketHours: 6, Regressions: []ReleaseKey{{"7.0", "Mac"}}}
	base := map[string]float64{"Windows": 3, "Mac": 2.4, "Linux": 3.4}
	size := map[string]float64{"Windows": 80, "Mac": 12, "Linux": 8} // khours per bucket at full uptake
	for _, plat := range []string{"Linux", "Mac", "Windows"} {
		for r := 1; r <= 10; r++ {
			key := ReleaseKey{Release: strconv.Itoa(r) + ".0", Platform: plat}
			for a := 0; a < 28; a++ {
				hours := float64(a) * 6
				kh := size[plat] / (1 + math.Exp(-(hours-36)/14))
				rate := base[plat] * (1 + 0.8*math.Exp(-hours/36))
				if slices.Contains(h.Regressions, key) {
					rate *= 1.5
				}
				ev := distuv.Poisson{Lambda: rate * kh, Src: rnd}.Rand()
				h.Rows = append(h.Rows, ReleaseAge{ReleaseKey: key, Age: a, Events: int64(ev), KHours: kh})
			}
		}
	}
	return h
}

func TestAlertHistorySeries(t *testing.T) {
	h := AlertHistory{BucketHours: 6, Rows: []ReleaseAge{
		{ReleaseKey{"10.0", "Mac"}, 1, 4, 2},
		{ReleaseKey{"9.0", "Mac"}, 0, 1, 1},
		{ReleaseKey{"10.0", "Mac"}, 1, 1, 0.5}, // a second row of the same bucket adds up
		{ReleaseKey{"9.0", "Linux"}, 2, 3, 1},
	}}
	ss, err := h.Series()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range ss {
		got = append(got, s.Label())
	}
	// Platforms sorted, versions numerically (10.0 after 9.0).
	if want := []string{"9.0/Linux", "9.0/Mac", "10.0/Mac"}; !slices.Equal(got, want) {
		t.Fatalf("series order %v, want %v", got, want)
	}
	if r := ss[2].Rates; len(r) != 2 || r[0] != (Rate{}) || r[1] != (Rate{Events: 5, KHours: 2.5}) {
		t.Errorf("10.0/Mac buckets %v, want [{0 0} {5 2.5}]", r)
	}
	if c := ss[0].Cumulative(0, 10); c != (Rate{Events: 3, KHours: 1}) {
		t.Errorf("cumulative %v, want 3 events over 1 kh", c)
	}
	h.Rows = append(h.Rows, ReleaseAge{ReleaseKey{"1", "x"}, -1, 0, 0})
	if _, err := h.Series(); err == nil {
		t.Error("a negative age gave no error")
	}
}

func TestExpectedRangeArithmetic(t *testing.T) {
	// Earlier releases' rates 1, 2, 3, 4, 10 (oldest first): median 3; absolute
	// deviations 2, 1, 0, 1, 7, median 1, so s = 1.4826 (R: mad(c(1,2,3,4,10)) = 1.4826).
	// With own exposure T = 100 kh: upper = 3 + 3·√(1.4826² + 3/100).
	var earlier []*AlertSeries
	for _, x := range []float64{1, 2, 3, 4, 10} {
		earlier = append(earlier, &AlertSeries{Rates: []Rate{{Events: int64(x * 1000), KHours: 1000}}})
	}
	med, upper, ok := ExpectedRange{}.Range(0, 100, earlier)
	want := 3 + 3*math.Sqrt(1.4826*1.4826+0.03)
	if !ok || med != 3 || math.Abs(upper-want) > 1e-12 {
		t.Errorf("Range = %g, %g, %v; want 3, %.15g, true", med, upper, ok, want)
	}
	// Lookback 3 keeps the newest three: 3, 4, 10 → median 4, deviations 1, 0, 6 → 1.
	med, _, _ = ExpectedRange{Lookback: 3}.Range(0, 100, earlier)
	if med != 4 {
		t.Errorf("median of the last three = %g, want 4", med)
	}
	if _, _, ok := (ExpectedRange{}).Range(0, 100, earlier[:2]); ok {
		t.Error("Range decided from two earlier releases; MinReleases is 3")
	}
}

func TestPreviousReleaseTestWindow(t *testing.T) {
	prev := &AlertSeries{Rates: []Rate{{100, 1}, {30, 10}, {30, 10}}}
	cur := &AlertSeries{Rates: []Rate{{900, 1}, {30, 10}, {31, 10}}}
	// With the first bucket, the new release is 9× worse there and the test fires;
	// skipping it, 61 vs 60 events over equal exposure is no change.
	if !(PreviousReleaseTest{}).Alert(cur, 2, []*AlertSeries{prev}) {
		t.Error("no alert with the first bucket included")
	}
	st := PreviousReleaseTest{SkipBuckets: 1}
	if st.Alert(cur, 2, []*AlertSeries{prev}) {
		t.Error("alert on 61 vs 60 events over equal exposure")
	}
	if st.Alert(cur, 0, []*AlertSeries{prev}) {
		t.Error("alert before the skipped buckets are over")
	}
	// The decision is CompareRates' lower bound against 1 + Margin.
	a, b := cur.Cumulative(0, 2), prev.Cumulative(0, 2)
	test, err := CompareRates(a, b, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	lo := test.Lo
	if got := (PreviousReleaseTest{Margin: lo - 1 + 0.01}).Alert(cur, 2, []*AlertSeries{prev}); got {
		t.Errorf("alert with a margin above the interval's lower end %g", lo)
	}
}

func TestEvaluateAlertsSynthetic(t *testing.T) {
	h := syntheticAlertHistory(1)
	ev, err := EvaluateAlerts(h, 28,
		FixedThreshold{Rate: 4.5},
		ExposureThreshold{Rate: 4.5, Rule: DefaultExposureRule},
		ExpectedRange{},
		PreviousReleaseTest{SkipBuckets: 4, Margin: 0.1},
	)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(ev.Outcomes); n != 4*27 {
		t.Fatalf("%d outcomes, want 4 strategies × 27 releases (the first of each platform is history)", n)
	}
	s := ev.Summaries()
	for _, x := range s {
		if x.Good != 26 || x.Regressions != 1 {
			t.Fatalf("%s: %d good and %d regressions, want 26 and 1", x.Strategy, x.Good, x.Regressions)
		}
	}
	// Early inflation: Linux (base 3.4, 1.8× at age 0) crosses 4.5 on every release;
	// Windows (3 → 5.4) too. A fixed threshold false-alarms on most releases.
	if s[0].FalseAlarms < 17 {
		t.Errorf("fixed threshold: %d false alarms of 26, want most", s[0].FalseAlarms)
	}
	// Aligned comparisons see the regression and (almost) nothing else.
	for _, i := range []int{2, 3} {
		if s[i].Detected != 1 {
			t.Errorf("%s missed the regression", s[i].Strategy)
		}
		if s[i].FalseAlarms > 3 {
			t.Errorf("%s: %d false alarms of 26", s[i].Strategy, s[i].FalseAlarms)
		}
	}
	// Hours to detect are bucket ends.
	for _, o := range ev.Outcomes {
		if o.FirstAlert >= 0 && ev.HoursToAlert(o) != float64(o.FirstAlert+1)*6 {
			t.Fatalf("hours to alert %g for first bucket %d", ev.HoursToAlert(o), o.FirstAlert)
		}
	}
	if rows, cols := ev.Table().Dims(); rows != 4 || cols != 9 {
		t.Errorf("summary table %d×%d, want 4×9", rows, cols)
	}
	if rows, _ := ev.OutcomeTable().Dims(); rows != 4*27 {
		t.Errorf("outcome table has %d rows, want %d", rows, 4*27)
	}
	if html := ev.HTML(); !strings.Contains(html, "<table>") || !strings.Contains(html, "expected range") {
		t.Error("HTML summary lacks the table or a strategy")
	}
	// text/plain: the same summary as a plain aligned table, the same every time.
	txt := ev.String()
	lines := strings.Split(strings.TrimSuffix(txt, "\n"), "\n")
	if len(lines) < 6 || !strings.HasPrefix(lines[0], "Alert strategies over each release's first 168 hours") ||
		!strings.HasPrefix(lines[1], "strategy") || !strings.Contains(lines[1], "false alarms (good releases)") {
		t.Errorf("String() lacks the caption or header:\n%s", txt)
	}
	for i, x := range s {
		if row := lines[2+i]; !strings.HasPrefix(row, x.Strategy) || !strings.Contains(row, fmt.Sprintf("%d of %d", x.FalseAlarms, x.Good)) {
			t.Errorf("String() row %d = %q, want strategy %s with %d of %d false alarms", i, row, x.Strategy, x.FalseAlarms, x.Good)
		}
	}
	if strings.Contains(txt, "<") || strings.Contains(txt, "|") || ev.String() != txt {
		t.Errorf("String() is not plain or not deterministic:\n%s", txt)
	}
	p, err := ev.Plot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.WriterTo(8*vg.Inch, 5*vg.Inch, "png"); err != nil {
		t.Fatal(err)
	}
	if _, err := EvaluateAlerts(h, 0, FixedThreshold{}); err == nil {
		t.Error("horizon 0 gave no error")
	}
}

func TestAlertHistoryFromSource(t *testing.T) {
	at := func(s string) time.Time {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	row := func(start, version, os string, hours float64, crashes int64) Row {
		w := at(start)
		return Row{WindowStart: w, WindowEnd: w.Add(6 * time.Hour), Channel: "release", Version: version,
			OSName: os, UsageHours: hours, MainCrashes: crashes}
	}
	tab := NewTable("t", []Row{
		row("2018-01-29T06:00:00Z", "58.0.1", "Darwin", 50, 1),  // before the release: left out
		row("2018-01-29T12:00:00Z", "58.0.1", "Darwin", 100, 2), // holds 14:00: age 0
		row("2018-01-29T18:00:00Z", "58.0.1", "Darwin", 300, 3), // age 1
		row("2018-01-30T12:00:00Z", "58.0.1", "Darwin", 400, 4), // age 4
		row("2018-01-30T12:00:00Z", "58.0.1", "Linux", 900, 5),
		row("2018-01-20T00:00:00Z", "57.0.4", "Darwin", 0, 7),  // no usage: not its release
		row("2018-01-20T06:00:00Z", "57.0.4", "Darwin", 10, 8), // first usage: age 0
	})
	h, err := AlertHistoryFromSource(tab, "main_crashes", 6*time.Hour,
		map[string]time.Time{"58.0.1": at("2018-01-29T14:00:00Z")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]ReleaseAge{}
	for _, r := range h.Rows {
		got[r.Label()] = append(got[r.Label()], r)
	}
	check := func(key string, want ...ReleaseAge) {
		t.Helper()
		if !slices.Equal(got[key], want) {
			t.Errorf("%s: rows %v, want %v", key, got[key], want)
		}
	}
	mac := ReleaseKey{"58.0.1", "Mac"}
	check("58.0.1/Mac", ReleaseAge{mac, 0, 2, 0.1}, ReleaseAge{mac, 1, 3, 0.3}, ReleaseAge{mac, 4, 4, 0.4})
	check("58.0.1/Linux", ReleaseAge{ReleaseKey{"58.0.1", "Linux"}, 4, 5, 0.9})
	old := ReleaseKey{"57.0.4", "Mac"}
	check("57.0.4/Mac", ReleaseAge{old, 0, 8, 0.01})
	if h.BucketHours != 6 {
		t.Errorf("bucket %g hours, want 6", h.BucketHours)
	}
}

// TestAlertsOnDataset runs the strategies over the bundled history (datasets/), whose
// data card plants early-adopter inflation and a usage-hours lag on every build and a
// real regression of main crashes on 58.0.1/Darwin; 57.0 is a genuinely worse major
// (× 1.12 / 0.97 over 56).
func TestAlertsOnDataset(t *testing.T) {
	tab, err := LoadFS(datasets.FS, datasets.MainFile)
	if err != nil {
		t.Fatal(err)
	}
	// 55.0.3, installed before the history starts, has no release time: leave it out
	// rather than age it from the first window of the data.
	released, err := datasets.ReleaseTimes("release")
	if err != nil {
		t.Fatal(err)
	}
	var versions []string
	for v := range released {
		versions = append(versions, v)
	}
	h, err := AlertHistoryFromSource(tab, "main_crashes", 6*time.Hour, released,
		map[string][]string{"channel": {"release"}, "version": versions})
	if err != nil {
		t.Fatal(err)
	}
	h.Regressions = []ReleaseKey{{"58.0.1", "Mac"}, {"57.0", "Windows"}, {"57.0", "Mac"}, {"57.0", "Linux"}}
	ev, err := EvaluateAlerts(h, 28,
		FixedThreshold{Rate: 6},
		ExpectedRange{},
		PreviousReleaseTest{SkipBuckets: 4, Margin: 0.1},
	)
	if err != nil {
		t.Fatal(err)
	}
	s := ev.Summaries()
	t.Logf("\n%v", ev.Table())
	if s[0].Good != 35 || s[0].Regressions != 4 {
		t.Fatalf("%d good releases and %d regressions, want 35 (13 releases × 3 platforms − 4) and 4", s[0].Good, s[0].Regressions)
	}
	// Every release crosses 6 per 1000 h in its first hours: the planted inflation.
	if s[0].FalseAlarms < 30 {
		t.Errorf("fixed threshold: %d false alarms of %d; the early inflation should trip it on nearly all", s[0].FalseAlarms, s[0].Good)
	}
	planted := func(i int) (AlertOutcome, bool) {
		for _, o := range ev.Outcomes[i*39 : (i+1)*39] {
			if o.ReleaseKey == (ReleaseKey{"58.0.1", "Mac"}) {
				return o, true
			}
		}
		return AlertOutcome{}, false
	}
	for _, i := range []int{1, 2} {
		o, ok := planted(i)
		if !ok || o.FirstAlert < 0 {
			t.Errorf("%s missed the planted 58.0.1/Darwin regression", ev.Strategies[i])
		}
		if s[i].FalseAlarms*2 > s[0].FalseAlarms {
			t.Errorf("%s: %d false alarms, not even half the fixed threshold's %d", ev.Strategies[i], s[i].FalseAlarms, s[0].FalseAlarms)
		}
	}
}

func TestPlotExpectedRange(t *testing.T) {
	h := syntheticAlertHistory(1)
	p, err := PlotExpectedRange(h, ReleaseKey{"7.0", "Mac"}, ExpectedRange{}, 28)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.WriterTo(8*vg.Inch, 5*vg.Inch, "png"); err != nil {
		t.Fatal(err)
	}
	if _, err := PlotExpectedRange(h, ReleaseKey{"70.0", "Mac"}, ExpectedRange{}, 28); err == nil {
		t.Error("a release not in the history gave no error")
	}
	// The limit narrows as the release ages: compare the first and last decided ages.
	ss, _ := h.Series()
	var mac []*AlertSeries
	for _, s := range ss {
		if s.Platform == "Mac" {
			mac = append(mac, s)
		}
	}
	cur, earlier := mac[5], mac[:5] // 6.0, a good release
	_, u0, ok0 := ExpectedRange{}.Range(0, cur.Cumulative(0, 0).KHours, earlier)
	m27, u27, ok27 := ExpectedRange{}.Range(27, cur.Cumulative(0, 27).KHours, earlier)
	m0, _, _ := ExpectedRange{}.Range(0, cur.Cumulative(0, 0).KHours, earlier)
	if !ok0 || !ok27 || !(u27-m27 < (u0-m0)/2) {
		t.Errorf("limit above the median: %.3g at age 0, %.3g at age 27; want it to narrow by half", u0-m0, u27-m27)
	}
}
