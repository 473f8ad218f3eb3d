// Fixed-size matrix arrays as values: multiply, transpose, identity; slices of slices for larger ones.
package main

import "fmt"

type M3 [3][3]float64

func Identity() M3 {
	var m M3
	for i := range m {
		m[i][i] = 1
	}
	return m
}

func (a M3) Mul(b M3) M3 {
	var c M3
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			for k := 0; k < 3; k++ {
				c[i][j] += a[i][k] * b[k][j]
			}
		}
	}
	return c
}

func (a M3) T() M3 {
	for i := 0; i < 3; i++ {
		for j := i + 1; j < 3; j++ {
			a[i][j], a[j][i] = a[j][i], a[i][j]
		}
	}
	return a
}

func (a *M3) Scale(k float64) {
	for i := range *a {
		for j := range a[i] {
			a[i][j] *= k
		}
	}
}

func det(m M3) float64 {
	return m[0][0]*(m[1][1]*m[2][2]-m[1][2]*m[2][1]) -
		m[0][1]*(m[1][0]*m[2][2]-m[1][2]*m[2][0]) +
		m[0][2]*(m[1][0]*m[2][1]-m[1][1]*m[2][0])
}

func matmul(a, b [][]int) [][]int {
	out := make([][]int, len(a))
	for i := range a {
		out[i] = make([]int, len(b[0]))
		for j := range b[0] {
			for k := range b {
				out[i][j] += a[i][k] * b[k][j]
			}
		}
	}
	return out
}

func main() {
	a := M3{{1, 2, 3}, {0, 1, 4}, {5, 6, 0}}
	t := a.T()
	fmt.Println(a[0], t[0])
	p := a.Mul(Identity())
	fmt.Println(p == a, det(a))
	b := a
	b.Scale(2)
	fmt.Println(a[2], b[2])
	sq := a.Mul(a)
	fmt.Println(sq)
	rows := [][]int{{1, 2}, {3, 4}, {5, 6}}
	cols := [][]int{{1, 0, 2}, {0, 1, 3}}
	fmt.Println(matmul(rows, cols))
	var acc M3
	for _, m := range []M3{a, b, Identity()} {
		for i := range m {
			for j := range m[i] {
				acc[i][j] += m[i][j]
			}
		}
	}
	fmt.Println(acc)
	row := a[1]
	row[0] = 99
	fmt.Println(a[1][0], row[0])
}
