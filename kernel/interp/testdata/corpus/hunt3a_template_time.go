// text/template over a cell struct whose fields are compiled types: time.Time
// and Duration methods in the template, define/template, FuncMap, range over a map.
package main

import (
	"fmt"
	"os"
	"strings"
	"text/template"
	"time"
)

type Run struct {
	Name string
	When time.Time
	D    time.Duration
	Tags map[string]int
	Subs []Run
}

// summary line for a run, built without a template for comparison.
func summary(r Run) string {
	total := r.D
	for _, s := range r.Subs {
		total += s.D
	}
	return fmt.Sprintf("%s: %d subs, %v total, %.2f min", r.Name, len(r.Subs), total, total.Minutes())
}

func main() {
	funcs := template.FuncMap{"mins": func(d time.Duration) float64 { return d.Minutes() }}
	t := template.Must(template.New("r").Funcs(funcs).Parse(`{{define "row"}}{{.Name}} {{.When.Format "2006-01-02"}} {{.D}} {{mins .D | printf "%.1f"}}{{end}}` +
		`{{template "row" .}}
{{range $k, $v := .Tags}}{{$k}}={{$v}};{{end}}
{{range .Subs}}- {{template "row" .}} {{.D.Seconds}}
{{end}}{{len .Subs}} {{index .Subs 0 | printf "%v" | len}} {{eq .Name "x"}} {{.When.Year}}
`))
	r := Run{"main", time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC), 95 * time.Second, map[string]int{"b": 2, "a": 1},
		[]Run{{Name: "s1", D: time.Minute}, {Name: "s2", D: 30 * time.Second}}}
	err := t.Execute(os.Stdout, r)
	fmt.Println(err)
	fmt.Println(summary(r))
	var sb = new(strings.Builder)
	err = t.ExecuteTemplate(sb, "row", r.Subs[1])
	fmt.Printf("%q %v\n", sb.String(), err)
}
