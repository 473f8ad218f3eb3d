package analysis

import (
	"fmt"
	"io"
	"io/fs"
	"sync"
	"sync/atomic"
	"time"
)

// Progress receives the progress of a load. It is an interface of plain methods,
// declared as an alias of an unnamed interface type, so that a front end
// implements it, and passes functions that return it, without importing
// analysis: the ratelab kernel's display.ProgressBar is a Progress.
type Progress = interface {
	// Update reports done of total bytes of input read (total 0 when the size is
	// unknown) with a one-line status such as
	// "12.3 MB of 40.0 MB, 81,234 rows, 9.8 MB/s". A load calls it at most every
	// progressInterval.
	Update(done, total int64, status string)
	// Finish reports the final status once, when the load ends, whether it
	// succeeded or not.
	Finish(status string)
}

// WithProgress reports the load's progress to p, from its start.
func WithProgress(p Progress) LoadOption {
	return func(o *loadOptions) { o.progress = func(string) Progress { return p } }
}

var (
	defaultProgressMu sync.RWMutex
	defaultProgress   func(name string) Progress
)

// SetProgress sets where the loads that pass no WithProgress report their
// progress: start is called as each load begins, with the input's name, and
// returns its Progress (nil: none). nil stops reporting. The ratelab kernel sets
// it so that a long load shows a progress bar in the running cell; a plain Go
// program has none unless it sets one.
func SetProgress(start func(name string) Progress) {
	defaultProgressMu.Lock()
	defaultProgress = start
	defaultProgressMu.Unlock()
}

// progressInterval bounds how often a load reports: a load of a million rows
// sends tens of updates, not a million. (A variable for the tests.)
var progressInterval = 100 * time.Millisecond

// loadMeter counts a load's bytes and rows and reports them, rate-limited, to a
// Progress. Its methods are safe for concurrent use and do nothing on a nil
// meter (no Progress).
type loadMeter struct {
	p            Progress
	total        int64
	start        time.Time
	bytes, rows  atomic.Int64
	mu           sync.Mutex
	last         time.Time
	finishedOnce sync.Once
}

// newLoadMeter starts metering a load of name of total bytes (0: unknown), or
// returns nil when nobody listens.
func newLoadMeter(o loadOptions, name string, total int64) *loadMeter {
	start := o.progress
	if start == nil {
		defaultProgressMu.RLock()
		start = defaultProgress
		defaultProgressMu.RUnlock()
	}
	if start == nil {
		return nil
	}
	p := start(name)
	if p == nil {
		return nil
	}
	now := time.Now()
	return &loadMeter{p: p, total: total, start: now, last: now}
}

// add counts bytes of input read and rows parsed, and reports if
// progressInterval has passed since the last report.
func (m *loadMeter) add(bytes, rows int64) {
	if m == nil {
		return
	}
	b, r := m.bytes.Add(bytes), m.rows.Add(rows)
	now := time.Now()
	m.mu.Lock()
	defer m.mu.Unlock()
	if now.Sub(m.last) < progressInterval {
		return
	}
	m.last = now
	m.p.Update(b, m.total, progressStatus(b, m.total, r, now.Sub(m.start)))
}

// finish reports the end of the load: its rows, bytes and rate, or its failure.
func (m *loadMeter) finish(err error) {
	if m == nil {
		return
	}
	m.finishedOnce.Do(func() {
		b, r, d := m.bytes.Load(), m.rows.Load(), time.Since(m.start)
		s := fmt.Sprintf("%s rows, %s in %.1f s (%s/s)", thousands(r), byteSize(b), d.Seconds(), byteSize(rate(b, d)))
		if err != nil {
			s = fmt.Sprintf("failed after %s rows, %s: %v", thousands(r), byteSize(b), err)
		}
		m.p.Finish(s)
	})
}

// progressStatus is "12.3 MB of 40.0 MB, 81,234 rows, 9.8 MB/s".
func progressStatus(done, total, rows int64, d time.Duration) string {
	of := ""
	if total > 0 {
		of = " of " + byteSize(total)
	}
	return fmt.Sprintf("%s%s, %s rows, %s/s", byteSize(done), of, thousands(rows), byteSize(rate(done, d)))
}

func rate(n int64, d time.Duration) int64 {
	if d <= 0 {
		return 0
	}
	return int64(float64(n) / d.Seconds())
}

// byteSize formats n bytes in decimal units, as file managers and download
// tools do: "980 B", "12.3 MB".
func byteSize(n int64) string {
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	v, u := float64(n), 0
	for v >= unit && u < 4 {
		v /= unit
		u++
	}
	return fmt.Sprintf("%.1f %cB", v, "kMGT"[u-1])
}

// thousands formats n with thousands separators: 1234567 → "1,234,567".
func thousands(n int64) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// countingReader counts the bytes read through it into a meter.
type countingReader struct {
	r io.Reader
	m *loadMeter
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.m.add(int64(n), 0)
	return n, err
}

// inputSize returns the size of r when it can tell (a file, an fs.File, a
// bytes.Reader or strings.Reader), else 0.
func inputSize(r io.Reader) int64 {
	switch v := r.(type) {
	case interface{ Stat() (fs.FileInfo, error) }:
		if st, err := v.Stat(); err == nil && st.Mode().IsRegular() {
			return st.Size()
		}
	case interface{ Size() int64 }:
		return v.Size()
	}
	return 0
}
