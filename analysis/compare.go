package analysis

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"gonum.org/v1/plot"
)

// CompareMode chooses how release windows are aligned.
type CompareMode int

const (
	// Adjusted is Mission Control's adjusted comparison: each major release is
	// measured from its own release time (optionally skipping its first hours) over
	// the newest release's time in field, so that an old release's settled months are
	// not compared with a new release's first days.
	Adjusted CompareMode = iota
	// EqualAdoption measures each release from its release time until its share of
	// usage hours first reached the share the newest release has now: early adopters
	// against early adopters, however fast each release spread.
	EqualAdoption
)

// String names the mode as reports show it.
func (m CompareMode) String() string {
	if m == EqualAdoption {
		return "equal adoption"
	}
	return "adjusted (same time in field)"
}

// SkipRule chooses when CompareOptions.SkipFirst leaves out a release's first hours.
type SkipRule int

const (
	// SkipAlways skips the first SkipFirst of every release compared: every window
	// then covers the same ages since release.
	SkipAlways SkipRule = iota
	// SkipWhenOld is Mission Control's rule: skip a release's first SkipFirst only if
	// the newest release has been in field longer than SkipFirst and this release
	// longer than twice SkipFirst (until the next major came out, or until now for
	// the newest). Mission Control's SkipFirst is 24 h.
	SkipWhenOld
)

// String names the rule as reports show it.
func (r SkipRule) String() string {
	if r == SkipWhenOld {
		return "skip when old enough"
	}
	return "skip always"
}

// CompareOptions configures CompareReleases. The zero value compares the newest
// major release with the one before it, adjusted, on the combined crash measure.
//
// Mission Control's adjusted comparison (mozilla/missioncontrol,
// etl/measuresummary.py) is SkipFirst: 24 h, SkipRule: SkipWhenOld, TrimTop: 0.001.
// Time in field is measured as Mission Control does, as the newest release's last
// window start minus its release time. ratelab deliberately differs in three places:
//   - release time: Mission Control starts a major's clock at the first timestamp of
//     any of its data on the platform; ratelab takes the given release date, or the
//     first window in which the major has MinShare of the channel's usage (all
//     platforms), so that a few pre-release pings do not start the clock early;
//   - ages compared: when it skips, Mission Control measures an older release over
//     [release + 24 h, release + 24 h + time in field] but the newest over
//     [release + 24 h, now], a day of older age the newest has not reached; ratelab
//     measures every release over the same ages, [release + skip, release + time in
//     field];
//   - trimming is off by default: dropping the highest per-point rates lowers every
//     rate and hides real spikes, and the exact test assumes the counts it is given
//     are all the counts.
type CompareOptions struct {
	Mode CompareMode
	// Measure is the event measure; default "combined" (main + content −
	// content_shutdown crashes).
	Measure string
	// Channel restricts the data to one channel ("release", "beta", …). It is
	// required when the source holds more than one: majors of different channels are
	// different populations.
	Channel string
	// Where adds filters (for example country).
	Where map[string][]string
	// Majors lists the major versions to compare; the highest is compared with each
	// other one. Default: the two newest majors in the data.
	Majors []int
	// ReleaseDates gives release times by major; majors not listed are detected as
	// the first window in which their share of the channel's usage hours reaches
	// MinShare.
	ReleaseDates map[int]time.Time
	// MinShare is the detection threshold; default 0.01 (1% of usage hours).
	MinShare float64
	// SkipFirst leaves out each release's first hours, typically 24 h: a release's
	// first adopters are not its eventual population. SkipRule says when.
	SkipFirst time.Duration
	SkipRule  SkipRule
	// TrimTop, if positive, drops the highest TrimTop share of per-point rates before
	// pooling each row's rate, a point being one window of one build (on one
	// platform): of n points the ⌈n·(1 − TrimTop)⌉ lowest are kept. Mission Control
	// trims 0.001 to keep outliers out of its rates; zero keeps every point.
	TrimTop float64
	// Grain is the time resolution of detection and windows; default one hour.
	Grain time.Duration
	// Now ends the data compared: windows starting at or after Now are left out.
	// Default: the end of the last window in the data.
	Now time.Time
	// AdoptionWindow smooths usage shares for EqualAdoption (trailing sum of usage
	// hours over this span); default 24 h.
	AdoptionWindow time.Duration
	// Level is the confidence level; default 0.95.
	Level float64
	// Rule turns ratios into verdicts; default DefaultVerdictRule.
	Rule *VerdictRule
}

// ReleaseWindow is the stretch of time over which one major release is measured.
type ReleaseWindow struct {
	Major int
	// Released is the release time: given, or detected from usage.
	Released time.Time
	Given    bool
	// Censored reports a detected release time at the very first window of the data:
	// the release was in use before the data starts, so its real release time, and
	// hence its window, is unknown. Give it in ReleaseDates.
	Censored bool
	// From and To bound the measured windows: From <= window_start < To.
	From, To time.Time
	// InField is the time in field compared, measured as Mission Control does: the
	// start of the newest release's last window minus its release time. An older
	// release is measured over the same ages (Adjusted) — its last window starts
	// InField after its release — or until it reached the newest's share of usage
	// (EqualAdoption: then its own last window start minus its release).
	InField time.Duration
	// Skipped is the span left out at the start: SkipFirst, or 0 when SkipRule
	// kept it.
	Skipped time.Duration
	// Share is the release's share of usage hours at the end of its window (smoothed
	// over AdoptionWindow).
	Share float64
}

// ComparisonRow compares the newest release with an older one on one platform, or
// on all platforms pooled (Platform "all").
type ComparisonRow struct {
	Platform string
	// Newest and Older are the majors compared; New and Old their pooled rates over
	// their windows, on this platform.
	Newest, Older int
	New, Old      Rate
	// NewShare and OldShare are this platform's share of each release's usage hours
	// in its window (1 for the pooled row).
	NewShare, OldShare float64
	// Test is the exact conditional comparison of New against Old.
	Test    RatioTest
	Verdict Verdict
	// Note explains a verdict forced to "not enough data", or a caveat.
	Note string
	// TrimmedPoints is the number of points (window × build) whose rates TrimTop
	// left out of New and Old.
	TrimmedPoints int
}

// Comparison is the result of CompareReleases.
type Comparison struct {
	Mode    CompareMode
	Measure string
	Channel string
	Level   float64
	// Windows holds each compared major's window, newest first.
	Windows []ReleaseWindow
	// Rows holds, for each older major, the pooled row then one row per platform.
	Rows []ComparisonRow
	// Notes are caveats about the comparison as a whole (platform mix, Simpson's
	// paradox, censored release times, a combined measure without its content
	// crashes, trimmed points).
	Notes []string
}

// CompareReleases compares the newest major release's crash rate with older majors'
// fairly: each measured over its own window (see CompareMode), rates pooled over
// the window (Σevents / Σusage khours), per platform and pooled, with the exact
// conditional rate ratio, its interval and p-value (CompareRates), the % change and a
// verdict that says "not enough data" when that is the truth.
//
// Pooled figures are dominated by the platform with most usage (Windows); the
// per-platform rows are always returned beside them, and a note says when the
// pooled verdict disagrees with a platform's or the platform mix moved.
func CompareReleases(src Source, o CompareOptions) (*Comparison, error) {
	if o.Measure == "" {
		o.Measure = MeasureCombined
	}
	if o.MinShare <= 0 {
		o.MinShare = 0.01
	}
	if o.Grain <= 0 {
		o.Grain = time.Hour
	}
	if o.AdoptionWindow <= 0 {
		o.AdoptionWindow = 24 * time.Hour
	}
	if o.Level == 0 {
		o.Level = 0.95
	}
	if err := checkLevel(o.Level); err != nil {
		return nil, fmt.Errorf("compare releases: Level: %w", err)
	}
	if !(o.TrimTop >= 0 && o.TrimTop < 1) || o.SkipFirst < 0 || (o.SkipRule != SkipAlways && o.SkipRule != SkipWhenOld) || math.IsNaN(o.MinShare) || o.MinShare > 1 {
		return nil, fmt.Errorf("compare releases: TrimTop %g must be in [0, 1), SkipFirst %v not negative, SkipRule %d known, MinShare %g at most 1", o.TrimTop, o.SkipFirst, o.SkipRule, o.MinShare)
	}
	rule := DefaultVerdictRule
	if o.Rule != nil {
		rule = *o.Rule
	}
	where := map[string][]string{}
	for k, v := range o.Where {
		where[k] = v
	}
	if o.Channel != "" {
		where["channel"] = []string{o.Channel}
	} else {
		ch, err := src.Sums(Query{By: []string{"channel"}, Where: where, Measures: []string{}})
		if err != nil {
			return nil, fmt.Errorf("compare releases: %w", err)
		}
		if ch.Len() > 1 {
			return nil, fmt.Errorf("compare releases: the data holds channels %q: set Channel to compare majors of one channel", ch.Keys[0])
		}
	}
	by := []string{DimMajor, DimPlatform}
	if o.TrimTop > 0 {
		by = append(by, "build_id") // a point is one window of one build
	}
	s, err := src.Sums(Query{By: by, Grain: o.Grain, Where: where, Measures: []string{o.Measure}})
	if err != nil {
		return nil, fmt.Errorf("compare releases: %w", err)
	}
	if s.Len() == 0 {
		return nil, errors.New("compare releases: no data after filters")
	}
	ev, err := s.Events(o.Measure)
	if err != nil {
		return nil, fmt.Errorf("compare releases: %w", err)
	}
	d := newReleaseData(s, ev, o.Grain, o.TrimTop)
	if !o.Now.IsZero() {
		d.end = o.Now
	}

	majors := append([]int(nil), o.Majors...)
	if len(majors) == 0 {
		all := d.majorList()
		if len(all) < 2 {
			return nil, fmt.Errorf("compare releases: need two majors, the data has %v", all)
		}
		majors = all[len(all)-2:]
	}
	sort.Sort(sort.Reverse(sort.IntSlice(majors)))
	c := &Comparison{Mode: o.Mode, Measure: o.Measure, Channel: o.Channel, Level: o.Level}
	for _, m := range majors {
		if _, ok := d.usage[m]; !ok {
			return nil, fmt.Errorf("compare releases: major %d has no usage in the data (majors: %v)", m, d.majorList())
		}
		w := ReleaseWindow{Major: m}
		if t, ok := o.ReleaseDates[m]; ok {
			w.Released, w.Given = t, true
		} else {
			i := d.firstAtShare(m, o.MinShare)
			if i < 0 {
				return nil, fmt.Errorf("compare releases: major %d never reaches %.3g of usage hours in a window; give its release date", m, o.MinShare)
			}
			w.Released = d.times[i]
			w.Censored = i == 0
		}
		c.Windows = append(c.Windows, w)
	}
	newest := &c.Windows[0]
	// Mission Control's time in field: the newest release's last window start
	// minus its release time.
	inField := d.end.Add(-d.grain).Sub(newest.Released)
	if inField < 0 {
		return nil, fmt.Errorf("compare releases: major %d is released (%v) after the last window compared starts", newest.Major, newest.Released)
	}
	notes := map[int]string{} // why an older window is empty
	for k := range c.Windows {
		w := &c.Windows[k]
		w.Skipped = o.SkipFirst
		if o.SkipRule == SkipWhenOld && !(inField > o.SkipFirst && d.ownFieldTime(w.Major, w.Released, o.ReleaseDates, o.MinShare) > 2*o.SkipFirst) {
			w.Skipped = 0
		}
		w.From = w.Released.Add(w.Skipped)
		switch {
		case k == 0:
			w.To = d.end
		case o.Mode == EqualAdoption:
			t, ok := d.reachesShare(w.Major, w.Released, newest.Share, o.AdoptionWindow)
			switch {
			case !ok:
				w.To = w.From // empty: noted below
				notes[w.Major] = fmt.Sprintf("major %d never reached the newest release's share of usage (%.1f%%) in the data", w.Major, 100*newest.Share)
			case !t.After(w.From):
				w.To = w.From
				notes[w.Major] = fmt.Sprintf("major %d reached the newest release's share of usage (%.1f%%) within the %v skipped", w.Major, 100*newest.Share, w.Skipped)
			default:
				w.To = t
			}
		default:
			w.To = w.Released.Add(inField + d.grain)
		}
		w.InField = w.To.Add(-d.grain).Sub(w.Released)
		if k == 0 {
			newest.Share = d.trailingShare(newest.Major, d.end, o.AdoptionWindow)
			if !w.To.After(w.From) {
				return nil, fmt.Errorf("compare releases: major %d has been in field %v (last window start minus release), not more than the %v skipped", w.Major, inField, w.Skipped)
			}
			continue
		}
		w.Share = d.trailingShare(w.Major, w.To, o.AdoptionWindow)
	}
	platforms := d.platformList()
	for k := 1; k < len(c.Windows); k++ {
		nw, ow := c.Windows[0], c.Windows[k]
		note := ""
		switch {
		case nw.Censored || ow.Censored:
			note = "release time not observed (in use from the first window of the data): give ReleaseDates"
		case notes[ow.Major] != "":
			note = notes[ow.Major]
		case o.Mode == Adjusted && ow.To.After(d.end):
			note = fmt.Sprintf("major %d has been in field less than major %d", ow.Major, nw.Major)
		}
		newAll, _ := d.rate(nw, "")
		oldAll, _ := d.rate(ow, "")
		for _, p := range append([]string{"all"}, platforms...) {
			key := p
			if p == "all" {
				key = ""
			}
			r := ComparisonRow{Platform: p, Newest: nw.Major, Older: ow.Major, Note: note}
			var dn, do int
			r.New, dn = d.rate(nw, key)
			r.Old, do = d.rate(ow, key)
			r.TrimmedPoints = dn + do
			r.NewShare, r.OldShare = share(r.New, newAll), share(r.Old, oldAll)
			var err error
			r.Test, err = CompareRates(r.New, r.Old, o.Level)
			r.Verdict = rule.Judge(r.Test)
			switch {
			case note != "":
				r.Verdict = NotEnoughData
			case err != nil: // the level is checked: a window without usage
				r.Verdict = NotEnoughData
				r.Note = "no usage hours in a window"
			}
			c.Rows = append(c.Rows, r)
		}
	}
	if o.Measure == MeasureCombined {
		if n := contentNote(src, s); n != "" {
			c.Notes = append(c.Notes, n)
		}
	}
	if o.TrimTop > 0 {
		dropped := 0
		for _, r := range c.Rows {
			if r.Platform == "all" {
				dropped += r.TrimmedPoints
			}
		}
		what := fmt.Sprintf("%d points left out of the pooled rows; the rates are lower for it", dropped)
		if dropped == 0 {
			what = "no point left out: each row has too few points for its top share to make one"
		}
		c.Notes = append(c.Notes, fmt.Sprintf("Mission Control's outlier trimming of the highest %g%% of per-point rates (window × build): %s.", 100*o.TrimTop, what))
	}
	c.addNotes()
	return c, nil
}

// columnReporter is a Source that can say which columns its data has (Table does).
type columnReporter interface {
	Has(column string) bool
}

// contentNote warns when the combined measure (main + content − content_shutdown
// crashes) silently reduces to main crashes: the source lacks the content columns,
// or they are 0 in every row compared.
func contentNote(src Source, s *Sums) string {
	var missing []string
	if cr, ok := src.(columnReporter); ok {
		for _, c := range []string{"content_crashes", "content_shutdown_crashes"} {
			if !cr.Has(c) {
				missing = append(missing, c)
			}
		}
	}
	if len(missing) > 0 {
		return fmt.Sprintf("The combined measure is main + content − content_shutdown crashes, but the data has no %s column: it is main crashes only here. Set Measure to \"main_crashes\" to say so, or load the content columns.",
			strings.Join(missing, " or "))
	}
	for _, v := range s.Measures["content_crashes"] {
		if v != 0 {
			return ""
		}
	}
	return "content_crashes is 0 in every window compared: if the data lacks it, the combined measure (main + content − content_shutdown crashes) is main crashes only."
}

func share(part, whole Rate) float64 {
	if whole.KHours <= 0 {
		return math.NaN()
	}
	return part.KHours / whole.KHours
}

// addNotes flags pooled verdicts that a platform contradicts, and platform mixes
// that moved between releases: both mean the pooled row alone would mislead.
func (c *Comparison) addNotes() {
	var pooled *ComparisonRow
	for i := range c.Rows {
		r := &c.Rows[i]
		if r.Platform == "all" {
			pooled = r
			continue
		}
		if pooled == nil || pooled.Older != r.Older {
			continue
		}
		if (r.Verdict == Better || r.Verdict == Worse) && r.Verdict != pooled.Verdict {
			c.Notes = append(c.Notes, fmt.Sprintf("%d vs %d: %s is %s while all platforms pooled say %s — read the per-platform rows.",
				r.Newest, r.Older, r.Platform, r.Verdict, pooled.Verdict))
		}
		if math.Abs(r.NewShare-r.OldShare) > 0.05 {
			c.Notes = append(c.Notes, fmt.Sprintf("%d vs %d: %s's share of usage moved from %.0f%% to %.0f%%: the pooled rate mixes platforms differently.",
				r.Newest, r.Older, r.Platform, 100*r.OldShare, 100*r.NewShare))
		}
	}
}

// releaseData indexes a major × platform × window Sums for the comparison.
type releaseData struct {
	grain  time.Duration
	times  []time.Time // distinct windows, sorted
	end    time.Time   // end of the last window
	total  []float64   // usage hours per window, all majors
	usage  map[int][]float64
	cells  map[int]map[string][]cell // major → platform → per window
	majors []int
	// With trimming: the points (window × build) of each major and platform, and
	// the share of the highest rates to drop.
	points  map[int]map[string][]point
	trimTop float64
}

type cell struct {
	usage  float64
	events int64
}

// point is one window of one build: the unit Mission Control trims.
type point struct {
	window int
	cell
}

// rate orders points as Mission Control sorts them, by (rate, events, usage), a
// point with neither events nor usage counting as rate 0 and one with events and no
// usage as +Inf.
func (p point) rate() float64 {
	if p.usage == 0 {
		if p.events == 0 {
			return 0
		}
		return math.Inf(1)
	}
	return float64(p.events) / p.usage
}

func newReleaseData(s *Sums, ev []int64, grain time.Duration, trimTop float64) *releaseData {
	d := &releaseData{grain: grain, usage: map[int][]float64{}, cells: map[int]map[string][]cell{}, trimTop: trimTop}
	if trimTop > 0 {
		d.points = map[int]map[string][]point{}
	}
	index := map[time.Time]int{}
	for _, t := range s.Windows {
		if _, ok := index[t]; !ok {
			index[t] = len(d.times)
			d.times = append(d.times, t) // Sums are sorted by window first
		}
	}
	d.end = d.times[len(d.times)-1].Add(grain)
	d.total = make([]float64, len(d.times))
	for g := 0; g < s.Len(); g++ {
		m, err := strconv.Atoi(s.Keys[0][g])
		if err != nil {
			continue // a version that does not parse has no major to compare
		}
		i, p := index[s.Windows[g]], s.Keys[1][g]
		if d.usage[m] == nil {
			d.usage[m] = make([]float64, len(d.times))
			d.cells[m] = map[string][]cell{}
			d.majors = append(d.majors, m)
		}
		if d.cells[m][p] == nil {
			d.cells[m][p] = make([]cell, len(d.times))
		}
		if d.points != nil {
			if d.points[m] == nil {
				d.points[m] = map[string][]point{}
			}
			d.points[m][p] = append(d.points[m][p], point{i, cell{s.UsageHours[g], ev[g]}})
		}
		d.usage[m][i] += s.UsageHours[g]
		d.total[i] += s.UsageHours[g]
		d.cells[m][p][i].usage += s.UsageHours[g]
		d.cells[m][p][i].events += ev[g]
	}
	sort.Ints(d.majors)
	return d
}

func (d *releaseData) majorList() []int { return d.majors }

func (d *releaseData) platformList() []string {
	set := map[string]bool{}
	for _, ps := range d.cells {
		for p := range ps {
			set[p] = true
		}
	}
	return sortedKeys(set)
}

// firstAtShare returns the first window in which major m has at least share of the
// usage hours, or -1.
func (d *releaseData) firstAtShare(m int, share float64) int {
	for i, u := range d.usage[m] {
		if d.total[i] > 0 && u/d.total[i] >= share {
			return i
		}
	}
	return -1
}

// trailingShare is major m's share of usage hours in the windows starting in
// [t − span, t).
func (d *releaseData) trailingShare(m int, t time.Time, span time.Duration) float64 {
	var um, ut float64
	for i, w := range d.times {
		if !w.Before(t) || w.Add(span).Before(t) {
			continue // outside [t − span, t)
		}
		um += d.usage[m][i]
		ut += d.total[i]
	}
	if ut == 0 {
		return 0
	}
	return um / ut
}

// reachesShare returns the end of the first window at or after from at which major
// m's trailing share reaches share.
func (d *releaseData) reachesShare(m int, from time.Time, share float64, span time.Duration) (time.Time, bool) {
	for _, w := range d.times {
		end := w.Add(d.grain)
		if w.Before(from) {
			continue
		}
		if d.trailingShare(m, end, span) >= share {
			return end, true
		}
	}
	return time.Time{}, false
}

// ownFieldTime is how long major m, released at released, was the newest major in
// the data, as Mission Control's skip rule measures it: until the next major in the
// data was released (given, or detected at minShare), else until the last window
// start.
func (d *releaseData) ownFieldTime(m int, released time.Time, given map[int]time.Time, minShare float64) time.Duration {
	for _, n := range d.majors { // ascending
		if n <= m {
			continue
		}
		if t, ok := given[n]; ok {
			return t.Sub(released)
		}
		if i := d.firstAtShare(n, minShare); i >= 0 {
			return d.times[i].Sub(released)
		}
		break
	}
	return d.end.Add(-d.grain).Sub(released)
}

// rate pools major w.Major's events and usage on platform p ("" for all) over
// w's windows, leaving out the highest trimTop share of per-point rates when
// trimming; dropped is the number of points left out.
func (d *releaseData) rate(w ReleaseWindow, p string) (r Rate, dropped int) {
	in := func(i int) bool { return !d.times[i].Before(w.From) && d.times[i].Before(w.To) }
	var ev int64
	var u float64
	if d.points == nil {
		for plat, cells := range d.cells[w.Major] {
			if p != "" && plat != p {
				continue
			}
			for i := range d.times {
				if in(i) {
					ev += cells[i].events
					u += cells[i].usage
				}
			}
		}
		return Rate{Events: ev, KHours: u / 1000}, 0
	}
	var pts []point
	for _, plat := range slices.Sorted(maps.Keys(d.points[w.Major])) {
		if p != "" && plat != p {
			continue
		}
		for _, pt := range d.points[w.Major][plat] {
			if in(pt.window) {
				pts = append(pts, pt)
			}
		}
	}
	sort.SliceStable(pts, func(a, b int) bool {
		ra, rb := pts[a].rate(), pts[b].rate()
		if ra != rb {
			return ra < rb
		}
		if pts[a].events != pts[b].events {
			return pts[a].events < pts[b].events
		}
		return pts[a].usage < pts[b].usage
	})
	keep := int(math.Ceil(float64(len(pts)) * (1 - d.trimTop)))
	for _, pt := range pts[:keep] {
		ev += pt.events
		u += pt.usage
	}
	return Rate{Events: ev, KHours: u / 1000}, len(pts) - keep
}

// Bars returns the rates of the first comparison as release bars, one per major and
// platform, for PlotReleases.
func (c *Comparison) Bars() []ReleaseBar {
	var bars []ReleaseBar
	var older []ComparisonRow
	for _, r := range c.Rows {
		if r.Platform != "all" && (len(older) == 0 || r.Older == older[0].Older) {
			older = append(older, r)
		}
	}
	for _, r := range older {
		bars = append(bars, ReleaseBar{Release: strconv.Itoa(r.Older), Platform: r.Platform, Rate: r.Old})
	}
	for _, r := range older {
		bars = append(bars, ReleaseBar{Release: strconv.Itoa(r.Newest), Platform: r.Platform, Rate: r.New})
	}
	return bars
}

// Plot draws the per-platform rates of the releases compared with their intervals.
func (c *Comparison) Plot() (*plot.Plot, error) { return c.barChart().Plot() }

// Chart is Plot's figure as an interactive chart (see ReleaseBars.Chart).
func (c *Comparison) Chart() (*Chart, error) { return c.barChart().Chart() }

func (c *Comparison) barChart() ReleaseBars {
	return ReleaseBars{Title: fmt.Sprintf("%s per 1000 usage hours, %s", c.Measure, c.Mode), Measure: c.Measure, Bars: c.Bars(), Level: c.Level}
}

// DataFrame returns one row per comparison row: platform, majors, events, usage
// khours and rates of both, platform shares, ratio with interval, % change with
// interval, p-value, verdict and note.
func (c *Comparison) DataFrame() dataframe.DataFrame {
	n := len(c.Rows)
	str := func(f func(ComparisonRow) string) []string {
		v := make([]string, n)
		for i, r := range c.Rows {
			v[i] = f(r)
		}
		return v
	}
	num := func(f func(ComparisonRow) float64) []float64 {
		v := make([]float64, n)
		for i, r := range c.Rows {
			v[i] = f(r)
		}
		return v
	}
	ints := func(f func(ComparisonRow) int64) []int {
		v := make([]int, n)
		for i, r := range c.Rows {
			v[i] = int(f(r))
		}
		return v
	}
	pct := func(k int) func(ComparisonRow) float64 {
		return func(r ComparisonRow) float64 {
			p, lo, hi := r.Test.PercentChange()
			return [3]float64{p, lo, hi}[k]
		}
	}
	return dataframe.New(
		series.New(str(func(r ComparisonRow) string { return r.Platform }), series.String, "platform"),
		series.New(ints(func(r ComparisonRow) int64 { return int64(r.Newest) }), series.Int, "newest"),
		series.New(ints(func(r ComparisonRow) int64 { return int64(r.Older) }), series.Int, "older"),
		series.New(ints(func(r ComparisonRow) int64 { return r.New.Events }), series.Int, "new_events"),
		series.New(num(func(r ComparisonRow) float64 { return r.New.KHours }), series.Float, "new_khours"),
		series.New(num(func(r ComparisonRow) float64 { return r.New.Value() }), series.Float, "new_rate"),
		series.New(ints(func(r ComparisonRow) int64 { return r.Old.Events }), series.Int, "old_events"),
		series.New(num(func(r ComparisonRow) float64 { return r.Old.KHours }), series.Float, "old_khours"),
		series.New(num(func(r ComparisonRow) float64 { return r.Old.Value() }), series.Float, "old_rate"),
		series.New(num(func(r ComparisonRow) float64 { return r.NewShare }), series.Float, "new_share"),
		series.New(num(func(r ComparisonRow) float64 { return r.OldShare }), series.Float, "old_share"),
		series.New(num(func(r ComparisonRow) float64 { return r.Test.Ratio }), series.Float, "ratio"),
		series.New(num(func(r ComparisonRow) float64 { return r.Test.Lo }), series.Float, "ratio_lo"),
		series.New(num(func(r ComparisonRow) float64 { return r.Test.Hi }), series.Float, "ratio_hi"),
		series.New(num(pct(0)), series.Float, "pct_change"),
		series.New(num(pct(1)), series.Float, "pct_lo"),
		series.New(num(pct(2)), series.Float, "pct_hi"),
		series.New(num(func(r ComparisonRow) float64 { return r.Test.P }), series.Float, "p"),
		series.New(str(func(r ComparisonRow) string { return r.Verdict.String() }), series.String, "verdict"),
		series.New(str(func(r ComparisonRow) string { return r.Note }), series.String, "note"),
	)
}

func (c *Comparison) grids() (*grid, *grid) {
	const day = 24 * time.Hour
	win := &grid{caption: fmt.Sprintf("Release windows (%s, %s)", c.Mode, channelLabel(c.Channel)),
		header: []string{"major", "released", "measured from", "to", "days in field", "usage share at end"}}
	for _, w := range c.Windows {
		rel := w.Released.Format("2006-01-02 15:04")
		switch {
		case w.Given:
			rel += " (given)"
		case w.Censored:
			rel += " (in use before the data starts)"
		default:
			rel += " (detected)"
		}
		win.add(w.Censored, strconv.Itoa(w.Major), rel, w.From.Format("2006-01-02 15:04"), w.To.Format("2006-01-02 15:04"),
			strconv.FormatFloat(float64(w.InField)/float64(day), 'f', 1, 64), fmt.Sprintf("%.1f%%", 100*w.Share))
	}
	level := fmt.Sprintf("%g%%", 100*c.Level)
	rows := &grid{caption: fmt.Sprintf("%s per 1000 usage hours: newest against older (ratio and change with exact %s intervals)", c.Measure, level),
		header: []string{"platform", "release", "rate (events / khours)", "older", "rate (events / khours)", "ratio [" + level + "]", "change [" + level + "]", "p", "verdict"}}
	for _, r := range c.Rows {
		pc, plo, phi := r.Test.PercentChange()
		verdict := r.Verdict.String()
		if r.Note != "" {
			verdict += " — " + r.Note
		}
		rows.add(r.Verdict == NotEnoughData, r.Platform, strconv.Itoa(r.Newest), rateCell(r.New), strconv.Itoa(r.Older), rateCell(r.Old),
			fmt.Sprintf("%s [%s, %s]", fmtNum(r.Test.Ratio), fmtNum(r.Test.Lo), fmtNum(r.Test.Hi)),
			fmt.Sprintf("%+.1f%% [%+.1f%%, %+.1f%%]", pc, plo, phi), fmtNum(r.Test.P), verdict)
	}
	for _, n := range c.Notes {
		if rows.note != "" {
			rows.note += " "
		}
		rows.note += n
	}
	return win, rows
}

func channelLabel(ch string) string {
	if ch == "" {
		return "all channels"
	}
	return ch + " channel"
}

func rateCell(r Rate) string {
	return fmt.Sprintf("%s (%d / %s)", fmtNum(r.Value()), r.Events, fmtNum(r.KHours))
}

// HTML renders the release windows and the comparison rows; rows without a verdict
// are muted.
func (c *Comparison) HTML() string {
	w, r := c.grids()
	return w.HTML() + r.HTML()
}

// Markdown renders the release windows and the comparison rows.
func (c *Comparison) Markdown() string {
	w, r := c.grids()
	return w.Markdown() + "\n" + r.Markdown()
}

// String renders the comparison as plain text.
func (c *Comparison) String() string {
	w, r := c.grids()
	return w.String() + "\n" + r.String()
}
