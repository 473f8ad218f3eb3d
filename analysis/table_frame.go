package analysis

import (
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// DataFrame returns the table's rows as a gota DataFrame for display, with the
// columns present in the input in schema order: timestamps as RFC 3339 strings,
// dimensions as strings, usage_hours as Float and counts as Int. It copies every row:
// for big tables show a query's result instead (Sums.DataFrame).
func (t *Table) DataFrame() dataframe.DataFrame {
	var cols []series.Series
	for c := column(0); c < numColumns; c++ {
		if !t.present[c] {
			continue
		}
		switch {
		case c.isTime():
			vals := make([]string, 0, t.n)
			for _, s := range t.segs {
				for i := 0; i < s.n; i++ {
					if ns := t.times.vals[s.times[c-firstTime].at(i)]; ns != nullTime {
						vals = append(vals, time.Unix(0, ns).UTC().Format(time.RFC3339))
					} else {
						vals = append(vals, "")
					}
				}
			}
			cols = append(cols, series.New(vals, series.String, c.String()))
		case c.isStr():
			d := t.strs[c-firstStr]
			vals := make([]string, 0, t.n)
			for _, s := range t.segs {
				for i := 0; i < s.n; i++ {
					vals = append(vals, d.vals[s.strs[c-firstStr].at(i)])
				}
			}
			cols = append(cols, series.New(vals, series.String, c.String()))
		case c == colUsageHours:
			vals := make([]float64, 0, t.n)
			for _, s := range t.segs {
				if s.usage == nil {
					vals = append(vals, make([]float64, s.n)...)
					continue
				}
				vals = append(vals, s.usage...)
			}
			cols = append(cols, series.New(vals, series.Float, c.String()))
		default:
			vals := make([]int, 0, t.n)
			for _, s := range t.segs {
				for i := 0; i < s.n; i++ {
					vals = append(vals, int(s.ints[c-firstInt].at(i)))
				}
			}
			cols = append(cols, series.New(vals, series.Int, c.String()))
		}
	}
	return dataframe.New(cols...)
}

// floatColumns returns one Float series per name over n rows: row(i) gives row i's
// values, one per name, in order.
func floatColumns(n int, names []string, row func(i int) []float64) []series.Series {
	cols := make([][]float64, len(names))
	for j := range cols {
		cols[j] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		for j, v := range row(i) {
			cols[j][i] = v
		}
	}
	out := make([]series.Series, len(names))
	for j, name := range names {
		out[j] = series.New(cols[j], series.Float, name)
	}
	return out
}
