package main

import "fmt"

type Series []float64

func (s *Series) Push(v float64) { *s = append(*s, v) }
func (s Series) Sum() (t float64) {
	for _, v := range s {
		t += v
	}
	return
}

type Counts map[string]int

func (c Counts) Inc(k string) { c[k]++ }

type Temp float64

func (t Temp) F() float64 { return float64(t)*9/5 + 32 }

type Sensor struct {
	Series
	Counts
	Temp
	Name string
}

type Summer interface{ Sum() float64 }

func main() {
	s := Sensor{Counts: Counts{}, Name: "s1", Temp: 100}
	s.Push(1.5)
	s.Push(2.5)
	s.Inc("a")
	s.Inc("a")
	fmt.Println(s.Sum(), len(s.Series), s.Counts["a"], s.F(), s.Temp)
	var sm Summer = s
	fmt.Println(sm.Sum())
	ps := &s
	ps.Push(6)
	fmt.Println(ps.Sum(), s.Series)
	c := s
	c.Push(100)
	fmt.Println(len(s.Series), len(c.Series))
	c.Inc("b")
	fmt.Println(s.Counts["b"])
	fs := []func() float64{s.Sum, s.F}
	s.Push(1000)
	fmt.Println(fs[0](), fs[1]())
}
