package interp

import (
	"context"
	"fmt"
	"strings"
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

// BenchmarkFrontEndTrivial measures what the front end (parse, type-check,
// refuse, desugar) adds to a trivial cell, without running it.
func BenchmarkFrontEndTrivial(b *testing.B) { benchFrontEnd(b, "1 + 1") }

// BenchmarkFrontEnd300Lines measures the front end on a 300-line cell of
// declarations and statements.
func BenchmarkFrontEnd300Lines(b *testing.B) { benchFrontEnd(b, cell300()) }

func benchFrontEnd(b *testing.B, code string) {
	s, err := New(Options{NoCapture: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, e := s.Execute(context.Background(), "import (\"fmt\"; \"strings\"; \"sort\")\nvar _ = fmt.Sprint\nvar _ = strings.ToUpper\nvar _ = sort.Ints", &recorder{}); e != nil {
		b.Fatal(e.Value)
	}
	if lines := strings.Count(code, "\n") + 1; lines > 1 && (lines < 290 || lines > 310) {
		b.Fatalf("cell has %d lines", lines)
	}
	fset := s.yi.FileSet()
	for b.Loop() {
		if _, e := s.frontEnd(fset, s.checker, code, 1); e != nil {
			b.Fatal(e.Value)
		}
	}
}

// cell300 is a 300-line cell as notebooks have them: types, methods,
// functions with loops and maps, and top-level statements.
func cell300() string {
	var b strings.Builder
	b.WriteString("type Row struct {\n\tName  string\n\tValue float64\n\tTags  []string\n}\n\n")
	for i := 0; i < 17; i++ {
		fmt.Fprintf(&b, `func summarize%d(rows []Row, min float64) (map[string]float64, error) {
	totals := map[string]float64{}
	for _, r := range rows {
		if r.Value < min {
			continue
		}
		for _, t := range r.Tags {
			totals[strings.ToLower(t)] += r.Value
		}
	}
	if len(totals) == 0 {
		return nil, fmt.Errorf("summarize%d: no row above %%g", min)
	}
	return totals, nil
}

`, i, i)
	}
	b.WriteString("rows := []Row{{\"a\", 1, []string{\"x\"}}, {\"b\", 2, []string{\"y\", \"x\"}}}\n")
	b.WriteString("keys := []string{}\n")
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&b, "if t, err := summarize%d(rows, 0.5); err == nil {\n\tfor k := range t {\n\t\tkeys = append(keys, k)\n\t}\n}\n", i)
	}
	b.WriteString("sort.Strings(keys)\nlen(keys)")
	return b.String()
}
