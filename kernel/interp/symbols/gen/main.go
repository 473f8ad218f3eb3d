// Command gen writes the yaegi symbol tables of package symbols: one file per
// package that cells can import, generated with yaegi's extract package for the Go
// toolchain that builds ratelab.
//
// Usage (from kernel/interp/symbols, as its go:generate line does):
//
//	go run ./gen [-o DIR]
//
// It removes the z_*.go files of DIR and writes them again, so a package dropped
// from the lists below disappears from the tables too.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/traefik/yaegi/extract"
)

// modules lists the non-standard packages cells can import, one pattern a line;
// a pattern ending in /... takes every package below it that exists (go list).
var modules = []string{
	"github.com/go-gota/gota/dataframe",
	"github.com/go-gota/gota/series",
	"gonum.org/v1/gonum/floats",
	"gonum.org/v1/gonum/mat",
	"gonum.org/v1/gonum/stat",
	"gonum.org/v1/gonum/stat/distuv",
	"gonum.org/v1/plot",
	"gonum.org/v1/plot/plotter",
	"gonum.org/v1/plot/plotutil",
	"gonum.org/v1/plot/vg",
	"gonum.org/v1/plot/vg/draw",
	"gonum.org/v1/plot/vg/vgimg",
	"github.com/ratelab/ratelab/analysis/...",
	"github.com/ratelab/ratelab/datasets/...",
	"github.com/ratelab/ratelab/kernel/display",
}

// skipStd lists standard packages left out, and why: yaegi cannot use them, or
// their API differs between platforms so one committed table cannot serve all.
var skipStd = map[string]string{
	"unsafe":       "yaegi's stdlib/unsafe table, loaded by the session (it also hooks unsafe.Pointer conversions)",
	"syscall":      "platform-specific API: the session refuses the import with a message",
	"syscall/js":   "js/wasm only",
	"runtime/cgo":  "cgo internals",
	"runtime/race": "race detector internals",
	"runtime/msan": "sanitizer internals",
	"runtime/asan": "sanitizer internals",
	"plugin":       "cgo plugins cannot load into an interpreter",
	"embed":        "go:embed needs the compiler",
	"cmp":          "all generic: interpreted source in kernel/interp/std",
	"maps":         "all generic: interpreted source in kernel/interp/std",
	"slices":       "all generic: interpreted source in kernel/interp/std",
}

// exclude lists symbols kept away from cells, per import path (regexps).
var exclude = map[string][]string{
	// The session sets the current output itself; cells only read it.
	"github.com/ratelab/ratelab/kernel/display": {"^SetOutput$", "^HandleComm$", "^CommInfo$"},
}

func main() {
	out := flag.String("o", ".", "directory to write the tables into")
	withStd := flag.Bool("std", true, "regenerate the standard library's tables too (slow: minutes)")
	list := flag.Bool("list", false, "print the file each package's table goes to, and write nothing")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("symbols/gen: ")

	var std []string
	if *withStd {
		var err error
		if std, err = goList("std"); err != nil {
			log.Fatal(err)
		}
	}
	var pkgs []string
	for _, p := range std {
		if _, skip := skipStd[p]; skip || !importable(p) {
			continue
		}
		pkgs = append(pkgs, p)
	}
	for _, m := range modules {
		found, err := goList(m)
		if err != nil {
			log.Fatal(err)
		}
		for _, p := range found {
			if importable(p) {
				pkgs = append(pkgs, p)
			}
		}
	}

	if *list {
		for _, p := range pkgs {
			fmt.Println(p, tableFile(p))
		}
		return
	}

	old, err := filepath.Glob(filepath.Join(*out, "z_*.go"))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range old {
		if !*withStd && isStdTable(f) {
			continue
		}
		if err := os.Remove(f); err != nil {
			log.Fatal(err)
		}
	}
	// Each extraction type-checks its package from source on its own: run them
	// side by side.
	work := make(chan string)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				ext := extract.Extractor{Dest: "symbols", Exclude: exclude[p]}
				var buf bytes.Buffer
				if _, err := ext.Extract(p, "", &buf); err != nil {
					log.Printf("skip %s: %v", p, err)
					continue
				}
				if err := os.WriteFile(filepath.Join(*out, tableFile(p)), buf.Bytes(), 0o644); err != nil {
					log.Fatal(err)
				}
			}
		}()
	}
	for _, p := range pkgs {
		work <- p
	}
	close(work)
	wg.Wait()
}

// tableFile is the name of the file holding the table of package p.
func tableFile(p string) string {
	return "z_" + strings.NewReplacer("/", "_", ".", "_", "-", "_").Replace(p) + ".go"
}

// importable reports whether a cell could import p: Go allows an internal package
// only to the tree it lives in, and vendor/ and cmd/ packages are not for importing.
func importable(p string) bool {
	if strings.HasPrefix(p, "vendor/") || strings.HasPrefix(p, "cmd/") {
		return false
	}
	return !slices.Contains(strings.Split(p, "/"), "internal")
}

// goList expands a package pattern, leaving out commands (package main cannot be
// imported); a pattern that matches nothing yields no packages, so a listed
// module path may appear later.
func goList(pattern string) ([]string, error) {
	cmd := exec.Command("go", "list", "-e", "-f", "{{if and (not .Error) (ne .Name \"main\")}}{{.ImportPath}}{{end}}", pattern)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list %s: %v: %s", pattern, err, stderr.String())
	}
	pkgs := strings.Fields(string(b))
	sort.Strings(pkgs)
	return pkgs, nil
}

// isStdTable reports whether the generated file f holds a standard package, from
// the import path extract writes in its first line.
func isStdTable(f string) bool {
	b, err := os.ReadFile(f)
	if err != nil {
		log.Fatal(err)
	}
	first, _, _ := strings.Cut(string(b), "\n")
	const prefix = "// Code generated by 'yaegi extract "
	path := strings.TrimSuffix(strings.TrimPrefix(first, prefix), "'. DO NOT EDIT.")
	return !strings.Contains(strings.SplitN(path, "/", 2)[0], ".")
}
