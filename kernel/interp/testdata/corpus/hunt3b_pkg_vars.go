package main

import (
	"fmt"
	"strings"
)

var weights = []int{3, 4, 5}

type Plugin struct {
	Name string
	Prio int
}

func (p Plugin) Label() string { return strings.ToUpper(p.Name) }

func (p *Plugin) Bump() { p.Prio++ }

var defaultPlugin = Plugin{"core", 1}

var labelOf = Plugin.Label

var bumpers []func()

func buildRegistry() map[string]*Plugin {
	r := map[string]*Plugin{}
	for i, n := range []string{"auth", "log"} {
		r[n] = &Plugin{n, i * 10}
	}
	return r
}

func sum(xs ...int) (s int) {
	for _, x := range xs {
		s += x
	}
	return
}

var registry = buildRegistry()

var total = sum(weights...)

func init() {
	for _, p := range registry {
		bumpers = append(bumpers, p.Bump)
	}
	defaultPlugin.Bump()
}

func init() {
	registry["core"] = &defaultPlugin
}

func main() {
	for _, b := range bumpers {
		b()
	}
	fmt.Println(registry["auth"].Prio, registry["log"].Prio, registry["core"].Prio)
	fmt.Println(total, labelOf(defaultPlugin), len(registry))
	defaultPlugin.Name = "CORE2"
	fmt.Println(registry["core"].Label())
}
