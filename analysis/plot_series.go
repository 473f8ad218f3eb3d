package analysis

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/ratelab/ratelab/analysis/internal/chart"
)

// RatePoint is one point of a rate series: the rate at X with its exact interval and
// its low-exposure flag.
type RatePoint struct {
	X    float64
	Rate Rate
	// Value, Lo and Hi are the rate and its interval, per 1000 usage hours; NaN when
	// the point has no exposure.
	Value, Lo, Hi float64
	// Low is set when the rate falls below the minimum-exposure rule.
	Low bool
}

// RateSeries returns the points of a rate series: for each x[i], rates[i] with its
// exact interval at level and its flag under rule. It fails when the slices differ
// in length, for a level outside (0, 1), or for a rate that is not one.
func RateSeries(x []float64, rates []Rate, level float64, rule ExposureRule) ([]RatePoint, error) {
	if len(x) != len(rates) {
		return nil, fmt.Errorf("analysis: RateSeries: %d x values for %d rates", len(x), len(rates))
	}
	if err := checkLevel(level); err != nil {
		return nil, fmt.Errorf("analysis: RateSeries: %w", err)
	}
	pts := make([]RatePoint, len(x))
	for i, r := range rates {
		pt := RatePoint{X: x[i], Rate: r, Low: rule.Low(r), Value: math.NaN(), Lo: math.NaN(), Hi: math.NaN()}
		if err := r.check(); err != nil {
			return nil, fmt.Errorf("analysis: RateSeries: point %d: %w", i, err)
		}
		if r.KHours > 0 {
			pt.Value = r.Value()
			pt.Lo, pt.Hi, _ = r.Interval(level) // both checked above
		}
		pts[i] = pt
	}
	return pts, nil
}

// DerivedDirect is the derived-versus-direct picture of one series over time: the
// rate per 1000 usage hours with its exact interval band beside the raw event counts,
// and the usage (thousands of hours) under them, so that a reader sees at once
// whether a change in the rate comes from the events or from the exposure. Points
// over low exposure are drawn as hollow red rings.
type DerivedDirect struct {
	// Title heads the figure.
	Title string
	// Measure names the events, for example "main crashes"; default "events".
	Measure string
	// Times are the time points. If nil, Days is used instead: days since release.
	Times []time.Time
	Days  []float64
	// Rates holds the events and exposure at each time point.
	Rates []Rate
	// Window, if set, is the length of the time window each point covers, from its
	// time point on: tooltips then show each window's start and end.
	Window time.Duration
	// Show is the view an interactive chart shows first: "rate" (the default),
	// "count" or "usage".
	Show string
	// Level is the confidence level of the band; default 0.95.
	Level float64
	// Rule is the minimum-exposure rule; nil means DefaultExposureRule.
	Rule *ExposureRule
	// Width and Height size the figure; default 8×5 inches.
	Width, Height vg.Length
}

// PlotDerivedDirect draws the derived-versus-direct figure of rates over times with
// the defaults of DerivedDirect.
func PlotDerivedDirect(title string, times []time.Time, rates []Rate) (*Figure, error) {
	return DerivedDirect{Title: title, Times: times, Rates: rates}.Figure()
}

// PlotDerivedDirectDays draws the derived-versus-direct figure of rates over days
// since release with the defaults of DerivedDirect.
func PlotDerivedDirectDays(title string, days []float64, rates []Rate) (*Figure, error) {
	return DerivedDirect{Title: title, Days: days, Rates: rates}.Figure()
}

// Series returns the computed points the figure draws, with X in Unix seconds for
// Times or in days for Days.
func (d DerivedDirect) Series() ([]RatePoint, error) {
	x := d.Days
	if d.Times != nil {
		x = make([]float64, len(d.Times))
		for i, t := range d.Times {
			x[i] = float64(t.Unix())
		}
	}
	if len(x) != len(d.Rates) {
		return nil, fmt.Errorf("analysis: DerivedDirect: %d time points for %d rates", len(x), len(d.Rates))
	}
	if len(x) == 0 {
		return nil, errors.New("analysis: DerivedDirect: no points to plot")
	}
	level, rule, _ := chartDefaults(d.Level, d.Rule, d.Measure)
	return RateSeries(x, d.Rates, level, rule)
}

// Figure draws the figure.
func (d DerivedDirect) Figure() (*Figure, error) {
	fig, _, err := d.draw()
	return fig, err
}

// Chart is the figure as an interactive chart with one view per panel — the rate
// with its band, the raw counts, the usage — and buttons to switch between them.
// Hovering a point shows its window, events, usage, rate and exact interval; points
// under the exposure rule are hollow red rings, as in the figure.
func (d DerivedDirect) Chart() (*Chart, error) {
	fig, panels, err := d.draw()
	if err != nil {
		return nil, err
	}
	var views []chart.View
	active := -1
	for i, p := range panels {
		v, err := p.View([]string{"rate", "count", "usage"}[i])
		if err != nil {
			return nil, err
		}
		views = append(views, v)
		if v.Name == d.Show || (d.Show == "" && v.Name == "rate") {
			active = len(views) - 1
		}
	}
	if active < 0 {
		return nil, fmt.Errorf("analysis: DerivedDirect: Show %q is not one of rate, count, usage", d.Show)
	}
	c := chart.New(d.Title, fig.Draw, views...)
	c.Active = active
	return c, nil
}

// draw draws the figure and returns its panels too: rate, count and usage.
func (d DerivedDirect) draw() (*Figure, []*chart.Plot, error) {
	pts, err := d.Series()
	if err != nil {
		return nil, nil, err
	}
	level, rule, measure := chartDefaults(d.Level, d.Rule, d.Measure)
	xlabel := "days since release"
	if d.Times != nil {
		xlabel = "time (UTC)"
	}
	normal, low := markers(colorRate)

	rate := newPlot("derived: rate", xlabel, measure+" per 1000 usage hours")
	if err := addBands(rate, pts); err != nil {
		return nil, nil, err
	}
	if err := addSeries(rate, pts, func(p RatePoint) float64 { return p.Value }, colorRate, normal, low); err != nil {
		return nil, nil, err
	}

	count := newPlot("direct: raw counts", xlabel, measure+" (count)")
	cnormal, _ := markers(colorCount)
	if err := addSeries(count, pts, func(p RatePoint) float64 { return float64(p.Rate.Events) }, colorCount, cnormal, low); err != nil {
		return nil, nil, err
	}

	usage := newPlot("exposure", xlabel, "usage (1000 hours)")
	xys := make(plotter.XYs, len(pts))
	for i, p := range pts {
		xys[i] = plotter.XY{X: p.X, Y: p.Rate.KHours}
	}
	line, err := plotter.NewLine(xys)
	if err != nil {
		return nil, nil, fmt.Errorf("analysis: DerivedDirect: usage: %w", err)
	}
	line.Color = colorExposure
	line.Width = vg.Points(1.5)
	line.FillColor = withAlpha(colorExposure, 50)
	usage.Add(line)

	hover := d.hover(pts, level, rule, measure)
	for i, p := range []*chart.Plot{rate, count, usage} {
		p.Y.Min = 0
		if d.Times != nil {
			p.X.Tick.Marker = chart.TimeTicks{}
		}
		h := hover
		h.Y = make([]float64, len(pts))
		for k, q := range pts {
			h.Y[k] = []float64{q.Value, float64(q.Rate.Events), q.Rate.KHours}[i]
		}
		p.Hover(h)
	}

	// A wide interval over little exposure must not squash the rest of the rate
	// panel: show the intervals of the well-exposed points in full and clip the others.
	if top := rateTop(pts); top > 0 {
		rate.Y.Max = top
	}

	l := newLegend()
	l.Left = true
	l.Add("rate per 1000 usage hours", rateLine(), glyphThumb(normal))
	band, _ := plotter.NewPolygon(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 0}, {X: 1, Y: 1}})
	band.Color, band.LineStyle.Width = colorBand, 0
	l.Add(fmt.Sprintf("%g%% exact (Garwood) interval", 100*level), band)
	l.Add("raw count ("+measure+")", glyphThumb(cnormal))
	l.Add(lowExposureLabel(rule), glyphThumb(low))
	l.Add("usage hours (thousands)", line)

	rate.ChartLegend("rate per 1000 usage hours", rateLine())
	rate.ChartLegend(fmt.Sprintf("%g%% exact (Garwood) interval", 100*level), band)
	count.ChartLegend("raw count ("+measure+")", glyphThumb(cnormal))
	usage.ChartLegend("usage hours (thousands)", line)
	for _, p := range []*chart.Plot{rate, count} {
		p.ChartLegend(lowExposureLabel(rule), glyphThumb(low))
	}
	fig := &Figure{
		Title: d.Title, Width: d.Width, Height: d.Height,
		Plots:  [][]*plot.Plot{{rate.Plot, count.Plot}, {usage.Plot, nil}},
		Legend: l,
	}
	return fig, []*chart.Plot{rate, count, usage}, nil
}

// hover is the tooltip of each point: its window, events, usage, rate and interval.
// Y is left for each panel to fill.
func (d DerivedDirect) hover(pts []RatePoint, level float64, rule ExposureRule, measure string) chart.Hover {
	h := chart.Hover{X: make([]float64, len(pts)), Text: make([]string, len(pts))}
	for i, q := range pts {
		h.X[i] = q.X
		var when string
		switch {
		case d.Times != nil && d.Window > 0:
			from := d.Times[i].UTC()
			when = "window: " + from.Format("Jan 2 15:04") + " – " + from.Add(d.Window).Format("Jan 2 15:04") + " UTC"
		case d.Times != nil:
			when = "at " + d.Times[i].UTC().Format("Jan 2 15:04 UTC")
		case d.Window > 0:
			days := d.Window.Hours() / 24
			when = fmt.Sprintf("window: days %.2f – %.2f since release", q.X, q.X+days)
		default:
			when = fmt.Sprintf("day %.2f since release", q.X)
		}
		if q.Rate.KHours > 0 {
			h.Text[i] = when + "\n" + describeRate(q.Rate, measure, level, q.Lo, q.Hi, q.Low, rule)
		} else {
			h.Text[i] = fmt.Sprintf("%s\n%d %s, no usage: no rate", when, q.Rate.Events, measure)
		}
	}
	return h
}

// rateTop returns the top of the rate axis: 5% above every rate and every interval
// of the points that are not low-exposure; 0 if there are none.
func rateTop(pts []RatePoint) float64 {
	var top float64
	for _, p := range pts {
		if math.IsNaN(p.Value) {
			continue
		}
		top = math.Max(top, p.Value)
		if !p.Low {
			top = math.Max(top, p.Hi)
		}
	}
	return 1.05 * top
}

// lowExposureLabel explains the low-exposure marker in the words of the rule.
func lowExposureLabel(rule ExposureRule) string {
	switch {
	case rule.MinEvents > 0 && rule.MinKHours > 0:
		return fmt.Sprintf("low exposure: < %d events or < %g k usage hours", rule.MinEvents, rule.MinKHours)
	case rule.MinEvents > 0:
		return fmt.Sprintf("low exposure: < %d events", rule.MinEvents)
	case rule.MinKHours > 0:
		return fmt.Sprintf("low exposure: < %g k usage hours", rule.MinKHours)
	}
	return "low exposure"
}

// addBands adds the interval band of the points with exposure, one polygon per run
// of consecutive such points, so that no band bridges a gap in the data.
func addBands(p *chart.Plot, pts []RatePoint) error {
	for start := 0; start < len(pts); {
		if math.IsNaN(pts[start].Value) {
			start++
			continue
		}
		end := start
		for end < len(pts) && !math.IsNaN(pts[end].Value) {
			end++
		}
		run := pts[start:end]
		ring := make(plotter.XYs, 0, 2*len(run))
		for _, q := range run {
			ring = append(ring, plotter.XY{X: q.X, Y: q.Hi})
		}
		for i := len(run) - 1; i >= 0; i-- {
			ring = append(ring, plotter.XY{X: run[i].X, Y: run[i].Lo})
		}
		if len(run) == 1 {
			// A lone point gets an interval bar instead of a band of no width.
			q := run[0]
			bars, err := plotter.NewYErrorBars(intervalBars{x: []float64{q.X}, y: []float64{q.Value}, lo: []float64{q.Lo}, hi: []float64{q.Hi}})
			if err != nil {
				return fmt.Errorf("analysis: interval at x = %g: %w", q.X, err)
			}
			bars.Color = colorBand
			bars.Width = vg.Points(3)
			p.Add(bars)
		} else {
			poly, err := plotter.NewPolygon(ring)
			if err != nil {
				return fmt.Errorf("analysis: interval band from x = %g: %w", run[0].X, err)
			}
			poly.Color = colorBand
			poly.LineStyle.Width = 0
			p.Add(poly)
		}
		start = end
	}
	return nil
}

// addSeries adds lines through the values y(p) — one per run of points where y is
// defined, so that no line bridges a gap — and a marker at each point: normal, or low
// for low-exposure points.
func addSeries(p *chart.Plot, pts []RatePoint, y func(RatePoint) float64, c color.Color, normal, low draw.GlyphStyle) error {
	var run, ok, flagged plotter.XYs
	flush := func() error {
		if len(run) > 1 {
			line, err := plotter.NewLine(run)
			if err != nil {
				return fmt.Errorf("analysis: series line: %w", err)
			}
			line.Color = c
			line.Width = vg.Points(1.2)
			p.Add(line)
		}
		run = nil
		return nil
	}
	for _, q := range pts {
		v := y(q)
		if math.IsNaN(v) {
			if err := flush(); err != nil {
				return err
			}
			continue
		}
		xy := plotter.XY{X: q.X, Y: v}
		run = append(run, xy)
		if q.Low {
			flagged = append(flagged, xy)
		} else {
			ok = append(ok, xy)
		}
	}
	if err := flush(); err != nil {
		return err
	}
	for _, set := range []struct {
		xys plotter.XYs
		sty draw.GlyphStyle
	}{{ok, normal}, {flagged, low}} {
		if len(set.xys) == 0 {
			continue
		}
		s, err := plotter.NewScatter(set.xys)
		if err != nil {
			return fmt.Errorf("analysis: series points: %w", err)
		}
		s.GlyphStyle = set.sty
		p.Add(s)
	}
	return nil
}
