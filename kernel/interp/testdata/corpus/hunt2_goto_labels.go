// Labelled break/continue over nested loops, goto for retries and cleanup,
// switch with fallthrough inside loops, and a search in a grid.
package main

import "fmt"

type Grid [][]int

func find(g Grid, target int) (int, int, bool) {
	r, c := -1, -1
outer:
	for i, row := range g {
		for j, v := range row {
			if v < 0 {
				continue outer
			}
			if v == target {
				r, c = i, j
				break outer
			}
		}
	}
	return r, c, r >= 0
}

func retry(fails int) (attempts int, err error) {
	n := 0
again:
	n++
	if n <= fails {
		if n < 3 {
			goto again
		}
		err = fmt.Errorf("gave up after %d", n)
		goto done
	}
	attempts = n
done:
	return attempts, err
}

func classify(xs []int) []string {
	var out []string
	for _, x := range xs {
		var tags string
		switch {
		case x < 0:
			tags += "neg "
			fallthrough
		case x == 0:
			tags += "nonpos "
		case x%2 == 0:
			tags += "even "
			if x > 10 {
				break
			}
			tags += "small "
		default:
			tags += "odd "
		}
		out = append(out, fmt.Sprintf("%d:%s", x, tags))
	}
	return out
}

func primes(n int) []int {
	var ps []int
next:
	for i := 2; len(ps) < n; i++ {
		for _, p := range ps {
			if p*p > i {
				break
			}
			if i%p == 0 {
				continue next
			}
		}
		ps = append(ps, i)
	}
	return ps
}

func main() {
	g := Grid{{1, 2, 3}, {-1, 7, 7}, {4, 7, 6}}
	fmt.Println(find(g, 7))
	fmt.Println(find(g, 9))
	fmt.Println(retry(0))
	fmt.Println(retry(1))
	fmt.Println(retry(5))
	fmt.Printf("%q\n", classify([]int{-2, 0, 4, 12, 7}))
	fmt.Println(primes(12))

	i := 0
loop:
	if i < 5 {
		i += 2
		goto loop
	}
	fmt.Println("i", i)

	count := 0
	for a := 0; a < 4; a++ {
	inner:
		for b := 0; b < 4; b++ {
			switch {
			case b > a:
				break inner
			case (a+b)%2 == 1:
				continue inner
			}
			count += a*10 + b
		}
	}
	fmt.Println("count", count)
	var log []string
	for n := 0; n < 3; n++ {
		select {
		default:
			if n == 1 {
				continue
			}
			log = append(log, fmt.Sprint("n", n))
		}
	}
	fmt.Println(log)
}
