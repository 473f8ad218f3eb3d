// float32 arithmetic kept in float32: accumulated rounding, means, struct
// fields, map += on a float32, denormals, complex64, widening to float64.
package main

import (
	"fmt"
	"math"
)

type Pixel struct {
	R, G float32
	A    uint8
}

func mean32(xs []float32) float32 {
	var s float32
	for _, x := range xs {
		s += x
	}
	return s / float32(len(xs))
}

func main() {
	var s float32
	for i := 0; i < 10; i++ {
		s += 0.1
	}
	fmt.Println(s, s == 1, float64(s))
	xs := []float32{0.1, 0.2, 0.7}
	fmt.Println(xs, mean32(xs), Pixel{0.1, 1.0 / 3, 255})
	fmt.Printf("%v %.10f %g\n", xs[0], xs[0], xs[0]*3)
	m := map[string]float32{"a": 0.3}
	m["a"] += 0.6
	fmt.Println(m, math.Float32bits(m["a"]))
	p := Pixel{A: 250}
	p.A += 10
	p.R = float32(math.Pi)
	fmt.Printf("%+v %v\n", p, float64(p.R))
	var h float32 = 1e-45
	fmt.Println(h, h/2, float32(1<<24+1))
	c := complex64(complex(0.1, 0.2))
	fmt.Println(c*c, real(c)+imag(c))
	var acc float64
	for _, x := range xs {
		acc += float64(x)
	}
	fmt.Println(acc)
}
