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
// never end the kernel's process: os.Exit and log.Fatal* panic with an Exit
// instead, which the session turns into the end of the cell.

// Exit is the value os.Exit and log.Fatal* panic with in a cell. The session
// lets no recover stop it, and reports it as the program's exit status.
type Exit struct{ Code int }

func (e Exit) Error() string { return fmt.Sprintf("exit status %d", e.Code) }

// osExit stands for os.Exit.
func osExit(code int) { panic(Exit{code}) }

// osFindProcess stands for os.FindProcess; it refuses the kernel's own process
// so a cell cannot signal or kill it.
func osFindProcess(pid int) (*os.Process, error) {
	if pid == os.Getpid() {
		return nil, errors.New("os.FindProcess: the kernel's own process is not available to cells")
	}
	return os.FindProcess(pid)
}

// logFatal, logFatalf and logFatalln stand for log.Fatal*: they log the message
// and panic with Exit{1} rather than exit.
func logFatal(v ...any)                 { log.Output(2, fmt.Sprint(v...)); panic(Exit{1}) }
func logFatalf(format string, v ...any) { log.Output(2, fmt.Sprintf(format, v...)); panic(Exit{1}) }
func logFatalln(v ...any)               { log.Output(2, fmt.Sprintln(v...)); panic(Exit{1}) }

// logLogger stands for log.Logger, with Fatal* methods that panic.
type logLogger struct{ *log.Logger }

// logNew stands for log.New.
func logNew(out io.Writer, prefix string, flag int) *logLogger {
	return &logLogger{log.New(out, prefix, flag)}
}

// Fatal logs v and panics with Exit{1}.
func (l *logLogger) Fatal(v ...any) { l.Output(2, fmt.Sprint(v...)); panic(Exit{1}) }

// Fatalf logs the formatted message and panics with Exit{1}.
func (l *logLogger) Fatalf(format string, v ...any) {
	l.Output(2, fmt.Sprintf(format, v...))
	panic(Exit{1})
}

// Fatalln logs v and panics with Exit{1}.
func (l *logLogger) Fatalln(v ...any) { l.Output(2, fmt.Sprintln(v...)); panic(Exit{1}) }
