package display

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/ratelab/ratelab/kernel/display/chartjs"
)

// ChartKind is how a Series is drawn.
type ChartKind string

// The kinds of series a Chart draws.
const (
	Line    ChartKind = "line"
	Scatter ChartKind = "scatter"
	Bar     ChartKind = "bar"
)

// Chart is an interactive chart of a user's own data: in a notebook it shows with
// tooltips, zoom (drag across it; double-click to reset) and a static PNG beside it
// for viewers that run no JavaScript. Build it from slices, or from a DataFrame with
// FrameChart, and show it as a cell's value or with Show:
//
//	display.Chart{Title: "rate", Series: []display.Series{{Name: "59.0", Kind: display.Line, X: days, Y: rates}}}
type Chart struct {
	Title          string
	XLabel, YLabel string
	// TimeX means the X values are Unix seconds, drawn on a UTC time axis.
	TimeX      bool
	LogX, LogY bool
	// Categories names the x positions 0, 1, 2, … (bar charts use them).
	Categories []string
	Series     []Series
	// Width and Height are in pixels; the default is 800×450.
	Width, Height int
}

// Series is one set of points of a Chart.
type Series struct {
	Name string
	Kind ChartKind
	X, Y []float64
	// Tooltip, if set, holds one text per point, shown when the pointer is over it
	// (below the series name and the point's x and y).
	Tooltip []string
}

// maxTooltips bounds the points that get a tooltip text of their own: above it a
// series without Tooltip is described in the browser, so that a chart of 10^5 points
// does not carry megabytes of text.
const maxTooltips = 5000

// FrameChart charts columns of df: column x against each of ys, as kind. Each row is
// a point; hovering it shows its x and y and the columns named in tooltip. A numeric
// x column gives a numeric axis, a string column of RFC 3339 times a time axis, and
// any other string column categories (one x position per row).
func FrameChart(kind ChartKind, df dataframe.DataFrame, x string, ys []string, tooltip ...string) (*Chart, error) {
	if df.Err != nil {
		return nil, fmt.Errorf("display.FrameChart: %w", df.Err)
	}
	if len(ys) == 0 {
		return nil, errors.New("display.FrameChart: no y column given")
	}
	col := func(name string) (series.Series, error) {
		s := df.Col(name)
		if s.Err != nil {
			return s, fmt.Errorf("display.FrameChart: column %q: not in the frame (columns: %s)", name, strings.Join(df.Names(), ", "))
		}
		return s, nil
	}
	xs, err := col(x)
	if err != nil {
		return nil, err
	}
	c := &Chart{XLabel: x}
	if len(ys) == 1 {
		c.YLabel = ys[0]
	}
	xv := xs.Float()
	if xs.Type() == series.String {
		if times, ok := parseTimes(xs.Records()); ok {
			xv, c.TimeX = times, true
		} else {
			c.Categories = xs.Records()
			for i := range xv {
				xv[i] = float64(i)
			}
		}
	}
	var tips []series.Series
	for _, name := range tooltip {
		s, err := col(name)
		if err != nil {
			return nil, err
		}
		tips = append(tips, s)
	}
	for _, y := range ys {
		s, err := col(y)
		if err != nil {
			return nil, err
		}
		if s.Type() == series.String {
			return nil, fmt.Errorf("display.FrameChart: column %q holds strings, not numbers", y)
		}
		ser := Series{Name: y, Kind: kind, X: xv, Y: s.Float()}
		if len(tips) > 0 {
			ser.Tooltip = make([]string, s.Len())
			for i := range ser.Tooltip {
				var lines []string
				for _, t := range tips {
					lines = append(lines, t.Name+": "+t.Elem(i).String())
				}
				ser.Tooltip[i] = strings.Join(lines, "\n")
			}
		}
		c.Series = append(c.Series, ser)
	}
	return c, c.check()
}

// parseTimes reads every record as an RFC 3339 time (or a date), in Unix seconds.
func parseTimes(recs []string) ([]float64, bool) {
	out := make([]float64, len(recs))
	for i, r := range recs {
		t, err := time.Parse(time.RFC3339, r)
		if err != nil {
			if t, err = time.Parse(time.DateOnly, r); err != nil {
				return nil, false
			}
		}
		out[i] = float64(t.Unix())
	}
	return out, len(recs) > 0
}

func (c *Chart) check() error {
	if len(c.Series) == 0 {
		return errors.New("display.Chart: no series to draw")
	}
	for _, s := range c.Series {
		if len(s.X) != len(s.Y) {
			return fmt.Errorf("display.Chart: series %q: %d x values for %d y values", s.Name, len(s.X), len(s.Y))
		}
		if s.Tooltip != nil && len(s.Tooltip) != len(s.X) {
			return fmt.Errorf("display.Chart: series %q: %d tooltips for %d points", s.Name, len(s.Tooltip), len(s.X))
		}
		switch s.Kind {
		case Line, Scatter, Bar:
		default:
			return fmt.Errorf("display.Chart: series %q: kind %q is not line, scatter or bar", s.Name, s.Kind)
		}
	}
	return nil
}

// String describes the chart for text/plain.
func (c *Chart) String() string {
	n := 0
	for _, s := range c.Series {
		n += len(s.X)
	}
	return fmt.Sprintf("<chart %q: %d series, %d points>", c.Title, len(c.Series), n)
}

func (c *Chart) size() (w, h int) {
	w, h = c.Width, c.Height
	if w <= 0 {
		w = 800
	}
	if h <= 0 {
		h = 450
	}
	return w, h
}

// barSlot places bar i of series k (of n bar series) in its category slot.
func barSlot(x float64, k, n int) (center, half float64) {
	w := 0.8 / float64(n)
	return x + (float64(k)-float64(n-1)/2)*w, 0.45 * w
}

// Plot draws the chart as a static gonum plot (what the PNG beside it shows).
func (c *Chart) Plot() (*plot.Plot, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	p := plot.New()
	p.Title.Text, p.X.Label.Text, p.Y.Label.Text = c.Title, c.XLabel, c.YLabel
	p.Add(plotter.NewGrid())
	if c.LogX {
		p.X.Scale, p.X.Tick.Marker = plot.LogScale{}, plot.LogTicks{Prec: -1}
	}
	if c.LogY {
		p.Y.Scale, p.Y.Tick.Marker = plot.LogScale{}, plot.LogTicks{Prec: -1}
	}
	if c.TimeX {
		p.X.Tick.Marker = plot.TimeTicks{Format: "Jan 2\n15:04", Time: plot.UTCUnixTime}
	}
	bars := c.barSeries()
	for k, s := range c.Series {
		xys := make(plotter.XYs, 0, len(s.X))
		for i := range s.X {
			if !math.IsNaN(s.Y[i]) {
				xys = append(xys, plotter.XY{X: s.X[i], Y: s.Y[i]})
			}
		}
		col := plotutil.Color(k)
		switch s.Kind {
		case Line:
			l, err := plotter.NewLine(xys)
			if err != nil {
				return nil, fmt.Errorf("display.Chart: series %q: %w", s.Name, err)
			}
			l.Color, l.Width = col, vg.Points(1.5)
			p.Add(l)
			p.Legend.Add(s.Name, l)
		case Scatter:
			sc, err := plotter.NewScatter(xys)
			if err != nil {
				return nil, fmt.Errorf("display.Chart: series %q: %w", s.Name, err)
			}
			sc.GlyphStyle = draw.GlyphStyle{Color: col, Radius: vg.Points(2.5), Shape: draw.CircleGlyph{}}
			p.Add(sc)
			p.Legend.Add(s.Name, sc)
		case Bar:
			var first *plotter.Polygon
			for _, xy := range xys {
				mid, half := barSlot(xy.X, bars[k], len(bars))
				poly, err := plotter.NewPolygon(plotter.XYs{{X: mid - half, Y: 0}, {X: mid + half, Y: 0}, {X: mid + half, Y: xy.Y}, {X: mid - half, Y: xy.Y}})
				if err != nil {
					return nil, fmt.Errorf("display.Chart: series %q: %w", s.Name, err)
				}
				poly.Color, poly.LineStyle.Width = col, 0
				p.Add(poly)
				if first == nil {
					first = poly
				}
			}
			if first != nil {
				p.Legend.Add(s.Name, first)
			}
		}
	}
	if len(c.Categories) > 0 {
		p.NominalX(c.Categories...)
		p.X.Min, p.X.Max = -0.6, float64(len(c.Categories))-0.4
	}
	if len(bars) > 0 && !c.LogY {
		p.Y.Min = math.Min(p.Y.Min, 0)
	}
	p.Legend.Top = true
	return p, nil
}

// barSeries maps the index of each bar series to its place among the bar series.
func (c *Chart) barSeries() map[int]int {
	m := map[int]int{}
	for k, s := range c.Series {
		if s.Kind == Bar {
			m[k] = len(m)
		}
	}
	return m
}

// MIMEBundle implements MIMEBundler: the chart spec (drawn as HTML by Render), the
// static PNG and a text description.
func (c *Chart) MIMEBundle() (map[string]any, error) {
	p, err := c.Plot()
	if err != nil {
		return nil, err
	}
	w, h := c.size()
	wt, err := p.WriterTo(vg.Length(w)*vg.Inch/96, vg.Length(h)*vg.Inch/96, "png")
	if err != nil {
		return nil, fmt.Errorf("display.Chart: %w", err)
	}
	var png bytes.Buffer
	if _, err := wt.WriteTo(&png); err != nil {
		return nil, fmt.Errorf("display.Chart: %w", err)
	}
	return map[string]any{
		chartjs.MIMEType: c.spec(p),
		"image/png":      png.Bytes(),
		"text/plain":     c.String(),
	}, nil
}

// spec is the chart as chartjs draws it, on the axes p (the static plot) chose.
func (c *Chart) spec(p *plot.Plot) chartSpec {
	w, h := c.size()
	v := chartView{
		Name: "chart",
		X:    chartAxis{Label: c.XLabel, Scale: "linear", Min: p.X.Min, Max: p.X.Max},
		Y:    chartAxis{Label: c.YLabel, Scale: "linear", Min: p.Y.Min, Max: p.Y.Max},
	}
	switch {
	case c.TimeX:
		v.X.Scale = "time"
	case c.LogX:
		v.X.Scale = "log"
	}
	if c.LogY {
		v.Y.Scale = "log"
	}
	for i, name := range c.Categories {
		v.X.Ticks = append(v.X.Ticks, chartTick{float64(i), name})
	}
	bars := c.barSeries()
	for k, s := range c.Series {
		col := cssColor(plotutil.Color(k))
		hover := chartItem{Kind: "hover", X: s.X, Y: s.Y}
		switch s.Kind {
		case Line:
			v.Items = append(v.Items, chartItem{Kind: "line", Name: s.Name, X: s.X, Y: s.Y, Color: col, Width: 1.5})
			v.Legend = append(v.Legend, legendEntry{Label: s.Name, Color: col, Shape: "line"})
		case Scatter:
			v.Items = append(v.Items, chartItem{Kind: "points", Name: s.Name, X: s.X, Y: s.Y, Color: col, Radius: 2.5, Shape: "circle"})
			v.Legend = append(v.Legend, legendEntry{Label: s.Name, Color: col, Shape: "circle"})
		case Bar:
			hover.X = make([]float64, len(s.X))
			for i := range s.X {
				mid, half := barSlot(s.X[i], bars[k], len(bars))
				hover.X[i] = mid
				hover.Rects = append(hover.Rects, [4]float64{mid - half, mid + half, 0, s.Y[i]})
				v.Items = append(v.Items, chartItem{Kind: "polygon", X: []float64{mid - half, mid + half, mid + half, mid - half}, Y: []float64{0, 0, s.Y[i], s.Y[i]}, Fill: col})
			}
			v.Legend = append(v.Legend, legendEntry{Label: s.Name, Color: col, Shape: "bar"})
		}
		if s.Tooltip != nil || s.Kind == Bar || len(s.X) <= maxTooltips {
			hover.Text = make([]string, len(s.X))
			for i := range s.X {
				hover.Text[i] = c.describe(s, i)
			}
			v.Items = append(v.Items, hover)
		}
	}
	return chartSpec{Title: c.Title, Width: w, Height: h, Views: []chartView{v}}
}

// describe is the tooltip of point i of s.
func (c *Chart) describe(s Series, i int) string {
	x := strconv.FormatFloat(s.X[i], 'g', 6, 64)
	switch {
	case c.TimeX:
		x = time.Unix(int64(s.X[i]), 0).UTC().Format("2006-01-02 15:04 UTC")
	case len(c.Categories) > 0 && s.X[i] >= 0 && int(s.X[i]) < len(c.Categories):
		x = c.Categories[int(s.X[i])]
	}
	xl, yl := c.XLabel, c.YLabel
	if xl == "" {
		xl = "x"
	}
	if yl == "" {
		yl = s.Name
	}
	text := fmt.Sprintf("%s\n%s: %s\n%s: %s", s.Name, xl, x, yl, strconv.FormatFloat(s.Y[i], 'g', 6, 64))
	if s.Tooltip != nil && s.Tooltip[i] != "" {
		text += "\n" + s.Tooltip[i]
	}
	return text
}

// cssColor writes c as a CSS rgba() color.
func cssColor(c color.Color) string {
	r, g, b, a := c.RGBA()
	if a == 0 {
		return "rgba(0,0,0,0)"
	}
	// RGBA is alpha-premultiplied; CSS wants straight colour.
	un := func(v uint32) uint32 { return v * 0xffff / a >> 8 }
	return fmt.Sprintf("rgba(%d,%d,%d,%s)", un(r), un(g), un(b), strconv.FormatFloat(float64(a)/0xffff, 'g', 3, 64))
}
