package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"image"
	_ "image/gif" // image.DecodeConfig learns the formats cells may show
	_ "image/jpeg"
	_ "image/png"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"sync"

	"golang.org/x/sys/unix"

	"github.com/ratelab/ratelab/kernel/engine"
	"github.com/ratelab/ratelab/kernel/interp"
)

func init() {
	register("repl", "an interactive Go prompt over the same session as the kernel", repl)
}

const replUsage = `usage: ratelab repl

Reads Go a line at a time and runs each complete cell in one persistent session, as a
notebook would: declarations and statements may be mixed, variables persist, the value
of a last bare expression is printed. An unfinished line (an open brace, a trailing
operator) continues on the next. Rich values print as text; images as a note with
their size. Ctrl-C interrupts a running cell or discards unfinished input; Ctrl-D
(end of input) quits. Standard input may also be a file or a pipe: then no prompts
are shown and the exit status is 1 when a cell failed.
`

func repl(args []string) error {
	fset := flag.NewFlagSet("repl", flag.ContinueOnError)
	fset.SetOutput(io.Discard)
	err := fset.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Print(replUsage)
		return nil
	}
	if err != nil {
		return fmt.Errorf("%v (ratelab repl -h for help)", err)
	}
	if fset.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q (the repl reads Go from standard input)", fset.Args())
	}
	// Plain makes progress bars print lines instead of updating in place.
	session, err := newSession(sessionOptions{interp: interp.Options{Plain: true}})
	if err != nil {
		return fmt.Errorf("start the Go session: %v", err)
	}
	defer session.Close()
	_, ttyErr := unix.IoctlGetTermios(int(os.Stdin.Fd()), unix.TCGETS)
	c := &console{
		session:     session,
		interactive: ttyErr == nil,
		stdout:      os.Stdout,
		stderr:      os.Stderr,
	}
	return c.loop(os.Stdin)
}

// console runs cells read from a line reader and prints what they show.
type console struct {
	session     engine.Interpreter
	interactive bool // prompts and a banner on a terminal
	stdout      io.Writer
	stderr      io.Writer

	mu    sync.Mutex // serialises writes from cell goroutines
	lines chan string
	// readErr is why lines was closed: nil at end of input.
	readErr error
}

// loop reads cells and runs them until end of input.
func (c *console) loop(in io.Reader) error {
	if c.interactive {
		fmt.Fprintf(c.stdout, "%s\nCtrl-D quits; %%help lists the magics.\n", c.session.Info().Banner)
	}
	c.lines = make(chan string)
	go c.read(in)
	sigint := make(chan os.Signal, 1)
	signal.Notify(sigint, os.Interrupt)
	defer signal.Stop(sigint)

	failed := false
	var cell strings.Builder
	for {
		prompt, indent := "go> ", ""
		if cell.Len() > 0 {
			prompt = "... "
			indent = c.session.IsComplete(cell.String()).Indent
		}
		if c.interactive {
			fmt.Fprint(c.stdout, prompt+indent)
		}
		var line string
		select {
		case <-sigint:
			// Ctrl-C at the prompt discards the unfinished cell, as Python's REPL does.
			cell.Reset()
			fmt.Fprintln(c.stdout, "\nKeyboardInterrupt")
			continue
		case l, ok := <-c.lines:
			if !ok {
				if c.readErr != nil {
					return fmt.Errorf("read input: %v", c.readErr)
				}
				if cell.Len() > 0 && c.run(cell.String(), sigint) {
					failed = true
				}
				if c.interactive {
					fmt.Fprintln(c.stdout)
				}
				if failed && !c.interactive {
					return fmt.Errorf("a cell failed")
				}
				return nil
			}
			// The indent is only shown: Go does not care how a line is indented.
			line = l
		}
		cell.WriteString(line)
		cell.WriteString("\n")
		code := cell.String()
		if strings.TrimSpace(code) == "" {
			cell.Reset()
			continue
		}
		if c.session.IsComplete(code).Status == "incomplete" {
			continue
		}
		cell.Reset()
		if c.run(code, sigint) {
			failed = true
		}
	}
}

// read sends the lines of in to c.lines and closes it at the end.
func (c *console) read(in io.Reader) {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		c.lines <- sc.Text()
	}
	c.readErr = sc.Err()
	close(c.lines)
}

// run executes one cell, Ctrl-C interrupting it, and reports whether it failed.
func (c *console) run(code string, sigint <-chan os.Signal) bool {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		select {
		case <-sigint:
			cancel()
		case <-done:
		}
	}()
	value, cerr := c.session.Execute(ctx, code, c)
	close(done)
	cancel()
	if value != nil {
		c.show(*value)
	}
	if cerr != nil {
		c.mu.Lock()
		defer c.mu.Unlock()
		if len(cerr.Traceback) > 0 {
			fmt.Fprintln(c.stderr, strings.Join(cerr.Traceback, "\n"))
		} else {
			fmt.Fprintf(c.stderr, "%s: %s\n", cerr.Name, cerr.Value)
		}
		return true
	}
	return false
}

// Stream implements engine.Output.
func (c *console) Stream(name, text string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if name == "stderr" {
		fmt.Fprint(c.stderr, text)
		return
	}
	fmt.Fprint(c.stdout, text)
}

// Display implements engine.Output: a console shows the text form of a value.
func (c *console) Display(b engine.Bundle, displayID string) { c.show(b) }

// Update implements engine.Output: a console cannot redraw, so it shows the new value.
func (c *console) Update(b engine.Bundle, displayID string) { c.show(b) }

// Clear implements engine.Output; a console keeps what it printed.
func (c *console) Clear(wait bool) {}

// Input implements engine.Output. Cells read the same input as the prompt: the next
// line typed (or the next line of the piped script).
func (c *console) Input(prompt string, password bool) (string, error) {
	c.mu.Lock()
	fmt.Fprint(c.stdout, prompt)
	c.mu.Unlock()
	if password && c.interactive {
		if restore, err := echoOff(int(os.Stdin.Fd())); err == nil {
			defer func() { restore(); fmt.Fprintln(c.stdout) }()
		}
	}
	line, ok := <-c.lines
	if !ok {
		return "", fmt.Errorf("read input: end of input")
	}
	return line, nil
}

func (c *console) show(b engine.Bundle) {
	c.mu.Lock()
	defer c.mu.Unlock()
	fmt.Fprintln(c.stdout, textForm(b))
}

// textForm is what a console prints for a MIME bundle: its text/plain, else its
// Markdown, else a note naming what it holds (an image with its size).
func textForm(b engine.Bundle) string {
	var notes []string
	if s, ok := b.Data["image/png"].(string); ok {
		notes = append(notes, imageNote("image/png", s))
	}
	if s, ok := b.Data["image/jpeg"].(string); ok {
		notes = append(notes, imageNote("image/jpeg", s))
	}
	if s, ok := b.Data["text/plain"].(string); ok && len(notes) == 0 {
		return s
	}
	if s, ok := b.Data["text/markdown"].(string); ok && len(notes) == 0 {
		return s
	}
	if len(notes) > 0 {
		return strings.Join(notes, "\n")
	}
	kinds := make([]string, 0, len(b.Data))
	for k := range b.Data {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	return fmt.Sprintf("[%s: not shown in a console; run the cell in Jupyter]", strings.Join(kinds, ", "))
}

// imageNote describes a base64 image: its format, pixel size and byte size.
func imageNote(mime, b64 string) string {
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return fmt.Sprintf("[%s: not valid base64: %v]", mime, err)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(raw))
	if err != nil {
		return fmt.Sprintf("[%s, %d bytes: %v]", mime, len(raw), err)
	}
	return fmt.Sprintf("[%s %d×%d, %d bytes]", mime, cfg.Width, cfg.Height, len(raw))
}
