package supervise

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// streamText turns the datagrams of one stream (stdout or stderr) into text for the
// cell's output: whole UTF-8 characters only, and, on stderr, the Go runtime's
// report of a crash held back, to become the cell's error if the process dies.
type streamText struct {
	partial []byte // an incomplete UTF-8 sequence at the end of the last datagram
	line    []byte // stderr: the current line, while it may still start a crash report
	held    strings.Builder
	holding bool
	tail    tailBuffer // stderr: the last text shown, to quote if the process exits
}

// crashStarts are how the Go runtime begins the report it writes to file
// descriptor 2 before a fatal exit (runtime.fatalpanic, runtime.throw, a signal
// in non-Go code), each at the start of a line.
var crashStarts = []string{
	"panic: ", "fatal error: ", "runtime: ", "SIGSEGV: ", "SIGBUS: ", "SIGILL: ", "SIGFPE: ",
	"SIGABRT: ", "SIGTRAP: ", "unexpected fault address ", "fatal: morestack on g0",
}

func (t *streamText) write(p *process, name string, b []byte) {
	b = append(t.partial, b...)
	n := utf8Boundary(b)
	t.partial = append(t.partial[:0:0], b[n:]...)
	text := string(b[:n])
	if name == "stdout" {
		p.sup.stream(name, text)
		return
	}
	t.stderr(p, text)
}

// stderr shows text, except a crash report: from the line that starts one, text
// is held until the process dies (it becomes the cell's error) or proves alive.
func (t *streamText) stderr(p *process, text string) {
	if t.holding {
		t.held.WriteString(text)
		return
	}
	for text != "" {
		line, rest, complete := strings.Cut(text, "\n")
		if complete {
			line += "\n"
		}
		text = rest
		t.line = append(t.line, line...)
		switch crashPrefix(t.line) {
		case crashYes:
			t.holding = true
			t.held.Write(t.line)
			t.held.WriteString(text)
			t.line = t.line[:0]
			return
		case crashMaybe:
			if !complete {
				return // wait for more of the line
			}
		}
		p.sup.stream("stderr", string(t.line))
		t.tail.write(string(t.line))
		t.line = t.line[:0]
	}
}

// release shows held text as ordinary stderr: the process lives on, so it was not
// a crash report (a cell may print "panic: " itself).
func (t *streamText) release(p *process, name string) {
	if !t.holding && len(t.line) == 0 {
		return
	}
	text := t.held.String() + string(t.line)
	t.held.Reset()
	t.line = t.line[:0]
	t.holding = false
	if text != "" {
		p.sup.stream(name, text)
		t.tail.write(text)
	}
}

type crashMatch int

const (
	crashNo crashMatch = iota
	crashMaybe
	crashYes
)

// crashPrefix tells whether line starts a crash report, may still turn out to, or
// cannot.
func crashPrefix(line []byte) crashMatch {
	maybe := false
	for _, s := range crashStarts {
		switch {
		case len(line) >= len(s) && string(line[:len(s)]) == s:
			return crashYes
		case len(line) < len(s) && s[:len(line)] == string(line):
			maybe = true
		}
	}
	if maybe {
		return crashMaybe
	}
	return crashNo
}

// flushText ends both streams: an incomplete character is shown as it is, and the
// partial line of stderr, unless it is part of a crash report.
func (p *process) flushText() {
	for i, name := range []string{"stdout", "stderr"} {
		t := &p.text[i]
		if len(t.partial) > 0 {
			rest := string(t.partial)
			t.partial = nil
			if name == "stdout" {
				p.sup.stream(name, rest)
			} else {
				t.stderr(p, rest)
			}
		}
		if name == "stderr" && !t.holding && len(t.line) > 0 {
			p.sup.stream(name, string(t.line))
			t.tail.write(string(t.line))
			t.line = t.line[:0]
		}
	}
}

// utf8Boundary returns len(b) less an incomplete UTF-8 sequence at its end.
func utf8Boundary(b []byte) int {
	n := len(b)
	for i := n - 1; i >= 0 && i >= n-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:n]) {
				return i
			}
			break
		}
	}
	return n
}

// tailBuffer keeps the last tailSize bytes of stderr written since the running
// cell started (reset), for the report of a process that exits.
type tailBuffer struct {
	mu sync.Mutex
	b  []byte
}

const tailSize = 4 << 10

func (t *tailBuffer) reset() {
	t.mu.Lock()
	t.b = t.b[:0]
	t.mu.Unlock()
}

func (t *tailBuffer) write(s string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, s...)
	if len(t.b) > 2*tailSize {
		t.b = append(t.b[:0], t.b[len(t.b)-tailSize:]...)
	}
}

// lines returns at most n of the last complete or partial lines.
func (t *tailBuffer) lines(n int) []string {
	t.mu.Lock()
	s := string(t.b)
	t.mu.Unlock()
	if len(s) > tailSize {
		s = s[len(s)-tailSize:]
	}
	all := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(all) > n {
		all = all[len(all)-n:]
	}
	if len(all) == 1 && all[0] == "" {
		return nil
	}
	return all
}
