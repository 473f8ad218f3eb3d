package analysis

import (
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
	rels, err := datasets.ReadReleases(r, name, channel)
	if err != nil {
		return nil, fmt.Errorf("load %w", err)
	}
	dates := map[int]time.Time{}
	for _, rel := range rels {
		v, err := ParseVersion(rel.Version)
		if err != nil {
			return nil, fmt.Errorf("load %s: line %d: column \"version\": %w", name, rel.Line, err)
		}
		if d, ok := dates[v.Major()]; !ok || rel.Time.Before(d) {
			dates[v.Major()] = rel.Time.UTC()
		}
	}
	return dates, nil
}
