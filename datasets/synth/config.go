// Package synth generates ratelab's synthetic release-stability history: crash and
// usage aggregates in the error_aggregates schema, with documented effects planted
// for the curated notebooks to find (see datasets/README.md).
//
// The model is deliberately simple and every number in it is a named constant in this
// package, so the data card can state exactly what is in the data.
package synth

import (
	"fmt"
	"time"
)

// Config selects the slice of history to generate and its grain.
type Config struct {
	// Seed drives every random draw; the same Config gives byte-identical files.
	Seed uint64
	// Start and End bound the windows generated, [Start, End), in UTC.
	Start, End time.Time
	// Window is the aggregation grain; it must divide 24 hours.
	Window time.Duration
	// Scale multiplies every population's usage (and so every expected count).
	Scale float64
}

// Default is the configuration of the committed dataset.
func Default() Config {
	return Config{
		Seed:   20180123,
		Start:  time.Date(2017, 9, 21, 0, 0, 0, 0, time.UTC),
		End:    time.Date(2018, 4, 1, 0, 0, 0, 0, time.UTC),
		Window: 6 * time.Hour,
		Scale:  1,
	}
}

// validate reports the first setting that cannot be generated.
func (c Config) validate() error {
	switch {
	case c.Window <= 0 || 24*time.Hour%c.Window != 0:
		return fmt.Errorf("window %v does not divide 24h", c.Window)
	case !c.End.After(c.Start):
		return fmt.Errorf("end %v is not after start %v", c.End, c.Start)
	case c.Start.Truncate(c.Window) != c.Start:
		return fmt.Errorf("start %v is not aligned to the %v window", c.Start, c.Window)
	case !(c.Scale > 0):
		return fmt.Errorf("scale %v is not positive", c.Scale)
	}
	return nil
}
