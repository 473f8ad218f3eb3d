// Labelled break and continue, switch with fallthrough, switch without condition, break in select.
package main

import "fmt"

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	case score >= 70:
		return "C"
	}
	return "F"
}

func bonus(level int) []string {
	var out []string
	switch level {
	case 3:
		out = append(out, "gold")
		fallthrough
	case 2:
		out = append(out, "silver")
		fallthrough
	case 1:
		out = append(out, "bronze")
	case 0:
		out = append(out, "none")
	default:
		out = append(out, "??")
	}
	return out
}

func main() {
	grid := [][]int{{1, 2, 3}, {4, -5, 6}, {7, 8, 9}}
	found := [2]int{-1, -1}
outer:
	for i, row := range grid {
		for j, v := range row {
			if v < 0 {
				found = [2]int{i, j}
				break outer
			}
		}
	}
	fmt.Println(found)
	var pairs []string
rows:
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			if j > i {
				continue rows
			}
			if i == 3 {
				break rows
			}
			pairs = append(pairs, fmt.Sprint(i, j))
		}
	}
	fmt.Println(pairs)
	for _, s := range []int{95, 85, 75, 10} {
		fmt.Print(grade(s))
	}
	fmt.Println()
	for l := 0; l <= 4; l++ {
		fmt.Println(l, bonus(l))
	}
	count := 0
loop:
	for i := 0; ; i++ {
		switch {
		case i%2 == 0:
			continue
		case i > 9:
			break loop
		}
		count += i
	}
	fmt.Println(count)
	x := 5
	switch y := x * 2; y {
	case 1, 2, 3:
		fmt.Println("small")
	case 10, 20:
		fmt.Println("ten-ish", y)
	}
	n := 0
	for n < 100 {
		n += 7
		if n%5 == 0 {
			break
		}
	}
	fmt.Println(n)
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	close(ch)
	sum := 0
recv:
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				break recv
			}
			sum += v
		}
	}
	fmt.Println(sum)
	switch c := 'b'; c {
	case 'a':
	case 'b':
		fmt.Println("b branch")
		if true {
			break
		}
		fmt.Println("unreached")
	}
}
