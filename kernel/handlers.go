package kernel

import (
	"encoding/json"
	"unicode/utf8"

	"github.com/ratelab/ratelab/kernel/engine"
	"github.com/ratelab/ratelab/kernel/wire"
)

// handle runs the handler of m's type between status busy and idle. When m was a cell
// that failed with stop_on_error, it returns the requests queued behind it, to be
// handled with aborting set: execute requests are then answered "aborted" unrun.
func (s *Server) handle(c *channel, m *wire.Message, aborting, shell bool) (queued []*wire.Message) {
	parent := m.Header
	s.pub.publish(&parent, "status", map[string]string{"execution_state": "busy"})
	defer s.pub.publish(&parent, "status", map[string]string{"execution_state": "idle"})

	r := &request{s: s, c: c, m: m}
	switch t := m.Header.MsgType; {
	case t == "execute_request" && shell:
		return s.execute(r, aborting)
	case t == "kernel_info_request":
		s.kernelInfo(r)
	case t == "complete_request":
		s.complete(r)
	case t == "inspect_request":
		s.inspect(r)
	case t == "is_complete_request":
		s.isComplete(r)
	case t == "history_request":
		s.history(r)
	case t == "comm_info_request":
		s.commInfo(r)
	case (t == "comm_open" || t == "comm_msg" || t == "comm_close") && shell:
		s.comm(r)
	case t == "shutdown_request":
		s.shutdown(r)
	case t == "interrupt_request" && !shell:
		s.Interrupt()
		r.reply("interrupt_reply", map[string]string{"status": "ok"})
	case t == "usage_request" && !shell:
		s.usage(r)
	case t == "debug_request" && !shell:
		// kernel_info_reply says debugger: false; a front end asking anyway gets an error.
		r.reply("debug_reply", errorContent("NotImplementedError", "ratelab has no debugger"))
	default:
		s.log.Printf("%s: unknown message type %q from session %s; ignored", c.name, t, m.Header.Session)
	}
	return nil
}

// request is one message being handled, and where its reply goes.
type request struct {
	s *Server
	c *channel
	m *wire.Message
}

// decode reads the request's content into v; on failure it replies with an error and
// returns false.
func (r *request) decode(replyType string, v any) bool {
	if err := json.Unmarshal(r.m.Content, v); err != nil {
		r.s.log.Printf("%s: %s: bad content: %v", r.c.name, r.m.Header.MsgType, err)
		r.reply(replyType, errorContent("ValueError", r.m.Header.MsgType+": bad content: "+err.Error()))
		return false
	}
	return true
}

func (r *request) reply(msgType string, content any) {
	r.replyWithMetadata(msgType, content, nil)
}

// replyWithMetadata is reply with the message's metadata (execute_reply carries
// "started", as ipykernel's does).
func (r *request) replyWithMetadata(msgType string, content any, metadata map[string]any) {
	raw, err := json.Marshal(content)
	if err != nil {
		r.s.log.Printf("%s: encode %s: %v", r.c.name, msgType, err)
		return
	}
	parent := r.m.Header
	r.s.send(r.c, &wire.Message{
		Identities:   r.m.Identities,
		Header:       wire.NewHeader(msgType, r.s.session, "kernel"),
		ParentHeader: &parent,
		Metadata:     metadata,
		Content:      raw,
	})
}

func errorContent(ename, evalue string) map[string]any {
	return map[string]any{"status": "error", "ename": ename, "evalue": evalue, "traceback": []string{}}
}

func (s *Server) kernelInfo(r *request) {
	info := s.interp.Info()
	links := info.HelpLinks
	if links == nil {
		links = []engine.HelpLink{}
	}
	r.reply("kernel_info_reply", map[string]any{
		"status":                 "ok",
		"protocol_version":       wire.ProtocolVersion,
		"implementation":         "ratelab",
		"implementation_version": s.opts.Version,
		"language_info":          info,
		"banner":                 info.Banner,
		"help_links":             links,
		"debugger":               false,
	})
}

// cursorPos is the request's cursor_pos, a rune offset; absent means the end of code.
func cursorPos(code string, pos *int) int {
	n := utf8.RuneCountInString(code)
	if pos == nil || *pos > n {
		return n
	}
	return max(*pos, 0)
}

func (s *Server) complete(r *request) {
	var req struct {
		Code      string `json:"code"`
		CursorPos *int   `json:"cursor_pos"`
	}
	if !r.decode("complete_reply", &req) {
		return
	}
	cur := cursorPos(req.Code, req.CursorPos)
	c := s.interp.Complete(req.Code, cur)
	matches, types := c.Matches, c.Types
	if matches == nil {
		matches = []string{}
		c.CursorStart, c.CursorEnd = cur, cur
	}
	meta := map[string]any{}
	if types != nil {
		meta["_jupyter_types_experimental"] = types
	}
	r.reply("complete_reply", map[string]any{
		"status": "ok", "matches": matches,
		"cursor_start": c.CursorStart, "cursor_end": c.CursorEnd, "metadata": meta,
	})
}

func (s *Server) inspect(r *request) {
	var req struct {
		Code        string `json:"code"`
		CursorPos   *int   `json:"cursor_pos"`
		DetailLevel int    `json:"detail_level"`
	}
	if !r.decode("inspect_reply", &req) {
		return
	}
	b, found := s.interp.Inspect(req.Code, cursorPos(req.Code, req.CursorPos), req.DetailLevel)
	content := bundleContent(b)
	content["status"] = "ok"
	content["found"] = found
	r.reply("inspect_reply", content)
}

func (s *Server) isComplete(r *request) {
	var req struct {
		Code string `json:"code"`
	}
	if !r.decode("is_complete_reply", &req) {
		return
	}
	c := s.interp.IsComplete(req.Code)
	content := map[string]any{"status": c.Status}
	if c.Status == "incomplete" {
		content["indent"] = c.Indent
	}
	r.reply("is_complete_reply", content)
}

func (s *Server) shutdown(r *request) {
	var req struct {
		Restart bool `json:"restart"`
	}
	if !r.decode("shutdown_reply", &req) {
		return
	}
	content := map[string]any{"status": "ok", "restart": req.Restart}
	r.reply("shutdown_reply", content)
	// ipykernel also broadcasts it, so that every front end learns of the shutdown.
	s.pub.publish(&r.m.Header, "shutdown_reply", content)
	s.stop(req.Restart)
	s.Interrupt()
}
