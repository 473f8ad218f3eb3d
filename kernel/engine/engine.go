// Package engine is the contract between ratelab's Jupyter protocol layer and the
// code interpreter behind it, modelled on xeus's xinterpreter.
//
// The protocol layer (package kernel) turns Jupyter requests into Interpreter calls and
// Output calls into iopub messages; `ratelab run` (package notebook) drives the same
// Interpreter with no sockets and turns Output calls into nbformat outputs. The yaegi
// session (package interp) implements Interpreter; protocol tests implement it again
// with a fake.
package engine

import "context"

// Interpreter runs cells and answers the questions a front end asks about code.
// Execute is never called concurrently with itself; Complete, Inspect and IsComplete
// may be called while a cell runs (from the control thread) and must not block on it.
type Interpreter interface {
	// Execute runs one cell. Text and rich output go to out while the cell runs.
	// It returns the rich value of the cell's last bare expression (nil when the cell
	// ends in a statement, or the value is not shown), or the error the cell raised.
	// Cancelling ctx interrupts the cell; the session and its variables survive, and
	// the returned error has Name "KeyboardInterrupt".
	Execute(ctx context.Context, code string, out Output) (*Bundle, *Error)

	// Complete lists completions for the text around cursor (a rune offset in code,
	// as the Jupyter protocol counts it).
	Complete(code string, cursor int) Completion

	// Inspect describes the symbol at cursor; detailLevel 0 is the short form, 1 more.
	// Found is false when there is nothing to say.
	Inspect(code string, cursor, detailLevel int) (b Bundle, found bool)

	// IsComplete tells a console whether code can run as it is.
	IsComplete(code string) Completeness

	// Info describes the language for kernel_info_reply.
	Info() LanguageInfo

	// Reset discards every variable, type and import of the session.
	Reset() error

	// Close releases the session for good (shutdown_request without restart).
	Close() error
}

// Output receives what a running cell shows. Implementations must be safe for use by
// several goroutines at once: cell code may print from goroutines.
type Output interface {
	// Stream writes text to "stdout" or "stderr" as it comes.
	Stream(name, text string)
	// Display shows b. With a non-empty displayID the output can later be replaced
	// by Update with the same ID (Jupyter's transient.display_id).
	Display(b Bundle, displayID string)
	// Update replaces every output shown earlier with displayID.
	Update(b Bundle, displayID string)
	// Clear removes the cell's outputs, at once or, with wait, when the next output
	// arrives (to avoid flicker), as IPython's clear_output does.
	Clear(wait bool)
	// Input asks the user for a line of text. It returns ErrNoStdin when the front
	// end cannot answer (allow_stdin false, or `ratelab run` with no terminal).
	Input(prompt string, password bool) (string, error)
}

// Bundle is a MIME bundle: one value rendered in several formats, the front end picks
// the richest it can show. Binary formats (image/png) are base64 strings, as the
// Jupyter protocol and nbformat carry them.
type Bundle struct {
	Data     map[string]any `json:"data"`
	Metadata map[string]any `json:"metadata"`
}

// Error is a cell's failure, as Jupyter's error reply and iopub error message carry it.
type Error struct {
	Name      string   `json:"ename"`     // e.g. "CompileError", "panic", "KeyboardInterrupt"
	Value     string   `json:"evalue"`    // the one-line message
	Traceback []string `json:"traceback"` // lines, pointing at the cell's own line:column
}

func (e *Error) Error() string { return e.Name + ": " + e.Value }

// Completion is the answer to complete_request. CursorStart and CursorEnd are rune
// offsets into the request's code: the text between them is replaced by a match.
type Completion struct {
	Matches     []string
	CursorStart int
	CursorEnd   int
	// Types holds, per match, its kind ("function", "variable", "type", "package",
	// "field", "method", "const"), as _jupyter_types_experimental carries it.
	Types []CompletionType
}

// CompletionType is one entry of Jupyter's _jupyter_types_experimental metadata.
type CompletionType struct {
	Text      string `json:"text"`
	Type      string `json:"type"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Signature string `json:"signature,omitempty"`
}

// Completeness is the answer to is_complete_request.
type Completeness struct {
	Status string // "complete", "incomplete", "invalid" or "unknown"
	Indent string // with "incomplete": the indent of the next line
}

// LanguageInfo is kernel_info_reply's language_info plus the banner.
type LanguageInfo struct {
	Name              string     `json:"name"`
	Version           string     `json:"version"`
	MimeType          string     `json:"mimetype"`
	FileExtension     string     `json:"file_extension"`
	PygmentsLexer     string     `json:"pygments_lexer"`
	CodemirrorMode    string     `json:"codemirror_mode"`
	NbconvertExporter string     `json:"nbconvert_exporter"`
	Banner            string     `json:"-"`
	HelpLinks         []HelpLink `json:"-"`
}

// HelpLink is one entry of kernel_info_reply's help_links.
type HelpLink struct {
	Text string `json:"text"`
	URL  string `json:"url"`
}

// ErrNoStdin is returned by Output.Input when the front end does not accept input.
var ErrNoStdin = errorString("input was requested, but this front end does not support stdin (allow_stdin is false)")

type errorString string

func (e errorString) Error() string { return string(e) }

// Pager is implemented by an Output that can show text in the front end's pager,
// as IPython's `obj?` and %magic help do (an execute_reply "page" payload). An Output
// without one shows the same bundle as a display.
type Pager interface {
	Page(b Bundle)
}
