package analysis

import (
	"fmt"
	"sort"
	"strings"
)

// column identifies one column of the error_aggregates schema (DESIGN.md, "The data").
type column int

// The schema's columns, in three kinds: timestamps, string dimensions, and measures
// (usage_hours is the one float; the rest are integer counts).
const (
	colWindowStart column = iota
	colWindowEnd

	colSubmissionDate
	colChannel
	colVersion
	colDisplayVersion
	colBuildID
	colApplication
	colOSName
	colOSVersion
	colArchitecture
	colCountry
	colExperimentID
	colExperimentBranch

	colUsageHours

	colCount
	colMainCrashes
	colStartupCrashes
	colContentCrashes
	colContentShutdownCrashes
	colGPUCrashes
	colPluginCrashes
	colGMPluginCrashes

	numColumns
)

const (
	firstTime = colWindowStart
	numTimes  = int(colWindowEnd-colWindowStart) + 1
	firstStr  = colSubmissionDate
	numStrs   = int(colExperimentBranch-colSubmissionDate) + 1
	firstInt  = colCount
	numInts   = int(colGMPluginCrashes-colCount) + 1
)

var columnNames = [numColumns]string{
	"window_start", "window_end",
	"submission_date", "channel", "version", "display_version", "build_id", "application",
	"os_name", "os_version", "architecture", "country", "experiment_id", "experiment_branch",
	"usage_hours",
	"count", "main_crashes", "startup_crashes", "content_crashes", "content_shutdown_crashes",
	"gpu_crashes", "plugin_crashes", "gmplugin_crashes",
}

func (c column) String() string { return columnNames[c] }

func (c column) isTime() bool { return c <= colWindowEnd }
func (c column) isStr() bool  { return c >= colSubmissionDate && c <= colExperimentBranch }
func (c column) isInt() bool  { return c >= colCount && c < numColumns }

// columnByName maps a header (case-insensitive, surrounding space ignored) to a column.
func columnByName(name string) (column, bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	for c, s := range columnNames {
		if s == n {
			return column(c), true
		}
	}
	return 0, false
}

// Derived dimensions computed from a stored column through its dictionary, so that
// grouping by them costs nothing extra per row.
const (
	// DimMajor is the major version, from the version column ("64.0b10" → "64").
	DimMajor = "major"
	// DimPlatform is the normalized os name: Windows_NT and Windows → "Windows",
	// Darwin and Mac → "Mac", Linux → "Linux"; other values are kept as they are.
	DimPlatform = "platform"
)

// dim is a grouping or filtering dimension: a stored string or time column, or a
// derived one.
type dim struct {
	col     column
	derived string // "", DimMajor or DimPlatform
}

func (d dim) String() string {
	if d.derived != "" {
		return d.derived
	}
	return d.col.String()
}

// parseDim resolves a dimension name: any string column, window_start, window_end,
// or a derived dimension ("major", "platform"; "os" is an alias of os_name).
func parseDim(name string) (dim, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	switch n {
	case DimMajor:
		return dim{col: colVersion, derived: DimMajor}, nil
	case DimPlatform:
		return dim{col: colOSName, derived: DimPlatform}, nil
	case "os":
		return dim{col: colOSName}, nil
	}
	c, ok := columnByName(n)
	if !ok || !(c.isStr() || c.isTime()) {
		return dim{}, fmt.Errorf("unknown dimension %q (want one of %s)", name, strings.Join(DimensionNames(), ", "))
	}
	return dim{col: c}, nil
}

// DimensionNames lists the names Query accepts in By and Where, sorted.
func DimensionNames() []string {
	var names []string
	for c := column(0); c < numColumns; c++ {
		if c.isStr() || c.isTime() {
			names = append(names, c.String())
		}
	}
	names = append(names, DimMajor, DimPlatform, "os")
	sort.Strings(names)
	return names
}

// NormalizeOS maps the os names of the different schema versions to one spelling:
// Windows_NT → Windows, Darwin → Mac; Linux, Windows and Mac stay; anything else is
// returned unchanged.
func NormalizeOS(name string) string {
	switch strings.ToLower(name) {
	case "windows_nt", "windows", "win":
		return "Windows"
	case "darwin", "mac", "macos", "osx":
		return "Mac"
	case "linux":
		return "Linux"
	}
	return name
}

// Measure names accepted by queries and comparisons.
const (
	// MeasureCombined is main + content − content_shutdown crashes: the crashes a
	// release manager counts (content shutdown crashes are not user-visible).
	MeasureCombined = "combined"
)

// MeasureNames lists the event measures a rate can be computed for: the integer
// crash columns, "count" (pings) and "combined".
func MeasureNames() []string {
	var names []string
	for c := colCount; c < numColumns; c++ {
		names = append(names, c.String())
	}
	return append(names, MeasureCombined)
}

// measureTerms returns the signed integer columns whose sum is the named measure.
func measureTerms(name string) ([]column, []int64, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == MeasureCombined {
		return []column{colMainCrashes, colContentCrashes, colContentShutdownCrashes}, []int64{1, 1, -1}, nil
	}
	if c, ok := columnByName(n); ok && c.isInt() {
		return []column{c}, []int64{1}, nil
	}
	return nil, nil, fmt.Errorf("unknown measure %q (want one of %s)", name, strings.Join(MeasureNames(), ", "))
}
