package interp

import (
	"context"

	"github.com/ratelab/ratelab/kernel/display"
	"github.com/ratelab/ratelab/kernel/engine"
)

var _ engine.Comms = (*Session)(nil)

// HandleComm implements engine.Comms: the widgets' comm messages run in the session
// like a cell, with out as the output of what their OnChange functions show.
// Interrupting ctx cannot stop an OnChange that is running: it is a function value
// called from compiled code, outside yaegi's cancellable evaluation.
func (s *Session) HandleComm(ctx context.Context, m engine.CommMessage, out engine.CommOutput) (e *engine.Error) {
	defer s.recoverCell(new(*engine.Bundle), &e)
	end, err := s.begin(ctx, out)
	if err != nil {
		return &engine.Error{Name: "KernelError", Value: err.Error(), Traceback: []string{"KernelError: " + err.Error()}}
	}
	defer end()
	if err := display.HandleComm(m); err != nil {
		return &engine.Error{Name: "WidgetError", Value: err.Error(), Traceback: []string{"WidgetError: " + err.Error()}}
	}
	return nil
}

// CommInfo implements engine.Comms.
func (s *Session) CommInfo(target string) map[string]string { return display.CommInfo(target) }
