// Integer arithmetic: overflow wraps, shifts, bit operations, math/bits.
package main

import (
	"fmt"
	"math"
	"math/bits"
)

func main() {
	var u8 uint8 = 250
	u8 += 10
	var i8 int8 = 127
	i8++
	fmt.Println(u8, i8, -7/2, -7%2, 7>>1, -8>>1)
	var x uint32 = 0xF0F0
	fmt.Println(x&0xFF, x|1, x^0xFFFF, x&^0xF000, x<<4)
	fmt.Println(bits.OnesCount32(x), bits.LeadingZeros32(x), bits.TrailingZeros32(x), bits.Reverse8(1))
	fmt.Println(math.MaxInt64, math.MinInt64, uint64(math.MaxUint64))
	big := math.MaxInt32
	fmt.Println(int32(big)+1 < 0, int64(big)+1)
	hi, lo := bits.Mul64(1<<63, 4)
	fmt.Println(hi, lo)
	f := 1e308
	fmt.Println(f*10, -f*10, math.IsInf(f*10, 1), math.NaN() == math.NaN())
	f1, f2 := 3.99, -3.99
	fmt.Println(int(f1), int(f2), uint8(int(300)&0xff), float32(0.1))
}
