package notebook

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// WriteFile writes nb to path atomically: it writes a temporary file in the same
// directory, syncs it and renames it over path, so a reader (or a failed run) never
// sees a half-written notebook. An existing file's permissions are kept. The
// temporary file's name holds the writer's process id, so that temporary files of
// path left by a writer that was killed are removed here (removeStaleTemps).
func (nb *Notebook) WriteFile(path string) error {
	var buf bytes.Buffer
	if err := nb.Write(&buf); err != nil {
		return fmt.Errorf("write %s: %v", path, err)
	}
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	removeStaleTemps(path)
	tmp, err := os.CreateTemp(filepath.Dir(path), fmt.Sprintf("%s%d.*.tmp", tempPrefix(path), os.Getpid()))
	if err != nil {
		return fmt.Errorf("write %s: %v", path, err)
	}
	// Any failure below removes the temporary file; after the rename it is gone anyway.
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %v", path, err)
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %v", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %v", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %v", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %v", path, err)
	}
	return nil
}

// tempPrefix starts the names of path's temporary files: ".NAME.ipynb.PID.*.tmp".
func tempPrefix(path string) string { return "." + filepath.Base(path) + "." }

// removeStaleTemps removes temporary files of path whose writer is no longer
// running (killed while it wrote); a live writer's are left alone.
func removeStaleTemps(path string) {
	prefix := tempPrefix(path)
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), globEscape(prefix)+"*.tmp"))
	for _, m := range matches {
		rest := strings.TrimPrefix(filepath.Base(m), prefix)
		pidText, _, ok := strings.Cut(rest, ".")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid <= 0 {
			continue // not one of ours
		}
		if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
			os.Remove(m)
		}
	}
}

// globEscape quotes the characters filepath.Match treats specially.
func globEscape(s string) string {
	var b strings.Builder
	for _, c := range s {
		if strings.ContainsRune(`*?[\`, c) {
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return b.String()
}
