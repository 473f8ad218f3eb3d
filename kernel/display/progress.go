package display

import (
	"fmt"
	"html"
	"strings"
	"sync"
	"time"
)

// ProgressBar reports progress of long work as one output updated in place, or,
// with no rich front end, as a plain line at every tenth of the way. It is safe
// for use from several goroutines.
type ProgressBar struct {
	mu      sync.Mutex
	h       *Handle
	plain   bool
	total   int
	n       int
	label   string
	status  string    // set by Update and Finish: shown instead of the step count
	lastOut time.Time // plain mode: when the last line was printed
	start   time.Time
	last    time.Time // when the output was last redrawn
	lastPct int       // the last tenth printed in plain mode
	done    bool
}

// minRedraw bounds how often the bar is redrawn: a loop of a million steps sends
// a few dozen updates, not a million.
const minRedraw = 100 * time.Millisecond

// minPlainLine bounds how often plain mode prints a line for work of unknown size.
const minPlainLine = 5 * time.Second

// Progress starts a bar for total steps, labelled (e.g. "simulations").
func Progress(total int, label string) *ProgressBar {
	_, o := current()
	p := &ProgressBar{h: New(), plain: o.Plain, total: total, label: label, start: time.Now()}
	if !p.plain {
		p.h.showBundle(p.bundle())
		p.last = time.Now()
	}
	return p
}

// Add advances the bar by n steps.
func (p *ProgressBar) Add(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.set(p.n + n)
}

// Set moves the bar to step n.
func (p *ProgressBar) Set(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.set(n)
}

// Done marks the work finished and draws the final state.
func (p *ProgressBar) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done {
		return
	}
	p.done = true
	if p.plain {
		if p.lastPct < 10 || p.n < p.total {
			p.printLine()
		}
		return
	}
	p.h.updateBundle(p.bundle())
}

// Update moves the bar to done of total (total 0: unknown, the bar shows no
// fraction) and shows status in place of the step count. It suits work measured
// in bytes, such as a load: analysis.WithProgress(display.Progress(0, "load"))
// shows the load's bytes, rows and rate.
func (p *ProgressBar) Update(done, total int64, status string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total, p.status = int(total), status
	p.set(int(done))
}

// Finish marks the work finished, with a final status, and draws it.
func (p *ProgressBar) Finish(status string) {
	p.mu.Lock()
	p.status = status
	if p.total <= 0 {
		p.total = 1 // the size was unknown; finished, the bar is full
	}
	p.n = p.total
	p.mu.Unlock()
	p.Done()
}

func (p *ProgressBar) set(n int) {
	if p.done {
		return
	}
	p.n = n
	if p.plain {
		if p.total > 0 {
			if pct := 10 * p.n / p.total; pct > p.lastPct {
				p.lastPct = pct
				p.printLine()
			}
		} else if now := time.Now(); now.Sub(p.lastOut) >= minPlainLine {
			p.printLine() // no fraction to count tenths of: a line now and then
		}
		return
	}
	if now := time.Now(); now.Sub(p.last) >= minRedraw || p.n >= p.total {
		p.last = now
		p.h.updateBundle(p.bundle())
	}
}

func (p *ProgressBar) printLine() {
	p.lastOut = time.Now()
	out, _ := current()
	out.Stream("stdout", p.text()+"\n")
}

// text is the bar as text: label [#####.....] n/total (pct%) elapsed.
func (p *ProgressBar) text() string {
	const width = 20
	filled := 0
	if p.total > 0 {
		filled = min(width, width*p.n/p.total)
	}
	return fmt.Sprintf("%s [%s%s] %s", p.label,
		strings.Repeat("#", filled), strings.Repeat(".", width-filled), p.statusText())
}

// statusText is "n/total (pct%) elapsed", or "pct% status" after Update.
func (p *ProgressBar) statusText() string {
	pct := 0.0
	if p.total > 0 {
		pct = 100 * float64(p.n) / float64(p.total)
	}
	switch {
	case p.status != "" && p.total > 0:
		return fmt.Sprintf("%.0f%% %s", pct, p.status)
	case p.status != "":
		return p.status
	}
	return fmt.Sprintf("%d/%d (%.0f%%) %s", p.n, p.total, pct, time.Since(p.start).Round(100*time.Millisecond))
}

func (p *ProgressBar) bundle() map[string]any {
	bar := fmt.Sprintf(`<progress value="%d" max="%d" style="width:20em"></progress>`, p.n, p.total)
	if p.total <= 0 {
		bar = `<progress style="width:20em"></progress>` // indeterminate: the size is unknown
	}
	return map[string]any{
		"text/plain": p.text(),
		"text/html": fmt.Sprintf(`<div>%s %s %s</div>`,
			html.EscapeString(p.label), bar, html.EscapeString(p.statusText())),
	}
}
