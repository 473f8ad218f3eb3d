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

// encoding/xml names a top-level element after its struct type, which a
// cell's struct type has none of in the interpreter; and it would not call the
// MarshalXML method of a value inside another.
func TestXMLRefused(t *testing.T) {
	s := newSession(t)
	run(t, s, `import ("encoding/xml"; "os")
type Person struct { Name string; Age int }
type Q struct{ Name string }
func (q Q) MarshalXML(e *xml.Encoder, s xml.StartElement) error { return e.EncodeElement("q", s) }
type W struct { XMLName xml.Name `+"`xml:\"w\"`"+`; Q Q }`)
	for _, c := range []struct{ code, want string }{
		{`xml.Marshal(Person{"ann", 30})`, `xml.Marshal of Person{…}: encoding/xml names the element after the type, and the interpreter keeps no name for Person, a struct type declared in a cell, so it would fail with "unsupported type"; add a field XMLName xml.Name`},
		{`xml.MarshalIndent([]Person{{"bo", 4}}, "", " ")`, "xml.MarshalIndent of []Person{…}"},
		{`xml.NewEncoder(os.Stdout).Encode(&Person{})`, "xml.Encoder.Encode of &Person{}"},
		{`xml.Marshal(W{})`, "xml.Marshal would handle W{}'s elements without calling Q's MarshalXML method"},
	} {
		failsSaying(t, s, c.code, c.want)
	}
}

// Templates over plain data (fields, maps; a type with only unexported
// methods) and encoding/xml of structs with an XMLName field (and their fields
// of other cell structs, EncodeElement, Unmarshal) run as go run runs them.
func TestTemplatesAndXMLOverPlainData(t *testing.T) {
	src := `
package main

import (
	"encoding/xml"
	"fmt"
	htmpl "html/template"
	"os"
	"strings"
	"text/template"
)

type Item struct {
	Name  string
	Qty   int
	Price float64
	Total float64
}

func (i Item) total() float64 { return float64(i.Qty) * i.Price }

type Order struct {
	Customer string
	Items    []*Item
	Sum      float64
}

type Person struct {
	XMLName xml.Name ` + "`" + `xml:"person"` + "`" + `
	Name    string   ` + "`" + `xml:"name"` + "`" + `
	Age     int      ` + "`" + `xml:"age,attr"` + "`" + `
	Emails  []string ` + "`" + `xml:"email"` + "`" + `
}

type Address struct{ City, Zip string }

type Contact struct {
	XMLName xml.Name ` + "`" + `xml:"contact"` + "`" + `
	Who     string   ` + "`" + `xml:"who,attr"` + "`" + `
	Home    Address
	Others  []Address ` + "`" + `xml:"other"` + "`" + `
}

func main() {
	o := Order{Customer: "acme", Items: []*Item{{"bolt", 10, 0.5, 0}, {"nut", 4, 0.25, 0}}}
	for _, it := range o.Items {
		it.Total = it.total()
		o.Sum += it.Total
	}
	t := template.Must(template.New("o").Funcs(template.FuncMap{"up": strings.ToUpper}).Parse(
		"{{.Customer | up}}\n{{range $i, $it := .Items}}{{$i}} {{$it.Name}} {{printf \"%.2f\" $it.Total}}\n{{end}}sum {{.Sum}}\n"))
	if err := t.Execute(os.Stdout, o); err != nil {
		fmt.Println("error:", err)
	}
	m := map[string]any{"Name": "bolt", "Double": o.Items[0].Qty * 2, "Tags": []string{"a", "b"}}
	t2 := template.Must(template.New("m").Parse("{{.Name}} {{.Double}} {{range .Tags}}[{{.}}]{{end}}\n"))
	t2.Execute(os.Stdout, m)
	t2.ExecuteTemplate(os.Stdout, "m", map[string]any{"Name": "<x>", "Double": 0})
	h := htmpl.Must(htmpl.New("h").Parse("<b>{{.Customer}}</b> {{len .Items}}\n"))
	h.Execute(os.Stdout, Order{Customer: "a&b"})
	err := t2.Execute(os.Stdout, Item{Name: "x"})
	fmt.Println()
	fmt.Println(err != nil)

	p := Person{Name: "ann", Age: 30, Emails: []string{"a@x", "b@x"}}
	b, err := xml.Marshal(p)
	fmt.Println(string(b), err)
	b, err = xml.MarshalIndent([]Person{{Name: "bo", Age: 4}}, "", "  ")
	fmt.Println(string(b), err)
	c := Contact{Who: "me", Home: Address{"oslo", "0150"}, Others: []Address{{"rome", "001"}}}
	b, err = xml.Marshal(&c)
	fmt.Println(string(b), err)
	enc := xml.NewEncoder(os.Stdout)
	enc.Encode(c)
	enc.EncodeElement(Address{"bern", "3000"}, xml.StartElement{Name: xml.Name{Local: "addr"}})
	fmt.Println()
	var q Person
	err = xml.Unmarshal([]byte(` + "`" + `<person age="7"><name>cy</name><email>c@x</email></person>` + "`" + `), &q)
	fmt.Println(err, q.Name, q.Age, q.Emails)
	var c2 Contact
	err = xml.Unmarshal(b, &c2)
	fmt.Println(err, c2.Who, c2.Home.City, len(c2.Others), c2.Others[0].Zip)
	var a Address
	err = xml.Unmarshal([]byte(` + "`" + `<Address><City>x</City><Zip>9</Zip></Address>` + "`" + `), &a)
	fmt.Println(err, a)
}
`
	// go run printed:
	want := `ACME
0 bolt 5.00
1 nut 1.00
sum 6
bolt 20 [a][b]
<x> 0 
<b>a&amp;b</b> 0
x 
true
<person age="30"><name>ann</name><email>a@x</email><email>b@x</email></person> <nil>
<person age="4">
  <name>bo</name>
</person> <nil>
<contact who="me"><Home><City>oslo</City><Zip>0150</Zip></Home><other><City>rome</City><Zip>001</Zip></other></contact> <nil>
<contact who="me"><Home><City>oslo</City><Zip>0150</Zip></Home><other><City>rome</City><Zip>001</Zip></other></contact><addr><City>bern</City><Zip>3000</Zip></addr>
<nil> cy 7 [c@x]
<nil> me oslo 1 001
<nil> {x 9}
`
	got, stderr, e := runCell(newSession(t), src)
	if e != nil {
		t.Fatalf("%s: %s", e.Name, e.Value)
	}
	if got != want || stderr != "" {
		t.Errorf("cell printed (stderr %q):\n%s\ngo run printed:\n%s", stderr, got, want)
	}
}
