// Command ratelab is a Go Jupyter kernel with release-stability analytics built in.
//
// Usage:
//
//	ratelab install [--user | --sys-prefix | --prefix DIR]   write the "Go (ratelab)" kernelspec
//	ratelab kernel CONNECTION_FILE                           serve Jupyter (started by Jupyter)
//	ratelab run NOTEBOOK.ipynb [-o OUT.ipynb]                execute a notebook headless
//	ratelab repl                                             an interactive Go prompt
//
// With no arguments it runs the curated notebooks on their embedded defaults.
package main

import (
	"fmt"
	"os"
	"sort"
)

// command is one subcommand; each lives in a file of its own and registers itself.
type command struct {
	summary string
	run     func(args []string) error
	hidden  bool // not listed: started by ratelab itself
}

var commands = map[string]command{}

func register(name, summary string, run func(args []string) error) {
	commands[name] = command{summary: summary, run: run}
}

func registerHidden(name string, run func(args []string) error) {
	commands[name] = command{run: run, hidden: true}
}

func main() {
	args := os.Args[1:]
	name := defaultCommand
	if len(args) > 0 {
		name, args = args[0], args[1:]
	}
	if name == "help" || name == "-h" || name == "--help" {
		usage()
		return
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(os.Stderr, "ratelab: unknown command %q\n", name)
		usage()
		os.Exit(2)
	}
	if err := cmd.run(args); err != nil {
		fmt.Fprintf(os.Stderr, "ratelab %s: %v\n", name, err)
		os.Exit(1)
	}
}

// defaultCommand runs when ratelab is started with no arguments.
const defaultCommand = "run"

func usage() {
	fmt.Fprintln(os.Stderr, "usage: ratelab <command> [arguments]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n, c := range commands {
		if !c.hidden {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(os.Stderr, "  %-8s %s\n", n, commands[n].summary)
	}
}
