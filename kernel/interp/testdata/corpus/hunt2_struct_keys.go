// Struct, array and interface map keys, struct equality, arrays of structs
// copied by value and compared.
package main

import (
	"fmt"
	"sort"
)

type Coord struct{ R, C int }

type Edge struct {
	From, To Coord
}

type Key interface{}

type Cell struct {
	Pos   Coord
	Alive bool
}

func neighbours(c Coord) [4]Coord {
	return [4]Coord{{c.R - 1, c.C}, {c.R + 1, c.C}, {c.R, c.C - 1}, {c.R, c.C + 1}}
}

func main() {
	grid := map[Coord]int{}
	for r := 0; r < 3; r++ {
		for c := 0; c < 3; c++ {
			grid[Coord{r, c}] = r*3 + c
		}
	}
	sum := 0
	for _, n := range neighbours(Coord{1, 1}) {
		sum += grid[n]
	}
	fmt.Println("neighbour sum", sum, grid[Coord{2, 2}])

	seen := map[Edge]bool{}
	edges := []Edge{{Coord{0, 0}, Coord{0, 1}}, {Coord{0, 1}, Coord{0, 0}}, {Coord{0, 0}, Coord{0, 1}}}
	for _, e := range edges {
		if seen[e] {
			fmt.Println("dup", e)
		}
		seen[e] = true
	}
	fmt.Println(len(seen))

	byArr := map[[3]int]string{{1, 2, 3}: "a", {3, 2, 1}: "b"}
	k := [3]int{1, 2, 3}
	fmt.Println(byArr[k], byArr[[3]int{3, 2, 1}], byArr[[3]int{}] == "")
	k[0] = 3
	k[2] = 1
	fmt.Println(byArr[k])

	mixed := map[Key]int{}
	mixed[1] = 1
	mixed["1"] = 2
	mixed[Coord{1, 1}] = 3
	mixed[int64(1)] = 4
	mixed[[2]string{"a", "b"}] = 5
	fmt.Println(len(mixed), mixed[1], mixed["1"], mixed[Coord{1, 1}], mixed[int64(1)], mixed[[2]string{"a", "b"}])
	var kk Key = Coord{1, 1}
	fmt.Println(mixed[kk], kk == Coord{1, 1}, kk == Key(Coord{1, 2}))

	a := [3]Cell{{Coord{0, 0}, true}, {Coord{0, 1}, false}, {Coord{0, 2}, true}}
	b := a
	b[1].Alive = true
	fmt.Println(a == b, a[1].Alive, b[1].Alive)
	b[1].Alive = false
	fmt.Println(a == b)
	for _, c := range a {
		c.Alive = !c.Alive
	}
	fmt.Println(a[0].Alive)
	for i := range a {
		a[i].Alive = !a[i].Alive
	}
	fmt.Println(a[0].Alive, a == b)

	p := &a
	q := *p
	q[2].Pos.C = 99
	fmt.Println(a[2].Pos, q[2].Pos)

	counts := map[Coord]int{}
	moves := []Coord{{0, 1}, {1, 0}, {0, 1}, {-1, 0}, {0, 1}}
	pos := Coord{}
	for _, m := range moves {
		pos = Coord{pos.R + m.R, pos.C + m.C}
		counts[pos]++
	}
	keys := make([]Coord, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].R != keys[j].R {
			return keys[i].R < keys[j].R
		}
		return keys[i].C < keys[j].C
	})
	for _, k := range keys {
		fmt.Print(k, "=", counts[k], " ")
	}
	fmt.Println()
	fmt.Println(counts)
	type pair struct {
		a, b any
	}
	fmt.Println(pair{1, "x"} == pair{1, "x"}, pair{1, 2} == pair{1, int8(2)})
}
