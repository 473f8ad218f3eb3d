package sampling

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// MeanEstimate is a design-based estimate of a population mean from a weighted
// sample, with its standard error by Taylor linearisation, as R's survey::svymean
// reports them.
type MeanEstimate struct {
	// Mean is the weighted mean Σwᵢyᵢ / Σwᵢ.
	Mean float64
	// SE is its standard error under the design named by Design.
	SE float64
	// N is the number of units; ESS their Kish effective sample size.
	N   int
	ESS float64
	// Design says which design the SE assumes: "weights as given",
	// "post-stratified" or "raked".
	Design string
}

// Interval returns the normal-theory confidence interval Mean ± z·SE at level, as
// R's confint(svymean(...)). It fails for a level outside (0, 1).
func (m MeanEstimate) Interval(level float64) (lo, hi float64, err error) {
	if !(level > 0 && level < 1) {
		return math.NaN(), math.NaN(), fmt.Errorf("sampling: interval: confidence level %g is outside (0, 1)", level)
	}
	z := distuv.UnitNormal.Quantile((1 + level) / 2)
	return m.Mean - z*m.SE, m.Mean + z*m.SE, nil
}

// String formats the estimate, for example "12.3 (SE 0.41, n = 800, Kish ESS 512, post-stratified)".
func (m MeanEstimate) String() string {
	return fmt.Sprintf("%.4g (SE %.2g, n = %d, Kish ESS %.0f, %s)", m.Mean, m.SE, m.N, m.ESS, m.Design)
}

// WeightedMean returns the weighted mean of y with weights w (inverse inclusion
// probabilities, any scale) and its standard error for a one-stage sample drawn with
// replacement, the weights taken as given:
//
//	SE² = n/(n−1) · Σ zᵢ²,  zᵢ = wᵢ(yᵢ − ȳ_w) / Σw,
//
// as R's svymean(~y, svydesign(ids = ~1, weights = ~w, data = d)). For weights made by
// PostStratify or Rake use PostStratifiedMean or RakedMean, whose standard errors
// count what the calibration to known totals gains (often much). It fails for
// fewer than two units, slices of different lengths, a y that is NaN or infinite, or
// a weight that is negative, NaN or infinite, or all weights zero.
func WeightedMean(y, w []float64) (MeanEstimate, error) {
	z, m, err := influence(y, w)
	if err != nil {
		return m, fmt.Errorf("sampling: weighted mean: %w", err)
	}
	m.Design = "weights as given"
	m.SE = math.Sqrt(withReplacementVar(z))
	return m, nil
}

// PostStratifiedMean post-stratifies the base weights on strata to the population
// totals (PostStratify) and returns the weighted mean of y with its standard error
// for that design, as R's svymean(~y, postStratify(svydesign(ids = ~1, weights =
// ~base), ~strata, totals)): the linearised values zᵢ (see WeightedMean) are replaced
// by their residuals within each stratum h,
//
//	zᵢ − wᵢ · Σ_{j∈h} zⱼ / Σ_{j∈h} wⱼ,
//
// so that only the variation within strata counts. A nil base means equal weights.
// It fails as PostStratify and WeightedMean do.
func PostStratifiedMean(y, base []float64, strata []string, totals map[string]float64) (MeanEstimate, error) {
	w, err := PostStratify(base, strata, totals)
	if err != nil {
		return MeanEstimate{}, err
	}
	z, m, err := influence(y, w)
	if err != nil {
		return m, fmt.Errorf("sampling: post-stratified mean: %w", err)
	}
	m.Design = "post-stratified"
	residualize(z, w, strata, true)
	m.SE = math.Sqrt(withReplacementVar(z))
	return m, nil
}

// RakedMean rakes the base weights to the margins' totals (Rake, with maxIter and
// tol) and returns the weighted mean of y with its standard error for that design,
// as R's svymean(~y, rake(svydesign(ids = ~1, weights = ~base), ...)): the
// linearised values are made residuals of every margin at once by ten sweeps of
// zᵢ ← zᵢ − wᵢ · mean_{j∈g(i)}(zⱼ/wⱼ) over the margins, g(i) being unit i's category,
// which is what survey does. It fails when raking does not converge, and as Rake and
// WeightedMean do.
func RakedMean(y, base []float64, margins []Margin, maxIter int, tol float64) (MeanEstimate, error) {
	rk, err := Rake(base, margins, maxIter, tol)
	if err != nil {
		return MeanEstimate{}, err
	}
	if !rk.Converged {
		return MeanEstimate{}, fmt.Errorf("sampling: raked mean: raking did not converge in %d sweeps to %g", rk.Iterations, tol)
	}
	z, m, err := influence(y, rk.Weights)
	if err != nil {
		return m, fmt.Errorf("sampling: raked mean: %w", err)
	}
	m.Design = "raked"
	for range 10 {
		for _, mg := range margins {
			residualize(z, rk.Weights, mg.Labels, false)
		}
	}
	m.SE = math.Sqrt(withReplacementVar(z))
	return m, nil
}

// influence checks y and w and returns the linearised values zᵢ = wᵢ(yᵢ − ȳ_w)/Σw of
// the weighted mean, with the estimate's Mean, N and ESS filled in.
func influence(y, w []float64) ([]float64, MeanEstimate, error) {
	var m MeanEstimate
	if len(y) != len(w) {
		return nil, m, fmt.Errorf("%d values for %d weights", len(y), len(w))
	}
	if len(y) < 2 {
		return nil, m, fmt.Errorf("%d units: a standard error needs at least 2", len(y))
	}
	if err := checkWeights(w); err != nil {
		return nil, m, err
	}
	var sw, swy float64
	for i, v := range y {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, m, fmt.Errorf("unit %d: value %g is not a number", i, v)
		}
		sw += w[i]
		swy += w[i] * v
	}
	m.N, m.Mean = len(y), swy/sw
	m.ESS, _ = KishESS(w) // the weights are checked
	z := make([]float64, len(y))
	for i, v := range y {
		z[i] = w[i] * (v - m.Mean) / sw
	}
	return z, m, nil
}

// residualize replaces z by its residuals within the groups given by labels: with
// weighted, zᵢ − wᵢ·Σ_g z / Σ_g w (post-stratification); otherwise
// zᵢ − wᵢ·mean_g(z/w), the plain mean over the group's units (one raking margin).
func residualize(z, w []float64, labels []string, weighted bool) {
	num, den := map[string]float64{}, map[string]float64{}
	for i, g := range labels {
		if weighted {
			num[g] += z[i]
			den[g] += w[i]
		} else {
			if w[i] > 0 { // a unit of weight 0 has z = 0
				num[g] += z[i] / w[i]
			}
			den[g]++
		}
	}
	for i, g := range labels {
		wi := w[i]
		if weighted && wi == 0 {
			wi = 1 // as survey does: a unit of weight 0 still takes its stratum's mean off
		}
		z[i] -= wi * num[g] / den[g]
	}
}

// withReplacementVar returns n/(n−1)·Σ(zᵢ − z̄)², the variance of a total of z over
// a one-stage sample drawn with replacement (survey's one-stratum, no-fpc case).
func withReplacementVar(z []float64) float64 {
	var mean float64
	for _, v := range z {
		mean += v / float64(len(z))
	}
	var ss float64
	for _, v := range z {
		ss += (v - mean) * (v - mean)
	}
	n := float64(len(z))
	return n / (n - 1) * ss
}

// checkWeights returns an error unless every weight is finite and not negative and
// some weight is positive.
func checkWeights(w []float64) error {
	if len(w) == 0 {
		return fmt.Errorf("no weights")
	}
	var sum float64
	for i, x := range w {
		if !(x >= 0) || math.IsInf(x, 0) {
			return fmt.Errorf("unit %d: weight %g must be finite and not negative", i, x)
		}
		sum += x
	}
	if !(sum > 0) {
		return fmt.Errorf("every weight is 0")
	}
	return nil
}
