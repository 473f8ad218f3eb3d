package main

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
)

const Huge = 1 << 100

const (
	KB int64 = 1 << (10 * (iota + 1))
	MB
	GB
)

type Celsius float64

const Boiling Celsius = 100

func main() {
	var i8 int8 = 127
	i8++
	var u8 uint8 = 0
	u8--
	var i32 int32 = math.MaxInt32
	i32 += 2
	var u64 uint64 = 0
	u64 -= 3
	fmt.Println(i8, u8, i32, u64)
	mx := int64(math.MaxInt64)
	one := int64(1)
	fmt.Println(mx+one, -mx-one-one, uint32(one<<31)*2)
	var i16 int16 = -32768
	fmt.Println(-i16, i16/-1, i16*i16)

	fs := []float64{2.7, -2.7, 0.5, -0.5, 1e9}
	for _, f := range fs {
		fmt.Print(int(f), " ", int32(f), " ", math.Round(f), " ", math.Trunc(f), "; ")
	}
	fmt.Println()
	for _, p := range [][2]int{{7, 2}, {-7, 2}, {7, -2}, {-7, -2}} {
		fmt.Print(p[0]/p[1], " ", p[0]%p[1], " | ")
	}
	fmt.Println()
	fmt.Println(Huge>>98, Huge/(1<<99), float64(Huge), 1<<62, KB, MB, GB/MB)
	fmt.Println(Boiling*9/5+32, Boiling/3, int(Boiling)/3)
	const third = 1.0 / 3
	fmt.Println(third*3 == 1, float32(third), third)

	neg0 := math.Copysign(0, -1)
	vals := []float64{0, neg0, math.NaN(), math.Inf(1), math.Inf(-1), 1.0 / 3, 2.5, 3.5, 1e21, 1e-7, 123456789.0}
	for _, v := range vals {
		fmt.Printf("%g|%e|%.3f|%v|%8.2f|%-8.1f|\n", v, v, v, v, v, v)
	}
	fmt.Printf("%.0f %.0f %.0f %.1f %.2f\n", 0.5, 1.5, 2.5, 0.25, 1.005)
	fmt.Println(math.NaN() == math.NaN(), neg0 == 0, 1/neg0, math.Signbit(neg0))

	z := complex(3, 4)
	w := 1 - 2i
	fmt.Println(z*w, z/w, real(z), imag(z), z == complex(3, 4))
	fmt.Printf("%v %.2f %g\n", z, w, z*z)
	var c64 complex64 = complex64(z)
	fmt.Println(c64, real(c64)*2)

	for _, s := range []string{"3.14", "1e400", "-0", "abc", "0x1p-2", "inf"} {
		f, err := strconv.ParseFloat(s, 64)
		fmt.Println(f, err)
	}
	fmt.Println(strconv.FormatFloat(1.0/3, 'f', -1, 64), strconv.FormatFloat(1.0/3, 'f', -1, 32), strconv.FormatFloat(1234.5678, 'e', 3, 64))
	n, err := strconv.Atoi("12a")
	fmt.Println(n, err)
	n2, err := strconv.ParseInt("-80", 16, 8)
	fmt.Println(n2, err)
	u, err := strconv.ParseUint("300", 10, 8)
	fmt.Println(u, err)
	fmt.Println(strconv.Quote("tab\there \"q\" é \x00"), strconv.QuoteToASCII("é☺"), strconv.Itoa(-45))
	q, err := strconv.Unquote(`"a\nb"`)
	fmt.Printf("%q %v\n", q, err)

	f := new(big.Int)
	f.MulRange(1, 30)
	r := new(big.Rat).SetFrac64(1, 3)
	r.Add(r, big.NewRat(1, 6))
	bf := new(big.Float).SetPrec(100).SetInt64(2)
	bf.Sqrt(bf)
	fmt.Println(f, r, bf.Text('g', 25), f.BitLen())
	e := new(big.Int).Exp(big.NewInt(2), big.NewInt(100), nil)
	fmt.Println(e.String() == fmt.Sprint(new(big.Int).Lsh(big.NewInt(1), 100)), e.Cmp(f))
}
