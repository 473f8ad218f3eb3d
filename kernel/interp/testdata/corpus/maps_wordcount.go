// Maps: word counts with sorted output, map of slices, delete, comma-ok, struct keys.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type point struct{ x, y int }

func main() {
	text := "the cat and the hat and the bat sat on the mat"
	counts := map[string]int{}
	for _, w := range strings.Fields(text) {
		counts[w]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys[:4] {
		fmt.Println(k, counts[k])
	}
	byLen := map[int][]string{}
	for _, k := range keys {
		byLen[len(k)] = append(byLen[len(k)], k)
	}
	fmt.Println(len(byLen[3]), len(byLen[2]))
	delete(counts, "the")
	if _, ok := counts["the"]; !ok {
		fmt.Println("the: gone")
	}
	v, ok := counts["cat"]
	fmt.Println(v, ok, len(counts))
	grid := map[point]string{{0, 0}: "origin", {1, 2}: "p"}
	fmt.Println(grid[point{1, 2}], grid[point{9, 9}] == "")
	nested := map[string]map[string]int{}
	for _, pair := range [][2]string{{"a", "x"}, {"a", "y"}, {"b", "x"}} {
		if nested[pair[0]] == nil {
			nested[pair[0]] = map[string]int{}
		}
		nested[pair[0]][pair[1]]++
	}
	fmt.Println(nested)
}
