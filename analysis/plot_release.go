package analysis

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/ratelab/ratelab/analysis/internal/chart"
)

// ReleaseBar is one bar of a release-over-release chart: the rate of a release,
// optionally on one platform.
type ReleaseBar struct {
	Release  string
	Platform string // empty for one bar per release
	Rate     Rate
}

// ReleaseBars is the release-over-release bar chart: one group of bars per release, in
// the order the releases first appear, one bar per platform within a group, each with
// its exact interval as a whisker. Bars over low exposure are drawn pale with a
// dashed red outline.
type ReleaseBars struct {
	Title string
	// Measure names the events, for example "main crashes"; default "events".
	Measure string
	Bars    []ReleaseBar
	// Level is the confidence level of the whiskers; default 0.95.
	Level float64
	// Rule is the minimum-exposure rule; nil means DefaultExposureRule.
	Rule *ExposureRule
}

// PlotReleases draws the release-over-release bar chart of bars with the defaults of
// ReleaseBars.
func PlotReleases(title string, bars []ReleaseBar) (*plot.Plot, error) {
	return ReleaseBars{Title: title, Bars: bars}.Plot()
}

// ReleaseBarPoint is a bar as drawn: its position on the x axis (release i at i, its
// platforms spread around it), its rate and interval, and its low-exposure flag.
type ReleaseBarPoint struct {
	ReleaseBar
	X             float64
	Value, Lo, Hi float64
	Low           bool
}

// Layout returns the releases and platforms in order of first appearance and the
// bars as drawn.
func (rb ReleaseBars) Layout() (releases, platforms []string, pts []ReleaseBarPoint, err error) {
	if len(rb.Bars) == 0 {
		return nil, nil, nil, errors.New("analysis: ReleaseBars: no bars to plot")
	}
	ri, pi := map[string]int{}, map[string]int{}
	for _, b := range rb.Bars {
		if _, ok := ri[b.Release]; !ok {
			ri[b.Release] = len(releases)
			releases = append(releases, b.Release)
		}
		if _, ok := pi[b.Platform]; !ok {
			pi[b.Platform] = len(platforms)
			platforms = append(platforms, b.Platform)
		}
	}
	level, rule, _ := chartDefaults(rb.Level, rb.Rule, rb.Measure)
	w := barWidth(len(platforms))
	for _, b := range rb.Bars {
		if !(b.Rate.KHours > 0) {
			return nil, nil, nil, fmt.Errorf("analysis: ReleaseBars: release %q platform %q: no exposure (%v)", b.Release, b.Platform, b.Rate)
		}
		lo, hi, err := b.Rate.Interval(level)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("analysis: ReleaseBars: release %q platform %q: %w", b.Release, b.Platform, err)
		}
		pts = append(pts, ReleaseBarPoint{
			ReleaseBar: b,
			X:          float64(ri[b.Release]) + (float64(pi[b.Platform])-float64(len(platforms)-1)/2)*w,
			Value:      b.Rate.Value(), Lo: lo, Hi: hi,
			Low: rule.Low(b.Rate),
		})
	}
	return releases, platforms, pts, nil
}

// barWidth is the width of one bar, in release slots: the group fills 80% of a slot.
func barWidth(platforms int) float64 { return 0.8 / float64(platforms) }

// Plot draws the chart.
func (rb ReleaseBars) Plot() (*plot.Plot, error) {
	return chart.Static(rb.draw())
}

// Chart is the bar chart as an interactive chart: hovering a bar shows its release,
// platform, events, usage, rate and exact interval.
func (rb ReleaseBars) Chart() (*Chart, error) {
	return chart.Interactive(rb.draw())
}

func (rb ReleaseBars) draw() (*chart.Plot, error) {
	releases, platforms, pts, err := rb.Layout()
	if err != nil {
		return nil, err
	}
	level, rule, measure := chartDefaults(rb.Level, rb.Rule, rb.Measure)
	p := newPlot(rb.Title, "release", measure+" per 1000 usage hours")
	w := barWidth(len(platforms))
	thumbs := make([]*plotter.Polygon, len(platforms))
	var iv intervalBars
	var hover chart.Hover
	top := 0.0
	for _, b := range pts {
		x0, x1 := b.X-0.45*w, b.X+0.45*w
		hover.X, hover.Y = append(hover.X, b.X), append(hover.Y, b.Value)
		hover.Rects = append(hover.Rects, [4]float64{x0, x1, 0, math.Max(b.Value, b.Hi)})
		hover.Text = append(hover.Text, strings.TrimSpace(b.Release+" "+b.Platform)+"\n"+describeRate(b.Rate, measure, level, b.Lo, b.Hi, b.Low, rule))
		bar, err := plotter.NewPolygon(plotter.XYs{{X: x0, Y: 0}, {X: x1, Y: 0}, {X: x1, Y: b.Value}, {X: x0, Y: b.Value}})
		if err != nil {
			return nil, fmt.Errorf("analysis: ReleaseBars: bar %q %q: %w", b.Release, b.Platform, err)
		}
		c := platformColors[indexOf(platforms, b.Platform)%len(platformColors)]
		bar.Color = c
		bar.LineStyle.Width = 0
		if b.Low {
			bar.Color = withAlpha(toRGBA(c), 70)
			bar.LineStyle = draw.LineStyle{Color: colorWarn, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(3), vg.Points(2)}}
		}
		p.Add(bar)
		if thumbs[indexOf(platforms, b.Platform)] == nil && !b.Low {
			thumbs[indexOf(platforms, b.Platform)] = bar
		}
		hi := b.Hi
		if math.IsInf(hi, 1) {
			hi = b.Value
		}
		iv.x, iv.y, iv.lo, iv.hi = append(iv.x, b.X), append(iv.y, b.Value), append(iv.lo, b.Lo), append(iv.hi, hi)
		top = math.Max(top, hi)
	}
	whiskers, err := plotter.NewYErrorBars(iv)
	if err != nil {
		return nil, fmt.Errorf("analysis: ReleaseBars: whiskers: %w", err)
	}
	whiskers.Width = vg.Points(1)
	whiskers.CapWidth = vg.Points(6)
	p.Add(whiskers)
	p.NominalX(releases...)
	p.X.Min, p.X.Max = -0.6, float64(len(releases))-0.4

	entries := 1
	if len(platforms) > 1 || platforms[0] != "" {
		for i, name := range platforms {
			if thumbs[i] != nil {
				p.Label(name, thumbs[i])
				entries++
			}
		}
	}
	p.Label(fmt.Sprintf("%g%% exact interval", 100*level), whiskerThumb{})
	for _, b := range pts {
		if b.Low {
			low, _ := plotter.NewPolygon(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 0}, {X: 1, Y: 1}})
			low.Color = color.NRGBA{R: 127, G: 127, B: 127, A: 70}
			low.LineStyle = draw.LineStyle{Color: colorWarn, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(3), vg.Points(2)}}
			p.Label(lowExposureLabel(rule), low)
			entries++
			break
		}
	}
	p.Hover(hover)
	p.Legend.Top = true
	makeRoomForLegend(p.Plot, top, entries)
	return p, nil
}

func indexOf(xs []string, x string) int {
	for i, s := range xs {
		if s == x {
			return i
		}
	}
	return -1
}
