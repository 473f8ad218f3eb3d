package analysis

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Source is where aggregates live and where their sums are computed. Everything
// above it — rates, intervals, release comparison — asks a Source for grouped sums
// and never touches rows, so the summing can be pushed down to where the data is.
//
// *Table implements Source in memory. A SQL engine source (the warehouse where such
// data really lives) implements it by translating the Query into
//
//	SELECT <By...>, TIMESTAMP_BUCKET(window_start, <Grain>), COUNT(*), SUM(usage_hours), SUM(<measure>)...
//	FROM error_aggregates
//	WHERE window_start >= <From> AND window_start < <To> AND <dim> IN (<Where[dim]>...)
//	  AND experiment_id IS NULL            -- unless the query asks for experiments
//	GROUP BY ... ORDER BY ...
//
// and returning the rows as Sums; the statistics on top stay the same.
type Source interface {
	// Sums returns the sums of q's measures grouped by q's dimensions and time grain,
	// over the rows q's filters keep, sorted by key.
	Sums(q Query) (*Sums, error)
}

// Query asks a Source for grouped sums.
//
// Population totals: a ping is written once per experiment it is enrolled in and once
// with experiment_id NULL, so summing every row counts experiment pings twice. Unless
// By or Where mention experiment_id or experiment_branch, a query keeps only rows with
// experiment_id NULL.
type Query struct {
	// By lists the dimensions to group by (see DimensionNames): stored string
	// columns, window_start/window_end, and the derived "major" and "platform".
	// Empty By sums everything into one group.
	By []string
	// Grain, if positive, also groups by window_start truncated to multiples of Grain
	// since the Unix epoch (UTC): 5*time.Minute, time.Hour, 24*time.Hour.
	Grain time.Duration
	// From and To keep rows with From <= window_start < To; a zero time is unbounded.
	From, To time.Time
	// Where keeps rows whose dimension value is one of the listed values, for each
	// dimension named (derived ones included: "platform": {"Windows"}, "major": {"64"}).
	Where map[string][]string
	// Measures lists the integer measures to sum (MeasureNames, "combined" adds its
	// parts); nil sums every integer column the source has.
	Measures []string
}

// Sums is the result of a Query: one entry per group, groups sorted by key (window
// first, then the By dimensions in order; versions numerically, times
// chronologically, other values by byte order). Counts are exact int64 sums; usage
// hours are float64 sums taken in a fixed order, so results are reproducible.
type Sums struct {
	// By names the key dimensions, as in the Query.
	By []string
	// Grain is the query's time grain; when positive, Windows holds each group's
	// bucket start.
	Grain   time.Duration
	Windows []time.Time
	// Keys[d][g] is the value of dimension By[d] for group g.
	Keys [][]string
	// Rows is the number of input rows summed into each group.
	Rows []int64
	// UsageHours is the summed exposure of each group, in hours.
	UsageHours []float64
	// Measures maps each summed integer measure (schema name) to its per-group sums.
	Measures map[string][]int64
}

// Len returns the number of groups.
func (s *Sums) Len() int { return len(s.Rows) }

// Events returns the per-group sums of a measure, computing "combined" (main +
// content − content_shutdown) from its parts, to be divided by the groups' usage
// hours. It fails when the measure was not summed, and when a group's sums make no
// rate — negative events, or negative, NaN or infinite usage hours — naming the
// group: such rows are faults in the data, which Validate finds and can drop.
func (s *Sums) Events(measure string) ([]int64, error) {
	cols, signs, err := measureTerms(measure)
	if err != nil {
		return nil, err
	}
	out := make([]int64, s.Len())
	for k, c := range cols {
		v, ok := s.Measures[c.String()]
		if !ok {
			have := make([]string, 0, len(s.Measures))
			for m := range s.Measures {
				have = append(have, m)
			}
			sort.Strings(have)
			return nil, fmt.Errorf("measure %q: %s was not summed (have %s)", measure, c, strings.Join(have, ", "))
		}
		for g := range out {
			out[g] += signs[k] * v[g]
		}
	}
	for g, x := range out {
		if err := (Rate{Events: x, KHours: s.UsageHours[g] / 1000}).check(); err != nil {
			return nil, fmt.Errorf("measure %q: group %s: %w (analysis.Validate finds the rows)", measure, strings.Join(s.Key(g), " "), err)
		}
	}
	return out, nil
}

// Rate returns group g's rate of measure: its events over its usage hours.
func (s *Sums) Rate(measure string, g int) (Rate, error) {
	ev, err := s.Events(measure)
	if err != nil {
		return Rate{}, err
	}
	return Rate{Events: ev[g], KHours: s.UsageHours[g] / 1000}, nil
}

// Key returns group g's key values (window first, formatted RFC 3339, when the query
// had a grain).
func (s *Sums) Key(g int) []string {
	var k []string
	if s.Grain > 0 {
		k = append(k, s.Windows[g].Format(time.RFC3339))
	}
	for d := range s.Keys {
		k = append(k, s.Keys[d][g])
	}
	return k
}

// Find returns the index of the group with the given By values (ignoring the
// window), or -1.
func (s *Sums) Find(values ...string) int {
	for g := 0; g < s.Len(); g++ {
		match := len(values) == len(s.Keys)
		for d := 0; match && d < len(values); d++ {
			match = s.Keys[d][g] == values[d]
		}
		if match {
			return g
		}
	}
	return -1
}
