package sampling

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Population is a finite population of values (for example each person's answer to a
// poll question), the truth that samples try to estimate. Build it with Uniform,
// FromRander or FromValues, which refuse an empty population and values that are not
// numbers; the zero Population is empty and its Mean is NaN.
type Population struct {
	Values []float64
}

// Uniform returns a population of n values drawn uniformly from [0, 1), the classic
// classroom example, seeded with seed. It fails for n below 1.
func Uniform(n int, seed uint64) (Population, error) {
	return FromRander(distuv.Uniform{Min: 0, Max: 1, Src: newRand(seed)}, n)
}

// FromRander returns a population of n values drawn from r, for example
// distuv.Normal{Mu: 50, Sigma: 10, Src: rand.NewPCG(1, 2)}. Seed r's Src to make the
// population reproducible. It fails for n below 1 or a draw that is NaN or infinite.
func FromRander(r distuv.Rander, n int) (Population, error) {
	if n < 1 {
		return Population{}, fmt.Errorf("sampling: a population of %d units: need at least one", n)
	}
	v := make([]float64, n)
	for i := range v {
		v[i] = r.Rand()
	}
	return FromValues(v)
}

// FromValues returns the population holding values (not copied). It fails for no
// values or a value that is NaN or infinite: the population's mean would be NaN.
func FromValues(values []float64) (Population, error) {
	if len(values) == 0 {
		return Population{}, fmt.Errorf("sampling: an empty population")
	}
	for i, v := range values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return Population{}, fmt.Errorf("sampling: population unit %d: value %g is not a number", i, v)
		}
	}
	return Population{Values: values}, nil
}

// Len returns the population size N.
func (p Population) Len() int { return len(p.Values) }

// Mean returns the population mean, the truth a poll estimates.
func (p Population) Mean() float64 { return stat.Mean(p.Values, nil) }

// StdDev returns the population standard deviation σ_Y (divisor N, not N−1), as
// Meng's decomposition uses it.
func (p Population) StdDev() float64 {
	_, v := stat.PopMeanVariance(p.Values, nil)
	return math.Sqrt(v)
}

// check returns an error when the population cannot be sampled n units at a time.
func (p Population) check(n int) error {
	if len(p.Values) == 0 {
		return fmt.Errorf("sampling: empty population")
	}
	if n < 2 || n > len(p.Values) {
		return fmt.Errorf("sampling: sample size %d must be between 2 and the population size %d", n, len(p.Values))
	}
	return nil
}
