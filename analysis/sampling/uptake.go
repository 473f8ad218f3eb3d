package sampling

import (
	"fmt"
	"image/color"
	"math"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"gonum.org/v1/gonum/stat/distuv"
	"gonum.org/v1/plot"

	"github.com/ratelab/ratelab/analysis"
	"github.com/ratelab/ratelab/analysis/internal/chart"
)

// UptakeSpec describes a simulated client population living through two releases of
// equally good builds. A zero field takes the default in brackets.
//
// Model (a teaching model, not a fit to any data): client c uses the product u_c hours
// a day, spread evenly over the day, u_c ~ Gamma(shape 2, mean HoursPerDay); it crashes
// at rate λ_c per usage hour whatever the build, λ_c ~ Gamma(Shape, mean MeanRate per
// 1000 h), so a few clients carry most crashes. Sessions end at a crash or at a normal
// restart (rate 1/RestartHours per usage hour); at every restart the client updates to
// the newest release. Crashier clients restart more, so they update sooner. A crash is
// reported at once; a session's usage hours are reported at its end or every PingHours
// of wall time (the main ping), so the newest release's hours arrive late.
//
// The exact Poisson tests of Compare treat crashes as independent; with a very unequal
// population (Shape well below 1) a few clients carry most crashes, the counts are
// overdispersed and the tests are overconfident even between equal builds.
type UptakeSpec struct {
	Clients      int     // number of clients [50000]
	MeanRate     float64 // mean crash rate over clients, per 1000 usage hours [10]
	Shape        float64 // gamma shape of crash proneness across clients; smaller is more unequal [1]
	HoursPerDay  float64 // mean usage hours per client-day [4]
	RestartHours float64 // mean usage hours between normal restarts [24]
	PingHours    float64 // wall hours after which a running session reports its usage [24]
	GapDays      int     // days from the previous release to the new one, and from the new one to the end [14]
	BinHours     int     // width of the time bins, hours; must divide 24 [6]
}

func (s UptakeSpec) withDefaults() UptakeSpec {
	def := func(v *float64, d float64) {
		if *v == 0 {
			*v = d
		}
	}
	if s.Clients == 0 {
		s.Clients = 50000
	}
	def(&s.MeanRate, 10)
	def(&s.Shape, 1)
	def(&s.HoursPerDay, 4)
	def(&s.RestartHours, 24)
	def(&s.PingHours, 24)
	if s.GapDays == 0 {
		s.GapDays = 14
	}
	if s.BinHours == 0 {
		s.BinHours = 6
	}
	return s
}

// Release indices in an Uptake, for Rate: PreviousRelease comes out at hour 0 (every
// client starts on the release before it), NewRelease at GapDays·24.
const (
	PreviousRelease = 1
	NewRelease      = 2
)

// Uptake is a simulated release history of two equal builds. Times are wall hours
// from the previous release.
type Uptake struct {
	Spec UptakeSpec
	// PopulationRate is the crash rate of the whole population, Σλ_c u_c / Σu_c per
	// 1000 usage hours: the rate of every build once everyone runs it.
	PopulationRate float64
	bins           int
	// events[v][b]: crashes of release v in time bin b. hours[v][b][r]: usage hours
	// of release v used in bin b and reported in bin r (r = bins: not by the end).
	events [3][]int64
	hours  [3][][]float64
}

// SimulateUptake runs the model of UptakeSpec, seeded with seed.
func SimulateUptake(spec UptakeSpec, seed uint64) (*Uptake, error) {
	s := spec.withDefaults()
	if s.Clients < 1 || s.MeanRate <= 0 || s.Shape <= 0 || s.HoursPerDay <= 0 || s.RestartHours <= 0 || s.PingHours <= 0 || s.GapDays < 2 || s.BinHours < 1 || 24%s.BinHours != 0 {
		return nil, fmt.Errorf("sampling: uptake: invalid spec %+v (every field positive, GapDays ≥ 2, BinHours dividing 24)", s)
	}
	u := &Uptake{Spec: s, bins: 2 * s.GapDays * 24 / s.BinHours}
	for v := range u.events {
		u.events[v] = make([]int64, u.bins)
		u.hours[v] = make([][]float64, u.bins)
		for b := range u.hours[v] {
			u.hours[v][b] = make([]float64, u.bins+1)
		}
	}
	rnd := newRand(seed)
	prone := distuv.Gamma{Alpha: s.Shape, Beta: s.Shape / s.MeanRate, Src: rnd}
	use := distuv.Gamma{Alpha: 2, Beta: 2 / s.HoursPerDay, Src: rnd}
	release := float64(s.GapDays * 24)
	end := 2 * release
	var crashSum, useSum float64
	for range s.Clients {
		lam := prone.Rand() / 1000 // crashes per usage hour
		speed := use.Rand() / 24   // usage hours per wall hour
		crashSum += lam * speed
		useSum += speed
		hazard := lam + 1/s.RestartHours
		ver := 0
		for t := 0.0; t < end; {
			next := t + rnd.ExpFloat64()/hazard/speed
			u.addSession(ver, t, math.Min(next, end), next < end, speed)
			if next >= end {
				break
			}
			if rnd.Float64()*hazard < lam {
				u.events[ver][u.bin(next)]++
			}
			ver = PreviousRelease
			if next >= release {
				ver = NewRelease
			}
			t = next
		}
	}
	u.PopulationRate = 1000 * crashSum / useSum
	return u, nil
}

// bin returns the time bin of wall hour t.
func (u *Uptake) bin(t float64) int { return min(int(t)/u.Spec.BinHours, u.bins-1) }

// addSession books the usage of one session of release v over wall hours [a, b):
// split into PingHours pieces, each reported at its end, and spread over the bins
// it covers. A session cut by the end of the simulation (ended false) has its last
// piece not yet reported.
func (u *Uptake) addSession(v int, a, b float64, ended bool, speed float64) {
	w := float64(u.Spec.BinHours)
	for c := a; c < b; c += u.Spec.PingHours {
		ce := math.Min(c+u.Spec.PingHours, b)
		rep := u.bins
		if ce < b || ended {
			rep = u.bin(ce)
		}
		for x := c; x < ce; {
			bi := u.bin(x)
			xe := math.Min(float64(bi+1)*w, ce)
			u.hours[v][bi][rep] += (xe - x) * speed
			x = xe
		}
	}
}

// Rate returns release v's crash rate over wall hours [from, to) (multiples of
// BinHours), counting only the usage hours reported by wall hour asOf (at bin
// resolution: a report counts once its bin has ended); asOf = +Inf counts all hours,
// as a complete data set would.
func (u *Uptake) Rate(v int, from, to, asOf float64) analysis.Rate {
	w := float64(u.Spec.BinHours)
	var r analysis.Rate
	for b := max(0, int(from/w)); b < min(u.bins, int(to/w)); b++ {
		r.Events += u.events[v][b]
		for rep, h := range u.hours[v][b] {
			if rep < u.bins && float64(rep+1)*w <= asOf || math.IsInf(asOf, 1) {
				r.KHours += h / 1000
			}
		}
	}
	return r
}

// released returns the wall hour at which release v came out.
func (u *Uptake) released(v int) float64 {
	if v == NewRelease {
		return float64(u.Spec.GapDays * 24)
	}
	return 0
}

// UptakeComparison is one way to compare the new release with the previous one.
type UptakeComparison struct {
	Name     string
	New, Old analysis.Rate
	Test     analysis.RatioTest
	Verdict  analysis.Verdict
}

// Compare returns the comparisons a release manager could make ageDays days after the
// new release, each an exact rate-ratio test (analysis.CompareRates at 95%) judged by
// analysis.DefaultVerdictRule:
//
//   - naive: both releases over the same calendar days since the new release, hours
//     as reported so far — the new release's early, crash-prone users against the
//     previous release's remaining laggards;
//   - aligned: each release over its own first ageDays days (Mission Control's
//     adjusted comparison), hours as reported so far;
//   - aligned, skipping each release's first 24 hours;
//   - the same with every usage hour, as if no ping were late.
func (u *Uptake) Compare(ageDays float64) ([]UptakeComparison, error) {
	a := ageDays * 24
	if a < 48 || a > float64(u.Spec.GapDays*24) || math.Mod(a, float64(u.Spec.BinHours)) != 0 {
		return nil, fmt.Errorf("sampling: uptake: compare at %g days: need at least 2 days, at most %d, on a %d-hour bin", ageDays, u.Spec.GapDays, u.Spec.BinHours)
	}
	r2, r1 := u.released(NewRelease), u.released(PreviousRelease)
	now := r2 + a
	inf := math.Inf(1)
	cases := []struct {
		name              string
		newRate, prevRate analysis.Rate
	}{
		{"naive: same calendar days", u.Rate(NewRelease, r2, now, now), u.Rate(PreviousRelease, r2, now, now)},
		{"aligned at release", u.Rate(NewRelease, r2, now, now), u.Rate(PreviousRelease, r1, r1+a, now)},
		{"aligned, first 24 h skipped", u.Rate(NewRelease, r2+24, now, now), u.Rate(PreviousRelease, r1+24, r1+a, now)},
		{"aligned, first 24 h skipped, all hours reported", u.Rate(NewRelease, r2+24, now, inf), u.Rate(PreviousRelease, r1+24, r1+a, inf)},
	}
	out := make([]UptakeComparison, len(cases))
	for i, c := range cases {
		t, err := analysis.CompareRates(c.newRate, c.prevRate, 0.95)
		if err != nil {
			return nil, fmt.Errorf("sampling: uptake: compare %q: %w", c.name, err)
		}
		out[i] = UptakeComparison{Name: c.name, New: c.newRate, Old: c.prevRate, Test: t, Verdict: analysis.DefaultVerdictRule.Judge(t)}
	}
	return out, nil
}

// CompareTable returns Compare's comparisons as a table: rates with their counts and
// exposures, the ratio with its exact 95% interval, p-value and verdict.
func (u *Uptake) CompareTable(ageDays float64) (dataframe.DataFrame, error) {
	cs, err := u.Compare(ageDays)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	cols := map[string][]float64{}
	var names, verdicts []string
	var newEv, oldEv []int
	order := []string{"new_rate", "new_khours", "previous_rate", "previous_khours", "ratio", "ratio_lo", "ratio_hi", "p"}
	for _, c := range cs {
		names = append(names, c.Name)
		verdicts = append(verdicts, c.Verdict.String())
		newEv = append(newEv, int(c.New.Events))
		oldEv = append(oldEv, int(c.Old.Events))
		for k, x := range []float64{c.New.Value(), c.New.KHours, c.Old.Value(), c.Old.KHours, c.Test.Ratio, c.Test.Lo, c.Test.Hi, c.Test.P} {
			cols[order[k]] = append(cols[order[k]], x)
		}
	}
	ss := []series.Series{series.New(names, series.String, "comparison")}
	for k, name := range order {
		ss = append(ss, series.New(cols[name], series.Float, name))
		if k == 0 {
			ss = append(ss, series.New(newEv, series.Int, "new_events"))
		}
		if k == 2 {
			ss = append(ss, series.New(oldEv, series.Int, "previous_events"))
		}
	}
	ss = append(ss, series.New(verdicts, series.String, "verdict"))
	return dataframe.New(ss...), nil
}

// curves returns, by bin of age since each release up to asOfDays (x, days at bin
// middle): the new release's rate on every hour and on the hours reported by
// asOfDays, the previous release at the same age, and the previous release over the
// same calendar bins, all per 1000 usage hours; and the new release's share of all
// usage in each bin.
func (u *Uptake) curves(asOfDays float64) (x, newAll, newSeen, prevAligned, prevCalendar, share []float64) {
	w := float64(u.Spec.BinHours)
	inf := math.Inf(1)
	r2 := u.released(NewRelease)
	asOf := r2 + u.clampDays(asOfDays)*24
	for b := 0; float64(b+1)*w <= asOf-r2; b++ {
		lo, hi := float64(b)*w, float64(b+1)*w
		x = append(x, (lo+hi)/2/24)
		all := u.Rate(NewRelease, r2+lo, r2+hi, inf)
		newAll = append(newAll, all.Value())
		newSeen = append(newSeen, u.Rate(NewRelease, r2+lo, r2+hi, asOf).Value())
		prevAligned = append(prevAligned, u.Rate(PreviousRelease, lo, hi, inf).Value())
		prevCalendar = append(prevCalendar, u.Rate(PreviousRelease, r2+lo, r2+hi, inf).Value())
		tot := all.KHours
		for _, v := range []int{0, PreviousRelease} {
			tot += u.Rate(v, r2+lo, r2+hi, inf).KHours
		}
		share = append(share, all.KHours/tot)
	}
	return
}

// clampDays returns days limited to (0, GapDays]; 0 or less means GapDays.
func (u *Uptake) clampDays(days float64) float64 {
	if days <= 0 || days > float64(u.Spec.GapDays) {
		return float64(u.Spec.GapDays)
	}
	return days
}

// Table returns the rate curves of Plot(asOfDays) and the new release's share of
// usage, one row per time bin.
func (u *Uptake) Table(asOfDays float64) dataframe.DataFrame {
	x, all, seen, al, cal, share := u.curves(asOfDays)
	return dataframe.New(
		series.New(x, series.Float, "days_since_release"),
		series.New(share, series.Float, "new_usage_share"),
		series.New(all, series.Float, "new_rate_all_hours"),
		series.New(seen, series.Float, "new_rate_as_seen"),
		series.New(al, series.Float, "previous_rate_same_age"),
		series.New(cal, series.Float, "previous_rate_same_days"),
	)
}

// Plot draws the rate curves of two equal builds by days since the new release, as a
// dashboard would show them asOfDays days after it (0 means at the end): the new
// release's latest days look far worse on the hours reported so far (late usage
// pings); with every hour counted its first days are still worse (crash-prone early
// adopters), exactly like the previous release at the same age; against the previous
// release's laggards in the same days it looks worse than it is.
func (u *Uptake) Plot(asOfDays float64) (*plot.Plot, error) {
	return chart.Static(u.draw(asOfDays))
}

// Chart is Plot's figure as an interactive chart: hovering a point shows its
// series, its values and, for an estimate, its interval.
func (u *Uptake) Chart(asOfDays float64) (*analysis.Chart, error) {
	return chart.Interactive(u.draw(asOfDays))
}

func (u *Uptake) draw(asOfDays float64) (*chart.Plot, error) {
	x, all, seen, al, cal, _ := u.curves(asOfDays)
	p := newPlot(fmt.Sprintf("Two equal builds: the new release as seen on day %g", u.clampDays(asOfDays)),
		"days since release", "crashes per 1000 usage hours")
	p.Legend.Left = false
	for i, s := range []struct {
		name   string
		ys     []float64
		dashed bool
	}{
		{"new release, hours reported so far", seen, false},
		{"new release, all hours", all, false},
		{"previous release at the same age", al, true},
		{"previous release, same calendar days", cal, true},
	} {
		if err := addLine(p, x, s.ys, s.name, i, s.dashed); err != nil {
			return nil, err
		}
	}
	addHLine(p, u.PopulationRate, "every build on the whole population", color.Black, true)
	// The latest bins on reported hours can be tens of times the truth: clip them
	// rather than flatten every other curve.
	p.Y.Min, p.Y.Max = 0, 4*u.PopulationRate
	return p, nil
}
