package main

import (
	"fmt"
	"sort"
	"strings"
)

type Base struct {
	Hits  int
	Flags uint8
}

type Item struct {
	Base
	Name  string
	Price float64
	Qty   int
}

type Inventory struct {
	Items []Item
	Index map[string]int
	Total *float64
}

func main() {
	m := map[string]int{}
	words := strings.Fields("a b a c b a")
	for _, w := range words {
		m[w]++
		m[w] += 10
	}
	m["a"] <<= 2
	m["b"] &^= 1
	m["c"] |= 64
	m["d"] -= 5
	m["a"] %= 7
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Print(k, "=", m[k], " ")
	}
	fmt.Println()

	var total float64
	inv := &Inventory{Index: map[string]int{}, Total: &total}
	inv.Items = append(inv.Items, Item{Name: "pen", Price: 1.5}, Item{Name: "ink", Price: 4})
	for i := range inv.Items {
		it := &inv.Items[i]
		it.Qty += 3 * (i + 1)
		it.Hits++
		it.Base.Hits *= 5
		it.Flags |= 1 << uint(i)
		it.Flags <<= 1
		inv.Index[it.Name] += i + 1
		*inv.Total += it.Price * float64(it.Qty)
	}
	inv.Items[1].Price *= 2
	inv.Items[0].Base.Flags ^= 0xFF
	inv.Items[1].Name += "-jet"
	fmt.Println(inv.Items, inv.Index, *inv.Total)

	pm := map[string]*Item{"x": {Name: "x"}}
	pm["x"].Qty += 7
	pm["x"].Hits--
	pm["x"].Price -= 0.5
	fmt.Println(*pm["x"])

	arr := [3]Item{}
	arr[2].Qty++
	arr[2].Base.Hits += 4
	pa := &arr
	pa[1].Qty -= 2
	fmt.Println(arr[1].Qty, arr[2].Qty, arr[2].Hits)

	var x int8 = 100
	x += 100
	var u uint16 = 1
	u <<= 15
	u >>= 3
	var sh uint = 3
	y := 1 << sh
	var z int64 = 1 << sh
	f := float64(int(1) << sh)
	k := int32(-8)
	k >>= 1
	var shcount int8 = 2
	w := 100 >> shcount
	fmt.Println(x, u, y, z, f, k, w)

	s := ""
	for i := 0; i < 5; i++ {
		s += string(rune('a' + i))
		if i%2 == 0 {
			s += "-"
		}
	}
	parts := []string{}
	for i := range 3 {
		parts = append(parts, s[i:i+2])
	}
	fmt.Println(s, parts)

	counts := map[[2]int]int{}
	counts[[2]int{1, 2}]++
	counts[[2]int{1, 2}]++
	counts[[2]int{2, 1}]--
	fmt.Println(counts[[2]int{1, 2}], counts[[2]int{2, 1}], len(counts))

	bs := []byte("hello")
	bs[0] -= 32
	bs[len(bs)-1] ^= 0x20
	fmt.Println(string(bs))
}
