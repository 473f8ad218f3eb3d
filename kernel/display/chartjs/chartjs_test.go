package chartjs

import (
	"os/exec"
	"strings"
	"testing"
)

// TestVendoredFilesArePinnedPackage proves that the committed uPlot files are the
// pinned npm package's own, byte for byte: it installs package-lock.json with npm ci
// and compares. It needs npm and the npm registry, as CI has.
func TestVendoredFilesArePinnedPackage(t *testing.T) {
	if testing.Short() {
		t.Skip("needs npm and the registry")
	}
	if _, err := exec.LookPath("npm"); err != nil {
		t.Fatalf("npm is needed to check the vendored chart library against package-lock.json: %v", err)
	}
	out, err := exec.Command("go", "run", "./gen", "-check").CombinedOutput()
	if err != nil {
		t.Fatalf("go run ./gen -check: %v\n%s", err, out)
	}
}

func TestLibraryLoadsOnceAndHidesAMD(t *testing.T) {
	lib := Library()
	if !strings.HasPrefix(lib, "if (!window.ratelabChart)") {
		t.Errorf("the library does not guard against loading twice: %.60q", lib)
	}
	if !strings.Contains(lib, "var define, module, exports;") {
		t.Error("uPlot's build is not shielded from require.js's define")
	}
	// The library travels inside <script> elements of HTML outputs.
	if strings.Contains(strings.ToLower(lib), "</script") {
		t.Error("the library contains </script, which would end its <script> element early")
	}
	for _, want := range []string{uplot, renderer, "u-legend"} {
		if !strings.Contains(lib, want[:min(len(want), 200)]) {
			t.Errorf("the library lacks %.40q…", want)
		}
	}
}
