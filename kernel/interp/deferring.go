package interp

import (
	"strings"

	"github.com/ratelab/ratelab/kernel/interp/symbols"
)

// deferring is __rt.Deferring(): the panic of one run of a function whose
// deferred calls package desugar makes catch their panics (desugar/deferpanic.go),
// so that a deferred call that panics replaces the function's panic instead of
// stopping the other deferred calls, as in Go. The values are the interpreter's
// (goPanicValue turns them into Go's).
type deferring struct {
	v         any // the function's panic, while panicking
	panicking bool
	// raised is the panic Raise handed to a deferred call to recover.
	raised  any
	raising bool
	// recovered is what the running deferred call recovered, if it did.
	recovered    any
	hasRecovered bool
}

func newDeferring() *deferring { return &deferring{} }

// Take starts a deferred call: v, what recover() returned in it, is the panic
// the function is in if it is not nil (the first deferred call takes it from the
// interpreter). It reports whether the function is panicking.
func (d *deferring) Take(v any) bool {
	d.recovered, d.hasRecovered = nil, false
	if v != nil {
		d.v, d.panicking = v, true
	}
	return d.panicking
}

// Call is a deferred call: it takes v (see Take) and calls f, whose panic, if
// it panics, replaces the function's. If the function is exiting (os.Exit,
// log.Fatal), f is not called: in Go the program ends there, and no deferred
// call runs; except in a goroutine of a go statement, whose exit the session
// survives (see goroutines.go).
func (d *deferring) Call(v any, f func()) {
	if d.Take(v) && isExit(d.v) && !inGoStatement() {
		return
	}
	defer func() { d.caught(recover()) }()
	f()
}

// Recover is a recover() in a deferred function literal: it ends the panic and
// returns Go's value of it, or nil if there is none. An exit (os.Exit) cannot be
// recovered: it panics on.
func (d *deferring) Recover() any {
	if !d.panicking {
		return nil
	}
	v := goPanicValue(d.v)
	if e, ok := v.(symbols.Exit); ok {
		panic(e)
	}
	d.recovered, d.hasRecovered = d.v, true
	d.v, d.panicking = nil, false
	return v
}

// Raise panics with the function's panic, for a deferred function that is not a
// literal to recover it (the deferred call of a function that panics, the
// deferred call's Caught sees what is left of it).
func (d *deferring) Raise() {
	v := d.v
	d.raised, d.raising = v, true
	d.v, d.panicking = nil, false
	panic(v)
}

// caught ends a deferred call: v, what recover() returned after it, is the
// panic it ended with, if not nil, which replaces the function's.
func (d *deferring) caught(v any) {
	raised, raising := d.raised, d.raising
	d.raised, d.raising = nil, false
	if v == nil {
		return
	}
	// An exit (os.Exit, log.Fatal) goes on whatever panics after it.
	switch {
	case raising && isExit(raised):
		d.v, d.panicking = raised, true
		return
	case d.panicking && isExit(d.v):
		return
	case isExit(v) || raising && samePanic(v, raised):
		d.v, d.panicking = v, true
		return
	}
	// Go reports the panics a panic replaced before it ("panic: first\n\tpanic:
	// second"), a recovered one marked so (printpanics in runtime/panic.go).
	var earlier []string
	switch {
	case raising: // whether the deferred function recovered it is not known
		earlier = panicLines(raised)
	case d.panicking:
		earlier = panicLines(d.v)
	case d.hasRecovered:
		earlier = panicLines(d.recovered)
		if samePanic(v, d.recovered) {
			earlier[len(earlier)-1] += " [recovered, repanicked]"
			d.v, d.panicking = &panicChain{earlier: earlier[:len(earlier)-1], last: v, suffix: earlier[len(earlier)-1]}, true
			return
		}
		earlier[len(earlier)-1] += " [recovered]"
	}
	d.v, d.panicking = v, true
	if len(earlier) > 0 {
		d.v = &panicChain{earlier: earlier, last: v}
	}
}

// Reraise ends the function's deferred calls: the panic left, if any, goes on.
func (d *deferring) Reraise() {
	if d.panicking {
		v := d.v
		d.v, d.panicking = nil, false
		panic(v)
	}
}

// panicChain is a panic that replaced others in a deferred call, for the report:
// what Go prints for the ones before it (each line but the first after "\tpanic: ").
type panicChain struct {
	earlier []string
	last    any // the interpreter's value of the panic
	// suffix, if not "", is last's line: a recovered panic panicked with again.
	suffix string
}

// panicLines is what Go prints for the panic v after "panic: " and after
// "\tpanic: ", one string per panic, the newest last.
func panicLines(v any) []string {
	c, ok := v.(*panicChain)
	if !ok {
		return []string{panicMessage(goPanicValue(v))}
	}
	last := c.suffix
	if last == "" {
		last = panicMessage(goPanicValue(c.last))
	}
	return append(append([]string(nil), c.earlier...), last)
}

// panicReport is what Go prints after "panic: " for the panic v: its message,
// after those of the panics it replaced.
func panicReport(v any) string {
	return strings.Join(panicLines(v), "\n\tpanic: ")
}

// isExit reports whether the interpreter's panic v is an exit.
func isExit(v any) bool {
	_, exit := goPanicValue(v).(symbols.Exit)
	return exit
}

// samePanic reports whether the interpreter's panics a and b are the same value.
func samePanic(a, b any) (same bool) {
	defer func() {
		if recover() != nil {
			same = false // not comparable
		}
	}()
	return a == b || goPanicValue(a) == goPanicValue(b)
}
