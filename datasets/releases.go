package datasets

import (
	"encoding/csv"
	"errors"
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
	rels, err := ReadReleases(f, ReleasesFile, channel)
	if err != nil {
		return nil, err
	}
	times := map[string]time.Time{}
	for _, r := range rels {
		times[r.Version] = r.Time
	}
	if len(times) == 0 {
		return nil, fmt.Errorf("%s: no builds of channel %q", ReleasesFile, channel)
	}
	return times, nil
}

// Release is a build offered on a channel, as a release list gives it.
type Release struct {
	Version string
	Time    time.Time
	Line    int // the line of the list it stands on
}

// ReadReleases reads a release list in the form of ReleasesFile (CSV with a header
// holding at least channel, version and release_time columns, times in RFC 3339) and
// returns the builds of channel in the list's order. Rows with an empty release_time
// (builds installed before the history starts) are left out. name stands for the
// list in errors.
func ReadReleases(r io.Reader, name, channel string) ([]Release, error) {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for _, need := range []string{"channel", "version", "release_time"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("%s: line 1: no %q column", name, need)
		}
	}
	var rels []Release
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return rels, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if rec[col["channel"]] != channel || rec[col["release_time"]] == "" {
			continue
		}
		t, err := time.Parse(time.RFC3339, rec[col["release_time"]])
		if err != nil {
			return nil, fmt.Errorf("%s: line %d: column \"release_time\": %q is not an RFC 3339 time", name, line, rec[col["release_time"]])
		}
		rels = append(rels, Release{Version: rec[col["version"]], Time: t, Line: line})
	}
}
