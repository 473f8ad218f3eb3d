// Package kernelspec writes the "Go (ratelab)" Jupyter kernelspec: kernel.json and
// the two logos, in the directory layout `jupyter kernelspec list` searches.
//
// See https://jupyter-client.readthedocs.io/en/stable/kernels.html#kernel-specs.
package kernelspec

import (
	"embed"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

//go:generate go run gen_logos.go

//go:embed logo-32x32.png logo-64x64.png
var logos embed.FS

// Spec is kernel.json.
type Spec struct {
	Argv          []string       `json:"argv"`
	DisplayName   string         `json:"display_name"`
	Language      string         `json:"language"`
	InterruptMode string         `json:"interrupt_mode"`
	Metadata      map[string]any `json:"metadata"`
}

// New returns the spec that starts binary (an absolute path) as
// `binary kernel {connection_file}`. interruptMode is "signal" (Jupyter sends SIGINT)
// or "message" (it sends interrupt_request on control); ratelab handles both.
func New(binary, interruptMode string) (Spec, error) {
	if !filepath.IsAbs(binary) {
		return Spec{}, fmt.Errorf("kernelspec: binary path %q is not absolute", binary)
	}
	if interruptMode != "signal" && interruptMode != "message" {
		return Spec{}, fmt.Errorf("kernelspec: interrupt mode %q: want \"signal\" or \"message\"", interruptMode)
	}
	return Spec{
		Argv:          []string{binary, "kernel", "{connection_file}"},
		DisplayName:   "Go (ratelab)",
		Language:      "go",
		InterruptMode: interruptMode,
		Metadata:      map[string]any{"debugger": false},
	}, nil
}

// UserDataDir is the user's Jupyter data directory, as jupyter_core finds it on
// Linux: $JUPYTER_DATA_DIR, else $XDG_DATA_HOME/jupyter, else ~/.local/share/jupyter.
func UserDataDir() (string, error) {
	if d := os.Getenv("JUPYTER_DATA_DIR"); d != "" {
		return d, nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "jupyter"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("find the Jupyter data directory: %w", err)
	}
	return filepath.Join(home, ".local", "share", "jupyter"), nil
}

// PrefixDataDir is the Jupyter data directory of an installation prefix
// (PREFIX/share/jupyter), as `jupyter kernelspec install --prefix` uses.
func PrefixDataDir(prefix string) string {
	return filepath.Join(prefix, "share", "jupyter")
}

// Install writes spec and the logos into dataDir/kernels/name, replacing what an
// earlier install left there, and returns that directory.
func Install(dataDir, name string, spec Spec) (string, error) {
	if name == "" || filepath.Base(name) != name || name == "." || name == ".." {
		return "", fmt.Errorf("kernelspec: bad kernel name %q", name)
	}
	dir := filepath.Join(dataDir, "kernels", name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("kernelspec: %w", err)
	}
	js, err := json.MarshalIndent(spec, "", "  ")
	if err != nil {
		return "", fmt.Errorf("kernelspec: %w", err)
	}
	files := map[string][]byte{"kernel.json": append(js, '\n')}
	for _, logo := range []string{"logo-32x32.png", "logo-64x64.png"} {
		if files[logo], err = logos.ReadFile(logo); err != nil {
			return "", fmt.Errorf("kernelspec: %w", err)
		}
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return "", fmt.Errorf("kernelspec: %w", err)
		}
	}
	return dir, nil
}
