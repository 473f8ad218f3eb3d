package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/ratelab/ratelab/kernel/kernelspec"
)

func init() {
	register("install", "write the \"Go (ratelab)\" Jupyter kernelspec", install)
}

// sysPrefix is where --sys-prefix installs, the prefix Jupyter searches system-wide.
const sysPrefix = "/usr/local"

func install(args []string) error {
	fset := flag.NewFlagSet("install", flag.ContinueOnError)
	fset.Usage = func() {
		fmt.Fprintln(fset.Output(), "usage: ratelab install [--user | --sys-prefix | --prefix DIR] [--name NAME] [--interrupt-mode signal|message]")
		fset.PrintDefaults()
	}
	user := fset.Bool("user", false, "install for the current user, in the Jupyter data dir (the default)")
	sys := fset.Bool("sys-prefix", false, "install system-wide, in "+sysPrefix+"/share/jupyter")
	prefix := fset.String("prefix", "", "install into `DIR`/share/jupyter")
	name := fset.String("name", "ratelab", "kernelspec `name` (the directory under kernels/)")
	mode := fset.String("interrupt-mode", "signal", "how Jupyter interrupts cells: \"signal\" (SIGINT) or \"message\" (interrupt_request)")
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if fset.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fset.Args())
	}
	chosen := 0
	for _, b := range []bool{*user, *sys, *prefix != ""} {
		if b {
			chosen++
		}
	}
	if chosen > 1 {
		return errors.New("choose one of --user, --sys-prefix and --prefix")
	}

	var dataDir string
	switch {
	case *prefix != "":
		abs, err := filepath.Abs(*prefix)
		if err != nil {
			return err
		}
		dataDir = kernelspec.PrefixDataDir(abs)
	case *sys:
		dataDir = kernelspec.PrefixDataDir(sysPrefix)
	default:
		d, err := kernelspec.UserDataDir()
		if err != nil {
			return err
		}
		dataDir = d
	}

	// The kernelspec must name this binary by an absolute path that stays valid.
	bin, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find the ratelab binary: %w", err)
	}
	if bin, err = filepath.EvalSymlinks(bin); err != nil {
		return fmt.Errorf("find the ratelab binary: %w", err)
	}
	spec, err := kernelspec.New(bin, *mode)
	if err != nil {
		return err
	}
	dir, err := kernelspec.Install(dataDir, *name, spec)
	if err != nil {
		return err
	}
	fmt.Printf("installed kernelspec %s in %s\n", *name, dir)
	return nil
}
