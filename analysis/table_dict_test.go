package analysis

import (
	"fmt"
	"testing"
)

func TestByteIndex(t *testing.T) {
	// Values that share heads, tails or lengths, short and long, and the empty one.
	var vals []string
	for i := 0; i < 500; i++ {
		vals = append(vals, fmt.Sprint(i), fmt.Sprintf("%020d", i), fmt.Sprintf("prefix-%d-suffix-%d", i%7, i), fmt.Sprintf("%08d", i))
	}
	vals = append(vals, "", "a", "ab", "abcdefgh", "abcdefghi", "abcdefgh\x00")
	var x byteIndex
	for round := 0; round < 2; round++ {
		for i, v := range vals {
			if got := x.index([]byte(v)); got != uint32(i) {
				t.Fatalf("round %d: index(%q) = %d, want %d", round, v, got, i)
			}
		}
	}
	if len(x.vals) != len(vals) {
		t.Errorf("%d values stored, want %d", len(x.vals), len(vals))
	}
	x.reset()
	if got := x.index([]byte("ab")); got != 0 {
		t.Errorf("after reset: index = %d, want 0", got)
	}
}
