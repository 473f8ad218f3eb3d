package main

import "fmt"

type Acct struct {
	Name string
	Bal  int
}

func (a Acct) Print()     { fmt.Println("acct", a.Name, a.Bal) }
func (a *Acct) PPrint()   { fmt.Println("pacct", a.Name, a.Bal) }
func (a *Acct) Dep(n int) { a.Bal += n }

type Snapshot struct {
	Vals [3]int
	Meta struct {
		Tag string
		N   int
	}
}

func main() {
	func() {
		a := Acct{"x", 1}
		defer a.Print()
		defer a.PPrint()
		pa := &a
		defer pa.Print()
		x := 10
		defer fmt.Println("x at defer:", x)
		a.Dep(5)
		x++
	}()

	arr := [3]int{1, 2, 3}
	var boxed any = arr
	arr[0] = 100
	fmt.Println(boxed, arr)
	back := boxed.([3]int)
	back[1] = 200
	fmt.Println(boxed, back)

	var s1 Snapshot
	s1.Vals[2] = 5
	s1.Meta.Tag = "a"
	s2 := s1
	s2.Meta.N++
	s2.Vals[0] = 9
	fmt.Println(s1, s2, s1 == s2)
	s2 = s1
	fmt.Println(s1 == s2)

	a := []int{0, 1, 2}
	i := 0
	a[i], i = 5, 2
	fmt.Println(a, i)
	i, a[i] = 1, 7
	fmt.Println(a, i)

	pt := &[4]string{"a", "b", "c", "d"}
	for i, v := range pt {
		if i == 0 {
			pt[3] = "Z"
		}
		fmt.Print(v)
	}
	fmt.Println()
	vals := [4]string{"a", "b", "c", "d"}
	for i, v := range vals {
		if i == 0 {
			vals[3] = "Z"
		}
		fmt.Print(v)
	}
	fmt.Println()

	anon := []struct {
		K string
		V int
	}{{"a", 1}, {"b", 2}}
	for _, e := range anon {
		e.V *= 10
	}
	for i := range anon {
		anon[i].V += 1
	}
	fmt.Println(anon)

	type Old struct{ A, B int }
	type New struct{ A, B int }
	o := Old{1, 2}
	n := New(o)
	n.A = 50
	fmt.Println(o, n)

	if v := compute(3); v > 5 {
		v := v * 2
		fmt.Println("big", v)
	} else if w := v + 1; w > 3 {
		fmt.Println("mid", v, w)
	}
	switch v := compute(1); v {
	case 2:
		v := "shadow"
		fmt.Println(v)
	}
	x := 1
	{
		x := x + 1
		x++
		fmt.Println("inner", x)
	}
	fmt.Println("outer", x)
}

func compute(n int) int { return n * 2 }
