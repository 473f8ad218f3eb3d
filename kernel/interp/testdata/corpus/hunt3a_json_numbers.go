// Numbers through encoding/json: float formatting thresholds, NaN, int64
// limits, ,string tags, out-of-range decoding, UseNumber.
package main

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
)

type Point struct {
	X, Y  float64
	Count int64  `json:"count,string"`
	Tag   string `json:"tag,omitempty"`
}

func main() {
	for _, v := range []any{1e21, 1e20, 0.000001, 1e-7, 3.0, float32(0.1), int64(math.MaxInt64), uint8(200)} {
		b, err := json.Marshal(v)
		fmt.Println(string(b), err)
	}
	_, err := json.Marshal(math.NaN())
	fmt.Println(err)
	b, _ := json.Marshal(Point{1.5, -0, 1 << 60, ""})
	fmt.Println(string(b))
	var p Point
	err = json.Unmarshal([]byte(`{"X": 1e400}`), &p)
	fmt.Println(err)
	var anyv any
	json.Unmarshal([]byte(`{"n": 12345678901234567890, "f": 1.5}`), &anyv)
	fmt.Println(anyv)
	dec := json.NewDecoder(strings.NewReader(`{"n": 12345678901234567890}`))
	dec.UseNumber()
	var mv map[string]any
	dec.Decode(&mv)
	n := mv["n"].(json.Number)
	_, ierr := n.Int64()
	fmt.Println(n.String(), ierr)
	var u8 struct{ V uint8 }
	fmt.Println(json.Unmarshal([]byte(`{"V": 300}`), &u8), u8.V)
}
