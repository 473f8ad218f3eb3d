package interp

import (
	"fmt"
	"testing"
)

// In a function literal, yaegi v0.16.1 never ran the deferred call of a
// function or method declared further down the cell, silently.
func TestDeferLaterDeclaredInLiteral(t *testing.T) {
	sameAsGo(t, `package main

import "fmt"

func main() {
	func() {
		defer cleanup("a")
		fmt.Println("body")
	}()
	run := func() {
		defer cleanup("b")
	}
	run()
	defer cleanup("c")
}

func cleanup(s string) { fmt.Println("cleanup", s) }
`)
	sameAsGo(t, `package main

import (
	"errors"
	"fmt"
)

var errBoom = errors.New("boom")

type conn struct{ name string }

func main() {
	var c conn
	func() {
		defer c.Close()
		defer c.note("x")
		fmt.Println("using")
	}()
	err := func() (err error) {
		defer guard(&err)
		panic("boom")
	}()
	fmt.Println("err:", err)
	for i := range 2 {
		func() {
			defer cleanup(i)
		}()
	}
	p := &conn{name: "p"}
	func() {
		defer p.Close()
		p.name = "changed"
	}()
	fmt.Println(errors.Is(err, errBoom))
}

func (c conn) Close()          { fmt.Println("close", c.name) }
func (c *conn) note(s string) { fmt.Println("note", s) }

func guard(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("recovered %v: %w", r, errBoom)
	}
}

func cleanup(i int) { fmt.Println("cleanup", i) }
`)
}

// A deferred call of a value-receiver method through a pointer copies the
// value at the defer statement, as Go does: yaegi read it when the call ran.
func TestDeferValueMethodThroughPointer(t *testing.T) {
	sameAsGo(t, `package main

import "fmt"

type conn struct{ name string }

func (c conn) Close() { fmt.Println("close", c.name) }

func main() {
	p := &conn{name: "p"}
	func() {
		defer p.Close()
		p.name = "changed"
	}()
	q := &conn{name: "q"}
	defer q.Close()
	q.name = "changed"
}
`)
}

// exitsAsGo runs src, a main package that ends with os.Exit or log.Fatal, with
// the Go toolchain and as one cell of a new session, and fails t unless the cell
// ends with the program's exit status, having printed what the program printed.
func exitsAsGo(t *testing.T, src string) {
	t.Helper()
	want, _, status := goRun(t, src)
	if status == 0 {
		t.Fatalf("go run: exit status 0, want an exit")
	}
	got, _, e := runCell(newSession(t), src)
	if e == nil || e.Name != "Exit" || e.Value != fmt.Sprintf("exit status %d", status) {
		t.Errorf("cell's error %+v, go run's exit status %d", e, status)
	}
	if got != want {
		t.Errorf("cell printed:\n%s\ngo run printed:\n%s", got, want)
	}
}

// os.Exit and log.Fatal end a program at once: no deferred call runs, in the
// function that exits or in its callers (yaegi unwound the panic that stands for
// the exit and ran them all).
func TestExitRunsNoDeferredCall(t *testing.T) {
	for name, src := range map[string]string{
		"in main": `package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("deferred")
	fmt.Println("start")
	os.Exit(3)
}
`,
		"in a called function": `package main

import (
	"fmt"
	"os"
	"sync"
)

var mu sync.Mutex

func leave(code int) {
	mu.Lock()
	defer mu.Unlock()
	defer func() { fmt.Println("leave's literal") }()
	fmt.Println("leaving")
	os.Exit(code)
}

func work() {
	defer cleanup("work")
	leave(4)
}

func cleanup(s string) { fmt.Println("cleanup", s) }

func main() {
	defer cleanup("main")
	work()
}
`,
		"log.Fatal": `package main

import (
	"fmt"
	"log"
)

func main() {
	defer fmt.Println("deferred")
	log.SetFlags(0)
	log.Fatal("fatal")
}
`,
		"a log.Logger's Fatalf": `package main

import (
	"fmt"
	"log"
	"os"
)

type state struct{ n int }

func (s *state) save() { fmt.Println("saved", s.n) }

func main() {
	s := &state{n: 1}
	defer s.save()
	l := log.New(os.Stderr, "", 0)
	l.Fatalf("fatal %d", s.n)
}
`,
		"in a deferred call": `package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("first deferred")
	defer func() {
		fmt.Println("second deferred")
		os.Exit(2)
	}()
	for i := range 2 {
		defer fmt.Println("in loop", i)
	}
	panic("boom")
}
`,
		"with a recover": `package main

import (
	"fmt"
	"os"
)

func guard() {
	fmt.Println("guard")
	if r := recover(); r != nil {
		fmt.Println("recovered", r)
	}
}

func main() {
	defer guard()
	os.Exit(5)
}
`,
	} {
		t.Run(name, func(t *testing.T) { exitsAsGo(t, src) })
	}
}

// The deferred calls skipped by an exit leave nothing behind: a variable a
// deferred closure would have written is as it was in the next cell, and the
// next cell's deferred calls run, in the function that exited too.
func TestDeferRunsAgainAfterExit(t *testing.T) {
	s := newSession(t)
	run(t, s, `import ("fmt"; "os")
var n int
func bump(exit bool) {
	defer func() { n++ }()
	if exit {
		os.Exit(1)
	}
}`)
	if e, _ := fail(t, s, `bump(true)`); e.Name != "Exit" {
		t.Fatalf("error %s: %s", e.Name, e.Value)
	}
	if _, rec := run(t, s, `fmt.Println(n)`); rec.out() != "0\n" {
		t.Errorf("after the exit, n = %q, want 0", rec.out())
	}
	if _, rec := run(t, s, `bump(false)
func once() { defer fmt.Println("deferred") }
once()
fmt.Println(n)`); rec.out() != "deferred\n1\n" {
		t.Errorf("next cell printed %q", rec.out())
	}
}

// An exit in a goroutine of a go statement, which the session survives, runs
// the goroutine's deferred calls: a deferred wg.Done() must, or the cell's
// wg.Wait() would never return. On the cell's own goroutine none runs.
func TestExitInGoroutineRunsItsDefers(t *testing.T) {
	s := newSession(t)
	_, rec := run(t, s, `import ("fmt"; "os"; "sync")
func work() {
	defer fmt.Println("work's deferred")
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer fmt.Println("goroutine's deferred")
		os.Exit(6)
	}()
	wg.Wait()
	fmt.Println("waited")
}
work()`)
	if out := rec.out(); out != "goroutine's deferred\nwaited\nwork's deferred\n" {
		t.Errorf("cell printed %q", out)
	}
	if e, rec := fail(t, s, `func quit() { defer fmt.Println("not printed"); os.Exit(2) }; quit()`); e.Name != "Exit" || rec.out() != "" {
		t.Errorf("os.Exit on the cell's goroutine: error %s, printed %q; want Exit and nothing", e.Name, rec.out())
	}
}
