// Stats over a slice of structs: group-by into maps of slices, running
// means, percentiles, histograms, and multi-key sorts.
package main

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
)

type Sale struct {
	Region  string
	Product string
	Units   int
	Price   float64
}

type Summary struct {
	Region string
	Count  int
	Total  float64
	Mean   float64
}

func percentile(xs []float64, p float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return math.NaN()
	}
	pos := p / 100 * float64(len(s)-1)
	lo := int(math.Floor(pos))
	hi := int(math.Ceil(pos))
	frac := pos - float64(lo)
	return s[lo]*(1-frac) + s[hi]*frac
}

func main() {
	sales := []Sale{
		{"north", "apple", 10, 1.2}, {"south", "pear", 4, 2.5}, {"north", "pear", 7, 2.4},
		{"east", "apple", 12, 1.1}, {"south", "apple", 3, 1.3}, {"east", "plum", 9, 3.0},
		{"north", "plum", 2, 3.2}, {"west", "apple", 15, 1.0}, {"south", "plum", 6, 2.9},
		{"west", "pear", 5, 2.6}, {"east", "pear", 8, 2.2}, {"north", "apple", 4, 1.25},
	}
	groups := map[string][]Sale{}
	for _, s := range sales {
		groups[s.Region] = append(groups[s.Region], s)
	}
	var sums []Summary
	for region, ss := range groups {
		sm := Summary{Region: region}
		for _, s := range ss {
			sm.Count++
			sm.Total += float64(s.Units) * s.Price
		}
		sm.Mean = sm.Total / float64(sm.Count)
		sums = append(sums, sm)
	}
	sort.Slice(sums, func(i, j int) bool {
		if sums[i].Count != sums[j].Count {
			return sums[i].Count > sums[j].Count
		}
		return sums[i].Region < sums[j].Region
	})
	for _, s := range sums {
		fmt.Printf("%-6s n=%d total=%7.2f mean=%6.3f\n", s.Region, s.Count, s.Total, s.Mean)
	}

	slices.SortStableFunc(sales, func(a, b Sale) int {
		return cmp.Or(cmp.Compare(a.Product, b.Product), -cmp.Compare(a.Units, b.Units))
	})
	for _, s := range sales[:5] {
		fmt.Println(s.Product, s.Units, s.Region)
	}

	mean, n := 0.0, 0
	for _, s := range sales {
		n++
		mean += (s.Price - mean) / float64(n)
	}
	fmt.Printf("running mean price %.4f\n", mean)

	revenue := make([]float64, 0, len(sales))
	for _, s := range sales {
		revenue = append(revenue, float64(s.Units)*s.Price)
	}
	for _, p := range []float64{0, 25, 50, 90, 100} {
		fmt.Printf("p%v=%.3f ", p, percentile(revenue, p))
	}
	fmt.Println()

	bins := make([]int, 5)
	lo, hi := slices.Min(revenue), slices.Max(revenue)
	width := (hi - lo) / float64(len(bins))
	for _, r := range revenue {
		i := min(int((r-lo)/width), len(bins)-1)
		bins[i]++
	}
	for i, c := range bins {
		fmt.Printf("[%5.2f,%5.2f) %s\n", lo+float64(i)*width, lo+float64(i+1)*width, strings.Repeat("#", c))
	}
	byProduct := map[string]int{}
	for _, s := range sales {
		byProduct[s.Product] += s.Units
	}
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range byProduct {
			if !yield(k) {
				return
			}
		}
	})
	for _, k := range keys {
		fmt.Print(k, ":", byProduct[k], " ")
	}
	fmt.Println()
}
