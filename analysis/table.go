package analysis

import (
	"fmt"
	"math"
	"sort"
	"sync"
	"time"
)

// Table is an in-memory error_aggregates table in typed columnar form: timestamps and
// string dimensions dictionary-encoded (codes in the narrowest width that fits),
// usage hours as float64 and counts as integers of the narrowest width that holds
// them (sums are always int64). Rows are stored in segments, one per parsed chunk or
// Parquet row group, so that loading never copies a whole column and queries scan
// segments in parallel.
//
// Gota DataFrames are its input and output format (FromDataFrame, DataFrame), not its
// engine: DESIGN.md measured gota's GroupBy at ~11 s over 1e6 rows.
//
// A Table is immutable once loaded and safe for concurrent queries. It implements
// Source.
type Table struct {
	name      string
	lineBased bool // rows are addressed by file line (CSV) rather than by row number
	segs      []*segment
	starts    []int // starts[i] is the index of segs[i]'s first row
	n         int

	strs    [numStrs]*dict[string]
	times   *dict[int64]
	present [numColumns]bool
	skipped [numColumns]bool // in the input but not loaded (WithColumns)
	report  LoadReport

	mu sync.Mutex // guards the dictionaries while segments are added
}

// segment is a run of consecutive rows.
type segment struct {
	n     int
	times [numTimes]codeCol
	strs  [numStrs]codeCol
	usage []float64 // nil when the column is absent: 0 for every row
	ints  [numInts]intCol

	firstLine int     // source line (CSV) or 1-based row number of the first row
	lines     []int32 // per-row source lines when records span lines; else nil
}

func (s *segment) line(i int) int {
	if s.lines != nil {
		return int(s.lines[i])
	}
	return s.firstLine + i
}

func (s *segment) bytes() int {
	b := 8*len(s.usage) + 4*len(s.lines)
	for i := range s.times {
		b += s.times[i].bytes()
	}
	for i := range s.strs {
		b += s.strs[i].bytes()
	}
	for i := range s.ints {
		b += s.ints[i].bytes()
	}
	return b
}

// dict gives each distinct value a code, in order of first appearance; code 0 is
// the value that stands for NULL. A string column's dictionary (newStrDict) is global
// to the table and holds NULL as the empty string (an absent experiment_id, an empty
// CSV field).
type dict[V comparable] struct {
	vals  []V
	index map[V]uint32
}

func newDict[V comparable](null V) *dict[V] {
	return &dict[V]{vals: []V{null}, index: map[V]uint32{null: 0}}
}

func (d *dict[V]) code(v V) uint32 {
	c, ok := d.index[v]
	if !ok {
		c = uint32(len(d.vals))
		d.vals = append(d.vals, v)
		d.index[v] = c
	}
	return c
}

func newStrDict() *dict[string] { return newDict("") }

// nullTime marks a NULL timestamp in a time dictionary (its code 0).
const nullTime = math.MinInt64

// newTimeDict returns the dictionary shared by window_start and window_end: Unix
// nanoseconds, code 0 is NULL. Aggregates have few distinct windows, so codes are one
// or two bytes.
func newTimeDict() *dict[int64] { return newDict[int64](nullTime) }

func newTable(name string, lineBased bool) *Table {
	t := &Table{name: name, lineBased: lineBased, times: newTimeDict()}
	for i := range t.strs {
		t.strs[i] = newStrDict()
	}
	return t
}

// addSegments appends segments in order and indexes them.
func (t *Table) addSegments(segs []*segment) {
	for _, s := range segs {
		if s == nil || s.n == 0 {
			continue
		}
		t.segs = append(t.segs, s)
		t.starts = append(t.starts, t.n)
		t.n += s.n
	}
}

// Len returns the number of rows.
func (t *Table) Len() int { return t.n }

// Name returns the name the table was loaded from (a file name or a display name).
func (t *Table) Name() string { return t.name }

// LoadReport returns what loading found: columns read, missing and unknown, NULLs.
func (t *Table) LoadReport() LoadReport { return t.report }

// Has reports whether the named column was present in the input.
func (t *Table) Has(name string) bool {
	c, ok := columnByName(name)
	return ok && t.present[c]
}

// locate returns the segment holding row i and the row's index within it.
func (t *Table) locate(i int) (*segment, int) {
	k := sort.Search(len(t.starts), func(k int) bool { return t.starts[k] > i }) - 1
	return t.segs[k], i - t.starts[k]
}

// where names row i in the source, for example "aggregates.csv: line 812".
func (t *Table) where(i int) string {
	s, j := t.locate(i)
	if t.lineBased {
		return fmt.Sprintf("%s: line %d", t.name, s.line(j))
	}
	return fmt.Sprintf("%s: row %d", t.name, s.line(j))
}

// Row is one aggregate row with every schema column. NULL strings are empty, NULL
// timestamps are the zero time, NULL counts are 0 and a NULL usage_hours is NaN.
type Row struct {
	WindowStart, WindowEnd time.Time

	SubmissionDate, Channel, Version, DisplayVersion, BuildID, Application   string
	OSName, OSVersion, Architecture, Country, ExperimentID, ExperimentBranch string

	UsageHours float64

	Count, MainCrashes, StartupCrashes, ContentCrashes, ContentShutdownCrashes int64
	GPUCrashes, PluginCrashes, GMPluginCrashes                                 int64
}

func (r *Row) strPtrs() [numStrs]*string {
	return [numStrs]*string{&r.SubmissionDate, &r.Channel, &r.Version, &r.DisplayVersion,
		&r.BuildID, &r.Application, &r.OSName, &r.OSVersion, &r.Architecture, &r.Country,
		&r.ExperimentID, &r.ExperimentBranch}
}

func (r *Row) intPtrs() [numInts]*int64 {
	return [numInts]*int64{&r.Count, &r.MainCrashes, &r.StartupCrashes, &r.ContentCrashes,
		&r.ContentShutdownCrashes, &r.GPUCrashes, &r.PluginCrashes, &r.GMPluginCrashes}
}

// Row returns row i (0-based, in input order).
func (t *Table) Row(i int) Row {
	s, j := t.locate(i)
	var r Row
	r.WindowStart = t.timeAt(s.times[0].at(j))
	r.WindowEnd = t.timeAt(s.times[1].at(j))
	for k, p := range r.strPtrs() {
		*p = t.strs[k].vals[s.strs[k].at(j)]
	}
	if s.usage != nil {
		r.UsageHours = s.usage[j]
	}
	for k, p := range r.intPtrs() {
		*p = s.ints[k].at(j)
	}
	return r
}

func (t *Table) timeAt(code uint32) time.Time {
	ns := t.times.vals[code]
	if ns == nullTime {
		return time.Time{}
	}
	return time.Unix(0, ns).UTC()
}

// NewTable builds a table from rows, for tests, generators and small hand-made data.
// Every schema column counts as present. Rows are numbered from 1 in messages.
func NewTable(name string, rows []Row) *Table {
	t := newTable(name, false)
	for c := range t.present {
		t.present[c] = true
	}
	b := newSegBuilder()
	for i := 0; i < len(rows); i += segmentRows {
		b.reset(i + 1)
		for _, r := range rows[i:min(i+segmentRows, len(rows))] {
			b.addRow(&r)
		}
		t.addSegments([]*segment{b.finish(t)})
	}
	t.report = LoadReport{Source: name, Format: "rows", Rows: t.n}
	t.report.fillColumns(t)
	return t
}

// segmentRows is the number of rows NewTable and FromDataFrame put in a segment.
const segmentRows = 1 << 16

// segBuilder accumulates one segment in wide scratch columns with chunk-local
// dictionaries, then packs it (finish). Builders are reused across chunks.
type segBuilder struct {
	n         int
	firstLine int
	lines     []int32
	irregular bool

	times  [numTimes][]uint32
	tLocal map[int64]uint32
	tVals  []int64
	tLast  uint32 // code of the last timestamp looked up: windows come in runs

	strs   [numStrs][]uint32
	sLocal [numStrs]byteIndex // value ↔ local code

	usage    []float64
	hasUsage bool
	ints     [numInts][]int64
}

func newSegBuilder() *segBuilder {
	return &segBuilder{tLocal: map[int64]uint32{}}
}

func (b *segBuilder) reset(firstLine int) {
	b.n, b.firstLine, b.irregular = 0, firstLine, false
	b.lines = b.lines[:0]
	clear(b.tLocal)
	b.tLocal[nullTime] = 0
	b.tVals = append(b.tVals[:0], nullTime)
	b.tLast = 0
	for i := range b.times {
		b.times[i] = b.times[i][:0]
	}
	for i := range b.strs {
		b.strs[i] = b.strs[i][:0]
		b.sLocal[i].reset()
		b.sLocal[i].index(nil) // the empty string (NULL) is code 0
	}
	b.usage = b.usage[:0]
	b.hasUsage = false
	for i := range b.ints {
		b.ints[i] = b.ints[i][:0]
	}
}

// timeCode returns the local code of a timestamp in Unix nanoseconds.
func (b *segBuilder) timeCode(ns int64) uint32 {
	if b.tVals[b.tLast] == ns {
		return b.tLast
	}
	c, ok := b.tLocal[ns]
	if !ok {
		c = uint32(len(b.tVals))
		b.tVals = append(b.tVals, ns)
		b.tLocal[ns] = c
	}
	b.tLast = c
	return c
}

// strCode returns the local code of v in string column k; only new values are
// copied.
func (b *segBuilder) strCode(k int, v []byte) uint32 { return b.sLocal[k].index(v) }

func (b *segBuilder) addRow(r *Row) {
	for k, ts := range [numTimes]time.Time{r.WindowStart, r.WindowEnd} {
		ns := int64(nullTime)
		if !ts.IsZero() {
			ns = ts.UnixNano()
		}
		b.times[k] = append(b.times[k], b.timeCode(ns))
	}
	for k, p := range r.strPtrs() {
		b.strs[k] = append(b.strs[k], b.strCode(k, []byte(*p)))
	}
	b.usage = append(b.usage, r.UsageHours)
	b.hasUsage = true
	for k, p := range r.intPtrs() {
		b.ints[k] = append(b.ints[k], *p)
	}
	b.n++
}

// finish merges the chunk's dictionaries into t's, remaps and packs the columns.
func (b *segBuilder) finish(t *Table) *segment {
	s := &segment{n: b.n, firstLine: b.firstLine}
	if b.irregular {
		s.lines = append([]int32(nil), b.lines...)
	}
	var tmap []uint32
	var smap [numStrs][]uint32
	t.mu.Lock()
	tmap = make([]uint32, len(b.tVals))
	for i, v := range b.tVals {
		tmap[i] = t.times.code(v)
	}
	for k := range b.sLocal {
		if len(b.strs[k]) == 0 {
			continue
		}
		smap[k] = make([]uint32, len(b.sLocal[k].vals))
		for i, v := range b.sLocal[k].vals {
			smap[k][i] = t.strs[k].code(v)
		}
	}
	t.mu.Unlock()
	for k := range b.times {
		if len(b.times[k]) > 0 {
			s.times[k] = remap(b.times[k], tmap)
		}
	}
	for k := range b.strs {
		if len(b.strs[k]) > 0 {
			s.strs[k] = remap(b.strs[k], smap[k])
		}
	}
	if b.hasUsage {
		s.usage = append([]float64(nil), b.usage...)
	}
	for k := range b.ints {
		if len(b.ints[k]) > 0 {
			s.ints[k] = packInts(b.ints[k])
		}
	}
	return s
}

// remap rewrites local codes to global ones in place and packs them.
func remap(codes, lut []uint32) codeCol {
	var hi uint32
	for i, c := range codes {
		g := lut[c]
		codes[i] = g
		hi = max(hi, g)
	}
	return packCodes(codes, hi)
}
