package main

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

// Hilbert is a cell mat.Matrix computed on demand.
type Hilbert int

func (h Hilbert) Dims() (int, int)    { return int(h), int(h) }
func (h Hilbert) At(i, j int) float64 { return 1 / float64(i+j+1) }
func (h Hilbert) T() mat.Matrix       { return h }

// band is a pointer-receiver cell matrix with a counter.
type band struct {
	n, reads int
}

func (b *band) Dims() (int, int) { return b.n, b.n }
func (b *band) At(i, j int) float64 {
	b.reads++
	switch i - j {
	case 0:
		return 2
	case 1, -1:
		return -1
	}
	return 0
}
func (b *band) T() mat.Matrix { return mat.Transpose{Matrix: b} }

type Samples []float64

func (s Samples) Len() int           { return len(s) }
func (s Samples) Less(i, j int) bool { return s[i] < s[j] }
func (s Samples) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func main() {
	h := Hilbert(4)
	var d mat.Dense
	d.CloneFrom(h)
	fmt.Printf("%.4f\n", mat.Formatted(&d, mat.Squeeze()))
	fmt.Printf("trace %.4f sum %.4f det %.6e\n", mat.Trace(&d), mat.Sum(h), mat.Det(h))

	b := &band{n: 4}
	var prod mat.Dense
	prod.Mul(b, h)
	fmt.Printf("%.4f\n", mat.Formatted(&prod, mat.Prefix(" "), mat.Squeeze()))
	fmt.Println("reads > 0:", b.reads > 0)
	var bt mat.Dense
	bt.Add(b.T(), b)
	fmt.Printf("%v\n", mat.Formatted(&bt, mat.Squeeze()))

	rhs := mat.NewVecDense(4, []float64{1, 0, 0, 1})
	var x mat.VecDense
	if err := x.SolveVec(b, rhs); err != nil {
		fmt.Println("solve:", err)
	}
	fmt.Printf("x = %.4f\n", mat.Formatted(x.T()))
	fmt.Println("symmetric:", mat.Equal(b, b.T()), mat.EqualApprox(h, h.T(), 1e-12))

	var eig mat.EigenSym
	sym := mat.NewSymDense(4, nil)
	for i := 0; i < 4; i++ {
		for j := i; j < 4; j++ {
			sym.SetSym(i, j, b.At(i, j))
		}
	}
	ok := eig.Factorize(sym, false)
	vals := eig.Values(nil)
	fmt.Printf("eig ok=%v %.4f\n", ok, vals)

	s := Samples{3.2, 1.5, 4.8, 2.2, 9.1, 0.4, 5.5, 2.2}
	sort.Sort(s)
	fmt.Println(sort.IsSorted(s), s)
	for _, p := range []float64{0.1, 0.25, 0.5, 0.9} {
		fmt.Printf("q%.2f=%.4f/%.4f ", p, stat.Quantile(p, stat.Empirical, s, nil), stat.Quantile(p, stat.LinInterp, s, nil))
	}
	fmt.Println()
	w := make([]float64, len(s))
	for i := range w {
		w[i] = float64(i + 1)
	}
	m, sd := stat.MeanStdDev(s, w)
	fmt.Printf("wmean %.4f wsd %.4f median %.4f\n", m, sd, stat.Quantile(0.5, stat.Empirical, s, nil))
	divs := []float64{0, 2, 4, 6, 10}
	hist := stat.Histogram(nil, divs, s, nil)
	fmt.Println("hist", hist, floats.Sum(hist))
	fmt.Printf("corr %.4f ent %.4f\n", stat.Correlation(s, w, nil), stat.Entropy([]float64{0.5, 0.25, 0.25}))
	fmt.Printf("cdf %.4f %v\n", stat.CDF(3, stat.Empirical, s, nil), math.IsNaN(stat.Mean(s, nil)))
}
