package sampling

import (
	"fmt"
	"math"
	"slices"
)

// PostStratify returns post-stratification weights: each unit's base weight scaled so
// that the weights of every stratum sum to the stratum's known population total,
//
//	w_i = b_i · N_h / Σ_{j∈h} b_j   for unit i in stratum h,
//
// as R's survey::postStratify does. A nil base means every base weight is 1. Every
// stratum present in the sample must have a total, and every total a unit. It fails
// for an empty sample, a base weight that is negative, NaN or infinite, or a total
// that is not positive and finite.
func PostStratify(base []float64, strata []string, totals map[string]float64) ([]float64, error) {
	if base == nil {
		base = ones(len(strata))
	}
	if len(base) != len(strata) {
		return nil, fmt.Errorf("sampling: post-stratify: %d base weights for %d units", len(base), len(strata))
	}
	if len(strata) == 0 {
		return nil, fmt.Errorf("sampling: post-stratify: no units")
	}
	if err := checkWeights(base); err != nil {
		return nil, fmt.Errorf("sampling: post-stratify: base weights: %w", err)
	}
	for _, h := range sortedKeys(totals) {
		if t := totals[h]; !(t > 0) || math.IsInf(t, 0) {
			return nil, fmt.Errorf("sampling: post-stratify: stratum %q: population total %g must be positive and finite", h, t)
		}
	}
	sums := make(map[string]float64, len(totals))
	for i, h := range strata {
		if _, ok := totals[h]; !ok {
			return nil, fmt.Errorf("sampling: post-stratify: unit %d: stratum %q has no population total", i, h)
		}
		sums[h] += base[i]
	}
	for _, h := range sortedKeys(totals) {
		if sums[h] <= 0 {
			return nil, fmt.Errorf("sampling: post-stratify: stratum %q (population total %g) has no unit with positive weight in the sample", h, totals[h])
		}
	}
	w := make([]float64, len(base))
	for i, h := range strata {
		w[i] = base[i] * totals[h] / sums[h]
	}
	return w, nil
}

// Margin is one variable to rake on: each unit's category and the known population
// total of every category.
type Margin struct {
	Name   string
	Labels []string
	Totals map[string]float64
}

// RakeResult holds raking weights and how the iteration ended.
type RakeResult struct {
	Weights    []float64
	Iterations int
	// Converged is false when MaxIter sweeps did not bring the largest change of a
	// weight in a sweep below the tolerance.
	Converged bool
}

// Rake returns raking weights, by iterative proportional fitting (Deming and Stephan
// 1940): post-stratify on each margin in turn, and repeat the sweep until no weight
// changes by more than tol (relative to the mean weight) or maxIter sweeps have run.
// This is R's survey::rake with control = list(maxit = maxIter, epsilon = tol ·
// mean weight). The weights then match every margin's totals at once while staying as
// close to the base weights as raking allows (minimum discrimination information).
//
// It fails for no margins, maxIter below 1, a tol that is not positive and finite,
// and as PostStratify does on any margin.
func Rake(base []float64, margins []Margin, maxIter int, tol float64) (*RakeResult, error) {
	if len(margins) == 0 {
		return nil, fmt.Errorf("sampling: rake: no margins")
	}
	if maxIter < 1 || !(tol > 0) || math.IsInf(tol, 0) {
		return nil, fmt.Errorf("sampling: rake: need at least one sweep (got %d) and a positive, finite tolerance (got %g)", maxIter, tol)
	}
	n := len(margins[0].Labels)
	if base == nil {
		base = ones(n)
	}
	w := slices.Clone(base)
	res := &RakeResult{}
	for res.Iterations < maxIter {
		old := slices.Clone(w)
		for _, m := range margins {
			if len(m.Labels) != n {
				return nil, fmt.Errorf("sampling: rake: margin %q has %d labels for %d units", m.Name, len(m.Labels), n)
			}
			var err error
			if w, err = PostStratify(w, m.Labels, m.Totals); err != nil {
				return nil, fmt.Errorf("sampling: rake: margin %q: %w", m.Name, err)
			}
		}
		res.Iterations++
		var delta, mean float64
		for i := range w {
			delta = math.Max(delta, math.Abs(w[i]-old[i]))
			mean += w[i] / float64(n)
		}
		if delta <= tol*mean {
			res.Converged = true
			break
		}
	}
	res.Weights = w
	return res, nil
}

// KishESS returns Kish's (1965) effective sample size of weights w, (Σw)² / Σw²: the
// size of an unweighted sample with the same precision, n / (1 + CV²(w)). It fails
// for no weights, a weight that is negative, NaN or infinite, or all weights zero.
func KishESS(w []float64) (float64, error) {
	if err := checkWeights(w); err != nil {
		return math.NaN(), fmt.Errorf("sampling: Kish ESS: %w", err)
	}
	var s, ss float64
	for _, x := range w {
		s += x
		ss += x * x
	}
	return s * s / ss, nil
}

func ones(n int) []float64 {
	w := make([]float64, n)
	for i := range w {
		w[i] = 1
	}
	return w
}

func sortedKeys(m map[string]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
