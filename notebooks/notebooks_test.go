package notebooks_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ratelab/ratelab/kernel/interp"
	"github.com/ratelab/ratelab/kernel/notebook"
	"github.com/ratelab/ratelab/notebooks"
)

// TestNotebooksReexecute runs every curated notebook again, in process, as
// `ratelab run` does, and wants no cell to fail and every output to equal the
// committed one: text (streams, text/plain, text/html, text/markdown, errors of cells
// tagged raises-exception) and images too, since gonum/plot's PNG renderer is
// deterministic (the same bytes run after run). To refresh a notebook after changing
// it: ratelab run --inplace notebooks/NAME.ipynb.
func TestNotebooksReexecute(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in -short mode: re-executes every curated notebook")
	}
	names := notebooks.Names()
	if len(names) == 0 {
		t.Fatal("no curated notebooks are embedded")
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			committed := read(t, name)
			rerun := read(t, name)
			session, err := interp.New(interp.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer session.Close()
			start := time.Now()
			// Working directory: this package's directory, the notebooks' own.
			_, err = notebook.Execute(context.Background(), rerun, session, notebook.Options{Timeout: 5 * time.Minute})
			if err != nil {
				t.Fatalf("re-execution failed: %v", err)
			}
			t.Logf("ran in %v", time.Since(start).Round(time.Millisecond))
			for i, c := range committed.Cells {
				if c.Type != "code" {
					continue
				}
				want, got := outputs(c), outputs(rerun.Cells[i])
				if diff := firstDifference(want, got); diff != "" {
					t.Errorf("cell index %d (%s): outputs differ from the committed ones: %s",
						i, firstLine(c.Source), diff)
				}
				if countOf(c) != countOf(rerun.Cells[i]) {
					t.Errorf("cell index %d: execution_count %s, committed %s", i, countOf(rerun.Cells[i]), countOf(c))
				}
			}
		})
	}
}

func read(t *testing.T, name string) *notebook.Notebook {
	t.Helper()
	f, err := notebooks.FS.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	nb, err := notebook.Read(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return nb
}

// outputs lists what a cell shows, one string per output and format, in order:
// "stdout: TEXT", "display_data text/html: TEXT", "error: NAME: VALUE", ... Formats
// are sorted within an output; metadata is left out.
func outputs(c *notebook.Cell) []string {
	var list []string
	for _, o := range c.Outputs {
		switch o.Type {
		case "stream":
			list = append(list, o.Name+": "+o.Text)
		case "error":
			list = append(list, "error: "+o.EName+": "+o.EValue)
		default:
			mimes := make([]string, 0, len(o.Data))
			for m := range o.Data {
				mimes = append(mimes, m)
			}
			sort.Strings(mimes)
			for _, m := range mimes {
				list = append(list, fmt.Sprintf("%s %s: %v", o.Type, m, o.Data[m]))
			}
		}
	}
	return list
}

func firstDifference(want, got []string) string {
	for i := 0; i < len(want) || i < len(got); i++ {
		switch {
		case i >= len(got):
			return fmt.Sprintf("output %d missing: want %.300q", i, want[i])
		case i >= len(want):
			return fmt.Sprintf("extra output %d: %.300q", i, got[i])
		case want[i] != got[i]:
			return fmt.Sprintf("output %d:\n want %.300q\n  got %.300q", i, want[i], got[i])
		}
	}
	return ""
}

func countOf(c *notebook.Cell) string {
	if c.ExecutionCount == nil {
		return "null"
	}
	return fmt.Sprint(*c.ExecutionCount)
}

func firstLine(src string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(src), "\n")
	return line
}
