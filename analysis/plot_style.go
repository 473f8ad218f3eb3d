package analysis

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/ratelab/ratelab/analysis/internal/chart"
)

// Colours shared by the plots: one for rates, a paler one for their interval bands,
// and one that marks what needs attention (low exposure, outliers).
var (
	colorRate     = color.RGBA{R: 31, G: 119, B: 180, A: 255}
	colorBand     = color.NRGBA{R: 31, G: 119, B: 180, A: 70}
	colorCount    = color.RGBA{R: 90, G: 90, B: 90, A: 255}
	colorExposure = color.RGBA{R: 44, G: 160, B: 44, A: 255}
	colorWarn     = color.RGBA{R: 214, G: 39, B: 40, A: 255}
	colorLimit95  = color.RGBA{R: 255, G: 127, B: 14, A: 255}
	colorLimit998 = color.RGBA{R: 214, G: 39, B: 40, A: 255}
)

// platformColors colours the platforms of a grouped bar chart.
var platformColors = []color.Color{
	colorRate,
	color.RGBA{R: 255, G: 127, B: 14, A: 255},
	color.RGBA{R: 44, G: 160, B: 44, A: 255},
	color.RGBA{R: 148, G: 103, B: 189, A: 255},
	color.RGBA{R: 140, G: 86, B: 75, A: 255},
	color.RGBA{R: 227, G: 119, B: 194, A: 255},
}

// chartDefaults resolves the options the rate charts (ReleaseBars, DerivedDirect)
// share: an unset level is 0.95, a nil rule DefaultExposureRule, an empty measure
// "events".
func chartDefaults(level float64, rule *ExposureRule, measure string) (float64, ExposureRule, string) {
	if level == 0 {
		level = 0.95
	}
	r := DefaultExposureRule
	if rule != nil {
		r = *rule
	}
	if measure == "" {
		measure = "events"
	}
	return level, r, measure
}

// newPlot returns a plot with the title and axis labels set in sizes readable at
// notebook width, recording what is drawn on it for its interactive chart.
func newPlot(title, xlabel, ylabel string) *chart.Plot {
	p := chart.Wrap(plot.New())
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = vg.Points(12)
	p.X.Label.Text = xlabel
	p.Y.Label.Text = ylabel
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font.Size = vg.Points(10)
		a.Tick.Label.Font.Size = vg.Points(9)
	}
	p.Legend.TextStyle.Font.Size = vg.Points(9)
	p.Legend.ThumbnailWidth = vg.Points(20)
	p.Add(plotter.NewGrid())
	return p
}

// describeRate is the tooltip text of a rate with its interval [lo, hi] at level:
// its events, its exposure, the rate, and whether it falls under the exposure rule.
func describeRate(r Rate, measure string, level, lo, hi float64, low bool, rule ExposureRule) string {
	s := fmt.Sprintf("%d %s over %.3g k usage hours\nrate: %.3g per 1000 usage hours\n%g%% exact interval: %.3g – %.3g",
		r.Events, measure, r.KHours, r.Value(), 100*level, lo, hi)
	if low {
		s += "\n" + lowExposureLabel(rule)
	}
	return s
}

// newLegend returns a legend styled like newPlot's.
func newLegend() *plot.Legend {
	l := plot.NewLegend()
	l.TextStyle.Font.Size = vg.Points(9)
	l.ThumbnailWidth = vg.Points(20)
	return &l
}

// makeRoomForLegend raises the top of p's y axis so that a legend of n entries drawn
// at the top of the plot lies above every data value up to top. Each entry takes
// about 4.5% of the height of a plot at notebook size.
func makeRoomForLegend(p *plot.Plot, top float64, n int) {
	lo := math.Min(p.Y.Min, 0)
	p.Y.Min = lo
	p.Y.Max = top + (top-lo)*0.055*float64(n+1)
}

// intervalBars is a set of intervals [Lo, Hi] around values at x positions, as
// plotter.YErrorBars draws them.
type intervalBars struct {
	x, y, lo, hi []float64
}

func (b intervalBars) Len() int                        { return len(b.x) }
func (b intervalBars) XY(i int) (float64, float64)     { return b.x[i], b.y[i] }
func (b intervalBars) YError(i int) (float64, float64) { return b.y[i] - b.lo[i], b.hi[i] - b.y[i] }

// markers returns a filled circle style for ordinary points and a hollow ring for
// points over low exposure.
func markers(c color.Color) (normal, low draw.GlyphStyle) {
	normal = draw.GlyphStyle{Color: c, Radius: vg.Points(2.6), Shape: draw.CircleGlyph{}}
	low = draw.GlyphStyle{Color: colorWarn, Radius: vg.Points(3.2), Shape: draw.RingGlyph{}}
	return normal, low
}

// withAlpha returns the opaque colour c made translucent with alpha a.
func withAlpha(c color.RGBA, a uint8) color.NRGBA {
	return color.NRGBA{R: c.R, G: c.G, B: c.B, A: a}
}

// rateLine returns a legend thumbnail of the rate line.
func rateLine() plot.Thumbnailer {
	l := &plotter.Line{}
	l.LineStyle = draw.LineStyle{Color: colorRate, Width: vg.Points(1.2)}
	return l
}

// glyphThumb is a legend thumbnail of one marker.
type glyphThumb draw.GlyphStyle

// Thumbnail implements plot.Thumbnailer.
func (g glyphThumb) Thumbnail(c *draw.Canvas) {
	c.DrawGlyph(draw.GlyphStyle(g), c.Center())
}

// GlyphStyle is the marker, for the legend of the interactive chart.
func (g glyphThumb) GlyphStyle() draw.GlyphStyle { return draw.GlyphStyle(g) }

// toRGBA converts c to an opaque RGBA colour.
func toRGBA(c color.Color) color.RGBA {
	r, g, b, _ := c.RGBA()
	return color.RGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 255}
}

// whiskerThumb is a legend thumbnail of an interval whisker: a vertical line with caps.
type whiskerThumb struct{}

// Thumbnail implements plot.Thumbnailer.
func (whiskerThumb) Thumbnail(c *draw.Canvas) {
	sty := draw.LineStyle{Color: color.Black, Width: vg.Points(1)}
	x := c.Center().X
	cap := vg.Points(3)
	c.StrokeLine2(sty, x, c.Min.Y, x, c.Max.Y)
	c.StrokeLine2(sty, x-cap, c.Min.Y, x+cap, c.Min.Y)
	c.StrokeLine2(sty, x-cap, c.Max.Y, x+cap, c.Max.Y)
}
