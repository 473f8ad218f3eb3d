package interp

import (
	"os"
	"strings"
	"testing"
)

func TestMagics(t *testing.T) {
	s := newSession(t)
	_, rec := run(t, s, "%help")
	for _, m := range []string{"%time", "%%time", "%reset", "%env", "NAME?"} {
		if !strings.Contains(rec.paged(), m) {
			t.Errorf("%%help's page does not mention %s", m)
		}
	}
	if rec.out() != "" {
		t.Errorf("%%help printed %q instead of paging it", rec.out())
	}
	_, rec = run(t, s, "import \"strings\"\nstrings.ToUpper?")
	if p := rec.paged(); !strings.Contains(p, "func ToUpper(s string) string") {
		t.Errorf("strings.ToUpper? paged %q", p)
	}
	e, _ := fail(t, s, "noSuchName?")
	if !strings.Contains(e.Value, "no documentation found for noSuchName") {
		t.Errorf("noSuchName?: %v", e)
	}
	b, rec := run(t, s, "a := 20\n%time b := a + 1\nb * 2")
	if plain(b) != "42" || !strings.HasPrefix(rec.out(), "CPU times: user ") || !strings.Contains(rec.out(), "\nWall time: ") {
		t.Errorf("%%time line: result %q, stdout %q", plain(b), rec.out())
	}
	b, rec = run(t, s, "%time a + 2")
	if plain(b) != "22" || !strings.Contains(rec.out(), "\nWall time: ") {
		t.Errorf("%%time expression: result %q, stdout %q", plain(b), rec.out())
	}
	b, rec = run(t, s, "%%time\nimport \"fmt\"\nfmt.Println(\"in\")\na")
	if plain(b) != "20" || !strings.HasPrefix(rec.out(), "in\nCPU times: ") {
		t.Errorf("%%%%time: result %q, stdout %q", plain(b), rec.out())
	}
	// Errors after a magic keep the cell's line numbers.
	e, _ = fail(t, s, "%time x := 1\n\nundefinedName")
	if tb := strings.Join(e.Traceback, "\n"); !strings.Contains(tb, "line 3, column 1") {
		t.Errorf("error after a magic:\n%s", tb)
	}

	_, rec = run(t, s, "%env RATELAB_TEST_ENV=on")
	if rec.out() != "env: RATELAB_TEST_ENV=on\n" {
		t.Errorf("%%env set: %q", rec.out())
	}
	t.Cleanup(func() { os.Unsetenv("RATELAB_TEST_ENV") })
	_, rec = run(t, s, "%env RATELAB_TEST_ENV")
	if rec.out() != "on\n" {
		t.Errorf("%%env get: %q", rec.out())
	}
	b, rec = run(t, s, "%env\nimport \"os\"\nos.Getenv(\"RATELAB_TEST_ENV\")")
	if plain(b) != `"on"` || !strings.Contains(rec.out(), "RATELAB_TEST_ENV=on\n") {
		t.Errorf("%%env list: %q / %q", plain(b), rec.out())
	}
	if e, _ := fail(t, s, "%env RATELAB_NOT_SET_ANYWHERE"); e.Name != "MagicError" {
		t.Errorf("unset variable: %v", e)
	}
	if e, _ := fail(t, s, "%nosuchmagic"); e.Name != "MagicError" {
		t.Errorf("unknown magic: %v", e)
	}

	_, rec = run(t, s, "%reset")
	if !strings.Contains(rec.out(), "reset") {
		t.Errorf("%%reset says %q", rec.out())
	}
	if e, _ := fail(t, s, "a"); !strings.Contains(e.Value, "undefined: a") {
		t.Errorf("after %%reset: %s", e.Value)
	}
}
