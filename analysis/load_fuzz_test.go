package analysis

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// The fuzz targets below run their committed seed corpus (testdata/fuzz/NAME) with
// every `go test`, and fuzz for a bounded time in `make fuzz` (part of `make
// test`). Each input must load without a panic and within allocBound (loadBounded),
// and what loads must be consistent: what the checks describe per target.

var updateCorpus = flag.Bool("update-fuzz-corpus", false, "rewrite the seed corpora in testdata/fuzz")

// FuzzLoadCSV: plain CSV text. A load that succeeds gives the same rows whatever
// the block size and the number of workers.
func FuzzLoadCSV(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
			return // gzip: FuzzLoadGzip
		}
		tab, err := loadBounded(t, data, "fuzz.csv")
		defer func(n int) { csvChunkSize = n }(csvChunkSize)
		csvChunkSize = 64
		small, err2 := LoadReader(bytes.NewReader(data), "fuzz.csv", WithWorkers(3))
		if (err == nil) != (err2 == nil) {
			t.Fatalf("4 MiB blocks: %v; 64-byte blocks, 3 workers: %v", err, err2)
		}
		if err == nil && fmt.Sprint(tableRows(tab)) != fmt.Sprint(tableRows(small)) {
			t.Fatalf("rows differ with 64-byte blocks")
		}
	})
}

// FuzzLoadGzip: gzip-compressed CSV. A load that succeeds read a complete,
// intact gzip stream (compress/gzip reads it to its end without an error: no
// truncated or damaged stream loads), and gives the rows of its text.
func FuzzLoadGzip(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
			return
		}
		tab, err := loadBounded(t, data, "fuzz.csv.gz")
		if err != nil {
			return
		}
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("loaded, but the gzip header is bad: %v", err)
		}
		text, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("loaded %d rows from a gzip stream that is not intact: %v", tab.Len(), err)
		}
		plain, err := LoadReader(bytes.NewReader(text), "fuzz.csv.gz")
		if err != nil || fmt.Sprint(tableRows(plain)) != fmt.Sprint(tableRows(tab)) {
			t.Fatalf("the decompressed text loads differently: %v", err)
		}
	})
}

// FuzzLoadParquet: Parquet files. A load that succeeds has as many rows as the
// footer says, every column as long as the table.
func FuzzLoadParquet(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 4 || string(data[:4]) != "PAR1" {
			return
		}
		tab, err := loadBounded(t, data, "fuzz.parquet")
		if err != nil {
			return
		}
		md, err := pqFooter(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatalf("loaded, but the footer fails its checks: %v", err)
		}
		var rows int64
		for _, rg := range md.RowGroups {
			rows += rg.NumRows
		}
		if int64(tab.Len()) != rows {
			t.Fatalf("%d rows loaded, the footer's row groups hold %d", tab.Len(), rows)
		}
		tableRows(tab) // every column as long as the table, or this panics
	})
}

// TestWriteFuzzCorpus rewrites the seed corpora with -update-fuzz-corpus: small
// valid files of each kind and the damage the corrupt-file tests found.
func TestWriteFuzzCorpus(t *testing.T) {
	if !*updateCorpus {
		t.Skip("run with -update-fuzz-corpus to rewrite testdata/fuzz")
	}
	csvText := writeCSV(t, randomRows(1, 12)) // quotes, commas and line breaks in fields
	gz := func(b []byte) []byte {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(b)
		zw.Close()
		return buf.Bytes()
	}
	z, flushed := gzipFlushed(t, simpleCSV(40), 500)
	small := randomRows(2, 30)
	pq := func(opts ...parquet.WriterOption) []byte {
		return writeTestParquet(t, small, append([]parquet.WriterOption{parquet.MaxRowsPerRowGroup(12)}, opts...)...)
	}
	sample := mustRead(t, v1Sample)
	damaged := bytes.Clone(sample)
	binary.LittleEndian.PutUint32(damaged[len(damaged)-8:], 0x7ffffff0)
	corpus := map[string]map[string][]byte{
		"FuzzLoadCSV": {
			"rows":        csvText,
			"simple":      simpleCSV(5),
			"cr-only":     bytes.ReplaceAll(csvText, []byte("\n"), []byte("\r")),
			"crlf":        bytes.ReplaceAll(simpleCSV(3), []byte("\n"), []byte("\r\n")),
			"latin1":      []byte("window_start,country,usage_hours\n2017-06-29T01:00:00Z,R\xe9union,2\n"),
			"header-only": []byte("window_start,usage_hours\n"),
			"bad-number":  []byte("usage_hours,main_crashes\n1.5,x\n"),
		},
		"FuzzLoadGzip": {
			"rows":              gz(csvText),
			"flushed":           z,
			"cut-at-flush":      z[:flushed],
			"cut-in-trailer":    z[:len(z)-3],
			"two-members":       append(gz(simpleCSV(2)), gz([]byte("2017-06-29T05:00:00Z,55.0.9,1.5,3\n"))...),
			"cut-in-the-header": gz(simpleCSV(1))[:6],
		},
		"FuzzLoadParquet": {
			"v2-plain":              pq(),
			"v2-snappy":             pq(parquet.Compression(&parquet.Snappy)),
			"v2-zstd":               pq(parquet.Compression(&parquet.Zstd)),
			"v1-pages":              pq(parquet.DataPageVersion(1)),
			"footer-length-damaged": damaged,
			"missioncontrol-v1":     sample,
		},
	}
	for target, seeds := range corpus {
		dir := filepath.Join("testdata", "fuzz", target)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, b := range seeds {
			body := "go test fuzz v1\n[]byte(" + strconv.Quote(string(b)) + ")\n"
			if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
