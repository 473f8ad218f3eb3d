// Grouped accumulators: embedded structs with pointer and value methods,
// maps of pointers into an array field, method values bound to elements,
// and struct copies that share maps.
package main

import "fmt"

type Acc struct {
	Total float64
	N     int
}

func (a *Acc) Add(x float64) { a.Total += x; a.N++ }
func (a Acc) Mean() float64  { return a.Total / float64(a.N) }

type Group struct {
	Name string
	Acc
}

type Report struct {
	Groups [2]Group
	ByName map[string]*Group
}

func main() {
	var r Report
	r.Groups[0].Name = "a"
	r.Groups[1].Name = "b"
	r.ByName = map[string]*Group{}
	for i := range r.Groups {
		r.ByName[r.Groups[i].Name] = &r.Groups[i]
	}
	data := []struct {
		g string
		v float64
	}{{"a", 1}, {"b", 10}, {"a", 3}, {"b", 30}, {"a", 5}}
	for _, d := range data {
		r.ByName[d.g].Add(d.v)
	}
	fmt.Println(r.Groups[0].Mean(), r.Groups[1].Mean(), r.Groups[0].N)
	add := r.Groups[0].Add
	mean := r.Groups[0].Mean
	add(100)
	fmt.Println(mean(), r.Groups[0].Mean())
	copyR := r
	copyR.Groups[0].Add(1000)
	fmt.Println(r.Groups[0].Total, copyR.Groups[0].Total, copyR.ByName["a"].Total)
	adders := map[string]func(float64){}
	for name, g := range r.ByName {
		adders[name] = g.Add
	}
	adders["b"](-40)
	fmt.Println(r.Groups[1].Total, r.Groups[1].Acc)
	fmt.Printf("%+v\n", r.Groups)
	inc := func(a *Acc) func() {
		return func() { a.N += 100 }
	}(&r.Groups[1].Acc)
	inc()
	fmt.Println(r.Groups[1].N)
	g := r.Groups[1]
	pg := &g
	pg.Acc = Acc{1, 1}
	fmt.Println(g.Mean(), r.Groups[1].Mean())
}
