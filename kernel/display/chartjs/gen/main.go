// Command gen vendors the built files of the charting library pinned in
// package-lock.json into the chartjs package: it installs the lockfile with npm ci (the
// registry's own client, which checks each package's integrity hash against the
// lockfile) into a temporary directory and copies the files named in vendored below.
//
// With -check it writes nothing and fails if a committed copy differs by one byte
// from what the pinned package provides: the freshness test runs it so.
//
// Run from the chartjs directory (go generate does so).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// vendored maps each file inside node_modules to its name in the chartjs package.
var vendored = []struct{ from, to string }{
	{"uplot/dist/uPlot.iife.min.js", "uPlot.iife.min.js"},
	{"uplot/dist/uPlot.min.css", "uPlot.min.css"},
	{"uplot/LICENSE", "uPlot.LICENSE"},
}

func main() {
	check := flag.Bool("check", false, "compare the committed files with the pinned package instead of writing them")
	flag.Parse()
	if err := run(*check); err != nil {
		fmt.Fprintln(os.Stderr, "chartjs/gen:", err)
		os.Exit(1)
	}
}

func run(check bool) error {
	tmp, err := os.MkdirTemp("", "ratelab-chartjs-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	for _, f := range []string{"package.json", "package-lock.json"} {
		b, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("%v (run from kernel/display/chartjs)", err)
		}
		if err := os.WriteFile(filepath.Join(tmp, f), b, 0o644); err != nil {
			return err
		}
	}
	npm := exec.Command("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error")
	npm.Dir = tmp
	if out, err := npm.CombinedOutput(); err != nil {
		return fmt.Errorf("npm ci: %v\n%s", err, out)
	}
	var stale []string
	for _, v := range vendored {
		want, err := os.ReadFile(filepath.Join(tmp, "node_modules", v.from))
		if err != nil {
			return fmt.Errorf("the pinned package has no %s: %v", v.from, err)
		}
		if check {
			have, err := os.ReadFile(v.to)
			if err != nil || !bytes.Equal(have, want) {
				stale = append(stale, v.to)
			}
			continue
		}
		if err := os.WriteFile(v.to, want, 0o644); err != nil {
			return err
		}
	}
	if len(stale) > 0 {
		return fmt.Errorf("%v differ from the package pinned in package-lock.json: run go generate ./kernel/display/chartjs", stale)
	}
	return nil
}
