// Ordering with cmp.Compare and cmp.Or: a multi-key sort with sort.Slice.
package main

import (
	"cmp"
	"fmt"
	"sort"
)

type Run struct {
	Name    string
	Seconds float64
	Place   int
}

func main() {
	runs := []Run{{"ann", 12.5, 2}, {"bob", 11.0, 1}, {"cid", 12.5, 1}, {"dee", 11.0, 3}}
	sort.Slice(runs, func(i, j int) bool {
		a, b := runs[i], runs[j]
		return cmp.Or(cmp.Compare(a.Seconds, b.Seconds), cmp.Compare(a.Place, b.Place), cmp.Compare(a.Name, b.Name)) < 0
	})
	for _, r := range runs {
		fmt.Println(r.Name, r.Seconds, r.Place)
	}
	fmt.Println(cmp.Compare(1, 2), cmp.Compare("b", "a"), cmp.Less(1.5, 2.5), cmp.Or("", "default"), cmp.Or(0, 0, 3))
}
