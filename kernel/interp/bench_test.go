package interp

import (
	"cmp"
	"context"
	"math/rand/v2"
	"slices"
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
