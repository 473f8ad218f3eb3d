package kernel

import (
	"encoding/json"

	"github.com/ratelab/ratelab/kernel/engine"
)

// commInfo lists the session's open comms, of the requested target only if one is
// named, as comm_info_reply carries them.
func (s *Server) commInfo(r *request) {
	var req struct {
		TargetName string `json:"target_name"`
	}
	if !r.decode("comm_info_reply", &req) {
		return
	}
	comms := map[string]any{}
	if c, ok := s.interp.(engine.Comms); ok {
		for id, target := range c.CommInfo(req.TargetName) {
			comms[id] = map[string]string{"target_name": target}
		}
	}
	r.reply("comm_info_reply", map[string]any{"status": "ok", "comms": comms})
}

// comm hands a comm_open, comm_msg or comm_close from the front end to the session,
// which runs its handlers like a cell: with an interrupt, and their output and comm
// messages on iopub as children of this message. Comm messages have no reply. An
// interpreter without comms refuses every comm_open by closing it at once, as the
// spec asks of a kernel without the target, so that the front end stops waiting.
func (s *Server) comm(r *request) {
	var req struct {
		CommID     string         `json:"comm_id"`
		TargetName string         `json:"target_name"`
		Data       map[string]any `json:"data"`
	}
	msgType := r.m.Header.MsgType
	if err := json.Unmarshal(r.m.Content, &req); err != nil || req.CommID == "" {
		s.log.Printf("%s: %s without a comm_id; ignored", r.c.name, msgType)
		return
	}
	comms, ok := s.interp.(engine.Comms)
	if !ok {
		if msgType == "comm_open" {
			s.log.Printf("%s: comm_open for target %q, which this interpreter does not serve; closing comm %s", r.c.name, req.TargetName, req.CommID)
			s.pub.publish(&r.m.Header, "comm_close", map[string]any{"comm_id": req.CommID, "data": map[string]any{}})
		}
		return
	}
	if req.Data == nil {
		req.Data = map[string]any{}
	}
	m := engine.CommMessage{Type: msgType, ID: req.CommID, Target: req.TargetName, Data: req.Data, Metadata: r.m.Metadata}

	ctx, done := s.running()
	defer done()
	out := &cellOutput{s: s, parent: &r.m.Header, idents: r.m.Identities, ctx: ctx}
	cellErr := comms.HandleComm(ctx, m, out)
	out.flush()
	if cellErr != nil {
		s.pub.publish(&r.m.Header, "error", cellErr)
	}
}

// Comm implements engine.CommOutput.
func (o *cellOutput) Comm(m engine.CommMessage) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.flushLocked() // text printed before a widget is shown comes first
	data := m.Data
	if data == nil {
		data = map[string]any{}
	}
	content := map[string]any{"comm_id": m.ID, "data": data}
	if m.Type == "comm_open" {
		content["target_name"] = m.Target
	}
	o.s.pub.publishMeta(o.parent, m.Type, content, m.Metadata)
}
