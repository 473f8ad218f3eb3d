package sampling

import (
	"fmt"
	"math"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"gonum.org/v1/gonum/stat/distuv"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"

	"github.com/ratelab/ratelab/analysis"
	"github.com/ratelab/ratelab/analysis/internal/chart"
)

// ProbOff returns the probability that a crash rate measured over khours thousand
// usage hours is off from the true rate (events per 1000 usage hours) by at least
// factor (> 1) either way. The count is X ~ Poisson(μ), μ = rate · khours, and the
// measured rate X/khours is off when X ≥ factor·μ or X ≤ μ/factor:
//
//	P = P(X ≥ ⌈factor·μ⌉) + P(X ≤ ⌊μ/factor⌋).
//
// A count of zero, a measured rate of 0, is off by any factor. It fails unless rate
// and khours are positive and finite and factor is above 1.
func ProbOff(rate, khours, factor float64) (float64, error) {
	if !(rate > 0) || math.IsInf(rate, 0) || !(khours > 0) || math.IsInf(khours, 0) || !(factor > 1) || math.IsInf(factor, 0) {
		return math.NaN(), fmt.Errorf("sampling: ProbOff(%g, %g, %g): need a positive rate and exposure and a factor above 1", rate, khours, factor)
	}
	mu := rate * khours
	pois := distuv.Poisson{Lambda: mu}
	hi := math.Ceil(factor * mu)
	return pois.Survival(hi-1) + pois.CDF(math.Floor(mu/factor)), nil
}

// SmallRates is the outcome of SmallSampleRates: by exposure, how often the measured
// rate is off by each factor, in closed form and in simulation.
type SmallRates struct {
	Rate      float64   // the true rate, events per 1000 usage hours
	KHours    []float64 // exposures, thousands of usage hours
	Factors   []float64
	Draws     int
	Exact     [][]float64 // Exact[f][e]: ProbOff(Rate, KHours[e], Factors[f])
	Simulated [][]float64 // Simulated[f][e]: the share of Draws simulated rates that were off
}

// SmallSampleRates simulates draws measured rates at each exposure, for a true rate
// of rate events per 1000 usage hours, and counts how often each is off by each
// factor, beside the closed form ProbOff: the picture behind "never read a rate
// without its count".
func SmallSampleRates(rate float64, khours, factors []float64, draws int, seed uint64) (*SmallRates, error) {
	if !(rate > 0) || math.IsInf(rate, 0) || draws < 1 {
		return nil, fmt.Errorf("sampling: small-sample rates: need a positive rate (got %g) and draws (got %d)", rate, draws)
	}
	for _, f := range factors {
		if !(f > 1) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("sampling: small-sample rates: factor %g must be above 1", f)
		}
	}
	for _, t := range khours {
		if !(t > 0) || math.IsInf(t, 0) {
			return nil, fmt.Errorf("sampling: small-sample rates: exposure %g khours must be positive", t)
		}
	}
	s := &SmallRates{Rate: rate, KHours: khours, Factors: factors, Draws: draws}
	rnd := newRand(seed)
	counts := make([]float64, draws)
	for range factors {
		s.Exact = append(s.Exact, make([]float64, len(khours)))
		s.Simulated = append(s.Simulated, make([]float64, len(khours)))
	}
	for e, t := range khours {
		pois := distuv.Poisson{Lambda: rate * t, Src: rnd}
		for i := range counts {
			counts[i] = pois.Rand()
		}
		for f, factor := range factors {
			s.Exact[f][e], _ = ProbOff(rate, t, factor) // arguments checked above
			off := 0
			for _, x := range counts {
				if r := x / t; r >= factor*rate || r <= rate/factor {
					off++
				}
			}
			s.Simulated[f][e] = float64(off) / float64(draws)
		}
	}
	return s, nil
}

// Table returns one row per exposure and factor: exposure, expected events, the
// closed-form and simulated probability of being off by the factor.
func (s *SmallRates) Table() dataframe.DataFrame {
	var kh, mu, fac, exact, sim []float64
	for e, t := range s.KHours {
		for f, factor := range s.Factors {
			kh = append(kh, t)
			mu = append(mu, s.Rate*t)
			fac = append(fac, factor)
			exact = append(exact, s.Exact[f][e])
			sim = append(sim, s.Simulated[f][e])
		}
	}
	return dataframe.New(
		series.New(kh, series.Float, "khours"),
		series.New(mu, series.Float, "expected_events"),
		series.New(fac, series.Float, "factor"),
		series.New(exact, series.Float, "p_off_exact"),
		series.New(sim, series.Float, "p_off_simulated"),
	)
}

// Plot draws the probability of being off by each factor against the exposure: the
// closed form as lines, the simulation as points.
func (s *SmallRates) Plot() (*plot.Plot, error) {
	return chart.Static(s.draw())
}

// Chart is Plot's figure as an interactive chart: hovering a point shows its
// series, its values and, for an estimate, its interval.
func (s *SmallRates) Chart() (*analysis.Chart, error) {
	return chart.Interactive(s.draw())
}

func (s *SmallRates) draw() (*chart.Plot, error) {
	p := newPlot(fmt.Sprintf("How often a rate is off (true rate %g per 1000 h)", s.Rate),
		"exposure, thousand usage hours (log scale)", "probability the measured rate is off")
	p.X.Scale = plot.LogScale{}
	p.X.Tick.Marker = plot.LogTicks{Prec: -1}
	p.Legend.Left = false
	p.Y.Min, p.Y.Max = 0, 1
	for f, factor := range s.Factors {
		if err := addLine(p, s.KHours, s.Exact[f], fmt.Sprintf("≥ %g× off, exact (Poisson)", factor), f, false); err != nil {
			return nil, err
		}
		pts := make(plotter.XYs, len(s.KHours))
		for e, t := range s.KHours {
			pts[e].X, pts[e].Y = t, s.Simulated[f][e]
		}
		sc, err := plotter.NewScatter(pts)
		if err != nil {
			return nil, err
		}
		sc.Color, sc.Shape, sc.Radius = plotutil.Color(f), plotutil.Shape(f), vg.Points(3)
		p.Add(sc)
		p.Label(fmt.Sprintf("≥ %g× off, %d simulated draws", factor, s.Draws), sc)
	}
	return p, nil
}
