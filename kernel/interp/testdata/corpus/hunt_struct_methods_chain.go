// Builder-style method chains with value and pointer receivers, copies through chains.
package main

import (
	"fmt"
	"strings"
)

type Query struct {
	table  string
	wheres []string
	limit  int
}

func From(t string) Query { return Query{table: t} }

func (q Query) Where(c string) Query {
	q.wheres = append(append([]string(nil), q.wheres...), c)
	return q
}

func (q Query) Limit(n int) Query { q.limit = n; return q }

func (q Query) String() string {
	var b strings.Builder
	b.WriteString("SELECT * FROM " + q.table)
	if len(q.wheres) > 0 {
		b.WriteString(" WHERE " + strings.Join(q.wheres, " AND "))
	}
	if q.limit > 0 {
		fmt.Fprintf(&b, " LIMIT %d", q.limit)
	}
	return b.String()
}

type Counter struct{ hits map[string]int }

func (c *Counter) Hit(k string) *Counter {
	if c.hits == nil {
		c.hits = map[string]int{}
	}
	c.hits[k]++
	return c
}

type Vec struct{ X, Y float64 }

func (v Vec) Add(o Vec) Vec       { return Vec{v.X + o.X, v.Y + o.Y} }
func (v Vec) Scale(k float64) Vec { return Vec{v.X * k, v.Y * k} }
func (v *Vec) Norm()              { l := v.X*v.X + v.Y*v.Y; v.X /= l; v.Y /= l }

func main() {
	base := From("users").Where("age > 18")
	a := base.Where("city = 'Oslo'").Limit(10)
	b := base.Limit(5)
	fmt.Println(base.String())
	fmt.Println(a.String())
	fmt.Println(b.String())
	var c Counter
	c.Hit("x").Hit("y").Hit("x")
	fmt.Println(c.hits["x"], c.hits["y"])
	v := Vec{1, 2}.Add(Vec{3, 4}).Scale(0.5)
	fmt.Println(v)
	w := v
	w.Norm()
	fmt.Printf("%.3f %.3f %v\n", w.X, w.Y, v)
	vs := []Vec{{1, 0}, {0, 2}}
	vs[1].Norm()
	sum := Vec{}
	for _, x := range vs {
		sum = sum.Add(x)
	}
	fmt.Println(sum, vs)
}
