package main

import "fmt"

func c(n int) (k int) {
	for i := 0; i < n; i++ {
		k++
	}
	return
}

func p(n int) (out []int) {
	for i := 0; i < n; i++ {
		out = append(out, i)
	}
	return
}

func g[T any](v T, n int) (xs []T) {
	for range n {
		xs = append(xs, v)
	}
	return
}

func f(s []int) (int, int)                  { return 7, len(s) }
func two(a, b []int) (int, int)             { return len(a), len(b) }
func sz(s []int) (int, int)                 { return cap(s), len(s) }
func parts(c complex128) (float64, float64) { return real(c), imag(c) }
func mean(xs []float64) (float64, int) {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t / float64(len(xs)), len(xs)
}
func grow(names []string) (int, []string) { return 0, append(names, "c") }

type acc struct{ n int }

func (a *acc) add(k int) (total int, ok bool) {
	a.n += k
	total += a.n
	return total, true
}

func main() {
	total := 0
	for _, n := range []int{1, 2, 3} {
		total += c(n)
	}
	fmt.Println(total)
	x := 10
	x = c(2)
	fmt.Println(x)
	for _, n := range []int{2, 3} {
		fmt.Println(p(n), g("a", n))
	}
	fmt.Println(f([]int{1, 2, 3}))
	fmt.Println(two([]int{1}, []int{1, 2, 3}))
	fmt.Println(sz(make([]int, 2, 8)))
	fmt.Println(parts(1 + 2i))
	fmt.Println(mean([]float64{1, 2, 3, 6}))
	fmt.Println(grow([]string{"a", "b"}))
	var a acc
	for i := 1; i <= 3; i++ {
		fmt.Println(a.add(i))
	}
	sq := func(n int) (r int) { r += n * n; return }
	fmt.Println(sq(2), sq(3))
}
