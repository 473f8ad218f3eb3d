package engine

import "context"

// Comms are Jupyter's channels between an object in the session and its view in the
// front end (the widget protocol runs over them). They extend the contract in both
// directions, each as an optional interface that an implementation may lack:
//
//   - front end → session: the protocol layer hands comm_open, comm_msg and comm_close
//     to an Interpreter that implements Comms, one at a time on the shell thread,
//     never while Execute runs (as ipykernel does);
//   - session → front end: while a cell or a comm message is handled, the Output it
//     writes to implements CommOutput when the front end can take comm messages (the
//     kernel's; not `ratelab run`'s, where widgets show a static picture instead).

// CommMessage is one comm_open, comm_msg or comm_close, in either direction, as the
// Jupyter messaging spec defines their content. Binary buffers are not carried.
type CommMessage struct {
	Type     string         // "comm_open", "comm_msg" or "comm_close"
	ID       string         // comm_id
	Target   string         // target_name: comm_open only
	Data     map[string]any // never nil when sent
	Metadata map[string]any // message metadata (the widget protocol version); may be nil
}

// CommOutput is an Output whose front end takes comm messages.
type CommOutput interface {
	Output
	// Comm sends m to the front end, on iopub as a child of the request being handled.
	Comm(m CommMessage)
}

// Comms is implemented by an Interpreter whose session serves comms.
type Comms interface {
	// HandleComm delivers m from the front end to the session. Handlers it runs (a
	// widget's OnChange) show output and send comm messages through out, as a cell
	// would; their failure is returned like a cell's. An opening for a target the
	// session does not serve is answered with a comm_close through out. Cancelling
	// ctx interrupts the handler where the interpreter can.
	HandleComm(ctx context.Context, m CommMessage, out CommOutput) *Error

	// CommInfo lists the open comms, comm_id → target_name; only those of target
	// unless target is empty (comm_info_request).
	CommInfo(target string) map[string]string
}
