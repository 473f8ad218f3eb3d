package main

import "fmt"

type Color int

const (
	Red Color = iota + 1
	Green
	Blue
	numColors = iota
)

type Weekday uint8

const (
	Mon Weekday = 1 << iota
	Tue
	Wed
)

var colorNames = [...]string{Red: "red", Green: "green", Blue: "blue"}

func (c Color) Name() string { return colorNames[c] }

func paint(c Color) string {
	switch c {
	case Red, Blue:
		return "primary-ish " + c.Name()
	case Green:
		return "green!"
	}
	return "unknown"
}

func main() {
	const local = Green * 2
	var grid [numColors]Color
	grid[1] = Blue
	fmt.Println(paint(Red), paint(Green), paint(local), len(grid), grid)
	days := Mon | Wed
	fmt.Println(days, days&Tue != 0, days&Wed != 0, Wed>>1 == Tue)
	m := map[Color]int{Red: 1, Blue: 3}
	m[Green] += int(Blue)
	fmt.Println(m[Red], m[Green], m[Blue], len(m))
	const big = 1 << 40
	fmt.Println(big>>38, float64(big)/1e12)
	type Size int
	const (
		Small Size = iota * 10
		Medium
		Large
	)
	sizes := []Size{Large, Small, Medium}
	total := Size(0)
	for _, s := range sizes {
		total += s
	}
	fmt.Println(total, Large-Medium, Blue.double())
	x := Color(2)
	fmt.Printf("%d %v %s\n", x, x == Green, x.Name())
}

type Size2 = int

func (c Color) double() Color { return c * 2 }
