// Overflow in expressions, not only assignments: int8/uint8/uint16/uint32
// arithmetic passed straight to fmt, appended, stored in maps, returned, compared.
package main

import (
	"fmt"
	"math"
)

type Small int8

func add8(a, b int8) int8 { return a + b }

func main() {
	var a int8 = 100
	var u uint8 = 3
	var w uint16 = 65535
	var x uint32 = 1 << 31
	fmt.Println(a+a, a*3, -a-a, u-5, w+1, x*2, x<<1, u<<7, u<<8)
	fmt.Println(u-5 > 0, w+1 == 0, a+a < 0, x*2 == 0)
	b := a + a
	var s []int8
	s = append(s, a+a, a*a)
	m := map[string]uint8{"k": u - 5}
	fmt.Println(b, s, m, add8(a, a), int(a+a), float64(a+a), uint8(u*100))
	var f float32 = 16777216
	fmt.Println(f+1 == f, f+1, float32(0.1)*3, float32(1)/3)
	var g float32 = 0.1
	var h float32 = 0.2
	fmt.Println(g+h, g+h == 0.3, float64(g+h))
	var mi int8 = -128
	fmt.Println(mi/-1, mi*-1, -mi, mi%-1)
	var sm Small = 127
	sm++
	fmt.Println(sm, sm+Small(100), uint32(int8(a-a-1)), uint64(math.MaxUint64), int64(math.MinInt64))
	var i32 int32 = math.MaxInt32
	fmt.Println(i32+1, i32*i32, int64(i32)*int64(i32), i32>>31, (i32+1)>>31)
	var c64 complex64 = complex(float32(0.1), 1)
	fmt.Println(c64*c64, real(c64)+0.2)
	var n uint = 0
	fmt.Println(n-1, n-1 > 0, ^uint8(0), 7&^5, -7>>1, -7/2, u+uint8(253))
	k := 200
	fmt.Println(int8(k), uint8(k+100), int16(k*k*k))
	var acc uint8
	for i := 0; i < 300; i++ {
		acc += 1
	}
	fmt.Println(acc)
}
