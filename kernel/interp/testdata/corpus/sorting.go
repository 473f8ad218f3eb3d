// sort.Slice, sort.SliceStable (stability), sort.Sort with a custom
// sort.Interface, sort.Search.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Employee struct {
	Name string
	Dept string
	Age  int
}

type byAge []Employee

func (a byAge) Len() int           { return len(a) }
func (a byAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a byAge) Less(i, j int) bool { return a[i].Age < a[j].Age }

func main() {
	staff := []Employee{
		{"Alice", "eng", 30}, {"Bob", "ops", 25}, {"Carol", "eng", 25},
		{"Dan", "ops", 30}, {"Eve", "eng", 35}, {"Frank", "hr", 25},
	}
	sort.SliceStable(staff, func(i, j int) bool { return staff[i].Dept < staff[j].Dept })
	for _, e := range staff {
		fmt.Print(e.Name, " ")
	}
	fmt.Println()
	sort.Stable(byAge(staff))
	for _, e := range staff {
		fmt.Print(e.Name, ":", e.Age, " ")
	}
	fmt.Println()
	words := strings.Fields("banana Apple cherry apple Banana")
	sort.Strings(words)
	fmt.Println(words)
	sort.Slice(words, func(i, j int) bool {
		return strings.ToLower(words[i]) < strings.ToLower(words[j]) || (strings.ToLower(words[i]) == strings.ToLower(words[j]) && words[i] < words[j])
	})
	fmt.Println(words)
	nums := []int{9, 2, 7, 4, 5}
	sort.Sort(sort.Reverse(sort.IntSlice(nums)))
	fmt.Println(nums, sort.IsSorted(sort.IntSlice(nums)))
	sorted := []int{1, 3, 5, 7, 9}
	fmt.Println(sort.SearchInts(sorted, 7), sort.Search(len(sorted), func(i int) bool { return sorted[i] >= 4 }))
}
