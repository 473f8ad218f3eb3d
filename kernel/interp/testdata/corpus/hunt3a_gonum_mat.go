// Linear algebra with gonum/mat: solve, inverse, determinant, eigenvalues of
// a symmetric matrix, and a dataset struct holding a *mat.Dense with column means.
package main

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

type Dataset struct {
	Names []string
	X     *mat.Dense
}

func (d Dataset) ColMeans() []float64 {
	_, c := d.X.Dims()
	out := make([]float64, c)
	for j := 0; j < c; j++ {
		out[j] = stat.Mean(mat.Col(nil, j, d.X), nil)
	}
	return out
}

func main() {
	a := mat.NewDense(3, 3, []float64{2, 1, 0, 1, 3, 1, 0, 1, 4})
	b := mat.NewVecDense(3, []float64{1, 2, 3})
	var x mat.VecDense
	if err := x.SolveVec(a, b); err != nil {
		fmt.Println(err)
	}
	fmt.Printf("x = %.4f\n", mat.Formatted(x.T(), mat.Prefix("    ")))
	var inv mat.Dense
	inv.Inverse(a)
	var id mat.Dense
	id.Mul(a, &inv)
	fmt.Println("identity:", mat.EqualApprox(&id, mat.NewDiagDense(3, []float64{1, 1, 1}), 1e-12))
	fmt.Printf("%.6f %v %v %v\n", mat.Det(a), mat.Trace(a), a.At(1, 1), mat.Norm(a, 2) > 4)
	var sym mat.SymDense
	sym.SymOuterK(1, a)
	var eig mat.EigenSym
	ok := eig.Factorize(&sym, false)
	fmt.Printf("%v %.3f\n", ok, eig.Values(nil))
	d := Dataset{[]string{"h", "w"}, mat.NewDense(4, 2, []float64{170, 65, 180, 80, 160, 55, 175, 72})}
	fmt.Printf("%.2f\n", d.ColMeans())
	var cov mat.SymDense
	stat.CovarianceMatrix(&cov, d.X, nil)
	fmt.Printf("%.2f\n", mat.Formatted(&cov))
	r, c := d.X.Dims()
	fmt.Println(r, c, d.Names, mat.Sum(d.X))
	fmt.Printf("%v\n", mat.Formatted(d.X.Slice(0, 2, 0, 2), mat.Squeeze()))
}
