// Package rcheck runs R scripts for the tests that check ratelab's numbers against R
// (Debian's r-base-core and its packages), the independent reference DESIGN.md asks for.
package rcheck

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Numbers runs script with Rscript and returns the numbers it prints, in order. It
// skips t when Rscript, or an R package the script loads, is not installed, and fails
// t when R fails or prints something that is not a number.
func Numbers(t testing.TB, script string) []float64 {
	t.Helper()
	path, err := exec.LookPath("Rscript")
	if err != nil {
		t.Skip("Rscript not found; install Debian's r-base-core to check against R at run time")
	}
	// A file, not -e: R cuts -e expressions at 10000 bytes.
	file := filepath.Join(t.TempDir(), "check.R")
	if err := os.WriteFile(file, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(path, "--vanilla", file)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if strings.Contains(stderr.String(), "there is no package called") {
			t.Skipf("an R package the check needs is not installed: %s", strings.TrimSpace(stderr.String()))
		}
		t.Fatalf("Rscript: %v: %s", err, stderr.String())
	}
	var xs []float64
	for _, f := range strings.Fields(string(out)) {
		x, err := strconv.ParseFloat(f, 64)
		if err != nil {
			t.Fatalf("Rscript output %q: %v\n%s", f, err, out)
		}
		xs = append(xs, x)
	}
	return xs
}
