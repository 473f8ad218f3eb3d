package kernel

import (
	"log"
)

// historyWorker runs every History operation on one goroutine, in order: a cell's
// store never delays its execute_reply, and a history_request still sees every cell
// run before it. Stores waiting together are written in one transaction, since each
// transaction costs a file sync (~3 ms), more than a trivial cell's round trip.
type historyWorker struct {
	log  *log.Logger
	ops  chan historyOp
	done chan struct{}
}

// historyOp is a cell to store, or (cell nil) a function to run on the History.
type historyOp struct {
	cell *HistoryEntry
	fn   func(*History)
}

func newHistoryWorker(path string, l *log.Logger) *historyWorker {
	w := &historyWorker{log: l, ops: make(chan historyOp, 1024), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		h, err := OpenHistory(path, DefaultHistoryLimit)
		if err != nil {
			l.Printf("no history this session: %v", err)
		}
		for op := range w.ops {
			var batch []HistoryEntry
			for op.cell != nil {
				batch = append(batch, *op.cell)
				op = w.next()
			}
			if h != nil && len(batch) > 0 {
				if err := h.StoreAll(batch); err != nil {
					l.Printf("%v", err)
				}
			}
			if op.fn != nil {
				op.fn(h)
			}
		}
	}()
	return w
}

// next returns the next queued operation without waiting: the zero one when none
// is queued (or the queue is closed).
func (w *historyWorker) next() historyOp {
	select {
	case op := <-w.ops:
		return op
	default:
		return historyOp{}
	}
}

func (w *historyWorker) store(line int, input string, output *string) {
	w.ops <- historyOp{cell: &HistoryEntry{Line: line, Input: input, Output: output}}
}

// do runs fn after every operation queued before it and waits for it; without a
// history file it returns at once.
func (w *historyWorker) do(fn func(*History)) {
	done := make(chan struct{})
	w.ops <- historyOp{fn: func(h *History) {
		if h != nil {
			fn(h)
		}
		close(done)
	}}
	<-done
}

func (w *historyWorker) close() {
	close(w.ops)
	<-w.done
}

// historyRequest is history_request's content.
type historyRequest struct {
	Output         bool   `json:"output"`
	Raw            bool   `json:"raw"`
	HistAccessType string `json:"hist_access_type"`
	Session        int    `json:"session"`
	Start          int    `json:"start"`
	Stop           int    `json:"stop"`
	N              int    `json:"n"`
	Pattern        string `json:"pattern"`
	Unique         bool   `json:"unique"`
}

// history answers history_request. Cells are stored as typed (raw and translated
// input are the same in Go), each as [session, line, input], or with output
// [session, line, [input, output]].
func (s *Server) history(r *request) {
	var req historyRequest
	if !r.decode("history_reply", &req) {
		return
	}
	entries := []HistoryEntry{}
	var err error
	if s.hist != nil {
		s.hist.do(func(h *History) {
			switch req.HistAccessType {
			case "tail":
				entries, err = h.Tail(req.N, req.Unique)
			case "range":
				entries, err = h.Range(req.Session, req.Start, req.Stop)
			case "search":
				entries, err = h.Search(req.Pattern, req.N, req.Unique)
			default:
				s.log.Printf("history_request: unknown hist_access_type %q", req.HistAccessType)
			}
		})
	}
	if err != nil {
		s.log.Printf("history_request: %v", err)
		r.reply("history_reply", errorContent("HistoryError", err.Error()))
		return
	}
	rows := make([][]any, 0, len(entries))
	for _, e := range entries {
		var cell any = e.Input
		if req.Output {
			cell = []any{e.Input, e.Output}
		}
		rows = append(rows, []any{e.Session, e.Line, cell})
	}
	r.reply("history_reply", map[string]any{"status": "ok", "history": rows})
}
