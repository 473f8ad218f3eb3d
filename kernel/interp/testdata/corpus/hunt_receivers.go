// Value and pointer receivers, method values bound at evaluation, method expressions.
package main

import "fmt"

type Counter struct {
	Name string
	N    int
}

func (c Counter) Get() int       { return c.N }
func (c *Counter) Inc()          { c.N++ }
func (c Counter) IncCopy() int   { c.N++; return c.N }
func (c *Counter) Add(k int)     { c.N += k }
func (c Counter) String() string { return fmt.Sprintf("%s=%d", c.Name, c.N) }

type Temp float64

func (t Temp) F() Temp      { return t*9/5 + 32 }
func (t *Temp) Warm(d Temp) { *t += d }

func apply(f func(), n int) {
	for i := 0; i < n; i++ {
		f()
	}
}

func main() {
	c := Counter{Name: "c"}
	c.Inc()
	fmt.Println(c.IncCopy(), c.Get())
	get := c.Get
	inc := c.Inc
	c.N = 10
	inc()
	fmt.Println(get(), c.N)
	apply(c.Inc, 3)
	fmt.Println(c)
	fExpr := Counter.Get
	pExpr := (*Counter).Add
	pExpr(&c, 5)
	fmt.Println(fExpr(c), c.N)
	cs := []Counter{{"a", 1}, {"b", 2}}
	for _, x := range cs {
		x.Inc()
	}
	fmt.Println(cs[0].N, cs[1].N)
	for i := range cs {
		cs[i].Inc()
	}
	fmt.Println(cs[0], cs[1])
	m := map[string]*Counter{"p": {"p", 0}}
	m["p"].Inc()
	m["p"].Add(2)
	fmt.Println(m["p"].Get(), m["p"])
	var t Temp = 100
	t.Warm(5)
	fmt.Printf("%.1f %.1f\n", t, t.F())
	warm := t.Warm
	warm(1)
	fmt.Printf("%.1f\n", t)
	funcs := []func() int{}
	for _, x := range cs {
		funcs = append(funcs, x.Get)
	}
	cs[0].N = 1000
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	pc := &cs[1]
	g := cs[1].Get
	pc.N = -5
	fmt.Println(g(), pc.Get())
	var s fmt.Stringer = c
	fmt.Println(s.String(), c.String())
	c.N = 0
	fmt.Printf("%v %s %d\n", c, &c, c.N)
}
