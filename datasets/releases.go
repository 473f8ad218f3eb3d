package datasets

import (
	"encoding/csv"
	"fmt"
	"io"
	"time"
)

// ReleaseTimes returns when each build of a channel ("release", "beta", "nightly")
// was offered, by version, from ReleasesFile. Builds installed before the history
// starts have no release time and are left out. Nightly builds share a version, so
// for them the last build's time is returned.
func ReleaseTimes(channel string) (map[string]time.Time, error) {
	f, err := Open(ReleasesFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ReleasesFile, err)
	}
	col := map[string]int{}
	for i, name := range header {
		col[name] = i
	}
	for _, name := range []string{"channel", "version", "release_time"} {
		if _, ok := col[name]; !ok {
			return nil, fmt.Errorf("%s: no column %q", ReleasesFile, name)
		}
	}
	times := map[string]time.Time{}
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", ReleasesFile, err)
		}
		if rec[col["channel"]] != channel || rec[col["release_time"]] == "" {
			continue
		}
		t, err := time.Parse(time.RFC3339, rec[col["release_time"]])
		if err != nil {
			return nil, fmt.Errorf("%s: line %d: column \"release_time\": %q is not an RFC 3339 time", ReleasesFile, line, rec[col["release_time"]])
		}
		times[rec[col["version"]]] = t
	}
	if len(times) == 0 {
		return nil, fmt.Errorf("%s: no builds of channel %q", ReleasesFile, channel)
	}
	return times, nil
}
