package interp

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// bigCSV writes a CSV of n rows and returns its path.
func bigCSV(t *testing.T, n int) string {
	path := filepath.Join(t.TempDir(), "big.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("window_start,version,usage_hours,main_crashes\n")
	for i := range n {
		fmt.Fprintf(w, "2017-06-29T%02d:%02d:00Z,55.0.%d,1.5,%d\n", i/60%24, i%60, i%97, i%7)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

// syncBuffer is a strings.Builder safe for the loader goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestLoadProgressInCell: a notebook cell that loads a big file shows one
// progress bar, updated in place (rate-limited: tens of updates for 300,000
// rows), ending with the rows, bytes and rate; ProgressLog gets plain lines. A
// load shorter than LoadProgressAfter shows nothing.
func TestLoadProgressInCell(t *testing.T) {
	path := bigCSV(t, 300000)
	var log syncBuffer
	s, err := New(Options{LoadProgressAfter: time.Nanosecond, ProgressLog: &log})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	b, rec := run(t, s, fmt.Sprintf(`import "github.com/ratelab/ratelab/analysis"
tab, err := analysis.Load(%q, analysis.WithWorkers(1))
if err != nil { panic(err) }
tab.Len()`, path))
	elapsed := time.Since(start)
	if plain(b) != "300000" {
		t.Fatalf("cell result %q", plain(b))
	}
	if len(rec.displays) != 1 || len(rec.updates) == 0 {
		t.Fatalf("%d displays, %d updates", len(rec.displays), len(rec.updates))
	}
	if max := 2 + int(elapsed/(100*time.Millisecond)); len(rec.updates) > max {
		t.Errorf("%d updates in %v: not rate-limited (at most %d)", len(rec.updates), elapsed, max)
	}
	last := rec.updates[len(rec.updates)-1]
	if txt := last.b.Data["text/plain"].(string); last.id != rec.displays[0].id ||
		!strings.HasPrefix(txt, "load big.csv [####################] 100% 300,000 rows, ") || !strings.HasSuffix(txt, "B/s)") {
		t.Errorf("final bar %q", txt)
	}
	if !strings.Contains(last.b.Data["text/html"].(string), "<progress value=") {
		t.Errorf("final html %q", last.b.Data["text/html"])
	}
	if lines := log.String(); !strings.Contains(lines, "ratelab: load big.csv: 300,000 rows, ") {
		t.Errorf("progress log %q", lines)
	}

	// With the default delay, a small load shows no bar; a cell can still ask
	// for one with analysis.WithProgress and a display.ProgressBar.
	s2 := newSession(t)
	small := bigCSV(t, 100)
	_, rec = run(t, s2, fmt.Sprintf(`import ("display"; "github.com/ratelab/ratelab/analysis")
_, err := analysis.Load(%q)
if err != nil { panic(err) }`, small))
	if len(rec.displays) != 0 {
		t.Errorf("a small load showed %d displays", len(rec.displays))
	}
	_, rec = run(t, s2, fmt.Sprintf(`_, err = analysis.Load(%q, analysis.WithProgress(display.Progress(0, "mine")))
if err != nil { panic(err) }`, small))
	if len(rec.displays) != 1 || len(rec.updates) == 0 || !strings.HasPrefix(rec.updates[len(rec.updates)-1].b.Data["text/plain"].(string), "mine [") {
		t.Errorf("WithProgress(display.Progress): %d displays, updates %+v", len(rec.displays), rec.updates)
	}
}
