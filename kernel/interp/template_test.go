package interp

import "testing"

// A template that calls a method of a cell's type, or prints a field through
// its type's String method, would fail or print the bare value (the
// interpreter's values of a cell's types have no methods that reflection
// finds): Execute and ExecuteTemplate with such data are refused.
func TestTemplateMethodsRefused(t *testing.T) {
	s := newSession(t)
	run(t, s, `import ("os"; "text/template"; htmpl "html/template")
type Item struct{ Qty int }
func (i Item) Double() int { return i.Qty * 2 }
type Box struct{ N int }
func (b *Box) Count() int { return b.N }
type Order struct{ Items []*Box }
type Temp float64
func (t Temp) String() string { return "warm" }
type Row struct { City string; T Temp }
type Plain struct{ A int }
var t = template.Must(template.New("t").Parse("{{.}}\n"))
var h = htmpl.Must(htmpl.New("h").Parse("<b>{{.}}</b>\n"))`)
	for _, c := range []struct{ code, want string }{
		{`t.Execute(os.Stdout, Item{3})`, "text/template.Execute with data Item{…} of type Item, which has method Double: the template would not find the methods of a type declared in a cell"},
		{`t.Execute(os.Stdout, &Box{3})`, "of type *Box, which has method Count"},
		{`t.Execute(os.Stdout, Order{})`, "of type Order, which holds Box, with method Count"},
		{`t.ExecuteTemplate(os.Stdout, "t", []*Box{})`, "text/template.ExecuteTemplate with data []*Box{} of type []*Box, which holds Box, with method Count"},
		{`func report() { t.Execute(os.Stdout, map[string]Row{}) }`, "which holds Temp, with method String"},
		{`h.Execute(os.Stdout, Row{"oslo", 4})`, "html/template.Execute with data Row{…} of type Row, which holds Temp, with method String"},
		{`h.Execute(os.Stdout, struct{ P Plain; I Item }{})`, "which holds Item, with method Double"},
		{`h.Execute(os.Stdout, Item{3})`, "pass a map (map[string]any{\"Total\": x.Total()}) or a struct of plain fields computed beforehand"},
	} {
		failsSaying(t, s, c.code, c.want)
	}
}
