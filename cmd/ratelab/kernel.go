package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/ratelab/ratelab/kernel"
	"github.com/ratelab/ratelab/kernel/kernelspec"
	"github.com/ratelab/ratelab/kernel/wire"
)

func init() {
	register("kernel", "serve Jupyter on CONNECTION_FILE (started by Jupyter)", runKernel)
}

// version is reported in kernel_info_reply.
const version = "0.1.0"

func runKernel(args []string) error {
	if len(args) != 1 {
		return errors.New("usage: ratelab kernel CONNECTION_FILE")
	}
	conn, err := wire.LoadConnection(args[0])
	if err != nil {
		return err
	}
	// Catch SIGINT before anything else: in interrupt_mode "signal" Jupyter sends it
	// to interrupt a cell, and it must never kill the kernel.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	// The session runs in a child process: whatever a cell does to it, the
	// sockets (and this process) live on.
	session, err := supervised(sessionOptions{spare: true, log: os.Stderr})
	if err != nil {
		return fmt.Errorf("start the Go session: %w", err)
	}
	histPath, err := historyPath()
	if err != nil {
		fmt.Fprintf(os.Stderr, "ratelab kernel: no history this session: %v\n", err)
	}
	srv, err := kernel.New(kernel.Options{
		Conn: conn, Interpreter: session, HistoryPath: histPath, Version: version, Log: os.Stderr,
	})
	if err != nil {
		return err
	}
	go func() {
		for range sigs {
			srv.Interrupt()
		}
	}()
	// SIGTERM (a front end giving up on a polite shutdown) ends the kernel cleanly.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	if pid, err := strconv.Atoi(os.Getenv("JPY_PARENT_PID")); err == nil {
		go watchParent(ctx, pid, stop)
	}
	return srv.Run(ctx)
}

// watchParent ends the kernel when the front end that started it dies without
// shutting it down (a console killed with its terminal), as ipykernel's parent poller
// does: jupyter_client names that process in JPY_PARENT_PID, and an orphan gets a new
// parent. Otherwise a kernel left in `for {}` would spin forever.
func watchParent(ctx context.Context, pid int, stop func()) {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			if os.Getppid() != pid {
				fmt.Fprintf(os.Stderr, "ratelab kernel: parent process %d is gone; shutting down\n", pid)
				stop()
				return
			}
		}
	}
}

// historyPath is $RATELAB_HISTORY, else ratelab/history.db in the Jupyter data dir.
func historyPath() (string, error) {
	if p := os.Getenv("RATELAB_HISTORY"); p != "" {
		return p, nil
	}
	dir, err := kernelspec.UserDataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "ratelab", "history.db"), nil
}
