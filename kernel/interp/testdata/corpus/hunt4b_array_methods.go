package main

import "fmt"

type Vec [3]float64

func (v *Vec) Scale(k float64) {
	for i := range v {
		v[i] *= k
	}
}

func (v Vec) Sum() float64 { return v[0] + v[1] + v[2] }

type Body struct {
	Pos, Vel Vec
}

func (b *Body) Step() {
	for i := range b.Pos {
		b.Pos[i] += b.Vel[i]
	}
}

type Grid [2][2]int

func (g *Grid) Inc() {
	for i := range g {
		for j := range g[i] {
			g[i][j]++
		}
	}
}

func main() {
	vs := []Vec{{1, 2, 3}, {4, 5, 6}}
	vs[0].Scale(2)
	for i := range vs {
		vs[i].Scale(10)
	}
	(&vs[1]).Scale(0.5)
	fmt.Println(vs, vs[0].Sum())
	var arr [2]Vec
	arr[1] = Vec{1, 1, 1}
	arr[1].Scale(3)
	fmt.Println(arr, arr[1].Sum())
	b := Body{Pos: Vec{0, 0, 0}, Vel: Vec{1, 2, 3}}
	b.Vel.Scale(2)
	b.Step()
	b.Step()
	fmt.Println(b.Pos, b.Vel)
	bodies := []Body{b, {Vel: Vec{1, 0, 0}}}
	for i := range bodies {
		bodies[i].Step()
		bodies[i].Pos.Scale(-1)
	}
	fmt.Println(bodies[0].Pos, bodies[1].Pos, b.Pos)
	m := map[string]*Body{"x": &Body{Vel: Vec{5, 5, 5}}}
	m["x"].Step()
	m["x"].Pos.Scale(2)
	fmt.Println(m["x"].Pos)
	var g Grid
	g.Inc()
	gs := []Grid{g, g}
	gs[1].Inc()
	pg := &gs[0]
	pg.Inc()
	pg.Inc()
	fmt.Println(g, gs)
	sc := vs[0].Scale
	sc(0)
	fmt.Println(vs[0])
	f := (*Vec).Scale
	f(&arr[0], 5)
	arr[0] = Vec{1, 1, 1}
	f(&arr[0], 5)
	fmt.Println(arr[0])
}
