// Slices with builtins: append, copy, slicing, full slice expressions, 2D slices.
package main

import "fmt"

func main() {
	var s []int
	for i := range 5 {
		s = append(s, i*i)
	}
	fmt.Println(s, len(s))
	t := make([]int, 3)
	n := copy(t, s)
	fmt.Println(t, n)
	u := s[1:3:3]
	u = append(u, 99)
	fmt.Println(s, u)
	v := append([]int(nil), s...)
	v[0] = -1
	fmt.Println(s[0], v[0])
	grid := make([][]rune, 3)
	for i := range grid {
		grid[i] = []rune("...")
		grid[i][i] = '#'
	}
	for _, row := range grid {
		fmt.Println(string(row))
	}
	s = append(s[:1], s[2:]...)
	fmt.Println(s)
	s = s[:0]
	fmt.Println(s == nil, len(s))
	bs := []byte("hello")
	bs[0] = 'j'
	fmt.Println(string(bs), bs[1:3])
	fmt.Println(min(3, 1, 2), max(2.5, 1), min("b", "a"))
	clear(v)
	fmt.Println(v)
}
