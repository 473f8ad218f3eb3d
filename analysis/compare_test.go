package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/ratelab/ratelab/analysis/internal/rcheck"
	"gonum.org/v1/gonum/stat/distuv"
)

var fixtureStart = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

const (
	fixtureHours = 40 * 24
	release100   = 5*24 + 10 // hours after fixtureStart
	release101   = 25*24 + 10
)

func logistic(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// releaseFixture is hourly release-channel aggregates over 40 days: major 99 in use
// from the start, 100 released at hour 130 and adopted over days, 101 at hour 610
// and adopted faster. 10 000 usage hours an hour: Windows 70%, Mac 20%, Linux 10%.
// Main crashes are Poisson at 2 per 1000 h, except 101 on Windows (1.8) and on Linux
// (3.5); the first 24 h after a release run 1.5× higher. Every tenth row is repeated
// as an experiment row, which comparisons must ignore.
func releaseFixture(seed uint64) []Row {
	src := rand.NewPCG(seed, 3)
	platforms := []struct {
		os    string
		usage float64
	}{{"Windows_NT", 7000}, {"Darwin", 2000}, {"Linux", 1000}}
	var rows []Row
	for h := 0; h < fixtureHours; h++ {
		adopt := func(rel, lag, width int) float64 {
			if h < rel {
				return 0
			}
			return 0.02 + 0.98*logistic(float64(h-rel-lag)/float64(width))
		}
		a101 := adopt(release101, 48, 12)
		a100 := adopt(release100, 96, 24) * (1 - a101)
		shares := map[int]float64{99: 1 - a100 - a101, 100: a100, 101: a101}
		for _, m := range []int{99, 100, 101} {
			for _, p := range platforms {
				u := p.usage * shares[m]
				if u < 1e-3 {
					continue
				}
				rate := 2.0
				if m == 101 && p.os == "Windows_NT" {
					rate = 1.8
				}
				if m == 101 && p.os == "Linux" {
					rate = 3.5
				}
				if rel := map[int]int{100: release100, 101: release101}[m]; rel > 0 && h < rel+24 {
					rate *= 1.5
				}
				w := fixtureStart.Add(time.Duration(h) * time.Hour)
				r := Row{WindowStart: w, WindowEnd: w.Add(time.Hour), Channel: "release", Version: fmt.Sprintf("%d.0", m),
					OSName: p.os, UsageHours: u, Count: int64(u),
					MainCrashes: int64(distuv.Poisson{Lambda: rate * u / 1000, Src: src}.Rand())}
				rows = append(rows, r)
				if len(rows)%10 == 0 {
					e := r
					e.ExperimentID, e.ExperimentBranch = "exp", "treatment"
					e.MainCrashes *= 3
					rows = append(rows, e)
				}
			}
		}
	}
	return rows
}

// brutePool sums a major's population rows on a platform ("" for all) with window
// starts in [from, to), straight from the rows.
func brutePool(rows []Row, major int, platform string, from, to time.Time) Rate {
	var ev int64
	var u float64
	for _, r := range rows {
		v := MustParseVersion(r.Version)
		if r.ExperimentID != "" || v.Major() != major || (platform != "" && NormalizeOS(r.OSName) != platform) ||
			r.WindowStart.Before(from) || !r.WindowStart.Before(to) {
			continue
		}
		ev += r.MainCrashes
		u += r.UsageHours
	}
	return Rate{Events: ev, KHours: u / 1000}
}

func TestCompareAdjusted(t *testing.T) {
	rows := releaseFixture(1)
	tab := NewTable("fixture", rows)
	c, err := CompareReleases(tab, CompareOptions{Measure: "main_crashes", Channel: "release"})
	if err != nil {
		t.Fatal(err)
	}
	hour := func(h int) time.Time { return fixtureStart.Add(time.Duration(h) * time.Hour) }
	inField := time.Duration(fixtureHours-release101) * time.Hour
	if len(c.Windows) != 2 {
		t.Fatalf("windows %+v", c.Windows)
	}
	nw, ow := c.Windows[0], c.Windows[1]
	if nw.Major != 101 || !nw.Released.Equal(hour(release101)) || nw.Censored || !nw.To.Equal(hour(fixtureHours)) {
		t.Errorf("newest window %+v", nw)
	}
	if ow.Major != 100 || !ow.Released.Equal(hour(release100)) || !ow.To.Equal(hour(release100).Add(inField)) {
		t.Errorf("older window %+v, want released at hour %d for %v", ow, release100, inField)
	}
	verdicts := map[string]Verdict{}
	for _, r := range c.Rows {
		p := r.Platform
		if p == "all" {
			p = ""
		}
		wantNew, wantOld := brutePool(rows, 101, p, nw.From, nw.To), brutePool(rows, 100, p, ow.From, ow.To)
		if r.New.Events != wantNew.Events || r.Old.Events != wantOld.Events ||
			math.Abs(r.New.KHours/wantNew.KHours-1) > 1e-12 || math.Abs(r.Old.KHours/wantOld.KHours-1) > 1e-12 {
			t.Errorf("%s: new %v old %v; rows give %v, %v", r.Platform, r.New, r.Old, wantNew, wantOld)
		}
		verdicts[r.Platform] = r.Verdict
	}
	checkAgainstR(t, c.Rows)
	// The planted effects: Linux 75% worse, Windows 10% better, Mac unchanged.
	if verdicts["Linux"] != Worse || verdicts["Windows"] != Better || verdicts["Mac"] == Worse || verdicts["Mac"] == Better {
		t.Errorf("verdicts %v", verdicts)
	}
	if !strings.Contains(strings.Join(c.Notes, " "), "Linux is worse while all platforms pooled say") {
		t.Errorf("no note on Linux disagreeing with the pooled row: %q", c.Notes)
	}
	for _, out := range []string{c.HTML(), c.Markdown(), c.String()} {
		if !strings.Contains(out, "Linux") || !strings.Contains(out, "worse") {
			t.Errorf("rendering lacks rows:\n%s", out)
		}
	}
	if df := c.DataFrame(); df.Nrow() != 4 || df.Ncol() != 20 {
		t.Errorf("DataFrame %d×%d", df.Nrow(), df.Ncol())
	}
	if _, err := c.Plot(); err != nil {
		t.Errorf("Plot: %v", err)
	}

	// Skipping the first day moves both windows' starts, not their lengths' ends.
	c2, err := CompareReleases(tab, CompareOptions{Measure: "main_crashes", Channel: "release", SkipFirst: 24 * time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if w := c2.Windows[1]; !w.From.Equal(hour(release100+24)) || !w.To.Equal(ow.To) {
		t.Errorf("skip 24 h: older window %+v", w)
	}
}

// checkAgainstR compares rows' ratio tests with R's two-sample poisson.test, run
// once for all rows.
func checkAgainstR(t *testing.T, rows []ComparisonRow) {
	t.Helper()
	var script strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&script, "x <- poisson.test(c(%d, %d), c(%.17g, %.17g)); cat(x$estimate, x$conf.int, x$p.value, '\\n')\n",
			r.New.Events, r.Old.Events, r.New.KHours, r.Old.KHours)
	}
	out := rcheck.Numbers(t, script.String())
	if len(out) != 4*len(rows) {
		t.Fatalf("R printed %d numbers for %d rows, want 4 a row", len(out), len(rows))
	}
	for k, r := range rows {
		want := out[4*k : 4*k+4]
		got := [4]float64{r.Test.Ratio, r.Test.Lo, r.Test.Hi, r.Test.P}
		for i := range got {
			if math.Abs(got[i]-want[i]) > 1e-6*math.Abs(want[i]) && math.Abs(got[i]-want[i]) > 1e-12 {
				t.Errorf("%s: ratio, lo, hi, p = %v; R poisson.test gives %v", r.Platform, got, want)
				break
			}
		}
	}
}

func TestCompareEqualAdoption(t *testing.T) {
	rows := releaseFixture(2)
	tab := NewTable("fixture", rows)
	now := fixtureStart.Add(time.Duration(release101+72) * time.Hour)
	c, err := CompareReleases(tab, CompareOptions{Mode: EqualAdoption, Measure: "main_crashes", Channel: "release", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	nw, ow := c.Windows[0], c.Windows[1]
	if !nw.To.Equal(now) || nw.Share < 0.5 || nw.Share > 0.95 {
		t.Fatalf("newest window %+v", nw)
	}
	// The older window ends at the first hour its trailing 24 h share reaches the
	// newest's share now, recomputed here from the rows.
	share := func(major int, end time.Time) float64 {
		var um, ut float64
		for _, r := range rows {
			if r.ExperimentID != "" || !r.WindowStart.Before(end) || r.WindowStart.Before(end.Add(-24*time.Hour)) {
				continue
			}
			ut += r.UsageHours
			if MustParseVersion(r.Version).Major() == major {
				um += r.UsageHours
			}
		}
		return um / ut
	}
	if math.Abs(share(101, now)-nw.Share) > 1e-12 {
		t.Errorf("newest share %v, rows give %v", nw.Share, share(101, now))
	}
	if share(100, ow.To) < nw.Share || share(100, ow.To.Add(-time.Hour)) >= nw.Share {
		t.Errorf("older window ends %v: share there %v, an hour before %v; target %v", ow.To, share(100, ow.To), share(100, ow.To.Add(-time.Hour)), nw.Share)
	}
	if !ow.From.Equal(fixtureStart.Add(release100 * time.Hour)) {
		t.Errorf("older window starts %v", ow.From)
	}
	for _, r := range c.Rows {
		p := r.Platform
		if p == "all" {
			p = ""
		}
		if want := brutePool(rows, 100, p, ow.From, ow.To); r.Old.Events != want.Events {
			t.Errorf("%s: older events %d, rows give %d", r.Platform, r.Old.Events, want.Events)
		}
	}
}

func TestCompareNotEnoughData(t *testing.T) {
	rows := releaseFixture(3)
	tab := NewTable("fixture", rows)
	// 99 was in use before the data starts: its release time is unknown.
	c, err := CompareReleases(tab, CompareOptions{Channel: "release", Majors: []int{99, 101}})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range c.Rows {
		if r.Verdict != NotEnoughData || !strings.Contains(r.Note, "release time not observed") {
			t.Errorf("censored release: %s verdict %s note %q", r.Platform, r.Verdict, r.Note)
		}
	}
	// Given a release date, it is compared.
	c, err = CompareReleases(tab, CompareOptions{Channel: "release", Majors: []int{99, 101}, ReleaseDates: map[int]time.Time{99: fixtureStart}})
	if err != nil || c.Rows[0].Note != "" || !c.Windows[1].Given {
		t.Errorf("with a release date: %v, %+v", err, c.Windows)
	}
	// Six hours of the newest release are too little to tell.
	c, err = CompareReleases(tab, CompareOptions{Channel: "release", Now: fixtureStart.Add((release101 + 6) * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range c.Rows {
		if r.Platform == "Linux" && r.Verdict != NotEnoughData {
			t.Errorf("6 h of Linux data: verdict %s (%v)", r.Verdict, r.Test)
		}
	}
	// Two channels in the data must not be pooled silently.
	rows = append(rows, Row{WindowStart: fixtureStart, Channel: "beta", Version: "102.0b1", OSName: "Linux", UsageHours: 5})
	if _, err := CompareReleases(NewTable("two channels", rows), CompareOptions{}); err == nil || !strings.Contains(err.Error(), "set Channel") {
		t.Errorf("two channels: err = %v", err)
	}
}

func TestCompareEqualAdoptionNeverReached(t *testing.T) {
	// Major 61 holds half the usage from hour 0; 62, from hour 5, holds 80%: 61
	// never had the share 62 has now, so there is no equal-adoption window for it.
	var rows []Row
	for h := 0; h < 10; h++ {
		w := fixtureStart.Add(time.Duration(h) * time.Hour)
		shares := map[string]float64{"61.0": 0.5, "60.0": 0.5}
		if h >= 5 {
			shares = map[string]float64{"62.0": 0.8, "61.0": 0.1, "60.0": 0.1}
		}
		for v, sh := range shares {
			rows = append(rows, Row{WindowStart: w, Channel: "release", Version: v, OSName: "Linux", UsageHours: 100000 * sh, MainCrashes: int64(200 * sh)})
		}
	}
	c, err := CompareReleases(NewTable("hand", rows), CompareOptions{Mode: EqualAdoption, Majors: []int{61, 62}, AdoptionWindow: time.Hour,
		ReleaseDates: map[int]time.Time{61: fixtureStart}})
	if err != nil {
		t.Fatal(err)
	}
	if c.Windows[0].Share != 0.8 {
		t.Errorf("newest share %v, want 0.8", c.Windows[0].Share)
	}
	for _, r := range c.Rows {
		if r.Verdict != NotEnoughData || !strings.Contains(r.Note, "major 61 never reached the newest release's share of usage (80.0%)") {
			t.Errorf("%s: verdict %s, note %q", r.Platform, r.Verdict, r.Note)
		}
	}
}
