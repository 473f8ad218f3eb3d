package kernelspec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestLogosUpToDate fails when the committed PNGs are not what Logo draws
// (run `go generate ./kernel/kernelspec` after changing the mark).
func TestLogosUpToDate(t *testing.T) {
	for _, size := range []int{32, 64} {
		name := fmt.Sprintf("logo-%dx%d.png", size, size)
		data, err := logos.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got.Bounds() != image.Rect(0, 0, size, size) {
			t.Fatalf("%s is %v", name, got.Bounds())
		}
		want := Logo(size)
		for y := 0; y < size; y++ {
			for x := 0; x < size; x++ {
				r1, g1, b1, a1 := got.At(x, y).RGBA()
				r2, g2, b2, a2 := want.At(x, y).RGBA()
				if [4]uint32{r1, g1, b1, a1} != [4]uint32{r2, g2, b2, a2} {
					t.Fatalf("%s is stale at (%d,%d): run go generate ./kernel/kernelspec", name, x, y)
				}
			}
		}
	}
}

func TestInstall(t *testing.T) {
	if _, err := New("ratelab", "signal"); err == nil {
		t.Error("relative binary path accepted")
	}
	if _, err := New("/bin/ratelab", "sometimes"); err == nil || !strings.Contains(err.Error(), "sometimes") {
		t.Errorf("bad interrupt mode: %v", err)
	}
	spec, err := New("/opt/ratelab/bin/ratelab", "message")
	if err != nil {
		t.Fatal(err)
	}
	prefix := t.TempDir()
	dir, err := Install(PrefixDataDir(prefix), "ratelab", spec)
	if err != nil {
		t.Fatal(err)
	}
	if dir != filepath.Join(prefix, "share", "jupyter", "kernels", "ratelab") {
		t.Errorf("dir = %s", dir)
	}
	var got map[string]any
	data, _ := os.ReadFile(filepath.Join(dir, "kernel.json"))
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"argv":         []any{"/opt/ratelab/bin/ratelab", "kernel", "{connection_file}"},
		"display_name": "Go (ratelab)", "language": "go", "interrupt_mode": "message",
		"metadata": map[string]any{"debugger": false},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("kernel.json = %v", got)
	}
	for _, logo := range []string{"logo-32x32.png", "logo-64x64.png"} {
		if _, err := os.Stat(filepath.Join(dir, logo)); err != nil {
			t.Error(err)
		}
	}
	if _, err := Install(prefix, "../evil", spec); err == nil {
		t.Error("a kernel name with a path accepted")
	}

	// jupyter_client itself must find and read the spec, with the logos.
	py := "/usr/bin/python3"
	if exec.Command(py, "-c", "import jupyter_client").Run() != nil {
		t.Skip("jupyter_client not installed for /usr/bin/python3 (apt install python3-jupyter-client)")
	}
	cmd := exec.Command(py, "-c", `
import json
from jupyter_client.kernelspec import KernelSpecManager
m = KernelSpecManager()
s = m.get_all_specs()["ratelab"]
print(json.dumps({"dir": s["resource_dir"], "mode": s["spec"]["interrupt_mode"], "name": s["spec"]["display_name"]}))`)
	cmd.Env = append(os.Environ(), "JUPYTER_PATH="+PrefixDataDir(prefix), "JUPYTER_DATA_DIR="+t.TempDir())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("jupyter_client did not find the spec: %v\n%s", err, stderr.String())
	}
	var found map[string]string
	if err := json.Unmarshal(out, &found); err != nil {
		t.Fatalf("%v: %q", err, out)
	}
	if found["dir"] != dir || found["mode"] != "message" || found["name"] != "Go (ratelab)" {
		t.Errorf("jupyter_client sees %v", found)
	}
}

func TestUserDataDir(t *testing.T) {
	t.Setenv("JUPYTER_DATA_DIR", "/x/jupyter")
	if d, _ := UserDataDir(); d != "/x/jupyter" {
		t.Errorf("JUPYTER_DATA_DIR ignored: %s", d)
	}
	t.Setenv("JUPYTER_DATA_DIR", "")
	t.Setenv("XDG_DATA_HOME", "/xdg")
	if d, _ := UserDataDir(); d != "/xdg/jupyter" {
		t.Errorf("XDG_DATA_HOME ignored: %s", d)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/u")
	if d, _ := UserDataDir(); d != "/home/u/.local/share/jupyter" {
		t.Errorf("default = %s", d)
	}
}
