// Simple linear regression, residuals and R squared over fixed data; a seeded random sample.
package main

import (
	"fmt"
	"math"
	"math/rand"
)

type Point struct{ X, Y float64 }

type Fit struct {
	Slope, Intercept, R2 float64
}

func fit(ps []Point) (f Fit, err error) {
	if len(ps) < 2 {
		return f, fmt.Errorf("fit: need 2 points, have %d", len(ps))
	}
	var sx, sy, sxx, sxy float64
	for _, p := range ps {
		sx += p.X
		sy += p.Y
		sxx += p.X * p.X
		sxy += p.X * p.Y
	}
	n := float64(len(ps))
	f.Slope = (n*sxy - sx*sy) / (n*sxx - sx*sx)
	f.Intercept = (sy - f.Slope*sx) / n
	mean := sy / n
	var ssTot, ssRes float64
	for _, p := range ps {
		pred := f.Slope*p.X + f.Intercept
		ssRes += (p.Y - pred) * (p.Y - pred)
		ssTot += (p.Y - mean) * (p.Y - mean)
	}
	f.R2 = 1 - ssRes/ssTot
	return f, nil
}

func main() {
	ps := []Point{{1, 2.1}, {2, 3.9}, {3, 6.2}, {4, 7.8}, {5, 10.1}, {6, 12.2}}
	f, err := fit(ps)
	fmt.Printf("%+v %v\n", f, err)
	fmt.Printf("y = %.4fx + %.4f (R²=%.5f)\n", f.Slope, f.Intercept, f.R2)
	for _, p := range ps[:3] {
		fmt.Printf("%.1f -> %.3f (resid %+.3f)\n", p.X, f.Slope*p.X+f.Intercept, p.Y-(f.Slope*p.X+f.Intercept))
	}
	_, err = fit(ps[:1])
	fmt.Println(err)
	r := rand.New(rand.NewSource(42))
	var sample []Point
	for i := 0; i < 50; i++ {
		x := float64(i)
		sample = append(sample, Point{x, 3*x + 5 + r.NormFloat64()})
	}
	g, _ := fit(sample)
	fmt.Printf("%.2f %.2f %.4f\n", g.Slope, g.Intercept, g.R2)
	fmt.Println(math.Abs(g.Slope-3) < 0.1, r.Intn(100), r.Float64() < 1)
	perm := r.Perm(5)
	fmt.Println(perm)
}
