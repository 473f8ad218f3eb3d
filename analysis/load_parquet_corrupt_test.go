package analysis

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

var allFlips = flag.Bool("allflips", false, "flip every byte of the Parquet test files (minutes), not a sample")

// writeTestParquet writes rows the way parquet-go writes by default (data pages
// v2 with a CRC in every page header), in row groups of 200 rows.
func writeTestParquet(t testing.TB, rows []Row, opts ...parquet.WriterOption) []byte {
	t.Helper()
	var buf bytes.Buffer
	opts = append([]parquet.WriterOption{parquet.MaxRowsPerRowGroup(200), parquet.PageBufferSize(1024)}, opts...)
	w := parquet.NewGenericWriter[pqRow](&buf, opts...)
	for i, r := range rows {
		pr := pqRow{WindowStart: r.WindowStart, Channel: r.Channel, Version: r.Version, OSName: r.OSName, Country: r.Country,
			UsageHours: r.UsageHours, ContentCrashes: int32(r.ContentCrashes), Cohort: "x"}
		if i%4 != 0 {
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
	return buf.Bytes()
}

// loadBounded loads data as the named file and checks what every load of any
// input must satisfy: no panic escapes (a panic on a loader goroutine would end
// the test binary), an error names the file, and the bytes allocated stay within
// allocBound of the input's size.
func loadBounded(t testing.TB, data []byte, name string) (*Table, error) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	tab, err := LoadReader(bytes.NewReader(data), name, WithWorkers(2))
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	if alloc > allocBound(len(data)) {
		t.Errorf("loading %d bytes allocated %d bytes (bound %d)", len(data), alloc, allocBound(len(data)))
	}
	maxAlloc = max(maxAlloc, alloc)
	if err != nil && !strings.HasPrefix(err.Error(), "load "+name+":") {
		t.Errorf("error does not name the file: %v", err)
	}
	return tab, err
}

// allocBound is the most a load of n input bytes may allocate: fixed buffers
// (the CSV reader's 4 MiB blocks, one per worker and two spare; parquet-go's
// pools) plus a multiple of the input. A Parquet file may claim up to
// maxRowsPerByte rows a byte, a gzip stream expands up to 1032 times, and a row
// takes about 150 bytes in the typed columns.
func allocBound(n int) uint64 { return 48<<20 + 512*uint64(n) }

// maxAlloc is the most one loadBounded call allocated, for the sweep's log.
var maxAlloc uint64

// flipOutcome is what one corrupted file did.
type flipOutcome string

const (
	flipError    flipOutcome = "error"
	flipSame     flipOutcome = "loaded, same data"
	flipReported flipOutcome = "loaded, columns changed (LoadReport shows it)"
	flipSilent   flipOutcome = "loaded, different values"
)

// flipSweep corrupts one byte of data at a time (XOR 0x01, a one-bit error, and
// XOR a random non-zero byte) at the given positions, loads each result, and
// classifies it against the load of the intact file.
func flipSweep(t *testing.T, name string, data []byte, positions []int, each func(pos int, o flipOutcome, err error)) map[flipOutcome]int {
	t.Helper()
	orig, err := LoadReader(bytes.NewReader(data), name)
	if err != nil {
		t.Fatal(err)
	}
	want, wantReport := fmt.Sprint(tableRows(orig)), orig.LoadReport()
	rng := rand.New(rand.NewPCG(11, uint64(len(data))))
	counts := map[flipOutcome]int{}
	for _, pos := range positions {
		for _, mask := range []byte{1, byte(1 + rng.IntN(255))} {
			d := bytes.Clone(data)
			d[pos] ^= mask
			tab, err := loadBounded(t, d, name)
			var o flipOutcome
			switch {
			case err != nil:
				o = flipError
			case fmt.Sprint(tableRows(tab)) == want:
				o = flipSame
			case !reflect.DeepEqual(tab.LoadReport().Columns, wantReport.Columns) || !reflect.DeepEqual(tab.LoadReport().Unknown, wantReport.Unknown):
				o = flipReported
			default:
				o = flipSilent
			}
			counts[o]++
			each(pos, o, err)
		}
	}
	return counts
}

// sweepPositions is every position with -allflips, else every stride-th one,
// plus the positions always checked.
func sweepPositions(n, stride int, always ...int) []int {
	if *allFlips {
		stride = 1
	}
	var ps []int
	for p := 0; p < n; p += stride {
		ps = append(ps, p)
	}
	return append(ps, always...)
}

// pageDataRanges lists the byte ranges of the page contents (after the page
// headers) of a file's column chunks, with whether the page carries a CRC.
func pageDataRanges(t *testing.T, data []byte) (ranges [][2]int64, crc []bool) {
	md, err := pqFooter(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, rg := range md.RowGroups {
		for _, c := range rg.Columns {
			pos, end := pqChunkRange(&c.MetaData)
			for pos < end {
				h, n, err := readPageHeader(bytes.NewReader(data), pos, end)
				if err != nil {
					t.Fatal(err)
				}
				ranges = append(ranges, [2]int64{pos + n, pos + n + int64(h.CompressedPageSize)})
				crc = append(crc, h.CRC != 0)
				pos += n + int64(h.CompressedPageSize)
			}
		}
	}
	return ranges, crc
}

// TestParquetByteFlips corrupts Parquet files one byte at a time. No corruption
// may crash the process or allocate beyond allocBound; an error names the file
// (and, for a damaged page, the row group and column). With page checksums, no
// corruption may load different values unless the LoadReport shows the change
// (a damaged column name); without them, different values may load only from
// damage inside a page's contents, which nothing in the file can detect.
func TestParquetByteFlips(t *testing.T) {
	rows := randomRows(6, 400)
	for _, tc := range []struct {
		name   string
		data   []byte
		stride int
		always []int // positions that crashed the loader before it checked claims
	}{
		{"written.parquet", writeTestParquet(t, rows), 25, []int{21, 23, 1105, 1827, 1829}},
		{"written.snappy.parquet", writeTestParquet(t, rows, parquet.Compression(&parquet.Snappy)), 19, nil},
		{"missioncontrol.parquet", mustRead(t, v1Sample), 22, []int{7250, 8595, 8650, 8904, 12407}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ranges, crc := pageDataRanges(t, tc.data)
			withCRC := 0
			for _, c := range crc {
				if c {
					withCRC++
				}
			}
			footer := int64(len(tc.data)) - 8 - int64(binary.LittleEndian.Uint32(tc.data[len(tc.data)-8:]))
			maxAlloc = 0
			counts := flipSweep(t, tc.name, tc.data, sweepPositions(len(tc.data), tc.stride, tc.always...), func(pos int, o flipOutcome, err error) {
				if err != nil && pos < 4 && !strings.Contains(err.Error(), "the header is not text") {
					t.Errorf("byte %d: a damaged magic is not reported as such: %v", pos, err)
				}
				if err != nil && pos >= 4 && int64(pos) < footer && !strings.Contains(err.Error(), "row group") {
					t.Errorf("byte %d: a damaged page's error names no row group: %v", pos, err)
				}
				if o != flipSilent {
					return
				}
				for i, r := range ranges {
					if int64(pos) >= r[0] && int64(pos) < r[1] {
						if crc[i] {
							t.Errorf("byte %d: inside a page with a CRC, loaded different values", pos)
						}
						return
					}
				}
				t.Errorf("byte %d: outside any page's contents (headers, footer), loaded different values", pos)
			})
			total := 0
			for _, n := range counts {
				total += n
			}
			t.Logf("%s: %d bytes, %d of %d pages with a CRC; %d flips: %d errors, %d same, %d columns changed (reported), %d different values; at most %.1f MiB allocated by a load",
				tc.name, len(tc.data), withCRC, len(crc), total, counts[flipError], counts[flipSame], counts[flipReported], counts[flipSilent], float64(maxAlloc)/(1<<20))
		})
	}
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestParquetFooterLengthBounded: a damaged footer length once made the 16 KB
// sample allocate 2 GB before failing.
func TestParquetFooterLengthBounded(t *testing.T) {
	data := mustRead(t, v1Sample)
	binary.LittleEndian.PutUint32(data[len(data)-8:], 0x7ffffff0)
	_, err := loadBounded(t, data, "sample.parquet")
	if err == nil || !strings.Contains(err.Error(), "footer length 2147483632 is more than the file's 16705 bytes") {
		t.Errorf("err = %v", err)
	}
}

// TestFillRefusesDamagedPages: fill once indexed past a page's values or its
// dictionary, the index-out-of-range panic that ended the kernel.
func TestFillRefusesDamagedPages(t *testing.T) {
	vals := []int64{10, 20}
	for _, tc := range []struct {
		name string
		n    int
		defs []byte
		idx  []int32
		want string
	}{
		{"index beyond the dictionary", 3, nil, []int32{0, 1, 768}, "dictionary index 768 is outside the dictionary of 2 values"},
		{"negative index", 1, nil, []int32{-1}, "dictionary index -1 is outside"},
		{"fewer indexes than values", 3, nil, []int32{0, 1}, "the page holds 2 dictionary indexes"},
		{"fewer values than the header says", 3, nil, nil, "the page holds 2 values, its header says 3"},
		{"fewer levels than values", 3, []byte{1, 1}, nil, "the page holds 2 definition levels"},
		{"levels say more values", 3, []byte{1, 1, 1}, nil, "the page holds 2 values, its levels say more"},
	} {
		_, _, err := fill(nil, tc.n, tc.defs, 1, tc.idx, vals, 0)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
	got, present, err := fill(nil, 4, []byte{1, 0, 1, 1}, 1, []int32{1, 0, 1}, vals, -1)
	if err != nil || present != 3 || !reflect.DeepEqual(got, []int64{20, -1, 10, 20}) {
		t.Errorf("intact page: %v, %d present, %v", got, present, err)
	}
}

// withFooter replaces the footer of a Parquet file by md.
func withFooter(t *testing.T, data []byte, md *format.FileMetaData) []byte {
	t.Helper()
	footer, err := thrift.Marshal(new(thrift.CompactProtocol), md)
	if err != nil {
		t.Fatal(err)
	}
	n := int(binary.LittleEndian.Uint32(data[len(data)-8:]))
	out := append(bytes.Clone(data[:len(data)-8-n]), footer...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(footer)))
	return append(out, "PAR1"...)
}

// TestParquetRowCountsMustAgree: a row group claiming more or fewer rows than its
// pages hold once loaded columns of different lengths (a panic later, or rows
// misaligned); a claim beyond maxRowsPerByte is refused before any allocation.
func TestParquetRowCountsMustAgree(t *testing.T) {
	data := writeTestParquet(t, randomRows(6, 400))
	for _, tc := range []struct {
		rows int64
		want string
	}{
		{201, `load rows.parquet: row group 1 (rows from 201): column "window_start": its pages hold 200 values, but the row group has 201 rows`},
		{199, `load rows.parquet: row group 1 (rows from 201): column "window_start": page 1 (byte`},
		{1 << 40, "load rows.parquet: the file claims 1099511627976 rows in"},
	} {
		md, err := pqFooter(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		md.RowGroups[1].NumRows = tc.rows
		_, err = loadBounded(t, withFooter(t, data, md), "rows.parquet")
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%d rows: err = %v\nwant %s…", tc.rows, err, tc.want)
		}
	}
}
