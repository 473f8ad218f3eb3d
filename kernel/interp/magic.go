package interp

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/ratelab/ratelab/kernel/engine"
)

// Magics are lines starting with %, which Go never starts a line with, so they
// cannot clash with Go code. help is what %help prints.
const help = `ratelab cells are Go (yaegi v0.16.1): imports, declarations and statements may
be mixed, and the value of a last bare expression is shown. Declaring a variable,
function or type again replaces it.

Built in: the standard library, gota (dataframe, series), gonum (stat, stat/distuv,
floats, mat), gonum plot (plot, plotter, plotutil, vg, vg/draw, vg/vgimg), ratelab's
analysis and datasets, and "display" (display.Show, HTML, Markdown, Image, Plot,
JSON, Clear, New for updatable outputs, Progress, Input).

Magics (a line starting with %):
  %help                 this text
  NAME?  NAME??         the documentation of NAME (strings.ToUpper?, df.Filter?); ?? says more
  %time STATEMENT       run one line of Go and print the CPU and wall time it took
  %%time                on the first line of a cell: time the whole cell
  %reset                forget every variable, type, function and import
  %env                  list the environment
  %env NAME             print one variable
  %env NAME=VALUE       set one variable (for this kernel and its children)
`

// runMagics runs a cell that may hold magic lines: %%time on the first line times
// the whole cell; each other magic line runs where it stands, between the Go
// around it. Go parts keep their line numbers (the other lines are blanked).
func (s *Session) runMagics(ctx context.Context, code string) (*engine.Bundle, *engine.Error) {
	first, rest, _ := strings.Cut(code, "\n")
	if strings.TrimSpace(first) == "%%time" {
		t := startTimer()
		b, err := s.runMagics(ctx, "\n"+rest)
		s.streamf("stdout", "%s", t.report())
		return b, err
	}
	lines := strings.Split(code, "\n")
	if !hasMagic(lines) {
		return s.runCode(ctx, code)
	}
	var result *engine.Bundle
	from := 0 // the first line of the pending Go part
	flush := func(to int) *engine.Error {
		part := blankOutside(lines, from, to)
		from = to
		if strings.TrimSpace(part) == "" {
			return nil
		}
		b, err := s.runCode(ctx, part)
		result = b
		return err
	}
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if !isMagic(t) {
			continue
		}
		if err := flush(i); err != nil {
			return nil, err
		}
		from = i + 1
		b, err := s.magic(ctx, lines, i)
		if err != nil {
			return nil, err
		}
		result = b
	}
	if err := flush(len(lines)); err != nil {
		return nil, err
	}
	return result, nil
}

func hasMagic(lines []string) bool {
	for _, l := range lines {
		if isMagic(strings.TrimSpace(l)) {
			return true
		}
	}
	return false
}

// helpLine is IPython's NAME? and NAME?? for a Go name or selector: no Go line
// ends in a question mark.
var helpLine = regexp.MustCompile(`^([\pL_][\pL\pN_]*(?:\.[\pL_][\pL\pN_]*)*)(\?\??)$`)

// isMagic reports whether the trimmed line t is a magic or a help request.
func isMagic(t string) bool { return strings.HasPrefix(t, "%") || helpLine.MatchString(t) }

// blankOutside returns lines[from:to] with every other line empty, so positions
// in the part are the cell's.
func blankOutside(lines []string, from, to int) string {
	out := make([]string, len(lines))
	copy(out[from:to], lines[from:to])
	return strings.Join(out, "\n")
}

// magic runs the magic on line i.
func (s *Session) magic(ctx context.Context, lines []string, i int) (*engine.Bundle, *engine.Error) {
	line := lines[i]
	t := strings.TrimSpace(line)
	if m := helpLine.FindStringSubmatch(t); m != nil {
		return nil, s.helpFor(m[1], len(m[2])-1)
	}
	name, arg, _ := strings.Cut(t[1:], " ")
	arg = strings.TrimSpace(arg)
	switch name {
	case "help":
		s.page(engine.Bundle{Data: map[string]any{"text/plain": help}})
	case "time":
		// Keep the statement at its column so errors point into the cell.
		at := strings.Index(line, "%time") + len("%time")
		one := make([]string, len(lines))
		one[i] = strings.Repeat(" ", at) + line[at:]
		t := startTimer()
		b, err := s.runCode(ctx, strings.Join(one, "\n"))
		s.streamf("stdout", "%s", t.report())
		return b, err
	case "reset":
		if err := s.Reset(); err != nil {
			return nil, &engine.Error{Name: "ResetError", Value: err.Error(), Traceback: []string{"ResetError: " + err.Error()}}
		}
		s.streamf("stdout", "The session was reset: every variable, type, function and import is gone.\n")
	case "env":
		return nil, s.env(arg)
	default:
		msg := fmt.Sprintf("unknown magic %%%s (line %d); %%help lists the magics", name, i+1)
		return nil, &engine.Error{Name: "MagicError", Value: msg, Traceback: []string{"MagicError: " + msg}}
	}
	return nil, nil
}

// env runs %env: list, show one variable, or set one.
func (s *Session) env(arg string) *engine.Error {
	switch name, value, set := strings.Cut(arg, "="); {
	case arg == "":
		env := os.Environ()
		sort.Strings(env)
		s.streamf("stdout", "%s\n", strings.Join(env, "\n"))
	case set:
		name = strings.TrimSpace(name)
		if err := os.Setenv(name, strings.TrimSpace(value)); err != nil {
			msg := fmt.Sprintf("%%env %s: %v", arg, err)
			return &engine.Error{Name: "MagicError", Value: msg, Traceback: []string{"MagicError: " + msg}}
		}
		s.streamf("stdout", "env: %s=%s\n", name, strings.TrimSpace(value))
	default:
		v, ok := os.LookupEnv(arg)
		if !ok {
			msg := fmt.Sprintf("%%env: environment variable %s is not set", arg)
			return &engine.Error{Name: "MagicError", Value: msg, Traceback: []string{"MagicError: " + msg}}
		}
		s.streamf("stdout", "%s\n", v)
	}
	return nil
}

// helpFor pages the documentation of name, as inspection shows it at detail.
func (s *Session) helpFor(name string, detail int) *engine.Error {
	b, found := s.Inspect(name, utf8.RuneCountInString(name), detail)
	if !found {
		msg := fmt.Sprintf("%s?: no documentation found for %s (is it declared, or its package imported?)", name, name)
		return &engine.Error{Name: "NameError", Value: msg, Traceback: []string{"NameError: " + msg}}
	}
	s.page(b)
	return nil
}

// page shows b in the front end's pager (engine.Pager), or where the cell's
// output shows displays when it has none.
func (s *Session) page(b engine.Bundle) {
	if r := s.current(); r != nil {
		if p, ok := r.out.(engine.Pager); ok {
			p.Page(b)
			return
		}
		r.out.Display(b, "")
	}
}

// streamf writes to the running cell's stream, in order with what the cell wrote.
func (s *Session) streamf(name, format string, a ...any) {
	if r := s.current(); r != nil {
		w := r.stdout
		if name == "stderr" {
			w = r.stderr
		}
		fmt.Fprintf(w, format, a...)
	}
}

// timer measures what %time reports: the process's CPU times, as IPython's
// %time does (so goroutines a cell starts count), and the wall time.
type timer struct {
	wall      time.Time
	user, sys time.Duration
}

func startTimer() timer {
	u, s := cpuTimes()
	return timer{time.Now(), u, s}
}

// report is IPython's two lines:
//
//	CPU times: user 1.2ms, sys 0s, total 1.2ms
//	Wall time: 1.5ms
func (t timer) report() string {
	wall := time.Since(t.wall)
	u, s := cpuTimes()
	u, s = u-t.user, s-t.sys
	return fmt.Sprintf("CPU times: user %v, sys %v, total %v\nWall time: %v\n",
		roundDuration(u), roundDuration(s), roundDuration(u+s), roundDuration(wall))
}

// cpuTimes returns the user and system CPU time the process has used.
func cpuTimes() (user, sys time.Duration) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, 0
	}
	return time.Duration(ru.Utime.Nano()), time.Duration(ru.Stime.Nano())
}

// roundDuration keeps three significant digits, as IPython's %time shows.
func roundDuration(d time.Duration) time.Duration {
	for r := time.Nanosecond; r < time.Hour; r *= 10 {
		if d < 1000*r {
			return d.Round(r)
		}
	}
	return d.Round(time.Second)
}
