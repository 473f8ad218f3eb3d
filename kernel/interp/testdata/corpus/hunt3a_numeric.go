// Numeric edge cases a student meets: wraparound of sized integers,
// conversions between float and int, NaN and Inf, rounding, complex numbers.
package main

import (
	"fmt"
	"math"
	"math/cmplx"
	"sort"
)

type Reading struct {
	Sensor string
	Value  float64
}

func wrapDemo() {
	var a int8 = 120
	for i := 0; i < 3; i++ {
		a += 5
		fmt.Println("int8:", a)
	}
	var u uint8 = 3
	u -= 5
	fmt.Println("uint8:", u)
	var u16 uint16 = 65535
	u16++
	fmt.Println("uint16:", u16)
	x := int32(math.MaxInt32)
	x++
	fmt.Println("int32:", x, -x)
	var big int64 = 1 << 40
	fmt.Println("truncate:", int32(big+7), uint8(big+300), int16(big-70000))
	var m int64 = math.MinInt64
	fmt.Println("minint:", m, -m, m/-1 == m)
}

func convDemo() {
	vals := []float64{2.5, -2.5, 3.7, -3.7, 0.5, 1e10}
	for _, v := range vals {
		fmt.Printf("%6.2f int=%d round=%v floor=%v trunc=%v ceil=%v even=%v\n",
			v, int64(v), math.Round(v), math.Floor(v), math.Trunc(v), math.Ceil(v), math.RoundToEven(v))
	}
	f32 := float32(0.1)
	fmt.Println(float64(f32), f32, float64(f32) == 0.1)
	fmt.Println(7/2, -7/2, 7%3, -7%3, 7.0/2)
	var n uint = 10
	fmt.Println(float64(n)/3, n>>1, n<<60, ^n)
}

func nanDemo() {
	nan := math.NaN()
	inf := math.Inf(1)
	fmt.Println(nan == nan, nan < 1, nan > 1, nan != nan)
	fmt.Println(inf > math.MaxFloat64, -inf < 0, inf-inf, 1/inf)
	fmt.Println(math.IsNaN(0*inf), math.IsInf(-inf, -1), math.Signbit(math.Copysign(0, -1)))
	fmt.Println(min(3.0, nan), max(2.0, inf), min(-0.0, 0.0))
	rs := []Reading{{"a", 3}, {"b", nan}, {"c", -inf}, {"d", 1}, {"e", inf}, {"f", 2}}
	sort.Slice(rs, func(i, j int) bool {
		if math.IsNaN(rs[i].Value) {
			return false
		}
		if math.IsNaN(rs[j].Value) {
			return true
		}
		return rs[i].Value < rs[j].Value
	})
	for _, r := range rs {
		fmt.Printf("%s=%v ", r.Sensor, r.Value)
	}
	fmt.Println()
	fs := []float64{2, nan, -1, inf, 0}
	sort.Float64s(fs)
	fmt.Println(fs)
}

func complexDemo() {
	z := complex(3, 4)
	fmt.Println(z, real(z), imag(z), cmplx.Abs(z))
	w := z * complex(0, 1)
	fmt.Printf("%v %.2f %g\n", w, cmplx.Sqrt(-1), cmplx.Exp(complex(0, math.Pi)))
	var c64 complex64 = complex64(z)
	c64 *= 2
	fmt.Println(c64, z == complex(3, 4), cmplx.Conj(z))
	roots := make([]complex128, 0, 4)
	for k := 0; k < 4; k++ {
		theta := 2 * math.Pi * float64(k) / 4
		roots = append(roots, cmplx.Rect(1, theta))
	}
	for _, r := range roots {
		fmt.Printf("(%.3f,%.3f) ", real(r), imag(r))
	}
	fmt.Println()
}

func main() {
	wrapDemo()
	convDemo()
	nanDemo()
	complexDemo()
}
