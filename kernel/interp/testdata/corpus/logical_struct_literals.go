package main

import "fmt"

type Point struct{ x, y int }

type Box struct {
	lo, hi Point
}

func inside(b Box, p Point) bool {
	return p.x >= b.lo.x && p.x <= b.hi.x && p.y >= b.lo.y && p.y <= b.hi.y
}

func corner(p Point) bool {
	return p == Point{0, 0} || p == Point{9, 9}
}

func main() {
	pts := []Point{{0, 0}, {3, 4}, {9, 9}, {12, 1}}
	for _, p := range pts {
		onAxis := p == (Point{0, 0}) || p.x == 0 || p.y == 0
		both := p != (Point{}) && p.x < 10
		fmt.Println(p, corner(p), onAxis, both)
		if p == (Point{3, 4}) || p == (Point{12, 1}) {
			fmt.Println("  listed")
		}
		if inside(Box{Point{1, 1}, Point{10, 10}}, p) && p.x > 2 {
			fmt.Println("  inside")
		}
		if !inside(Box{hi: Point{5, 5}}, p) || (Point{p.y, p.x} == p) {
			fmt.Println("  outside or diagonal")
		}
		n := len([]Point{p, {1, 2}}) == 2 && []Point{p}[0].x >= 0
		fmt.Println("  n", n)
	}
	switch p := pts[1]; {
	case p == Point{1, 1}, p == Point{3, 4}:
		fmt.Println("tagless case list")
	}
}
