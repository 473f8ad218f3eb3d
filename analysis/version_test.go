package analysis

import (
	"sort"
	"testing"
)

func TestVersionOrder(t *testing.T) {
	// Each version orders strictly before the next.
	ordered := []string{"9.0", "52.2.0", "57.0a1", "57.0", "64.0b4", "64.0b10", "64.0", "64.0.2", "99.0", "99.0.1", "100.0", "100.0.1"}
	for i := 0; i+1 < len(ordered); i++ {
		a, b := MustParseVersion(ordered[i]), MustParseVersion(ordered[i+1])
		if a.Compare(b) != -1 || b.Compare(a) != 1 {
			t.Errorf("%s vs %s: got %d, %d; want -1, 1", a, b, a.Compare(b), b.Compare(a))
		}
	}
	shuffled := []string{"100.0", "64.0b10", "zzz", "9.0", "99.0.1", "64.0b4", "57.0a1"}
	sort.Slice(shuffled, func(i, j int) bool { return CompareVersionStrings(shuffled[i], shuffled[j]) < 0 })
	want := []string{"9.0", "57.0a1", "64.0b4", "64.0b10", "99.0.1", "100.0", "zzz"}
	for i := range want {
		if shuffled[i] != want[i] {
			t.Fatalf("sorted = %v, want %v", shuffled, want)
		}
	}
	if c := MustParseVersion("60.0esr").Compare(MustParseVersion("60.0")); c != 0 {
		t.Errorf("60.0esr vs 60.0 = %d, want 0", c)
	}
	if m := MustParseVersion("64.0b10").Major(); m != 64 {
		t.Errorf("Major(64.0b10) = %d", m)
	}
}

func TestParseVersionErrors(t *testing.T) {
	for _, s := range []string{"", "x1", "64.0c1", "64.0b", "1..2"} {
		if _, err := ParseVersion(s); err == nil {
			t.Errorf("ParseVersion(%q) succeeded, want error", s)
		}
	}
}
