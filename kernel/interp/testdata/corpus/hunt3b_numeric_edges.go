package main

import (
	"fmt"
	"math"
	"slices"
)

type Pt struct{ X, Y float64 }

func main() {
	nan := math.NaN()
	a1, a2 := [1]float64{nan}, [1]float64{nan}
	p1, p2 := Pt{nan, 0}, Pt{nan, 0}
	fmt.Println(a1 == a2, p1 == p2, a1 != a2)
	m := map[float64]int{}
	m[nan] = 1
	m[nan] = 2
	fmt.Println(len(m), m[nan])
	mp := map[Pt]int{p1: 1}
	mp[p2]++
	fmt.Println(len(mp))
	var ia, ib any = nan, nan
	fmt.Println(ia == ib)
	negz := math.Copysign(0, -1)
	fmt.Println(negz, 1/negz, negz == 0)
	x, y := -7, 2
	fmt.Println(x/y, x%y, -x%y, x>>1, uint8(x), int8(200+x*0))
	var u uint = 0
	u--
	fmt.Println(u == math.MaxUint, uint32(u))
	f := 3.99
	fmt.Println(int(f), int(-f), int64(math.Round(-2.5)), math.Trunc(-2.5))
	s := []int{0, 1, 2, 3, 4, 5}
	copy(s[2:], s)
	fmt.Println(s)
	t := []int{0, 1, 2, 3, 4}
	t = append(t[:1], t[2:]...)
	fmt.Println(t, t[:5])
	d := []int{1, 2, 3, 4}
	d2 := slices.Delete(d, 1, 3)
	fmt.Println(d2, d)
	ins := slices.Insert([]int{1, 4}, 1, 2, 3)
	fmt.Println(ins, len(ins))
	r := rune(0x1F600)
	fmt.Println(string(r), len(string(r)), string(rune(-1)) == "\uFFFD")
	bs := []byte("héllo")
	fmt.Println(len(bs), len([]rune(string(bs))), bs[1])
	var f32 float32 = 16777216
	f32++
	fmt.Println(f32, float32(0.1)+float32(0.2) == float32(0.3), 0.1+0.2 == 0.3)
	i64 := int64(math.MaxInt32)
	fmt.Println(int32(i64+1), int16(i64), uint16(i64))
}
