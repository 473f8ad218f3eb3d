package analysis

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"
	"unsafe"
)

// csvChunkSize is the size of the blocks the CSV reader hands to parse workers.
// Blocks end at a record boundary; a record longer than a block grows the block.
// Tests make it small to exercise block boundaries.
var csvChunkSize = 4 << 20

// LoadCSV reads aggregates from CSV text (gzip-compressed or plain, detected by the
// gzip magic bytes) with a header line naming the columns; name is used in messages.
//
// The text is cut into blocks at record boundaries and the blocks are parsed in
// parallel straight into typed columns. Fields without quotes take a fast path;
// records with a quote are parsed by encoding/csv, so quoting follows RFC 4180 as
// encoding/csv does. A malformed value fails the load with a *ParseError naming the
// line, the column and what was expected; the first one in file order is returned.
// Empty fields are NULL: 0 for counts, NaN for usage_hours (ValidationReport flags
// it), the zero time for timestamps. Columns not in the schema are listed in the
// LoadReport and not kept.
func LoadCSV(r io.Reader, name string, opts ...LoadOption) (*Table, error) {
	o, err := resolveOptions(opts)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", name, err)
	}
	size := o.size
	if size == 0 {
		size = inputSize(r)
	}
	m := newLoadMeter(o, name, size)
	if m != nil {
		r = countingReader{r, m}
	}
	t, err := loadCSV(r, name, o, m)
	m.finish(err)
	return t, err
}

func loadCSV(r io.Reader, name string, o loadOptions, m *loadMeter) (*Table, error) {
	br, format, notes, err := csvInput(r, name)
	if err != nil {
		return nil, err
	}
	p, err := newCSVPlan(br, name, o)
	if err != nil {
		return nil, err
	}
	t := newTable(name, true)
	for _, f := range p.fields {
		if f.col >= 0 {
			t.present[f.col] = true
		}
	}
	for _, c := range p.skipped {
		t.skipped[c] = true
	}
	segs, nulls, err := p.parseAll(br, t, o.workers, m)
	if err != nil {
		return nil, err
	}
	t.addSegments(segs)
	t.report = LoadReport{Source: name, Format: format, Rows: t.n, Unknown: p.unknown, Nulls: nulls, Notes: notes}
	t.report.fillColumns(t)
	return t, nil
}

// csvField says what to do with one field of a record.
type csvField struct {
	col  column // -1: skip
	name string
}

type csvPlan struct {
	name    string
	fields  []csvField
	unknown []string
	skipped []column
}

// newCSVPlan reads the header line and maps it to schema columns.
func newCSVPlan(br *bufio.Reader, name string, o loadOptions) (*csvPlan, error) {
	line, err := br.ReadBytes('\n')
	if err != nil && !(errors.Is(err, io.EOF) && len(line) > 0) {
		switch {
		case errors.Is(err, errTruncatedGzip):
			return nil, truncatedError(name, 0, nil)
		case errors.Is(err, io.EOF):
			return nil, fmt.Errorf("load %s: empty input, expected a header line", name)
		}
		return nil, fmt.Errorf("load %s: %w", name, err)
	}
	if msg := textError(line); msg != "" {
		return nil, fmt.Errorf("load %s: line 1: the header is not text: %s", name, msg)
	}
	header, err := csv.NewReader(bytes.NewReader(line)).Read()
	if err != nil {
		return nil, fmt.Errorf("load %s: line 1: header: %w", name, err)
	}
	p := &csvPlan{name: name}
	seen := map[column]bool{}
	for i, h := range header {
		if i == 0 {
			h = string(bytes.TrimPrefix([]byte(h), []byte("\xef\xbb\xbf"))) // UTF-8 BOM
		}
		c, ok := columnByName(h)
		switch {
		case !ok:
			p.unknown = append(p.unknown, h)
			c = -1
		case seen[c]:
			return nil, fmt.Errorf("load %s: line 1: column %q appears twice in the header", name, h)
		case !o.wants(c):
			p.skipped = append(p.skipped, c)
			c = -1
		}
		if c >= 0 {
			seen[c] = true
		}
		p.fields = append(p.fields, csvField{col: c, name: h})
	}
	return p, nil
}

type csvChunk struct {
	idx  int
	data []byte
	line int
}

// parseAll cuts the input into chunks at record boundaries and parses them with
// workers goroutines, returning the segments in input order.
func (p *csvPlan) parseAll(r io.Reader, t *Table, workers int, m *loadMeter) ([]*segment, map[string]int, error) {
	chunks := make(chan csvChunk, workers)
	free := make(chan []byte, workers+2)
	for i := 0; i < workers+2; i++ {
		free <- make([]byte, csvChunkSize)
	}
	var (
		mu     sync.Mutex
		segs   []*segment
		errs   = map[int]error{}
		nulls  = map[string]int{}
		failed bool
		wg     sync.WaitGroup
	)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ps := newCSVParser(p)
			for c := range chunks {
				mu.Lock()
				stop := failed
				mu.Unlock()
				var seg *segment
				var err error
				if !stop {
					seg, err = ps.parseRecovered(c, t)
				}
				if seg != nil {
					m.add(0, int64(seg.n))
				}
				free <- c.data[:cap(c.data)]
				mu.Lock()
				for len(segs) <= c.idx {
					segs = append(segs, nil)
				}
				segs[c.idx] = seg
				if err != nil {
					errs[c.idx] = err
					failed = true
				}
				mu.Unlock()
			}
			mu.Lock()
			for k, n := range ps.nulls {
				nulls[p.fields[k].name] += n
			}
			mu.Unlock()
		}()
	}
	readErr := p.split(r, chunks, free, &mu, &failed)
	close(chunks)
	wg.Wait()
	if readErr != nil {
		return nil, nil, readErr
	}
	if len(errs) > 0 {
		first := -1
		for i := range errs {
			if first < 0 || i < first {
				first = i
			}
		}
		return nil, nil, errs[first]
	}
	byCol := map[string]int{}
	for name, n := range nulls {
		if c, ok := columnByName(name); ok {
			byCol[c.String()] = n
		}
	}
	return segs, byCol, nil
}

// split reads r into blocks that end at a record boundary (a newline outside quotes)
// and sends them as chunks with their first line number. It stops early once a
// worker has failed: later chunks cannot hold an earlier error.
func (p *csvPlan) split(r io.Reader, chunks chan<- csvChunk, free chan []byte, mu *sync.Mutex, failed *bool) error {
	var carry, last []byte // last: the last complete line sent, for a truncation error
	line, idx := 2, 0
	eof := false
	for !eof {
		mu.Lock()
		stop := *failed
		mu.Unlock()
		if stop {
			return nil
		}
		buf := <-free
		if len(carry) > len(buf)/2 {
			buf = make([]byte, 2*len(carry)+csvChunkSize)
		}
		n := copy(buf, carry)
		m, err := io.ReadFull(r, buf[n:])
		n += m
		switch {
		case err == io.EOF || err == io.ErrUnexpectedEOF:
			eof = true
		case errors.Is(err, errTruncatedGzip):
			if i := bytes.LastIndexByte(buf[:n], '\n'); i >= 0 {
				return truncatedError(p.name, line-1+bytes.Count(buf[:i+1], []byte{'\n'}), lastLine(buf[:i+1]))
			}
			return truncatedError(p.name, line-1, last)
		case err != nil:
			return fmt.Errorf("load %s: read: %w", p.name, err)
		}
		cut := n
		if !eof {
			cut = lastRecordEnd(buf[:n])
			if cut < 0 { // one record longer than the block: read more before cutting
				carry = append(carry[:0], buf[:n]...)
				free <- buf
				continue
			}
		}
		carry = append(carry[:0], buf[cut:n]...)
		if cut > 0 {
			data := buf[:cut]
			if data[len(data)-1] == '\n' {
				last = append(last[:0], lastLine(data)...)
			}
			chunks <- csvChunk{idx: idx, data: data, line: line}
			idx++
			line += bytes.Count(data, []byte{'\n'})
		} else {
			free <- buf
		}
	}
	return nil
}

// lastRecordEnd returns the index just past the last newline outside quotes in b, or
// -1. b starts at a record boundary, so quote state is known from its start.
func lastRecordEnd(b []byte) int {
	q := bytes.IndexByte(b, '"')
	if q < 0 {
		if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
			return i + 1
		}
		return -1
	}
	last := bytes.LastIndexByte(b[:q], '\n')
	in := false
	for i := q; i < len(b); i++ {
		switch b[i] {
		case '"':
			in = !in
		case '\n':
			if !in {
				last = i
			}
		}
	}
	if last < 0 {
		return -1
	}
	return last + 1
}

// csvParser parses chunks for one worker; it keeps its scratch between chunks.
type csvParser struct {
	plan   *csvPlan
	b      *segBuilder
	tRaw   [numTimes]rawTimes // timestamp text → local code
	fields [][]byte
	nulls  []int // per header field
}

func newCSVParser(p *csvPlan) *csvParser {
	return &csvParser{plan: p, b: newSegBuilder(), nulls: make([]int, len(p.fields))}
}

// parseRecovered parses a chunk, turning a panic into an error naming the
// chunk's lines: no goroutine of a load ends the process.
func (ps *csvParser) parseRecovered(c csvChunk, t *Table) (seg *segment, err error) {
	defer func() {
		if v := recover(); v != nil {
			ps.b = newSegBuilder() // its state is unknown after the panic
			seg, err = nil, fmt.Errorf("load %s: lines from %d: the CSV parser failed: %v", ps.plan.name, c.line, v)
		}
	}()
	return ps.parse(c, t)
}

func (ps *csvParser) parse(c csvChunk, t *Table) (*segment, error) {
	b := ps.b
	b.reset(c.line)
	for i := range ps.tRaw {
		ps.tRaw[i].reset()
	}
	for _, f := range ps.plan.fields {
		if f.col == colUsageHours {
			b.hasUsage = true
		}
	}
	data, line := c.data, c.line
	for len(data) > 0 {
		end := bytes.IndexByte(data, '\n')
		if end < 0 {
			end = len(data)
		}
		rec := data[:end]
		next := min(end+1, len(data))
		span := 1
		if bytes.IndexByte(rec, '"') >= 0 {
			// Quoted record: encoding/csv semantics, possibly over several lines.
			cr := csv.NewReader(bytes.NewReader(data))
			cr.FieldsPerRecord = -1
			vals, err := cr.Read()
			if err != nil {
				var pe *csv.ParseError
				if errors.As(err, &pe) {
					e := &ParseError{Source: ps.plan.name, Line: line + pe.Line - 1, Msg: pe.Err.Error(), lineOK: true}
					if k := fieldAt(data, pe.Line, pe.Column); k < len(ps.plan.fields) {
						e.Msg = fmt.Sprintf("column %q: %v", ps.plan.fields[k].name, pe.Err)
					}
					return nil, e
				}
				return nil, fmt.Errorf("load %s: line %d: %w", ps.plan.name, line, err)
			}
			next = int(cr.InputOffset())
			span = bytes.Count(data[:next], []byte{'\n'})
			ps.fields = ps.fields[:0]
			for _, v := range vals {
				ps.fields = append(ps.fields, []byte(v))
			}
			if err := ps.record(line); err != nil {
				return nil, err
			}
		} else {
			if len(rec) > 0 && rec[len(rec)-1] == '\r' {
				rec = rec[:len(rec)-1]
			}
			if len(rec) == 0 { // blank line
				data = data[next:]
				line++
				continue
			}
			if err := ps.recordRaw(rec, line); err != nil {
				return nil, err
			}
		}
		// Rows keep their line numbers implicitly (first line + index) until a blank
		// line or a multi-line record breaks the pattern.
		if row := b.n - 1; !b.irregular && line != c.line+row {
			b.irregular = true
			for i := 0; i < row; i++ {
				b.lines = append(b.lines, int32(c.line+i))
			}
		}
		if b.irregular {
			b.lines = append(b.lines, int32(line))
		}
		line += span
		data = data[next:]
	}
	return b.finish(t), nil
}

// fieldAt returns the index of the field holding rune col (1-based) of line (1-based)
// of a record starting at data, following quotes from the record's start.
func fieldAt(data []byte, line, col int) int {
	k, in, l := 0, false, 1
	for _, r := range string(data) {
		if l == line {
			if col--; col <= 0 {
				return k
			}
		}
		switch {
		case r == '"':
			in = !in
		case r == ',' && !in:
			k++
		case r == '\n':
			if l++; l > line {
				return k
			}
		}
	}
	return k
}

// rawTimes maps timestamp texts to local time codes, so that each distinct text is
// parsed once per block.
type rawTimes struct {
	index byteIndex
	codes []uint32 // by text index
}

func (r *rawTimes) reset() {
	r.index.reset()
	r.codes = r.codes[:0]
}

// record converts one record's fields into the builder's columns.
func (ps *csvParser) record(line int) error {
	if len(ps.fields) != len(ps.plan.fields) {
		return ps.countErr(line, len(ps.fields))
	}
	for k, v := range ps.fields {
		if err := ps.field(k, v, line); err != nil {
			return err
		}
	}
	ps.b.n++
	return nil
}

// recordRaw converts an unquoted record, splitting it at commas on the way.
func (ps *csvParser) recordRaw(rec []byte, line int) error {
	nf := len(ps.plan.fields)
	start, k := 0, 0
	for {
		i := nextComma(rec, start)
		if k == nf {
			return ps.countErr(line, bytes.Count(rec, []byte{','})+1)
		}
		if err := ps.field(k, rec[start:i], line); err != nil {
			return err
		}
		k++
		if i == len(rec) {
			break
		}
		start = i + 1
	}
	if k != nf {
		return ps.countErr(line, k)
	}
	ps.b.n++
	return nil
}

// nextComma returns the index of the first ',' in b at or after from, or len(b).
// Fields are a few bytes long, too short for bytes.IndexByte's setup to pay; this
// tests eight bytes at a time: x has a zero byte where b has a comma, and
// (x − 0x01…01) &^ x & 0x80…80 flags the lowest zero byte exactly (flags above it
// may be false, and are ignored).
func nextComma(b []byte, from int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := from
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:]) ^ (',' * ones)
		if m := (x - ones) &^ x & highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(b); i++ {
		if b[i] == ',' {
			return i
		}
	}
	return len(b)
}

func (ps *csvParser) countErr(line, found int) error {
	return &ParseError{Source: ps.plan.name, Line: line, lineOK: true,
		Msg: fmt.Sprintf("expected %d fields as in the header, found %d", len(ps.plan.fields), found)}
}

// field converts field k of a record into its column.
func (ps *csvParser) field(k int, v []byte, line int) error {
	b := ps.b
	switch c := ps.plan.fields[k].col; {
	case c < 0:
	case c.isTime():
		j := int(c - firstTime)
		raw := &ps.tRaw[j]
		var code uint32
		if i := raw.index.index(v); int(i) < len(raw.codes) {
			code = raw.codes[i]
		} else {
			ns := int64(nullTime)
			if len(v) > 0 {
				tm, err := parseTimestamp(v)
				if err != nil {
					return ps.fieldErr(line, k, v, "is not a timestamp (want RFC 3339, e.g. 2017-06-29T12:05:00Z)")
				}
				ns = tm.UnixNano()
			}
			code = b.timeCode(ns)
			raw.codes = append(raw.codes, code)
		}
		if code == 0 {
			ps.nulls[k]++
		}
		b.times[j] = append(b.times[j], code)
	case c.isStr():
		j := int(c - firstStr)
		if len(v) == 0 {
			ps.nulls[k]++
		}
		known := len(b.sLocal[j].vals)
		b.strs[j] = append(b.strs[j], b.strCode(j, v))
		// Each distinct text is checked once: invalid UTF-8 is text in another
		// encoding (or damage), and replacing it would merge different values.
		if len(b.sLocal[j].vals) > known && !utf8.Valid(v) {
			return ps.fieldErr(line, k, v, "is not valid UTF-8: "+utf8Hint(v))
		}
	case c == colUsageHours:
		x := math.NaN()
		if len(v) == 0 {
			ps.nulls[k]++
		} else {
			var ok bool
			if x, ok = parseDecimal(v); !ok {
				var err error
				x, err = strconv.ParseFloat(unsafe.String(unsafe.SliceData(v), len(v)), 64)
				if err != nil {
					return ps.fieldErr(line, k, v, "is not a number")
				}
			}
		}
		b.usage = append(b.usage, x)
	default:
		j := int(c - firstInt)
		n, ok := parseInt(v)
		if !ok {
			return ps.fieldErr(line, k, v, "is not an integer")
		}
		if len(v) == 0 {
			ps.nulls[k]++
		}
		b.ints[j] = append(b.ints[j], n)
	}
	return nil
}

func (ps *csvParser) fieldErr(line, k int, v []byte, msg string) error {
	return &ParseError{Source: ps.plan.name, Line: line, Column: ps.plan.fields[k].name, Value: string(v), Msg: msg, lineOK: true}
}

// parseInt parses an optionally signed decimal integer; empty is NULL, read as 0.
// A value written as a float with a zero fraction ("3.0", as some exporters write
// counts) is accepted.
func parseInt(v []byte) (int64, bool) {
	if len(v) == 0 {
		return 0, true
	}
	neg := v[0] == '-'
	d := v
	if neg || v[0] == '+' {
		d = v[1:]
	}
	if len(d) == 0 || len(d) > 18 {
		n, err := strconv.ParseInt(string(v), 10, 64)
		return n, err == nil
	}
	var n int64
	for i, ch := range d {
		if ch < '0' || ch > '9' {
			if ch == '.' && i > 0 && allZeros(d[i+1:]) {
				break
			}
			return 0, false
		}
		n = n*10 + int64(ch-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// pow10 holds the powers of ten that float64 represents exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// parseDecimal parses plain decimals such as "12.3456" by Clinger's fast path, the
// one strconv.ParseFloat also takes for them: with at most 15 digits the digits form
// an integer m < 2⁵³ and the result m / 10^k is one correctly rounded IEEE division,
// so the value is the same bit for bit. Anything else (exponents, signs, long
// mantissas) reports false and goes to strconv.ParseFloat.
func parseDecimal(v []byte) (float64, bool) {
	var m uint64
	digits, frac, dot := 0, 0, false
	for _, c := range v {
		switch {
		case c >= '0' && c <= '9':
			m = m*10 + uint64(c-'0')
			digits++
			if dot {
				frac++
			}
		case c == '.' && !dot:
			dot = true
		default:
			return 0, false
		}
	}
	if digits == 0 || digits > 15 {
		return 0, false
	}
	return float64(m) / pow10[frac], true
}

func allZeros(b []byte) bool {
	for _, c := range b {
		if c != '0' {
			return false
		}
	}
	return true
}

// timestampLayouts are the text forms of timestamps accepted besides RFC 3339:
// BigQuery's and Spark's exports, and plain dates.
var timestampLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999 MST",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02",
}

// parseTimestamp parses a timestamp in UTC; text without a zone is UTC.
func parseTimestamp(v []byte) (time.Time, error) {
	if t, ok := parseRFC3339UTC(v); ok {
		return t, nil
	}
	s := string(v)
	for _, l := range timestampLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("not a timestamp: %q", s)
}

// parseRFC3339UTC is a fast path for "YYYY-MM-DDThh:mm:ssZ" (or a space for T, no
// Z), the form the generators and exports write.
func parseRFC3339UTC(v []byte) (time.Time, bool) {
	if len(v) == 20 && v[19] == 'Z' {
		v = v[:19]
	}
	if len(v) != 19 || v[4] != '-' || v[7] != '-' || (v[10] != 'T' && v[10] != ' ') || v[13] != ':' || v[16] != ':' {
		return time.Time{}, false
	}
	num := func(i, n int) (int, bool) {
		x := 0
		for _, c := range v[i : i+n] {
			if c < '0' || c > '9' {
				return 0, false
			}
			x = x*10 + int(c-'0')
		}
		return x, true
	}
	y, ok1 := num(0, 4)
	mo, ok2 := num(5, 2)
	d, ok3 := num(8, 2)
	h, ok4 := num(11, 2)
	mi, ok5 := num(14, 2)
	s, ok6 := num(17, 2)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, h, mi, s, 0, time.UTC)
	if t.Day() != d { // 31 February and the like
		return time.Time{}, false
	}
	return t, true
}
