// An inventory report: grouping, aggregates, text/tabwriter output.
package main

import (
	"fmt"
	"os"
	"sort"
	"text/tabwriter"
)

type Item struct {
	SKU      string
	Category string
	Qty      int
	Price    float64
}

func main() {
	items := []Item{
		{"A1", "tools", 10, 2.5}, {"B2", "toys", 3, 15}, {"C3", "tools", 0, 7.25},
		{"D4", "food", 120, 0.99}, {"E5", "toys", 8, 4.75}, {"F6", "food", 15, 3.1},
	}
	type agg struct {
		count int
		value float64
		empty []string
	}
	byCat := map[string]*agg{}
	for _, it := range items {
		a := byCat[it.Category]
		if a == nil {
			a = &agg{}
			byCat[it.Category] = a
		}
		a.count += it.Qty
		a.value += float64(it.Qty) * it.Price
		if it.Qty == 0 {
			a.empty = append(a.empty, it.SKU)
		}
	}
	cats := make([]string, 0, len(byCat))
	for c := range byCat {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "category\tunits\tvalue\tout of stock\t")
	for _, c := range cats {
		a := byCat[c]
		fmt.Fprintf(w, "%s\t%d\t%.2f\t%v\t\n", c, a.count, a.value, a.empty)
	}
	w.Flush()
}
