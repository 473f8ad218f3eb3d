package interp

import (
	"fmt"
	"go/parser"
	"reflect"
	"runtime"
	"runtime/debug"
	"strings"
	"sync/atomic"

	"github.com/traefik/yaegi/interp"

	"github.com/ratelab/ratelab/kernel/display"
	"github.com/ratelab/ratelab/kernel/engine"
)

// A failed compile leaves yaegi v0.16.1's global scope ahead of its memory: the
// compiler gives the cell's package-level symbols (a top-level `x := …`, the
// variables of a top-level loop) slots in the global frame as it goes, but only
// Execute grows the frame to match (Interpreter.resizeFrame). When the compile
// fails, nothing runs, and the symbols stay with slots past the frame's end:
// Globals and Symbols, which index the frame by slot, then panic ("index out of
// range [12] with length 12") until some program runs. A failed type declaration
// leaves an incomplete type that Symbols panics on for good ("incomplete type T").
//
// So: after a failed compile the session runs an empty program (repairFrame),
// which grows the frame; Globals and Symbols are only read through safeGlobals and
// safeSymbols; and a panic that escapes anyway is recovered at the session's
// entry points (recoverCell, recoverQuery).

// repairFrame runs an empty program in yi, which makes yaegi grow its global frame
// to cover the slots a failed compile allocated. It reports whether that worked.
func repairFrame(yi *interp.Interpreter) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("repair the interpreter's frame: %v", r)
		}
	}()
	f, err := parser.ParseFile(yi.FileSet(), "_.go", "package main", parser.SkipObjectResolution)
	if err != nil {
		return err
	}
	prog, err := yi.CompileAST(f)
	if err != nil || prog == nil {
		return err
	}
	_, err = yi.Execute(prog)
	return err
}

// safeGlobals is yi.Globals, or false if yaegi panics reading them.
func safeGlobals(yi *interp.Interpreter) (g map[string]reflect.Value, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			g, ok = nil, false
		}
	}()
	return yi.Globals(), true
}

// safeSymbols is yi.Symbols(path), or false if yaegi panics building them (a
// failed type declaration leaves a type it cannot make).
func safeSymbols(yi *interp.Interpreter, path string) (e interp.Exports, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			e, ok = nil, false
		}
	}()
	return yi.Symbols(path), true
}

// healthy reports whether yi can be trusted after a panic in the session: an empty
// program compiles and runs in it, and its globals can be read.
func healthy(yi *interp.Interpreter) bool {
	if yi == nil || repairFrame(yi) != nil {
		return false
	}
	_, ok := safeGlobals(yi)
	return ok
}

// recoverCell is deferred by Execute: a panic that escaped the cell's run (from
// yaegi, or the session's own code) becomes the cell's InternalError instead of
// ending the process. If the interpreter cannot be trusted afterwards, the session
// is reset and the error says so.
func (s *Session) recoverCell(b **engine.Bundle, e **engine.Error) {
	r := recover()
	if r == nil {
		return
	}
	site := panicSite()
	fmt.Fprintf(LogWriter(), "ratelab: internal error running a cell: %v\n%s\n", r, debug.Stack())
	s.mu.Lock()
	yi := s.yi
	s.mu.Unlock()
	msg := fmt.Sprintf("ratelab failed running this cell (a bug in ratelab or in its Go interpreter, yaegi): %v", r)
	tb := []string{"InternalError: " + msg}
	if site != "" {
		tb = append(tb, "  at "+site)
	}
	switch {
	case healthy(yi):
		tb = append(tb, "The session is intact: variables declared before this cell are kept.")
	default:
		if err := s.Reset(); err != nil {
			msg += "; the session could not be reset: restart the kernel"
			tb = append(tb, "The interpreter could not be trusted after this and resetting it failed ("+err.Error()+"): restart the kernel.")
		} else {
			msg += "; the session was reset: variables are gone"
			tb = append(tb, "The interpreter could not be trusted after this, so the session was reset: variables are gone, "+
				"imports and declarations too. Re-run the cells that define what you need.")
		}
	}
	*b, *e = nil, &engine.Error{Name: "InternalError", Value: msg, Traceback: tb}
}

// recoverQuery is deferred by Complete, Inspect and IsComplete: a panic becomes
// an empty answer (set by empty) and a line in the kernel's log. These only read
// the session, so it is kept.
func (s *Session) recoverQuery(what string, empty func()) {
	r := recover()
	if r == nil {
		return
	}
	queryPanics.Add(1)
	fmt.Fprintf(LogWriter(), "ratelab: internal error in %s (answered with nothing): %v\n%s\n", what, r, debug.Stack())
	empty()
}

// renderResult renders a cell's value. Rendering calls methods of the value
// (HTML, Markdown, SVG, PNG, String…), which a cell may have declared: a panic in
// one is the cell's panic, reported as such, with the frames yaegi saw.
func (s *Session) renderResult(v any, id int) (b engine.Bundle, ok bool, e *engine.Error) {
	defer func() {
		if r := recover(); r != nil {
			e = s.runtimeError(interp.Panic{Value: r}, id)
			e.Traceback = append(e.Traceback, "(raised while showing the cell's value: by a method of it that the display calls, such as HTML, Markdown or String)")
		}
	}()
	b, ok = display.Render(displayable(v))
	return b, ok, nil
}

// displayable is v with the values yaegi keeps in valueInterfaces in it made
// printable (see printable); it panics where that cannot print what Go would.
func displayable(v any) any {
	if t, ok := v.(reflect.Type); ok && hasCellStruct(t) {
		return goType{t}
	}
	if err := errHeldReflectType(reflect.ValueOf(v)); err != nil {
		panic(err)
	}
	if v == nil || !holdsCellStruct(reflect.ValueOf(v), 0) {
		return v
	}
	cv, err := newCellValue(reflect.ValueOf(v), "")
	if err != nil {
		panic(err)
	}
	if cv.plain == cv.v {
		return v
	}
	return cv.plain.Interface()
}

// queryPanics counts the panics recoverQuery recovered, for the tests.
var queryPanics atomic.Int64

// panicSite is the function and line a recovered panic started from: the first
// frame below the runtime's panic machinery, called from the deferred function.
func panicSite() string {
	pc := make([]uintptr, 64)
	n := runtime.Callers(3, pc) // runtime.Callers, panicSite, recoverCell
	frames := runtime.CallersFrames(pc[:n])
	inPanic := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic" || strings.HasPrefix(f.Function, "runtime.panic") ||
			f.Function == "runtime.sigpanic" || strings.HasPrefix(f.Function, "runtime.goPanic"):
			inPanic = true
		case inPanic && !strings.HasPrefix(f.Function, "runtime."):
			return fmt.Sprintf("%s (%s:%d)", f.Function, f.File, f.Line)
		}
		if !more {
			return ""
		}
	}
}
