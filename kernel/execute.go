package kernel

import (
	"context"
	"strings"
	"time"

	"github.com/ratelab/ratelab/kernel/engine"
	"github.com/ratelab/ratelab/kernel/wire"
)

// executeRequest is execute_request's content. Pointers tell absent fields (which
// default to true) from false ones.
type executeRequest struct {
	Code            string            `json:"code"`
	Silent          bool              `json:"silent"`
	StoreHistory    *bool             `json:"store_history"`
	UserExpressions map[string]string `json:"user_expressions"`
	AllowStdin      *bool             `json:"allow_stdin"`
	StopOnError     *bool             `json:"stop_on_error"`
}

func orTrue(b *bool) bool { return b == nil || *b }

// execute runs one cell. Counting follows IPython: the count goes up for every cell
// stored in history; silent implies not stored and shows nothing on iopub. When the
// cell fails with stop_on_error set, it returns the requests queued behind it.
func (s *Server) execute(r *request, aborting bool) (queued []*wire.Message) {
	var req executeRequest
	if !r.decode("execute_reply", &req) {
		return nil
	}
	if aborting {
		r.reply("execute_reply", map[string]any{"status": "aborted", "execution_count": s.execCount})
		return nil
	}
	// IPython neither counts nor stores a blank cell.
	store := orTrue(req.StoreHistory) && !req.Silent && strings.TrimSpace(req.Code) != ""
	if store {
		s.execCount++
	}
	count := s.execCount
	parent := &r.m.Header
	if !req.Silent {
		s.pub.publish(parent, "execute_input", map[string]any{"code": req.Code, "execution_count": count})
	}

	ctx, done := s.running()
	defer done()

	started := time.Now().UTC().Format("2006-01-02T15:04:05.000000Z")
	out := &cellOutput{
		s: s, parent: parent, idents: r.m.Identities, ctx: ctx,
		silent: req.Silent, allowStdin: orTrue(req.AllowStdin),
	}
	result, cellErr := s.interp.Execute(ctx, req.Code, out)
	out.flush()

	var resultText *string
	if cellErr != nil {
		if !req.Silent {
			s.pub.publish(parent, "error", cellErr)
		}
		if orTrue(req.StopOnError) {
			queued = s.waiting(r.c)
		}
		tb := cellErr.Traceback
		if tb == nil {
			tb = []string{}
		}
		r.replyWithMetadata("execute_reply", map[string]any{
			"status": "error", "execution_count": count,
			"ename": cellErr.Name, "evalue": cellErr.Value, "traceback": tb,
		}, map[string]any{"started": started, "status": "error"})
	} else {
		if result != nil && !req.Silent {
			content := bundleContent(*result)
			content["execution_count"] = count
			s.pub.publish(parent, "execute_result", content)
			if t, ok := result.Data["text/plain"].(string); ok {
				resultText = &t
			}
		}
		r.replyWithMetadata("execute_reply", map[string]any{
			"status": "ok", "execution_count": count, "payload": out.payload(),
			"user_expressions": s.userExpressions(ctx, req.UserExpressions),
		}, map[string]any{"started": started, "status": "ok"})
	}
	if store && s.hist != nil {
		s.hist.store(count, req.Code, resultText)
	}
	return queued
}

// running returns the context of a request that runs code in the session (a cell, or
// a comm message's handlers), which Interrupt cancels; done ends it.
func (s *Server) running() (ctx context.Context, done func()) {
	ctx, cancel := context.WithCancel(context.Background())
	s.mu.Lock()
	s.cancel = cancel
	s.mu.Unlock()
	if s.stopping.Load() {
		cancel() // shutdown arrived while this request waited
	}
	return ctx, func() {
		s.mu.Lock()
		s.cancel = nil
		s.mu.Unlock()
		cancel()
	}
}

// userExpressions evaluates each expression after the cell, as the spec asks, with
// any output it makes discarded.
func (s *Server) userExpressions(ctx context.Context, exprs map[string]string) map[string]any {
	res := make(map[string]any, len(exprs))
	for name, expr := range exprs {
		b, err := s.interp.Execute(ctx, expr, discard{})
		switch {
		case err != nil:
			res[name] = map[string]any{"status": "error", "ename": err.Name, "evalue": err.Value, "traceback": err.Traceback}
		case b == nil:
			res[name] = map[string]any{"status": "ok", "data": map[string]any{}, "metadata": map[string]any{}}
		default:
			c := bundleContent(*b)
			c["status"] = "ok"
			res[name] = c
		}
	}
	return res
}

// discard is the Output of user expressions, which show nothing.
type discard struct{}

func (discard) Stream(string, string)              {}
func (discard) Display(engine.Bundle, string)      {}
func (discard) Update(engine.Bundle, string)       {}
func (discard) Clear(bool)                         {}
func (discard) Input(string, bool) (string, error) { return "", engine.ErrNoStdin }
