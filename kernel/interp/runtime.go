package interp

import (
	"fmt"
	"reflect"
	"time"

	"github.com/traefik/yaegi/interp"
)

// rtPath is the import path of the session's private runtime package, imported
// as rtName by the prelude, for code the session writes into cells.
const (
	rtPath = "ratelab/rt"
	rtName = "__rt"
)

// prelude is interpreted once per session, before any cell: it imports the
// runtime package under rtName (imports of the file "_.go" are shared by every
// cell) and defines generic stand-ins for the min and max builtins yaegi v0.16.1
// lacks (see minMax).
const prelude = `package main

import ` + rtName + ` "` + rtPath + `"

type __ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 | ~string
}

// __min and __max stand for the builtins min and max: cells' calls are
// rewritten to nested calls of them. A NaN argument wins, as in Go.
func __min[T __ordered](x, y T) T {
	if y < x || y != y {
		return y
	}
	return x
}

func __max[T __ordered](x, y T) T {
	if y > x || y != y {
		return y
	}
	return x
}

var _ = ` + rtName + `.Result
`

// runtimeSymbols are the functions of the runtime package, bound to s.
func (s *Session) runtimeSymbols() map[string]reflect.Value {
	result := func(v any) {
		if r := s.current(); r != nil {
			r.result, r.hasResult = v, true
		}
	}
	goPanic := func(pos string, v any) { s.goroutinePanic(pos, v) }
	return map[string]reflect.Value{
		"Result":  reflect.ValueOf(result),
		"GoPanic": reflect.ValueOf(goPanic),
	}
}

// sessionOverrides replaces symbols of the standard library whose compiled form
// would not honour an interrupt: time.Sleep wakes up when the cell is interrupted.
func (s *Session) sessionOverrides() interp.Exports {
	sleep := func(d time.Duration) {
		r := s.current()
		if r == nil {
			time.Sleep(d)
			return
		}
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
		case <-r.ctx.Done():
		}
	}
	return interp.Exports{"time/time": {"Sleep": reflect.ValueOf(sleep)}}
}

// goroutinePanic reports a panic recovered in a goroutine a cell started, at pos
// ("cellN/_.go:line:col" of its go statement): in the running cell's stderr, or, if
// no cell runs, at the start of the next one. The kernel's log gets it too.
func (s *Session) goroutinePanic(pos string, v any) {
	msg := fmt.Sprintf("panic in a goroutine started at %s: %v\n", s.describePos(pos), v)
	s.mu.Lock()
	r := s.run
	frames := s.io.takeFrames()
	for _, f := range frames {
		msg += "    at " + s.describePosLocked(f) + "\n"
	}
	if r == nil {
		s.io.pending = append(s.io.pending, msg)
	}
	s.mu.Unlock()
	fmt.Fprint(LogWriter(), "ratelab: "+msg)
	if r != nil {
		fmt.Fprint(r.stderr, msg)
	}
}
