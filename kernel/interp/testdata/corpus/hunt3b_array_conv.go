package main

import "fmt"

type Speaker interface{ Speak() string }
type Dog struct{ name string }

func (d Dog) Speak() string { return d.name + " woofs" }

type Cat struct{ name string }

func (c *Cat) Speak() string { return c.name + " meows" }

func main() {
	s := []int{1, 2, 3, 4}
	arr := [3]int(s)
	arr[0] = 100
	ap := (*[2]int)(s)
	ap[1] = 200
	fmt.Println(s, arr, *ap)
	var np *[3]int
	fmt.Println(len(np))
	cnt := 0
	for i := range np {
		cnt += i
	}
	fmt.Println(cnt)

	var sp Speaker = Dog{"rex"}
	f := sp.Speak
	sp = &Cat{"tom"}
	fmt.Println(f(), sp.Speak())
	c := &Cat{"kit"}
	g := c.Speak
	c.name = "KIT"
	fmt.Println(g())
	var sp2 Speaker = c
	h := sp2.Speak
	c.name = "renamed"
	fmt.Println(h())

	for i, r := range "a\xffb" {
		fmt.Print(i, ":", r, " ")
	}
	fmt.Println()
	var fn func()
	fmt.Println(fn == nil)

	grid := [2][2]int{{1, 2}, {3, 4}}
	for _, row := range grid {
		row[0] = 99
	}
	for i := range grid {
		row := &grid[i]
		row[1] *= 10
	}
	fmt.Println(grid)
	ch := make(chan int, 5)
	for i := range 5 {
		ch <- i
	}
	close(ch)
	sum := 0
loop:
	for v := range ch {
		switch {
		case v == 1:
			continue loop
		case v == 4:
			break loop
		}
		sum += v
	}
	fmt.Println(sum)
}
