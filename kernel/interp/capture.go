package interp

import (
	"io"
	"os"
	"sync"
	"unicode/utf8"

	"golang.org/x/sys/unix"

	"github.com/ratelab/ratelab/kernel/engine"
)

var (
	saveOnce           sync.Once
	savedOut, savedErr *os.File // the process's own fd 1 and 2, duplicated
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
	saveFDs()
	return savedErr
}

// fdCapture redirects one file descriptor into a cell's output stream until stop.
type fdCapture struct {
	fd   int
	orig *os.File
	w    *os.File // the pipe's write end, for the interpreter's own writes
	done chan struct{}
}

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
	c := &fdCapture{fd: fd, orig: orig, w: w, done: make(chan struct{})}
	go func() {
		defer close(c.done)
		defer r.Close()
		buf := make([]byte, 32<<10)
		carry := 0
		for {
			n, err := r.Read(buf[carry:])
			n += carry
			// Keep an incomplete UTF-8 sequence for the next read.
			end := n
			for i := n - 1; i >= 0 && i >= n-utf8.UTFMax; i-- {
				if utf8.RuneStart(buf[i]) {
					if !utf8.FullRune(buf[i:n]) {
						end = i
					}
					break
				}
			}
			if err != nil {
				end = n
			}
			if end > 0 {
				out.Stream(name, string(buf[:end]))
			}
			carry = copy(buf, buf[end:n])
			if err != nil {
				return
			}
		}
	}()
	return c, nil
}

// stop points fd back where it was and waits for the pipe to drain.
func (c *fdCapture) stop() error {
	err := unix.Dup2(int(c.orig.Fd()), c.fd)
	c.w.Close()
	<-c.done
	return err
}
