package analysis

import (
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/ratelab/ratelab/analysis/internal/chart"
)

// PlotExpectedRange draws what ExpectedRange e sees for one release over its first
// horizon age buckets: the release's pooled rate since it came out, against the median
// of the earlier releases on its platform at the same age and the alert limit above
// it, which narrows as the release ages. Ages where e alerts are marked.
func PlotExpectedRange(h AlertHistory, key ReleaseKey, e ExpectedRange, horizon int) (*plot.Plot, error) {
	return chart.Static(drawExpectedRange(h, key, e, horizon))
}

// ExpectedRangeChart is PlotExpectedRange's figure as an interactive chart: hovering
// an age shows the release's events, usage and rate since release beside the median
// and the limit it is held to.
func ExpectedRangeChart(h AlertHistory, key ReleaseKey, e ExpectedRange, horizon int) (*Chart, error) {
	return chart.Interactive(drawExpectedRange(h, key, e, horizon))
}

func drawExpectedRange(h AlertHistory, key ReleaseKey, e ExpectedRange, horizon int) (*chart.Plot, error) {
	all, err := h.Series()
	if err != nil {
		return nil, err
	}
	at := -1
	for i, s := range all {
		if s.ReleaseKey == key {
			at = i
		}
	}
	if at < 0 {
		return nil, fmt.Errorf("analysis: plot expected range: release %s is not in the history", key.Label())
	}
	first := at
	for first > 0 && all[first-1].Platform == key.Platform {
		first--
	}
	s, earlier := all[at], all[first:at]
	var own, med, upper, alerts plotter.XYs
	var hover chart.Hover
	for a := 0; a < min(horizon, len(s.Rates)); a++ {
		x := float64(a+1) * h.BucketHours / 24
		r := s.Cumulative(0, a)
		if !(r.KHours > 0) {
			continue
		}
		own = append(own, plotter.XY{X: x, Y: r.Value()})
		text := fmt.Sprintf("%s, %.2f days since release\n%d events over %.3g k usage hours\nrate since release: %.3g per 1000 usage hours", key.Label(), x, r.Events, r.KHours, r.Value())
		if m, u, ok := e.Range(a, r.KHours, earlier); ok {
			med = append(med, plotter.XY{X: x, Y: m})
			upper = append(upper, plotter.XY{X: x, Y: u})
			text += fmt.Sprintf("\nearlier releases: median %.3g, alert limit %.3g", m, u)
			if e.Alert(s, a, earlier) {
				alerts = append(alerts, plotter.XY{X: x, Y: r.Value()})
				text += "\nALERT"
			}
		}
		hover.X, hover.Y, hover.Text = append(hover.X, x), append(hover.Y, r.Value()), append(hover.Text, text)
	}
	p := newPlot(fmt.Sprintf("%s against the range of earlier releases at the same age", key.Label()),
		"days since release", "rate since release, events per 1000 usage hours")
	p.Legend.Top = true
	if len(med) > 0 {
		for _, l := range []struct {
			label  string
			pts    plotter.XYs
			dashed bool
		}{{"median of earlier releases", med, false}, {fmt.Sprintf("alert limit (%s)", e.Name()), upper, true}} {
			line, err := plotter.NewLine(l.pts)
			if err != nil {
				return nil, err
			}
			line.Color, line.Width = colorCount, vg.Points(1.2)
			if l.dashed {
				line.Color, line.Dashes = colorLimit95, []vg.Length{vg.Points(5), vg.Points(3)}
			}
			p.Add(line)
			p.Label(l.label, line)
		}
	}
	if len(own) > 0 {
		line, points, err := plotter.NewLinePoints(own)
		if err != nil {
			return nil, err
		}
		line.Color, line.Width = colorRate, vg.Points(1.2)
		points.GlyphStyle, _ = markers(colorRate)
		p.Add(line, points)
		p.Label(key.Label(), line, points)
	}
	if len(alerts) > 0 {
		sc, err := plotter.NewScatter(alerts)
		if err != nil {
			return nil, err
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: colorWarn, Radius: vg.Points(4.5), Shape: draw.PyramidGlyph{}}
		p.Add(sc)
		p.Label("alert", sc)
	}
	p.Hover(hover)
	top := p.Y.Max
	makeRoomForLegend(p.Plot, top, 4)
	return p, nil
}
