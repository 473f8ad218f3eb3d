// Values stored in interfaces are copies: structs, arrays, and values passed as any.
package main

import "fmt"

type Item struct {
	Name string
	Qty  int
}

type Shelf struct {
	Items [2]Item
}

func describe(v any) string { return fmt.Sprintf("%v", v) }

func store(m map[string]any, k string, v any) { m[k] = v }

func main() {
	it := Item{"pen", 1}
	var a any = it
	it.Qty = 2
	fmt.Println(a, it)
	b := any(it)
	it.Qty = 3
	fmt.Println(b, it)
	var c any
	c = it
	it.Qty = 4
	fmt.Println(c, it)
	list := []any{it}
	it.Qty = 5
	fmt.Println(list, it)
	m := map[string]any{}
	store(m, "k", it)
	it.Qty = 6
	fmt.Println(m["k"], it)
	arr := [3]int{1, 2, 3}
	var ai any = arr
	arr[0] = 100
	fmt.Println(ai, arr)
	sh := Shelf{Items: [2]Item{{"a", 1}, {"b", 2}}}
	var si any = sh
	sh.Items[0].Qty = 50
	fmt.Println(si, sh)
	ch := make(chan any, 1)
	ch <- it
	it.Qty = 7
	fmt.Println(<-ch, it.Qty)
	fn := func() any { return it }
	got := fn()
	it.Qty = 8
	fmt.Println(got, describe(it))
	x := 5
	var xi any = x
	x++
	fmt.Println(xi, x)
	pi := any(&it)
	it.Qty = 9
	fmt.Println(pi.(*Item).Qty)
	items := []Item{{"q", 1}}
	var li any = items[0]
	items[0].Qty = 99
	fmt.Println(li, items)
}
