package interp

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
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

// BenchmarkSort sorts 10^5 elements in a cell with package std's slices, beside
// Go's compiled slices: float64s by Sort (which hands them to compiled code), the
// same by SortFunc (the interpreted algorithm and comparison), and a struct
// declared in the cell by SortFunc.
func BenchmarkSort(b *testing.B) {
	const n = 100_000
	rng := rand.New(rand.NewPCG(1, 1))
	floats := make([]float64, n)
	for i := range floats {
		floats[i] = rng.Float64()
	}
	type point struct {
		X, Y float64
		name string
	}
	points := make([]point, n)
	for i := range points {
		points[i] = point{X: rng.Float64(), Y: float64(i)}
	}
	b.Run("compiled/Sort/float64", func(b *testing.B) {
		x := make([]float64, n)
		for b.Loop() {
			copy(x, floats)
			slices.Sort(x)
		}
	})
	b.Run("compiled/SortFunc/struct", func(b *testing.B) {
		x := make([]point, n)
		for b.Loop() {
			copy(x, points)
			slices.SortFunc(x, func(a, b point) int { return cmp.Compare(a.X, b.X) })
		}
	})
	s, err := New(Options{NoCapture: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	rec := &recorder{}
	setup := `import ("cmp"; "math/rand/v2"; "slices")
type point struct { X, Y float64; name string }
rng := rand.New(rand.NewPCG(1, 1))
var floats, xs []float64
var points, ps []point
for i := 0; i < 100000; i++ {
	floats = append(floats, rng.Float64())
	points = append(points, point{X: rng.Float64(), Y: float64(i)})
}
xs = make([]float64, len(floats))
ps = make([]point, len(points))`
	if _, e := s.Execute(context.Background(), setup, rec); e != nil {
		b.Fatal(e.Value)
	}
	for _, c := range []struct{ name, cell string }{
		{"interpreted/Sort/float64", `copy(xs, floats); slices.Sort[[]float64, float64](xs)`},
		{"interpreted/SortFunc/float64", `copy(xs, floats); slices.SortFunc[[]float64, float64](xs, func(a, b float64) int { return cmp.Compare[float64](a, b) })`},
		{"interpreted/SortFunc/struct", `copy(ps, points); slices.SortFunc[[]point, point](ps, func(a, b point) int { return cmp.Compare[float64](a.X, b.X) })`},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, e := s.Execute(context.Background(), c.cell, rec); e != nil {
					b.Fatal(e.Value)
				}
			}
		})
	}
}

// BenchmarkFrontEndTrivial measures what the front end (parse, type-check,
// refuse, desugar) adds to a trivial cell, without running it.
func BenchmarkFrontEndTrivial(b *testing.B) { benchFrontEnd(b, "1 + 1") }

// BenchmarkFrontEnd300Lines measures the front end on a 300-line cell of
// declarations and statements.
func BenchmarkFrontEnd300Lines(b *testing.B) { benchFrontEnd(b, cell300()) }

// BenchmarkFrontEndConstants300Lines measures the front end on a 300-line cell
// dense with constants (iota blocks, typed float constants, constant operands in
// every expression), each of which it writes as a literal.
func BenchmarkFrontEndConstants300Lines(b *testing.B) { benchFrontEnd(b, cellConstants300()) }

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

// cellConstants300 is a 300-line cell of typed and untyped constants and the
// functions that use them.
func cellConstants300() string {
	var b strings.Builder
	for i := 0; i < 11; i++ {
		fmt.Fprintf(&b, `type Level%[1]d int

const (
	Low%[1]d Level%[1]d = iota * 10
	Mid%[1]d
	High%[1]d
)

const scale%[1]d float32 = 1.0 / 3
const limit%[1]d = 1 << 40 >> 38

func weigh%[1]d(xs []float32) (float32, Level%[1]d) {
	total := float32(0)
	for i, x := range xs {
		if i%%2 == 0 {
			total += x * scale%[1]d * 0.5
		} else {
			total -= x / (scale%[1]d + 1e-3)
		}
	}
	switch {
	case total > limit%[1]d*0.75:
		return total, High%[1]d
	case total > 0.1:
		return total, Mid%[1]d
	}
	return total * float32(1.0/7), Low%[1]d
}
`, i)
	}
	b.WriteString("_, level := weigh0([]float32{0.5, 1.5, 2.5})\nlevel")
	return b.String()
}

// BenchmarkDeferredCall measures a call of a cell's function with one deferred
// call, 1000 times a cell, per kind of deferred call: a compiled method
// (mu.Unlock), a function literal, and a function the cell declares. The metric
// ns/call is one call of the function, its deferred call included.
func BenchmarkDeferredCall(b *testing.B) {
	for _, c := range []struct{ name, decl string }{
		{"compiled", "func f() { mu.Lock(); defer mu.Unlock(); n++ }"},
		{"literal", "func f() { defer func() { n++ }() }"},
		{"declared", "func f() { defer inc() }"},
	} {
		b.Run(c.name, func(b *testing.B) {
			s, err := New(Options{NoCapture: true})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			rec := &recorder{}
			if _, e := s.Execute(context.Background(), "import \"sync\"\nvar mu sync.Mutex\nvar n int\nfunc inc() { n++ }\n"+c.decl, rec); e != nil {
				b.Fatal(e.Value)
			}
			const calls = 1000
			for b.Loop() {
				if _, e := s.Execute(context.Background(), "for range 1000 { f() }", rec); e != nil {
					b.Fatal(e.Value)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*calls), "ns/call")
		})
	}
}

// BenchmarkBounds measures what the bounds checks (desugar/bounds.go) cost in
// loops summing 10^5 ints, with the checks ("checked") and without
// ("unchecked"): a range loop and a counting loop to len(s), whose checks are
// left out, and s[idx[i]], whose outer index is checked.
func BenchmarkBounds(b *testing.B) {
	setup := `var s, idx []int
for i := 0; i < 100000; i++ {
	s = append(s, i)
	idx = append(idx, (i*7919)%100000)
}
func sumRange() int { t := 0; for i := range s { t += s[i] }; return t }
func sumCounting() int { t := 0; for i := 0; i < len(s); i++ { t += s[i] }; return t }
func sumIndirect() int { t := 0; for i := range idx { t += s[idx[i]] }; return t }`
	for _, loop := range []string{"range", "counting", "indirect"} {
		for _, checked := range []bool{false, true} {
			name := loop + "/unchecked"
			if checked {
				name = loop + "/checked"
			}
			b.Run(name, func(b *testing.B) {
				s, err := New(Options{NoCapture: true})
				if err != nil {
					b.Fatal(err)
				}
				defer s.Close()
				s.noBounds = !checked
				rec := &recorder{}
				if _, e := s.Execute(context.Background(), setup, rec); e != nil {
					b.Fatal(e.Value)
				}
				cell := map[string]string{"range": "sumRange()", "counting": "sumCounting()", "indirect": "sumIndirect()"}[loop]
				for b.Loop() {
					if _, e := s.Execute(context.Background(), cell, rec); e != nil {
						b.Fatal(e.Value)
					}
				}
			})
		}
	}
}

// BenchmarkPrintInterface measures a print call of a value held in an
// interface (desugar/printargs.go: __rt.PrintDynamic asks the session's
// printer), per call: of a struct with a String method ("stringer"), of a
// plain struct, and of an int.
func BenchmarkPrintInterface(b *testing.B) {
	for _, c := range []struct{ name, value string }{
		{"stringer", "Circle{2}"},
		{"struct", "Plain{2}"},
		{"int", "2"},
	} {
		b.Run(c.name, func(b *testing.B) {
			s, err := New(Options{NoCapture: true})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			rec := &recorder{}
			setup := "import (\"fmt\"; \"io\")\ntype Circle struct{ R int }\nfunc (c Circle) String() string { return \"circle\" }\n" +
				"type Plain struct{ R int }\nfunc show(v any) { fmt.Fprint(io.Discard, v) }\nvar v any = " + c.value
			if _, e := s.Execute(context.Background(), setup, rec); e != nil {
				b.Fatal(e.Value)
			}
			const calls = 1000
			for b.Loop() {
				if _, e := s.Execute(context.Background(), "for range 1000 { show(v) }", rec); e != nil {
					b.Fatal(e.Value)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*calls), "ns/call")
		})
	}
}

// BenchmarkInterfaceConversionInLoop measures what copying a value of a cell's
// type before it is converted to an interface in a loop body costs
// (desugar/ifaceconv.go), per conversion: a pointer to a Shape, a value to a
// fmt.Stringer, and a value without methods to an any, which is not copied.
func BenchmarkInterfaceConversionInLoop(b *testing.B) {
	for _, c := range []struct{ name, loop string }{
		{"pointer_to_cell_interface", "shapes = shapes[:0]; for i := range 1000 { shapes = append(shapes, &Circle{R: i}) }"},
		{"value_to_stringer", "names = names[:0]; for i := range 1000 { names = append(names, Label{N: i}) }"},
		{"plain_to_any", "anys = anys[:0]; for i := range 1000 { anys = append(anys, Plain{R: i}) }"},
	} {
		b.Run(c.name, func(b *testing.B) {
			s, err := New(Options{NoCapture: true})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			rec := &recorder{}
			setup := "import \"fmt\"\ntype Shape interface{ Area() int }\ntype Circle struct{ R int }\nfunc (c *Circle) Area() int { return c.R * c.R }\n" +
				"type Label struct{ N int }\nfunc (l Label) String() string { return \"label\" }\ntype Plain struct{ R int }\n" +
				"var shapes []Shape\nvar names []fmt.Stringer\nvar anys []any"
			if _, e := s.Execute(context.Background(), setup, rec); e != nil {
				b.Fatal(e.Value)
			}
			const conversions = 1000
			for b.Loop() {
				if _, e := s.Execute(context.Background(), c.loop, rec); e != nil {
					b.Fatal(e.Value)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*conversions), "ns/conversion")
		})
	}
}

// BenchmarkStructReassign measures what desugar/reassign.go's rewrites cost
// per assignment of a struct variable, 1000 a call: of a composite literal,
// of a receive (the send included), and by a range statement that assigns.
func BenchmarkStructReassign(b *testing.B) {
	setup := `type P struct{ X, Y int }
var sink P
var ch = make(chan P, 1)
var xs = make([]P, 1000)
func literal() { var v P; for i := 0; i < 1000; i++ { v = P{i, i} }; sink = v }
func receive() { var v P; for i := 0; i < 1000; i++ { ch <- P{i, i}; v = <-ch }; sink = v }
func ranged() { var v P; for _, v = range xs {}; sink = v }`
	for _, f := range []string{"literal", "receive", "ranged"} {
		b.Run(f, func(b *testing.B) {
			s, err := New(Options{NoCapture: true})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			rec := &recorder{}
			if _, e := s.Execute(context.Background(), setup, rec); e != nil {
				b.Fatal(e.Value)
			}
			const assignments = 1000
			for b.Loop() {
				if _, e := s.Execute(context.Background(), f+"()", rec); e != nil {
					b.Fatal(e.Value)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*assignments), "ns/assignment")
		})
	}
}
