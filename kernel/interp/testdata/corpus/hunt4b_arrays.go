package main

import "fmt"

type Grid [3][3]int

type Cell struct {
	Pos  [2]int
	Tags [2]string
}

type Point struct{ X, Y int }

func bump(g Grid) Grid {
	g[1][1]++
	return g
}

func bumpP(g *Grid) { g[0][0] += 10 }

func (g Grid) Sum() int {
	t := 0
	for _, row := range g {
		for _, v := range row {
			t += v
		}
	}
	return t
}

func (g *Grid) Set(r, c, v int) { g[r][c] = v }

func main() {
	var a Grid
	a[1][1] = 5
	b := a
	b[1][1] = 7
	c := bump(a)
	bumpP(&a)
	fmt.Println(a, b, c, a == b, bump(b) == c)
	row := a[1]
	row[0] = 99
	fmt.Println(a[1], row)
	for i, r := range a {
		r[2] = i + 100
		a[i][0] = -i
	}
	fmt.Println(a, a.Sum())
	a.Set(2, 2, 42)
	fmt.Println(a[2], a.Sum())

	seen := map[[2]int]string{}
	seen[[2]int{1, 2}] = "a"
	k := [2]int{1, 2}
	seen[k] += "b"
	k[1] = 3
	seen[k] = "c"
	fmt.Println(len(seen), seen[[2]int{1, 2}], seen[[2]int{1, 3}])

	x := Cell{Pos: [2]int{1, 1}, Tags: [2]string{"a", "b"}}
	y := x
	y.Tags[1] = "z"
	fmt.Println(x == y, x, y)
	y.Tags[1] = "b"
	fmt.Println(x == y)

	cells := map[string]Cell{"one": x}
	cp := cells["one"]
	cp.Pos[0] = 50
	fmt.Println(cells["one"].Pos, cp.Pos)
	cells["one"] = cp
	fmt.Println(cells["one"].Pos)

	pts := []Point{{1, 2}, {3, 4}}
	for _, p := range pts {
		p.X *= 10
	}
	for i := range pts {
		pts[i].Y *= 10
	}
	fmt.Println(pts)

	s := make([]int, 2, 3)
	p0 := &s[0]
	s = append(s, 5)
	*p0 = 11
	fmt.Println(len(s), cap(s), s)
	s = append(s, 6)
	*p0 = 22
	fmt.Println(len(s), s, *p0)

	arrs := [2][2]Point{}
	arrs[1][0].X = 3
	cp2 := arrs
	cp2[1][0].Y = 4
	fmt.Println(arrs, cp2, arrs != cp2)
	pa := &arrs
	for i := range pa {
		pa[i][1] = Point{i, i}
	}
	fmt.Println(arrs, len(pa))
	var ifs [2]any = [2]any{1, "x"}
	jfs := ifs
	fmt.Println(ifs == jfs, ifs)
}
