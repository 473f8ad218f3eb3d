package interp

import (
	"bufio"
	"context"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/ratelab/ratelab/kernel/engine"
)

// cellRun is the state of the cell being executed.
type cellRun struct {
	ctx context.Context
	out engine.Output
	// stdout and stderr are where the interpreter's fmt.Print and friends write:
	// the write ends of the capture pipes, so that they keep their order with writes
	// to file descriptors 1 and 2, or, without capture, the cell's streams.
	stdout, stderr io.Writer
	// result is the value of the cell's last expression, set through the runtime's
	// Result.
	result    any
	hasResult bool
	// statement is where the cell's top level is: the top-level statement that
	// runs or ran last, recorded through the runtime's Statement (see
	// desugar's statementMark); zero before the first. Guarded by s.mu.
	statement position
}

// markStatement records that the running cell's top level is at p.
func (s *Session) markStatement(p position) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.run != nil {
		s.run.statement = p
	}
}

// statementRan returns the running cell's last statement mark, zero if none.
func (s *Session) statementRan() position {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.run == nil {
		return position{}
	}
	return s.run.statement
}

// current returns the running cell, or nil.
func (s *Session) current() *cellRun {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.run
}

// cellIO gives the interpreter standard streams that follow the running cell.
type cellIO struct {
	s *Session
	// frames collects the "file:line:col: panic: f(...)" lines yaegi writes to
	// stderr for each interpreted frame a panic unwinds, innermost first; they
	// become the traceback instead of being printed. Guarded by s.mu.
	frames []string
	// pending holds reports of goroutine panics that happened between cells.
	// Guarded by s.mu.
	pending []string
}

// panicFrame matches the line yaegi writes to its stderr for each interpreted
// frame a panic unwinds: in a cell, the prelude or package std's source.
var panicFrame = regexp.MustCompile(`^((?:cell\d+/)?_\.go:\d+:\d+|\d+:\d+|` + stdGoPath + `/src/\S+\.go:\d+:\d+): panic`)

// unplacedPanicFrame matches the frame line yaegi writes for a frame it has
// no position for ("-: panic: main(...)"), such as a program cell's main.
var unplacedPanicFrame = regexp.MustCompile(`^-: panic: [\pL\pN_.]+\(\.\.\.\)\n?$`)

// takeFrames returns and forgets the collected panic frames; s.mu must be held.
func (c *cellIO) takeFrames() []string {
	f := c.frames
	c.frames = nil
	return f
}

// writer returns the interpreter's stream name ("stdout" or "stderr").
func (c *cellIO) writer(name string) io.Writer { return streamWriter{c, name} }

type streamWriter struct {
	c    *cellIO
	name string
}

func (w streamWriter) Write(p []byte) (int, error) {
	s := w.c.s
	if w.name == "stderr" && unplacedPanicFrame.Match(p) {
		return len(p), nil // a frame of code the session wrote, with no place to report
	}
	if w.name == "stderr" {
		if m := panicFrame.FindSubmatch(p); m != nil {
			s.mu.Lock()
			w.c.frames = append(w.c.frames, string(m[1]))
			r := s.run
			s.mu.Unlock()
			if r != nil {
				if f, ok := r.out.(panicFrameSink); ok {
					f.PanicFrame(s.describePos(string(m[1])))
				}
			}
			return len(p), nil
		}
	}
	r := s.current()
	switch {
	case r == nil && w.name == "stderr":
		return os.Stderr.Write(p)
	case r == nil:
		return os.Stdout.Write(p)
	case w.name == "stderr":
		return r.stderr.Write(p)
	default:
		return r.stdout.Write(p)
	}
}

// panicFrameSink is implemented by an Output that wants each interpreted frame a
// panic unwinds as it happens: a supervised session's, since a panic that ends the
// process leaves no traceback to build them into.
type panicFrameSink interface {
	PanicFrame(where string)
}

// stdin returns the interpreter's standard input (fmt.Scan and friends): each
// line is asked of the front end (input_request) when a cell reads past what it
// was given.
func (c *cellIO) stdin() io.Reader {
	return bufio.NewReader(inputReader{c.s})
}

// inputReader asks the running cell's front end for a line at each read.
type inputReader struct{ s *Session }

func (r inputReader) Read(p []byte) (int, error) {
	run := r.s.current()
	if run == nil {
		return 0, io.EOF
	}
	line, err := run.out.Input("", false)
	if err != nil {
		return 0, err
	}
	if !strings.HasSuffix(line, "\n") {
		line += "\n"
	}
	return copy(p, line), nil
}

// streamFunc adapts an engine.Output stream to an io.Writer.
type streamFunc struct {
	out  engine.Output
	name string
}

func (w streamFunc) Write(p []byte) (int, error) {
	w.out.Stream(w.name, string(p))
	return len(p), nil
}
