package analysis

import (
	"cmp"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// sqlPlan is a Query translated for one SQLSource: the statement, and how to turn
// its rows into Sums.
type sqlPlan struct {
	text  string
	args  []any
	empty bool // no row can match (an absent column filtered on a value it never has)

	grain bool      // the first selected key is the window bucket
	raws  []column  // stored key columns selected after the bucket
	by    []int     // for each By dimension: its index in raws, or -1 if the column is absent
	dims  []dim     // the By dimensions
	post  []sqlPost // filters on derived and time dimensions, applied to raw values
	ints  []column  // summed integer measures (schema order)
	have  []bool    // for each of ints: selected (absent columns sum to zero)
	usage bool      // usage_hours selected
}

// sqlPost keeps rows whose raw value at index raw (-1: absent) derives to an allowed key.
type sqlPost struct {
	raw   int
	d     dim
	allow map[string]bool
}

// sqlRow is one row of the engine's answer: raw keys and sums.
type sqlRow struct {
	bucket int64
	keys   []string // raw key values as their key strings: NULL is "", times RFC 3339
	rows   int64
	usage  float64
	ints   []int64
}

// sqlText builds a statement in text order, numbering parameters as it binds them.
type sqlText struct {
	b    strings.Builder
	args []any
	sq   sqlDialect
}

func (t *sqlText) bind(v any) string {
	t.args = append(t.args, v)
	return t.sq.placeholder(len(t.args))
}

func (s *SQLSource) plan(q Query) (*sqlPlan, error) {
	r, err := resolveQuery(q, func(c column) bool { return s.cols[c].present })
	if err != nil {
		return nil, err
	}
	if q.Grain < 0 {
		return nil, fmt.Errorf("query Grain %v: negative", q.Grain)
	}
	if q.Grain%time.Microsecond != 0 {
		return nil, fmt.Errorf("query Grain %v: a SQL source buckets time in whole microseconds", q.Grain)
	}
	p := &sqlPlan{grain: q.Grain > 0, ints: r.ints, dims: r.by}
	rawIndex := func(c column) int {
		if !s.cols[c].present {
			return -1
		}
		if i := slices.Index(p.raws, c); i >= 0 {
			return i
		}
		p.raws = append(p.raws, c)
		return len(p.raws) - 1
	}
	for _, d := range r.by {
		p.by = append(p.by, rawIndex(d.col))
	}

	ws := s.cols[colWindowStart]
	timed := q.Grain > 0 || !q.From.IsZero() || !q.To.IsZero()
	if timed && !ws.present {
		p.empty = true // the Table drops rows without a window_start from timed queries
	}
	var conds []string
	t := &sqlText{sq: s.sq, args: append([]any(nil), s.fromArgs...)}
	wsCol := s.sq.quote(ws.name)
	if timed && ws.present {
		if q.Grain > 0 {
			conds = append(conds, wsCol+" IS NOT NULL")
		}
		if !q.From.IsZero() {
			conds = append(conds, wsCol+" >= "+s.sq.timeValue(ws.typ, q.From, t.bind))
		}
		if !q.To.IsZero() {
			conds = append(conds, wsCol+" < "+s.sq.timeValue(ws.typ, q.To, t.bind))
		}
	}
	filtered := make([]dim, 0, len(r.where))
	for d := range r.where {
		filtered = append(filtered, d)
	}
	sort.Slice(filtered, func(i, j int) bool { return filtered[i].String() < filtered[j].String() })
	for _, d := range filtered {
		allow := r.where[d]
		sc := s.cols[d.col]
		switch {
		case !sc.present:
			// Every row has NULL here, whose key is d.key("").
			if !allow[d.key("")] {
				p.empty = true
			}
		case d.derived != "" || d.col.isTime():
			p.post = append(p.post, sqlPost{raw: rawIndex(d.col), d: d, allow: allow})
		case len(allow) == 0:
			p.empty = true
		default:
			col := s.sq.quote(sc.name)
			if sc.kind != kindString {
				col = s.sq.text(col)
			}
			vals := make([]string, 0, len(allow))
			for v := range allow {
				vals = append(vals, v)
			}
			sort.Strings(vals)
			var ph []string
			for _, v := range vals {
				ph = append(ph, t.bind(v))
			}
			cond := col + " IN (" + strings.Join(ph, ", ") + ")"
			if allow[""] {
				cond = "(" + s.sq.quote(sc.name) + " IS NULL OR " + cond + ")"
			}
			conds = append(conds, cond)
		}
	}

	// SELECT: keys, then the sums.
	var keys, sel []string
	if p.grain && ws.present {
		keys = append(keys, s.sq.bucket(wsCol, ws.typ, q.Grain))
	}
	for _, c := range p.raws {
		sc := s.cols[c]
		col := s.sq.quote(sc.name)
		switch {
		case c.isTime():
			col = s.sq.micros(col, sc.typ)
		case sc.kind != kindString:
			col = s.sq.text(col)
		}
		keys = append(keys, col)
	}
	sel = append(append(sel, keys...), s.sq.count("*"))
	if u := s.cols[colUsageHours]; u.present {
		// The Table reads a NULL usage_hours as NaN, which makes its group's sum NaN
		// (no rate at all rather than an inflated one); SUM skips NULLs, so the rows
		// with usage are counted too.
		p.usage = true
		col := s.sq.quote(u.name)
		sel = append(sel, s.sq.count(col), s.sq.sumFloat(col))
	}
	for _, c := range p.ints {
		sc := s.cols[c]
		p.have = append(p.have, sc.present)
		if sc.present {
			sel = append(sel, s.sq.sumInt(s.sq.quote(sc.name)))
		}
	}

	// FROM comes before WHERE in the text, and so do its parameters: the WHERE clause
	// was bound after them above.
	t.b.WriteString("SELECT " + strings.Join(sel, ",\n       "))
	t.b.WriteString("\nFROM " + s.from)
	if len(conds) > 0 {
		t.b.WriteString("\nWHERE " + strings.Join(conds, "\n  AND "))
	}
	if len(keys) > 0 {
		t.b.WriteString("\nGROUP BY " + strings.Join(keys, ",\n         "))
	}
	p.text, p.args = t.b.String(), t.args
	return p, nil
}

// scan reads one row of the answer.
func (p *sqlPlan) scan(rows *sql.Rows) (sqlRow, error) {
	var bucket sql.NullInt64
	strs := make([]sql.NullString, len(p.raws))
	times := make([]sql.NullInt64, len(p.raws))
	var count, withUsage sql.NullInt64
	var usage sql.NullFloat64
	ints := make([]sql.NullInt64, len(p.ints))
	var dest []any
	if p.grain {
		dest = append(dest, &bucket)
	}
	for i, c := range p.raws {
		if c.isTime() {
			dest = append(dest, &times[i])
		} else {
			dest = append(dest, &strs[i])
		}
	}
	dest = append(dest, &count)
	if p.usage {
		dest = append(dest, &withUsage, &usage)
	}
	for k := range p.ints {
		if p.have[k] {
			dest = append(dest, &ints[k])
		}
	}
	if err := rows.Scan(dest...); err != nil {
		return sqlRow{}, err
	}
	r := sqlRow{bucket: bucket.Int64, keys: make([]string, len(p.raws)), rows: count.Int64, usage: usage.Float64,
		ints: make([]int64, len(p.ints))}
	for i, c := range p.raws {
		switch {
		case c.isTime() && times[i].Valid:
			r.keys[i] = timeKey(time.UnixMicro(times[i].Int64))
		case !c.isTime():
			r.keys[i] = strs[i].String
		}
	}
	for k := range p.ints {
		r.ints[k] = ints[k].Int64
	}
	if p.usage && withUsage.Int64 < count.Int64 {
		r.usage = math.NaN()
	}
	return r, nil
}

// output merges the rows into groups (derived keys meet: "Windows_NT" and "Windows"
// are one platform), drops the groups the post-filters reject, and orders them as the
// Table does: window first, then each By dimension by its own order.
func (p *sqlPlan) output(q Query, raw []sqlRow) *Sums {
	// Merge in a fixed order (the engine's row order is not), so that the float sums
	// of merged rows do not depend on it.
	sort.Slice(raw, func(i, j int) bool {
		if raw[i].bucket != raw[j].bucket {
			return raw[i].bucket < raw[j].bucket
		}
		return slices.Compare(raw[i].keys, raw[j].keys) < 0
	})
	rawKey := func(r *sqlRow, i int) string {
		if i < 0 {
			return ""
		}
		return r.keys[i]
	}
	type group struct {
		bucket int64
		keys   []string // By values
		rows   int64
		usage  float64
		ints   []int64
	}
	var groups []*group
	index := map[string]*group{}
	var id strings.Builder
rows:
	for i := range raw {
		r := &raw[i]
		if r.rows == 0 {
			continue // a query without GROUP BY answers one row even when nothing matched
		}
		for _, f := range p.post {
			if !f.allow[f.d.key(rawKey(r, f.raw))] {
				continue rows
			}
		}
		keys := make([]string, len(p.dims))
		id.Reset()
		id.WriteString(strconv.FormatInt(r.bucket, 10))
		for d, dm := range p.dims {
			keys[d] = dm.key(rawKey(r, p.by[d]))
			id.WriteString("\x00" + strconv.Itoa(len(keys[d])) + ":" + keys[d])
		}
		g := index[id.String()]
		if g == nil {
			g = &group{bucket: r.bucket, keys: keys, ints: make([]int64, len(p.ints))}
			index[id.String()] = g
			groups = append(groups, g)
		}
		g.rows += r.rows
		g.usage += r.usage
		for k, v := range r.ints {
			g.ints[k] += v
		}
	}
	// Rank each dimension's values in the Table's order.
	ranks := make([]map[string]int, len(p.dims))
	for d, dm := range p.dims {
		set := map[string]bool{}
		for _, g := range groups {
			set[g.keys[d]] = true
		}
		vals := sortedKeys(set)
		sortDimValues(dm, vals)
		ranks[d] = make(map[string]int, len(vals))
		for i, v := range vals {
			ranks[d][v] = i
		}
	}
	sort.Slice(groups, func(i, j int) bool {
		a, b := groups[i], groups[j]
		if c := cmp.Compare(a.bucket, b.bucket); c != 0 {
			return c < 0
		}
		for d := range p.dims {
			if c := cmp.Compare(ranks[d][a.keys[d]], ranks[d][b.keys[d]]); c != 0 {
				return c < 0
			}
		}
		return false
	})
	s := &Sums{By: append([]string(nil), q.By...), Grain: q.Grain, Keys: make([][]string, len(p.dims)),
		Rows: make([]int64, len(groups)), UsageHours: make([]float64, len(groups)), Measures: map[string][]int64{}}
	if q.Grain > 0 {
		s.Windows = make([]time.Time, len(groups))
	}
	for d := range p.dims {
		s.Keys[d] = make([]string, len(groups))
	}
	for k, c := range p.ints {
		s.Measures[c.String()] = make([]int64, len(groups))
		for i, g := range groups {
			s.Measures[c.String()][i] = g.ints[k]
		}
	}
	for i, g := range groups {
		if q.Grain > 0 {
			s.Windows[i] = time.UnixMicro(g.bucket).UTC()
		}
		for d := range p.dims {
			s.Keys[d][i] = g.keys[d]
		}
		s.Rows[i], s.UsageHours[i] = g.rows, g.usage
	}
	return s
}
