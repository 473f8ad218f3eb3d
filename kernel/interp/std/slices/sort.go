package slices

import (
	"cmp"
	"iter"

	"github.com/ratelab/ratelab/kernel/interp/std/fast"
)

// Sort sorts x in increasing order (NaNs first). A slice of a compiled ordered
// type ([]int, []float64, []string…) is sorted by compiled code.
func Sort[S ~[]E, E interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string
}](x S) {
	if fast.Sort(x) {
		return
	}
	sortFunc[S, E](x, func(a, b E) int { return cmp.Compare(a, b) })
}

// SortFunc sorts x in the order cmp gives (negative: a before b). The sort is
// not stable. Compiled code (sort.Slice) runs the sort, calling cmp.
func SortFunc[S ~[]E, E any](x S, cmp func(a, b E) int) {
	fast.SortFunc(x, cmp, false)
}

// SortStableFunc sorts x in the order cmp gives, keeping equal elements in
// their order. Compiled code (sort.SliceStable) runs the sort, calling cmp.
func SortStableFunc[S ~[]E, E any](x S, cmp func(a, b E) int) {
	fast.SortFunc(x, cmp, true)
}

// IsSorted reports whether x is in increasing order.
func IsSorted[S ~[]E, E interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string
}](x S) bool {
	for i := len(x) - 1; i > 0; i-- {
		if cmp.Less(x[i], x[i-1]) {
			return false
		}
	}
	return true
}

// IsSortedFunc reports whether x is in the order cmp gives.
func IsSortedFunc[S ~[]E, E any](x S, cmp func(a, b E) int) bool {
	for i := len(x) - 1; i > 0; i-- {
		if cmp(x[i], x[i-1]) < 0 {
			return false
		}
	}
	return true
}

// BinarySearch searches sorted x for target: it returns where target is, or
// would be inserted, and whether it is there.
func BinarySearch[S ~[]E, E interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string
}](x S, target E) (int, bool) {
	i, j := 0, len(x)
	for i < j {
		h := int(uint(i+j) >> 1)
		if cmp.Compare(x[h], target) < 0 {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < len(x) && cmp.Compare(x[i], target) == 0
}

// BinarySearchFunc is BinarySearch with cmp comparing an element to the target.
func BinarySearchFunc[S ~[]E, E, T any](x S, target T, cmp func(E, T) int) (int, bool) {
	i, j := 0, len(x)
	for i < j {
		h := int(uint(i+j) >> 1)
		if cmp(x[h], target) < 0 {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < len(x) && cmp(x[i], target) == 0
}

// Sorted returns the values of seq sorted. (Sorted and the like collect the
// values themselves: yaegi loses the elements of a struct type when a generic
// function gets a []E from another that returns it, as from Collect.)
func Sorted[E interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string
}](seq iter.Seq[E]) []E {
	var s []E
	seq(func(v E) bool {
		s = append(s, v)
		return true
	})
	Sort[[]E, E](s)
	return s
}

// SortedFunc returns the values of seq sorted by cmp.
func SortedFunc[E any](seq iter.Seq[E], cmp func(E, E) int) []E {
	var s []E
	seq(func(v E) bool {
		s = append(s, v)
		return true
	})
	fast.SortFunc(s, cmp, false)
	return s
}

// SortedStableFunc returns the values of seq sorted by cmp, equal values in
// their order.
func SortedStableFunc[E any](seq iter.Seq[E], cmp func(E, E) int) []E {
	var s []E
	seq(func(v E) bool {
		s = append(s, v)
		return true
	})
	SortStableFunc[[]E, E](s, cmp)
	return s
}

// sortFunc, for Sort on an ordered type it cannot hand to compiled code, is an introsort: quicksort on a median-of-three pivot, heapsort
// where the partitioning goes too deep, insertion sort on short runs. It keeps
// the spans left to sort on a stack of its own rather than recursing: a panic
// unwinding a recursive generic function sends yaegi v0.16.1 into endless
// recursion (originalExecNode), which ends the process; a panicking cmp must
// reach the caller as a panic.
func sortFunc[S ~[]E, E any](x S, cmp func(a, b E) int) {
	depth := 0
	for n := len(x); n > 0; n >>= 1 {
		depth += 2
	}
	stack := []span{{0, len(x), depth}}
	for len(stack) > 0 {
		sp := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		lo, hi, depth := sp.lo, sp.hi, sp.depth
		for hi-lo > insertionLimit {
			if depth == 0 {
				heapSort[S, E](x, lo, hi, cmp)
				lo = hi
				break
			}
			depth--
			p := partition[S, E](x, lo, hi, cmp)
			// Go on with the shorter side, the longer waits: O(log n) spans.
			if p-lo < hi-p {
				stack = append(stack, span{p + 1, hi, depth})
				hi = p
			} else {
				stack = append(stack, span{lo, p, depth})
				lo = p + 1
			}
		}
		insertionSort[S, E](x, lo, hi, cmp)
	}
}

// span is a part x[lo:hi] of a slice left to sort, with its depth budget.
type span struct{ lo, hi, depth int }

// insertionLimit is the length under which a run is sorted by insertion.
const insertionLimit = 12

// partition puts the median of x[lo], x[mid] and x[hi-1] at its place p in
// x[lo:hi], smaller-or-equal elements before it and greater-or-equal after, and
// returns p. Equal elements stop both scans, which keeps runs of duplicates
// balanced.
func partition[S ~[]E, E any](x S, lo, hi int, cmp func(a, b E) int) int {
	a, b, c := lo, lo+(hi-lo)/2, hi-1
	if cmp(x[a], x[b]) > 0 {
		a, b = b, a
	}
	if cmp(x[b], x[c]) > 0 {
		b = c
		if cmp(x[a], x[b]) > 0 {
			b = a
		}
	}
	x[lo], x[b] = x[b], x[lo]
	pivot := x[lo]
	i, j := lo+1, hi-1
	for {
		for i <= j && cmp(x[i], pivot) < 0 {
			i++
		}
		for i <= j && cmp(x[j], pivot) > 0 {
			j--
		}
		if i >= j {
			break
		}
		x[i], x[j] = x[j], x[i]
		i++
		j--
	}
	x[lo], x[j] = x[j], x[lo]
	return j
}

func insertionSort[S ~[]E, E any](x S, lo, hi int, cmp func(a, b E) int) {
	for i := lo + 1; i < hi; i++ {
		for j := i; j > lo && cmp(x[j], x[j-1]) < 0; j-- {
			x[j], x[j-1] = x[j-1], x[j]
		}
	}
}

func heapSort[S ~[]E, E any](x S, lo, hi int, cmp func(a, b E) int) {
	n := hi - lo
	for i := (n - 1) / 2; i >= 0; i-- {
		siftDown[S, E](x, lo, i, n, cmp)
	}
	for i := n - 1; i > 0; i-- {
		x[lo], x[lo+i] = x[lo+i], x[lo]
		siftDown[S, E](x, lo, 0, i, cmp)
	}
}

// siftDown moves x[lo+root] down the max-heap x[lo:lo+n].
func siftDown[S ~[]E, E any](x S, lo, root, n int, cmp func(a, b E) int) {
	for {
		child := 2*root + 1
		if child >= n {
			return
		}
		if child+1 < n && cmp(x[lo+child], x[lo+child+1]) < 0 {
			child++
		}
		if cmp(x[lo+root], x[lo+child]) >= 0 {
			return
		}
		x[lo+root], x[lo+child] = x[lo+child], x[lo+root]
		root = child
	}
}
