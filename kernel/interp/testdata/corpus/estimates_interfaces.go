// Estimates with intervals computed in goroutines, returned through an interface; failures as errors; a named rate type.
package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
)

type Result interface{ Summary() string }

type Estimate struct {
	Name   string
	Mean   float64
	Lo, Hi float64
}

func (e Estimate) Summary() string {
	return fmt.Sprintf("%s %.3f [%.3f, %.3f]", e.Name, e.Mean, e.Lo, e.Hi)
}

type Failure struct{ Name, Why string }

func (f *Failure) Summary() string { return f.Name + ": " + f.Why }
func (f *Failure) Error() string   { return f.Why }

type Rate float64

func (r Rate) Per1000() float64 { return float64(r) * 1000 }

func estimate(name string, xs []float64) Result {
	if len(xs) < 2 {
		return &Failure{name, "too little data"}
	}
	var s, ss float64
	for _, x := range xs {
		s += x
	}
	m := s / float64(len(xs))
	for _, x := range xs {
		ss += (x - m) * (x - m)
	}
	se := math.Sqrt(ss/float64(len(xs)-1)) / math.Sqrt(float64(len(xs)))
	return Estimate{name, m, m - 1.96*se, m + 1.96*se}
}

func main() {
	rng := rand.New(rand.NewPCG(1, 2))
	groups := map[string][]float64{}
	for _, g := range []string{"a", "b", "c"} {
		n := 50
		if g == "c" {
			n = 1
		}
		for range n {
			groups[g] = append(groups[g], rng.NormFloat64()+float64(len(g)))
		}
	}
	names := make([]string, 0, len(groups))
	for k := range groups {
		names = append(names, k)
	}
	sort.Strings(names)
	results := make([]Result, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = estimate(n, groups[n])
		}()
	}
	wg.Wait()
	for _, r := range results {
		fmt.Println(r.Summary())
		if f, ok := r.(*Failure); ok {
			fmt.Println("error:", f, f.Error())
			var err error = f
			fmt.Printf("%v %T\n", err, err)
		}
		fmt.Printf("%T\n", r)
	}
	byMean := map[bool][]string{}
	for _, r := range results {
		if e, ok := r.(Estimate); ok {
			byMean[e.Mean > 1] = append(byMean[e.Mean > 1], e.Name)
		}
	}
	fmt.Println(byMean)
	rates := []Rate{0.0012, 0.0031}
	var total Rate
	for _, r := range rates {
		total += r
	}
	fmt.Printf("%.2f %v %T %s\n", total.Per1000(), total, total, strings.Repeat("=", 3))
	ch := make(chan Result, 3)
	for _, r := range results {
		ch <- r
	}
	close(ch)
	for r := range ch {
		fmt.Print(r.Summary()[:1], " ")
	}
	fmt.Println()
}
