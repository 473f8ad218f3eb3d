package main

import "fmt"

type Vec struct{ X, Y float64 }

type Body struct {
	Pos, Vel Vec
	Mass     float64
	Tags     map[string]int
}

type World struct {
	Bodies []Body
	Steps  int
	Energy [2]float64
}

func (w *World) Step(dt float64) {
	for i := range w.Bodies {
		b := &w.Bodies[i]
		b.Pos.X += b.Vel.X * dt
		b.Pos.Y += b.Vel.Y * dt
		b.Vel.Y -= 9.8 * dt
		b.Tags["steps"]++
		w.Energy[i%2] += 0.5 * b.Mass * (b.Vel.X*b.Vel.X + b.Vel.Y*b.Vel.Y)
	}
	w.Steps++
}

type Hist map[string][]int

func main() {
	w := &World{Bodies: []Body{
		{Vel: Vec{1, 2}, Mass: 2, Tags: map[string]int{}},
		{Vel: Vec{-1, 0}, Mass: 1, Tags: map[string]int{"init": 1}},
	}}
	for range 3 {
		w.Step(0.5)
	}
	for _, b := range w.Bodies {
		fmt.Printf("%.2f %.2f %.2f %v\n", b.Pos.X, b.Pos.Y, b.Vel.Y, b.Tags["steps"])
	}
	fmt.Printf("%.3f %.3f %d\n", w.Energy[0], w.Energy[1], w.Steps)

	h := Hist{}
	h["a"] = append(h["a"], 1, 2)
	h["a"][0] += 10
	h["b"] = make([]int, 2)
	h["b"][1]--
	fmt.Println(h["a"], h["b"], len(h))

	ms := map[string][2]int{}
	v := ms["x"]
	v[1] += 3
	ms["x"] = v
	fmt.Println(ms)

	type acc struct{ n, sum int }
	stats := map[bool]*acc{true: {}, false: {}}
	for i := range 10 {
		a := stats[i%3 == 0]
		a.n++
		a.sum += i
	}
	fmt.Println(*stats[true], *stats[false])

	nested := map[string]map[string]int{}
	for _, pair := range [][2]string{{"a", "x"}, {"a", "y"}, {"b", "x"}, {"a", "x"}} {
		if nested[pair[0]] == nil {
			nested[pair[0]] = map[string]int{}
		}
		nested[pair[0]][pair[1]]++
	}
	fmt.Println(nested["a"]["x"], nested["a"]["y"], nested["b"]["x"], nested["c"]["z"])

	x := 7
	p := &x
	pp := &p
	**pp *= 3
	*p -= 1
	fmt.Println(x)

	var bits uint8 = 0b1010_1010
	bits &^= 0b1000_0000
	bits >>= 1
	bits |= 1 << 7
	var n int = 200
	n >>= bits & 3
	fmt.Printf("%08b %d\n", bits, n)

	mn, mx := min(3, 1, 2), max(2.5, 1)
	arr := []int{5, 6}
	arr[0], arr[1] = arr[1], arr[0]
	arr[0] += arr[1]
	clear(h)
	fmt.Println(mn, mx, arr, len(h))
	i, j := 0, 1
	sl := []int{10, 20, 30}
	i, sl[i] = 2, 99
	j, sl[j] = sl[j], j
	fmt.Println(i, j, sl)
}
