// Matrices as [][]float64: multiply, transpose, identity, determinant by elimination.
package main

import (
	"fmt"
	"math"
)

type Matrix [][]float64

func Identity(n int) Matrix {
	m := make(Matrix, n)
	for i := range m {
		m[i] = make([]float64, n)
		m[i][i] = 1
	}
	return m
}

func (a Matrix) Mul(b Matrix) Matrix {
	out := make(Matrix, len(a))
	for i := range a {
		out[i] = make([]float64, len(b[0]))
		for j := range b[0] {
			for k := range b {
				out[i][j] += a[i][k] * b[k][j]
			}
		}
	}
	return out
}

func (a Matrix) T() Matrix {
	out := make(Matrix, len(a[0]))
	for j := range out {
		out[j] = make([]float64, len(a))
		for i := range a {
			out[j][i] = a[i][j]
		}
	}
	return out
}

func (a Matrix) Det() float64 {
	n := len(a)
	m := make(Matrix, n)
	for i := range a {
		m[i] = append([]float64(nil), a[i]...)
	}
	det := 1.0
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		if m[p][c] == 0 {
			return 0
		}
		if p != c {
			m[p], m[c] = m[c], m[p]
			det = -det
		}
		det *= m[c][c]
		for r := c + 1; r < n; r++ {
			f := m[r][c] / m[c][c]
			for k := c; k < n; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	return det
}

func main() {
	a := Matrix{{1, 2, 3}, {4, 5, 6}}
	b := a.T()
	fmt.Println(b, a.Mul(b))
	fmt.Println(Identity(2).Mul(Matrix{{7, 8}, {9, 10}}))
	fmt.Printf("%.4f %.1f\n", Matrix{{2, -3, 1}, {2, 0, -1}, {1, 4, 5}}.Det(), Matrix{{1, 2}, {2, 4}}.Det())
}
