package notebook

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"
)

// TestRecorderMatchesNbclient checks the runner's output semantics (display ids updated
// across cells, clear_output with and without wait, execute_result counts, errors)
// against the reference: the same cells written in Python and executed by Debian's
// nbclient with ipykernel. Streams are compared per name as whole texts, since
// ipykernel buffers stdout and stderr separately.
func TestRecorderMatchesNbclient(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in -short mode: starts a Python kernel")
	}
	if err := exec.Command(python, "-c", "import nbclient, ipykernel").Run(); err != nil {
		t.Skipf("skipping: %s with nbclient and ipykernel is not available (%v)", python, err)
	}
	cells := []string{
		"out a\nout b\nerr e1\nout c\nerr e2\nerr e3",
		"display p first\ndisplay - other\nresult 42",
		"update p second\nout x",
		"display p third",
		"out gone\nclear\nout kept",
		"out before\nclearwait\nout after",
		"clearwait",
		"display bar 0%",
		"display bar 10%\nclear\ndisplay - fresh",
		"update bar 100%",
		"out partial\nfail ValueError bad input",
		"result 7",
	}
	ours := newNB()
	ref := newNB()
	for i, c := range cells {
		ours.Cells = append(ours.Cells, code(c))
		py := code(toPython(c))
		py.ID = fmt.Sprintf("cell-%d", i) // nbformat 4.5 wants ids
		ref.Cells = append(ref.Cells, py)
	}
	if _, err := Execute(context.Background(), ours, &fake{}, Options{AllowErrors: true}); err != nil {
		t.Fatal(err)
	}

	var in bytes.Buffer
	ref.Metadata["kernelspec"] = map[string]any{"name": "python3", "display_name": "Python 3", "language": "python"}
	if err := ref.Write(&in); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, "-c", `import sys, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.stdin, as_version=4)
NotebookClient(nb, kernel_name="python3", allow_errors=True, record_timing=False, timeout=60).execute()
nbformat.write(nb, sys.stdout)`)
	cmd.Stdin = &in
	cmd.Stderr = os.Stderr
	cmd.Env = append(os.Environ(), "PYDEVD_DISABLE_FILE_VALIDATION=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("nbclient: %v", err)
	}
	want, err := Read(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	for i := range cells {
		w, g := comparable(want.Cells[i]), comparable(ours.Cells[i])
		if !reflect.DeepEqual(w, g) {
			t.Errorf("cell %d (%q):\nnbclient: %q\n  ours:   %q", i, cells[i], w, g)
		}
	}
}

// comparable renders a cell's outputs for comparison: the execution count, the
// streams per name, then every other output in order.
func comparable(c *Cell) []string {
	streams := map[string]string{}
	list := []string{"count " + itoa(c.ExecutionCount)}
	for _, o := range c.Outputs {
		switch o.Type {
		case "stream":
			streams[o.Name] += o.Text
		case "error":
			list = append(list, "error "+o.EName+": "+o.EValue)
		default:
			list = append(list, fmt.Sprintf("%s %v %s", o.Type, o.Data["text/plain"], itoa(o.ExecutionCount)))
		}
	}
	return append(list, "stdout "+streams["stdout"], "stderr "+streams["stderr"])
}

// toPython writes a fake-interpreter script as the Python cell that shows the same.
func toPython(script string) string {
	lines := []string{
		"import sys",
		"from IPython.display import display, update_display, clear_output",
	}
	var last string
	for _, line := range strings.Split(script, "\n") {
		cmd, arg, _ := strings.Cut(line, " ")
		id, text, _ := strings.Cut(arg, " ")
		did := "None"
		if id != "-" {
			did = fmt.Sprintf("%q", id)
		}
		switch cmd {
		case "out":
			lines = append(lines, fmt.Sprintf("print(%q)", arg))
		case "err":
			lines = append(lines, fmt.Sprintf("print(%q, file=sys.stderr)", arg))
		case "display":
			// Assigned, so that the DisplayHandle returned is not the cell's value.
			lines = append(lines, fmt.Sprintf("_ = display({'text/plain': %q}, raw=True, display_id=%s)", text, did))
		case "update":
			lines = append(lines, fmt.Sprintf("update_display({'text/plain': %q}, raw=True, display_id=%s)", text, did))
		case "clear":
			lines = append(lines, "clear_output()")
		case "clearwait":
			lines = append(lines, "clear_output(wait=True)")
		case "result":
			// An object whose repr is the text: the cell's value shown as text/plain.
			last = fmt.Sprintf("type('R', (), {'__repr__': lambda self: %q})()", arg)
		case "fail":
			lines = append(lines, fmt.Sprintf("raise type(%q, (Exception,), {})(%q)", id, text))
		}
	}
	if last != "" {
		lines = append(lines, last)
	}
	return strings.Join(lines, "\n")
}
