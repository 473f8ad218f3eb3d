package symbols

import (
	"errors"
	"fmt"
	"io"
	"log"
	"os"
)

// yaegi's extract replaces the symbols below (os.Exit, os.FindProcess, log.Fatal*,
// log.New and log.Logger) by lower-case names of this package, so that a cell can
// never end the kernel's process: it panics instead, and the session reports the
// panic in the cell.

// osExit stands for os.Exit.
func osExit(code int) {
	panic(fmt.Sprintf("os.Exit(%d) called in a cell; the kernel keeps running", code))
}

// osFindProcess stands for os.FindProcess; it refuses the kernel's own process
// so a cell cannot signal or kill it.
func osFindProcess(pid int) (*os.Process, error) {
	if pid == os.Getpid() {
		return nil, errors.New("os.FindProcess: the kernel's own process is not available to cells")
	}
	return os.FindProcess(pid)
}

// logFatal, logFatalf and logFatalln stand for log.Fatal*: they panic with the
// message rather than exit.
func logFatal(v ...any)                 { log.Panic(v...) }
func logFatalf(format string, v ...any) { log.Panicf(format, v...) }
func logFatalln(v ...any)               { log.Panicln(v...) }

// logLogger stands for log.Logger, with Fatal* methods that panic.
type logLogger struct{ *log.Logger }

// logNew stands for log.New.
func logNew(out io.Writer, prefix string, flag int) *logLogger {
	return &logLogger{log.New(out, prefix, flag)}
}

// Fatal logs v and panics.
func (l *logLogger) Fatal(v ...any) { l.Panic(v...) }

// Fatalf logs the formatted message and panics.
func (l *logLogger) Fatalf(format string, v ...any) { l.Panicf(format, v...) }

// Fatalln logs v and panics.
func (l *logLogger) Fatalln(v ...any) { l.Panicln(v...) }
