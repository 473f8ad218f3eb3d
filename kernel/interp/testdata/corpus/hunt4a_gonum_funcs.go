package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

type poly struct {
	coef  []float64
	evals int
}

func (p *poly) eval(x float64) float64 {
	p.evals++
	y := 0.0
	for i := len(p.coef) - 1; i >= 0; i-- {
		y = y*x + p.coef[i]
	}
	return y
}

type rosen struct{ a, b float64 }

func (r rosen) f(x []float64) float64 {
	return (r.a-x[0])*(r.a-x[0]) + r.b*(x[1]-x[0]*x[0])*(x[1]-x[0]*x[0])
}

func (r rosen) grad(g, x []float64) {
	g[0] = -2*(r.a-x[0]) - 4*r.b*x[0]*(x[1]-x[0]*x[0])
	g[1] = 2 * r.b * (x[1] - x[0]*x[0])
}

func main() {
	p := &poly{coef: []float64{1, -3, 0, 2}} // 2x^3 - 3x + 1
	xs0 := floats.Span(make([]float64, 9), 0, 2)
	ys0 := make([]float64, len(xs0))
	for i, x := range xs0 {
		ys0[i] = p.eval(x)
	}
	fmt.Printf("p(2)=%.4f evals=%d max=%.4f at %d\n", p.eval(2), p.evals, floats.Max(ys0), floats.MaxIdx(ys0))
	r := rosen{a: 1, b: 100}
	g := make([]float64, 2)
	r.grad(g, []float64{0.5, 0.5})
	x := []float64{-1.2, 1}
	for it := 0; it < 2000; it++ {
		r.grad(g, x)
		floats.AddScaled(x, -0.0005, g)
	}
	fmt.Printf("descent [%.4f %.4f] f=%.6f norm=%.4f\n", x[0], x[1], r.f(x), floats.Norm(g, 2))
	var jac mat.Dense
	jac.Apply(func(i, j int, v float64) float64 { return v * float64(i+j+1) }, mat.NewDense(2, 2, []float64{1, 2, 3, 4}))
	fmt.Printf("%.4f\n", mat.Formatted(&jac, mat.Squeeze()))

	xs := []float64{1, 2, 3, 4, 5, 6}
	ys := make([]float64, len(xs))
	for i, x := range xs {
		ys[i] = 2.5*x + 1 + 0.1*math.Sin(x)
	}
	alpha, beta := stat.LinearRegression(xs, ys, nil, false)
	fmt.Printf("fit y = %.4f + %.4f x, R2 %.6f\n", alpha, beta, stat.RSquared(xs, ys, nil, alpha, beta))
}
