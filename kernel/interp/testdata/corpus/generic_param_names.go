// Generic types whose fields, and functions whose variables, are named as
// their type parameters (a common style: struct{ K K; V V }), with methods
// that select those fields.
package main

import (
	"fmt"
	"sort"
)

type Entry[K comparable, V any] struct {
	K K
	V V
}

func (e Entry[K, V]) Key() K { return e.K }

func (e *Entry[K, V]) Set(v V) { e.V = v }

func (e Entry[K, V]) String() string { return fmt.Sprintf("%v=%v", e.K, e.V) }

type Table[K comparable, V any] struct {
	Entries []Entry[K, V]
}

func (t *Table[K, V]) Put(k K, v V) {
	for i := range t.Entries {
		if t.Entries[i].K == k {
			t.Entries[i].Set(v)
			return
		}
	}
	t.Entries = append(t.Entries, Entry[K, V]{K: k, V: v})
}

type T struct{ N int }

func Count[T comparable](xs []T, x T) (n int) {
	for _, y := range xs {
		if y == x {
			n++
		}
	}
	return n
}

func main() {
	e := Entry[string, int]{K: "b", V: 2}
	e.Set(5)
	fmt.Println(e, e.K, e.Key())
	var t Table[string, float64]
	for i, k := range []string{"x", "y", "x", "z"} {
		t.Put(k, float64(i)*1.5)
	}
	sort.Slice(t.Entries, func(i, j int) bool { return t.Entries[i].K < t.Entries[j].K })
	for _, e := range t.Entries {
		fmt.Print(e.String(), " ")
	}
	fmt.Println(len(t.Entries))
	fmt.Println(Count([]int{1, 2, 1, 1}, 1), Count([]T{{1}, {2}}, T{2}))
}
