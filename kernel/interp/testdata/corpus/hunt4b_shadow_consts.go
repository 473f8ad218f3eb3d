package main

import "fmt"

const size = 3

var total = 100

func helper() string { return "pkg helper" }

type Color int

const (
	Red Color = iota
	Green
)

func useLocal() {
	const size = 5
	var arr [size]int
	total := 1
	helper := func() string { return "local helper" }
	Red := "shadow red"
	fmt.Println(len(arr), size*2, total, helper(), Red)
}

func usePkg() {
	var arr [size]int
	fmt.Println(len(arr), total, helper(), Red, Green)
}

func main() {
	useLocal()
	usePkg()
	{
		const size = 7
		type Grid [size][size]bool
		var g Grid
		fmt.Println(len(g), len(g[0]))
	}
	var arr [size]int
	fmt.Println(len(arr))
	total := total + 1
	fmt.Println(total)
	for total := 0; total < 2; total++ {
		fmt.Print(total, " ")
	}
	fmt.Println(total)
	if helper := helper(); helper != "" {
		fmt.Println(helper)
	}
}
