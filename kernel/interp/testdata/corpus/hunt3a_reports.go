// Reports with text/template, strings.Builder, bytes.Buffer and tabwriter.
package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"text/template"
)

type Item struct {
	Name  string
	Qty   int
	Price float64
	Tags  []string
	Total float64
}

func (i Item) total() float64 { return float64(i.Qty) * i.Price }

type Invoice struct {
	Customer string
	Items    []Item
	Notes    map[string]string
	Sum      float64
}

// fill computes the totals the template prints (fields, not methods).
func fill(inv *Invoice) {
	inv.Sum = 0
	for i := range inv.Items {
		inv.Items[i].Total = inv.Items[i].total()
		inv.Sum += inv.Items[i].Total
	}
}

const tmpl = `Invoice for {{.Customer | upper}}
{{range $i, $it := .Items}}{{$i}}. {{printf "%-8s" $it.Name}} {{$it.Qty}} x {{printf "%.2f" $it.Price}} = {{printf "%7.2f" $it.Total}}{{if $it.Tags}} [{{join $it.Tags ","}}]{{end}}
{{end}}{{with .Notes}}{{range $k, $v := .}}note {{$k}}: {{$v}}
{{end}}{{else}}no notes
{{end}}Total: {{printf "%.2f" .Sum}}{{if gt .Sum 100.0}} (large){{end}}
`

func main() {
	funcs := template.FuncMap{"upper": strings.ToUpper, "join": strings.Join}
	t := template.Must(template.New("inv").Funcs(funcs).Parse(tmpl))
	inv := Invoice{
		Customer: "acme",
		Items: []Item{
			{"bolts", 100, 0.25, []string{"hw", "small"}, 0},
			{"drill", 1, 89.9, nil, 0},
			{"tape", 3, 4.5, []string{"misc"}, 0},
		},
		Notes: map[string]string{"ship": "friday", "pay": "30 days"},
	}
	fill(&inv)
	if err := t.Execute(os.Stdout, inv); err != nil {
		fmt.Println("error:", err)
	}
	var buf bytes.Buffer
	inv2 := Invoice{Customer: "bob", Items: inv.Items[:1]}
	fill(&inv2)
	if err := t.Execute(&buf, inv2); err != nil {
		fmt.Println("error:", err)
	}
	fmt.Print(buf.String())
	fmt.Println(buf.Len() > 0, strings.Count(buf.String(), "\n"))

	bad := template.New("bad")
	_, err := bad.Parse("{{.Missing")
	fmt.Println(err != nil)
	t2 := template.Must(template.New("x").Parse("{{index .Notes \"ship\"}} {{len .Items}}\n"))
	err = t2.Execute(os.Stdout, inv)
	fmt.Println(err)

	tw := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(tw, "name\tqty\tprice\ttotal\t")
	for _, it := range inv.Items {
		fmt.Fprintf(tw, "%s\t%d\t%.2f\t%.2f\t\n", it.Name, it.Qty, it.Price, it.Total)
	}
	tw.Flush()

	var sb strings.Builder
	for i := 0; i < 5; i++ {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteByte('a' + byte(i))
		sb.WriteRune('→')
		fmt.Fprintf(&sb, "%02d", i*i)
	}
	fmt.Println(sb.String(), sb.Len())
	var bb bytes.Buffer
	bb.WriteString("hello world")
	bb.Truncate(5)
	bb.WriteByte('!')
	line, err := bb.ReadString('l')
	fmt.Printf("%q %v %q\n", line, err, bb.String())
	fmt.Println(bytes.ToUpper(bb.Bytes()), string(bytes.Repeat([]byte("ab"), 3)))
}
