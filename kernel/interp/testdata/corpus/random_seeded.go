// Seeded random numbers: deterministic sequences, shuffles and a Monte Carlo estimate.
package main

import (
	"fmt"
	"math/rand"
)

func main() {
	r := rand.New(rand.NewSource(42))
	var rolls []int
	for range 8 {
		rolls = append(rolls, r.Intn(6)+1)
	}
	fmt.Println(rolls)
	deck := []string{"A", "B", "C", "D", "E"}
	r.Shuffle(len(deck), func(i, j int) { deck[i], deck[j] = deck[j], deck[i] })
	fmt.Println(deck)
	inside := 0
	const n = 20000
	for i := 0; i < n; i++ {
		x, y := r.Float64(), r.Float64()
		if x*x+y*y <= 1 {
			inside++
		}
	}
	fmt.Printf("%.4f\n", 4*float64(inside)/n)
	fmt.Println(r.Perm(5), r.Int63()%1000)
}
