package chart

import (
	"encoding/json"
	"fmt"
	"image/color"
	"math"
	"strconv"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// View is one plot of a chart as the browser draws it: its axes, what is drawn on
// them, and its legend (the spec's "view").
type View struct {
	Name   string        `json:"name"`
	X      axis          `json:"x"`
	Y      axis          `json:"y"`
	Items  []item        `json:"items"`
	Legend []legendEntry `json:"legend,omitempty"`
}

type axis struct {
	Label string  `json:"label,omitempty"`
	Scale string  `json:"scale"`
	Min   float64 `json:"min"`
	Max   float64 `json:"max"`
	Ticks []tick  `json:"ticks,omitempty"`
}

type item struct {
	Kind   string       `json:"kind"`
	Name   string       `json:"name,omitempty"`
	X      numbers      `json:"x"`
	Y      numbers      `json:"y"`
	Lo     numbers      `json:"lo,omitempty"`
	Hi     numbers      `json:"hi,omitempty"`
	Text   []string     `json:"text,omitempty"`
	Rects  [][4]float64 `json:"rects,omitempty"`
	Color  string       `json:"color,omitempty"`
	Fill   string       `json:"fill,omitempty"`
	Stroke string       `json:"stroke,omitempty"`
	Width  float64      `json:"width,omitempty"`
	Dash   []float64    `json:"dash,omitempty"`
	Radius float64      `json:"radius,omitempty"`
	Shape  string       `json:"shape,omitempty"`
	Cap    float64      `json:"cap,omitempty"`
	Size   float64      `json:"size,omitempty"`
}

type legendEntry struct {
	Label string `json:"label"`
	Color string `json:"color"`
	Shape string `json:"shape"`
	Dash  bool   `json:"dash,omitempty"`
}

// tick is an axis tick, [value, "label"] in JSON.
type tick struct {
	Value float64
	Label string
}

func (t tick) MarshalJSON() ([]byte, error) { return json.Marshal([]any{t.Value, t.Label}) }

// numbers encodes NaN and infinities, which JSON lacks, as null: a gap.
type numbers []float64

func (ns numbers) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 8*len(ns)+2)
	b = append(b, '[')
	for i, v := range ns {
		if i > 0 {
			b = append(b, ',')
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			b = append(b, "null"...)
			continue
		}
		b = strconv.AppendFloat(b, v, 'g', -1, 64)
	}
	return append(b, ']'), nil
}

// TimeTicks marks an axis of Unix seconds at round UTC times: whole hours or days
// (weeks from Monday), at most six labelled ticks, dates for spans of days, times of
// day for shorter ones. A chart draws such an axis as a time axis.
type TimeTicks struct{}

// Ticks implements plot.Ticker.
func (TimeTicks) Ticks(min, max float64) []plot.Tick {
	const hour, day = 3600.0, 86400.0
	steps := []float64{hour, 2 * hour, 3 * hour, 6 * hour, 12 * hour, day, 2 * day, 7 * day, 14 * day, 28 * day, 91 * day, 364 * day}
	step := steps[len(steps)-1]
	for _, s := range steps {
		if (max-min)/s <= 6 {
			step = s
			break
		}
	}
	format := "Jan 2\n15:04"
	if step >= day {
		format = "Jan 2"
	}
	// Whole weeks start on Mondays: the Unix epoch was a Thursday.
	var origin float64
	if step >= 7*day {
		origin = 4 * day
	}
	var ticks []plot.Tick
	for t := origin + math.Ceil((min-origin)/step)*step; t <= max; t += step {
		ticks = append(ticks, plot.Tick{Value: t, Label: time.Unix(int64(t), 0).UTC().Format(format)})
	}
	return ticks
}

// View converts what was drawn on p into a chart view named name. It refuses a
// plotter it cannot draw in the browser rather than leave it out.
func (p *Plot) View(name string) (View, error) {
	v := View{Name: name, X: axisOf(p.X), Y: axisOf(p.Y), Legend: p.legend}
	if name == "" {
		v.Name = p.Title.Text
	}
	for _, pl := range p.items {
		it, ok, err := p.itemOf(pl)
		if err != nil {
			return View{}, err
		}
		if ok {
			v.Items = append(v.Items, it...)
		}
	}
	for _, h := range p.hovers {
		if len(h.X) != len(h.Y) || len(h.X) != len(h.Text) || (h.Rects != nil && len(h.Rects) != len(h.X)) {
			return View{}, fmt.Errorf("analysis: chart %q: hover of %d x, %d y, %d texts, %d rectangles", p.Title.Text, len(h.X), len(h.Y), len(h.Text), len(h.Rects))
		}
		v.Items = append(v.Items, item{Kind: "hover", X: h.X, Y: h.Y, Text: h.Text, Rects: h.Rects})
	}
	return v, nil
}

func axisOf(a plot.Axis) axis {
	ax := axis{Label: a.Label.Text, Scale: "linear", Min: a.Min, Max: a.Max}
	if _, ok := a.Scale.(plot.LogScale); ok {
		ax.Scale = "log"
	}
	switch m := a.Tick.Marker.(type) {
	case TimeTicks:
		ax.Scale = "time"
	case plot.ConstantTicks:
		for _, t := range m {
			if t.Label != "" {
				ax.Ticks = append(ax.Ticks, tick{t.Value, t.Label})
			}
		}
	}
	return ax
}

// itemOf converts one plotter; ok is false for what the chart draws itself (the grid).
func (p *Plot) itemOf(pl plot.Plotter) (items []item, ok bool, err error) {
	name := p.names[pl]
	switch x := pl.(type) {
	case *plotter.Grid:
		return nil, false, nil
	case *plotter.Line:
		xs, ys := split(x.XYs)
		it := item{Kind: "line", Name: name, X: xs, Y: ys, Color: css(x.Color), Width: pts(x.Width), Dash: dashes(x.Dashes)}
		if x.FillColor != nil {
			it.Fill = css(x.FillColor)
		}
		return []item{it}, true, nil
	case *plotter.Scatter:
		xs, ys := split(x.XYs)
		return []item{{Kind: "points", Name: name, X: xs, Y: ys, Color: css(x.Color), Radius: pts(x.Radius), Shape: shape(x.Shape)}}, true, nil
	case *plotter.YErrorBars:
		xs, ys := split(x.XYs)
		lo, hi := make([]float64, len(xs)), make([]float64, len(xs))
		for i := range xs {
			lo[i], hi[i] = ys[i]-x.YErrors[i].Low, ys[i]+x.YErrors[i].High
		}
		return []item{{Kind: "errorbars", Name: name, X: xs, Y: ys, Lo: lo, Hi: hi, Color: css(x.Color), Width: pts(x.Width), Cap: pts(x.CapWidth)}}, true, nil
	case *plotter.Polygon:
		for _, ring := range x.XYs {
			xs, ys := split(ring)
			it := item{Kind: "polygon", X: xs, Y: ys, Fill: css(x.Color)}
			if x.Width > 0 && x.LineStyle.Color != nil {
				it.Stroke, it.Width, it.Dash = css(x.LineStyle.Color), pts(x.Width), dashes(x.Dashes)
			}
			items = append(items, it)
		}
		return items, true, nil
	case *plotter.Function:
		lo, hi := p.X.Min, p.X.Max
		if x.XMin != 0 || x.XMax != 0 {
			lo, hi = x.XMin, x.XMax
		}
		n := max(x.Samples, 2)
		xs, ys := make([]float64, n), make([]float64, n)
		for i := range xs {
			xs[i] = lo + (hi-lo)*float64(i)/float64(n-1)
			ys[i] = x.F(xs[i])
		}
		return []item{{Kind: "line", Name: name, X: xs, Y: ys, Color: css(x.Color), Width: pts(x.Width), Dash: dashes(x.Dashes)}}, true, nil
	case *plotter.Labels:
		xs, ys := split(x.XYs)
		it := item{Kind: "text", X: xs, Y: ys, Text: x.Labels, Color: "#000"}
		if len(x.TextStyle) > 0 {
			it.Color, it.Size = css(x.TextStyle[0].Color), pts(x.TextStyle[0].Font.Size)
		}
		return []item{it}, true, nil
	}
	return nil, false, fmt.Errorf("analysis: chart %q: cannot draw a %T in the browser", p.Title.Text, pl)
}

func split(xys plotter.XYs) (xs, ys []float64) {
	xs, ys = make([]float64, len(xys)), make([]float64, len(xys))
	for i, xy := range xys {
		xs[i], ys[i] = xy.X, xy.Y
	}
	return xs, ys
}

func pts(l vg.Length) float64 { return float64(l / vg.Points(1)) }

func dashes(ds []vg.Length) []float64 {
	var out []float64
	for _, d := range ds {
		out = append(out, pts(d))
	}
	return out
}

// css writes c as a CSS rgba() color; nil is transparent.
func css(c color.Color) string {
	if c == nil {
		return "rgba(0,0,0,0)"
	}
	r, g, b, a := c.RGBA()
	if a == 0 {
		return "rgba(0,0,0,0)"
	}
	// RGBA is alpha-premultiplied; CSS wants straight colour.
	un := func(v uint32) uint32 { return v * 0xffff / a >> 8 }
	return fmt.Sprintf("rgba(%d,%d,%d,%s)", un(r), un(g), un(b), strconv.FormatFloat(float64(a)/0xffff, 'g', 3, 64))
}

// shape names a gonum glyph as the chart draws it.
func shape(g draw.GlyphDrawer) string {
	switch g.(type) {
	case draw.RingGlyph:
		return "ring"
	case draw.SquareGlyph:
		return "square"
	case draw.BoxGlyph:
		return "box"
	case draw.TriangleGlyph, draw.PyramidGlyph:
		return "triangle"
	case draw.CrossGlyph:
		return "cross"
	case draw.PlusGlyph:
		return "plus"
	}
	return "circle"
}

// legendOf describes a legend thumbnail: a line, a marker, or a filled area.
func legendOf(label string, t plot.Thumbnailer) legendEntry {
	switch x := t.(type) {
	case *plotter.Line:
		return legendEntry{Label: label, Color: css(x.Color), Shape: "line", Dash: len(x.Dashes) > 0}
	case *plotter.Function:
		return legendEntry{Label: label, Color: css(x.Color), Shape: "line", Dash: len(x.Dashes) > 0}
	case *plotter.Scatter:
		return legendEntry{Label: label, Color: css(x.Color), Shape: shape(x.Shape)}
	case *plotter.Polygon:
		return legendEntry{Label: label, Color: css(x.Color), Shape: "band", Dash: len(x.Dashes) > 0}
	case interface{ GlyphStyle() draw.GlyphStyle }:
		g := x.GlyphStyle()
		return legendEntry{Label: label, Color: css(g.Color), Shape: shape(g.Shape)}
	}
	return legendEntry{Label: label, Color: "rgba(0,0,0,1)", Shape: "line"}
}
