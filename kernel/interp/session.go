// Package interp runs Go cells for ratelab: one persistent yaegi interpreter per
// session, with the symbol tables of the standard library, gota, gonum, plot and
// analysis built in (package symbols). Session implements engine.Interpreter.
//
// A cell may mix imports, declarations and statements, and may declare again what
// an earlier cell declared (variables, functions, types) as Jupyter users re-run
// cells. The value of a last bare expression is the cell's result. Lines starting
// with % are magics (%help lists them). While a cell runs, file descriptors 1 and 2
// are redirected into the cell's output (see Options.NoCapture): the kernel's own
// logging must then go to LogWriter.
package interp

import (
	"errors"
	"fmt"
	"go/types"
	"io"
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib/unsafe"

	"github.com/ratelab/ratelab/kernel/display"
	"github.com/ratelab/ratelab/kernel/engine"
	"github.com/ratelab/ratelab/kernel/interp/check"
	"github.com/ratelab/ratelab/kernel/interp/desugar"
	"github.com/ratelab/ratelab/kernel/interp/exportdata"
	"github.com/ratelab/ratelab/kernel/interp/refuse"
	"github.com/ratelab/ratelab/kernel/interp/symbols"
)

var _ engine.Interpreter = (*Session)(nil)

// Options configure a Session.
type Options struct {
	// SVG asks for plots as image/svg+xml beside image/png.
	SVG bool
	// Plain tells the display helpers there is no rich front end (a console or a
	// headless run): progress bars then print plain lines instead of updating in place.
	Plain bool
	// NoCapture leaves file descriptors 1 and 2 alone while cells run. By default
	// they are redirected to the cell's output so that writes to os.Stdout and
	// from compiled packages reach the notebook.
	NoCapture bool
	// LoadProgressAfter is how long an analysis load runs before it shows its
	// progress (rows, bytes, rate) in the cell; zero means
	// DefaultLoadProgressAfter.
	LoadProgressAfter time.Duration
	// ProgressLog, if set, also gets the progress of long loads as plain lines
	// (ratelab run: the terminal, where nothing else shows while a notebook runs).
	ProgressLog io.Writer
}

// Session is one persistent Go interpreter. Execute, Reset and Close must not be
// called concurrently with each other; Complete, Inspect and IsComplete may be
// called while a cell runs.
type Session struct {
	opts Options
	// noBounds leaves package desugar's bounds checks out, for the benchmarks
	// that measure what they cost.
	noBounds bool

	// mu guards yi (swapped by Reset) and the fields below it.
	mu sync.Mutex
	yi *interp.Interpreter
	// cells holds the source of every cell run, by id, to quote lines in tracebacks.
	cells map[int]string
	// types maps each type name declared by a cell to the name it was declared
	// under (a new one each time it is declared again).
	types map[string]string
	// imports maps each name imported by a cell to the package's path.
	imports map[string]string
	// checker type-checks cells against what earlier cells declared.
	checker *check.Session
	// indistinct refuses the type assertions a named non-struct type of a cell
	// could fool (see refuse.Indistinct).
	indistinct *refuse.Indistinct
	// typeNames maps each type a cell declared to the name the interpreter
	// knows it by (see redeclaredTypes).
	typeNames map[*types.TypeName]string
	// hidden maps the packages rewritten code uses to the names they are
	// imported under; hiddenNew lists those not imported yet.
	hidden    map[string]string
	hiddenNew []string
	// aliases maps the instances of generic types statements name to the
	// names of their package-level aliases (desugar/instances.go);
	// aliasDeclared holds those declared.
	aliases       map[string]string
	aliasDeclared map[string]bool
	// printers is how the session's types print (printers.go).
	printers *sessionPrinters
	// lastUnique numbers the temporaries rewritten code declares.
	lastUnique int

	// io routes the interpreter's standard streams to the running cell.
	io *cellIO
	// flags is the running cell's flag set.
	flags cellFlags
	// run is the state of the running cell, nil between cells.
	run *cellRun
	// lastID numbers cells; positions in cell id are in file "cell<id>/_.go".
	lastID int
	closed bool

	// interruptedRun is set when a cell is interrupted, until yaegi's goroutine for
	// it has ended (see Stuck).
	interruptedRun atomic.Bool
}

// New starts a session with every built-in package importable.
func New(opts Options) (*Session, error) {
	s := &Session{opts: opts}
	s.io = &cellIO{s: s}
	if err := s.Reset(); err != nil {
		return nil, err
	}
	return s, nil
}

// Info describes Go for kernel_info_reply.
func (s *Session) Info() engine.LanguageInfo { return Info() }

// Info describes the language every Session runs, for kernel_info_reply, without
// starting one.
func Info() engine.LanguageInfo {
	return engine.LanguageInfo{
		Name:              "go",
		Version:           runtime.Version(),
		MimeType:          "text/x-go",
		FileExtension:     ".go",
		PygmentsLexer:     "go",
		CodemirrorMode:    "go",
		NbconvertExporter: "script",
		Banner:            "ratelab — Go (yaegi v0.16.1) with gota, gonum, plot and analysis built in",
		HelpLinks: []engine.HelpLink{
			{Text: "Go standard library", URL: "https://pkg.go.dev/std"},
			{Text: "gota dataframe", URL: "https://pkg.go.dev/github.com/go-gota/gota/dataframe"},
			{Text: "gonum", URL: "https://pkg.go.dev/gonum.org/v1/gonum"},
			{Text: "gonum plot", URL: "https://pkg.go.dev/gonum.org/v1/plot"},
		},
	}
}

// Reset replaces the interpreter with a fresh one: every variable, type, function
// and import is gone.
func (s *Session) Reset() error {
	stdin := s.io.stdin()
	yi := interp.New(interp.Options{
		Stdin:        stdin,
		Stdout:       s.io.writer("stdout"),
		Stderr:       s.io.writer("stderr"),
		Unrestricted: true, // the user's own machine: real environment, os/exec
		Args:         []string{"ratelab"},
		// The generic standard packages are interpreted source (stdsrc.go).
		GoPath:               stdGoPath,
		SourcecodeFilesystem: stdFS,
	})
	if err := useOverrides(yi, symbols.Symbols); err != nil {
		return fmt.Errorf("interp: load symbol tables: %w", err)
	}
	s.printers = &sessionPrinters{}
	rt := s.runtimeSymbols()
	s.flags.reset(s.io.writer("stderr"))
	std, stdMapTypes := s.stdlibOverrides(stdin)
	for _, e := range []interp.Exports{{
		// Cells import the display helpers by their short path.
		"display/display": symbols.Symbols["github.com/ratelab/ratelab/kernel/display/display"],
		rtPath + "/rt":    rt,
	}, runtimeMapTypes(rt), s.sessionOverrides(), std, stdMapTypes, stdFast, unsafe.Symbols} {
		if err := useOverrides(yi, e); err != nil {
			return fmt.Errorf("interp: load session symbols: %w", err)
		}
	}
	for _, src := range []string{prelude, desugar.Prelude} {
		if _, err := compileAndRun(yi, src); err != nil {
			return fmt.Errorf("interp: prelude: %w", err)
		}
	}
	s.mu.Lock()
	s.yi = yi
	s.cells = map[int]string{}
	s.types = map[string]string{}
	s.imports = map[string]string{rtName: rtPath}
	s.checker = check.NewSession(cellImporter{exportdata.Default})
	s.indistinct = &refuse.Indistinct{}
	s.typeNames = map[*types.TypeName]string{}
	s.hidden = map[string]string{}
	s.hiddenNew = nil
	s.aliases = map[string]string{}
	s.aliasDeclared = map[string]bool{}
	s.mu.Unlock()
	return nil
}

// Close releases the session for good.
func (s *Session) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errors.New("interp: session already closed")
	}
	s.closed = true
	s.yi = nil
	display.SetOutput(nil, display.Options{})
	return nil
}

// compileAndRun evaluates src (a whole file) in yi, turning a panic of yaegi's
// own compiler into an error. After a failure it repairs yaegi's global frame
// (see repairFrame).
func compileAndRun(yi *interp.Interpreter, src string) (v reflect.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("interpreter failure: %v", r)
		}
		if err != nil {
			repairFrame(yi)
		}
	}()
	return yi.Eval(src)
}
