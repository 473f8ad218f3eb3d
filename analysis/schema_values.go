package analysis

import (
	"math"
	"time"
)

// ColumnNames lists the schema's columns in order: window_start and window_end, the
// string dimensions, usage_hours, then the integer measures.
func ColumnNames() []string { return append([]string(nil), columnNames[:]...) }

// Values returns the row's values in ColumnNames order, as an export (to a database,
// a file) writes them: time.Time for the windows, string for the dimensions, float64
// for usage_hours, int64 for the measures, and nil for NULL (an empty string, the zero
// time, a NaN usage_hours).
func (r Row) Values() []any {
	v := make([]any, 0, numColumns)
	for _, t := range []time.Time{r.WindowStart, r.WindowEnd} {
		v = append(v, nilIf(t, t.IsZero()))
	}
	for _, p := range r.strPtrs() {
		v = append(v, nilIf(*p, *p == ""))
	}
	v = append(v, nilIf(r.UsageHours, math.IsNaN(r.UsageHours)))
	for _, p := range r.intPtrs() {
		v = append(v, *p)
	}
	return v
}

// ColumnValue returns an example value of a schema column's Go type (a zero
// time.Time, "", 0.0 or int64(0)), or nil for a name outside the schema: what an
// export needs to choose the column's database type.
func ColumnValue(name string) any {
	c, ok := columnByName(name)
	switch {
	case !ok:
		return nil
	case c.isTime():
		return time.Time{}
	case c.isStr():
		return ""
	case c == colUsageHours:
		return 0.0
	}
	return int64(0)
}

func nilIf(v any, null bool) any {
	if null {
		return nil
	}
	return v
}
