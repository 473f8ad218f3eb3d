// Package benchcase runs the cases of ratelab's benchmark commands in child
// processes, so that each case's peak memory is its own, and summarises timings.
package benchcase

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Run runs prog with args and decodes the JSON it prints into result. The child's
// stderr is the caller's.
//
// A child reports its own peak memory (PeakMiB): wait4's maxrss is no measure of it,
// since Linux carries the parent's high-water mark into a child that the parent
// started with vfork, as os/exec does.
func Run(prog string, args []string, result any) error {
	cmd := exec.Command(prog, args...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return err
	}
	if err := json.Unmarshal(out, result); err != nil {
		return fmt.Errorf("child output %.200q: %w", out, err)
	}
	return nil
}

// PeakMiB returns the peak resident memory of processes, in MiB: VmHWM of
// /proc/PID/status, summed ("self" for this process).
func PeakMiB(pids ...string) (float64, error) {
	var kib float64
	for _, pid := range pids {
		b, err := os.ReadFile("/proc/" + pid + "/status")
		if err != nil {
			return 0, err
		}
		found := false
		for _, line := range strings.Split(string(b), "\n") {
			if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
				v, err := strconv.ParseFloat(f[1], 64)
				if err != nil {
					return 0, fmt.Errorf("/proc/%s/status: VmHWM %q", pid, f[1])
				}
				kib, found = kib+v, true
			}
		}
		if !found {
			return 0, fmt.Errorf("/proc/%s/status has no VmHWM", pid)
		}
	}
	return kib / 1024, nil
}

// CPUTime returns the process's user + system CPU time so far, all threads.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Ms returns d in milliseconds.
func Ms(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e6 }

// Median returns the median of x (x is not changed).
func Median(x []float64) float64 {
	x = slices.Clone(x)
	slices.Sort(x)
	n := len(x)
	if n%2 == 1 {
		return x[n/2]
	}
	return (x[n/2-1] + x[n/2]) / 2
}
