// An inventory: a slice of structs updated through indexes and pointers,
// a map of pointers into it (invalidated by append), restock rules as
// closures over struct fields, and a copy-on-report snapshot.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Item struct {
	SKU     string
	Name    string
	Qty     int
	Reorder int
	Tags    []string
}

type Inventory struct {
	items []Item
	index map[string]int
}

func (inv *Inventory) Add(it Item) {
	inv.index[it.SKU] = len(inv.items)
	inv.items = append(inv.items, it)
}

func NewInventory(items ...Item) *Inventory {
	inv := &Inventory{index: map[string]int{}}
	for _, it := range items {
		inv.Add(it)
	}
	return inv
}

func (inv *Inventory) Get(sku string) *Item {
	if i, ok := inv.index[sku]; ok {
		return &inv.items[i]
	}
	return nil
}

func (inv Inventory) Snapshot() []Item {
	out := make([]Item, len(inv.items))
	copy(out, inv.items)
	return out
}

type Rule func(*Item) (int, bool)

func threshold(extra int) Rule {
	return func(it *Item) (int, bool) {
		if it.Qty <= it.Reorder {
			return it.Reorder*2 - it.Qty + extra, true
		}
		return 0, false
	}
}

func main() {
	inv := NewInventory(
		Item{"A1", "bolt", 120, 50, []string{"metal"}},
		Item{"B2", "nut", 30, 40, []string{"metal", "small"}},
		Item{"C3", "washer", 5, 10, nil},
	)
	p := inv.Get("B2")
	p.Qty -= 10
	fmt.Println(inv.items[1].Qty, p.Qty)

	snap := inv.Snapshot()
	snap[0].Qty = 0
	snap[1].Tags[0] = "steel"
	fmt.Println(inv.items[0].Qty, inv.items[1].Tags)

	old := inv.Get("A1")
	for i := 0; i < 5; i++ {
		inv.Add(Item{SKU: fmt.Sprintf("Z%d", i), Name: "filler", Qty: i})
	}
	old.Qty = 999
	fmt.Println(inv.Get("A1").Qty == 999, old.Qty)

	for _, it := range inv.items {
		it.Qty += 1000
	}
	for i := range inv.items[:3] {
		inv.items[i].Qty++
	}
	fmt.Println(inv.items[0].Qty, inv.items[2].Qty, inv.items[3].Qty)

	rules := map[string]Rule{"std": threshold(0), "rush": threshold(25)}
	names := []string{"rush", "std"}
	var orders []string
	for _, it := range inv.items[:3] {
		for _, rn := range names {
			if n, ok := rules[rn](&it); ok {
				orders = append(orders, fmt.Sprintf("%s/%s:%d", it.SKU, rn, n))
			}
		}
	}
	fmt.Println(strings.Join(orders, " "))

	byQty := inv.Snapshot()
	sort.SliceStable(byQty, func(i, j int) bool { return byQty[i].Qty > byQty[j].Qty })
	for _, it := range byQty[:4] {
		fmt.Printf("%s=%d ", it.SKU, it.Qty)
	}
	fmt.Println()
	total := 0
	ptrs := []*Item{}
	for i := range inv.items {
		if inv.items[i].Name == "filler" {
			ptrs = append(ptrs, &inv.items[i])
		}
	}
	for _, p := range ptrs {
		p.Qty *= 10
		total += p.Qty
	}
	fmt.Println(total, inv.items[len(inv.items)-1].Qty)
	arr := [2]Item{inv.items[0], inv.items[1]}
	arr2 := arr
	arr2[0].Name = "BOLT"
	arr2[1].Tags = append(arr2[1].Tags, "x")
	fmt.Println(arr[0].Name, arr2[0].Name, len(arr[1].Tags), len(arr2[1].Tags))
	fmt.Printf("%v\n%+v\n", arr[0], *inv.Get("C3"))
}
