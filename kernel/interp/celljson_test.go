package interp

import "testing"

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
