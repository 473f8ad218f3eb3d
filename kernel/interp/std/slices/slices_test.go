package slices_test

import (
	"cmp"
	"math"
	"math/rand/v2"
	"reflect"
	goslices "slices"
	"testing"

	"github.com/ratelab/ratelab/kernel/interp/std/slices"
)

// myFloat is an ordered type fast.Sort does not know, which Sort sorts with its
// own introsort.
type myFloat float64

type rec struct {
	key, seq int
}

// The sorts, searches and edits give what Go's package slices gives, on
// random slices with many duplicates (fixed seed).
func TestAgainstGo(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 500 {
		n := rng.IntN(300)
		ints := make([]int, n)
		floats := make([]float64, n)
		recs := make([]rec, n)
		for i := range n {
			ints[i] = rng.IntN(20)
			floats[i] = rng.NormFloat64()
			if rng.IntN(10) == 0 {
				floats[i] = math.NaN()
			}
			recs[i] = rec{rng.IntN(10), i}
		}
		byKey := func(a, b rec) int { return cmp.Compare(a.key, b.key) }

		a, b := goslices.Clone(ints), goslices.Clone(ints)
		slices.SortFunc(a, func(x, y int) int { return y - x })
		goslices.SortFunc(b, func(x, y int) int { return y - x })
		check(t, trial, "SortFunc", a, b)

		fa, fb := goslices.Clone(floats), goslices.Clone(floats)
		slices.Sort(fa)
		goslices.Sort(fb)
		if !goslices.EqualFunc(fa, fb, func(x, y float64) bool { return x == y || (x != x && y != y) }) {
			t.Fatalf("trial %d: Sort of floats\n got %v\nwant %v", trial, fa, fb)
		}

		ma := make([]myFloat, n)
		for i, f := range floats {
			ma[i] = myFloat(f)
		}
		mb := goslices.Clone(ma)
		slices.Sort(ma)
		goslices.Sort(mb)
		if !goslices.EqualFunc(ma, mb, func(x, y myFloat) bool { return x == y || (x != x && y != y) }) {
			t.Fatalf("trial %d: Sort of myFloat\n got %v\nwant %v", trial, ma, mb)
		}

		ra, rb := goslices.Clone(recs), goslices.Clone(recs)
		slices.SortStableFunc(ra, byKey)
		goslices.SortStableFunc(rb, byKey)
		check(t, trial, "SortStableFunc", ra, rb)
		rc := goslices.Clone(recs)
		slices.SortFunc(rc, byKey)
		if !goslices.IsSortedFunc(rc, byKey) {
			t.Fatalf("trial %d: SortFunc of records is not sorted", trial)
		}

		sorted := goslices.Sorted(goslices.Values(ints))
		target := rng.IntN(22) - 1
		i1, ok1 := slices.BinarySearch(sorted, target)
		i2, ok2 := goslices.BinarySearch(sorted, target)
		check(t, trial, "BinarySearch", []any{i1, ok1}, []any{i2, ok2})

		if n > 0 {
			i, j := rng.IntN(n), rng.IntN(n)
			if i > j {
				i, j = j, i
			}
			check(t, trial, "Delete", slices.Delete(goslices.Clone(ints), i, j), goslices.Delete(goslices.Clone(ints), i, j))
			check(t, trial, "Replace", slices.Replace(goslices.Clone(ints), i, j, 7, 8, 9), goslices.Replace(goslices.Clone(ints), i, j, 7, 8, 9))
			check(t, trial, "Insert", slices.Insert(goslices.Clone(ints), i, 5, 6), goslices.Insert(goslices.Clone(ints), i, 5, 6))
		}
		check(t, trial, "Compact", slices.Compact(goslices.Clone(sorted)), goslices.Compact(goslices.Clone(sorted)))
		check(t, trial, "DeleteFunc", slices.DeleteFunc(goslices.Clone(ints), func(v int) bool { return v%3 == 0 }),
			goslices.DeleteFunc(goslices.Clone(ints), func(v int) bool { return v%3 == 0 }))
	}
}

func check(t *testing.T, trial int, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("trial %d: %s\n got %v\nwant %v", trial, what, got, want)
	}
}

// Delete and Compact zero the elements they free, as Go's do since Go 1.22.
func TestZeroedTail(t *testing.T) {
	s := []*int{new(int), new(int), new(int)}
	_ = slices.Delete(s, 0, 2)
	if s[1] != nil || s[2] != nil {
		t.Errorf("Delete left %v", s)
	}
}
