// Encoding values held in interfaces: a []Shape, an any field, a map[string]any,
// through json.Marshal and through a json.Encoder.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

type Shape interface{ Area() float64 }
type Circle struct {
	R    float64 `json:"r"`
	name string
}

func (c Circle) Area() float64 { return 3 * c.R * c.R }

type Sq float64

func (s Sq) Area() float64 { return float64(s * s) }

type Scene struct {
	Title  string  `json:"title"`
	Shapes []Shape `json:"shapes"`
	Extra  any     `json:"extra,omitempty"`
}

func main() {
	shapes := []Shape{Circle{R: 1}, Sq(2)}
	b, err := json.Marshal(shapes)
	fmt.Println(string(b), err)
	b, err = json.Marshal(Scene{"s", shapes, Circle{R: 5}})
	fmt.Println(string(b), err)
	var a any = Circle{R: 3}
	b, err = json.Marshal(a)
	fmt.Println(string(b), err)
	m := map[string]any{"c": Circle{R: 4}, "n": 1}
	b, err = json.MarshalIndent(m, "", " ")
	fmt.Println(string(b), err)
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	fmt.Println(enc.Encode(Scene{"encoded", shapes, m}))
	var sb strings.Builder
	fmt.Println(json.NewEncoder(&sb).Encode([]any{Circle{R: 6}, Sq(7), "x"}), sb.String())
}
