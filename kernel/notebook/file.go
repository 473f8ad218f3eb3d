package notebook

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
)

// WriteFile writes nb to path atomically: it writes a temporary file in the same
// directory, syncs it and renames it over path, so a reader (or a failed run) never
// sees a half-written notebook. An existing file's permissions are kept.
func (nb *Notebook) WriteFile(path string) error {
	var buf bytes.Buffer
	if err := nb.Write(&buf); err != nil {
		return fmt.Errorf("write %s: %v", path, err)
	}
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
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
