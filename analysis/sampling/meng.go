package sampling

import (
	"fmt"
	"math"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"

	"github.com/ratelab/ratelab/analysis"
	"github.com/ratelab/ratelab/analysis/internal/chart"
)

// MengTerms is Meng's exact decomposition of the error of a sample mean (X.-L. Meng
// 2018, "Statistical paradises and paradoxes in big data (I)", Ann. Appl. Stat.
// 12(2):685–726).
// With R_i = 1 when unit i is in the sample, n = ΣR_i of the N units,
//
//	ȳ_n − Ȳ_N = ρ_{R,Y} · √((N − n)/n) · σ_Y
//
// error = data quality (the data defect correlation between being recorded and the
// value) × data quantity × problem difficulty (σ_Y, divisor N).
type MengTerms struct {
	N, Size int
	// Rho is the data defect correlation ρ_{R,Y}, the population correlation of the
	// inclusion indicator with the value. A simple random sample has ρ of order
	// 1/√N; any selection that depends on the value has ρ of order one's own size.
	Rho float64
	// Quantity is √((N − n)/n); SigmaY the population standard deviation of Y.
	Quantity, SigmaY float64
	// Error is the sample mean minus the population mean, ȳ_n − Ȳ_N.
	Error float64
}

// Product returns ρ · √((N − n)/n) · σ_Y, equal to Error up to rounding.
func (m MengTerms) Product() float64 { return m.Rho * m.Quantity * m.SigmaY }

// EquivalentSRS returns the size of a simple random sample with the same mean squared
// error, f/(1−f) · 1/ρ² with f = n/N (Meng 2018, with the realised ρ² in place of its
// expectation): how little a large non-random sample is worth.
func (m MengTerms) EquivalentSRS() float64 {
	f := float64(m.Size) / float64(m.N)
	return f / (1 - f) / (m.Rho * m.Rho)
}

// Decompose returns Meng's decomposition for the sample of pop marked by in (in[i] is
// true when unit i is in the sample).
func Decompose(pop Population, in []bool) (MengTerms, error) {
	N := pop.Len()
	if len(in) != N {
		return MengTerms{}, fmt.Errorf("sampling: decompose: %d inclusion flags for a population of %d", len(in), N)
	}
	r := make([]float64, N)
	var sum float64
	n := 0
	for i, ok := range in {
		if ok {
			r[i] = 1
			sum += pop.Values[i]
			n++
		}
	}
	if n == 0 || n == N {
		return MengTerms{}, fmt.Errorf("sampling: decompose: the sample holds %d of %d units; need some in and some out", n, N)
	}
	return MengTerms{
		N:        N,
		Size:     n,
		Rho:      stat.Correlation(r, pop.Values, nil),
		Quantity: math.Sqrt(float64(N-n) / float64(n)),
		SigmaY:   pop.StdDev(),
		Error:    sum/float64(n) - pop.Mean(),
	}, nil
}

// Paradox is the outcome of BigDataParadox: for each sampling fraction, Meng's terms
// for a self-selected sample and for a simple random sample of about the same size.
type Paradox struct {
	Response  Response
	Fractions []float64
	Selected  []MengTerms
	Random    []MengTerms
}

// BigDataParadox draws, for each fraction f of the population, a self-selected sample
// in which each unit joins with probability c·p(y) (p from resp, c = f / mean p, so
// that about f·N join) and a Bernoulli random sample in which each unit joins with
// probability f, and decomposes both errors. The random sample's error shrinks as
// 1/√n; the self-selected one's stays put however large the sample grows.
func BigDataParadox(pop Population, resp Response, fractions []float64, seed uint64) (*Paradox, error) {
	ps, err := resp.probs(pop.Values)
	if err != nil {
		return nil, err
	}
	meanP, maxP := stat.Mean(ps, nil), 0.0
	for _, p := range ps {
		maxP = math.Max(maxP, p)
	}
	rnd := newRand(seed)
	px := &Paradox{Response: resp, Fractions: fractions}
	sel, srs := make([]bool, pop.Len()), make([]bool, pop.Len())
	for _, f := range fractions {
		c := f / meanP
		if !(f > 0 && f < 1) || c*maxP > 1 {
			return nil, fmt.Errorf("sampling: big-data paradox: fraction %g is outside (0, 1) or needs an inclusion probability above 1 under %q (at most %.3g)", f, resp.Name, meanP/maxP)
		}
		for i, p := range ps {
			sel[i] = rnd.Float64() < c*p
			srs[i] = rnd.Float64() < f
		}
		a, err := Decompose(pop, sel)
		if err != nil {
			return nil, err
		}
		b, err := Decompose(pop, srs)
		if err != nil {
			return nil, err
		}
		px.Selected = append(px.Selected, a)
		px.Random = append(px.Random, b)
	}
	return px, nil
}

// Table returns one row per fraction and sample kind with Meng's three factors, their
// product, the actual error and the equivalent simple-random-sample size.
func (px *Paradox) Table() dataframe.DataFrame {
	var kind []string
	var frac, rho, qty, sigma, prod, errs, eq []float64
	var size []int
	for i, f := range px.Fractions {
		for _, t := range []struct {
			name string
			m    MengTerms
		}{{"self-selected", px.Selected[i]}, {"simple random", px.Random[i]}} {
			kind = append(kind, t.name)
			frac = append(frac, f)
			size = append(size, t.m.Size)
			rho = append(rho, t.m.Rho)
			qty = append(qty, t.m.Quantity)
			sigma = append(sigma, t.m.SigmaY)
			prod = append(prod, t.m.Product())
			errs = append(errs, t.m.Error)
			eq = append(eq, t.m.EquivalentSRS())
		}
	}
	return dataframe.New(
		series.New(kind, series.String, "sample"),
		series.New(frac, series.Float, "fraction"),
		series.New(size, series.Int, "n"),
		series.New(rho, series.Float, "rho_RY"),
		series.New(qty, series.Float, "sqrt_(N-n)/n"),
		series.New(sigma, series.Float, "sigma_Y"),
		series.New(prod, series.Float, "product"),
		series.New(errs, series.Float, "error"),
		series.New(eq, series.Float, "equivalent_srs_n"),
	)
}

// Plot draws |error| against the sample size on log–log axes for both kinds of
// sample, each point being exactly the product of Meng's three factors: the random
// sample's error falls along σ√((1−f)/n), the self-selected one's stays flat.
func (px *Paradox) Plot() (*plot.Plot, error) {
	return chart.Static(px.draw())
}

// Chart is Plot's figure as an interactive chart: hovering a point shows its
// series, its values and, for an estimate, its interval.
func (px *Paradox) Chart() (*analysis.Chart, error) {
	return chart.Interactive(px.draw())
}

func (px *Paradox) draw() (*chart.Plot, error) {
	p := newPlot("Meng's paradox: error = ρ · √((N−n)/n) · σ", "sample size n (log scale)", "|sample mean − population mean| (log scale)")
	p.X.Scale, p.Y.Scale = plot.LogScale{}, plot.LogScale{}
	p.X.Tick.Marker, p.Y.Tick.Marker = plot.LogTicks{Prec: -1}, plot.LogTicks{Prec: -1}
	var rhoSel float64
	for _, m := range px.Selected {
		rhoSel += math.Abs(m.Rho) / float64(len(px.Selected))
	}
	for i, s := range []struct {
		name  string
		terms []MengTerms
	}{
		{fmt.Sprintf("self-selected, mean |ρ| = %.3f", rhoSel), px.Selected},
		{"simple random sample", px.Random},
	} {
		pts := make(plotter.XYs, len(s.terms))
		for j, m := range s.terms {
			// A log axis cannot show 0; an exact zero error does not occur in practice.
			pts[j].X, pts[j].Y = float64(m.Size), math.Max(math.Abs(m.Product()), 1e-12)
		}
		sc, err := plotter.NewScatter(pts)
		if err != nil {
			return nil, err
		}
		sc.Color, sc.Shape = plotutil.Color(i), plotutil.Shape(i)
		sc.Radius = vg.Points(4)
		p.Add(sc)
		p.Label(s.name, sc)
	}
	m0 := px.Random[0]
	f := plotter.NewFunction(func(n float64) float64 {
		return m0.SigmaY * math.Sqrt((1-n/float64(m0.N))/n)
	})
	f.Color, f.Dashes = plotutil.Color(1), []vg.Length{vg.Points(6), vg.Points(3)}
	p.Add(f)
	p.Label("SRS standard error σ√((1−f)/n)", f)
	headroom(p.Plot, 0.3)
	return p, nil
}
