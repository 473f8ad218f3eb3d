package notebook

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/ratelab/ratelab/kernel/engine"
)

// InputFunc answers a cell's request for a line of input (engine.Output.Input).
type InputFunc func(prompt string, password bool) (string, error)

// Options configure Execute.
type Options struct {
	// AllowErrors records a failing cell's error and goes on with the next cell,
	// as nbclient's allow_errors (nbconvert --allow-errors) does. Without it the run
	// stops at the first error. A cell tagged "raises-exception" may always fail.
	AllowErrors bool
	// Timeout bounds each cell's run time (nbclient's per-cell timeout); zero means
	// none. A cell that times out is interrupted and ends the run, errors allowed
	// or not, as in nbclient.
	Timeout time.Duration
	// Input answers cells that ask for input; nil makes them get engine.ErrNoStdin.
	Input InputFunc
	// Dir is the working directory while the notebook runs, normally the notebook's
	// own directory as nbclient uses; empty leaves the working directory alone.
	// Execute changes the process's directory: runs must not overlap.
	Dir string
}

// Result summarises a run.
type Result struct {
	Executed int          // code cells run
	Errors   []*CellError // cells that failed with errors allowed, except expected ones
}

// CellError is the failure of one cell.
type CellError struct {
	Index  int    // the cell's index in Notebook.Cells
	Source string // the cell's code
	// Err is the error the cell raised; for a timeout, a KeyboardInterrupt.
	Err *engine.Error
	// Timeout is the limit the cell ran past, zero when it did not time out.
	Timeout time.Duration
}

// FirstLine is the cell's first non-blank line, to name the cell in messages.
func (e *CellError) FirstLine() string {
	for _, line := range strings.Split(e.Source, "\n") {
		if strings.TrimSpace(line) != "" {
			return strings.TrimSpace(line)
		}
	}
	return ""
}

func (e *CellError) Error() string {
	if e.Timeout > 0 {
		return fmt.Sprintf("cell index %d (%s): timed out after %v", e.Index, e.FirstLine(), e.Timeout)
	}
	return fmt.Sprintf("cell index %d (%s): %s: %s", e.Index, e.FirstLine(), e.Err.Name, e.Err.Value)
}

// Execute runs the code cells of nb in order through in and records their outputs
// and execution counts in nb, as nbclient does: empty code cells and other cells are
// left alone, the notebook's metadata.language_info is set from in.Info(). Timing
// metadata is not recorded (a cell's "execution" metadata is removed) so that
// re-running a notebook changes nothing but what the code shows.
//
// Without opts.AllowErrors the run stops at the first failing cell and returns its
// *CellError; nb then holds the outputs so far and should not be written over a
// good file. Cancelling ctx interrupts the running cell and ends the run.
func Execute(ctx context.Context, nb *Notebook, in engine.Interpreter, opts Options) (Result, error) {
	var res Result
	if opts.Dir != "" {
		wd, err := os.Getwd()
		if err != nil {
			return res, fmt.Errorf("run notebook: %v", err)
		}
		if err := os.Chdir(opts.Dir); err != nil {
			return res, fmt.Errorf("run notebook: %v", err)
		}
		defer os.Chdir(wd)
	}
	if nb.Metadata == nil {
		nb.Metadata = map[string]any{}
	}
	info, err := languageInfo(in.Info())
	if err != nil {
		return res, err
	}
	nb.Metadata["language_info"] = info

	rec := newRecorder(nb, opts.Input)
	for i, c := range nb.Cells {
		if c.Type != "code" || strings.TrimSpace(c.Source) == "" {
			continue
		}
		if err := ctx.Err(); err != nil {
			return res, fmt.Errorf("run interrupted before cell %d: %v", i, err)
		}
		res.Executed++
		count := res.Executed // ipykernel counts every cell run with store_history
		c.ExecutionCount = &count
		if c.Metadata != nil {
			delete(c.Metadata, "execution")
		}
		out := rec.start(i)

		cellCtx, cancel := ctx, context.CancelFunc(func() {})
		if opts.Timeout > 0 {
			cellCtx, cancel = context.WithTimeout(ctx, opts.Timeout)
		}
		value, cerr := in.Execute(cellCtx, c.Source, out)
		timedOut := errors.Is(cellCtx.Err(), context.DeadlineExceeded) && ctx.Err() == nil
		cancel()
		out.result(value, count, cerr)
		rec.finish()
		if cerr == nil {
			continue
		}
		ce := &CellError{Index: i, Source: c.Source, Err: cerr}
		switch {
		case timedOut:
			ce.Timeout = opts.Timeout
			return res, ce
		case ctx.Err() != nil:
			return res, fmt.Errorf("run interrupted: %w", ce)
		case hasTag(c, "raises-exception"):
			// An expected error: the cell shows it, the run goes on.
		case opts.AllowErrors:
			res.Errors = append(res.Errors, ce)
		default:
			return res, ce
		}
	}
	return res, nil
}

// languageInfo is kernel_info_reply's language_info as nbclient stores it in the
// notebook's metadata.
func languageInfo(li engine.LanguageInfo) (map[string]any, error) {
	b, err := json.Marshal(li)
	if err != nil {
		return nil, fmt.Errorf("language info: %v", err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("language info: %v", err)
	}
	return m, nil
}

func hasTag(c *Cell, tag string) bool {
	tags, _ := c.Metadata["tags"].([]any)
	for _, t := range tags {
		if t == tag {
			return true
		}
	}
	return false
}
