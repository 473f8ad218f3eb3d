package main

import "fmt"

type Matrix [][]float64

func New(r, c int) Matrix {
	m := make(Matrix, r)
	for i := range m {
		m[i] = make([]float64, c)
	}
	return m
}

func (m Matrix) Mul(o Matrix) Matrix {
	out := New(len(m), len(o[0]))
	for i := range m {
		for j := range o[0] {
			for k := range o {
				out[i][j] += m[i][k] * o[k][j]
			}
		}
	}
	return out
}

func (m *Matrix) AddRow(r ...float64) *Matrix { *m = append(*m, r); return m }

type Vec [2]float64

type Poly []float64

func (p Poly) At(x float64) (y float64) {
	for i := len(p) - 1; i >= 0; i-- {
		y = y*x + p[i]
	}
	return
}

func main() {
	var a Matrix
	a.AddRow(1, 2).AddRow(3, 4)
	id := Matrix{{1, 0}, {0, 1}}
	fmt.Println(a.Mul(id), a.Mul(a))
	rows := a[:1]
	rows[0][0] = 10
	fmt.Println(a[0], len(rows))
	vs := map[string]Vec{"a": {1, 2}}
	v := vs["a"]
	v[0] = 5
	fmt.Println(vs["a"], v)
	p := Poly{1, 0, 2}
	fmt.Println(p.At(2), Poly(nil).At(3), Poly{5}.At(100))
	at := p.At
	p[0] = 100
	fmt.Println(at(0))
	var grid [3][]int
	grid[0] = []int{1}
	g2 := grid
	g2[0][0] = 9
	g2[1] = []int{2}
	fmt.Println(grid, g2)
}
