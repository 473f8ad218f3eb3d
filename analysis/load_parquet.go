package analysis

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/encoding"
	"github.com/parquet-go/parquet-go/format"
)

// LoadParquet reads aggregates from a Parquet file of size bytes; name is used in
// messages. Only the column chunks of wanted schema columns are read (all known ones
// by default, or those named by WithColumns), straight from their pages into typed
// columns, row groups in parallel.
//
// Both schema generations load: the BigQuery one and the older v1 files with INT96
// timestamps, nullable metrics and ~51 columns. Timestamps may be INT96, INT64 with a
// TIMESTAMP logical or converted type, or text. NULL counts read as 0 and NULL
// usage_hours as NaN, and are counted in the LoadReport; columns outside the schema
// are listed there and not read.
func LoadParquet(r io.ReaderAt, size int64, name string, opts ...LoadOption) (*Table, error) {
	o, err := resolveOptions(opts)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", name, err)
	}
	m := newLoadMeter(o, name, size)
	t, err := loadParquet(r, size, name, o, m)
	m.finish(err)
	return t, err
}

func loadParquet(r io.ReaderAt, size int64, name string, o loadOptions, m *loadMeter) (*Table, error) {
	md, err := pqFooter(r, size)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", name, err)
	}
	pf, err := openParquet(r, size)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", name, err)
	}
	t := newTable(name, false)
	var cols []pqColumn
	var unknown []string
	for _, c := range pf.Root().Columns() {
		sc, ok := columnByName(c.Name())
		if !ok || !c.Leaf() || c.MaxRepetitionLevel() > 0 {
			unknown = append(unknown, c.Name())
			continue
		}
		if !o.wants(sc) {
			t.skipped[sc] = true
			continue
		}
		if t.present[sc] {
			continue
		}
		pc, err := newPQColumn(c, sc)
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", name, err)
		}
		t.present[sc] = true
		cols = append(cols, pc)
	}
	groups := pf.RowGroups()
	segs := make([]*segment, len(groups))
	if len(groups) != len(md.RowGroups) {
		return nil, fmt.Errorf("load %s: %d row groups, the footer lists %d", name, len(groups), len(md.RowGroups))
	}
	nulls := make([][numColumns]int, len(groups))
	pages := make([]pqPages, len(groups))
	errs := make([]error, len(groups))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(o.workers, len(groups)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := newSegBuilder()
			for g := range next {
				rg := rowGroupReader{r: r, meta: &md.RowGroups[g], group: groups[g], cols: cols, nulls: &nulls[g], pages: &pages[g]}
				segs[g], errs[g] = rg.read(b, t)
				m.add(rg.bytes(), rg.meta.NumRows)
			}
		}()
	}
	for g := range groups {
		next <- g
	}
	close(next)
	wg.Wait()
	row := 1
	for g, s := range segs {
		if errs[g] != nil {
			return nil, fmt.Errorf("load %s: row group %d (rows from %d): %w", name, g, row, errs[g])
		}
		s.firstLine = row
		row += s.n
	}
	t.addSegments(segs)
	t.report = LoadReport{Source: name, Format: "parquet", Rows: t.n, Unknown: unknown, Nulls: map[string]int{}}
	for _, p := range pages {
		t.report.Pages += p.pages
		t.report.PagesWithCRC += p.withCRC
	}
	for g := range nulls {
		for c, n := range nulls[g] {
			if n > 0 {
				t.report.Nulls[column(c).String()] += n
			}
		}
	}
	t.report.fillColumns(t)
	return t, nil
}

// pqColumn is a file column to read into schema column col.
type pqColumn struct {
	index  int
	col    column
	maxDef byte
	kind   parquet.Kind
	unit   time.Duration // for INT64 timestamps
}

func newPQColumn(c *parquet.Column, sc column) (pqColumn, error) {
	pc := pqColumn{index: c.Index(), col: sc, maxDef: byte(c.MaxDefinitionLevel()), kind: c.Type().Kind()}
	want := "a supported type"
	ok := false
	switch {
	case sc.isTime():
		want = "INT96, INT64 TIMESTAMP or a string"
		switch pc.kind {
		case parquet.Int96, parquet.ByteArray:
			ok = true
		case parquet.Int64:
			pc.unit, ok = timestampUnit(c.Type())
		}
	case sc.isStr():
		want = "a string"
		ok = pc.kind == parquet.ByteArray
	case sc == colUsageHours:
		want = "a DOUBLE, FLOAT or integer"
		ok = pc.kind == parquet.Double || pc.kind == parquet.Float || pc.kind == parquet.Int64 || pc.kind == parquet.Int32
	default:
		want = "an INT64 or INT32"
		ok = pc.kind == parquet.Int64 || pc.kind == parquet.Int32
	}
	if lt := c.Type().LogicalType(); ok && lt != nil {
		// A logical type a writer cannot have written is a damaged footer; read
		// anyway, it would change how parquet-go converts the values.
		if it, isInt := lt.Value.(*format.IntType); isInt && (it.BitWidth != 8 && it.BitWidth != 16 && it.BitWidth != 32 && it.BitWidth != 64 ||
			pc.kind == parquet.Int32 && it.BitWidth > 32) {
			return pc, fmt.Errorf("column %q: logical type %s is not valid for %s: the file is damaged", c.Name(), it, c.Type())
		}
	}
	if !ok {
		return pc, fmt.Errorf("column %q: type %s, expected %s", c.Name(), c.Type(), want)
	}
	return pc, nil
}

func timestampUnit(t parquet.Type) (time.Duration, bool) {
	if lt := t.LogicalType(); lt != nil {
		if ts, ok := lt.Value.(*format.TimestampType); ok && ts.Unit.Value != nil {
			return ts.Unit.Value.Duration(), true
		}
	}
	if ct := t.ConvertedType(); ct != nil {
		switch *ct {
		case deprecated.TimestampMillis:
			return time.Millisecond, true
		case deprecated.TimestampMicros:
			return time.Microsecond, true
		}
	}
	return 0, false
}

// openParquet opens the file with parquet-go, after pqFooter has checked its
// footer; a panic of the library on a damaged file becomes an error.
func openParquet(r io.ReaderAt, size int64) (pf *parquet.File, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("the file is damaged: the Parquet reader failed on its metadata: %v", v)
		}
	}()
	return parquet.OpenFile(r, size, parquet.SkipPageIndex(true), parquet.SkipBloomFilters(true))
}

// rowGroupReader reads the wanted columns of one row group into a segment.
type rowGroupReader struct {
	r     io.ReaderAt
	meta  *format.RowGroup
	group parquet.RowGroup
	cols  []pqColumn
	nulls *[numColumns]int
	pages *pqPages
}

// read checks each column chunk's pages (pqCheckChunk), reads it, and checks
// that it gave one value per row. A panic while reading (the library's or
// ours, on a damaged page) becomes an error naming the column: no goroutine of
// a load ever ends the process.
func (rg rowGroupReader) read(b *segBuilder, t *Table) (seg *segment, err error) {
	b.reset(0)
	n := rg.meta.NumRows
	chunks := rg.group.ColumnChunks()
	for _, pc := range rg.cols {
		if err := rg.readColumn(b, chunks[pc.index], pc, n); err != nil {
			return nil, fmt.Errorf("column %q: %w", pc.col, err)
		}
	}
	b.n = int(n)
	defer func() {
		if v := recover(); v != nil {
			seg, err = nil, fmt.Errorf("the file is damaged: %v", v)
		}
	}()
	return b.finish(t), nil
}

// bytes is the size of the row group's column chunks: what the meter counts as
// read once it is done (the other columns are never read).
func (rg rowGroupReader) bytes() int64 {
	var n int64
	for _, c := range rg.meta.Columns {
		n += c.MetaData.TotalCompressedSize
	}
	return n
}

func (rg rowGroupReader) readColumn(b *segBuilder, cc parquet.ColumnChunk, pc pqColumn, rows int64) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("the file is damaged: the Parquet reader failed: %v", v)
		}
	}()
	st, err := pqCheckChunk(rg.r, &rg.meta.Columns[pc.index].MetaData, rows, pc.maxDef)
	if err != nil {
		return err
	}
	rg.pages.pages += st.pages
	rg.pages.withCRC += st.withCRC
	before := b.colLen(pc.col)
	b.grow(pc.col, int(rows))
	if err := readColumnChunk(b, cc, pc, rg.nulls); err != nil {
		return err
	}
	if got := b.colLen(pc.col) - before; int64(got) != rows {
		return fmt.Errorf("the file is damaged: %d values read, the row group has %d rows", got, rows)
	}
	return nil
}

// readColumnChunk appends one column chunk's values to the builder, page by page,
// from the pages' typed buffers (no per-value boxing). Dictionary-encoded pages are
// converted once per dictionary entry.
func readColumnChunk(b *segBuilder, cc parquet.ColumnChunk, pc pqColumn, nulls *[numColumns]int) error {
	pages := cc.Pages()
	defer pages.Close()
	// Converted values: of the current dictionary (entry → local code, number or
	// count), and of the current plain page (a writer may fall back from dictionary
	// to plain pages within a chunk, so the two are kept apart).
	var dict parquet.Dictionary
	var dictConv, pageConv []uint32
	var dictNum, pageNum []float64
	var dictInt, pageInt []int64
	for p := 0; ; p++ {
		page, err := pages.ReadPage()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		data := page.Data()
		defs := page.DefinitionLevels()
		var idx []int32
		conv, num, ints := &pageConv, &pageNum, &pageInt
		if d := page.Dictionary(); d != nil {
			conv, num, ints = &dictConv, &dictNum, &dictInt
			if d != dict {
				dict = d
				dv := d.Page().Data()
				if err := convertValues(b, pc, &dv, conv, num, ints); err != nil {
					return err
				}
			}
			idx = data.Int32()
		} else if err := convertValues(b, pc, &data, conv, num, ints); err != nil {
			return err
		}
		n := int(page.NumValues())
		var got int
		switch c := pc.col; {
		case c.isTime():
			b.times[c-firstTime], got, err = fill(b.times[c-firstTime], n, defs, pc.maxDef, idx, *conv, 0)
		case c.isStr():
			b.strs[c-firstStr], got, err = fill(b.strs[c-firstStr], n, defs, pc.maxDef, idx, *conv, 0)
		case c == colUsageHours:
			b.usage, got, err = fill(b.usage, n, defs, pc.maxDef, idx, *num, math.NaN())
			b.hasUsage = true
		default:
			b.ints[c-firstInt], got, err = fill(b.ints[c-firstInt], n, defs, pc.maxDef, idx, *ints, 0)
		}
		parquet.Release(page)
		if err != nil {
			return fmt.Errorf("data page %d: %w", p, err)
		}
		nulls[pc.col] += n - got
	}
}

// convertValues converts a buffer of plain values (a page or a dictionary) into
// local codes, numbers or counts, by the schema column's kind.
func convertValues(b *segBuilder, pc pqColumn, v *encoding.Values, codes *[]uint32, nums *[]float64, ints *[]int64) error {
	c := pc.col
	switch {
	case c.isTime():
		var ns []int64
		switch pc.kind {
		case parquet.Int96:
			for _, x := range v.Int96() {
				ns = append(ns, int96Nanos(x))
			}
		case parquet.Int64:
			for _, x := range v.Int64() {
				ns = append(ns, x*int64(pc.unit))
			}
		case parquet.ByteArray:
			data, off := v.ByteArray()
			for i := 0; i+1 < len(off); i++ {
				s := data[off[i]:off[i+1]]
				tm, err := parseTimestamp(s)
				if err != nil {
					return fmt.Errorf("%q is not a timestamp", s)
				}
				ns = append(ns, tm.UnixNano())
			}
		}
		*codes = (*codes)[:0]
		for _, x := range ns {
			*codes = append(*codes, b.timeCode(x))
		}
	case c.isStr():
		data, off := v.ByteArray()
		*codes = (*codes)[:0]
		for i := 0; i+1 < len(off); i++ {
			s := data[off[i]:off[i+1]]
			if !utf8.Valid(s) {
				return fmt.Errorf("%q is not valid UTF-8 (Parquet strings are UTF-8: the page is damaged)", s)
			}
			*codes = append(*codes, b.strCode(int(c-firstStr), s))
		}
	case c == colUsageHours:
		switch pc.kind {
		case parquet.Double:
			*nums = v.Double()
		case parquet.Float:
			*nums = (*nums)[:0]
			for _, x := range v.Float() {
				*nums = append(*nums, float64(x))
			}
		case parquet.Int64:
			*nums = (*nums)[:0]
			for _, x := range v.Int64() {
				*nums = append(*nums, float64(x))
			}
		case parquet.Int32:
			*nums = (*nums)[:0]
			for _, x := range v.Int32() {
				*nums = append(*nums, float64(x))
			}
		}
	default:
		switch pc.kind {
		case parquet.Int64:
			*ints = v.Int64()
		case parquet.Int32:
			*ints = (*ints)[:0]
			for _, x := range v.Int32() {
				*ints = append(*ints, int64(x))
			}
		}
	}
	return nil
}

// fill appends n values of a page to dst: vals[k] for the k-th present value (or
// vals[idx[k]] on a dictionary-encoded page), null where the definition level says
// NULL. It returns the number of present values. A page whose levels, values or
// dictionary indexes do not add up (a damaged file) is an error, not a panic.
func fill[T any](dst []T, n int, defs []byte, maxDef byte, idx []int32, vals []T, null T) ([]T, int, error) {
	if len(defs) == 0 && idx == nil {
		if len(vals) < n {
			return dst, 0, fmt.Errorf("the page holds %d values, its header says %d", len(vals), n)
		}
		return append(dst, vals[:n]...), n, nil
	}
	if len(defs) > 0 && len(defs) < n {
		return dst, 0, fmt.Errorf("the page holds %d definition levels, its header says %d values", len(defs), n)
	}
	k := 0
	for i := 0; i < n; i++ {
		if len(defs) > 0 && defs[i] != maxDef {
			dst = append(dst, null)
			continue
		}
		switch {
		case idx == nil:
			if k >= len(vals) {
				return dst, 0, fmt.Errorf("the page holds %d values, its levels say more", len(vals))
			}
			dst = append(dst, vals[k])
		case k >= len(idx):
			return dst, 0, fmt.Errorf("the page holds %d dictionary indexes, its levels say more", len(idx))
		case idx[k] < 0 || int(idx[k]) >= len(vals):
			return dst, 0, fmt.Errorf("dictionary index %d is outside the dictionary of %d values", idx[k], len(vals))
		default:
			dst = append(dst, vals[idx[k]])
		}
		k++
	}
	return dst, k, nil
}

// grow makes room for n more values in the scratch column that c fills, so
// that page values are appended without regrowing. n has been checked against
// the file's size (pqFooter, pqCheckChunk).
func (b *segBuilder) grow(c column, n int) {
	switch {
	case c.isTime():
		b.times[c-firstTime] = slices.Grow(b.times[c-firstTime], n)
	case c.isStr():
		b.strs[c-firstStr] = slices.Grow(b.strs[c-firstStr], n)
	case c == colUsageHours:
		b.usage = slices.Grow(b.usage, n)
	default:
		b.ints[c-firstInt] = slices.Grow(b.ints[c-firstInt], n)
	}
}

// colLen is the number of values in the scratch column that c fills.
func (b *segBuilder) colLen(c column) int {
	switch {
	case c.isTime():
		return len(b.times[c-firstTime])
	case c.isStr():
		return len(b.strs[c-firstStr])
	case c == colUsageHours:
		return len(b.usage)
	}
	return len(b.ints[c-firstInt])
}

// julianUnixEpoch is the Julian day number of 1970-01-01.
const julianUnixEpoch = 2440588

// int96Nanos converts an INT96 timestamp (Impala/Spark: nanoseconds of the day in
// the low 8 bytes, Julian day in the high 4, little-endian) to Unix nanoseconds.
func int96Nanos(x deprecated.Int96) int64 {
	nanosOfDay := int64(uint64(x[1])<<32 | uint64(x[0]))
	day := int64(x[2]) - julianUnixEpoch
	return day*int64(24*time.Hour) + nanosOfDay
}
