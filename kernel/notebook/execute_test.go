package notebook

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ratelab/ratelab/kernel/engine"
)

// fake is an engine.Interpreter whose cells are scripts of one command a line:
//
//	out TEXT | err TEXT            stream TEXT (with \n appended) to stdout/stderr
//	display ID TEXT                display text/plain TEXT (ID "-" for none)
//	update ID TEXT                 update_display_data
//	clear | clearwait              clear_output(wait=false/true)
//	result TEXT                    the cell's value is text/plain TEXT
//	fail NAME VALUE                the cell raises NAME: VALUE
//	input PROMPT                   ask for input and print what came back
//	sleep                          block until the cell is cancelled
//	pwd                            print the working directory
//	keep                           keep this cell's Output (as a goroutine would)
//	stale TEXT                     stream TEXT to the Output kept by an earlier cell
type fake struct {
	executed []string
	kept     engine.Output
}

func (f *fake) Execute(ctx context.Context, code string, out engine.Output) (*engine.Bundle, *engine.Error) {
	f.executed = append(f.executed, code)
	var result *engine.Bundle
	for _, line := range strings.Split(strings.TrimSpace(code), "\n") {
		cmd, arg, _ := strings.Cut(line, " ")
		id, text, _ := strings.Cut(arg, " ")
		if id == "-" {
			id = ""
		}
		switch cmd {
		case "out":
			out.Stream("stdout", arg+"\n")
		case "err":
			out.Stream("stderr", arg+"\n")
		case "display":
			out.Display(plain(text), id)
		case "update":
			out.Update(plain(text), id)
		case "clear":
			out.Clear(false)
		case "clearwait":
			out.Clear(true)
		case "result":
			b := plain(arg)
			result = &b
		case "fail":
			return result, &engine.Error{Name: id, Value: text, Traceback: []string{"at cell:1:1", id + ": " + text}}
		case "input":
			s, err := out.Input(arg, false)
			if err != nil {
				return nil, &engine.Error{Name: "InputError", Value: err.Error()}
			}
			out.Stream("stdout", "got "+s+"\n")
		case "sleep":
			<-ctx.Done()
			return nil, &engine.Error{Name: "KeyboardInterrupt", Value: "interrupted"}
		case "keep":
			f.kept = out
		case "stale":
			f.kept.Stream("stdout", arg+"\n")
			f.kept.Display(plain(arg), "")
		case "pwd":
			wd, _ := os.Getwd()
			out.Stream("stdout", wd+"\n")
		}
	}
	return result, nil
}

func plain(s string) engine.Bundle {
	return engine.Bundle{Data: map[string]any{"text/plain": s}}
}

func (f *fake) Complete(string, int) engine.Completion         { return engine.Completion{} }
func (f *fake) Inspect(string, int, int) (engine.Bundle, bool) { return engine.Bundle{}, false }
func (f *fake) IsComplete(string) engine.Completeness          { return engine.Completeness{Status: "complete"} }
func (f *fake) Reset() error                                   { return nil }
func (f *fake) Close() error                                   { return nil }
func (f *fake) Info() engine.LanguageInfo {
	return engine.LanguageInfo{Name: "go", Version: "go1.26.8", MimeType: "text/x-go", FileExtension: ".go"}
}

func code(src string) *Cell {
	return &Cell{Type: "code", Source: src, Metadata: map[string]any{}}
}

func newNB(cells ...*Cell) *Notebook {
	return &Notebook{Format: 4, FormatMinor: 5, Metadata: map[string]any{}, Cells: cells}
}

// summary renders a cell's outputs compactly: "stream stdout: a\nb\n", "display: X", ...
func summary(c *Cell) []string {
	var s []string
	for _, o := range c.Outputs {
		switch o.Type {
		case "stream":
			s = append(s, "stream "+o.Name+": "+o.Text)
		case "display_data":
			s = append(s, "display: "+o.Data["text/plain"].(string))
		case "execute_result":
			s = append(s, "result["+itoa(o.ExecutionCount)+"]: "+o.Data["text/plain"].(string))
		case "error":
			s = append(s, "error: "+o.EName+": "+o.EValue)
		}
	}
	return s
}

func itoa(n *int) string {
	if n == nil {
		return "null"
	}
	return strconv.Itoa(*n)
}

func TestExecuteOutputs(t *testing.T) {
	md := &Cell{Type: "markdown", Source: "# untouched", Metadata: map[string]any{}}
	stale := 7
	empty := &Cell{Type: "code", Source: "  \n", Metadata: map[string]any{}, ExecutionCount: &stale}
	nb := newNB(
		md,
		code("out a\nout b\nerr e1\nout c\nerr e2\nerr e3"),
		empty,
		code("display p first\ndisplay - other\nresult 42"),
		code("update p second\nout x"),
		code("display p third"),
		code("out gone\nclear\nout kept"),
		code("out before\nclearwait\nout after"),
		code("clearwait"),
	)
	nb.Cells[1].Metadata["execution"] = map[string]any{"iopub.status.busy": "2026-01-01T00:00:00Z"}
	nb.Cells[1].Outputs = []*Output{{Type: "stream", Name: "stdout", Text: "old output\n"}}
	res, err := Execute(context.Background(), nb, &fake{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Executed != 7 || len(res.Errors) != 0 {
		t.Errorf("result = %+v, want 7 cells run and no errors", res)
	}
	want := [][]string{
		nil,
		{"stream stdout: a\nb\n", "stream stderr: e1\n", "stream stdout: c\n", "stream stderr: e2\ne3\n"},
		nil,
		// "p" is shown again in cell 5: as in nbclient, every output with that id changes.
		{"display: third", "display: other", "result[2]: 42"},
		{"stream stdout: x\n"},
		{"display: third"},
		{"stream stdout: kept\n"},
		{"stream stdout: after\n"},
		// clear_output(wait=True) with nothing after it keeps the outputs (nbclient).
		nil,
	}
	for i, c := range nb.Cells {
		if got := summary(c); !reflect.DeepEqual(got, want[i]) {
			t.Errorf("cell %d outputs = %q, want %q", i, got, want[i])
		}
	}
	counts := []string{"", "1", "7", "2", "3", "4", "5", "6", "7"}
	for i, c := range nb.Cells {
		if c.Type == "code" && itoa(c.ExecutionCount) != counts[i] {
			t.Errorf("cell %d execution_count = %s, want %s", i, itoa(c.ExecutionCount), counts[i])
		}
	}
	if _, ok := nb.Cells[1].Metadata["execution"]; ok {
		t.Error("timing metadata kept")
	}
	if md.Source != "# untouched" || md.Outputs != nil {
		t.Error("markdown cell changed")
	}
	li, _ := nb.Metadata["language_info"].(map[string]any)
	if li["name"] != "go" || li["mimetype"] != "text/x-go" {
		t.Errorf("language_info = %v", nb.Metadata["language_info"])
	}
}

func TestUpdateAcrossCellsAndClear(t *testing.T) {
	nb := newNB(
		code("display bar 0%"),
		code("display bar 10%\nclear\ndisplay - fresh"),
		code("update bar 100%"),
	)
	if _, err := Execute(context.Background(), nb, &fake{}, Options{}); err != nil {
		t.Fatal(err)
	}
	// Cell 1's "bar" output was cleared, so only cell 0's output is left to update.
	if got := summary(nb.Cells[0]); !reflect.DeepEqual(got, []string{"display: 100%"}) {
		t.Errorf("cell 0 = %q", got)
	}
	if got := summary(nb.Cells[1]); !reflect.DeepEqual(got, []string{"display: fresh"}) {
		t.Errorf("cell 1 = %q", got)
	}
}

// TestLateOutputDropped checks that output sent to a finished cell's Output (from a
// goroutine it left running) is dropped, as nbclient drops iopub messages whose
// parent request it has finished with.
func TestLateOutputDropped(t *testing.T) {
	nb := newNB(code("keep\nout mine"), code("stale late\nout own"))
	if _, err := Execute(context.Background(), nb, &fake{}, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := summary(nb.Cells[0]); !reflect.DeepEqual(got, []string{"stream stdout: mine\n"}) {
		t.Errorf("cell 0 = %q", got)
	}
	if got := summary(nb.Cells[1]); !reflect.DeepEqual(got, []string{"stream stdout: own\n"}) {
		t.Errorf("cell 1 = %q", got)
	}
}

func TestExecuteStopsAtError(t *testing.T) {
	f := &fake{}
	nb := newNB(code("out one"), code("// load\nout two\nfail CompileError undefined: x"), code("out three"))
	_, err := Execute(context.Background(), nb, f, Options{})
	var ce *CellError
	if !errors.As(err, &ce) {
		t.Fatalf("error = %v, want a *CellError", err)
	}
	if ce.Index != 1 || ce.FirstLine() != "// load" || ce.Err.Name != "CompileError" {
		t.Errorf("cell error = %+v", ce)
	}
	if msg := err.Error(); msg != "cell index 1 (// load): CompileError: undefined: x" {
		t.Errorf("message = %q", msg)
	}
	if len(f.executed) != 2 {
		t.Errorf("ran %d cells after the error, want the run to stop", len(f.executed)-2)
	}
	last := nb.Cells[1].Outputs[len(nb.Cells[1].Outputs)-1]
	if last.Type != "error" || !reflect.DeepEqual(last.Traceback, []string{"at cell:1:1", "CompileError: undefined: x"}) {
		t.Errorf("error output = %+v", last)
	}
}

func TestExecuteAllowErrors(t *testing.T) {
	f := &fake{}
	tagged := code("fail panic expected")
	tagged.Metadata["tags"] = []any{"raises-exception"}
	nb := newNB(code("fail panic one"), tagged, code("out three"))
	res, err := Execute(context.Background(), nb, f, Options{AllowErrors: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.executed) != 3 || len(res.Errors) != 1 || res.Errors[0].Index != 0 {
		t.Errorf("ran %d cells, errors %v; want 3 cells and cell 0's error only", len(f.executed), res.Errors)
	}
	// Without AllowErrors the tagged cell still may fail.
	nb = newNB(tagged, code("out after"))
	if _, err := Execute(context.Background(), nb, &fake{}, Options{}); err != nil {
		t.Errorf("raises-exception cell stopped the run: %v", err)
	}
}

func TestExecuteTimeout(t *testing.T) {
	nb := newNB(code("out started\nsleep"), code("out never"))
	_, err := Execute(context.Background(), nb, &fake{}, Options{Timeout: 20 * time.Millisecond, AllowErrors: true})
	var ce *CellError
	if !errors.As(err, &ce) || ce.Timeout != 20*time.Millisecond {
		t.Fatalf("error = %v, want a timeout of cell 0", err)
	}
	if !strings.Contains(err.Error(), "cell index 0 (out started): timed out after 20ms") {
		t.Errorf("message = %q", err)
	}
	if nb.Cells[1].ExecutionCount != nil {
		t.Error("the run went on after a timeout")
	}
}

func TestExecuteInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(10*time.Millisecond, cancel)
	nb := newNB(code("sleep"), code("out never"))
	_, err := Execute(ctx, nb, &fake{}, Options{AllowErrors: true})
	if err == nil || !strings.Contains(err.Error(), "interrupted") {
		t.Errorf("error = %v, want the run interrupted", err)
	}
}

func TestExecuteInput(t *testing.T) {
	nb := newNB(code("input name?"))
	if _, err := Execute(context.Background(), nb, &fake{}, Options{AllowErrors: true}); err != nil {
		t.Fatal(err)
	}
	if got := summary(nb.Cells[0]); len(got) != 1 || !strings.Contains(got[0], "does not support stdin") {
		t.Errorf("without stdin: %q, want ErrNoStdin's message", got)
	}
	var prompts []string
	input := func(prompt string, password bool) (string, error) {
		prompts = append(prompts, prompt)
		return "ada", nil
	}
	if _, err := Execute(context.Background(), nb, &fake{}, Options{Input: input}); err != nil {
		t.Fatal(err)
	}
	if got := summary(nb.Cells[0]); !reflect.DeepEqual(got, []string{"stream stdout: got ada\n"}) || !reflect.DeepEqual(prompts, []string{"name?"}) {
		t.Errorf("with stdin: outputs %q, prompts %q", got, prompts)
	}
}

func TestExecuteWorkingDir(t *testing.T) {
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.Getwd()
	nb := newNB(code("pwd"))
	if _, err := Execute(context.Background(), nb, &fake{}, Options{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	if got := nb.Cells[0].Outputs[0].Text; got != dir+"\n" {
		t.Errorf("cell ran in %q, want %q", got, dir)
	}
	if after, _ := os.Getwd(); after != before {
		t.Errorf("working directory not restored: %q, was %q", after, before)
	}
}

// TestExecuteThenWrite runs a notebook read from disk and writes it back: the output
// is valid nbformat that reads back to the same outputs, and unknown fields survive.
func TestExecuteThenWrite(t *testing.T) {
	nb, err := ReadFile("testdata/roundtrip.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	nb.Cells = append(nb.Cells, code("out hello\nresult 1"))
	if _, err := Execute(context.Background(), nb, &fake{}, Options{AllowErrors: true}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "run.ipynb")
	if err := nb.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	back, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	last := back.Cells[len(back.Cells)-1]
	if got := summary(last); !reflect.DeepEqual(got, []string{"stream stdout: hello\n", "result[2]: 1"}) {
		t.Errorf("outputs read back = %q", got)
	}
	if back.Extra["x_unknown_top"] == nil || back.Cells[1].Extra["x_unknown_cell"] != "kept too" {
		t.Error("unknown fields lost")
	}
}

// TestExecutedNotebookIsValid has Python's nbformat validate a notebook the runner
// wrote (every output type) against the nbformat 4 schema, and write it back unchanged.
func TestExecutedNotebookIsValid(t *testing.T) {
	needPython(t)
	nb := newNB(code("out a\nerr b\ndisplay d shown\nupdate d updated\nresult 1"), code("fail panic boom"))
	for i, c := range nb.Cells {
		c.ID = "c" + strconv.Itoa(i)
	}
	if _, err := Execute(context.Background(), nb, &fake{}, Options{AllowErrors: true}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "run.ipynb")
	if err := nb.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	script := `import nbformat, sys
nb = nbformat.read(sys.argv[1], as_version=4)
nbformat.validate(nb)
if nbformat.writes(nb) + "\n" != open(sys.argv[1], encoding="utf-8").read():
    sys.exit("nbformat writes the notebook differently")`
	if out, err := exec.Command(python, "-c", script, path).CombinedOutput(); err != nil {
		t.Errorf("nbformat: %v\n%s", err, out)
	}
}
