// Slice aliasing: append growth, copy, sub-slices sharing a backing array, full slice expressions.
package main

import "fmt"

func appendOne(s []int) []int { return append(s, 1) }

func fill(s []int, v int) {
	for i := range s {
		s[i] = v
	}
}

func main() {
	base := make([]int, 3, 10)
	x := append(base, 4)
	y := append(base, 5)
	fmt.Println(x, y, x[3], y[3])
	full := base[:3:3]
	z := append(full, 6)
	z[0] = 100
	fmt.Println(base, z)
	s := []int{1, 2, 3, 4, 5}
	sub := s[1:3]
	sub[0] = 20
	sub = append(sub, 30)
	fmt.Println(s, sub, len(sub), cap(sub))
	dst := make([]int, 2)
	n := copy(dst, s)
	fmt.Println(n, dst)
	n = copy(s, s[2:])
	fmt.Println(n, s)
	fill(s[:2], 7)
	fmt.Println(s)
	t := appendOne(s[:1])
	fmt.Println(s, t)
	var grown []int
	caps := []int{}
	for i := 0; i < 10; i++ {
		grown = append(grown, i)
		if len(caps) == 0 || caps[len(caps)-1] != cap(grown) {
			caps = append(caps, cap(grown))
		}
	}
	fmt.Println(grown, len(caps) > 1)
	r := []string{"a", "b", "c", "d"}
	r = append(r[:1], r[2:]...)
	fmt.Println(r, len(r))
	q := []int{1, 2, 3}
	q2 := q
	q2 = append(q2[:0], 9)
	fmt.Println(q, q2)
	matrix := make([][]int, 3)
	row := make([]int, 3)
	for i := range matrix {
		matrix[i] = row
	}
	matrix[0][0] = 5
	fmt.Println(matrix)
	bs := []byte("hello")
	str := string(bs)
	bs[0] = 'j'
	fmt.Println(str, string(bs))
	var nilS []int
	fmt.Println(nilS == nil, len(nilS), append(nilS, 1))
	e := s[len(s):]
	fmt.Println(len(e), cap(e) >= 0)
	w := make([]int, 0, 4)
	w1 := append(w, 1, 2)
	w2 := append(w, 3)
	fmt.Println(w1, w2)
	c := []int{1, 2, 3}
	copy(c[1:], c)
	fmt.Println(c)
	clear(c[:1])
	fmt.Println(c)
}
