package main

import (
	"fmt"
	"sort"
	"strings"
)

type Person struct {
	Name string
	Age  int
}

type ByAge []Person

func (a ByAge) Len() int           { return len(a) }
func (a ByAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a ByAge) Less(i, j int) bool { return a[i].Age < a[j].Age }

type byName struct {
	people []Person
	swaps  int
}

func (b *byName) Len() int { return len(b.people) }
func (b *byName) Swap(i, j int) {
	b.swaps++
	b.people[i], b.people[j] = b.people[j], b.people[i]
}
func (b *byName) Less(i, j int) bool { return b.people[i].Name < b.people[j].Name }

type multiKey struct {
	ByAge
	desc bool
}

func (m multiKey) Less(i, j int) bool {
	if m.ByAge[i].Age == m.ByAge[j].Age {
		return m.ByAge[i].Name < m.ByAge[j].Name
	}
	if m.desc {
		return m.ByAge[i].Age > m.ByAge[j].Age
	}
	return m.ByAge[i].Age < m.ByAge[j].Age
}

func names(ps []Person) string {
	var parts []string
	for _, p := range ps {
		parts = append(parts, fmt.Sprintf("%s:%d", p.Name, p.Age))
	}
	return strings.Join(parts, " ")
}

func people() []Person {
	return []Person{{"Eve", 31}, {"Bob", 25}, {"Al", 31}, {"Dee", 19}, {"Cy", 25}, {"Fay", 40}}
}

func main() {
	ps := people()
	sort.Sort(ByAge(ps))
	fmt.Println("byAge:", names(ps))
	fmt.Println("sorted?", sort.IsSorted(ByAge(ps)))

	ps = people()
	sort.Stable(ByAge(ps))
	fmt.Println("stable:", names(ps))

	ps = people()
	sort.Sort(sort.Reverse(ByAge(ps)))
	fmt.Println("reverse:", names(ps))

	bn := &byName{people: people()}
	sort.Sort(bn)
	fmt.Println("byName:", names(bn.people), bn.swaps > 0)

	var si sort.Interface = bn
	fmt.Println("iface len:", si.Len(), si.Less(0, 1))

	ps = people()
	sort.Sort(multiKey{ByAge(ps), true})
	fmt.Println("multi desc:", names(ps))
	sort.Stable(multiKey{ByAge: ps})
	fmt.Println("multi asc:", names(ps))

	ages := ByAge(ps)
	i := sort.Search(ages.Len(), func(k int) bool { return ages[k].Age >= 30 })
	fmt.Println("first >=30:", i, ages[i].Name)
	j, found := sort.Find(len(ages), func(k int) int {
		switch {
		case 25 < ages[k].Age:
			return -1
		case 25 > ages[k].Age:
			return 1
		}
		return 0
	})
	fmt.Println("find 25:", j, found)
}
