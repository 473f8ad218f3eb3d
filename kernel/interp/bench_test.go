package interp

import (
	"context"
	"testing"
)

// BenchmarkNewSession measures starting a session with every built-in package
// importable (the symbol tables, the session's runtime and prelude).
func BenchmarkNewSession(b *testing.B) {
	for b.Loop() {
		s, err := New(Options{NoCapture: true})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkExecuteTrivial measures one trivial cell with a result, as a
// notebook's execute_request runs it: with file descriptors 1 and 2 captured.
func BenchmarkExecuteTrivial(b *testing.B) { benchExecuteTrivial(b, Options{}) }

// BenchmarkExecuteTrivialNoCapture is BenchmarkExecuteTrivial without the
// redirection of file descriptors, to show what capture costs.
func BenchmarkExecuteTrivialNoCapture(b *testing.B) {
	benchExecuteTrivial(b, Options{NoCapture: true})
}

func benchExecuteTrivial(b *testing.B, opts Options) {
	s, err := New(opts)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	rec := &recorder{}
	for b.Loop() {
		if _, e := s.Execute(context.Background(), "1 + 1", rec); e != nil {
			b.Fatal(e.Value)
		}
	}
}
