// Package display shows rich values in ratelab notebooks. Cells import it as
// "display":
//
//	display.Markdown("## Crash rates")
//	display.Show(df)          // a gota DataFrame as an HTML table
//	display.Plot(p)           // a *plot.Plot as PNG
//	h := display.New()        // one output that can be replaced later
//	h.Show("loading…"); h.Update(df)
//	bar := display.Progress(n, "simulations")
//	for i := 0; i < n; i++ { work(); bar.Add(1) }
//	bar.Done()
//
// The helpers write to the output of the cell that is running: the session calls
// SetOutput before each cell and clears it after. Used as a plain library with no
// session (no output set), they print the text/plain form to os.Stdout.
//
// Render is the single place that decides how a value looks; the session uses it for
// the value of a cell's last expression, and Show uses it for explicit displays.
package display

import (
	"fmt"
	"os"
	"sync"

	"github.com/ratelab/ratelab/kernel/engine"
)

// Options tune how the current cell displays values.
type Options struct {
	// SVG adds image/svg+xml beside image/png for plots.
	SVG bool
	// Plain means there is no rich front end (a console, a headless run): progress
	// bars print plain lines instead of updating one output in place.
	Plain bool
}

var (
	mu   sync.RWMutex
	cur  engine.Output
	opts Options
	// libraryShown is set once the current output has carried the chart library.
	libraryShown bool
)

// SetOutput makes out (with o) the destination of every helper of this package,
// until the next call; nil restores the plain-library behaviour. The session calls
// it around each cell; it is not offered to cells.
func SetOutput(out engine.Output, o Options) {
	mu.Lock()
	cur, opts, libraryShown = out, o, false
	mu.Unlock()
}

// takeLibrary reports whether the chart being rendered must carry the chart library:
// the first of each output does.
func takeLibrary() bool {
	mu.Lock()
	defer mu.Unlock()
	first := !libraryShown
	libraryShown = true
	return first
}

// current returns the output of the running cell, or a fallback that prints to
// os.Stdout.
func current() (engine.Output, Options) {
	mu.RLock()
	defer mu.RUnlock()
	if cur == nil {
		return stdoutOutput{}, Options{Plain: true}
	}
	return cur, opts
}

// stdoutOutput is the output of the package used outside a session.
type stdoutOutput struct{}

func (stdoutOutput) Stream(name, text string) {
	if name == "stderr" {
		fmt.Fprint(os.Stderr, text)
		return
	}
	fmt.Fprint(os.Stdout, text)
}

func (o stdoutOutput) Display(b engine.Bundle, _ string) { o.Stream("stdout", plain(b)+"\n") }
func (o stdoutOutput) Update(b engine.Bundle, _ string)  { o.Stream("stdout", plain(b)+"\n") }
func (stdoutOutput) Clear(bool)                          {}
func (stdoutOutput) Input(string, bool) (string, error)  { return "", engine.ErrNoStdin }

// plain is the text/plain form of b.
func plain(b engine.Bundle) string {
	s, _ := b.Data["text/plain"].(string)
	return s
}
