// Sorting with sort.Interface implementations, sort.Stable, sort.Slice and
// slices.SortFunc over named types; reverse and multi-key orderings.
package main

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
)

type Employee struct {
	Name   string
	Dept   string
	Salary int
	Age    int
}

type BySalary []Employee

func (s BySalary) Len() int           { return len(s) }
func (s BySalary) Less(i, j int) bool { return s[i].Salary < s[j].Salary }
func (s BySalary) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

type byKey struct {
	es   []Employee
	less func(a, b *Employee) bool
}

func (b byKey) Len() int           { return len(b.es) }
func (b byKey) Less(i, j int) bool { return b.less(&b.es[i], &b.es[j]) }
func (b byKey) Swap(i, j int)      { b.es[i], b.es[j] = b.es[j], b.es[i] }

type Names []string

func (n Names) Len() int           { return len(n) }
func (n Names) Less(i, j int) bool { return strings.ToLower(n[i]) < strings.ToLower(n[j]) }
func (n Names) Swap(i, j int)      { n[i], n[j] = n[j], n[i] }

func show(title string, es []Employee) {
	fmt.Println("--", title)
	for _, e := range es {
		fmt.Printf("%-6s %-5s %6d %3d\n", e.Name, e.Dept, e.Salary, e.Age)
	}
}

func main() {
	staff := []Employee{
		{"Ann", "eng", 120, 34}, {"Bob", "ops", 90, 45}, {"Cid", "eng", 120, 29},
		{"Dee", "ops", 95, 38}, {"Eve", "sales", 70, 41}, {"Fay", "eng", 150, 52},
		{"Gus", "sales", 70, 23},
	}
	a := slices.Clone(staff)
	sort.Sort(BySalary(a))
	show("by salary (sort.Sort)", a)

	b := slices.Clone(staff)
	sort.Stable(sort.Reverse(BySalary(b)))
	show("by salary desc, stable", b)

	c := slices.Clone(staff)
	sort.Sort(byKey{c, func(x, y *Employee) bool {
		if x.Dept != y.Dept {
			return x.Dept < y.Dept
		}
		return x.Age > y.Age
	}})
	show("dept asc, age desc", c)

	d := slices.Clone(staff)
	slices.SortStableFunc(d, func(x, y Employee) int {
		return cmp.Or(cmp.Compare(y.Salary, x.Salary), strings.Compare(x.Name, y.Name))
	})
	show("slices.SortStableFunc", d)

	names := Names{"bob", "Alice", "carol", "Dave", "alice"}
	sort.Stable(names)
	fmt.Println(names, sort.IsSorted(names))

	ages := make([]int, 0, len(staff))
	for _, e := range staff {
		ages = append(ages, e.Age)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(ages)))
	fmt.Println(ages)
	i := sort.Search(len(a), func(i int) bool { return a[i].Salary >= 100 })
	fmt.Println("first >= 100:", a[i].Name, i)
	j, found := slices.BinarySearchFunc(a, 95, func(e Employee, t int) int { return cmp.Compare(e.Salary, t) })
	fmt.Println(j, found)

	byDept := map[string][]Employee{}
	for _, e := range staff {
		byDept[e.Dept] = append(byDept[e.Dept], e)
	}
	depts := make([]string, 0, len(byDept))
	for k := range byDept {
		depts = append(depts, k)
	}
	sort.Strings(depts)
	for _, k := range depts {
		sum := 0
		for _, e := range byDept[k] {
			sum += e.Salary
		}
		fmt.Printf("%s: n=%d avg=%.2f\n", k, len(byDept[k]), float64(sum)/float64(len(byDept[k])))
	}
}
