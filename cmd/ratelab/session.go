package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/ratelab/ratelab/kernel/engine"
	"github.com/ratelab/ratelab/kernel/interp"
	"github.com/ratelab/ratelab/kernel/supervise"
)

func init() {
	registerHidden("session", runSession)
}

// runSession is the session process a supervisor starts (`ratelab session`): the Go
// interpreter, serving the supervisor on the file descriptors it set up.
func runSession(args []string) error {
	fset := flag.NewFlagSet("session", flag.ContinueOnError)
	var opts interp.Options
	var g supervise.Guards
	fset.BoolVar(&opts.SVG, "svg", false, "plots as SVG too")
	fset.BoolVar(&opts.Plain, "plain", false, "no rich front end")
	fset.IntVar(&g.MaxStack, "max-stack", 0, "goroutine stack limit in bytes")
	fset.Int64Var(&g.MemoryLimit, "memory-limit", 0, "memory limit in bytes")
	progressLog := fset.Bool("progress-log", false, "long loads' progress as plain lines on the supervisor's log too")
	if err := fset.Parse(args); err != nil {
		return err
	}
	// File descriptors 1 and 2 already go to the supervisor, cell by cell.
	opts.NoCapture = true
	return supervise.Serve(func(log io.Writer) (engine.Interpreter, error) {
		interp.SetLogWriter(log)
		if *progressLog {
			opts.ProgressLog = log
		}
		return interp.New(opts)
	}, g)
}

// sessionOptions are how a supervised session is started.
type sessionOptions struct {
	interp interp.Options
	dir    string // working directory; "" for ours
	spare  bool   // keep a warm spare session (the kernel)
	// progressLog writes long loads' progress as plain lines to log too (ratelab
	// run: the terminal, where nothing else shows while a notebook runs).
	progressLog bool
	log         *os.File
}

// maxStack is a session goroutine's stack limit: infinite recursion then fails in a
// second or two as "stack overflow", not after filling Go's default of 1 GB.
const maxStack = 64 << 20

// supervised starts a Go session in a child process behind a supervisor.
func supervised(o sessionOptions) (*supervise.Interpreter, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("find the ratelab binary for the session process: %w", err)
	}
	limit, err := memoryLimit()
	if err != nil {
		return nil, err
	}
	args := []string{exe, "session", "-max-stack", strconv.Itoa(maxStack), "-memory-limit", strconv.FormatInt(limit, 10)}
	if o.interp.SVG {
		args = append(args, "-svg")
	}
	if o.interp.Plain {
		args = append(args, "-plain")
	}
	if o.progressLog {
		args = append(args, "-progress-log")
	}
	return supervise.New(supervise.Options{Command: args, Dir: o.dir, Log: o.log, Info: interp.Info(), Spare: o.spare})
}

// memoryLimit is a session's memory limit: $RATELAB_MEMORY_LIMIT (bytes, or with a
// unit: 512MiB, 8GiB, 8GB), else three quarters of the machine's memory.
func memoryLimit() (int64, error) {
	if v := os.Getenv("RATELAB_MEMORY_LIMIT"); v != "" {
		n, err := parseBytes(v)
		if err != nil {
			return 0, fmt.Errorf("RATELAB_MEMORY_LIMIT=%q: %v", v, err)
		}
		return n, nil
	}
	total, err := physicalMemory()
	if err != nil {
		return 0, nil // no limit rather than no session
	}
	return total / 4 * 3, nil
}

// parseBytes reads "1073741824", "512MiB", "8GiB", "8GB".
func parseBytes(s string) (int64, error) {
	units := []struct {
		suffix string
		scale  int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"TB", 1e12}, {"B", 1}}
	scale := int64(1)
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			s, scale = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.scale
			break
		}
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n <= 0 {
		return 0, errors.New("want a positive number of bytes, optionally with a unit (KiB, MiB, GiB, KB, MB, GB)")
	}
	return int64(n * float64(scale)), nil
}

// physicalMemory is MemTotal from /proc/meminfo, in bytes.
func physicalMemory() (int64, error) {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "MemTotal:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				return 0, err
			}
			return kb << 10, nil
		}
	}
	return 0, errors.New("/proc/meminfo has no MemTotal")
}
