package chart

import (
	"testing"
	"time"
)

func TestTimeTicks(t *testing.T) {
	start := time.Date(2026, 11, 1, 0, 26, 0, 0, time.UTC)
	for _, c := range []struct {
		span  time.Duration
		first string
		step  time.Duration
	}{
		{47 * time.Hour, "Nov 1\n12:00", 12 * time.Hour},
		{5 * time.Hour, "Nov 1\n01:00", time.Hour},
		{30 * 24 * time.Hour, "Nov 2", 7 * 24 * time.Hour}, // Nov 2, 2026 is a Monday
	} {
		ticks := TimeTicks{}.Ticks(float64(start.Unix()), float64(start.Add(c.span).Unix()))
		if len(ticks) < 2 || len(ticks) > 7 {
			t.Errorf("span %v: %d ticks, want 2 to 7", c.span, len(ticks))
			continue
		}
		if ticks[0].Label != c.first || ticks[1].Value-ticks[0].Value != c.step.Seconds() {
			t.Errorf("span %v: first tick %q, step %gs; want %q every %v", c.span, ticks[0].Label, ticks[1].Value-ticks[0].Value, c.first, c.step)
		}
	}
}
