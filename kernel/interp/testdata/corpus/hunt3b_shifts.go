package main

import "fmt"

type Bitset []uint64

func (b *Bitset) Set(i uint) {
	for uint(len(*b)) <= i/64 {
		*b = append(*b, 0)
	}
	(*b)[i/64] |= uint64(1) << (i % 64)
}

func (b Bitset) Has(i uint) bool {
	return i/64 < uint(len(b)) && b[i/64]&(uint64(1)<<(i%64)) != 0
}

func popcount(x uint64) (n int) {
	for x != 0 {
		x &= x - 1
		n++
	}
	return
}

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
	var bs Bitset
	for _, i := range []uint{1, 63, 64, 130} {
		bs.Set(i)
	}
	fmt.Println(len(bs), bs.Has(63), bs.Has(64), bs.Has(65), bs.Has(500), popcount(bs[0]), popcount(^uint64(0)))
}
