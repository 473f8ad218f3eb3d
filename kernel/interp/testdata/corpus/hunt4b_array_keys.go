package main

import "fmt"

type Key struct {
	Pos  [2]int
	Name string
}

type Board [3][3]byte

func main() {
	counts := map[Key]int{}
	counts[Key{[2]int{0, 1}, "a"}]++
	k := Key{Name: "a"}
	k.Pos[1] = 1
	counts[k]++
	k.Pos[0] = 5
	counts[k] += 10
	fmt.Println(len(counts), counts[Key{[2]int{0, 1}, "a"}], counts[k])
	arr := [...]int{5: 1, 2, 1: 7}
	fmt.Println(len(arr), arr)
	var b Board
	for i := range b {
		for j := range b[i] {
			b[i][j] = '.'
		}
	}
	b[1][1] = 'X'
	seen := map[Board]bool{b: true}
	b2 := b
	b2[0][0] = 'O'
	fmt.Println(seen[b], seen[b2], b == b2)
	for _, row := range b {
		fmt.Println(string(row[:]))
	}
	switch b[1] {
	case [3]byte{'.', 'X', '.'}:
		fmt.Println("middle")
	default:
		fmt.Println("other")
	}
	keys := map[any]int{[2]int{1, 2}: 1, [2]string{"a", "b"}: 2, Key{}: 3}
	fmt.Println(keys[[2]int{1, 2}], keys[[2]string{"a", "b"}], keys[Key{}], keys[[2]int{2, 1}])
	pa := &arr
	fmt.Println(len(pa), cap(pa[2:4]), pa[5])
	sl := arr[:]
	sl[0] = 100
	fmt.Println(arr[0])
	var hist [5]int
	for _, v := range []int{1, 3, 3, 4, 1, 1} {
		hist[v]++
	}
	h2 := hist
	h2[1] = 0
	fmt.Println(hist, h2, hist != h2)
	type pair [2]string
	ps := []pair{{"a", "b"}, {"c", "d"}}
	for _, p := range ps {
		p[0] = "z"
	}
	cp := ps[0]
	cp[1] = "y"
	fmt.Println(ps, cp)
	matrix := [2][2]float64{{1, 2}, {3, 4}}
	tr := func(m [2][2]float64) [2][2]float64 {
		m[0][1], m[1][0] = m[1][0], m[0][1]
		return m
	}
	fmt.Println(tr(matrix), matrix, tr(tr(matrix)) == matrix)
	var aa [2]struct{ X [2]int }
	bb := aa
	bb[1].X[1] = 9
	fmt.Println(aa, bb, aa == bb)
	ch := make(chan [3]int, 1)
	send := [3]int{1, 2, 3}
	ch <- send
	send[0] = 99
	got := <-ch
	fmt.Println(got, send)
	fn := func(a ...[2]int) int { a[0][0] = 50; return len(a) }
	x := [2]int{1, 1}
	fmt.Println(fn(x, x), x)
}
