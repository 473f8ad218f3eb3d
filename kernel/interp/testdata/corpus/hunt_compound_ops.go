// Compound assignment on index expressions, fields, pointers and map entries.
package main

import "fmt"

type Acc struct {
	Total float64
	N     int
	Hist  [4]int
	Tags  map[string]int
}

var calls int

func idx(i int) int {
	calls++
	return i
}

func main() {
	a := []int{1, 2, 3, 4}
	a[1] += 10
	a[idx(2)] *= 5
	a[idx(0)]++
	a[3] -= a[0]
	fmt.Println(a, calls)
	m := map[string]int{}
	m["x"]++
	m["x"] += 4
	m["y"] -= 2
	m["z"] |= 6
	m["z"] &^= 2
	fmt.Println(m["x"], m["y"], m["z"], len(m))
	acc := Acc{Tags: map[string]int{}}
	acc.Total += 2.5
	acc.Total *= 4
	acc.N++
	acc.Hist[2] += 3
	acc.Hist[2] <<= 2
	acc.Tags["go"] += 2
	fmt.Printf("%+v\n", acc)
	p := &acc
	p.N -= 5
	p.Total /= 2
	p.Hist[0]--
	fmt.Println(acc.N, acc.Total, acc.Hist)
	accs := []Acc{{}, {}}
	accs[1].N += 7
	accs[1].Hist[3]++
	fmt.Println(accs[1].N, accs[1].Hist, accs[0].N)
	pm := map[string]*Acc{"k": {}}
	pm["k"].N += 3
	pm["k"].Total -= 1.5
	fmt.Println(pm["k"].N, pm["k"].Total)
	grid := [][]float64{{1, 2}, {3, 4}}
	for i := range grid {
		for j := range grid[i] {
			grid[i][j] *= float64(i + j + 1)
		}
	}
	fmt.Println(grid)
	s := "ab"
	s += "cd"
	strs := []string{"x"}
	strs[0] += s
	fmt.Println(s, strs)
	var u8 uint8 = 250
	u8 += 10
	x := 17
	x %= 5
	x ^= 3
	y := 1
	y <<= 10
	y >>= 3
	fmt.Println(u8, x, y)
	counts := map[rune]int{}
	for _, r := range "hello world" {
		counts[r]++
	}
	fmt.Println(counts['l'], counts['o'], counts[' '])
	nested := map[string]map[string]int{"a": {}}
	nested["a"]["b"] += 9
	nested["a"]["b"]++
	fmt.Println(nested)
	arrp := &[3]int{1, 2, 3}
	arrp[1] *= 7
	fmt.Println(*arrp)
}
