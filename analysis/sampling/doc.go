// Package sampling holds seeded simulations for teaching how samples and rates
// mislead: polls whose non-response depends on the answer, what survey weights can and
// cannot correct, Meng's (2018) decomposition of the error of a non-random sample, the
// early crash-rate inflation of a new release whose first users are the crashiest,
// and how far a rate over a tiny exposure strays from the truth. It also holds the
// survey estimators the simulations use, for real samples too: post-stratification
// and raking weights, and weighted means with their design-based standard errors
// (WeightedMean, PostStratifiedMean, RakedMean, as R's survey::svymean).
//
// Bad input — an empty population, a NaN value, a negative or NaN weight or total, a
// level outside (0, 1) — is refused with an error, never turned into a NaN result.
//
// Every simulation is compiled Go that a notebook cell calls once: it takes an explicit
// seed (math/rand/v2 PCG), so the same call gives the same numbers, and returns a typed
// result with a Table (a gota DataFrame) and a Plot (gonum/plot) that tells its story.
// The exported API has no generic functions, so yaegi's symbol extraction sees all of it.
package sampling

import "math/rand/v2"

// newRand returns the generator every simulation draws from: PCG seeded with seed on
// a fixed stream, so that results depend on the seed alone.
func newRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, 0x5ca1ab1e))
}
