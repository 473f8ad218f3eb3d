package analysis

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/ratelab/ratelab/datasets"
)

// LoadDefault loads the history embedded in the binary (datasets.MainFile: the
// synthetic error_aggregates data the curated notebooks use; its data card is
// datasets/README.md).
func LoadDefault(opts ...LoadOption) (*Table, error) {
	f, err := datasets.Open(datasets.MainFile)
	if err != nil {
		return nil, fmt.Errorf("load default dataset: %w", err)
	}
	defer f.Close()
	return LoadCSV(f, datasets.MainFile, opts...)
}

// DefaultReleaseDates returns the release time of each major on a channel of the
// embedded history (datasets.ReleasesFile), for CompareOptions.ReleaseDates.
func DefaultReleaseDates(channel string) (map[int]time.Time, error) {
	f, err := datasets.Open(datasets.ReleasesFile)
	if err != nil {
		return nil, fmt.Errorf("load release dates: %w", err)
	}
	defer f.Close()
	return ReadReleaseDates(f, datasets.ReleasesFile, channel)
}

// ReadReleaseDates reads a release list (CSV with a header holding at least channel,
// version and release_time columns; rows with an empty release_time are skipped)
// and returns, for each major on the channel, its earliest release time.
func ReadReleaseDates(r io.Reader, name, channel string) (map[int]time.Time, error) {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("load %s: header: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for _, need := range []string{"channel", "version", "release_time"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("load %s: line 1: no %q column", name, need)
		}
	}
	dates := map[int]time.Time{}
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return dates, nil
		}
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", name, err)
		}
		if rec[col["channel"]] != channel || rec[col["release_time"]] == "" {
			continue
		}
		v, err := ParseVersion(rec[col["version"]])
		if err != nil {
			return nil, fmt.Errorf("load %s: line %d: column \"version\": %w", name, line, err)
		}
		t, err := time.Parse(time.RFC3339, rec[col["release_time"]])
		if err != nil {
			return nil, fmt.Errorf("load %s: line %d: column \"release_time\": %q is not an RFC 3339 time", name, line, rec[col["release_time"]])
		}
		if d, ok := dates[v.Major()]; !ok || t.Before(d) {
			dates[v.Major()] = t.UTC()
		}
	}
}
