package kernel

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/ratelab/ratelab/kernel/engine"
)

// fakeInterp is an engine.Interpreter whose "language" is one command per cell, so the
// protocol tests can make a cell print, fail, block, ask for input or display.
type fakeInterp struct {
	mu       sync.Mutex
	executed []string
	resets   int
	closes   int
}

func (f *fakeInterp) Execute(ctx context.Context, code string, out engine.Output) (*engine.Bundle, *engine.Error) {
	f.mu.Lock()
	f.executed = append(f.executed, code)
	f.mu.Unlock()
	cmd, arg, _ := strings.Cut(code, " ")
	interrupted := &engine.Error{Name: "KeyboardInterrupt", Value: "interrupted", Traceback: []string{"KeyboardInterrupt"}}
	switch cmd {
	case "print":
		out.Stream("stdout", arg+"\n")
	case "stderr":
		out.Stream("stderr", arg+"\n")
	case "value":
		return &engine.Bundle{Data: map[string]any{"text/plain": arg}}, nil
	case "fail":
		if d, err := time.ParseDuration(arg); err == nil {
			time.Sleep(d)
		}
		return nil, &engine.Error{Name: "CompileError", Value: "cell:1:1: fail", Traceback: []string{"cell:1:1: fail"}}
	case "stubborn": // ignores interrupts for a while
		time.Sleep(stopGrace + 2*time.Second)
		return nil, interrupted
	case "block": // like `for {}`: only an interrupt ends it
		<-ctx.Done()
		return nil, interrupted
	case "slowprint": // prints, waits, prints again
		out.Stream("stdout", "first\n")
		time.Sleep(400 * time.Millisecond)
		out.Stream("stdout", "second\n")
	case "many": // a burst of small writes, which should be coalesced
		for range 1000 {
			out.Stream("stdout", "x")
		}
	case "input":
		v, err := out.Input(arg, false)
		if err != nil {
			if ctx.Err() != nil {
				return nil, interrupted
			}
			return nil, &engine.Error{Name: "StdinError", Value: err.Error()}
		}
		out.Stream("stdout", "got "+v+"\n")
	case "display":
		out.Display(engine.Bundle{Data: map[string]any{"text/html": "<b>0%</b>"}}, "bar")
		out.Update(engine.Bundle{Data: map[string]any{"text/html": "<b>100%</b>"}}, "bar")
		out.Clear(true)
	}
	return nil, nil
}

func (f *fakeInterp) Complete(code string, cursor int) engine.Completion {
	if strings.HasSuffix(code[:cursor], "fm") {
		return engine.Completion{Matches: []string{"fmt"}, CursorStart: cursor - 2, CursorEnd: cursor,
			Types: []engine.CompletionType{{Text: "fmt", Type: "package", Start: cursor - 2, End: cursor}}}
	}
	return engine.Completion{}
}

func (f *fakeInterp) Inspect(code string, cursor, detail int) (engine.Bundle, bool) {
	if strings.Contains(code, "fmt") {
		return engine.Bundle{Data: map[string]any{"text/plain": "package fmt"}}, true
	}
	return engine.Bundle{}, false
}

func (f *fakeInterp) IsComplete(code string) engine.Completeness {
	if strings.HasSuffix(code, "{") {
		return engine.Completeness{Status: "incomplete", Indent: "\t"}
	}
	return engine.Completeness{Status: "complete"}
}

func (f *fakeInterp) Info() engine.LanguageInfo {
	return engine.LanguageInfo{Name: "go", Version: "fake", MimeType: "text/x-go", FileExtension: ".go", Banner: "fake banner"}
}

func (f *fakeInterp) Reset() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.resets++
	return nil
}

func (f *fakeInterp) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.closes++
	return nil
}

func (f *fakeInterp) ran(code string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.executed {
		if c == code {
			return true
		}
	}
	return false
}
