package supervise

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"syscall"

	"github.com/ratelab/ratelab/kernel/engine"
)

// restartNotice ends every death report.
const restartNotice = "The session was restarted; its variables are lost. Re-run the cells that define what you need."

// deathReport is the cell's error for p's death: the Go runtime's own message and
// the stack of the goroutine that failed, trimmed to the cell's frames, or how the
// process ended when the runtime said nothing (os.Exit, log.Fatal, a signal).
func (p *process) deathReport(cell uint64) *engine.Error {
	p.mu.Lock()
	killed := p.killed
	p.mu.Unlock()
	held := p.text[1].held.String()
	var e engine.Error
	switch {
	case killed != "":
		e.Name, e.Value = "SessionKilled", killed
		e.Traceback = []string{"SessionKilled: " + killed}
	case held != "":
		e = crashError(held)
	default:
		e = exitError(p.state, p.waitErr)
		for _, l := range p.text[1].tail.lines(5) {
			e.Traceback = append(e.Traceback, "  stderr: "+l)
		}
	}
	if len(p.frames) > 0 && p.framesCell == cell {
		e.Traceback = append(e.Traceback, "Interpreted frames the panic unwound, innermost first:")
		for _, f := range p.frames {
			e.Traceback = append(e.Traceback, "  "+f)
		}
	}
	e.Traceback = append(e.Traceback, restartNotice)
	return &e
}

// exitError describes a process that ended without a crash report.
func exitError(state *os.ProcessState, waitErr error) engine.Error {
	if state == nil {
		msg := "the session process ended"
		if waitErr != nil {
			msg += ": " + waitErr.Error()
		}
		return engine.Error{Name: "SessionExit", Value: msg, Traceback: []string{"SessionExit: " + msg}}
	}
	if ws, ok := state.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		msg := fmt.Sprintf("the session was killed by signal %s", ws.Signal())
		if ws.Signal() == syscall.SIGKILL {
			msg += " (most likely by the system's out-of-memory killer: the session used too much memory)"
		}
		return engine.Error{Name: "SessionKilled", Value: msg, Traceback: []string{"SessionKilled: " + msg}}
	}
	code := state.ExitCode()
	msg := fmt.Sprintf("the session exited with status %d: the cell called os.Exit(%d)", code, code)
	switch code {
	case 1:
		msg += ", or log.Fatal"
	case 2:
		msg += ", or a flag set with flag.ExitOnError met a bad flag"
	}
	return engine.Error{Name: "SessionExit", Value: msg, Traceback: []string{"SessionExit: " + msg}}
}

// goroutineHeader starts a goroutine's stack in the runtime's report.
var goroutineHeader = regexp.MustCompile(`^goroutine \d+ (gp=\S+ m=\S+ mp=\S+ )?\[.*\]:$`)

// crashError turns the Go runtime's report of a fatal error or an unrecovered
// panic into the cell's error: its message lines, then the frames of the failing
// goroutine that belong to the cell's world (its code's callers in compiled
// packages), without the runtime's, reflect's and the interpreter's own.
func crashError(report string) engine.Error {
	lines := strings.Split(strings.TrimRight(report, "\n"), "\n")
	var msg []string
	i := 0
	for ; i < len(lines) && lines[i] != "" && !goroutineHeader.MatchString(lines[i]); i++ {
		l := lines[i]
		// The runtime's register and address dumps say nothing to a notebook user.
		if strings.HasPrefix(l, "runtime: sp=") || strings.HasPrefix(l, "runtime: ") && strings.Contains(l, "=0x") ||
			strings.HasPrefix(l, "PC=") || strings.HasPrefix(l, "[signal ") || strings.HasPrefix(l, "signal arrived") {
			continue
		}
		msg = append(msg, l)
	}
	e := engine.Error{Name: "fatal error", Value: strings.TrimSpace(report)}
	for _, l := range msg {
		if name, value, ok := strings.Cut(l, ": "); ok && (name == "fatal error" || name == "panic") {
			e.Name, e.Value = name, value
			if k := strings.Index(value, " [recovered"); k > 0 {
				e.Value = value[:k]
			}
			if name == "fatal error" {
				break // a throw's message is the one that counts
			}
		}
	}
	if e.Value == strings.TrimSpace(report) && len(msg) > 0 {
		e.Value = msg[0]
	}
	if strings.Contains(e.Value, "out of memory") {
		msg = append(msg, "The session ran out of memory (its limit is set by RATELAB_MEMORY_LIMIT, in bytes or with a unit: 8GiB).")
	}
	if e.Value == "stack overflow" {
		msg = append(msg, "A goroutine's stack grew past its limit: most likely a function that calls itself without end.")
	}
	e.Traceback = append(e.Traceback, msg...)
	// The failing goroutine's stack: the first one after the message.
	for ; i < len(lines) && !goroutineHeader.MatchString(lines[i]); i++ {
	}
	if i == len(lines) {
		return e
	}
	var frames []string
	for i++; i < len(lines) && lines[i] != ""; i++ {
		fn := lines[i]
		var at string
		if i+1 < len(lines) && strings.HasPrefix(lines[i+1], "\t") {
			i++
			at = strings.TrimSpace(lines[i])
		}
		created := strings.HasPrefix(fn, "created by ")
		fn = strings.TrimPrefix(fn, "created by ")
		if strings.HasPrefix(fn, "...") || internalFrame(fn) {
			continue // "...N frames elided...", or the runtime's own
		}
		if len(frames) == maxFrames {
			frames = append(frames, "  …")
			break
		}
		if created {
			frames = append(frames, "  started by "+frameText(fn, at))
			break
		}
		frames = append(frames, "  "+frameText(fn, at))
	}
	if len(frames) > 0 {
		e.Traceback = append(e.Traceback, "in a goroutine:")
		e.Traceback = append(e.Traceback, frames...)
	}
	return e
}

// maxFrames is how many compiled frames a death report lists.
const maxFrames = 12

// internalPrefixes name the packages whose frames say nothing about the cell: the
// runtime, reflection and the interpreter running the cell's code, and ratelab's
// own session.
var internalPrefixes = []string{
	"runtime.", "runtime/", "reflect.", "internal/", "github.com/traefik/yaegi/", "github.com/ratelab/ratelab/kernel/",
	"panic(", "main.",
}

func internalFrame(fn string) bool {
	for _, p := range internalPrefixes {
		if strings.HasPrefix(fn, p) {
			return true
		}
	}
	return false
}

// frameText is "pkg.F (file.go:12)" for a frame's function line and location line.
func frameText(fn, at string) string {
	if i := strings.LastIndex(fn, "("); i > 0 && strings.HasSuffix(fn, ")") {
		fn = fn[:i]
	}
	if i := strings.Index(fn, " in goroutine "); i > 0 {
		fn = fn[:i]
	}
	if i := strings.Index(at, " +0x"); i > 0 {
		at = at[:i]
	}
	if at == "" {
		return fn
	}
	return fmt.Sprintf("%s (%s)", fn, at)
}

func jsonUnmarshal(b []byte, v any) error {
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("the session's reply: %w", err)
	}
	return nil
}
