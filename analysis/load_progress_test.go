package analysis

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// recordedProgress records what a load reports.
type recordedProgress struct {
	mu      sync.Mutex
	updates []progressUpdate
	final   []string
}

type progressUpdate struct {
	done, total int64
	status      string
}

func (r *recordedProgress) Update(done, total int64, status string) {
	r.mu.Lock()
	r.updates = append(r.updates, progressUpdate{done, total, status})
	r.mu.Unlock()
}

func (r *recordedProgress) Finish(status string) {
	r.mu.Lock()
	r.final = append(r.final, status)
	r.mu.Unlock()
}

// TestLoadProgress: every loader reports bytes of input read (of the file's size,
// compressed bytes for gzip), rows and a rate, at most every progressInterval,
// and finishes once with the totals.
func TestLoadProgress(t *testing.T) {
	dir := t.TempDir()
	text := simpleCSV(50000)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(text)
	zw.Close()
	files := map[string][]byte{
		"big.csv":     text,
		"big.csv.gz":  gz.Bytes(),
		"big.parquet": writeTestParquet(t, randomRows(6, 5000)),
	}
	rows := map[string]int{"big.csv": 50000, "big.csv.gz": 50000, "big.parquet": 5000}
	defer func(n int, d time.Duration) { csvChunkSize, progressInterval = n, d }(csvChunkSize, progressInterval)
	csvChunkSize = 64 << 10 // many blocks, so many reports
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		progressInterval = 0 // report at every block
		var rec recordedProgress
		if _, err := Load(path, WithProgress(&rec), WithWorkers(2)); err != nil {
			t.Fatal(err)
		}
		if len(rec.updates) < 2 || len(rec.final) != 1 {
			t.Fatalf("%s: %d updates, %d finishes", name, len(rec.updates), len(rec.final))
		}
		var last int64
		for _, u := range rec.updates {
			if u.done < last || u.done > int64(len(data)) || u.total != int64(len(data)) {
				t.Fatalf("%s: update %+v after %d bytes (file of %d)", name, u, last, len(data))
			}
			last = u.done
		}
		if u := rec.updates[len(rec.updates)-1]; !strings.Contains(u.status, " rows, ") || !strings.HasSuffix(u.status, "B/s") {
			t.Errorf("%s: status %q", name, u.status)
		}
		if want := fmt.Sprintf("%s rows, ", thousands(int64(rows[name]))); !strings.HasPrefix(rec.final[0], want) {
			t.Errorf("%s: final %q, want %s…", name, rec.final[0], want)
		}

		// Rate-limited: a load shorter than progressInterval reports nothing
		// until it finishes.
		progressInterval = time.Hour
		rec = recordedProgress{}
		if _, err := Load(path, WithProgress(&rec)); err != nil {
			t.Fatal(err)
		}
		if len(rec.updates) != 0 || len(rec.final) != 1 {
			t.Errorf("%s: %d updates within the interval", name, len(rec.updates))
		}
	}
}

// TestSetProgress: loads without WithProgress report to what SetProgress set,
// named by their input, and a failed load finishes with its error.
func TestSetProgress(t *testing.T) {
	var mu sync.Mutex
	recs := map[string]*recordedProgress{}
	SetProgress(func(name string) Progress {
		mu.Lock()
		defer mu.Unlock()
		recs[name] = &recordedProgress{}
		return recs[name]
	})
	defer SetProgress(nil)
	if _, err := LoadReader(strings.NewReader(string(simpleCSV(10))), "ok.csv"); err != nil {
		t.Fatal(err)
	}
	LoadReader(strings.NewReader("usage_hours\nx\n"), "bad.csv")
	if r := recs["ok.csv"]; r == nil || len(r.final) != 1 || !strings.HasPrefix(r.final[0], "10 rows, 426 B in ") {
		t.Errorf("ok.csv: %+v", r)
	}
	if r := recs["bad.csv"]; r == nil || len(r.final) != 1 || !strings.Contains(r.final[0], `failed after 0 rows, 14 B: load bad.csv: line 2`) {
		t.Errorf("bad.csv: %+v", r)
	}
	SetProgress(nil)
	recs = map[string]*recordedProgress{}
	LoadReader(strings.NewReader(string(simpleCSV(10))), "quiet.csv")
	if len(recs) != 0 {
		t.Errorf("reported after SetProgress(nil): %v", recs)
	}
}

func TestByteSizeAndThousands(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 999: "999 B", 1000: "1.0 kB", 12_345_678: "12.3 MB", 4_200_000_000: "4.2 GB"} {
		if got := byteSize(n); got != want {
			t.Errorf("byteSize(%d) = %q, want %q", n, got, want)
		}
	}
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -1234: "-1,234"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
