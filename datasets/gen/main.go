// Command gen writes ratelab's synthetic release-stability history (see
// datasets/README.md for what is in it).
//
// Usage:
//
//	go run ./datasets/gen -out datasets/            # the committed files
//	go run ./datasets/gen -out /tmp/big -window 1h -scale 10
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/ratelab/ratelab/datasets/synth"
)

func main() {
	cfg := synth.Default()
	out := flag.String("out", "datasets", "directory to write the files into")
	flag.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "random seed")
	flag.DurationVar(&cfg.Window, "window", cfg.Window, "window length; must divide 24h")
	flag.Float64Var(&cfg.Scale, "scale", cfg.Scale, "multiplier on every population's usage")
	start := flag.String("start", cfg.Start.Format(time.DateOnly), "first day (UTC)")
	end := flag.String("end", cfg.End.Format(time.DateOnly), "day after the last day (UTC)")
	flag.Parse()
	var err error
	if cfg.Start, err = time.Parse(time.DateOnly, *start); err != nil {
		fail(fmt.Errorf("-start: %w", err))
	}
	if cfg.End, err = time.Parse(time.DateOnly, *end); err != nil {
		fail(fmt.Errorf("-end: %w", err))
	}
	if err := synth.WriteFiles(*out, cfg); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen:", err)
	os.Exit(1)
}
