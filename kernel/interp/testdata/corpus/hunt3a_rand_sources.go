// Seeded random sources: ChaCha8 and PCG from math/rand/v2, a bootstrap of the
// mean, a sampler struct holding a *rand.Rand, and math/rand v1 with a Source.
package main

import (
	"fmt"
	mr "math/rand"
	"math/rand/v2"
)

type Sampler struct {
	r *rand.Rand
}

func (s Sampler) Pick(xs []string) string { return xs[s.r.IntN(len(xs))] }

func bootstrapMean(r *rand.Rand, xs []float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		s := 0.0
		for range xs {
			s += xs[r.IntN(len(xs))]
		}
		out[i] = s / float64(len(xs))
	}
	return out
}

func main() {
	seed := [32]byte{1, 2, 3}
	c := rand.New(rand.NewChaCha8(seed))
	fmt.Println(c.Int64N(1000), c.Uint32(), c.Int32N(50), c.UintN(7), c.Float32() < 1)
	s := Sampler{rand.New(rand.NewPCG(3, 4))}
	for i := 0; i < 5; i++ {
		fmt.Print(s.Pick([]string{"a", "b", "c"}))
	}
	fmt.Println()
	bm := bootstrapMean(rand.New(rand.NewPCG(9, 9)), []float64{1, 2, 3, 4, 10}, 4)
	fmt.Printf("%.2f\n", bm)
	old := mr.New(mr.NewSource(42))
	fmt.Println(old.Intn(100), old.Float64(), old.Perm(5))
	src := rand.NewPCG(1, 1)
	fmt.Println(src.Uint64())
	src.Seed(1, 1)
	fmt.Println(src.Uint64())
}
