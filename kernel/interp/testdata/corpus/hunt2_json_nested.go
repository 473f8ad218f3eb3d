// encoding/json with nested cell types: embedded structs, pointers, omitempty,
// slices of structs, maps of structs, decoding into them and re-encoding.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

type Address struct {
	Street string `json:"street"`
	City   string `json:"city"`
	Zip    string `json:"zip,omitempty"`
}

type Audit struct {
	CreatedBy string `json:"created_by"`
	Version   int    `json:"version"`
}

type Contact struct {
	Kind  string `json:"kind"`
	Value string `json:"value"`
}

type Customer struct {
	Audit    Audit              `json:"audit"`
	ID       int                `json:"id"`
	Name     string             `json:"name"`
	Email    *string            `json:"email,omitempty"`
	Home     Address            `json:"home"`
	Work     *Address           `json:"work,omitempty"`
	Contacts []Contact          `json:"contacts"`
	Scores   map[string]float64 `json:"scores,omitempty"`
	Tags     []string           `json:"-"`
	Extra    map[string]Address `json:"extra,omitempty"`
	internal int
}

func main() {
	email := "ann@example.com"
	c := Customer{
		Audit:    Audit{"system", 3},
		ID:       1,
		Name:     "Ann",
		Email:    &email,
		Home:     Address{"1 Main St", "Springfield", ""},
		Contacts: []Contact{{"phone", "555-1234"}, {"fax", "555-9999"}},
		Scores:   map[string]float64{"b": 2.5, "a": 1},
		Tags:     []string{"vip"},
		Extra:    map[string]Address{"summer": {"2 Beach Rd", "Shore", "99999"}},
		internal: 42,
	}
	b, err := json.Marshal(c)
	fmt.Println(string(b), err)

	in := `{"id":2,"name":"Bob","audit":{"created_by":"import","version":1},
	"home":{"street":"9 Elm","city":"Shelbyville","zip":"12345"},
	"work":{"street":"1 Plant Rd","city":"Springfield"},
	"contacts":[{"kind":"email","value":"bob@x"}],
	"scores":{"q1":9.5},"unknown":true}`
	var d Customer
	if err := json.Unmarshal([]byte(in), &d); err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(d.ID, d.Name, d.Audit.CreatedBy, d.Audit.Version, d.Email == nil)
	fmt.Println(d.Home.City, d.Home.Zip, d.Work.City, len(d.Contacts), d.Contacts[0].Value, d.Scores["q1"])
	fmt.Printf("%+v\n", d.Home)
	fmt.Printf("%+v\n", *d.Work)

	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	d.Contacts = append(d.Contacts, Contact{"phone", "1"})
	d.Scores = nil
	if err := enc.Encode(d); err != nil {
		fmt.Println(err)
	}

	var list []Customer
	dec := json.NewDecoder(strings.NewReader(`[{"id":3,"home":{"city":"A"}},{"id":4,"contacts":null}]`))
	if err := dec.Decode(&list); err != nil {
		fmt.Println(err)
	}
	for _, x := range list {
		fmt.Println(x.ID, x.Home.City, x.Contacts == nil, x.Work == nil)
	}

	var generic map[string]any
	json.Unmarshal(b, &generic)
	fmt.Println(generic["home"].(map[string]any)["city"], generic["version"], generic["contacts"].([]any)[1])
	var bad Customer
	err = json.Unmarshal([]byte(`{"id":"x"}`), &bad)
	fmt.Println(err)
}
