// Custom JSON marshalling through methods on types of the program.
package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

type Level int

func (l Level) MarshalJSON() ([]byte, error) {
	return json.Marshal(strings.Repeat("*", int(l)))
}

func (l *Level) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*l = Level(len(s))
	return nil
}

type Review struct {
	Title string `json:"title"`
	Stars Level  `json:"stars"`
}

func main() {
	b, err := json.Marshal([]Review{{"good", 4}, {"meh", 2}})
	fmt.Println(string(b), err)
	var r Review
	err = json.Unmarshal([]byte(`{"title":"wow","stars":"*****"}`), &r)
	fmt.Println(r.Title, int(r.Stars), err)
}
