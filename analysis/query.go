package analysis

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// RateTable puts derived measures beside direct ones for every group of a query: for
// each measure, the events (direct) and the rate per 1000 usage hours with its exact
// (Garwood) interval (derived), next to the group's exposure in usage khours, with a
// flag for rates over too little exposure (Rule).
type RateTable struct {
	// Sums holds the groups and their sums, sorted by key.
	Sums *Sums
	// Measures are the event measures shown, for example "main_crashes" or "combined".
	Measures []string
	// Level is the confidence level of the intervals (0.95 by default).
	Level float64
	// Rule flags low-exposure rates (DefaultExposureRule by default).
	Rule ExposureRule

	events [][]int64 // [measure][group]
}

// Rates asks src for q's groups and returns their rates for the given measures
// ("combined" — main + content − content_shutdown — when none is named), with 95%
// intervals and DefaultExposureRule; change Level and Rule on the result to see
// others. Rates are pooled, Σevents / Σkhours over each group's rows.
func Rates(src Source, q Query, measures ...string) (*RateTable, error) {
	if len(measures) == 0 {
		measures = []string{MeasureCombined}
	}
	q.Measures = append(append([]string(nil), q.Measures...), measures...)
	s, err := src.Sums(q)
	if err != nil {
		return nil, err
	}
	rt := &RateTable{Sums: s, Measures: measures, Level: 0.95, Rule: DefaultExposureRule}
	for _, m := range measures {
		ev, err := s.Events(m)
		if err != nil {
			return nil, err
		}
		rt.events = append(rt.events, ev)
	}
	return rt, nil
}

// Len returns the number of groups.
func (rt *RateTable) Len() int { return rt.Sums.Len() }

// Rate returns the rate of measure m (an index into Measures) in group g. Rates
// checked the sums: it is a valid rate.
func (rt *RateTable) Rate(m, g int) Rate {
	return Rate{Events: rt.events[m][g], KHours: rt.Sums.UsageHours[g] / 1000}
}

// Interval returns the exact interval at Level of measure m's rate in group g. It
// fails when Level is outside (0, 1).
func (rt *RateTable) Interval(m, g int) (lo, hi float64, err error) {
	if err := rt.checkLevel(); err != nil {
		return math.NaN(), math.NaN(), err
	}
	return rt.Rate(m, g).Interval(rt.Level)
}

func (rt *RateTable) checkLevel() error {
	if err := checkLevel(rt.Level); err != nil {
		return fmt.Errorf("analysis: rate table: Level: %w", err)
	}
	return nil
}

// Low reports whether measure m's rate in group g falls below Rule.
func (rt *RateTable) Low(m, g int) bool { return rt.Rule.Low(rt.Rate(m, g)) }

// keyColumns returns the names and per-group values of the key columns.
func (s *Sums) keyColumns() ([]string, [][]string) {
	var names []string
	var vals [][]string
	if s.Grain > 0 {
		w := make([]string, s.Len())
		for g, t := range s.Windows {
			w[g] = t.Format(time.RFC3339)
		}
		names, vals = append(names, "window"), append(vals, w)
	}
	for d, n := range s.By {
		names, vals = append(names, n), append(vals, s.Keys[d])
	}
	return names, vals
}

// DataFrame returns the sums as a gota DataFrame: key columns (window first), rows,
// usage_hours and each summed measure, in key order.
func (s *Sums) DataFrame() dataframe.DataFrame {
	names, keys := s.keyColumns()
	var cols []series.Series
	for i, n := range names {
		cols = append(cols, series.New(keys[i], series.String, n))
	}
	cols = append(cols, series.New(toInts(s.Rows), series.Int, "rows"))
	cols = append(cols, series.New(s.UsageHours, series.Float, "usage_hours"))
	for c := colCount; c < numColumns; c++ {
		if v, ok := s.Measures[c.String()]; ok {
			cols = append(cols, series.New(toInts(v), series.Int, c.String()))
		}
	}
	return dataframe.New(cols...)
}

func toInts(v []int64) []int {
	out := make([]int, len(v))
	for i, x := range v {
		out[i] = int(x)
	}
	return out
}

// DataFrame returns the table as a gota DataFrame: key columns, rows, usage_khours,
// then for each measure M: M (events), M_rate, M_lo, M_hi (per 1000 usage hours)
// and M_low (the exposure flag). With Level outside (0, 1) it holds only the error,
// in Err.
func (rt *RateTable) DataFrame() dataframe.DataFrame {
	if err := rt.checkLevel(); err != nil {
		return dataframe.DataFrame{Err: err}
	}
	s := rt.Sums
	names, keys := s.keyColumns()
	var cols []series.Series
	for i, n := range names {
		cols = append(cols, series.New(keys[i], series.String, n))
	}
	kh := make([]float64, s.Len())
	for g := range kh {
		kh[g] = s.UsageHours[g] / 1000
	}
	cols = append(cols, series.New(toInts(s.Rows), series.Int, "rows"), series.New(kh, series.Float, "usage_khours"))
	for m, name := range rt.Measures {
		rate, lo, hi := make([]float64, s.Len()), make([]float64, s.Len()), make([]float64, s.Len())
		low := make([]bool, s.Len())
		for g := range rate {
			rate[g] = rt.Rate(m, g).Value()
			lo[g], hi[g], _ = rt.Interval(m, g) // the level is checked above
			low[g] = rt.Low(m, g)
		}
		cols = append(cols,
			series.New(toInts(rt.events[m]), series.Int, name),
			series.New(rate, series.Float, name+"_rate"),
			series.New(lo, series.Float, name+"_lo"),
			series.New(hi, series.Float, name+"_hi"),
			series.New(low, series.Bool, name+"_low"))
	}
	return dataframe.New(cols...)
}

func (rt *RateTable) grid() *grid {
	if err := rt.checkLevel(); err != nil {
		return &grid{note: err.Error()}
	}
	s := rt.Sums
	names, keys := s.keyColumns()
	g := &grid{header: append(names, "usage khours")}
	for _, m := range rt.Measures {
		g.header = append(g.header, m, m+" per 1k h", fmt.Sprintf("%g%% interval", 100*rt.Level))
	}
	anyLow := false
	for i := 0; i < s.Len(); i++ {
		var row []string
		for k := range names {
			row = append(row, keys[k][i])
		}
		row = append(row, fmtNum(s.UsageHours[i]/1000))
		low := false
		for m := range rt.Measures {
			lo, hi, _ := rt.Interval(m, i) // the level is checked above
			mark := ""
			if rt.Low(m, i) {
				low, mark = true, " †"
			}
			row = append(row, strconv.FormatInt(rt.events[m][i], 10), fmtNum(rt.Rate(m, i).Value())+mark, fmt.Sprintf("[%s, %s]", fmtNum(lo), fmtNum(hi)))
		}
		anyLow = anyLow || low
		g.add(low, row...)
	}
	if anyLow {
		g.note = fmt.Sprintf("† low exposure: fewer than %d events or under %g usage khours; the rate alone is not to be trusted, read its interval.", rt.Rule.MinEvents, rt.Rule.MinKHours)
	}
	return g
}

// HTML renders the table for a notebook; low-exposure rows are muted and marked †.
// With Level outside (0, 1) it shows the error instead.
func (rt *RateTable) HTML() string { return rt.grid().HTML() }

// Markdown renders the table as Markdown; low-exposure rates are marked †.
func (rt *RateTable) Markdown() string { return rt.grid().Markdown() }

// String renders the table as plain text.
func (rt *RateTable) String() string { return rt.grid().String() }

// fmtNum formats a measurement with 4 significant digits, large ones without an
// exponent.
func fmtNum(x float64) string {
	if a := math.Abs(x); a >= 1e4 && a < 1e15 {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'g', 4, 64)
}
