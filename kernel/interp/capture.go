package interp

import (
	"bytes"
	"io"
	"os"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/sys/unix"

	"github.com/ratelab/ratelab/kernel/engine"
)

var (
	saveOnce           sync.Once
	savedOut, savedErr *os.File // the process's own fd 1 and 2, duplicated
	logWriter          io.Writer
)

// saveFDs duplicates file descriptors 1 and 2 before any cell redirects them.
func saveFDs() {
	saveOnce.Do(func() {
		savedOut, savedErr = os.Stdout, os.Stderr
		if fd, err := unix.Dup(1); err == nil {
			unix.CloseOnExec(fd)
			savedOut = os.NewFile(uintptr(fd), "stdout")
		}
		if fd, err := unix.Dup(2); err == nil {
			unix.CloseOnExec(fd)
			savedErr = os.NewFile(uintptr(fd), "stderr")
		}
	})
}

// LogWriter returns the process's standard error as it was before any cell ran.
// While a cell runs, file descriptor 2 is redirected into the cell's output, so the
// kernel's own logging must write here (e.g. log.SetOutput(interp.LogWriter())).
func LogWriter() io.Writer {
	if logWriter != nil {
		return logWriter
	}
	saveFDs()
	return savedErr
}

// SetLogWriter makes w the kernel's log (LogWriter), for a process whose standard
// error is not where the log goes: a supervised session's file descriptor 2 is the
// cells' stderr. Call it before the first session starts.
func SetLogWriter(w io.Writer) { logWriter = w }

// fdCapture redirects one file descriptor into a cell's output stream until stop.
type fdCapture struct {
	fd   int
	orig *os.File
	w    *os.File // the pipe's write end, for the interpreter's own writes
	out  engine.Output
	name string
	done chan struct{}

	mu      sync.Mutex
	waiters []chan struct{} // one per syncMark written and not yet read
}

// syncMark is written into the pipe by sync; the reader streams everything
// before it, then wakes the waiter. It is shorter than PIPE_BUF, so its write
// is atomic.
var syncMark = []byte("\x00ratelab:sync\x00")

// captureFD points fd at a pipe whose contents go to out's stream name as they
// arrive, in whole UTF-8 characters.
func captureFD(fd int, orig *os.File, out engine.Output, name string) (*fdCapture, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	if err := unix.Dup2(int(w.Fd()), fd); err != nil {
		r.Close()
		w.Close()
		return nil, err
	}
	c := &fdCapture{fd: fd, orig: orig, w: w, out: out, name: name, done: make(chan struct{})}
	go c.read(r)
	return c, nil
}

// read streams the pipe until it is closed.
func (c *fdCapture) read(r *os.File) {
	defer close(c.done)
	defer r.Close()
	buf := make([]byte, 32<<10)
	var pending []byte
	for {
		n, err := r.Read(buf)
		pending = append(pending, buf[:n]...)
		for {
			i := bytes.Index(pending, syncMark)
			if i < 0 {
				break
			}
			c.emit(pending[:i])
			pending = pending[i+len(syncMark):]
			c.wake(false)
		}
		end := len(pending)
		if err == nil {
			// Keep back what may be the start of a mark, or of a UTF-8 sequence.
			end -= partialSuffix(pending, syncMark)
			end = utf8Boundary(pending[:end])
		}
		c.emit(pending[:end])
		pending = append([]byte(nil), pending[end:]...)
		if err != nil {
			c.wake(true)
			return
		}
	}
}

func (c *fdCapture) emit(b []byte) {
	if len(b) > 0 {
		c.out.Stream(c.name, string(b))
	}
}

// wake releases the oldest waiter of sync, or all of them.
func (c *fdCapture) wake(all bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for len(c.waiters) > 0 {
		close(c.waiters[0])
		c.waiters = c.waiters[1:]
		if !all {
			return
		}
	}
}

// sync returns once everything written to the pipe before the call has been
// streamed, so that a display shown next comes after the text printed before it.
func (c *fdCapture) sync() {
	ch := make(chan struct{})
	c.mu.Lock()
	c.waiters = append(c.waiters, ch)
	if _, err := c.w.Write(syncMark); err != nil {
		c.waiters = c.waiters[:len(c.waiters)-1]
		c.mu.Unlock()
		return
	}
	c.mu.Unlock()
	select {
	case <-ch:
	case <-c.done:
	case <-time.After(time.Second): // a stalled front end must not stall the cell
	}
}

// partialSuffix is the length of the longest suffix of b that is a proper prefix
// of mark.
func partialSuffix(b, mark []byte) int {
	for n := min(len(b), len(mark)-1); n > 0; n-- {
		if bytes.HasSuffix(b, mark[:n]) {
			return n
		}
	}
	return 0
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

// stop points fd back where it was and waits for the pipe to drain.
func (c *fdCapture) stop() error {
	err := unix.Dup2(int(c.orig.Fd()), c.fd)
	c.w.Close()
	<-c.done
	return err
}

// syncedOutput is the running cell's output as the display helpers and the
// session see it: before a display, an update, a clear or a prompt, the captured
// streams are flushed, so outputs keep the order in which the cell made them.
type syncedOutput struct {
	engine.Output
	caps []*fdCapture
}

func (o syncedOutput) sync() {
	for _, c := range o.caps {
		c.sync()
	}
}

func (o syncedOutput) Display(b engine.Bundle, id string) { o.sync(); o.Output.Display(b, id) }
func (o syncedOutput) Update(b engine.Bundle, id string)  { o.sync(); o.Output.Update(b, id) }
func (o syncedOutput) Clear(wait bool)                    { o.sync(); o.Output.Clear(wait) }

// PanicFrame forwards to the cell's Output, if it takes panic frames.
func (o syncedOutput) PanicFrame(where string) {
	if f, ok := o.Output.(panicFrameSink); ok {
		f.PanicFrame(where)
	}
}

// Page shows b in the pager of the cell's Output, or as a display without one.
func (o syncedOutput) Page(b engine.Bundle) {
	o.sync()
	if p, ok := o.Output.(engine.Pager); ok {
		p.Page(b)
		return
	}
	o.Output.Display(b, "")
}

// Unwrap is the cell's own output, through which widgets reach comms (display's
// commOutput).
func (o syncedOutput) Unwrap() engine.Output { return o.Output }

func (o syncedOutput) Input(prompt string, password bool) (string, error) {
	o.sync()
	return o.Output.Input(prompt, password)
}
