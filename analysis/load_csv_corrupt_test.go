package analysis

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// python runs a script with Debian's /usr/bin/python3 (the independent reader for
// these checks) and decodes the JSON it prints; it skips t when python3 or a
// module the script imports is missing.
func python(t *testing.T, script string, args ...string) any {
	t.Helper()
	const py = "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		t.Skipf("%s not available: the independent check needs Debian's python3", py)
	}
	out, err := exec.Command(py, append([]string{"-c", script}, args...)...).Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) && strings.Contains(string(ee.Stderr), "ModuleNotFoundError") {
			t.Skipf("python module missing: %s", ee.Stderr)
		}
		t.Fatalf("python: %v: %s", err, out)
	}
	var v any
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("python printed %q: %v", out, err)
	}
	return v
}

// simpleCSV is a header and n rows whose last field, main_crashes, is 12345 in
// every row.
func simpleCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("window_start,version,usage_hours,main_crashes\n")
	for i := range n {
		fmt.Fprintf(&b, "2017-06-29T%02d:%02d:00Z,55.0.%d,1.5,12345\n", i/60%24, i%60, i)
	}
	return b.Bytes()
}

// gzipFlushed compresses data, flushing the compressor after the first cut bytes
// (a sync flush: the compressed stream up to that point decodes on its own, as in
// a file copied while being written). It returns the stream and the length of its
// flushed prefix.
func gzipFlushed(t *testing.T, data []byte, cut int) ([]byte, int) {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data[:cut])
	if err := zw.Flush(); err != nil {
		t.Fatal(err)
	}
	flushed := b.Len()
	zw.Write(data[cut:])
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), flushed
}

// TestGzipTruncated: a gzip file cut short once loaded as a clean shorter file
// (cut at a flush point after a line: 30,000 of 60,000 rows; inside a line: its
// last value 12 for 12345), and a random cut gave a field-count error about the
// half line. Every cut is now an error saying "truncated gzip" with the last
// complete line, whose number Python's zlib agrees with.
func TestGzipTruncated(t *testing.T) {
	data := simpleCSV(60000)
	half := bytes.Index(data, []byte("55.0.30000,")) - len("2017-06-29T20:00:00Z,") // line 30002 starts here
	cases := map[string][]byte{}
	z, flushed := gzipFlushed(t, data, half)
	cases["at a flush point after line 30001"] = z[:flushed]
	z, flushed = gzipFlushed(t, data, half-3) // "…,1.5,12" of line 30001
	cases["at a flush point inside line 30001"] = z[:flushed]
	full, _ := gzipFlushed(t, data, len(data))
	rng := rand.New(rand.NewPCG(3, 4))
	for range 12 {
		n := 10 + rng.IntN(len(full)-10)
		cases[fmt.Sprintf("at byte %d of %d", n, len(full))] = full[:n]
	}
	cases["inside the gzip trailer"] = full[:len(full)-4]

	dir := t.TempDir()
	var names []string
	for name, b := range cases {
		path := filepath.Join(dir, fmt.Sprintf("cut%d.csv.gz", len(names)))
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	// Python's zlib, fed each file, says how many complete lines came out and
	// whether the stream ended (gzip.open(...).read() raises EOFError if not).
	ref := python(t, `
import json, sys, zlib, gzip
out = []
for path in sys.argv[1:]:
    raw = open(path, "rb").read()
    text = zlib.decompressobj(wbits=31).decompress(raw)
    try:
        gzip.open(path).read(); ended = True
    except EOFError:
        ended = False
    lines = text.split(b"\n")
    out.append({"complete": len(lines) - 1, "last": lines[-2].decode() if len(lines) > 1 else "", "ended": ended})
print(json.dumps(out))`, globPaths(dir, len(names))...).([]any)

	for i, name := range names {
		path := filepath.Join(dir, fmt.Sprintf("cut%d.csv.gz", i))
		r := ref[i].(map[string]any)
		if r["ended"].(bool) {
			t.Fatalf("%s: Python read the cut file as complete", name)
		}
		_, err := Load(path)
		complete := int(r["complete"].(float64))
		want := fmt.Sprintf("load %s: truncated gzip: the stream ends after line %d, the last complete line: %q", filepath.Base(path), complete, r["last"])
		if complete <= 1 {
			want = fmt.Sprintf("load %s: truncated gzip", filepath.Base(path))
		}
		if err == nil || !errors.Is(err, errTruncatedGzip) || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s:\n got %v\nwant %s", name, err, want)
		}
	}
	// The whole stream still loads, every row.
	if tab, err := LoadReader(bytes.NewReader(full), "full.csv.gz"); err != nil || tab.Len() != 60000 {
		t.Fatalf("intact file: %v", err)
	}
}

func globPaths(dir string, n int) []string {
	paths := make([]string, n)
	for i := range paths {
		paths[i] = filepath.Join(dir, fmt.Sprintf("cut%d.csv.gz", i))
	}
	return paths
}

// TestCSVClassicMacLineEndings: a CSV saved with CR-only line endings once loaded
// as a header with 0 rows and no error. It now loads every row, as pandas reads
// it, and the LoadReport says what was converted.
func TestCSVClassicMacLineEndings(t *testing.T) {
	rows := randomRows(4, 300) // with quoted commas, quotes and line breaks in fields
	data := bytes.ReplaceAll(writeCSV(t, rows), []byte("\n"), []byte("\r"))
	path := filepath.Join(t.TempDir(), "mac.csv")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 3} {
		defer func(n int) { csvChunkSize = n }(csvChunkSize)
		csvChunkSize = 4096 // many blocks
		tab, err := Load(path, WithWorkers(workers))
		if err != nil {
			t.Fatal(err)
		}
		if tab.Len() != len(rows) {
			t.Fatalf("%d rows, want %d", tab.Len(), len(rows))
		}
		for i, got := range tableRows(tab) {
			want := rows[i]
			// A line break inside a quoted field was a CR too; it reads as LF.
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("row %d = %+v\nwant %+v", i, got, want)
			}
		}
		if n := tab.LoadReport().Notes; len(n) != 1 || !strings.Contains(n[0], "CR only") {
			t.Errorf("notes %q", n)
		}
	}
	ref := python(t, `
import json, sys, pandas
df = pandas.read_csv(sys.argv[1], keep_default_na=False)
print(json.dumps({"rows": len(df), "main": int(df["main_crashes"].sum())}))`, path).(map[string]any)
	tab, _ := Load(path)
	s, err := tab.Sums(Query{Measures: []string{"main_crashes"}, Where: map[string][]string{}})
	if err != nil {
		t.Fatal(err)
	}
	var all int64
	for _, r := range tableRows(tab) {
		all += r.MainCrashes
	}
	if int(ref["rows"].(float64)) != tab.Len() || int64(ref["main"].(float64)) != all {
		t.Errorf("pandas reads %v rows, main_crashes %v; ratelab %d rows, %d (population sums %v)", ref["rows"], ref["main"], tab.Len(), all, s.Measures)
	}
	// CRLF files are unchanged: no note.
	crlf := bytes.ReplaceAll(simpleCSV(3), []byte("\n"), []byte("\r\n"))
	if tab, err := LoadReader(bytes.NewReader(crlf), "dos.csv"); err != nil || tab.Len() != 3 || len(tab.LoadReport().Notes) != 0 {
		t.Errorf("CRLF: %v", err)
	}
}

// TestCSVInvalidUTF8: text in another encoding was accepted silently, and
// replacing its bytes would merge different values ("Réunion" and "Rèunion"
// both "R�union"). It is an error naming line, column and byte, with the fix.
// pandas refuses the same file (UnicodeDecodeError).
func TestCSVInvalidUTF8(t *testing.T) {
	data := []byte("window_start,country,usage_hours\n2017-06-29T01:00:00Z,FR,1.5\n2017-06-29T01:00:00Z,R\xe9union,2\n")
	path := filepath.Join(t.TempDir(), "latin1.csv")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path)
	want := `load latin1.csv: line 3: column "country": "R\xe9union" is not valid UTF-8: byte 0xE9 at byte 2; if the file is in another encoding`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("err = %v\nwant %s…", err, want)
	}
	ref := python(t, `
import json, sys, pandas
try:
    pandas.read_csv(sys.argv[1]); print(json.dumps("read"))
except UnicodeDecodeError:
    print(json.dumps("UnicodeDecodeError"))`, path)
	if ref != "UnicodeDecodeError" {
		t.Errorf("pandas: %v", ref)
	}
	// A binary file (here a Parquet file whose magic is damaged) is not read as a
	// CSV with strange column names.
	pq := mustRead(t, v1Sample)
	pq[0] ^= 1
	_, err = LoadReader(bytes.NewReader(pq), "damaged.parquet")
	if err == nil || !strings.Contains(err.Error(), "load damaged.parquet: line 1: the header is not text: a NUL byte at byte") {
		t.Errorf("binary input: %v", err)
	}
}
