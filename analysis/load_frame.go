package analysis

import (
	"fmt"
	"math"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// FromDataFrame converts a gota DataFrame with error_aggregates column names into a
// Table; name is used in messages. Timestamps are parsed from string columns (RFC
// 3339 and the forms LoadCSV accepts); string dimensions come from any column type
// (as its records); usage_hours from a numeric column, counts from Int columns or
// from Float columns holding whole numbers. Missing values (gota's NaN) are NULL.
// Columns not in the schema are listed in the LoadReport. Rows are numbered from 1
// in messages.
func FromDataFrame(df dataframe.DataFrame, name string) (*Table, error) {
	if err := df.Error(); err != nil {
		return nil, fmt.Errorf("load %s: %w", name, err)
	}
	t := newTable(name, false)
	type src struct {
		col column
		s   series.Series
	}
	var cols []src
	var unknown []string
	for _, n := range df.Names() {
		c, ok := columnByName(n)
		if !ok {
			unknown = append(unknown, n)
			continue
		}
		if t.present[c] {
			return nil, fmt.Errorf("load %s: column %q appears twice", name, n)
		}
		t.present[c] = true
		cols = append(cols, src{c, df.Col(n)})
	}
	nulls := map[string]int{}
	b := newSegBuilder()
	nrow := df.Nrow()
	var segs []*segment
	for lo := 0; lo < nrow; lo += segmentRows {
		hi := min(lo+segmentRows, nrow)
		b.reset(lo + 1)
		b.n = hi - lo
		for _, sc := range cols {
			if err := frameColumn(b, name, sc.col, sc.s, lo, hi, nulls); err != nil {
				return nil, err
			}
		}
		segs = append(segs, b.finish(t))
	}
	t.addSegments(segs)
	t.report = LoadReport{Source: name, Format: "dataframe", Rows: t.n, Unknown: unknown, Nulls: nulls}
	t.report.fillColumns(t)
	return t, nil
}

// frameColumn appends rows [lo, hi) of series s to column c of the builder.
func frameColumn(b *segBuilder, name string, c column, s series.Series, lo, hi int, nulls map[string]int) error {
	isNaN := s.IsNaN()
	numeric := s.Type() == series.Int || s.Type() == series.Float
	var recs []string
	var nums []float64
	var ints []int
	switch s.Type() {
	case series.Int:
		ints, _ = s.Int() // fails only on NaN elements, which isNaN marks
		nums = s.Float()
	case series.Float:
		nums = s.Float()
	default:
		recs = s.Records()
	}
	fail := func(i int, v, msg string) error {
		return &ParseError{Source: name, Line: i + 1, Column: c.String(), Value: v, Msg: msg}
	}
	for i := lo; i < hi; i++ {
		null := isNaN[i]
		if null {
			nulls[c.String()]++
		}
		switch {
		case c.isTime():
			ns := int64(nullTime)
			if !null {
				tm, err := parseTimestamp([]byte(s.Elem(i).String()))
				if err != nil {
					return fail(i, s.Elem(i).String(), "is not a timestamp (want RFC 3339, e.g. 2017-06-29T12:05:00Z)")
				}
				ns = tm.UnixNano()
			}
			b.times[c-firstTime] = append(b.times[c-firstTime], b.timeCode(ns))
		case c.isStr():
			v := ""
			if !null {
				v = s.Elem(i).String()
			}
			b.strs[c-firstStr] = append(b.strs[c-firstStr], b.strCode(int(c-firstStr), []byte(v)))
		case c == colUsageHours:
			if !numeric {
				return fail(i, recs[i], "is not a number (the column is "+string(s.Type())+")")
			}
			x := nums[i]
			if null {
				x = math.NaN()
			}
			b.usage = append(b.usage, x)
			b.hasUsage = true
		default:
			var n int64
			switch {
			case null:
			case ints != nil:
				n = int64(ints[i])
			case !numeric || nums[i] != math.Trunc(nums[i]) || math.Abs(nums[i]) > 1<<53:
				return fail(i, s.Elem(i).String(), "is not an integer")
			default:
				n = int64(nums[i])
			}
			b.ints[c-firstInt] = append(b.ints[c-firstInt], n)
		}
	}
	return nil
}
