package main

import (
	"fmt"
	"math"
	"time"
)

type Weekday int

const (
	Sun Weekday = iota
	Mon
	Tue
)

type Meters float64
type Feet float64

const ratio = 3.28084

func (m Meters) ToFeet() Feet { return Feet(m * ratio) }

const (
	big   = 1e300 * 1e300 / 1e300
	r     = 'a' + 1
	cplx  = (1 + 2i) * (3 - 1i)
	shift = 1 << 3.0
	mask  = ^uint8(0) >> 1
	huge  = 1 << 100 >> 98
	fl    = 7 / 2
	fl2   = 7 / 2.0
	neg   = -7 >> 1
)

func main() {
	fmt.Println(big, r, string(rune(r)), cplx, shift, mask, huge, fl, fl2, neg)
	fmt.Printf("%T %T %T %T %T %T %T\n", r, cplx, shift, mask, fl, fl2, big)
	fmt.Println(uint64(math.MaxUint64), math.MaxInt64, math.MinInt64, math.MaxUint32, math.SmallestNonzeroFloat64, math.MaxFloat32)
	var u uint = 1 << 63
	x := 1 << 62
	fmt.Println(u, x, x<<1, u<<1, u>>62, -x>>61)
	fmt.Println(Tue-Mon, Tue*2, Weekday(5)%3, Mon == 1, Sun < Tue)
	fmt.Printf("%v %d %T\n", Tue, Tue, Tue)
	m := Meters(10)
	fmt.Printf("%.3f %T %v\n", m.ToFeet(), m.ToFeet(), float64(m.ToFeet()) > 32)
	const d = 90 * time.Minute
	fmt.Println(d, d.Hours(), time.Duration(1500)*time.Millisecond, 2*time.Second/3)
	var i32 int32 = 1 << 30
	fmt.Println(i32*4, i32<<2, i32*2, int64(i32)*4)
	var f32 float32 = 16777216
	fmt.Println(f32+1, float64(f32)+1, f32*f32, math.Float32bits(0.1))
	var h uint16 = 0xFFFF
	h += 2
	var ui uint = 3
	fmt.Println(h, ^h, ui-4 > 0, -ui, ^0, ^uint32(0))
	fmt.Println(5.0/2, 5/2, 5%-3, -5%3, 1e2, 1e21, 1e20, float32(1)/3)
	fmt.Println(math.Floor(-2.5), math.Ceil(-2.5), math.Round(-2.5), math.RoundToEven(2.5), math.Mod(-7, 3), math.Remainder(7, 3))
	fmt.Println(math.Inf(1)-math.Inf(1), -math.MaxFloat64*float64(ui), math.Sqrt(-1), 0*math.Inf(1), math.IsNaN(math.Log(-1)))
	fmt.Printf("%6.2f|%-10.4e|%G|%.0e|%x|%v\n", math.Pi, -math.E, 1e-10, 12345.0, 1.5, float32(math.Pi))
	fmt.Printf("%v %v %v %.2v\n", 100000000.0, 1e6, 123456789012.0, 3.14159)
	fmt.Printf("%5t|%-5t|%q|%v|%c|%U\n", true, false, 'x', 'x', 0x1F600, 0x1F600)
}
