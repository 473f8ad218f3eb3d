// A sales report laid out with text/tabwriter: aligned columns, right
// alignment, a writer passed through helper functions and flushed.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
)

type Sale struct {
	Region string
	Rep    string
	Units  int
	Price  float64
}

func (s Sale) Revenue() float64 { return float64(s.Units) * s.Price }

type Totals struct {
	Units   int
	Revenue float64
}

func header(w io.Writer, cols ...string) {
	fmt.Fprintln(w, strings.Join(cols, "\t")+"\t")
	dashes := make([]string, len(cols))
	for i, c := range cols {
		dashes[i] = strings.Repeat("-", len(c))
	}
	fmt.Fprintln(w, strings.Join(dashes, "\t")+"\t")
}

func row(w io.Writer, s Sale) {
	fmt.Fprintf(w, "%s\t%s\t%d\t%.2f\t%.2f\t\n", s.Region, s.Rep, s.Units, s.Price, s.Revenue())
}

func main() {
	sales := []Sale{
		{"north", "ann", 120, 9.99}, {"south", "bartholomew", 15, 120.5},
		{"north", "cy", 7, 1500}, {"east", "di", 300, 0.75}, {"south", "ed", 42, 42.42},
	}
	sort.Slice(sales, func(i, j int) bool {
		if sales[i].Region != sales[j].Region {
			return sales[i].Region < sales[j].Region
		}
		return sales[i].Revenue() > sales[j].Revenue()
	})

	w := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	header(w, "region", "rep", "units", "price", "revenue")
	totals := map[string]*Totals{}
	for _, s := range sales {
		row(w, s)
		t := totals[s.Region]
		if t == nil {
			t = &Totals{}
			totals[s.Region] = t
		}
		t.Units += s.Units
		t.Revenue += s.Revenue()
	}
	w.Flush()

	fmt.Println()
	var sb strings.Builder
	tw := tabwriter.NewWriter(&sb, 4, 0, 1, '.', 0)
	regions := make([]string, 0, len(totals))
	for r := range totals {
		regions = append(regions, r)
	}
	sort.Strings(regions)
	grand := Totals{}
	for _, r := range regions {
		t := totals[r]
		fmt.Fprintf(tw, "%s\t%d\t%.2f\n", r, t.Units, t.Revenue)
		grand.Units += t.Units
		grand.Revenue += t.Revenue
	}
	fmt.Fprintf(tw, "ALL\t%d\t%.2f\n", grand.Units, grand.Revenue)
	tw.Flush()
	fmt.Print(sb.String())
	fmt.Println(strings.Count(sb.String(), "\n"), *totals["north"])

	tw2 := tabwriter.NewWriter(os.Stdout, 0, 0, 1, ' ', 0)
	fmt.Fprintln(tw2, "a\tbb\tccc")
	fmt.Fprintln(tw2, "dddd\te\tf")
	fmt.Fprintln(tw2, "")
	fmt.Fprintln(tw2, "g\th")
	tw2.Flush()
}
