package main

import "fmt"

type Bytes []byte
type Row []any

func main() {
	b := make(Bytes, 3)
	n := copy(b, "hello")
	b = append(b, " world"...)
	fmt.Println(n, string(b), len(b))
	r := Row{1, "a", nil, 2.5, Bytes("x")}
	r = append(r, r[:2]...)
	fmt.Println(len(r), r[5], r[6], r[2] == nil)
	var out []any
	out = append(out, r...)
	out = append(out, Row{9})
	fmt.Println(len(out))
	s := []int{1, 2, 3, 4, 5}
	s = append(s[:1], s[2:]...)
	fmt.Println(s, len(s), cap(s))
	t := s[1:3:3]
	t = append(t, 99)
	fmt.Println(s, t)
	u := s[:2]
	u = append(u, 77)
	fmt.Println(s, u)
	var z []int
	z = append(z, z...)
	fmt.Println(z == nil, len(append([]int{}, z...)), append([]byte("ab"), "cd"...))
}
