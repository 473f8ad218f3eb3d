package interp

import (
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// An os.Exit in a goroutine a cell's go statement started would end a program;
// a session goes on (goroutinePanic reports it). Were that goroutine's deferred
// calls skipped, as an exit skips them on the cell's own goroutine (deferring),
// a `defer wg.Done()` would never run, and the cell waiting in wg.Wait, a
// compiled call no interrupt stops, would hold the session for good. So the
// goroutines of go statements are known by id, and their deferred calls run.

// goStatements holds the ids of the running goroutines that cells' go
// statements started (package desugar's goStatements calls GoStart first thing
// in each; GoPanic, deferred, ends it).
var goStatements sync.Map

func goStart() { goStatements.Store(goroutineID(), true) }

func goEnd() { goStatements.Delete(goroutineID()) }

// inGoStatement reports whether the calling goroutine is one of goStatements.
func inGoStatement() bool {
	_, ok := goStatements.Load(goroutineID())
	return ok
}

// goroutineID returns the calling goroutine's id, from the first line of its
// stack trace ("goroutine 18 [running]:"), or 0.
func goroutineID() uint64 {
	var buf [64]byte
	line := string(buf[:runtime.Stack(buf[:], false)])
	line = strings.TrimPrefix(line, "goroutine ")
	id, _ := strconv.ParseUint(line[:max(strings.IndexByte(line, ' '), 0)], 10, 64)
	return id
}
