// Constant arithmetic, typed and untyped constants, iota patterns, integer
// overflow and wrap-around, conversions between sizes and signedness.
package main

import (
	"fmt"
	"math"
)

type ByteSize float64

const (
	_           = iota
	KB ByteSize = 1 << (10 * iota)
	MB
	GB
	TB
)

func (b ByteSize) String() string {
	units := "BKMGT"
	f := float64(b)
	i := 0
	for f >= 1024 && i < len(units)-1 {
		f /= 1024
		i++
	}
	if i == 0 {
		return fmt.Sprintf("%.2fB", f)
	}
	return fmt.Sprintf("%.2f%cB", f, units[i])
}

type Weekday uint8

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
	Friday = Thursday + 1
	Saturday
)

type Flags uint16

const (
	FlagA Flags = 1 << iota
	FlagB
	FlagC
	FlagD
	FlagAll = FlagA | FlagB | FlagC | FlagD
)

const huge = 1 << 100
const third = 1.0 / 3
const big = huge >> 98

func main() {
	fmt.Println(KB, MB, GB, TB)
	fmt.Println(ByteSize(1536), ByteSize(3.5*float64(GB)), ByteSize(12))
	fmt.Println(Sunday, Monday, Thursday, Friday, Saturday)
	f := FlagA | FlagC
	fmt.Printf("%04b %04b %v %v %d\n", f, FlagAll&^f, f&FlagB != 0, f&FlagC != 0, FlagAll)
	fmt.Println(big, third*3 == 1, float32(third))

	var i8 int8 = 127
	i8++
	fmt.Println(i8)
	var u8 uint8 = 0
	u8--
	fmt.Println(u8)
	var u16 uint16 = 65535
	u16 += 2
	fmt.Println(u16)
	x := math.MaxInt64
	x++
	fmt.Println(x == math.MinInt64)
	var i32 int32 = math.MaxInt32
	fmt.Println(i32+1, -i32-2)
	big := int64(1<<40 + 5)
	fmt.Println(int32(big), int16(big), uint8(big), int8(big-5+200))
	neg := -1
	fmt.Println(uint32(neg), uint64(neg), uint8(neg))
	fl := -3.99
	fmt.Println(int(fl), int(-fl), uint8(int(fl*-100)))
	fmt.Println(7/2, -7/2, 7%3, -7%3, 7.0/2)
	fmt.Println(1<<3|1, 6&^3, 5^3, ^5, -8>>1, uint8(255)>>4)
	var sh uint = 65
	fmt.Println(1<<sh == 0, int64(1)<<(sh-2))
	const c = 'a' + 1
	fmt.Printf("%c %v %T\n", c, c, c)
	fmt.Println(math.MaxUint32, uint64(math.MaxUint64), math.MinInt8)
	fmt.Println(0.1+0.2 == 0.3, 0.1+0.2)
	a, b := 0.1, 0.2
	fmt.Println(a+b == 0.3, a+b)
	w, fl16 := Weekday(200), Flags(0xFFFF)
	fmt.Println(w+Weekday(100), fl16+1)
	fmt.Printf("%T %T %T\n", KB, Friday, huge>>90)
}
