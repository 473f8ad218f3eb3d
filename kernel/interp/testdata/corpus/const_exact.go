// Constant expressions as Go computes them: untyped constants exact, typed ones
// rounded to their type (float32, float64, complex64, complex128, named types),
// iota, shifts of constants, huge intermediates, integer division, runes and
// strings, constants of compiled packages.
package main

import (
	"fmt"
	"math"
	"time"
)

type Level int

const (
	Low Level = iota * 10
	Mid
	High
)

type Ratio float32

const (
	Tenth Ratio = (iota + 1) * 0.1
	Fifth
	ThreeTenths
)

type Prob float32

const (
	third32 float32    = 1.0 / 3
	third              = 1.0 / 3
	c64     complex64  = 1/3.0 + 1i/3
	c128    complex128 = 1/3.0 - 1i/3
	huge               = 1 << 100
	big                = 1e300 * 1e300
	shift              = 3
)

func float32s() {
	fmt.Println("float32:", third32, float64(third32), third32 == float32(third), float32(0.1)*3, float64(float32(0.1)*3))
	const f float32 = 16777217
	fmt.Println("float32 of an int:", f, int64(f), float64(f))
	x := float32(third)
	switch x {
	case 1.0 / 3:
		fmt.Println("case: a third")
	default:
		fmt.Println("case: not a third")
	}
	var y float32 = 0.1
	switch y {
	case 0.1:
		fmt.Println("case: a tenth")
	default:
		fmt.Println("case: not a tenth")
	}
	fmt.Println("float32 operands:", y*third32, float64(y*third32), y == 0.1, float64(y) == 0.1)
}

func untyped() {
	fmt.Println("untyped:", third == 0.3333333333333333, third*3 == 1, 0.1+0.2, 0.1+0.2 == 0.3)
	fmt.Println("huge:", huge>>98, 1<<100>>98, huge/(huge>>3), big/1e300, 1e300*1e300/1e300)
	fmt.Println("division:", 7/2, 7.0/2, 7/2.0, 1/3*3.0, 1.0/3*3)
}

func named() {
	fmt.Println("named:", Low, Mid, High, Tenth, Fifth, ThreeTenths, float64(ThreeTenths), ThreeTenths == 0.3)
	const p Prob = 1.0 / 3
	fmt.Println("prob:", p, float64(p)*3, p*3 == 1)
}

func complexes() {
	fmt.Println("complex:", c64, c128, complex128(c64) == c128, real(c64) == third32, imag(c128))
	fmt.Printf("complex types: %T %T %v\n", c64, c128, c64*c64)
}

func integers() {
	var f float64 = 1 << shift
	var u8 uint8 = 1 << 7
	fmt.Println("shifts:", 1<<shift, f, u8, 1<<shift<<shift, ^uint32(0), -1&^3, ^0)
	var u uint64 = 1<<64 - 1
	fmt.Println("limits:", u, uint64(math.MaxUint64), int64(math.MinInt64), math.MaxInt8+1, float32(math.MaxFloat32), math.SmallestNonzeroFloat64)
	fmt.Println("math:", float32(math.Pi), math.Pi, float64(float32(math.E)))
}

func runesAndStrings() {
	fmt.Println("runes:", string(rune(65)), 'a'+1, string(rune('a'+1)), len("héllo"), "con"+"cat")
	const s = "x" + "y"
	fmt.Printf("strings: %q %T %T %v\n", s, 'a', s[0], s[0])
}

func arrays() {
	const n = 1 << 2
	var a [n * 2]int
	b := [...]float32{n: 1.0 / 3}
	fmt.Println("arrays:", len(a), len(b), float64(b[n]), cap(a))
}

func durations() {
	const d = 90 * time.Minute
	fmt.Println("durations:", d, 1.5*60*time.Second, time.Duration(1.5*float64(time.Second)), d.Hours())
}

func main() {
	float32s()
	untyped()
	named()
	complexes()
	integers()
	runesAndStrings()
	arrays()
	durations()
	const local float32 = 2.0 / 3
	fmt.Println("main:", local, float64(local), local*3 == 2)
	v := float64(local) * 3
	fmt.Println("main var:", v, v == 2)
}
