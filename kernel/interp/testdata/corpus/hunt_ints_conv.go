// Integer overflow, wrapping, conversions between integer and float types, division and shifts.
package main

import (
	"fmt"
	"math"
)

type Celsius int16

func main() {
	var i8 int8 = 127
	i8++
	fmt.Println(i8)
	var u uint = 0
	u--
	fmt.Println(u == math.MaxUint, uint32(u))
	var u16 uint16 = 65535
	u16 += 2
	fmt.Println(u16)
	big := int64(math.MaxInt32) + 1
	fmt.Println(int32(big), int16(big+5), uint8(300+big))
	f := 3.99
	fmt.Println(int(f), int(-f), int64(2.5e9), uint8(int(f)))
	fmt.Println(-7/2, -7%2, 7/-2, 7%-2, -7>>1, uint8(7)>>1)
	x := 1
	fmt.Println(x<<62, x<<63, x<<64>>64)
	var sh uint = 65
	fmt.Println(x<<sh, int32(1)<<30)
	c := Celsius(-40)
	fmt.Println(c*9/5+32, float64(c)/3)
	var acc uint8
	for i := 0; i < 300; i++ {
		acc += 1
	}
	fmt.Println(acc)
	h := uint32(2166136261)
	for _, b := range []byte("hash me") {
		h ^= uint32(b)
		h *= 16777619
	}
	fmt.Println(h, fmt.Sprintf("%08x", h))
	r := rune(0x1F600)
	fmt.Println(string(r), int32(r), byte(r))
	ff := float32(0.1)
	fmt.Println(ff, float64(ff), float64(ff) == 0.1)
	fmt.Println(math.MaxInt64, math.MinInt64, -math.MaxInt8)
	n := math.MinInt64
	fmt.Println(-n == n, n/-1 == n)
	fmt.Println(1e100, 1e-7, 100000000.0, 123456789.0, float32(16777217))
	fmt.Println(5.0/3, float32(5.0)/3, 2/3, 2.0/3.0*3 == 2)
	var k int = 10
	fmt.Println(float64(k)/4, k/4*4, float64(k/4))
	fmt.Printf("%d %x %o %b %X %#x %U\n", 255, 255, 8, 5, 3054, 48879, 0x1F600)
	hi := uint64(1 << 63)
	fmt.Println(hi+hi, hi*2+1)
	m := map[int8]int{}
	for i := 0; i < 260; i++ {
		m[int8(i)]++
	}
	fmt.Println(len(m), m[4], m[-128])
}
