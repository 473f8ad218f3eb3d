package main

import (
	"fmt"
	"math"
)

type P struct {
	V [2]float64
	S string
}

func main() {
	nan := math.NaN()
	a := [1]float64{nan}
	b := a
	fmt.Println(a == b, a != b, P{V: [2]float64{nan}} == P{V: [2]float64{nan}})
	m := map[float64]int{}
	m[nan] = 1
	m[nan] = 2
	m[math.Copysign(0, -1)] = 3
	m[0] = 4
	fmt.Println(len(m), m[0])
	ka := map[[1]float64]int{a: 1}
	ka[a] = 2
	fmt.Println(len(ka), ka[a])
	var x, y any = nan, nan
	fmt.Println(x == y, x == x)
	ps := map[P]bool{{S: "z"}: true}
	fmt.Println(ps[P{S: "z"}], ps[P{V: [2]float64{math.Copysign(0, -1), 0}, S: "z"}])
	f := 0.1 + 0.2
	fmt.Println(f == 0.3, f, float32(f) == float32(0.3), 0.1+0.2 == 0.3)
	clear(m)
	fmt.Println(len(m))
	s := []float64{1, nan, 3}
	clear(s)
	fmt.Println(s, min(1.0, nan), max(nan, 2.0), min(-0.0, 0.0))
}
