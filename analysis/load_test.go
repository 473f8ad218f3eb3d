package analysis

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
	"github.com/parquet-go/parquet-go"
)

// schemaHeader lists every schema column, in schema order.
func schemaHeader() []string { return columnNames[:] }

// rowRecord formats r as CSV fields in schema order; NULL strings and times are empty.
func rowRecord(r Row) []string {
	ts := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(time.RFC3339)
	}
	rec := []string{ts(r.WindowStart), ts(r.WindowEnd)}
	for _, p := range r.strPtrs() {
		rec = append(rec, *p)
	}
	rec = append(rec, strconv.FormatFloat(r.UsageHours, 'g', -1, 64))
	for _, p := range r.intPtrs() {
		rec = append(rec, strconv.FormatInt(*p, 10))
	}
	return rec
}

// writeCSV writes rows with encoding/csv, which quotes fields that need it.
func writeCSV(t testing.TB, rows []Row) []byte {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(schemaHeader())
	for _, r := range rows {
		w.Write(rowRecord(r))
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// randomRows makes n rows (fixed seed) whose strings include commas, quotes and
// newlines, with experiment rows and a spread of versions and platforms.
func randomRows(seed uint64, n int) []Row {
	rng := rand.New(rand.NewPCG(seed, 7))
	versions := []string{"99.0", "99.0.1", "100.0", "100.0.2", "64.0b4", "64.0b10", "57.0a1", "60.0esr"}
	oses := []string{"Windows_NT", "Darwin", "Linux", "Windows", "Mac"}
	countries := []string{"US", "DE", "FR", "a,b", `q"uote`, "multi\nline", ""}
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	rows := make([]Row, n)
	for i := range rows {
		ws := start.Add(time.Duration(rng.IntN(72*12)) * 5 * time.Minute)
		u := math.Round(rng.ExpFloat64()*50*1e6) / 1e6
		r := Row{
			WindowStart: ws, WindowEnd: ws.Add(5 * time.Minute),
			SubmissionDate: ws.Format("2006-01-02"),
			Channel:        []string{"release", "beta", "nightly", "esr"}[rng.IntN(4)],
			Version:        versions[rng.IntN(len(versions))],
			BuildID:        fmt.Sprintf("2026030%d120000", rng.IntN(5)),
			Application:    "Firefox",
			OSName:         oses[rng.IntN(len(oses))],
			Architecture:   "x86-64",
			Country:        countries[rng.IntN(len(countries))],
			UsageHours:     u,
			Count:          int64(1 + rng.IntN(40)),
			MainCrashes:    int64(rng.IntN(4)),
			ContentCrashes: int64(rng.IntN(6)),
			GPUCrashes:     int64(rng.IntN(200)),
		}
		r.ContentShutdownCrashes = int64(rng.IntN(int(r.ContentCrashes) + 1))
		r.StartupCrashes = int64(rng.IntN(100000)) // needs a wider integer column
		if i == n/2 {
			r.PluginCrashes = 1 << 40 // and one that needs 64 bits
		}
		if rng.IntN(5) == 0 {
			r.ExperimentID, r.ExperimentBranch = "exp-1", []string{"control", "treatment"}[rng.IntN(2)]
		}
		rows[i] = r
	}
	return rows
}

func tableRows(t *Table) []Row {
	out := make([]Row, t.Len())
	for i := range out {
		out[i] = t.Row(i)
	}
	return out
}

func TestLoadCSVRoundTrip(t *testing.T) {
	rows := randomRows(1, 3000)
	data := writeCSV(t, rows)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(data)
	zw.Close()
	// Small blocks make records, quoted newlines included, straddle block ends.
	defer func(n int) { csvChunkSize = n }(csvChunkSize)
	csvChunkSize = 700
	for _, tc := range []struct {
		name    string
		in      []byte
		workers int
		format  string
	}{
		{"plain 1 worker", data, 1, "csv"},
		{"plain 3 workers", data, 3, "csv"},
		{"gzip", gz.Bytes(), 2, "csv.gz"},
	} {
		tab, err := LoadCSV(bytes.NewReader(tc.in), "rows.csv", WithWorkers(tc.workers))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := tableRows(tab); !reflect.DeepEqual(got, rows) {
			for i := range rows {
				if !reflect.DeepEqual(got[i], rows[i]) {
					t.Fatalf("%s: row %d = %+v, want %+v", tc.name, i, got[i], rows[i])
				}
			}
			t.Fatalf("%s: %d rows, want %d", tc.name, len(got), len(rows))
		}
		if r := tab.LoadReport(); r.Format != tc.format || r.Rows != len(rows) || len(r.Missing) != 0 || len(r.Unknown) != 0 {
			t.Errorf("%s: report %+v", tc.name, r)
		}
	}
}

func TestLoadCSVLayout(t *testing.T) {
	in := "\xef\xbb\xbfWindow_Start,os_name,usage_hours,main_crashes,e10s_enabled,version\r\n" +
		"2017-06-29T01:00:00Z,Windows_NT,1.5,2,true,100.0\r\n" +
		"\r\n" +
		"2017-06-29 01:05:00,Darwin,,,false,\"99.0.1\"\n" +
		"2017-06-29T01:10:00.5Z,\"Li\nnux\",2,3,true,64.0b10"
	tab, err := LoadCSV(strings.NewReader(in), "layout.csv")
	if err != nil {
		t.Fatal(err)
	}
	if tab.Len() != 3 {
		t.Fatalf("%d rows, want 3", tab.Len())
	}
	r := tab.LoadReport()
	if !reflect.DeepEqual(r.Unknown, []string{"e10s_enabled"}) {
		t.Errorf("Unknown = %v, want [e10s_enabled]", r.Unknown)
	}
	if r.Nulls["usage_hours"] != 1 || r.Nulls["main_crashes"] != 1 {
		t.Errorf("Nulls = %v, want usage_hours 1, main_crashes 1", r.Nulls)
	}
	if !tab.Has("window_start") || tab.Has("window_end") {
		t.Errorf("Has: window_start %v, window_end %v", tab.Has("window_start"), tab.Has("window_end"))
	}
	r1 := tab.Row(1)
	if !math.IsNaN(r1.UsageHours) || r1.MainCrashes != 0 || r1.Version != "99.0.1" || !r1.WindowStart.Equal(time.Date(2017, 6, 29, 1, 5, 0, 0, time.UTC)) {
		t.Errorf("row 1 = %+v", r1)
	}
	r2 := tab.Row(2)
	if r2.OSName != "Li\nnux" || r2.WindowStart.Nanosecond() != 5e8 || r2.WindowStart.Location() != time.UTC {
		t.Errorf("row 2 = %+v", r2)
	}
	// Rows keep their source lines past the blank line and the quoted newline.
	for i, want := range []string{"layout.csv: line 2", "layout.csv: line 4", "layout.csv: line 5"} {
		if got := tab.where(i); got != want {
			t.Errorf("where(%d) = %q, want %q", i, got, want)
		}
	}
}

func TestLoadCSVErrors(t *testing.T) {
	head := "window_start,version,usage_hours,main_crashes\n"
	good := "2017-06-29T01:00:00Z,55.0,1.5,2\n"
	for _, tc := range []struct {
		name, in, want string
		line           int
		column         string
	}{
		{"bad float", head + good + good + "2017-06-29T01:00:00Z,55.0,abc,2\n", `load bad.csv: line 4: column "usage_hours": "abc" is not a number`, 4, "usage_hours"},
		{"bad int", head + good + "2017-06-29T01:00:00Z,55.0,1.5,2.5\n", `load bad.csv: line 3: column "main_crashes": "2.5" is not an integer`, 3, "main_crashes"},
		{"bad time", head + "2017-13-29T01:00:00Z,55.0,1.5,2\n", `load bad.csv: line 2: column "window_start": "2017-13-29T01:00:00Z" is not a timestamp`, 2, "window_start"},
		{"short row", head + good + "2017-06-29T01:00:00Z,55.0,1.5\n", "load bad.csv: line 3: expected 4 fields as in the header, found 3", 3, ""},
		{"bad quote", head + good + "2017-06-29T01:00:00Z,5\"5,1.5,2\n", `load bad.csv: line 3: column "version": bare " in non-quoted-field`, 3, ""},
		{"after quoted newline", head + "2017-06-29T01:00:00Z,\"55\n.0\",1.5,2\n" + "2017-06-29T01:00:00Z,55.0,x,2\n", `load bad.csv: line 4: column "usage_hours": "x" is not a number`, 4, "usage_hours"},
	} {
		for _, workers := range []int{1, 2} {
			_, err := LoadCSV(strings.NewReader(tc.in), "bad.csv", WithWorkers(workers))
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Errorf("%s: err = %v, want a *ParseError", tc.name, err)
				continue
			}
			if !strings.HasPrefix(err.Error(), tc.want) || pe.Line != tc.line || pe.Column != tc.column {
				t.Errorf("%s: err = %q (line %d, column %q), want %q", tc.name, err, pe.Line, pe.Column, tc.want)
			}
		}
	}
	if _, err := LoadCSV(strings.NewReader("version,Version\n1,2\n"), "dup.csv"); err == nil || !strings.Contains(err.Error(), `line 1: column "Version" appears twice`) {
		t.Errorf("duplicate header: err = %v", err)
	}
}

func TestLoadCSVErrorFirstInFile(t *testing.T) {
	// Errors in several blocks parsed in parallel: the first in file order wins.
	defer func(n int) { csvChunkSize = n }(csvChunkSize)
	csvChunkSize = 64
	var b strings.Builder
	b.WriteString("version,usage_hours\n")
	for i := 0; i < 200; i++ {
		if i == 120 || i == 170 || i == 190 {
			b.WriteString("1.0,bad\n")
		} else {
			b.WriteString("1.0,2.5\n")
		}
	}
	_, err := LoadCSV(strings.NewReader(b.String()), "many.csv", WithWorkers(4))
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 122 {
		t.Fatalf("err = %v, want line 122", err)
	}
}

const v1Sample = "testdata/missioncontrol_sample_error_aggregates_v1.snappy.parquet"

// TestLoadParquetV1 checks the page-level loader against parquet-go's own row reader
// on the 100 real rows of the v1 format.
func TestLoadParquetV1(t *testing.T) {
	tab, err := Load(v1Sample)
	if err != nil {
		t.Fatal(err)
	}
	r := tab.LoadReport()
	if r.Rows != 100 || r.Format != "parquet" || len(r.Unknown) != 31 {
		t.Errorf("report: %d rows, format %s, %d unknown columns; want 100, parquet, 31", r.Rows, r.Format, len(r.Unknown))
	}
	if !reflect.DeepEqual(r.Missing, []string{"submission_date", "display_version", "startup_crashes"}) {
		t.Errorf("Missing = %v", r.Missing)
	}
	f, err := os.Open(v1Sample)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	idx := map[string]int{}
	for i, c := range pf.Schema().Columns() {
		idx[c[0]] = i
	}
	rows := make([]parquet.Row, 100)
	rr := pf.RowGroups()[0].Rows()
	n, err := rr.ReadRows(rows)
	if n != 100 || (err != nil && err != io.EOF) {
		t.Fatalf("reference reader: %d rows, %v", n, err)
	}
	rr.Close()
	nulls := map[string]int{}
	for i, pr := range rows {
		got := tab.Row(i)
		val := func(name string) parquet.Value { return pr[idx[name]] }
		for k, p := range got.strPtrs() {
			c := column(k) + firstStr
			if _, ok := idx[c.String()]; !ok {
				continue
			}
			v := val(c.String())
			want := ""
			if !v.IsNull() {
				want = string(v.ByteArray())
			}
			if *p != want {
				t.Errorf("row %d %s = %q, want %q", i, c, *p, want)
			}
		}
		for k, p := range got.intPtrs() {
			c := column(k) + firstInt
			if _, ok := idx[c.String()]; !ok {
				continue
			}
			v := val(c.String())
			want := int64(0)
			if v.IsNull() {
				nulls[c.String()]++
			} else {
				want = v.Int64()
			}
			if *p != want {
				t.Errorf("row %d %s = %d, want %d", i, c, *p, want)
			}
		}
		if u := val("usage_hours").Double(); got.UsageHours != u {
			t.Errorf("row %d usage_hours = %g, want %g", i, got.UsageHours, u)
		}
		// INT96: nanoseconds of the day in the low 8 bytes, Julian day in the high 4.
		for _, tc := range []struct {
			name string
			got  time.Time
		}{{"window_start", got.WindowStart}, {"window_end", got.WindowEnd}} {
			b := val(tc.name).Bytes()
			day := int64(uint32(b[8]) | uint32(b[9])<<8 | uint32(b[10])<<16 | uint32(b[11])<<24)
			var nanos int64
			for j := 7; j >= 0; j-- {
				nanos = nanos<<8 | int64(b[j])
			}
			want := time.Date(-4713, time.November, 24, 12, 0, 0, 0, time.UTC).Add(-12*time.Hour).AddDate(0, 0, int(day)).Add(time.Duration(nanos))
			if !tc.got.Equal(want) {
				t.Errorf("row %d %s = %v, want %v", i, tc.name, tc.got, want)
			}
		}
	}
	for c, n := range nulls {
		if r.Nulls[c] != n {
			t.Errorf("Nulls[%s] = %d, want %d", c, r.Nulls[c], n)
		}
	}
	// The first row, read by hand with parquet-go's row dump.
	if r0 := tab.Row(0); r0.Channel != "beta" || r0.Version != "55.0" || r0.Country != "JO" ||
		!r0.WindowStart.Equal(time.Date(2017, 6, 29, 1, 0, 0, 0, time.UTC)) || !r0.WindowEnd.Equal(time.Date(2017, 6, 29, 1, 5, 0, 0, time.UTC)) {
		t.Errorf("row 0 = %+v", r0)
	}
}

func TestLoadParquetColumns(t *testing.T) {
	all, err := Load(v1Sample)
	if err != nil {
		t.Fatal(err)
	}
	some, err := Load(v1Sample, WithColumns("os_name", "usage_hours", "main_crashes"))
	if err != nil {
		t.Fatal(err)
	}
	if got := some.LoadReport().Columns; !reflect.DeepEqual(got, []string{"os_name", "usage_hours", "main_crashes"}) {
		t.Errorf("Columns = %v", got)
	}
	if r := some.LoadReport(); len(r.Skipped) != 17 || !reflect.DeepEqual(r.Missing, all.LoadReport().Missing) {
		t.Errorf("Skipped = %v, Missing = %v", r.Skipped, r.Missing)
	}
	csvSome, err := LoadCSV(bytes.NewReader(writeCSV(t, randomRows(2, 10))), "some.csv", WithColumns("version", "usage_hours"))
	if err != nil {
		t.Fatal(err)
	}
	if r := csvSome.LoadReport(); len(r.Columns) != 2 || len(r.Skipped) != 21 || len(r.Missing) != 0 {
		t.Errorf("CSV WithColumns: Columns %v, Skipped %v, Missing %v", r.Columns, r.Skipped, r.Missing)
	}
	q := Query{By: []string{"platform"}, Measures: []string{"main_crashes"}}
	a, _ := all.Sums(q)
	b, _ := some.Sums(q)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("sums differ:\nall  %+v\nsome %+v", a, b)
	}
	if _, err := Load(v1Sample, WithColumns("usage_hours", "bogus")); err == nil {
		t.Error("WithColumns(bogus) loaded")
	}
}

func TestLoadDataFrame(t *testing.T) {
	rows := randomRows(3, 500)
	for i := range rows {
		rows[i].ExperimentID, rows[i].ExperimentBranch = "", "" // gota reads "" as a value, not NULL
	}
	records := [][]string{schemaHeader()}
	for _, r := range rows {
		records = append(records, rowRecord(r))
	}
	types := map[string]series.Type{"usage_hours": series.Float}
	for c := colCount; c < numColumns; c++ {
		types[c.String()] = series.Int
	}
	df := dataframe.LoadRecords(records, dataframe.DetectTypes(false), dataframe.DefaultType(series.String), dataframe.WithTypes(types))
	tab, err := FromDataFrame(df, "frame")
	if err != nil {
		t.Fatal(err)
	}
	if got := tableRows(tab); !reflect.DeepEqual(got, rows) {
		t.Fatalf("rows differ after FromDataFrame; first: %+v vs %+v", got[0], rows[0])
	}
	// And back: the table's DataFrame loads into the same table.
	back, err := FromDataFrame(tab.DataFrame(), "back")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(tableRows(back), rows) {
		t.Error("Table.DataFrame does not round-trip")
	}
	bad := dataframe.LoadRecords([][]string{{"main_crashes"}, {"1.5"}}, dataframe.WithTypes(map[string]series.Type{"main_crashes": series.Float}))
	if _, err := FromDataFrame(bad, "bad frame"); err == nil || err.Error() != `load bad frame: row 1: column "main_crashes": "1.500000" is not an integer` {
		t.Errorf("err = %v", err)
	}
}

func TestLoadFileAndFS(t *testing.T) {
	rows := randomRows(4, 50)
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(writeCSV(t, rows))
	zw.Close()
	// A gzip file without a .gz name is still detected by its magic bytes.
	path := filepath.Join(dir, "agg.csv")
	if err := os.WriteFile(path, gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	tab, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(tableRows(tab), rows) || tab.LoadReport().Format != "csv.gz" {
		t.Error("gzip file without .gz name did not round-trip")
	}
	tab, err = LoadFS(os.DirFS("testdata"), filepath.Base(v1Sample))
	if err != nil || tab.Len() != 100 {
		t.Errorf("LoadFS parquet: %v, %d rows", err, tab.Len())
	}
}

func TestParseDecimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	cases := []string{"0", "0.0", "1.", ".5", "12.3456", "999999999999999", "0.000000000000001", "123456789.012345"}
	for i := 0; i < 20000; i++ {
		cases = append(cases, strconv.FormatFloat(rng.ExpFloat64()*math.Pow(10, float64(rng.IntN(12)-4)), 'f', rng.IntN(10), 64))
	}
	for _, c := range cases {
		want, err := strconv.ParseFloat(c, 64)
		got, ok := parseDecimal([]byte(c))
		if ok && (err != nil || math.Float64bits(got) != math.Float64bits(want)) {
			t.Fatalf("parseDecimal(%q) = %v, strconv gives %v (%v)", c, got, want, err)
		}
	}
	for _, c := range []string{"", ".", "1e5", "-1", "1.2.3", "1234567890123456", "NaN"} {
		if _, ok := parseDecimal([]byte(c)); ok {
			t.Errorf("parseDecimal(%q) took the fast path", c)
		}
	}
}

func TestTableShowsItself(t *testing.T) {
	tab, err := LoadCSV(strings.NewReader("window_start,os_name,usage_hours,main_crashes\n2018-01-23T00:00:00Z,Linux,1.5,2\n"), "one.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := "one.csv: 1 rows × 4 columns\nwindow_start          os_name  usage_hours  main_crashes\n2018-01-23T00:00:00Z  Linux    1.5          2\n"
	if got := tab.String(); got != want {
		t.Errorf("String() =\n%s\nwant\n%s", got, want)
	}
	if h := tab.HTML(); !strings.Contains(h, "<td>2018-01-23T00:00:00Z</td><td>Linux</td><td>1.5</td><td>2</td>") {
		t.Errorf("HTML() =\n%s", h)
	}
}

// pqRow is a Parquet layout unlike the v1 files: INT64 timestamps, dictionary and
// optional strings, a nullable INT64 count, an INT32 count and an unknown column.
type pqRow struct {
	WindowStart    time.Time `parquet:"window_start,timestamp(microsecond)"`
	Channel        string    `parquet:"channel,dict"`
	Version        string    `parquet:"version,dict,optional"`
	OSName         string    `parquet:"os_name,dict"`
	Country        string    `parquet:"country,optional"`
	UsageHours     float64   `parquet:"usage_hours"`
	MainCrashes    *int64    `parquet:"main_crashes,optional"`
	ContentCrashes int32     `parquet:"content_crashes"`
	Cohort         string    `parquet:"e10s_cohort"`
}

func TestLoadParquetWritten(t *testing.T) {
	rows := randomRows(6, 5000)
	var buf bytes.Buffer
	w := parquet.NewGenericWriter[pqRow](&buf, parquet.MaxRowsPerRowGroup(700), parquet.PageBufferSize(512))
	nullMain := 0
	for i, r := range rows {
		pr := pqRow{WindowStart: r.WindowStart, Channel: r.Channel, Version: r.Version, OSName: r.OSName, Country: r.Country,
			UsageHours: r.UsageHours, ContentCrashes: int32(r.ContentCrashes), Cohort: "x"}
		if i%3 == 0 {
			rows[i].Version = "" // written as NULL
		}
		pr.Version = rows[i].Version
		if i%4 == 0 {
			nullMain++
			rows[i].MainCrashes = 0
		} else {
			m := r.MainCrashes
			pr.MainCrashes = &m
		}
		if _, err := w.Write([]pqRow{pr}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	tab, err := LoadReader(bytes.NewReader(buf.Bytes()), "written.parquet")
	if err != nil {
		t.Fatal(err)
	}
	if tab.Len() != len(rows) || len(tab.segs) < 7 {
		t.Fatalf("%d rows in %d segments, want %d rows in 8 row groups", tab.Len(), len(tab.segs), len(rows))
	}
	r := tab.LoadReport()
	if !reflect.DeepEqual(r.Unknown, []string{"e10s_cohort"}) || r.Nulls["main_crashes"] != nullMain {
		t.Errorf("report: unknown %v, NULL main_crashes %d (want %d)", r.Unknown, r.Nulls["main_crashes"], nullMain)
	}
	for i, want := range rows {
		got := tab.Row(i)
		if !got.WindowStart.Equal(want.WindowStart) || got.Channel != want.Channel || got.Version != want.Version ||
			got.OSName != want.OSName || got.Country != want.Country || got.UsageHours != want.UsageHours ||
			got.MainCrashes != want.MainCrashes || got.ContentCrashes != want.ContentCrashes {
			t.Fatalf("row %d = %+v, want %+v", i, got, want)
		}
	}
}

func TestLoadCSVEmpty(t *testing.T) {
	tab, err := LoadCSV(strings.NewReader("window_start,usage_hours\n"), "header-only.csv")
	if err != nil || tab.Len() != 0 {
		t.Fatalf("header only: %v, %d rows", err, tab.Len())
	}
	s, err := tab.Sums(Query{By: []string{"version"}, Grain: time.Hour})
	if err != nil || s.Len() != 0 {
		t.Errorf("sums of an empty table: %v, %d groups", err, s.Len())
	}
	if _, err := LoadCSV(strings.NewReader(""), "empty.csv"); err == nil || !strings.Contains(err.Error(), "empty input") {
		t.Errorf("empty input: err = %v", err)
	}
}
