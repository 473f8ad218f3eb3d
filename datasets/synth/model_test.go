package synth

import (
	"math"
	"testing"
	"time"
)

// TestSharesSumToOne checks every window's build shares are a distribution.
func TestSharesSumToOne(t *testing.T) {
	cfg := Default()
	s := schedule(cfg.Start, cfg.End)
	for _, ch := range channels {
		for at := cfg.Start; at.Before(cfg.End); at = at.Add(cfg.Window) {
			sum := 0.0
			for i, v := range shares(ch, s[ch.name], at) {
				if v < 0 {
					t.Fatalf("%s at %v: build %s has share %v", ch.name, at, s[ch.name][i].Version, v)
				}
				sum += v
			}
			if math.Abs(sum-1) > 1e-12 {
				t.Fatalf("%s at %v: shares sum to %v", ch.name, at, sum)
			}
		}
	}
}

// TestLagSharesSumToOne checks every hour of use is reported once, for any window.
func TestLagSharesSumToOne(t *testing.T) {
	for _, w := range []time.Duration{time.Hour, 4 * time.Hour, 6 * time.Hour, 24 * time.Hour} {
		sum := 0.0
		for k := 0; k <= lagWindows(w); k++ {
			sum += lagShare(k, w)
		}
		if math.Abs(sum-1) > 1e-12 {
			t.Errorf("window %v: lag shares sum to %v", w, sum)
		}
	}
}

// TestCycleAveragesOne checks the daily and weekly cycles keep the mean usage,
// so a channel's dailyHours is its mean usage per day.
func TestCycleAveragesOne(t *testing.T) {
	start := time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, w := range []time.Duration{time.Hour, 6 * time.Hour, 24 * time.Hour} {
		for _, c := range countries {
			sum, n := 0.0, 0
			for at := start.Add(w / 2); at.Before(start.Add(7 * 24 * time.Hour)); at = at.Add(w) {
				sum += cycle(c, at, w)
				n++
			}
			if mean := sum / float64(n); math.Abs(mean-1) > 1e-9 {
				t.Errorf("window %v, %s: mean cycle %v", w, c.code, mean)
			}
		}
	}
}

// TestSchedule checks the builds of each channel are in release order and the
// first is the one installed when the history starts.
func TestSchedule(t *testing.T) {
	cfg := Default()
	for ch, builds := range schedule(cfg.Start, cfg.End) {
		if !builds[0].Time.IsZero() {
			t.Errorf("%s: first build %s has a release time", ch, builds[0].Version)
		}
		for i := 1; i < len(builds); i++ {
			if !builds[i].Time.After(builds[i-1].Time) || !builds[i].Time.After(cfg.Start) || !builds[i].Time.Before(cfg.End) {
				t.Errorf("%s: build %s at %v out of order or outside the history", ch, builds[i].Version, builds[i].Time)
			}
		}
	}
}
