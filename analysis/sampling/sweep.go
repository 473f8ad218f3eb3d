package sampling

import (
	"fmt"
	"image/color"
	"math"

	"github.com/go-gota/gota/dataframe"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"

	"github.com/ratelab/ratelab/analysis"
	"github.com/ratelab/ratelab/analysis/internal/chart"
)

// Sweep is a grid of repeated polls, one PollResult per response mechanism and poll
// size, showing that a larger poll shrinks the spread of its estimate but not its bias.
type Sweep struct {
	Sizes     []int
	Responses []Response
	// Results[i*len(Sizes)+j] are the polls under Responses[i] of size Sizes[j].
	Results []*PollResult
}

// PollSweep runs repeats polls of each size under each response mechanism at the
// given confidence level (0 means 0.95), seeded with seed.
func PollSweep(pop Population, sizes []int, repeats int, responses []Response, level float64, seed uint64) (*Sweep, error) {
	if len(sizes) == 0 || len(responses) == 0 {
		return nil, fmt.Errorf("sampling: poll sweep needs at least one size and one response mechanism")
	}
	sw := &Sweep{Sizes: sizes, Responses: responses}
	seeds := newRand(seed)
	for _, resp := range responses {
		for _, n := range sizes {
			r, err := Polls(pop, PollSpec{Size: n, Repeats: repeats, Response: resp, Level: level}, seeds.Uint64())
			if err != nil {
				return nil, err
			}
			sw.Results = append(sw.Results, r)
		}
	}
	return sw, nil
}

// Table returns one summary row (see PollResult.Summary) per mechanism and size.
func (sw *Sweep) Table() dataframe.DataFrame {
	df := sw.Results[0].Summary()
	for _, r := range sw.Results[1:] {
		df = df.RBind(r.Summary())
	}
	return df
}

// Plot draws, for each mechanism, the mean of the polls with a band of ±2 standard
// errors against the poll size: the band narrows as n grows, around the truth when
// everyone answers and around the wrong value otherwise.
func (sw *Sweep) Plot() (*plot.Plot, error) {
	return chart.Static(sw.draw())
}

// Chart is Plot's figure as an interactive chart: hovering a point shows its
// series, its values and, for an estimate, its interval.
func (sw *Sweep) Chart() (*analysis.Chart, error) {
	return chart.Interactive(sw.draw())
}

func (sw *Sweep) draw() (*chart.Plot, error) {
	p := newPlot("Bigger polls: smaller spread, same bias", "poll size n (log scale)", "poll mean ± 2 SE")
	p.X.Scale = plot.LogScale{}
	p.X.Tick.Marker = plot.LogTicks{Prec: -1}
	for i, resp := range sw.Responses {
		rs := sw.Results[i*len(sw.Sizes) : (i+1)*len(sw.Sizes)]
		iv := intervals{}
		for j, r := range rs {
			// Offset mechanisms a little along x so their bars do not overlap.
			iv.x = append(iv.x, float64(sw.Sizes[j])*math.Pow(1.06, float64(i)))
			m := r.Truth + r.Bias
			iv.mid = append(iv.mid, m)
			iv.lo = append(iv.lo, m-2*r.SE)
			iv.hi = append(iv.hi, m+2*r.SE)
		}
		if err := addIntervals(p, iv, resp.Name, i); err != nil {
			return nil, err
		}
	}
	addHLine(p, sw.Results[0].Truth, "population mean", color.Black, false)
	headroom(p.Plot, 0.3)
	return p, nil
}

// CoveragePlot draws the share of intervals that cover the truth, as bars by poll
// size for each mechanism, against the nominal level: under value-dependent
// non-response coverage falls as the polls grow.
func (sw *Sweep) CoveragePlot() (*plot.Plot, error) {
	return chart.Static(sw.drawCoverage())
}

// CoverageChart is CoveragePlot's figure as an interactive chart: hovering a point shows its
// series, its values and, for an estimate, its interval.
func (sw *Sweep) CoverageChart() (*analysis.Chart, error) {
	return chart.Interactive(sw.drawCoverage())
}

func (sw *Sweep) drawCoverage() (*chart.Plot, error) {
	p := newPlot("How often the poll's interval covers the truth", "poll size n", "coverage")
	// The mechanisms' bars share each size's slot, 80% of it.
	w := 0.8 / float64(len(sw.Responses))
	var hover chart.Hover
	for i, resp := range sw.Responses {
		var first *plotter.Polygon
		for j, n := range sw.Sizes {
			r := sw.Results[i*len(sw.Sizes)+j]
			x := float64(j) + (float64(i)-float64(len(sw.Responses)-1)/2)*w
			x0, x1 := x-0.45*w, x+0.45*w
			bar, err := plotter.NewPolygon(plotter.XYs{{X: x0, Y: 0}, {X: x1, Y: 0}, {X: x1, Y: r.Coverage}, {X: x0, Y: r.Coverage}})
			if err != nil {
				return nil, err
			}
			bar.Color, bar.LineStyle.Width = plotutil.Color(i), 0
			p.Add(bar)
			if first == nil {
				first = bar
			}
			hover.X, hover.Y = append(hover.X, x), append(hover.Y, r.Coverage)
			hover.Rects = append(hover.Rects, [4]float64{x0, x1, 0, r.Coverage})
			hover.Text = append(hover.Text, fmt.Sprintf("%s, n = %d\n%.1f%% of %d intervals cover the truth", resp.Name, n, 100*r.Coverage, len(r.Means)))
		}
		p.Label(resp.Name, first)
	}
	p.Hover(hover)
	names := make([]string, len(sw.Sizes))
	for j, n := range sw.Sizes {
		names[j] = fmt.Sprint(n)
	}
	p.NominalX(names...)
	p.X.Min, p.X.Max = -0.6, float64(len(sw.Sizes))-0.4
	addHLine(p, sw.Results[0].Spec.Level, "nominal level", color.Black, true)
	p.Y.Min, p.Y.Max = 0, 1.15
	return p, nil
}
