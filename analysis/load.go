package analysis

import (
	"bufio"
	"bytes"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

// LoadOption adjusts how aggregates are loaded.
type LoadOption func(*loadOptions)

type loadOptions struct {
	columns  map[column]bool // nil: every known column
	workers  int
	progress func(name string) Progress // nil: the one SetProgress set
	size     int64                      // the input's size when known before it was wrapped
}

// withSize passes the size of an input that LoadReader wraps before LoadCSV sees it.
func withSize(n int64) LoadOption { return func(o *loadOptions) { o.size = n } }

// WithColumns loads only the named schema columns (plus nothing else): Parquet reads
// only their column chunks, CSV skips parsing the other fields. Unknown names make
// the load fail.
func WithColumns(names ...string) LoadOption {
	return func(o *loadOptions) {
		o.columns = map[column]bool{}
		for _, n := range names {
			c, ok := columnByName(n)
			if !ok {
				c = -1 // reported by resolveOptions
			}
			o.columns[c] = true
		}
	}
}

// WithWorkers sets the number of goroutines that parse (default GOMAXPROCS).
func WithWorkers(n int) LoadOption {
	return func(o *loadOptions) { o.workers = n }
}

func resolveOptions(opts []LoadOption) (loadOptions, error) {
	o := loadOptions{workers: runtime.GOMAXPROCS(0)}
	for _, f := range opts {
		f(&o)
	}
	if o.columns[-1] {
		return o, fmt.Errorf("WithColumns: unknown column name (want schema names such as %q)", "usage_hours")
	}
	if o.workers < 1 {
		o.workers = 1
	}
	return o, nil
}

func (o *loadOptions) wants(c column) bool { return o.columns == nil || o.columns[c] }

// ParseError reports a malformed value in the input: where it is and what was expected.
type ParseError struct {
	Source string // file or display name
	Line   int    // 1-based line (CSV) or row (Parquet, DataFrame) number
	Column string // the column's header name; empty for errors about the whole row
	Value  string // the offending text
	Msg    string // what was expected
	lineOK bool
}

// Error formats the error as "load NAME: line N: column "C": "V" MSG".
func (e *ParseError) Error() string {
	unit := "row"
	if e.lineOK {
		unit = "line"
	}
	if e.Column == "" {
		return fmt.Sprintf("load %s: %s %d: %s", e.Source, unit, e.Line, e.Msg)
	}
	return fmt.Sprintf("load %s: %s %d: column %q: %q %s", e.Source, unit, e.Line, e.Column, e.Value, e.Msg)
}

// LoadReport says what loading found, so that a notebook can show it beside the data.
type LoadReport struct {
	Source  string
	Format  string // "csv", "csv.gz", "parquet", "dataframe" or "rows"
	Rows    int
	Columns []string       // schema columns read
	Missing []string       // schema columns absent from the input (NULL throughout)
	Skipped []string       // schema columns in the input not loaded (WithColumns)
	Unknown []string       // input columns not in the schema: kept out of the table, listed here
	Nulls   map[string]int // NULL values per column read: counts read as 0, usage_hours as NaN
	Bytes   int            // memory held by the typed columns
	// Pages is the number of Parquet pages read, PagesWithCRC those whose header
	// carries a CRC-32 of the page, verified while reading (a mismatch fails the
	// load). Damage inside a page without one, or anywhere in a CSV, is found only
	// where it breaks the format or Validate flags the value.
	Pages, PagesWithCRC int
	// Notes lists what loading converted, such as classic Mac line endings.
	Notes []string
}

func (r *LoadReport) fillColumns(t *Table) {
	r.Columns, r.Missing, r.Skipped = nil, nil, nil
	for c := column(0); c < numColumns; c++ {
		switch {
		case t.present[c]:
			r.Columns = append(r.Columns, c.String())
		case t.skipped[c]:
			r.Skipped = append(r.Skipped, c.String())
		default:
			r.Missing = append(r.Missing, c.String())
		}
	}
	r.Bytes = 0
	for _, s := range t.segs {
		r.Bytes += s.bytes()
	}
}

// String summarises the report in a few lines.
func (r LoadReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %d rows, %d columns, %.1f MiB in memory\n", r.Source, r.Format, r.Rows, len(r.Columns), float64(r.Bytes)/(1<<20))
	if len(r.Missing) > 0 {
		fmt.Fprintf(&b, "missing (NULL): %s\n", strings.Join(r.Missing, ", "))
	}
	if len(r.Skipped) > 0 {
		fmt.Fprintf(&b, "not loaded (WithColumns): %s\n", strings.Join(r.Skipped, ", "))
	}
	if len(r.Unknown) > 0 {
		fmt.Fprintf(&b, "not in the schema, ignored: %s\n", strings.Join(r.Unknown, ", "))
	}
	if s := r.nullList(); s != "" {
		fmt.Fprintf(&b, "NULL values: %s\n", s)
	}
	if s := r.checksums(); s != "" {
		fmt.Fprintf(&b, "page checksums: %s\n", s)
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	return b.String()
}

func (r LoadReport) nullList() string {
	var parts []string
	for _, c := range r.Columns {
		if n := r.Nulls[c]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", c, n))
		}
	}
	return strings.Join(parts, ", ")
}

// checksums says how many Parquet pages were verified by their CRC.
func (r LoadReport) checksums() string {
	switch {
	case r.Format != "parquet" || r.Pages == 0:
		return ""
	case r.PagesWithCRC == r.Pages:
		return fmt.Sprintf("all %d pages verified", r.Pages)
	case r.PagesWithCRC == 0:
		return fmt.Sprintf("none of %d pages has one (the writer wrote none): damage inside values cannot be detected", r.Pages)
	}
	return fmt.Sprintf("%d of %d pages verified", r.PagesWithCRC, r.Pages)
}

func (r LoadReport) items() [][2]string {
	items := [][2]string{
		{"source", fmt.Sprintf("%s (%s)", r.Source, r.Format)},
		{"rows", fmt.Sprint(r.Rows)},
		{"columns read", strings.Join(r.Columns, ", ")},
		{"memory", fmt.Sprintf("%.1f MiB", float64(r.Bytes)/(1<<20))},
	}
	if len(r.Missing) > 0 {
		items = append(items, [2]string{"missing (NULL)", strings.Join(r.Missing, ", ")})
	}
	if len(r.Skipped) > 0 {
		items = append(items, [2]string{"not loaded (WithColumns)", strings.Join(r.Skipped, ", ")})
	}
	if len(r.Unknown) > 0 {
		items = append(items, [2]string{"not in the schema, ignored", strings.Join(r.Unknown, ", ")})
	}
	if s := r.nullList(); s != "" {
		items = append(items, [2]string{"NULL values", s})
	}
	if s := r.checksums(); s != "" {
		items = append(items, [2]string{"page checksums", s})
	}
	for _, n := range r.Notes {
		items = append(items, [2]string{"note", n})
	}
	return items
}

// Markdown renders the report as a two-column table.
func (r LoadReport) Markdown() string {
	var b strings.Builder
	b.WriteString("| load | |\n|---|---|\n")
	for _, it := range r.items() {
		fmt.Fprintf(&b, "| %s | %s |\n", mdEscape(it[0]), mdEscape(it[1]))
	}
	return b.String()
}

// HTML renders the report as a two-column table.
func (r LoadReport) HTML() string {
	var b strings.Builder
	b.WriteString("<table>\n")
	for _, it := range r.items() {
		fmt.Fprintf(&b, "<tr><th style=\"text-align:left\">%s</th><td style=\"text-align:left\">%s</td></tr>\n", html.EscapeString(it[0]), html.EscapeString(it[1]))
	}
	b.WriteString("</table>\n")
	return b.String()
}

func mdEscape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// Load reads aggregates from a file: Parquet (by the "PAR1" magic), gzip-compressed
// CSV (by the gzip magic, whatever the name) or plain CSV.
func Load(path string, opts ...LoadOption) (*Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}
	defer f.Close()
	name := filepath.Base(path)
	var magic [4]byte
	n, _ := io.ReadFull(f, magic[:])
	if n == 4 && string(magic[:]) == "PAR1" {
		st, err := f.Stat()
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", name, err)
		}
		return LoadParquet(f, st.Size(), name, opts...)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("load %s: %w", name, err)
	}
	return LoadCSV(f, name, opts...)
}

// LoadFS reads aggregates from path in fsys (for example the embedded datasets), as
// Load does from a file.
func LoadFS(fsys fs.FS, path string, opts ...LoadOption) (*Table, error) {
	f, err := fsys.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}
	defer f.Close()
	return LoadReader(f, filepath.Base(path), opts...)
}

// LoadReader reads aggregates from r, CSV (plain or gzip) or Parquet, detected by
// magic bytes; name is used in messages. Parquet needs random access: when r is not
// an io.ReaderAt with a known size, it is read into memory first.
func LoadReader(r io.Reader, name string, opts ...LoadOption) (*Table, error) {
	size := inputSize(r)
	br := bufio.NewReaderSize(r, 1<<16)
	magic, _ := br.Peek(4)
	if string(magic) != "PAR1" {
		return LoadCSV(br, name, append(opts, withSize(size))...)
	}
	data, err := io.ReadAll(br)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", name, err)
	}
	return LoadParquet(bytes.NewReader(data), int64(len(data)), name, opts...)
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
