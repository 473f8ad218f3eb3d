package interp

import (
	"strings"
	"testing"
)

// TestJSONErrorsNameCellStructs: json.Unmarshal's and Decoder.Decode's
// *json.UnmarshalTypeError name the struct declared in a cell that holds the
// field (Person.age, Address.home.city through a pointer, a slice, a map), and
// the cell's struct types in the field's type (main.Address), as Go does; the
// error stays a *json.UnmarshalTypeError, for errors.As and assertions.
func TestJSONErrorsNameCellStructs(t *testing.T) {
	sameAsGo(t, `package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

type Address struct {
	City string `+"`json:\"city\"`"+`
	Zip  int
}

type Person struct {
	Name    string              `+"`json:\"name\"`"+`
	Age     int                 `+"`json:\"age\"`"+`
	Home    *Address            `+"`json:\"home\"`"+`
	Past    []Address           `+"`json:\"past\"`"+`
	ByYear  map[string]*Address `+"`json:\"by_year\"`"+`
	Work    Address
	private int
}

func main() {
	for _, in := range []string{
		`+"`"+`{"age": "old"}`+"`"+`,
		`+"`"+`{"home": {"city": 5}}`+"`"+`,
		`+"`"+`{"past": [{"city": "a"}, {"Zip": "x"}]}`+"`"+`,
		`+"`"+`{"by_year": {"2020": {"city": true}}}`+"`"+`,
		`+"`"+`{"Work": {"Zip": 1.5}}`+"`"+`,
		`+"`"+`{"home": "nowhere"}`+"`"+`,
		`+"`"+`{"past": {"city": "a"}}`+"`"+`,
		`+"`"+`[1]`+"`"+`,
	} {
		var p Person
		err := json.Unmarshal([]byte(in), &p)
		var ute *json.UnmarshalTypeError
		_, direct := err.(*json.UnmarshalTypeError)
		fmt.Println(err, errors.As(err, &ute), direct)
		fmt.Println(ute.Struct, ute.Field, ute.Type, ute.Value)
	}
	var anon struct {
		N int `+"`json:\"n\"`"+`
	}
	fmt.Println(json.Unmarshal([]byte(`+"`"+`{"n": "x"}`+"`"+`), &anon))
	dec := json.NewDecoder(strings.NewReader(`+"`"+`{"name": "a", "age": 3} {"name": 2}`+"`"+`))
	for {
		var p Person
		if err := dec.Decode(&p); err != nil {
			fmt.Println(err)
			break
		}
		fmt.Println(p.Name, p.Age)
	}
	var list []Address
	fmt.Println(json.NewDecoder(strings.NewReader(`+"`"+`[{"city": 1}]`+"`"+`)).Decode(&list))
}
`)
}

// TestJSONEmbeddedStructs: a struct declared in a cell that embeds a struct
// beside other fields is refused by encoding/json's functions (the interpreter
// would write {"Base":{"id":3},"name":"b"} where Go writes {"id":3,"name":"b"});
// one with the embedded struct as its only field, or with the embedded field
// given a JSON name, runs as Go runs it.
func TestJSONEmbeddedStructs(t *testing.T) {
	s := newSession(t)
	run(t, s, "import (\"encoding/json\"; \"fmt\"; \"strings\")\ntype Base struct{ ID int `json:\"id\"` }\ntype Person struct {\n\tBase\n\tName string `json:\"name\"`\n}")
	for code, want := range map[string]string{
		`json.Marshal(Person{Base{3}, "b"})`:                                     "json.Marshal would handle the embedded Base of Person",
		`var p Person; json.Unmarshal([]byte("{}"), &p)`:                         "json.Unmarshal would handle the embedded Base of Person",
		`var ps []*Person; json.NewDecoder(strings.NewReader("[]")).Decode(&ps)`: "json.Decode would handle the embedded Base of Person",
		`json.Marshal(map[string]struct{ Person; N int }{})`:                     "the embedded Person of struct{…}",
	} {
		e, rec := fail(t, s, code)
		if e.Name != "Unsupported" || !strings.Contains(e.Value, want) || !strings.Contains(e.Value, "; ") {
			t.Errorf("%s: %s: %s", code, e.Name, e.Value)
		}
		if rec.out() != "" {
			t.Errorf("%s: a refused cell printed %q", code, rec.out())
		}
	}
	sameAsGo(t, `package main

import (
	"encoding/json"
	"fmt"
)

type Base struct {
	ID int `+"`json:\"id\"`"+`
}

type Only struct{ Base }

type Tagged struct {
	Base `+"`json:\"base\"`"+`
	Name string
}

func main() {
	b, err := json.Marshal(Only{Base{1}})
	fmt.Println(string(b), err)
	var o Only
	fmt.Println(json.Unmarshal([]byte(`+"`"+`{"id": 4}`+"`"+`), &o), o.ID)
	b, err = json.Marshal(Tagged{Base{2}, "t"})
	fmt.Println(string(b), err)
}
`)
}
