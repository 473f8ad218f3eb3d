package analysis

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/ratelab/ratelab/analysis/internal/chart"
)

// PlotFunnel draws the funnel plot of groups (labels[i] with rates[i]) around their
// pooled rate; see Funnel.Plot.
func PlotFunnel(title string, labels []string, rates []Rate) (*plot.Plot, error) {
	f, err := NewFunnel(rates)
	if err != nil {
		return nil, err
	}
	return f.Plot(title, labels, rates)
}

// FunnelChart is PlotFunnel's figure as an interactive chart; see Funnel.Chart.
func FunnelChart(title string, labels []string, rates []Rate) (*Chart, error) {
	f, err := NewFunnel(rates)
	if err != nil {
		return nil, err
	}
	return f.Chart(title, labels, rates)
}

// FunnelCurve is a control limit sampled over exposure, as the funnel plot draws it.
type FunnelCurve struct {
	Level  float64
	KHours []float64
	Lo, Hi []float64
}

// Curves samples the limits at FunnelLevelWarning and FunnelLevelAlarm at n ≥ 2
// exposures spaced evenly on a log scale from lo to hi thousand usage hours
// (0 < lo < hi). It fails for other arguments, and as Limits does.
func (f Funnel) Curves(lo, hi float64, n int) ([]FunnelCurve, error) {
	if !(lo > 0 && lo < hi) || math.IsInf(hi, 0) || n < 2 {
		return nil, fmt.Errorf("analysis: funnel curves: need 0 < lo < hi finite and n ≥ 2, got lo %g, hi %g, n %d", lo, hi, n)
	}
	var cs []FunnelCurve
	for _, level := range []float64{FunnelLevelWarning, FunnelLevelAlarm} {
		c := FunnelCurve{Level: level, KHours: make([]float64, n), Lo: make([]float64, n), Hi: make([]float64, n)}
		for i := range n {
			T := lo * math.Pow(hi/lo, float64(i)/float64(n-1))
			c.KHours[i] = T
			var err error
			if c.Lo[i], c.Hi[i], err = f.Limits(T, level); err != nil {
				return nil, err
			}
		}
		cs = append(cs, c)
	}
	return cs, nil
}

// Plot draws the funnel plot: each group's rate against its exposure (log scale),
// the target line, and the 95% (dashed) and 99.8% (solid) control limits. Groups
// outside the 99.8% limits are drawn in red and labelled. Groups without exposure
// are left out.
func (f Funnel) Plot(title string, labels []string, rates []Rate) (*plot.Plot, error) {
	return chart.Static(f.draw(title, labels, rates))
}

// Chart is the funnel plot as an interactive chart: hovering a group names it and
// shows its events, usage, rate and the limits at its exposure.
func (f Funnel) Chart(title string, labels []string, rates []Rate) (*Chart, error) {
	return chart.Interactive(f.draw(title, labels, rates))
}

func (f Funnel) draw(title string, labels []string, rates []Rate) (*chart.Plot, error) {
	if len(labels) != len(rates) {
		return nil, fmt.Errorf("analysis: funnel plot: %d labels for %d rates", len(labels), len(rates))
	}
	if err := checkRates(rates); err != nil {
		return nil, fmt.Errorf("analysis: funnel plot: %w", err)
	}
	var keepL []string
	var keepR []Rate
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, r := range rates {
		if r.KHours > 0 {
			keepL, keepR = append(keepL, labels[i]), append(keepR, r)
			lo, hi = math.Min(lo, r.KHours), math.Max(hi, r.KHours)
		}
	}
	if len(keepR) == 0 {
		return nil, errors.New("analysis: funnel plot: no group has exposure")
	}
	lo, hi = lo/1.5, hi*1.5
	p := newPlot(title, "usage (1000 hours, log scale)", "events per 1000 usage hours")
	p.X.Scale = plot.LogScale{}
	p.X.Tick.Marker = plot.LogTicks{Prec: -1}

	curves, err := f.Curves(lo, hi, 200)
	if err != nil {
		return nil, err
	}
	groups, err := f.Groups(keepL, keepR)
	if err != nil {
		return nil, err
	}
	top := 0.0
	for _, c := range curves {
		sty := draw.LineStyle{Color: colorLimit998, Width: vg.Points(1.2)}
		name := "99.8% limits"
		if c.Level == FunnelLevelWarning {
			sty = draw.LineStyle{Color: colorLimit95, Width: vg.Points(1.2), Dashes: []vg.Length{vg.Points(5), vg.Points(3)}}
			name = "95% limits"
		}
		if f.Method != FunnelInterpolated {
			name += " (" + f.Method.String() + ")"
		}
		for k, ys := range [][]float64{c.Lo, c.Hi} {
			xys := make(plotter.XYs, len(ys))
			for i := range ys {
				xys[i] = plotter.XY{X: c.KHours[i], Y: ys[i]}
			}
			line, err := plotter.NewLine(xys)
			if err != nil {
				return nil, fmt.Errorf("analysis: funnel plot: limits: %w", err)
			}
			line.LineStyle = sty
			p.Add(line)
			if k == 0 {
				p.Label(name, line)
			}
		}
	}
	target, err := plotter.NewLine(plotter.XYs{{X: lo, Y: f.Target}, {X: hi, Y: f.Target}})
	if err != nil {
		return nil, fmt.Errorf("analysis: funnel plot: target: %w", err)
	}
	target.LineStyle = draw.LineStyle{Color: colorCount, Width: vg.Points(1)}
	p.Label(fmt.Sprintf("target %.3g per 1000 usage hours", f.Target), target)
	p.Add(target)

	var in, out plotter.XYs
	var outLabels []string
	var hover chart.Hover
	for i, g := range groups {
		xy := plotter.XY{X: g.Rate.KHours, Y: g.Rate.Value()}
		top = math.Max(top, xy.Y)
		hover.X, hover.Y = append(hover.X, xy.X), append(hover.Y, xy.Y)
		hover.Text = append(hover.Text, fmt.Sprintf("%s\n%d events over %.3g k usage hours\nrate: %.3g per 1000 usage hours\n95%% limits %.3g – %.3g (%s)\n99.8%% limits %.3g – %.3g (%s)",
			g.Label, g.Rate.Events, g.Rate.KHours, xy.Y, g.Lo95, g.Hi95, g.At95, g.Lo998, g.Hi998, g.At998))
		if g.At998 == Inside {
			in = append(in, xy)
			continue
		}
		out = append(out, xy)
		outLabels = append(outLabels, keepL[i])
	}
	normal, _ := markers(colorRate)
	flagged := draw.GlyphStyle{Color: colorWarn, Radius: vg.Points(3.2), Shape: draw.CircleGlyph{}}
	for _, set := range []struct {
		xys  plotter.XYs
		sty  draw.GlyphStyle
		name string
	}{{in, normal, "group"}, {out, flagged, "outside the 99.8% limits"}} {
		if len(set.xys) == 0 {
			continue
		}
		s, err := plotter.NewScatter(set.xys)
		if err != nil {
			return nil, fmt.Errorf("analysis: funnel plot: points: %w", err)
		}
		s.GlyphStyle = set.sty
		p.Add(s)
		p.Label(set.name, s)
	}
	if len(out) > 0 {
		labels, err := plotter.NewLabels(plotter.XYLabels{XYs: out, Labels: outLabels})
		if err != nil {
			return nil, fmt.Errorf("analysis: funnel plot: labels: %w", err)
		}
		for i := range labels.TextStyle {
			labels.TextStyle[i].Font.Size = vg.Points(8)
		}
		labels.Offset = vg.Point{X: vg.Points(5), Y: vg.Points(2)}
		p.Add(labels)
	}

	// Show every group and the limits where groups are; the limits at the smallest
	// exposures may run off the top.
	for _, g := range groups {
		top = math.Max(top, g.Hi998)
	}
	p.Hover(hover)
	p.X.Min, p.X.Max = lo, hi
	p.Legend.Top = true
	makeRoomForLegend(p.Plot, top, 6)
	return p, nil
}
