package analysis

import (
	"fmt"
	"math"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/optimize"
	"gonum.org/v1/gonum/stat/distuv"
)

// GammaPrior is a gamma distribution of the true rates of many groups, in events per
// 1000 usage hours, given by its shape and mean; its rate parameter (per thousand
// usage hours) is Shape/Mean and its coefficient of variation 1/√Shape.
type GammaPrior struct {
	Shape float64
	Mean  float64
}

// Gamma returns the prior as a distuv.Gamma over rates per 1000 usage hours.
func (p GammaPrior) Gamma() distuv.Gamma {
	return distuv.Gamma{Alpha: p.Shape, Beta: p.Shape / p.Mean}
}

// Posterior returns the distribution of a group's true rate after seeing r: by
// gamma–Poisson conjugacy, Gamma(Shape + events, Shape/Mean + khours).
func (p GammaPrior) Posterior(r Rate) distuv.Gamma {
	return distuv.Gamma{Alpha: p.Shape + float64(r.Events), Beta: p.Shape/p.Mean + r.KHours}
}

// Shrinkage is an empirical-Bayes gamma–Poisson model of many groups' rates (Clayton
// and Kaldor 1987): group i sees Poisson(λᵢ·Tᵢ) events over Tᵢ thousand usage hours,
// and the λᵢ are drawn from a gamma prior fitted to all groups. Each group's estimate
// is its posterior mean, (Shape + xᵢ)/(Shape/Mean + Tᵢ): a weighted average of its
// own rate and the prior mean, leaning on its own data as its exposure grows. Small
// groups are pulled towards the others instead of showing their noise.
//
// Like all empirical-Bayes intervals, the posterior intervals treat the fitted prior
// as known and are somewhat too narrow when there are few groups.
type Shrinkage struct {
	// Prior is the fitted gamma prior.
	Prior GammaPrior
	// Method says how the prior was fitted: "ml" (maximum likelihood) or "moments".
	Method string
	// Homogeneous reports that the groups show no variation beyond Poisson noise (the
	// likelihood is highest as Shape → ∞): every group's estimate is then the pooled
	// rate, with the pooled rate's exact interval.
	Homogeneous bool
	// Pooled is the pooled rate of the groups.
	Pooled Rate
	// Groups is the number of groups with exposure that the fit used.
	Groups int
}

// homogeneousShape is the prior shape above which the between-group coefficient of
// variation (1/√Shape < 0.1%) is taken as none.
const homogeneousShape = 1e6

// FitShrinkage fits the gamma prior to the groups' rates by maximum likelihood of the
// negative-binomial marginal: with a = Shape and m = Mean, each count has
//
//	log P(xᵢ) = lnΓ(xᵢ+a) − lnΓ(a) − ln xᵢ! + a·ln(a/(a+m·Tᵢ)) + xᵢ·ln(m·Tᵢ/(a+m·Tᵢ)),
//
// maximised over (ln a, ln m) by BFGS from Marshall's moment estimate
// (FitShrinkageMoments), which is also the fallback if the optimiser fails (Method
// "moments"). Groups without exposure carry no information and are skipped. It fails
// for a group that is not a rate, with fewer than two groups with exposure, or with no
// events.
func FitShrinkage(rates []Rate) (Shrinkage, error) {
	xs, ts, s, err := shrinkGroups("FitShrinkage", rates)
	if err != nil {
		return s, err
	}
	mean := s.Pooled.Value()
	start := math.Min(homogeneousShape, marshallShape(xs, ts, mean))
	nll := func(p []float64) float64 { return -nbLogLik(xs, ts, math.Exp(p[0]), math.Exp(p[1])) }
	grad := func(g, p []float64) {
		a, m := math.Exp(p[0]), math.Exp(p[1])
		var ga, gm float64
		for i, x := range xs {
			d := a + m*ts[i]
			ga += mathext.Digamma(x+a) - mathext.Digamma(a) + math.Log(a/d) + 1 - (a+x)/d
			gm += x/m - (a+x)*ts[i]/d
		}
		g[0], g[1] = -a*ga, -m*gm
	}
	res, _ := optimize.Minimize(optimize.Problem{Func: nll, Grad: grad},
		[]float64{math.Log(start), math.Log(mean)}, &optimize.Settings{GradientThreshold: 1e-7}, &optimize.BFGS{})
	// Judge the result by stationarity rather than by err: near the optimum the line
	// search may give up for lack of float64 precision with the gradient already ~0.
	if res == nil || !stationary(res.Location) {
		return s.withMoments(xs, ts), nil
	}
	s.Method = "ml"
	s.Prior = GammaPrior{Shape: math.Exp(res.X[0]), Mean: math.Exp(res.X[1])}
	// The negative binomial tends to the Poisson as a → ∞: if the pooled Poisson
	// model fits as well, there is no between-group variation to find.
	poisson := 0.0
	for i, x := range xs {
		poisson += distuv.Poisson{Lambda: mean * ts[i]}.LogProb(x)
	}
	if s.Prior.Shape > homogeneousShape || -res.F <= poisson+1e-9 {
		s.Homogeneous, s.Prior = true, GammaPrior{Shape: math.Inf(1), Mean: mean}
	}
	return s, nil
}

// FitShrinkageMoments fits the gamma prior by Marshall's (1991, Appl Stat 40:283)
// method of moments, as R's epiR::epi.empbayes: with m = Σxᵢ/ΣTᵢ the pooled rate,
// rᵢ = xᵢ/Tᵢ and T̄ the mean exposure,
//
//	φ = Σ Tᵢ(rᵢ − m)² / ΣTᵢ − m/T̄,   Shape = m²/φ,  Mean = m,
//
// φ being the variance of the true rates between groups: the observed weighted
// variance less what Poisson noise alone explains. A φ ≤ 0 (epiR truncates it to 0)
// means no variation beyond noise: the fit is Homogeneous. Each group's estimate is
// then m + φ(rᵢ − m)/(φ + m/Tᵢ), the posterior mean. Moments need no optimiser and
// are what epiR reports; maximum likelihood (FitShrinkage) is more efficient when the
// groups' exposures differ widely. Groups without exposure are skipped; it fails as
// FitShrinkage does.
func FitShrinkageMoments(rates []Rate) (Shrinkage, error) {
	xs, ts, s, err := shrinkGroups("FitShrinkageMoments", rates)
	if err != nil {
		return s, err
	}
	return s.withMoments(xs, ts), nil
}

// shrinkGroups checks rates and returns the counts and exposures of the groups with
// exposure, and a Shrinkage holding their pooled rate and number.
func shrinkGroups(fn string, rates []Rate) (xs, ts []float64, s Shrinkage, err error) {
	if err := checkRates(rates); err != nil {
		return nil, nil, s, fmt.Errorf("analysis: %s: %w", fn, err)
	}
	for _, r := range rates {
		if r.KHours == 0 {
			continue
		}
		xs, ts = append(xs, float64(r.Events)), append(ts, r.KHours)
		s.Pooled = s.Pooled.Add(r)
	}
	s.Groups = len(xs)
	if s.Groups < 2 {
		return nil, nil, s, fmt.Errorf("analysis: %s: %d groups with exposure; need at least 2", fn, s.Groups)
	}
	if s.Pooled.Events == 0 {
		return nil, nil, s, fmt.Errorf("analysis: %s: no events in any group; the prior mean would be 0", fn)
	}
	return xs, ts, s, nil
}

// withMoments returns s with Marshall's moment fit to the groups (xs, ts).
func (s Shrinkage) withMoments(xs, ts []float64) Shrinkage {
	mean := s.Pooled.Value()
	s.Method = "moments"
	s.Prior = GammaPrior{Shape: marshallShape(xs, ts, mean), Mean: mean}
	if !(s.Prior.Shape < homogeneousShape) {
		s.Homogeneous, s.Prior.Shape = true, math.Inf(1)
	}
	return s
}

// marshallShape returns the gamma shape m²/φ of Marshall's moment estimate (see
// FitShrinkageMoments), +Inf when φ ≤ 0.
func marshallShape(xs, ts []float64, mean float64) float64 {
	var ss, sumT float64
	for i, x := range xs {
		d := x/ts[i] - mean
		ss += ts[i] * d * d
		sumT += ts[i]
	}
	phi := ss/sumT - mean/(sumT/float64(len(xs)))
	if !(phi > 0) {
		return math.Inf(1)
	}
	return mean * mean / phi
}

// stationary reports whether loc is a finite point where the gradient of the
// negative log-likelihood (in ln a, ln m) vanishes to 1e-5.
func stationary(loc optimize.Location) bool {
	if math.IsNaN(loc.F) || math.IsInf(loc.F, 0) || loc.Gradient == nil {
		return false
	}
	for i, g := range loc.Gradient {
		if math.IsNaN(loc.X[i]) || math.IsInf(loc.X[i], 0) || !(math.Abs(g) <= 1e-5) {
			return false
		}
	}
	return true
}

// nbLogLik is the negative-binomial log-likelihood of counts xs over exposures ts
// with gamma shape a and mean rate m (see FitShrinkage).
func nbLogLik(xs, ts []float64, a, m float64) float64 {
	la, _ := math.Lgamma(a)
	var ll float64
	for i, x := range xs {
		mu := m * ts[i]
		lxa, _ := math.Lgamma(x + a)
		lx1, _ := math.Lgamma(x + 1)
		ll += lxa - la - lx1 + a*math.Log(a/(a+mu))
		if x > 0 {
			ll += x * math.Log(mu/(a+mu))
		}
	}
	return ll
}

// Estimate returns the shrunk rate of a group with rate r, its posterior mean, and
// the equal-tailed posterior interval at level, in events per 1000 usage hours. For
// homogeneous groups it is the pooled rate with its exact (Garwood) interval. It
// fails for a level outside (0, 1) or an r that is not a rate.
func (s Shrinkage) Estimate(r Rate, level float64) (mean, lo, hi float64, err error) {
	if err := r.check(); err != nil {
		return math.NaN(), math.NaN(), math.NaN(), fmt.Errorf("analysis: shrinkage estimate of %v: %w", r, err)
	}
	if err := checkLevel(level); err != nil {
		return math.NaN(), math.NaN(), math.NaN(), fmt.Errorf("analysis: shrinkage estimate: %w", err)
	}
	if s.Homogeneous {
		lo, hi, err = s.Pooled.Interval(level)
		return s.Pooled.Value(), lo, hi, err
	}
	post := s.Posterior(r)
	return post.Mean(), post.Quantile((1 - level) / 2), post.Quantile((1 + level) / 2), nil
}

// Posterior returns the posterior distribution of the true rate of a group with rate
// r, Gamma(Shape + events, Shape/Mean + khours).
func (s Shrinkage) Posterior(r Rate) distuv.Gamma {
	return s.Prior.Posterior(r)
}

// String describes the fit, for example
// "gamma prior: mean 2.1 per 1k h, shape 4.3 (CV 48%), maximum likelihood over 30 groups".
func (s Shrinkage) String() string {
	how := map[string]string{"ml": "maximum likelihood", "moments": "method of moments"}[s.Method]
	if s.Homogeneous {
		return fmt.Sprintf("no variation between the %d groups beyond Poisson noise (%s): pooled rate %.4g per 1k h",
			s.Groups, how, s.Pooled.Value())
	}
	return fmt.Sprintf("gamma prior: mean %.4g per 1k h, shape %.4g (CV %.0f%%), %s over %d groups",
		s.Prior.Mean, s.Prior.Shape, 100/math.Sqrt(s.Prior.Shape), how, s.Groups)
}

// ShrinkTable fits a Shrinkage by maximum likelihood (FitShrinkage) to the groups
// (labels[i] with rates[i]) and returns its Table.
func ShrinkTable(labels []string, rates []Rate, level float64) (dataframe.DataFrame, error) {
	s, err := FitShrinkage(rates)
	if err != nil {
		return dataframe.DataFrame{}, err
	}
	return s.Table(labels, rates, level)
}

// Table returns one row per group (labels[i] with rates[i]): group, events, khours,
// rate (raw, per 1000 usage hours), its exact lo and hi, shrunk (posterior mean),
// shrunk_lo, shrunk_hi (posterior interval at level). It fails when the slices differ
// in length, for a rate that is not one, or for a level outside (0, 1).
func (s Shrinkage) Table(labels []string, rates []Rate, level float64) (dataframe.DataFrame, error) {
	if len(labels) != len(rates) {
		return dataframe.DataFrame{}, fmt.Errorf("analysis: shrinkage table: %d labels for %d rates", len(labels), len(rates))
	}
	if err := checkRates(rates); err != nil {
		return dataframe.DataFrame{}, fmt.Errorf("analysis: shrinkage table: %w", err)
	}
	if err := checkLevel(level); err != nil {
		return dataframe.DataFrame{}, fmt.Errorf("analysis: shrinkage table: %w", err)
	}
	events := make([]int, len(rates))
	for i, r := range rates {
		events[i] = int(r.Events)
	}
	cols := []series.Series{
		series.New(labels, series.String, "group"),
		series.New(events, series.Int, "events"),
	}
	cols = append(cols, floatColumns(len(rates), []string{"khours", "rate", "lo", "hi", "shrunk", "shrunk_lo", "shrunk_hi"}, func(i int) []float64 {
		r := rates[i]
		lo, hi, _ := r.Interval(level)        // checked above
		m, slo, shi, _ := s.Estimate(r, level) // checked above
		return []float64{r.KHours, r.Value(), lo, hi, m, slo, shi}
	})...)
	return dataframe.New(cols...), nil
}
