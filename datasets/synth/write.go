package synth

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// File names written by WriteFiles.
const (
	AggregatesFile = "error_aggregates.csv.gz"
	ReleasesFile   = "releases.csv"
)

// Columns is the header of the aggregates file: Mozilla's error_aggregates columns.
var Columns = []string{
	"window_start", "window_end", "submission_date", "channel", "version", "display_version",
	"build_id", "application", "os_name", "os_version", "architecture", "country",
	"experiment_id", "experiment_branch", "usage_hours", "count",
	"main_crashes", "startup_crashes", "content_crashes", "content_shutdown_crashes",
	"gpu_crashes", "plugin_crashes", "gmplugin_crashes",
}

// WriteFiles generates the history of cfg and writes AggregatesFile and ReleasesFile
// into dir. The files depend only on cfg: the gzip header carries no time or name.
func WriteFiles(dir string, cfg Config) error {
	h, err := Generate(cfg)
	if err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	if err := writeFile(filepath.Join(dir, AggregatesFile), func(w io.Writer) error {
		zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
		if err != nil {
			return err
		}
		if err := h.WriteCSV(zw); err != nil {
			return err
		}
		return zw.Close()
	}); err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, ReleasesFile), h.WriteReleases)
}

// writeFile writes path through fill, via a temporary file renamed into place.
func writeFile(path string, fill func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	bw := bufio.NewWriter(f)
	if err := fill(bw); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

const timeFormat = time.RFC3339 // e.g. 2018-01-23T12:00:00Z

// WriteCSV writes the rows as CSV with a header line. No field needs quoting: every
// value is a plain token, and a NULL experiment is an empty field.
func (h *History) WriteCSV(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for i, c := range Columns {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString(c)
	}
	bw.WriteByte('\n')
	var b []byte
	for i := range h.Rows {
		r := &h.Rows[i]
		b = b[:0]
		b = r.Start.AppendFormat(b, timeFormat)
		b = append(b, ',')
		b = r.Start.Add(h.Config.Window).AppendFormat(b, timeFormat)
		b = append(b, ',')
		b = r.Start.AppendFormat(b, time.DateOnly)
		for _, s := range []string{r.Build.Channel, r.Build.Version, r.Build.DisplayVersion, r.Build.BuildID,
			"Firefox", r.OSName, r.OSVersion, "x86-64", r.Country, r.ExperimentID, r.ExperimentBranch} {
			b = append(b, ',')
			b = append(b, s...)
		}
		b = append(b, ',')
		b = strconv.AppendFloat(b, r.UsageHours, 'f', 2, 64)
		for _, v := range []int64{r.Count, r.Main, r.Startup, r.Content, r.ContentShutdown, r.GPU, r.Plugin, r.GMPlugin} {
			b = append(b, ',')
			b = strconv.AppendInt(b, v, 10)
		}
		b = append(b, '\n')
		if _, err := bw.Write(b); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// WriteReleases writes every build offered, by channel and release time, as CSV:
// channel, version, display_version, build_id, major, release_time (empty for a build
// installed before the history starts).
func (h *History) WriteReleases(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("channel,version,display_version,build_id,major,release_time\n")
	for _, ch := range channels {
		for _, r := range h.Builds[ch.name] {
			t := ""
			if !r.Time.IsZero() {
				t = r.Time.Format(timeFormat)
			}
			fmt.Fprintf(bw, "%s,%s,%s,%s,%d,%s\n", r.Channel, r.Version, r.DisplayVersion, r.BuildID, r.Major, t)
		}
	}
	return bw.Flush()
}
