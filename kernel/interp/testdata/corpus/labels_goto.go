// Labelled break and continue across nested loops and switches; goto.
package main

import "fmt"

func findPair(nums []int, target int) (int, int) {
	i, j := -1, -1
search:
	for a := range nums {
		for b := a + 1; b < len(nums); b++ {
			switch {
			case nums[a]+nums[b] == target:
				i, j = a, b
				break search
			case nums[a]+nums[b] > 100:
				continue search
			}
		}
	}
	return i, j
}

func retry() int {
	attempts := 0
again:
	attempts++
	if attempts < 3 {
		goto again
	}
	return attempts
}

func main() {
	fmt.Println(findPair([]int{3, 8, 11, 4, 95}, 15))
	fmt.Println(findPair([]int{1, 2}, 99))
	fmt.Println(retry())
	count := 0
rows:
	for r := 0; r < 5; r++ {
		for c := 0; c < 5; c++ {
			if c > r {
				continue rows
			}
			if r+c > 6 {
				break rows
			}
			count++
		}
	}
	fmt.Println("count", count)
	i := 0
loop:
	if i < 4 {
		fmt.Print(i, " ")
		i++
		goto loop
	}
	fmt.Println()
}
