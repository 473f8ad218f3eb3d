package analysis

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"time"
)

// IssueKind names a kind of bad input that Validate finds.
type IssueKind string

// The kinds of issues Validate reports.
const (
	// NegativeCount is a negative value in a count column.
	NegativeCount IssueKind = "negative count"
	// BadUsage is a usage_hours that is negative, NaN (NULL) or infinite.
	BadUsage IssueKind = "bad usage_hours"
	// ZeroUsage is a row whose usage_hours is 0 while it carries main pings
	// (count > 0): every main ping reports usage, so the hours were lost in
	// collection, and any rate over the row is infinite. A row with 0 usage hours
	// and no pings is not an issue, whatever its crashes: crash pings arrive at once,
	// the usage hours of the same sessions only later (see the usage-hours lag in
	// datasets/README.md), so crashes in a window with no usage reported yet are
	// valid data.
	ZeroUsage IssueKind = "zero usage_hours with pings"
	// WindowReversed is a row whose window_end is before its window_start.
	WindowReversed IssueKind = "window end before start"
	// MissingWindow is a row without a window_start.
	MissingWindow IssueKind = "missing window_start"
	// DuplicateWindow is a row with the same dimensions and window as an earlier row
	// (the earlier one is kept): summing both counts the same pings twice.
	DuplicateWindow IssueKind = "duplicate window"
	// ExperimentRow is a row with an experiment_id. It is not an error: a ping is
	// written once per experiment and once with experiment_id NULL, so these rows
	// repeat population pings. Every Query leaves them out of population totals; they
	// are listed so that nobody sums them by hand.
	ExperimentRow IssueKind = "experiment row"
)

// Issue is one finding about one row.
type Issue struct {
	Kind   IssueKind
	Row    int    // 0-based row of the validated table
	Where  string // the row's place in the source, e.g. "agg.csv: line 812"
	Column string // the column at fault, if one
	Value  string // its value
	Detail string // e.g. "duplicate of agg.csv: line 17"
}

// ValidateOptions says which rows to drop.
type ValidateOptions struct {
	// Drop removes the rows that have an error (every kind but ExperimentRow).
	Drop bool
	// DropExperiments removes experiment rows too, for a population-only table.
	DropExperiments bool
}

// ValidationReport lists the issues found in a table and what was done about them.
// A notebook shows it as a table (HTML, Markdown).
type ValidationReport struct {
	Source  string
	Rows    int     // rows validated
	Issues  []Issue // in row order
	Dropped int     // rows removed by the options; no other row is ever removed
	Options ValidateOptions
}

// Validate checks t for negative counts, bad usage hours, zero usage hours in rows
// with pings, reversed or missing windows, duplicate windows and
// experiment rows, and returns the table the options ask for (t itself when nothing is dropped) with a report naming every issue and
// its place in the source. Only rows with an issue of a kind the options drop are
// removed.
func Validate(t *Table, opts ValidateOptions) (*Table, *ValidationReport) {
	r := &ValidationReport{Source: t.name, Rows: t.n, Options: opts}
	drop := make([]bool, t.n)
	add := func(is Issue) {
		is.Where = t.where(is.Row)
		r.Issues = append(r.Issues, is)
		if is.Kind == ExperimentRow && opts.DropExperiments || is.Kind != ExperimentRow && opts.Drop {
			drop[is.Row] = true
		}
	}
	dups := t.duplicates()
	row := 0
	for _, s := range t.segs {
		for i := 0; i < s.n; i, row = i+1, row+1 {
			for k := range s.ints {
				if v := s.ints[k].at(i); v < 0 {
					add(Issue{Kind: NegativeCount, Row: row, Column: (column(k) + firstInt).String(), Value: strconv.FormatInt(v, 10)})
				}
			}
			if t.present[colUsageHours] {
				if u := s.usage[i]; !(u >= 0) || math.IsInf(u, 1) {
					add(Issue{Kind: BadUsage, Row: row, Column: "usage_hours", Value: strconv.FormatFloat(u, 'g', -1, 64)})
				} else if u == 0 && s.ints[colCount-firstInt].at(i) > 0 {
					add(Issue{Kind: ZeroUsage, Row: row, Column: "usage_hours", Value: "0",
						Detail: fmt.Sprintf("count %d, main_crashes %d", s.ints[colCount-firstInt].at(i), s.ints[colMainCrashes-firstInt].at(i))})
				}
			}
			start, end := t.times.vals[s.times[0].at(i)], t.times.vals[s.times[1].at(i)]
			switch {
			case t.present[colWindowStart] && start == nullTime:
				add(Issue{Kind: MissingWindow, Row: row, Column: "window_start"})
			case start != nullTime && end != nullTime && end < start:
				add(Issue{Kind: WindowReversed, Row: row, Column: "window_end", Value: time.Unix(0, end).UTC().Format(time.RFC3339),
					Detail: "window_start " + time.Unix(0, start).UTC().Format(time.RFC3339)})
			}
			if e := s.strs[colExperimentID-firstStr].at(i); e != 0 {
				add(Issue{Kind: ExperimentRow, Row: row, Column: "experiment_id", Value: t.strs[colExperimentID-firstStr].vals[e]})
			}
			if j, dup := dups[row]; dup {
				add(Issue{Kind: DuplicateWindow, Row: row, Detail: "same dimensions and window as " + t.where(j)})
			}
		}
	}
	sort.SliceStable(r.Issues, func(a, b int) bool { return r.Issues[a].Row < r.Issues[b].Row })
	for _, d := range drop {
		if d {
			r.Dropped++
		}
	}
	if r.Dropped == 0 {
		return t, r
	}
	return t.without(drop), r
}

// dimKey is a row's window and dimensions, as dictionary codes.
type dimKey [numTimes + numStrs]uint32

func (t *Table) dimKey(row int) dimKey {
	s, i := t.locate(row)
	return s.dimKey(i)
}

func (s *segment) dimKey(i int) dimKey {
	var k dimKey
	for c := range s.times {
		k[c] = s.times[c].at(i)
	}
	for c := range s.strs {
		k[numTimes+c] = s.strs[c].at(i)
	}
	return k
}

// duplicates maps each row whose window and dimensions repeat an earlier row's to
// the first such row. It sorts rows by a hash of their key and compares keys only
// within runs of equal hashes, so memory stays at 16 bytes a row rather than a map
// entry per row.
func (t *Table) duplicates() map[int]int {
	type hashed struct {
		h   uint64
		row int
	}
	hs := make([]hashed, 0, t.n)
	for _, s := range t.segs {
		for i := 0; i < s.n; i++ {
			h := uint64(14695981039346656037) // FNV-1a over the codes
			for _, c := range s.dimKey(i) {
				h = (h ^ uint64(c)) * 1099511628211
			}
			hs = append(hs, hashed{h, len(hs)})
		}
	}
	sort.Slice(hs, func(a, b int) bool {
		if hs[a].h != hs[b].h {
			return hs[a].h < hs[b].h
		}
		return hs[a].row < hs[b].row
	})
	dups := map[int]int{}
	for lo := 0; lo < len(hs); {
		hi := lo + 1
		for hi < len(hs) && hs[hi].h == hs[lo].h {
			hi++
		}
		// Rows of equal hash, in row order: each is a duplicate of the first earlier
		// row with the same key (hash collisions are told apart here).
		for a := lo + 1; a < hi; a++ {
			ka := t.dimKey(hs[a].row)
			for b := lo; b < a; b++ {
				if _, dup := dups[hs[b].row]; !dup && t.dimKey(hs[b].row) == ka {
					dups[hs[a].row] = hs[b].row
					break
				}
			}
		}
		lo = hi
	}
	return dups
}

// Counts returns the number of issues of each kind.
func (r *ValidationReport) Counts() map[IssueKind]int {
	c := map[IssueKind]int{}
	for _, is := range r.Issues {
		c[is.Kind]++
	}
	return c
}

// Errors returns the number of issues that are errors (all but experiment rows).
func (r *ValidationReport) Errors() int {
	n := 0
	for _, is := range r.Issues {
		if is.Kind != ExperimentRow {
			n++
		}
	}
	return n
}

// kindOrder lists kinds in the order reports show them.
var kindOrder = []IssueKind{NegativeCount, BadUsage, ZeroUsage, WindowReversed, MissingWindow, DuplicateWindow, ExperimentRow}

func (r *ValidationReport) grids() (*grid, *grid) {
	sum := &grid{caption: fmt.Sprintf("Validation of %s: %d rows, %d errors, %d rows dropped", r.Source, r.Rows, r.Errors(), r.Dropped),
		header: []string{"issue", "rows", "first at", "action"}}
	counts := r.Counts()
	for _, k := range kindOrder {
		if counts[k] == 0 {
			continue
		}
		firstAt := ""
		for _, is := range r.Issues {
			if is.Kind == k {
				firstAt = is.Where
				break
			}
		}
		action := "kept"
		switch {
		case k == ExperimentRow && r.Options.DropExperiments, k != ExperimentRow && r.Options.Drop:
			action = "dropped"
		case k == ExperimentRow:
			action = "kept; left out of population totals by every query"
		}
		sum.add(false, string(k), strconv.Itoa(counts[k]), firstAt, action)
	}
	if len(r.Issues) == 0 {
		sum.note = "No issues found."
	}
	list := &grid{header: []string{"where", "issue", "column", "value", "detail"}}
	for _, is := range r.Issues {
		list.add(is.Kind == ExperimentRow, is.Where, string(is.Kind), is.Column, is.Value, is.Detail)
	}
	return sum, list
}

// HTML renders a summary by kind and the list of issues.
func (r *ValidationReport) HTML() string {
	sum, list := r.grids()
	if len(r.Issues) == 0 {
		return sum.HTML()
	}
	return sum.HTML() + list.HTML()
}

// Markdown renders a summary by kind and the list of issues.
func (r *ValidationReport) Markdown() string {
	sum, list := r.grids()
	if len(r.Issues) == 0 {
		return sum.Markdown()
	}
	return sum.Markdown() + "\n" + list.Markdown()
}

// String renders the report as plain text.
func (r *ValidationReport) String() string {
	sum, list := r.grids()
	if len(r.Issues) == 0 {
		return sum.String()
	}
	return sum.String() + "\n" + list.String()
}
