package main

import (
	"fmt"
	"math"
)

type T struct{ n int }

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isErr := r.(error)
		fmt.Printf("%s: %v (error=%v)\n", name, r, isErr)
	}()
	f()
}

func main() {
	zero := 0
	n := -1
	minI := math.MinInt64
	m1 := -1
	var np *T
	var nilCh chan int
	var arr [3]int
	var nm map[string]int
	var ifc any = "s"
	try("div", func() { fmt.Println(10 / zero) })
	try("mod", func() { fmt.Println(10 % zero) })
	try("minint", func() { fmt.Println(minI/m1, minI%m1) })
	try("makeslice", func() { _ = make([]int, n) })
	try("makecap", func() { _ = make([]int, 2, 1+zero) })
	try("nilptr", func() { fmt.Println(np.n) })
	try("closenil", func() { close(nilCh) })
	try("closetwice", func() { c := make(chan int); close(c); close(c) })
	try("sendclosed", func() { c := make(chan int, 1); close(c); c <- 1 })
	try("arrayidx", func() { i := 3 + zero; arr[i] = 1 })
	try("nilmap", func() { nm["a"]++ })
	try("assert", func() { _ = ifc.(int) })
	try("slice3", func() { s := []int{1, 2, 3}; lo := 2 + zero; _ = s[lo:1] })
	try("strindex", func() { s := "ab"; i := 5 + zero; _ = s[i] })
	try("custom", func() { panic(fmt.Errorf("custom %d", 1)) })
	try("nilfunc", func() { var f func(); f() })
	try("floatdiv", func() { f := 0.0; fmt.Println(1/f, -1/f, f/f == f/f) })
}
