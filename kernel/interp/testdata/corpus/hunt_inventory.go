// Inventory with value/pointer methods on map and slice elements, returns of several values.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type Product struct {
	SKU   string
	Name  string
	Price float64
	Stock int
}

func (p Product) Value() float64 { return p.Price * float64(p.Stock) }

func (p *Product) Restock(n int) { p.Stock += n }

type Inventory struct {
	items map[string]*Product
	log   []string
}

func (inv *Inventory) Add(p Product) {
	if inv.items == nil {
		inv.items = map[string]*Product{}
	}
	cp := p
	inv.items[p.SKU] = &cp
	inv.log = append(inv.log, "add "+p.SKU)
}

func (inv *Inventory) Sell(sku string, n int) (float64, int, error) {
	p, ok := inv.items[sku]
	if !ok {
		return 0, 0, fmt.Errorf("sell %s: %w", sku, errors.ErrUnsupported)
	}
	sold := min(n, p.Stock)
	p.Stock -= sold
	inv.log = append(inv.log, fmt.Sprintf("sell %s %d", sku, sold))
	return float64(sold) * p.Price, n - sold, nil
}

func (inv Inventory) Total() (total float64, count int) {
	for _, p := range inv.items {
		total += p.Value()
		count += p.Stock
	}
	return total, count
}

func main() {
	var inv Inventory
	base := Product{"A1", "apple", 0.5, 100}
	inv.Add(base)
	base.Stock = 0
	inv.Add(Product{"B2", "bread", 2.25, 10})
	inv.Add(Product{"C3", "cheese", 7.8, 3})
	fmt.Println(inv.items["A1"].Stock, base.Stock)
	rev, short, err := inv.Sell("C3", 5)
	fmt.Printf("%.2f %d %v\n", rev, short, err)
	rev, short, err = inv.Sell("Z9", 1)
	fmt.Println(rev, short, err, errors.Is(err, errors.ErrUnsupported))
	inv.items["B2"].Restock(5)
	t, c := inv.Total()
	fmt.Printf("%.2f %d\n", t, c)
	skus := make([]string, 0, len(inv.items))
	for k := range inv.items {
		skus = append(skus, k)
	}
	sort.Strings(skus)
	var sb strings.Builder
	for _, k := range skus {
		p := inv.items[k]
		fmt.Fprintf(&sb, "%-3s %-7s %6.2f %4d %8.2f\n", p.SKU, p.Name, p.Price, p.Stock, p.Value())
	}
	fmt.Print(sb.String())
	fmt.Println(strings.Join(inv.log, "; "))
	snapshot := *inv.items["A1"]
	inv.items["A1"].Restock(1)
	fmt.Println(snapshot.Stock, inv.items["A1"].Stock)
	list := []Product{*inv.items["A1"], *inv.items["B2"]}
	sort.Slice(list, func(i, j int) bool { return list[i].Value() < list[j].Value() })
	fmt.Println(list[0].SKU, list[1].SKU)
}
