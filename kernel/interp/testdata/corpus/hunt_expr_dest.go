// Expression results assigned to existing variables, fields and elements, reading the old value.
package main

import "fmt"

type V struct{ X, Y int }

type Box struct {
	V    V
	Arr  [3]int
	List []int
}

func (v V) Add(o V) V    { return V{v.X + o.X, v.Y + o.Y} }
func scale(v V, k int) V { return V{v.X * k, v.Y * k} }
func swapArr(a [3]int) [3]int {
	a[0], a[2] = a[2], a[0]
	return a
}

func main() {
	v := V{1, 2}
	v = v.Add(V{10, 20})
	fmt.Println(v)
	v = scale(v, 2)
	fmt.Println(v)
	v = V{v.Y, v.X}
	fmt.Println(v)
	b := Box{V: V{1, 1}, Arr: [3]int{1, 2, 3}, List: []int{4, 5}}
	b.V = b.V.Add(b.V)
	b.Arr = swapArr(b.Arr)
	fmt.Println(b.V, b.Arr)
	a := b.Arr
	b.Arr = [3]int{a[1], a[2], a[0]}
	fmt.Println(a, b.Arr)
	arr := [4]int{1, 2, 3, 4}
	arr2 := arr
	arr = [4]int{arr[3], arr[2], arr[1], arr[0]}
	fmt.Println(arr, arr2)
	s := []int{1, 2, 3}
	s[0] = s[1] + s[2]
	s[2] = s[0] * s[0]
	fmt.Println(s)
	x := 3
	x = x*x + x
	y := -x
	y = y - x*2
	fmt.Println(x, y)
	f := 1.5
	f = f*f - f/2
	fmt.Println(f)
	vs := []V{{1, 2}, {3, 4}}
	vs[0] = vs[1]
	vs[1].X = 100
	fmt.Println(vs)
	ptr := &vs[0]
	*ptr = ptr.Add(V{1, 1})
	fmt.Println(vs[0])
	m := map[string]V{"a": {1, 1}}
	m["b"] = m["a"]
	m["a"] = m["a"].Add(m["b"])
	fmt.Println(m)
	str := "go"
	str = str + str + "!"
	str = str[1:] + str[:1]
	fmt.Println(str)
	var i any = v
	w := i.(V)
	w.Y = -2
	fmt.Println(i, v, w)
	n := 10
	n = -n
	n = ^n
	ok := n > 0
	ok = !ok
	fmt.Println(n, ok)
	p := V{5, 6}
	q := p
	p = V{p.X + q.Y, q.X}
	fmt.Println(p, q)
	t := b
	t.List = append(t.List, 6)
	t.List[0] = 40
	t.Arr[0] = 40
	fmt.Println(b.List, b.Arr[0], t.List, t.Arr[0])
	var arrs [2][2]int
	arrs[0] = [2]int{1, 2}
	arrs[1] = arrs[0]
	arrs[0][0] = 9
	fmt.Println(arrs)
	cnt := 0
	next := func() int { cnt++; return cnt }
	r := []int{next(), next(), next()}
	r[next()-4] = next()
	fmt.Println(r, cnt)
}
