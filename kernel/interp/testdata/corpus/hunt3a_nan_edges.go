// NaN, signed zero and infinity where they surprise: struct, array and
// interface equality, map keys, min/max, float32 overflow, uint8 wrap in a
// loop, and a recovered integer division by zero.
package main

import (
	"fmt"
	"math"
)

type Pt struct {
	X, Y float64
}

type Key struct {
	Name string
	V    float64
}

func main() {
	nan := math.NaN()
	a := Pt{nan, 1}
	b := a
	fmt.Println(a == b, a != b, [2]float64{nan, 1} == [2]float64{nan, 1})
	var x any = nan
	var y any = nan
	fmt.Println(x == x, x == y, x != y)
	m := map[float64]int{}
	m[nan] = 1
	m[nan] = 2
	m[0.0] = 3
	m[math.Copysign(0, -1)] = 4
	fmt.Println(len(m), m[nan], m[0])
	km := map[Key]int{}
	km[Key{"a", nan}]++
	km[Key{"a", nan}]++
	fmt.Println(len(km))
	im := map[any]int{}
	im[nan] = 1
	im[nan] = 1
	im[1] = 1
	im[1.0] = 1
	fmt.Println(len(im))
	z := 0.0
	nz := -z
	fmt.Println(nz, 1/nz, math.Signbit(nz), nz == 0, fmt.Sprintf("%.2f %v %g", nz, -0.0, nz))
	var c complex128 = complex(1, 0)
	fmt.Println(c/complex(z, 0), complex(nan, 0) == complex(nan, 0))
	var f32 float32 = float32(math.Inf(1))
	fmt.Println(f32, f32*0+float32(1e38)*f32, -f32)
	fmt.Println(math.Max(nan, 1), math.Min(-0.0, 0), math.Max(-0.0, 0), math.Min(math.Copysign(0, -1), 0))
	vals := []float64{3, nan, 1}
	mx := vals[0]
	for _, v := range vals {
		if v > mx {
			mx = v
		}
	}
	fmt.Println(mx, max(vals[0], vals[1], vals[2]), min(1, 2.5))
	for i := uint8(250); i != 4; i++ {
		fmt.Print(i, " ")
	}
	fmt.Println()
	defer func() { fmt.Println("recovered:", recover()) }()
	n := 0
	fmt.Println(10 / n)
}
