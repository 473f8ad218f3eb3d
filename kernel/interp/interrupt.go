package interp

import (
	"context"
	"runtime"
	"strings"
	"time"

	"github.com/ratelab/ratelab/kernel/engine"
)

// An interrupt stops the cell's interpreted code at its next step: yaegi's
// ExecuteWithContext returns at once and bumps a run id that every running frame
// checks. A call into compiled code (exec.Cmd.Run, a long analysis.Load) cannot be
// stopped, though, and yaegi's goroutine sits in it. When it returns, the cell's
// code goes on only if the global frame's run id matches again, which the next
// Execute does: so the next cell, not the interrupt, would resume the interrupted
// one, seconds later, changing variables behind the user's back.
//
// So after an interrupt the session checks whether yaegi's goroutine is still
// inside such a call (stuckCall), says so in the interrupted cell's error, and runs
// nothing in the interpreter until the call has returned and the goroutine, finding
// its run id stale, has ended. Variables are kept; nothing more of the interrupted
// cell runs.

// stopGrace is how long an interrupted cell's goroutine gets to reach its next
// step and end before it is reported as stuck in a call.
const stopGrace = 100 * time.Millisecond

// interrupted is the error of an interrupted cell; it waits stopGrace for the cell's
// interpreted code to stop, and says what is still running if it did not.
func (s *Session) interrupted() *engine.Error {
	e := interrupted()
	s.interruptedRun.Store(true)
	deadline := time.Now().Add(stopGrace)
	for {
		call := s.Stuck()
		if call == "" {
			return e
		}
		if time.Now().After(deadline) {
			e.Traceback = []string{
				"KeyboardInterrupt: the cell was interrupted inside a call that cannot be stopped: " + call,
				"Nothing more of this cell runs when the call returns; the session and its variables are kept.",
			}
			return e
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Stuck returns the call an interrupted cell is still inside, "" when its code has
// stopped. While it is not "", the session runs no cell (see waitStuck).
func (s *Session) Stuck() string {
	if !s.interruptedRun.Load() {
		return ""
	}
	call, running := yaegiRunning()
	if !running {
		s.interruptedRun.Store(false)
	}
	return call
}

// waitStuck waits, before a cell runs, for an interrupted cell's call to return; it
// tells the cell's output why it waits. It fails if ctx is done first.
func (s *Session) waitStuck(ctx context.Context) *engine.Error {
	call := s.Stuck()
	if call == "" {
		return nil
	}
	s.streamf("stderr", "Waiting for the interrupted cell's call to %s to return before running this cell (interrupt to stop waiting).\n", call)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for s.Stuck() != "" {
		select {
		case <-ctx.Done():
			e := interrupted()
			e.Value = "interrupted while waiting for an earlier cell's call to " + call + " to return"
			e.Traceback = []string{"KeyboardInterrupt: " + e.Value}
			return e
		case <-tick.C:
		}
	}
	return nil
}

// yaegiRunning reports whether a goroutine yaegi started to run a program
// (ExecuteWithContext's) is alive, and the compiled function the program called
// that it is inside: the outermost frame below the interpreter's own.
func yaegiRunning() (call string, running bool) {
	buf := make([]byte, 64<<10)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	for _, g := range strings.Split(string(buf), "\n\n") {
		if !strings.Contains(g, "created by github.com/traefik/yaegi/interp.(*Interpreter).ExecuteWithContext") {
			continue
		}
		call = "a call into compiled code"
		for _, fn := range strings.Split(g, "\n")[1:] {
			switch {
			case strings.HasPrefix(fn, "\t") || strings.HasPrefix(fn, "runtime.") || strings.HasPrefix(fn, "internal/"):
			case strings.HasPrefix(fn, "reflect.") || strings.HasPrefix(fn, "github.com/traefik/yaegi/"):
				return call, true // the interpreter's frames: call is the outermost compiled one
			default:
				if i := strings.LastIndex(fn, "("); i > 0 {
					fn = fn[:i]
				}
				call = fn
			}
		}
		return call, true
	}
	return "", false
}
