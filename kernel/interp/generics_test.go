package interp

import "testing"

// The generic code below failed or printed something else before desugar's
// rewrites of generic bodies (typeparams.go, instanceCallee): yaegi v0.16.1
// stands in for a type parameter the qualified name of its type argument
// (main.Celsius), which it then cannot look up. Each program runs as one cell
// and is compared with go run. %T of a named non-struct type is left out: the
// interpreter loses that name everywhere, not only in generic code.

// TestGenericConversions: T(x) to a type parameter standing for a cell's
// defined type, a compiled one (time.Duration), a string type, from a
// constant, from nil; and a literal of a type parameter (S{…}, M{}).
func TestGenericConversions(t *testing.T) {
	sameAsGo(t, `package main

import (
	"fmt"
	"strings"
	"time"
)

type Celsius float64
type Readings []Celsius
type Name string
type Counts map[string]int
type Point struct{ X, Y int }
type Pair struct{ X, Y int }

func Sum[S ~[]E, E ~int | ~float64](s S) E {
	var total E
	for _, v := range s {
		total += v
	}
	return total
}

func Average[S ~[]E, E ~float64](s S) E { return Sum(s) / E(len(s)) }

func Scaled[E ~int64](n int) E { return E(n) * 2 }

func Upper[S ~string](s S) S { return S(strings.ToUpper(string(s))) }

func Half[E ~float64]() E { return E(0.5) }

func NilOf[P ~*E, E any]() P { return P(nil) }

func Firsts[S ~[]E, E any](s S) S { return S{s[0], s[0]} }

func Above[M ~map[K]V, K comparable, V ~int](m M, min V) M {
	out := M{}
	for k, v := range m {
		if v >= min {
			out[k] = v
		}
	}
	return out
}

func As[To ~struct{ X, Y int }, From ~struct{ X, Y int }](p From) To { return To(p) }

func main() {
	r := Readings{20.5, 22, 19.5}
	fmt.Println(Sum(r), Average(r), Average([]float64{1, 2}))
	fmt.Println(Scaled[time.Duration](1500), Upper(Name("ada")), Half[Celsius]() + 1)
	fmt.Println(NilOf[*Point]() == nil, Firsts(r), len(Firsts(Readings{1})))
	fmt.Println(Above(Counts{"a": 1, "b": 5, "c": 3}, 3))
	fmt.Printf("%+v\n", As[Pair](Point{1, 2}))
}
`)
}

// TestGenericCallsInGenericCode: a generic function calling another with one
// type parameter (inferred, explicit, as a value), a generic closure, a method
// of a generic type calling a generic function, and slices/maps-style
// signatures calling the standard generic packages, with defined types.
func TestGenericCallsInGenericCode(t *testing.T) {
	sameAsGo(t, `package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
)

type Celsius float64
type Readings []Celsius
type Stock map[string]int

func Double[E ~float64](v E) E { return 2 * v }

func Twice[E ~float64](v E) E { return Double(Double[E](v)) }

func Map[S ~[]E, E any](s S, f func(E) E) S {
	out := make(S, len(s))
	for i, v := range s {
		out[i] = f(v)
	}
	return out
}

func DoubleAll[S ~[]E, E ~float64](s S) S { return Map(s, Double[E]) }

func Scaler[E ~float64](k E) func(E) E { return func(v E) E { return v * k } }

func ScaleAll[S ~[]E, E ~float64](s S, k E) S { return Map(s, Scaler(k)) }

func Clip[S ~[]E, E cmp.Ordered](s S, hi E) S {
	out := make(S, 0, len(s))
	for _, v := range s {
		out = append(out, min(v, hi))
	}
	return out
}

func Top[S ~[]E, E cmp.Ordered](s S, hi E) E { return slices.Max(Clip(s, hi)) }

func Sorted[S ~[]E, E cmp.Ordered](s S) S {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}

func Index[S ~[]E, E cmp.Ordered](s S, v E) (int, bool) { return slices.BinarySearch(Sorted(s), v) }

func Order[S ~[]E, E cmp.Ordered](s S) []int {
	var out []int
	for i := 1; i < len(s); i++ {
		out = append(out, cmp.Compare(s[i-1], s[i]))
	}
	return out
}

func KeysOf[M ~map[K]V, K cmp.Ordered, V any](m M) []K { return slices.Sorted(maps.Keys(m)) }

type Series[T ~float64] struct{ points []T }

func (s *Series[T]) Add(v T) { s.points = append(s.points, v) }

func (s *Series[T]) Mean() T { return Sum(s.points) / T(len(s.points)) }

func Sum[S ~[]E, E ~float64](s S) E {
	var total E
	for _, v := range s {
		total += v
	}
	return total
}

func main() {
	r := Readings{3, 1, 2}
	fmt.Println(Twice(Celsius(1.5)), DoubleAll(r), ScaleAll(r, 10))
	fmt.Println(Clip(r, 2), Top(r, 2.5), Sorted(r), r, Order(r))
	fmt.Println(Index(r, 2))
	fmt.Println(KeysOf(Stock{"b": 1, "a": 2}))
	var s Series[Celsius]
	s.Add(1)
	s.Add(2.5)
	fmt.Println(s.Mean())
}
`)
}

// TestGenericTypeSwitch: a type switch with a case of a type parameter matches
// the value of the type argument, and only it.
func TestGenericTypeSwitch(t *testing.T) {
	sameAsGo(t, `package main

import "fmt"

type Point struct{ X int }
type Pair struct{ X int }

func Kind[T any](v any) string {
	switch x := v.(type) {
	case T:
		return fmt.Sprint("T ", x)
	case int:
		return "int"
	}
	return "other"
}

func main() {
	fmt.Println(Kind[Point](Point{1}), Kind[Point](Pair{1}), Kind[Point](2))
	fmt.Println(Kind[*Point](&Point{}), Kind[[]Point]([]Point{{2}}), Kind[string]("s"), Kind[error](fmt.Errorf("e")))
}
`)
}

// TestGenericMinMax: min and max of a type parameter whose type set holds
// floats and other types (cmp.Ordered), or floats only, or integers only.
func TestGenericMinMax(t *testing.T) {
	sameAsGo(t, `package main

import (
	"cmp"
	"fmt"
	"math"
)

type Celsius float64
type Name string

func Lo[E cmp.Ordered](v, hi E) E  { return min(v, hi) }
func Hi[E cmp.Ordered](v, hi E) E  { return max(v, hi) }
func One[E cmp.Ordered](v E) E     { return min(v) }
func Lo3[E ~float64](a, b, c E) E  { return min(a, b, c) }
func Hi3[E ~int | ~uint](a, b E) E { return max(a, b, 7) }

func main() {
	fmt.Println(Lo(Celsius(3), 2), Lo(3, 4), Lo(Name("b"), "a"), Hi("x", "y"), One(Celsius(2)))
	fmt.Println(Lo(math.NaN(), 1), Hi(1, math.NaN()), Lo(math.Inf(-1), 0), Hi(-1.5, -2))
	fmt.Println(Lo3(Celsius(3), 1, 2), Lo3(1, math.NaN(), 0), Hi3(3, 1), Hi3[uint](9, 1))
}
`)
}

// TestGenericAcrossCells: a generic function declared in one cell runs with
// type arguments declared in later cells, and after the type is declared again.
func TestGenericAcrossCells(t *testing.T) {
	s := newSession(t)
	run(t, s, `import "fmt"
func Sum[S ~[]E, E ~float64](s S) E { var t E; for _, v := range s { t += v }; return t }
func Average[S ~[]E, E ~float64](s S) E { return Sum(s) / E(len(s)) }`)
	run(t, s, "type Celsius float64\ntype Readings []Celsius")
	if _, rec := run(t, s, "fmt.Println(Average(Readings{20.5, 22, 19.5}))"); rec.out() != "20.666666666666668\n" {
		t.Errorf("got %q", rec.out())
	}
	run(t, s, "type Celsius float64\nfunc (c Celsius) F() float64 { return float64(c)*9/5 + 32 }\ntype Readings []Celsius")
	if _, rec := run(t, s, "fmt.Println(Average(Readings{1, 2}), Average([]float64{1, 4}))"); rec.out() != "1.5 2.5\n" {
		t.Errorf("after Celsius was declared again: got %q", rec.out())
	}
}

// A pointer type *P[K, V] to an instance with several type arguments that
// holds a type parameter, where yaegi compiles it as an expression (it took it
// for a dereference and its compiler panicked), is refused naming the place;
// where desugar rewrites it, it runs.
func TestGenericPointerTypeRefused(t *testing.T) {
	s := newSession(t)
	run(t, s, `import "fmt"`)
	run(t, s, "type P[K comparable, V any] struct{ Key K; Val V }")
	const want = "*P[K, V], a pointer to an instance of a generic type with several type arguments that holds a type parameter, written as "
	failsSaying(t, s, "func isPtr[K comparable, V any](v any) bool { _, ok := v.(*P[K, V]); return ok }",
		want+"the type of a type assertion or type switch case")
	failsSaying(t, s, "func kind[K comparable, V any](v any) string { switch v.(type) { case *P[K, V]: return \"ptr\" }; return \"\" }",
		want+"the type of a type assertion or type switch case")
	failsSaying(t, s, "func none[K comparable, V any]() *P[K, V] { return (*P[K, V])(nil) }",
		want+"the type of a conversion")
	failsSaying(t, s, "type S[T any] struct{ x T }\nfunc boxed[K comparable, V any]() { var s S[*P[K, V]]; fmt.Println(s) }",
		want+"a type argument")
	failsSaying(t, s, "func two[K comparable, V any]() { var a, b *P[K, V] = nil, nil; fmt.Println(a, b) }",
		want+"the type of several variables declared with values")
	run(t, s, "func ok[K comparable, V any](k K, v V) (*P[K, V], *P[K, V]) { var a, b *P[K, V]; var c *P[K, V] = &P[K, V]{k, v}; a = new(P[K, V]); b = c; return a, b }")
	if _, rec := run(t, s, "func main() {\n\ta, b := ok(\"k\", 1)\n\tfmt.Println(*a, *b)\n}"); rec.out() != "{ 0} {k 1}\n" {
		t.Errorf("var a, b *P[K, V], new(P[K, V]): got %q, want %q", rec.out(), "{ 0} {k 1}\n")
	}
}

// A constraint interface with a term ~*T made yaegi's compiler panic when it
// was instantiated ("reflect.Type is nil"): it is refused, and so is a
// conversion PT(x) from *T under the constraint ~*T alone (its helper's type
// argument *T failed, "not a generic type"); the constraint ~*T alone runs.
func TestTildePointerConstraintRefused(t *testing.T) {
	s := newSession(t)
	run(t, s, `import "fmt"`)
	run(t, s, "type V struct{ N int }\nfunc (v *V) Set(n int) { v.N = n }")
	failsSaying(t, s, "func Fill[T any, PT interface {\n\t~*T\n\tSet(int)\n}](n int) []T {\n\tout := make([]T, n)\n\tfor i := range out {\n\t\tPT(&out[i]).Set(i)\n\t}\n\treturn out\n}",
		"constraint term ~*T: the interpreter fails to instantiate a generic function or type whose constraint interface holds a pointer type with ~")
	failsSaying(t, s, "func Conv[T any, PT ~*T](x *T) PT { return PT(x) }",
		"PT(x), a conversion to type parameter PT from *T, a pointer to a type parameter")
	run(t, s, "func NonNil[T any, P ~*T](p P) bool { return p != nil }")
	if _, rec := run(t, s, "x := 1\nfmt.Println(NonNil[int, *int](&x))"); rec.out() != "true\n" {
		t.Errorf("[P ~*T]: got %q, want %q", rec.out(), "true\n")
	}
}
