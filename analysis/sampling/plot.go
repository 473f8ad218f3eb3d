package sampling

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"

	"github.com/ratelab/ratelab/analysis/internal/chart"
)

// Plots are sized for a notebook cell (about 8×5 in); legends sit at the top left,
// above the data the callers place low or in the middle.

// newPlot returns a plot with a title and axis labels, legend at the top left.
func newPlot(title, x, y string) *chart.Plot {
	p := chart.Wrap(plot.New())
	p.Title.Text = title
	p.X.Label.Text = x
	p.Y.Label.Text = y
	p.Legend.Top = true
	p.Legend.Left = true
	p.Add(plotter.NewGrid())
	return p
}

// addHLine adds a horizontal reference line at y, labelled in the legend.
func addHLine(p *chart.Plot, y float64, label string, c color.Color, dashed bool) {
	f := plotter.NewFunction(func(float64) float64 { return y })
	f.Color = c
	f.Width = vg.Points(1.5)
	if dashed {
		f.Dashes = []vg.Length{vg.Points(6), vg.Points(3)}
	}
	p.Add(f)
	p.Label(label, f)
	// A function has no data range of its own: widen the axis to show the line.
	p.Y.Min, p.Y.Max = math.Min(p.Y.Min, y), math.Max(p.Y.Max, y)
}

// headroom raises the top of the y axis by frac of its span (a factor of 10^frac on
// a log axis, where the span is in decades, rounded up to a power of ten: log ticks
// past the top would otherwise shrink the data area) so that the legend sits above
// the data.
func headroom(p *plot.Plot, frac float64) {
	if _, ok := p.Y.Scale.(plot.LogScale); ok {
		p.Y.Max = math.Pow(10, math.Ceil(math.Log10(p.Y.Max)+frac*math.Log10(p.Y.Max/p.Y.Min)))
		return
	}
	p.Y.Max += frac * (p.Y.Max - p.Y.Min)
}

// intervals is a set of point estimates with asymmetric interval bounds, drawn as
// points with vertical error bars.
type intervals struct {
	x, mid, lo, hi []float64
}

func (iv intervals) Len() int                    { return len(iv.x) }
func (iv intervals) XY(i int) (float64, float64) { return iv.x[i], iv.mid[i] }
func (iv intervals) YError(i int) (float64, float64) {
	return iv.mid[i] - iv.lo[i], iv.hi[i] - iv.mid[i]
}

// addIntervals draws iv as coloured points with error bars, labelled in the legend.
func addIntervals(p *chart.Plot, iv intervals, label string, i int) error {
	sc, err := plotter.NewScatter(iv)
	if err != nil {
		return err
	}
	eb, err := plotter.NewYErrorBars(iv)
	if err != nil {
		return err
	}
	sc.Color = plotutil.Color(i)
	sc.Shape = plotutil.Shape(i)
	eb.Color = plotutil.Color(i)
	p.Add(eb, sc)
	p.Label(label, sc)
	return nil
}

// addLine draws the polyline through xs, ys, labelled in the legend.
func addLine(p *chart.Plot, xs, ys []float64, label string, i int, dashed bool) error {
	pts := make(plotter.XYs, len(xs))
	for j := range xs {
		pts[j].X, pts[j].Y = xs[j], ys[j]
	}
	l, err := plotter.NewLine(pts)
	if err != nil {
		return err
	}
	l.Color = plotutil.Color(i)
	l.Width = vg.Points(1.5)
	if dashed {
		l.Dashes = []vg.Length{vg.Points(6), vg.Points(3)}
	}
	p.Add(l)
	p.Label(label, l)
	return nil
}
