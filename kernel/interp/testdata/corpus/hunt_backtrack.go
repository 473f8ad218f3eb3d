// Backtracking and recursion over shared slices: permutations, subsets, N-queens, memoized paths.
package main

import (
	"fmt"
	"slices"
)

func permutations(xs []int) [][]int {
	var out [][]int
	var rec func(cur []int, used []bool)
	rec = func(cur []int, used []bool) {
		if len(cur) == len(xs) {
			out = append(out, append([]int(nil), cur...))
			return
		}
		for i, x := range xs {
			if used[i] {
				continue
			}
			used[i] = true
			rec(append(cur, x), used)
			used[i] = false
		}
	}
	rec(make([]int, 0, len(xs)), make([]bool, len(xs)))
	return out
}

func subsets(xs []string) [][]string {
	res := [][]string{{}}
	for _, x := range xs {
		n := len(res)
		for i := 0; i < n; i++ {
			s := slices.Clone(res[i])
			res = append(res, append(s, x))
		}
	}
	return res
}

func queens(n int) (int, []int) {
	count, first := 0, []int(nil)
	cols := make([]int, 0, n)
	var place func(row int)
	place = func(row int) {
		if row == n {
			if count == 0 {
				first = slices.Clone(cols)
			}
			count++
			return
		}
		for c := 0; c < n; c++ {
			ok := true
			for r, pc := range cols {
				if pc == c || row-r == c-pc || row-r == pc-c {
					ok = false
					break
				}
			}
			if ok {
				cols = append(cols, c)
				place(row + 1)
				cols = cols[:len(cols)-1]
			}
		}
	}
	place(0)
	return count, first
}

func gridPaths(r, c int, memo map[[2]int]int) int {
	if r == 0 || c == 0 {
		return 1
	}
	k := [2]int{r, c}
	if v, ok := memo[k]; ok {
		return v
	}
	v := gridPaths(r-1, c, memo) + gridPaths(r, c-1, memo)
	memo[k] = v
	return v
}

func main() {
	ps := permutations([]int{1, 2, 3})
	fmt.Println(len(ps), ps)
	fmt.Println(subsets([]string{"a", "b", "c"}))
	for n := 4; n <= 6; n++ {
		c, f := queens(n)
		fmt.Println(n, c, f)
	}
	memo := map[[2]int]int{}
	fmt.Println(gridPaths(10, 10, memo), len(memo))
}
