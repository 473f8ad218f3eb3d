package interp

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/ratelab/ratelab/kernel/display"
	"github.com/ratelab/ratelab/kernel/interp/symbols"
)

// DefaultLoadProgressAfter is how long a load runs before it shows its progress
// when Options.LoadProgressAfter is zero: loads that end sooner show nothing, so
// that a notebook's outputs do not depend on the machine's speed for the small
// files most notebooks load (the embedded history loads in about 0.1 s).
const DefaultLoadProgressAfter = 2 * time.Second

// loadProgress is analysis.Progress, spelled out so that the kernel needs no
// import of analysis: both are the same unnamed interface type.
type loadProgress = interface {
	Update(done, total int64, status string)
	Finish(status string)
}

// setLoadProgress calls analysis.SetProgress(start), reached through the
// generated symbol table as cells reach it.
func setLoadProgress(start func(name string) loadProgress) {
	v, ok := symbols.Symbols["github.com/ratelab/ratelab/analysis/analysis"]["SetProgress"]
	if !ok {
		return
	}
	if set, ok := v.Interface().(func(func(string) loadProgress)); ok {
		set(start)
	}
}

// startLoad is the session's analysis.SetProgress hook while a cell runs: each
// load gets a loadBar.
func (s *Session) startLoad(name string) loadProgress {
	after := s.opts.LoadProgressAfter
	if after == 0 {
		after = DefaultLoadProgressAfter
	}
	return &loadBar{name: name, start: time.Now(), after: after, log: s.opts.ProgressLog}
}

// progressLogInterval bounds how often a load writes a plain line to
// Options.ProgressLog.
const progressLogInterval = 2 * time.Second

// loadBar shows one load's progress once it has run for after: a
// display.ProgressBar in the running cell (updated in place, or plain lines in
// Plain mode) and, with a log, plain lines there too.
type loadBar struct {
	name  string
	start time.Time
	after time.Duration
	log   io.Writer

	mu     sync.Mutex
	bar    *display.ProgressBar
	logged time.Time
}

func (l *loadBar) Update(done, total int64, status string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.show() {
		return
	}
	l.bar.Update(done, total, status)
	if now := time.Now(); l.log != nil && now.Sub(l.logged) >= progressLogInterval {
		l.logged = now
		fmt.Fprintf(l.log, "ratelab: load %s: %s\n", l.name, status)
	}
}

func (l *loadBar) Finish(status string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.show() {
		return
	}
	l.bar.Finish(status)
	if l.log != nil {
		fmt.Fprintf(l.log, "ratelab: load %s: %s\n", l.name, status)
	}
}

// show reports whether the load has run long enough to show, creating its bar
// the first time.
func (l *loadBar) show() bool {
	if l.bar == nil {
		if time.Since(l.start) < l.after {
			return false
		}
		l.bar = display.Progress(0, "load "+l.name)
	}
	return true
}
