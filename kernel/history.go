package kernel

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// History keeps executed cells per user across kernel restarts, as IPython's history
// database does: each kernel start is a new session numbered after the last one, and
// each stored cell is (session, line = execution_count, input, output).
//
// The bbolt file is opened for each operation and closed again, so that several
// kernels of the same user (two notebooks open at once) share it instead of waiting
// on its file lock for their whole life.
type History struct {
	path    string
	limit   int
	session int
}

// HistoryEntry is one stored cell. Output is the text/plain of its execute_result,
// nil when it had none.
type HistoryEntry struct {
	Session int
	Line    int
	Input   string
	Output  *string
}

// DefaultHistoryLimit is how many cells a history file keeps; older ones are dropped.
const DefaultHistoryLimit = 10000

var (
	bucketMeta    = []byte("meta")
	bucketEntries = []byte("entries")
	keySession    = []byte("last_session")
	keyCount      = []byte("count")
)

// OpenHistory opens (creating it if needed) the history file at path, keeping at most
// limit entries, and starts a new session in it.
func OpenHistory(path string, limit int) (*History, error) {
	if limit <= 0 {
		limit = DefaultHistoryLimit
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("history %s: %w", path, err)
	}
	h := &History{path: path, limit: limit}
	err := h.update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		h.session = int(getUint(meta, keySession)) + 1
		return meta.Put(keySession, putUint(uint64(h.session)))
	})
	if err != nil {
		return nil, err
	}
	return h, nil
}

// Session is the number of this kernel's session.
func (h *History) Session() int { return h.session }

// Store records the cell run as line of the current session.
func (h *History) Store(line int, input string, output *string) error {
	return h.StoreAll([]HistoryEntry{{Line: line, Input: input, Output: output}})
}

// StoreAll records cells of the current session (their Session field is ignored) in
// one transaction: one file sync for a burst of cells instead of one each.
func (h *History) StoreAll(cells []HistoryEntry) error {
	return h.update(func(tx *bolt.Tx) error {
		meta, entries := tx.Bucket(bucketMeta), tx.Bucket(bucketEntries)
		n := getUint(meta, keyCount)
		for _, c := range cells {
			v, err := json.Marshal(storedCell{c.Input, c.Output})
			if err != nil {
				return err
			}
			k := entryKey(h.session, c.Line)
			if entries.Get(k) == nil {
				n++
			}
			if err := entries.Put(k, v); err != nil {
				return err
			}
		}
		// Keys sort by (session, line), so the first keys are the oldest cells.
		c := entries.Cursor()
		for k, _ := c.First(); k != nil && n > uint64(h.limit); k, _ = c.First() {
			if err := c.Delete(); err != nil {
				return err
			}
			n--
		}
		return meta.Put(keyCount, putUint(n))
	})
}

// Tail returns the n most recent cells, oldest first; with unique, only the newest
// run of each distinct input counts.
func (h *History) Tail(n int, unique bool) ([]HistoryEntry, error) {
	return h.scanBackward(n, unique, func(HistoryEntry) bool { return true })
}

// Search returns the n most recent cells (all when n <= 0) whose input matches the
// glob pattern (SQLite's GLOB, as IPython's history search uses: see glob), oldest
// first.
func (h *History) Search(pattern string, n int, unique bool) ([]HistoryEntry, error) {
	g := compileGlob(pattern)
	return h.scanBackward(n, unique, func(e HistoryEntry) bool { return g.match(e.Input) })
}

// Range returns the cells of session with start <= line < stop (stop <= 0: to the
// end). As in IPython, session 0 is the current one and negative numbers count back
// from it (-1 is the previous session).
func (h *History) Range(session, start, stop int) ([]HistoryEntry, error) {
	if session <= 0 {
		session += h.session
	}
	var out []HistoryEntry
	err := h.view(func(entries *bolt.Bucket) error {
		c := entries.Cursor()
		for k, v := c.Seek(entryKey(session, start)); k != nil; k, v = c.Next() {
			e, err := decodeEntry(k, v)
			if err != nil {
				return err
			}
			if e.Session != session || (stop > 0 && e.Line >= stop) {
				break
			}
			out = append(out, e)
		}
		return nil
	})
	return out, err
}

func (h *History) scanBackward(n int, unique bool, keep func(HistoryEntry) bool) ([]HistoryEntry, error) {
	var out []HistoryEntry
	seen := map[string]bool{}
	err := h.view(func(entries *bolt.Bucket) error {
		c := entries.Cursor()
		for k, v := c.Last(); k != nil && (n <= 0 || len(out) < n); k, v = c.Prev() {
			e, err := decodeEntry(k, v)
			if err != nil {
				return err
			}
			if !keep(e) || (unique && seen[e.Input]) {
				continue
			}
			seen[e.Input] = true
			out = append(out, e)
		}
		return nil
	})
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, err
}

type storedCell struct {
	Input  string  `json:"in"`
	Output *string `json:"out"`
}

func decodeEntry(k, v []byte) (HistoryEntry, error) {
	var c storedCell
	if len(k) != 16 {
		return HistoryEntry{}, fmt.Errorf("history: malformed key %x", k)
	}
	if err := json.Unmarshal(v, &c); err != nil {
		return HistoryEntry{}, fmt.Errorf("history: entry %x: %w", k, err)
	}
	return HistoryEntry{
		Session: int(binary.BigEndian.Uint64(k[:8])),
		Line:    int(binary.BigEndian.Uint64(k[8:])),
		Input:   c.Input,
		Output:  c.Output,
	}, nil
}

func entryKey(session, line int) []byte {
	k := make([]byte, 16)
	binary.BigEndian.PutUint64(k[:8], uint64(session))
	binary.BigEndian.PutUint64(k[8:], uint64(max(line, 0)))
	return k
}

func getUint(b *bolt.Bucket, k []byte) uint64 {
	if v := b.Get(k); len(v) == 8 {
		return binary.BigEndian.Uint64(v)
	}
	return 0
}

func putUint(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

func (h *History) open() (*bolt.DB, error) {
	// Another kernel may hold the file for a moment; wait for it rather than fail.
	db, err := bolt.Open(h.path, 0o600, &bolt.Options{Timeout: 5 * time.Second})
	if err != nil {
		return nil, fmt.Errorf("history %s: %w", h.path, err)
	}
	return db, nil
}

func (h *History) update(fn func(*bolt.Tx) error) error {
	db, err := h.open()
	if err != nil {
		return err
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketMeta, bucketEntries} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return fn(tx)
	})
	if err != nil {
		return fmt.Errorf("history %s: %w", h.path, err)
	}
	return nil
}

// view runs fn on the entries bucket in a read-only transaction.
func (h *History) view(fn func(entries *bolt.Bucket) error) error {
	db, err := h.open()
	if err != nil {
		return err
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketEntries)
		if b == nil {
			return nil // nothing stored yet
		}
		return fn(b)
	})
	if err != nil {
		return fmt.Errorf("history %s: %w", h.path, err)
	}
	return nil
}
