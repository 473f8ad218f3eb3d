// Package chart shows analysis's gonum plots as interactive charts as well: a Plot
// records the plotters drawn on it, and a Chart carries them as the JSON spec of
// application/vnd.ratelab.chart+json (defined by the kernel's chartjs package, which
// draws it in the browser) beside the plot's static PNG. Tooltips come from Hover
// items, which a figure adds where it knows what a point means (a window's events and
// usage, a group's name).
//
// The spec is JSON, not Go types shared with the kernel: analysis imports no kernel
// code, and a value shows itself through its MIMEBundle method.
package chart

import (
	"bytes"
	"fmt"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// MIMEType is the chart spec's MIME type (the kernel's chartjs.MIMEType).
const MIMEType = "application/vnd.ratelab.chart+json"

// Size of a chart: the PNG beside it is 8×5 inches at 110 dpi, the size of analysis's
// figures; the interactive chart has the same width and leaves room for its title,
// buttons and legend.
const (
	PNGWidth  = 8 * vg.Inch
	PNGHeight = 5 * vg.Inch
	pngDPI    = 110
	width     = 880
	height    = 440
)

// Chart is a figure shown interactively in a notebook, with buttons to switch
// between its views when it has several, and as a PNG elsewhere.
type Chart struct {
	// Title heads the chart.
	Title string
	// Active is the index of the view shown first.
	Active int
	views  []View
	draw   func(c draw.Canvas)
}

// New returns a chart of views whose static form is drawn by drawFig (on a canvas of
// PNGWidth × PNGHeight).
func New(title string, drawFig func(c draw.Canvas), views ...View) *Chart {
	return &Chart{Title: title, views: views, draw: drawFig}
}

// Single returns the chart of one recorded plot, titled as the plot is.
func Single(p *Plot) (*Chart, error) {
	v, err := p.View("")
	if err != nil {
		return nil, err
	}
	return New(p.Title.Text, p.Plot.Draw, v), nil
}

// Static is the plot of a recorded figure, for a figure's Plot method:
// Static(f.draw()).
func Static(p *Plot, err error) (*plot.Plot, error) {
	if err != nil {
		return nil, err
	}
	return p.Plot, nil
}

// Interactive is the chart of a recorded figure, for a figure's Chart method:
// Interactive(f.draw()).
func Interactive(p *Plot, err error) (*Chart, error) {
	if err != nil {
		return nil, err
	}
	return Single(p)
}

// Views lists the names of the chart's views, in the order of its buttons.
func (c *Chart) Views() []string {
	names := make([]string, len(c.views))
	for i, v := range c.views {
		names[i] = v.Name
	}
	return names
}

// PNG renders the static figure.
func (c *Chart) PNG() ([]byte, error) {
	img := vgimg.NewWith(vgimg.UseWH(PNGWidth, PNGHeight), vgimg.UseDPI(pngDPI))
	c.draw(draw.New(img))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("analysis: render chart %q as PNG: %w", c.Title, err)
	}
	return buf.Bytes(), nil
}

// MIMEBundle gives the chart's forms to a notebook: the spec, drawn interactively by
// the kernel over the PNG, and a text description.
func (c *Chart) MIMEBundle() (map[string]any, error) {
	png, err := c.PNG()
	if err != nil {
		return nil, err
	}
	active := c.Active
	if active < 0 || active >= len(c.views) {
		return nil, fmt.Errorf("analysis: chart %q: active view %d of %d", c.Title, active, len(c.views))
	}
	return map[string]any{
		MIMEType:     spec{Title: c.Title, Width: width, Height: height, Active: active, Views: c.views},
		"image/png":  png,
		"text/plain": c.String(),
	}, nil
}

// String describes the chart in one line, e.g. `<chart "Crash rates": views rate, count>`.
func (c *Chart) String() string {
	if len(c.views) == 1 {
		return fmt.Sprintf("<chart %q>", c.Title)
	}
	return fmt.Sprintf("<chart %q: views %s>", c.Title, strings.Join(c.Views(), ", "))
}

// spec is the chart spec's top level.
type spec struct {
	Title  string `json:"title,omitempty"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Active int    `json:"active"`
	Views  []View `json:"views"`
}

// Plot is a gonum plot that records what is drawn on it, to draw it again in the
// browser. Build a figure with its Add, Label and Hover instead of the plot's own Add
// and Legend.Add.
type Plot struct {
	*plot.Plot
	items  []plot.Plotter
	names  map[plot.Plotter]string
	legend []legendEntry
	hovers []Hover
}

// Wrap returns p recording.
func Wrap(p *plot.Plot) *Plot {
	return &Plot{Plot: p, names: map[plot.Plotter]string{}}
}

// Add adds plotters to the plot.
func (p *Plot) Add(ps ...plot.Plotter) {
	p.Plot.Add(ps...)
	p.items = append(p.items, ps...)
}

// Label adds a legend entry, as the plot's Legend.Add does, and names the plotters
// among thumbs after it in tooltips.
func (p *Plot) Label(name string, thumbs ...plot.Thumbnailer) {
	p.Plot.Legend.Add(name, thumbs...)
	p.Name(name, thumbs...)
	if len(thumbs) > 0 {
		p.legend = append(p.legend, legendOf(name, thumbs[0]))
	}
}

// Name names the plotters among thumbs in tooltips and in the interactive legend,
// without a static legend entry (for a figure that draws one legend for several plots).
func (p *Plot) Name(name string, thumbs ...plot.Thumbnailer) {
	for _, t := range thumbs {
		if pl, ok := t.(plot.Plotter); ok {
			p.names[pl] = name
		}
	}
}

// ChartLegend adds an entry to the interactive legend only.
func (p *Plot) ChartLegend(name string, thumb plot.Thumbnailer) {
	p.legend = append(p.legend, legendOf(name, thumb))
}

// Hover is what the tooltip says at points of a chart: Text[i] at (X[i], Y[i]), or
// anywhere inside Rects[i] ([x0, x1, y0, y1], for bars) when Rects is set. It is not
// drawn.
type Hover struct {
	X, Y  []float64
	Text  []string
	Rects [][4]float64
}

// Hover adds tooltips to the chart of the plot.
func (p *Plot) Hover(h Hover) { p.hovers = append(p.hovers, h) }
