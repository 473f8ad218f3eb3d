// encoding/json with exported fields and tags, maps, indentation, decoding.
package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

type Address struct {
	City string `json:"city"`
	Zip  string `json:"zip,omitempty"`
}

type Person struct {
	Name    string            `json:"name"`
	Age     int               `json:"age"`
	Email   string            `json:"email,omitempty"`
	Tags    []string          `json:"tags"`
	Address *Address          `json:"address,omitempty"`
	Extra   map[string]string `json:"extra,omitempty"`
}

func main() {
	p := Person{Name: "Ada", Age: 36, Tags: []string{"math", "code"}, Address: &Address{City: "London"},
		Extra: map[string]string{"b": "2", "a": "1"}}
	b, err := json.Marshal(p)
	fmt.Println(string(b), err)
	out, _ := json.MarshalIndent(map[string]any{"z": 1, "a": []int{1, 2}, "m": nil}, "", "  ")
	fmt.Println(string(out))
	var q Person
	err = json.Unmarshal([]byte(`{"name":"Bob","age":40,"tags":null,"address":{"city":"Paris","zip":"75001"}}`), &q)
	fmt.Println(err, q.Name, q.Age, q.Tags == nil, q.Address.City, q.Address.Zip)
	var anyv map[string]any
	json.NewDecoder(strings.NewReader(`{"n": 1.5, "list": [1, "two", true]}`)).Decode(&anyv)
	fmt.Println(anyv["n"], anyv["list"])
	err = json.Unmarshal([]byte(`{"age": "old"}`), &q)
	fmt.Println(err)
}
