package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"github.com/ratelab/ratelab/kernel/engine"
	"github.com/ratelab/ratelab/kernel/notebook"
	"github.com/ratelab/ratelab/notebooks"
)

func init() {
	register("run", "execute notebooks headless, in process (default: the curated notebooks)", runNotebooks)
}

// newSession starts the interpreter a notebook or the repl runs on, supervised in
// a child process; tests replace it.
var newSession = func(o sessionOptions) (engine.Interpreter, error) {
	return supervised(o)
}

const runUsage = `usage: ratelab run [NOTEBOOK.ipynb ...] [-o OUT.ipynb | --output-dir DIR | --inplace]
                   [--allow-errors] [--timeout D] [--stdin] [--trust=false]

Executes each notebook's code cells in order in a fresh Go session, in process (no
Jupyter needed), and writes the notebook with its outputs as Jupyter would. The
working directory of a run is the notebook's own directory. A notebook is written
only when every cell ran (or with --allow-errors), and atomically.

Without -o, --output-dir or --inplace, NAME.ipynb is written to NAME.nbconvert.ipynb
beside it, as jupyter nbconvert --execute does.

With no NOTEBOOK arguments it runs the curated notebooks built into ratelab and
writes them to ./ratelab-out/ (or the directory -o or --output-dir names).

The notebooks written are signed for this user's Jupyter with jupyter-trust (Debian's
jupyter-nbformat), as the notebook server signs what it executed and saved: their
outputs are this run's own, so their interactive charts run when Jupyter opens them.
Without jupyter-trust (no Jupyter here) they are left unsigned.

flags:
`

// runOptions are the flags of `ratelab run`.
type runOptions struct {
	out         string
	outDir      string
	inplace     bool
	allowErrors bool
	stdin       bool
	timeout     time.Duration
	trust       bool
}

func runNotebooks(args []string) error {
	var o runOptions
	fset := flag.NewFlagSet("run", flag.ContinueOnError)
	fset.StringVar(&o.out, "o", "", "write the executed notebook to `OUT.ipynb` (with no notebook arguments: a directory)")
	fset.StringVar(&o.outDir, "output-dir", "", "write each executed notebook into `DIR` under its own name")
	fset.BoolVar(&o.inplace, "inplace", false, "overwrite each notebook with its executed version")
	fset.BoolVar(&o.allowErrors, "allow-errors", false, "record failing cells' errors and go on (the notebook is written)")
	fset.BoolVar(&o.stdin, "stdin", false, "let cells ask for input on the terminal (otherwise input fails)")
	fset.BoolVar(&o.trust, "trust", true, "sign the notebooks written for this user's Jupyter (jupyter-trust), so that their scripts run")
	fset.Var((*secondsOrDuration)(&o.timeout), "timeout", "interrupt a cell running longer than `D` (e.g. 90s, 10m; a bare number is seconds) and fail")
	// The flag package would print the usage on every mistake; main prints the error.
	fset.SetOutput(io.Discard)
	paths, err := parseInterspersed(fset, args)
	if errors.Is(err, flag.ErrHelp) {
		fset.SetOutput(os.Stdout)
		fmt.Print(runUsage)
		fset.PrintDefaults()
		return nil
	}
	if err != nil {
		return fmt.Errorf("%v (ratelab run -h lists the flags)", err)
	}
	jobs, err := o.plan(paths)
	if err != nil {
		return err
	}

	// Ctrl-C and SIGTERM end the run cleanly: the running cell is interrupted, its
	// session process ended, and no output or temporary file is left half-written.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var input notebook.InputFunc
	if o.stdin {
		if input, err = terminalInput(); err != nil {
			fmt.Fprintf(os.Stderr, "ratelab run: --stdin: %v; cells asking for input will fail\n", err)
		}
	}
	failed := 0
	var written []string
	defer func() {
		if o.trust {
			signNotebooks(written)
		}
	}()
	for _, j := range jobs {
		err := j.run(ctx, o, input)
		if err == nil {
			written = append(written, j.out)
		}
		if err != nil {
			failed++
			fmt.Fprintf(os.Stderr, "ratelab run: %s: %v\n", j.name, err)
			var ce *notebook.CellError
			if errors.As(err, &ce) && ce.Timeout == 0 {
				for _, line := range ce.Err.Traceback {
					fmt.Fprintf(os.Stderr, "    %s\n", line)
				}
			}
			if ctx.Err() != nil {
				break
			}
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d notebooks failed; their output files were not written", failed, len(jobs))
	}
	return nil
}

// runJob is one notebook to execute and where its result goes.
type runJob struct {
	name string // the notebook as the user knows it: a path, or an embedded name
	open func() (io.ReadCloser, error)
	dir  string // working directory of the run
	out  string // output path
}

// plan checks the flags against the notebook arguments and lists what to run.
func (o runOptions) plan(paths []string) ([]runJob, error) {
	if n := btoi(o.out != "") + btoi(o.outDir != "") + btoi(o.inplace); n > 1 {
		return nil, fmt.Errorf("-o, --output-dir and --inplace exclude each other: give one")
	}
	if len(paths) == 0 {
		if o.inplace {
			return nil, fmt.Errorf("--inplace needs notebook arguments: the curated notebooks are built into the binary")
		}
		if strings.HasSuffix(o.out, ".ipynb") {
			return nil, fmt.Errorf("-o %s: with no notebook arguments -o names the directory the curated notebooks go to", o.out)
		}
		dir := firstNonEmpty(o.out, o.outDir, "ratelab-out")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("output directory: %v", err)
		}
		absDir, err := filepath.Abs(dir)
		if err != nil {
			return nil, err
		}
		var jobs []runJob
		for _, name := range notebooks.Names() {
			jobs = append(jobs, runJob{
				name: name,
				open: func() (io.ReadCloser, error) { return notebooks.FS.Open(name) },
				dir:  absDir,
				out:  filepath.Join(dir, name),
			})
		}
		return jobs, nil
	}
	if o.out != "" && len(paths) > 1 {
		return nil, fmt.Errorf("-o names one output file, but %d notebooks were given: use --output-dir DIR", len(paths))
	}
	if o.outDir != "" {
		if err := os.MkdirAll(o.outDir, 0o755); err != nil {
			return nil, fmt.Errorf("output directory: %v", err)
		}
	}
	var jobs []runJob
	for _, p := range paths {
		if !strings.HasSuffix(p, ".ipynb") {
			return nil, fmt.Errorf("%s: not a notebook (want a .ipynb file)", p)
		}
		if _, err := os.Stat(p); err != nil {
			return nil, err
		}
		dir, err := filepath.Abs(filepath.Dir(p))
		if err != nil {
			return nil, err
		}
		out := strings.TrimSuffix(p, ".ipynb") + ".nbconvert.ipynb"
		switch {
		case o.out != "":
			out = o.out
		case o.outDir != "":
			out = filepath.Join(o.outDir, filepath.Base(p))
		case o.inplace:
			out = p
		}
		// Fail before running, not after, when the output cannot be written.
		if fi, err := os.Stat(filepath.Dir(out)); err != nil || !fi.IsDir() {
			return nil, fmt.Errorf("%s: output directory %s does not exist", out, filepath.Dir(out))
		}
		jobs = append(jobs, runJob{name: p, open: func() (io.ReadCloser, error) { return os.Open(p) }, dir: dir, out: out})
	}
	return jobs, nil
}

// run executes one notebook in a fresh session and writes it, printing a summary line.
func (j runJob) run(ctx context.Context, o runOptions, input notebook.InputFunc) error {
	start := time.Now()
	f, err := j.open()
	if err != nil {
		return err
	}
	nb, err := notebook.Read(f)
	f.Close()
	if err != nil {
		return err
	}
	if lang := notebookLanguage(nb); lang != "" && lang != "go" {
		return fmt.Errorf("its kernel runs %s: ratelab runs Go notebooks (kernel \"ratelab\")", lang)
	}
	// Nothing a cell prints reaches the terminal while the notebook runs: the
	// progress of long loads does, as plain lines on the supervisor's log
	// (standard error).
	session, err := newSession(sessionOptions{dir: j.dir, progressLog: true})
	if err != nil {
		return fmt.Errorf("start the Go session: %v", err)
	}
	defer session.Close()
	res, err := notebook.Execute(ctx, nb, session, notebook.Options{
		AllowErrors: o.allowErrors,
		Timeout:     o.timeout,
		Input:       input,
		Dir:         j.dir,
	})
	if err != nil {
		return err
	}
	if err := nb.WriteFile(j.out); err != nil {
		return err
	}
	fmt.Printf("%s: %d cells run in %.1fs, %d errors -> %s\n", j.name, res.Executed, time.Since(start).Seconds(), len(res.Errors), j.out)
	for _, ce := range res.Errors {
		fmt.Fprintf(os.Stderr, "ratelab run: %s: %v (allowed)\n", j.name, ce)
	}
	return nil
}

// signNotebooks signs paths for this user's Jupyter (nbformat's notary: an HMAC of
// each notebook with the user's key, kept in the Jupyter data directory), so that
// Jupyter runs their outputs' scripts when it opens them, as it does for notebooks it
// executed itself; a notebook read from elsewhere stays untrusted until the user
// trusts it. A missing jupyter-trust is reported, not an error: with no Jupyter
// installed there is nothing to open the notebooks with scripts anyway.
var signNotebooks = func(paths []string) {
	if len(paths) == 0 {
		return
	}
	bin, err := exec.LookPath("jupyter-trust")
	if err != nil {
		fmt.Fprintln(os.Stderr, "ratelab run: not signed: jupyter-trust (Debian's jupyter-nbformat) is not installed; "+
			"Jupyter will show the charts' static images until the notebooks are trusted")
		return
	}
	if out, err := exec.Command(bin, paths...).CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "ratelab run: jupyter-trust: %v\n%s", err, out)
	}
}

// notebookLanguage is the language the notebook's metadata names, "" when it names none.
func notebookLanguage(nb *notebook.Notebook) string {
	if ks, ok := nb.Metadata["kernelspec"].(map[string]any); ok {
		if lang, ok := ks["language"].(string); ok && lang != "" {
			return strings.ToLower(lang)
		}
	}
	if li, ok := nb.Metadata["language_info"].(map[string]any); ok {
		if name, ok := li["name"].(string); ok && name != "" {
			return strings.ToLower(name)
		}
	}
	return ""
}

// parseInterspersed parses flags that may come before, between or after the
// notebook arguments (flag.Parse stops at the first non-flag) and returns those.
func parseInterspersed(fset *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fset.Parse(args); err != nil {
			return nil, err
		}
		args = fset.Args()
		if len(args) == 0 {
			return rest, nil
		}
		if args[0] == "--" {
			return append(rest, args[1:]...), nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// secondsOrDuration is a flag.Value for a time.Duration that also takes a bare
// number of seconds, as nbconvert's --ExecutePreprocessor.timeout does.
type secondsOrDuration time.Duration

func (d *secondsOrDuration) String() string { return time.Duration(*d).String() }

func (d *secondsOrDuration) Set(s string) error {
	if secs, err := strconv.ParseFloat(s, 64); err == nil {
		*d = secondsOrDuration(time.Duration(secs * float64(time.Second)))
		return nil
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("%q is neither a duration (90s, 10m) nor a number of seconds", s)
	}
	*d = secondsOrDuration(v)
	return nil
}

// terminalInput answers cells' input requests on the controlling terminal. It
// needs standard input to be a terminal; the prompt goes to the terminal itself,
// since the session captures file descriptors 1 and 2 while a cell runs.
func terminalInput() (notebook.InputFunc, error) {
	if _, err := unix.IoctlGetTermios(int(os.Stdin.Fd()), unix.TCGETS); err != nil {
		return nil, fmt.Errorf("standard input is not a terminal")
	}
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return nil, err
	}
	r := bufio.NewReader(tty)
	return func(prompt string, password bool) (string, error) {
		fmt.Fprint(tty, prompt)
		if password {
			restore, err := echoOff(int(tty.Fd()))
			if err != nil {
				return "", err
			}
			defer func() { restore(); fmt.Fprintln(tty) }()
		}
		line, err := r.ReadString('\n')
		if err != nil && line == "" {
			return "", fmt.Errorf("read input: %v", err)
		}
		return strings.TrimRight(line, "\r\n"), nil
	}, nil
}

// echoOff stops the terminal on fd echoing what is typed, for password input.
func echoOff(fd int) (restore func(), err error) {
	t, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		return nil, fmt.Errorf("password input: %v", err)
	}
	old := *t
	t.Lflag &^= unix.ECHO
	if err := unix.IoctlSetTermios(fd, unix.TCSETS, t); err != nil {
		return nil, fmt.Errorf("password input: %v", err)
	}
	return func() { unix.IoctlSetTermios(fd, unix.TCSETS, &old) }, nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
