package main

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
)

type Person struct {
	Name string
	Age  int
}

func (p Person) Adult() bool          { return p.Age >= 18 }
func (p Person) Compare(q Person) int { return cmp.Compare(p.Age, q.Age) }
func (p *Person) Birthday()           { p.Age++ }
func (p Person) Initial(r rune) rune  { return unicode.ToUpper(r) }

type Pred func(Person) bool

func (f Pred) Not() Pred { return func(p Person) bool { return !f(p) } }

type Score int

func main() {
	ps := []Person{{"ann", 30}, {"bob", 12}, {"cy", 18}, {"di", 5}}
	fmt.Println(slices.IndexFunc(ps, Person.Adult), slices.ContainsFunc(ps, Pred(Person.Adult).Not()))
	sorted := slices.Clone(ps)
	slices.SortFunc(sorted, Person.Compare)
	fmt.Println(sorted)
	slices.SortStableFunc(sorted, func(a, b Person) int { return strings.Compare(b.Name, a.Name) })
	fmt.Println(sorted)
	adults := slices.DeleteFunc(slices.Clone(ps), Pred(Person.Adult).Not())
	fmt.Println(adults, len(ps))
	for i := range ps {
		(*Person).Birthday(&ps[i])
	}
	bd := ps[0].Birthday
	bd()
	fmt.Println(ps)
	fmt.Println(strings.Map(ps[0].Initial, "abc"), strings.FieldsFunc("a,b;;c", unicode.IsPunct))
	i := sort.Search(len(sorted), func(i int) bool { return sorted[i].Name <= "bob" })
	fmt.Println(i)
	scores := []Score{30, 10, 20}
	slices.Sort(scores)
	fmt.Println(scores, slices.Max(scores), cmp.Compare(scores[0], scores[1]), min(scores[0], 5), max(Score(3), scores[2]))
	mp := slices.MinFunc(ps, Person.Compare)
	fmt.Println(mp.Name)
	var keep Pred = func(p Person) bool { return p.Name < "c" }
	fmt.Println(len(slices.DeleteFunc(slices.Clone(ps), keep)), keep.Not()(ps[0]))
	byAge := map[bool][]string{}
	for _, p := range ps {
		byAge[p.Adult()] = append(byAge[p.Adult()], p.Name)
	}
	fmt.Println(byAge[true], byAge[false])
	pos, found := slices.BinarySearchFunc(sorted, "bob", func(p Person, n string) int { return strings.Compare(n, p.Name) })
	fmt.Println(pos, found)
}
