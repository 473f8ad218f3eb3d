package analysis

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/ratelab/ratelab/analysis/internal/chart"
)

// AlertOutcome is how one strategy fared on one release.
type AlertOutcome struct {
	Strategy string
	ReleaseKey
	// Regression is true for a release known to be worse than the one before it.
	Regression bool
	// Buckets is the number of age buckets evaluated.
	Buckets int
	// FirstAlert is the first age bucket with an alert, −1 for none; Alerts counts
	// the buckets with an alert.
	FirstAlert, Alerts int
}

// AlertEvaluation is the outcome of EvaluateAlerts.
type AlertEvaluation struct {
	BucketHours float64
	Horizon     int
	Strategies  []string
	// Outcomes holds one entry per strategy and release (the first release of each
	// platform has nothing before it and is not evaluated), strategy-major.
	Outcomes []AlertOutcome
}

// EvaluateAlerts runs each strategy over every release of h, as if watching each
// release's first horizon age buckets arrive one at a time, and records when each
// strategy would first have alerted. The first release of each platform serves only
// as history.
//
// A strategy written in a notebook cell works too, passed through a variable of type
// AlertStrategy or a []AlertStrategy{...}... slice: yaegi v0.16.1 does not convert a
// cell's struct value to a compiled interface when it is passed directly as a
// variadic argument.
func EvaluateAlerts(h AlertHistory, horizon int, strategies ...AlertStrategy) (*AlertEvaluation, error) {
	if !(h.BucketHours > 0) || horizon < 1 || len(strategies) == 0 {
		return nil, fmt.Errorf("analysis: evaluate alerts: need a positive bucket width (got %g), horizon (got %d) and at least one strategy", h.BucketHours, horizon)
	}
	for _, st := range strategies {
		if c, ok := st.(alertChecker); ok {
			if err := c.Check(); err != nil {
				return nil, fmt.Errorf("analysis: evaluate alerts: strategy %q: %w", st.Name(), err)
			}
		}
	}
	all, err := h.Series()
	if err != nil {
		return nil, err
	}
	bad := map[ReleaseKey]bool{}
	for _, k := range h.Regressions {
		bad[k] = true
	}
	ev := &AlertEvaluation{BucketHours: h.BucketHours, Horizon: horizon}
	for _, st := range strategies {
		ev.Strategies = append(ev.Strategies, st.Name())
		first := 0 // index in all of the platform's first release
		for i, s := range all {
			if i == 0 || all[i-1].Platform != s.Platform {
				first = i
				continue
			}
			earlier := all[first:i]
			o := AlertOutcome{Strategy: st.Name(), ReleaseKey: s.ReleaseKey, Regression: bad[s.ReleaseKey],
				Buckets: min(horizon, len(s.Rates)), FirstAlert: -1}
			for a := 0; a < o.Buckets; a++ {
				if st.Alert(s, a, earlier) {
					o.Alerts++
					if o.FirstAlert < 0 {
						o.FirstAlert = a
					}
				}
			}
			ev.Outcomes = append(ev.Outcomes, o)
		}
	}
	return ev, nil
}

// HoursToAlert returns the release age, in hours, at the end of the first alerting
// bucket (when its data are in), or NaN when the strategy never alerted.
func (ev *AlertEvaluation) HoursToAlert(o AlertOutcome) float64 {
	if o.FirstAlert < 0 {
		return math.NaN()
	}
	return float64(o.FirstAlert+1) * ev.BucketHours
}

// AlertSummary is one strategy's record over a history.
type AlertSummary struct {
	Strategy string
	// Good releases evaluated, and how many of them alerted (false alarms).
	Good, FalseAlarms int
	// Regressions evaluated and detected, and the mean hours to detect the detected.
	Regressions, Detected int
	MeanHoursToDetect     float64
	// AlertBuckets counts every alerting age bucket: the noise an on-call person sees.
	AlertBuckets int
}

// Summaries returns one AlertSummary per strategy, in the order given.
func (ev *AlertEvaluation) Summaries() []AlertSummary {
	out := make([]AlertSummary, len(ev.Strategies))
	hours := make([]float64, len(ev.Strategies))
	for i, name := range ev.Strategies {
		out[i].Strategy = name
	}
	for k, o := range ev.Outcomes {
		i := k / (len(ev.Outcomes) / len(ev.Strategies))
		s := &out[i]
		s.AlertBuckets += o.Alerts
		switch {
		case o.Regression:
			s.Regressions++
			if o.FirstAlert >= 0 {
				s.Detected++
				hours[i] += ev.HoursToAlert(o)
			}
		default:
			s.Good++
			if o.FirstAlert >= 0 {
				s.FalseAlarms++
			}
		}
	}
	for i := range out {
		out[i].MeanHoursToDetect = hours[i] / float64(out[i].Detected) // NaN when none
	}
	return out
}

// Table returns the summaries as a DataFrame: one row per strategy, with the releases
// it alerted on, its false alarms among the good releases, the regressions it
// detected and how many hours after release on average, and its alerting buckets.
func (ev *AlertEvaluation) Table() dataframe.DataFrame {
	ss := ev.Summaries()
	var name []string
	var alerted, good, fa, reg, det, buckets []int
	var rate, hours []float64
	for _, s := range ss {
		name = append(name, s.Strategy)
		alerted = append(alerted, s.FalseAlarms+s.Detected)
		good = append(good, s.Good)
		fa = append(fa, s.FalseAlarms)
		rate = append(rate, float64(s.FalseAlarms)/float64(s.Good))
		reg = append(reg, s.Regressions)
		det = append(det, s.Detected)
		hours = append(hours, s.MeanHoursToDetect)
		buckets = append(buckets, s.AlertBuckets)
	}
	return dataframe.New(
		series.New(name, series.String, "strategy"),
		series.New(alerted, series.Int, "releases_alerted"),
		series.New(good, series.Int, "good_releases"),
		series.New(fa, series.Int, "false_alarms"),
		series.New(rate, series.Float, "false_alarm_rate"),
		series.New(reg, series.Int, "regressions"),
		series.New(det, series.Int, "detected"),
		series.New(hours, series.Float, "mean_hours_to_detect"),
		series.New(buckets, series.Int, "alerting_buckets"),
	)
}

// OutcomeTable returns every strategy's outcome on every release as a DataFrame.
func (ev *AlertEvaluation) OutcomeTable() dataframe.DataFrame {
	var st, rel, plat []string
	var reg []bool
	var first []float64
	var alerts []int
	for _, o := range ev.Outcomes {
		st = append(st, o.Strategy)
		rel = append(rel, o.Release)
		plat = append(plat, o.Platform)
		reg = append(reg, o.Regression)
		first = append(first, ev.HoursToAlert(o))
		alerts = append(alerts, o.Alerts)
	}
	return dataframe.New(
		series.New(st, series.String, "strategy"),
		series.New(rel, series.String, "release"),
		series.New(plat, series.String, "platform"),
		series.New(reg, series.Bool, "regression"),
		series.New(first, series.Float, "hours_to_first_alert"),
		series.New(alerts, series.Int, "alerting_buckets"),
	)
}

func (ev *AlertEvaluation) grid() *grid {
	g := &grid{
		caption: fmt.Sprintf("Alert strategies over each release's first %g hours", float64(ev.Horizon)*ev.BucketHours),
		header:  []string{"strategy", "false alarms (good releases)", "regressions detected", "mean hours to detect", "alerting buckets"},
		note:    "A false alarm is any alert on a release not known to be a regression; hours count from the release to the end of the first alerting bucket.",
	}
	for _, s := range ev.Summaries() {
		h := "—"
		if s.Detected > 0 {
			h = strconv.FormatFloat(s.MeanHoursToDetect, 'f', 0, 64)
		}
		g.add(false, s.Strategy, fmt.Sprintf("%d of %d", s.FalseAlarms, s.Good),
			fmt.Sprintf("%d of %d", s.Detected, s.Regressions), h, strconv.Itoa(s.AlertBuckets))
	}
	return g
}

// HTML renders the summary table for a notebook.
func (ev *AlertEvaluation) HTML() string { return ev.grid().HTML() }

// Markdown renders the summary table as Markdown.
func (ev *AlertEvaluation) Markdown() string { return ev.grid().Markdown() }

// String renders the summary table as aligned plain text (a notebook's text/plain).
func (ev *AlertEvaluation) String() string { return ev.grid().String() }

// Plot draws the timeline of first alerts: one row per strategy, each release's first
// alert placed at its age in days — grey crosses for false alarms, red triangles for
// detected regressions, and hollow red circles at the horizon for missed ones.
func (ev *AlertEvaluation) Plot() (*plot.Plot, error) {
	return chart.Static(ev.draw())
}

// Chart is the timeline of Plot as an interactive chart: hovering a mark names the
// strategy, the release and when it alerted.
func (ev *AlertEvaluation) Chart() (*Chart, error) {
	return chart.Interactive(ev.draw())
}

func (ev *AlertEvaluation) draw() (*chart.Plot, error) {
	p := newPlot("When each strategy first alerts", "days since release", "")
	horizon := float64(ev.Horizon) * ev.BucketHours / 24
	kinds := []struct {
		label string
		style draw.GlyphStyle
		pts   plotter.XYs
	}{
		{"false alarm (good release)", draw.GlyphStyle{Color: color.RGBA{R: 120, G: 120, B: 120, A: 255}, Radius: vg.Points(3), Shape: draw.CrossGlyph{}}, nil},
		{"regression detected", draw.GlyphStyle{Color: colorWarn, Radius: vg.Points(4.5), Shape: draw.PyramidGlyph{}}, nil},
		{"regression missed (at horizon)", draw.GlyphStyle{Color: colorWarn, Radius: vg.Points(4.5), Shape: draw.RingGlyph{}}, nil},
	}
	per := len(ev.Outcomes) / len(ev.Strategies)
	var hover chart.Hover
	for k, o := range ev.Outcomes {
		i := k / per
		// Spread a strategy's releases over a band so that equal ages stay visible.
		y := float64(len(ev.Strategies)-1-i) + 0.6*(float64(k%per)/float64(max(per-1, 1))-0.5)
		kind, x := -1, horizon
		switch {
		case o.FirstAlert >= 0 && !o.Regression:
			kind, x = 0, ev.HoursToAlert(o)/24
		case o.FirstAlert >= 0:
			kind, x = 1, ev.HoursToAlert(o)/24
		case o.Regression:
			kind = 2
		}
		if kind < 0 {
			continue
		}
		kinds[kind].pts = append(kinds[kind].pts, plotter.XY{X: x, Y: y})
		when := fmt.Sprintf("first alert %.1f days after release (%d of %d buckets alerted)", x, o.Alerts, o.Buckets)
		if kind == 2 {
			when = fmt.Sprintf("no alert within %.1f days", horizon)
		}
		hover.X, hover.Y = append(hover.X, x), append(hover.Y, y)
		hover.Text = append(hover.Text, fmt.Sprintf("%s\n%s: %s\n%s", o.Strategy, o.ReleaseKey.Label(), kinds[kind].label, when))
	}
	p.Hover(hover)
	for _, kd := range kinds {
		if len(kd.pts) == 0 {
			continue
		}
		sc, err := plotter.NewScatter(kd.pts)
		if err != nil {
			return nil, err
		}
		sc.GlyphStyle = kd.style
		p.Add(sc)
		p.Label(kd.label, sc)
	}
	names := make([]string, len(ev.Strategies))
	for i, s := range ev.Strategies {
		names[len(names)-1-i] = s
	}
	p.NominalY(names...)
	p.X.Min, p.X.Max = 0, horizon*1.02
	p.Y.Min, p.Y.Max = -0.5, float64(len(names))+0.2
	p.Legend.Top = true
	return p, nil
}
