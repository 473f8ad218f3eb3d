package main

import (
	"fmt"
	"sort"
)

type Point struct{ X, Y int }

type Student struct {
	Name   string
	Scores [3]int
	Tags   []string
	Pos    Point
}

type Grid [2][2]Point

func bump(s Student) Student {
	s.Scores[0] += 10
	s.Tags[0] = "bumped"
	s.Pos.X++
	return s
}

func main() {
	a := [3]Student{{Name: "ann", Tags: []string{"t"}}, {Name: "bob", Tags: []string{"u"}}}
	b := a
	b[0].Name = "ANN"
	b[0].Scores[1] = 5
	b[0].Tags[0] = "shared"
	fmt.Println(a[0].Name, a[0].Scores, a[0].Tags, b[0].Name, b[0].Scores)

	for _, s := range a {
		s.Pos.X = 99
	}
	for i := range a {
		a[i].Pos.Y = i + 1
	}
	fmt.Println(a[0].Pos, a[1].Pos, a[2].Pos)

	s2 := bump(a[1])
	fmt.Println(a[1].Scores, a[1].Tags, a[1].Pos, s2.Scores, s2.Pos)

	var g Grid
	g2 := g
	g2[1][0].X = 4
	pg := &g
	pg[0][1].Y = 3
	fmt.Println(g, g2)

	xs := make([]int, 3, 10)
	ys := append(xs, 4)
	zs := append(xs, 5)
	fmt.Println(ys[3], zs[3], len(xs), cap(ys))
	full := []int{1, 2, 3}
	f2 := append(full, 4)
	f2[0] = 100
	fmt.Println(full, f2)
	sub := full[:2]
	sub = append(sub, 30)
	fmt.Println(full, sub)
	sub3 := full[0:1:1]
	sub3 = append(sub3, 77)
	fmt.Println(full, sub3)

	m := map[string]Point{"a": {1, 2}, "b": {3, 4}}
	p := m["a"]
	p.X = 50
	fmt.Println(m["a"], p)
	m["a"] = p
	for k, v := range m {
		v.Y *= 10
		m[k] = v
	}
	keys := []string{}
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Print(k, m[k], " ")
	}
	fmt.Println()

	mp := map[string]*Point{"z": {0, 0}}
	mp["z"].X = 8
	mp["z"].Y += 2
	fmt.Println(*mp["z"])

	arrs := map[int][2]int{1: {1, 1}}
	arr := arrs[1]
	arr[0] = 9
	fmt.Println(arrs[1], arr)

	st := Student{Name: "c", Scores: [3]int{1, 2, 3}}
	st2 := st
	st2.Scores[2] = 300
	ptr := &st
	cp := *ptr
	ptr.Scores[0] = -1
	fmt.Println(st.Scores, st2.Scores, cp.Scores)

	pts := []Point{{1, 1}, {2, 2}}
	for i, pt := range pts {
		pt.X *= 10
		pts[i].Y = pt.X
	}
	fmt.Println(pts)
	arrv := [2]Point{{1, 1}, {2, 2}}
	for i, pt := range arrv {
		arrv[1].X = 500
		fmt.Print(i, pt, " ")
	}
	fmt.Println(arrv)
}
