package analysis

import (
	"fmt"
	"math"
	"time"
)

// AlertHistoryFromSource builds an AlertHistory from src: the events of measure (for
// example "main_crashes") and the usage hours by version and platform, in windows of
// width bucket, over the rows where keeps (for example {"channel": {"release"}}).
//
// Each window is placed in the age bucket of its end relative to its version's
// release time, ⌈(window_start − released)/bucket⌉, so the window in which a release
// comes out is its bucket 0; windows before the release are left out. A version
// missing from released is taken as released at the start of its first window with
// usage. Set Regressions on the result to mark the releases known to be worse.
func AlertHistoryFromSource(src Source, measure string, bucket time.Duration, released map[string]time.Time, where map[string][]string) (AlertHistory, error) {
	if bucket <= 0 {
		return AlertHistory{}, fmt.Errorf("analysis: alert history: bucket %v must be positive", bucket)
	}
	s, err := src.Sums(Query{By: []string{"version", DimPlatform}, Grain: bucket, Where: where, Measures: []string{measure}})
	if err != nil {
		return AlertHistory{}, fmt.Errorf("analysis: alert history: %w", err)
	}
	ev, err := s.Events(measure)
	if err != nil {
		return AlertHistory{}, fmt.Errorf("analysis: alert history: %w", err)
	}
	rel := make(map[string]time.Time, len(released))
	for v, t := range released {
		rel[v] = t
	}
	// Groups come sorted by window first: a version's first group with usage is its
	// earliest.
	for g := range s.Len() {
		if v := s.Keys[0][g]; s.UsageHours[g] > 0 {
			if _, ok := rel[v]; !ok {
				rel[v] = s.Windows[g]
			}
		}
	}
	h := AlertHistory{BucketHours: bucket.Hours()}
	for g := range s.Len() {
		v := s.Keys[0][g]
		t, ok := rel[v]
		if !ok {
			continue // a version with no usage at all has no release time to age from
		}
		age := int(math.Ceil(float64(s.Windows[g].Sub(t)) / float64(bucket)))
		if age < 0 {
			continue
		}
		h.Rows = append(h.Rows, ReleaseAge{
			ReleaseKey: ReleaseKey{Release: v, Platform: s.Keys[1][g]},
			Age:        age,
			Events:     ev[g],
			KHours:     s.UsageHours[g] / 1000,
		})
	}
	return h, nil
}
