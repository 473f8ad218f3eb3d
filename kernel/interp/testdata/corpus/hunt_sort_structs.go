// Sorting structs with sort.Slice, sort.SliceStable, slices.SortFunc and cmp, by several keys.
package main

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
)

type Student struct {
	Name  string
	Grade int
	Score float64
}

type ByScore []Student

func (b ByScore) Len() int           { return len(b) }
func (b ByScore) Less(i, j int) bool { return b[i].Score > b[j].Score }
func (b ByScore) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func main() {
	students := []Student{
		{"Lena", 2, 88.5}, {"Omar", 1, 92}, {"Ava", 2, 75.25},
		{"Bo", 1, 92}, {"Cy", 3, 60}, {"Dee", 3, 88.5},
	}
	s1 := slices.Clone(students)
	sort.Slice(s1, func(i, j int) bool {
		if s1[i].Score != s1[j].Score {
			return s1[i].Score > s1[j].Score
		}
		return s1[i].Name < s1[j].Name
	})
	for _, s := range s1 {
		fmt.Printf("%-5s %d %6.2f\n", s.Name, s.Grade, s.Score)
	}
	s2 := slices.Clone(students)
	sort.SliceStable(s2, func(i, j int) bool { return s2[i].Grade < s2[j].Grade })
	fmt.Println(s2)
	s3 := slices.Clone(students)
	slices.SortFunc(s3, func(a, b Student) int {
		return cmp.Or(cmp.Compare(b.Grade, a.Grade), strings.Compare(a.Name, b.Name))
	})
	fmt.Println(s3)
	s4 := slices.Clone(students)
	sort.Stable(ByScore(s4))
	fmt.Println(s4)
	fmt.Println(students[0].Name, sort.IsSorted(ByScore(s4)))
	idx, found := slices.BinarySearchFunc(s3, 2, func(s Student, g int) int { return cmp.Compare(g, s.Grade) })
	fmt.Println(idx, found)
	best := slices.MaxFunc(students, func(a, b Student) int { return cmp.Compare(a.Score, b.Score) })
	fmt.Println(best)
	names := make([]string, 0, len(students))
	for _, s := range students {
		names = append(names, s.Name)
	}
	sort.Strings(names)
	fmt.Println(names, sort.SearchStrings(names, "Cy"))
	ints := []int{5, 2, 8, 1, 9, 3}
	sort.Sort(sort.Reverse(sort.IntSlice(ints)))
	fmt.Println(ints)
	ptrs := []*Student{&students[0], &students[1], &students[2]}
	sort.Slice(ptrs, func(i, j int) bool { return ptrs[i].Score < ptrs[j].Score })
	ptrs[0].Score = 0
	fmt.Println(ptrs[0].Name, students[2].Score)
}
