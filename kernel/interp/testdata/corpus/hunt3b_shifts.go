package main

import "fmt"

func main() {
	var s uint = 9
	var u8 uint8 = 1 << s
	var i16 int16 = 1 << (s + 6)
	x := uint8(255)
	x <<= 1
	var big int64 = 1 << 62
	big <<= 1
	var neg int8 = -128
	neg >>= 3
	fmt.Println(u8, i16, x, big, neg)
	var c int = 3
	fmt.Println(1<<c, 1<<c+1, 256>>c, int32(1)<<30, ^uint16(0)>>c)
	var mask uint32 = 0xF0F0
	mask &^= 0x00F0
	mask ^= 1 << 31
	fmt.Printf("%#x %d\n", mask, mask>>28)
	ss := []int{1, 2}
	ss[0] <<= ss[1]
	ss[1] >>= uint(ss[0]) - 3
	fmt.Println(ss)
	const k = 5
	var f float64 = 1 << k
	fmt.Println(f, 1.0*(1<<k))
}
