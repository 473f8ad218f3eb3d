package notebook

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// python is Debian's Python, the one with nbformat installed (the default python3 on
// the machines lacks it).
const python = "/usr/bin/python3"

// needPython skips the test when Debian's Python with nbformat is not installed.
func needPython(t *testing.T) {
	t.Helper()
	if err := exec.Command(python, "-c", "import nbformat").Run(); err != nil {
		t.Skipf("skipping: %s with nbformat is not available (%v); install python3-nbformat", python, err)
	}
}

func rewrite(t *testing.T, in []byte) []byte {
	t.Helper()
	nb, err := Read(bytes.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := nb.Write(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestRoundTripKeepsFile reads and writes back a notebook saved by nbformat
// (testdata/make_roundtrip.py) with every kind of cell and output, unknown fields at
// each level, attachments, JSON MIME types, numbers such as 1.0 and 1e-07, non-ASCII
// text, CRLF and U+2028: the bytes must not change.
func TestRoundTripKeepsFile(t *testing.T) {
	in, err := os.ReadFile("testdata/roundtrip.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	if out := rewrite(t, in); !bytes.Equal(out, in) {
		t.Errorf("round trip changed the notebook:\n%s", firstDiff(in, out))
	}
}

// TestWriteMatchesNbformat normalises each test notebook with the Go writer and with
// Python's nbformat.read + nbformat.write, and wants the same bytes.
func TestWriteMatchesNbformat(t *testing.T) {
	needPython(t)
	files, err := filepath.Glob("testdata/*.ipynb")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test notebooks: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			in, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(python, "-c", "import nbformat, sys\nnb = nbformat.read(sys.stdin, as_version=nbformat.NO_CONVERT)\nnbformat.write(nb, sys.stdout)")
			cmd.Stdin = bytes.NewReader(in)
			cmd.Stderr = os.Stderr
			want, err := cmd.Output()
			if err != nil {
				t.Fatalf("nbformat: %v", err)
			}
			if got := rewrite(t, in); !bytes.Equal(got, want) {
				t.Errorf("Go writer differs from nbformat:\n%s", firstDiff(want, got))
			}
		})
	}
}

// TestSplitLinesMatchesPython checks splitLines against Python's str.splitlines(True).
func TestSplitLinesMatchesPython(t *testing.T) {
	needPython(t)
	cases := []string{"", "a", "a\n", "a\nb", "a\r\nb\rc", "\n\n", "x\r", "\r\n\r\n", "a\vb\fc\x1cd\x1de\x1ef\u0085g\u2028h\u2029i", "é\nü"}
	for _, s := range cases {
		in, _ := json.Marshal(s)
		cmd := exec.Command(python, "-c", "import sys, json\nprint(json.dumps(json.loads(sys.stdin.read()).splitlines(True)))")
		cmd.Stdin = bytes.NewReader(in)
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		if err := json.Unmarshal(out, &want); err != nil {
			t.Fatal(err)
		}
		if got := splitLines(s); !slices.Equal(got, want) {
			t.Errorf("splitLines(%q) = %q, Python says %q", s, got, want)
		}
	}
}

func TestReadErrors(t *testing.T) {
	cases := map[string]string{
		`{`: "not a notebook",
		`{"nbformat": 3, "nbformat_minor": 0, "worksheets": []}`:                                                                                                    "nbformat 3 is not supported",
		`{"nbformat": 4, "nbformat_minor": 5, "metadata": {}}`:                                                                                                      `"cells" is missing`,
		`{"nbformat": 4, "nbformat_minor": 5, "cells": [{"source": ""}]}`:                                                                                           `cell 0: "cell_type" is missing`,
		`{"nbformat": 4, "nbformat_minor": 5, "cells": [{"cell_type": "code", "source": [1]}]}`:                                                                     `cell 0: "source" holds a non-string`,
		`{"nbformat": 4, "nbformat_minor": 5, "cells": [{"cell_type": "code", "source": "", "outputs": [{"output_type": "stream", "name": "stdout", "text": 5}]}]}`: `cell 0: output 0: "text" is neither`,
		`{"nbformat": 4, "nbformat_minor": 5, "cells": []} {}`:                                                                                                      "data after",
	}
	for in, want := range cases {
		_, err := Read(strings.NewReader(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Read(%s) error = %v, want it to contain %q", in, err, want)
		}
	}
}

// TestWriteFileAtomic checks that a notebook that cannot be encoded leaves the file
// it would replace untouched and no temporary file behind, and that a good write
// replaces the file keeping its permissions.
func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.ipynb")
	old := []byte("previous contents\n")
	if err := os.WriteFile(path, old, 0o600); err != nil {
		t.Fatal(err)
	}
	bad := &Notebook{Format: 4, FormatMinor: 5, Metadata: map[string]any{"x": math.NaN()}}
	if err := bad.WriteFile(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("WriteFile with NaN metadata: error = %v, want one naming %s", err, path)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, old) {
		t.Errorf("failed write changed the file to %q", got)
	}
	good := &Notebook{Format: 4, FormatMinor: 5, Cells: []*Cell{{Type: "markdown", Source: "hi"}}}
	if err := good.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	back, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Cells) != 1 || back.Cells[0].Source != "hi" {
		t.Errorf("read back %+v", back.Cells)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want the old file's 0600", fi.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only out.ipynb: %v", len(entries), entries)
	}
}

// TestWriteFileRemovesStaleTemps: a writer killed while writing leaves its
// temporary file; the next write of the same notebook removes it, but not the
// temporary file of a writer still running, nor other files.
func TestWriteFileRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.ipynb")
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, fmt.Sprintf(".out.ipynb.%d.123.tmp", dead.Process.Pid))
	live := filepath.Join(dir, fmt.Sprintf(".out.ipynb.%d.456.tmp", os.Getppid()))
	other := filepath.Join(dir, ".other.ipynb.1.1.tmp")
	for _, f := range []string{stale, live, other} {
		if err := os.WriteFile(f, []byte("partial"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	nb := &Notebook{Format: 4, FormatMinor: 5, Cells: []*Cell{{Type: "markdown", Source: "hi"}}}
	if err := nb.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the killed writer's temporary file is still there (%v)", err)
	}
	for _, f := range []string{live, other, path} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
		}
	}
}

func TestUnescapeLineSeparators(t *testing.T) {
	in := `"a\u2028b" "\\u2028" "\\\u2029"`
	want := "\"a\u2028b\" \"\\\\u2028\" \"\\\\\u2029\""
	if got := string(unescapeLineSeparators([]byte(in))); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// firstDiff shows the first line where want and got differ.
func firstDiff(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n want %q\n  got %q", i+1, w, g)
		}
	}
	return "(no line differs)"
}
