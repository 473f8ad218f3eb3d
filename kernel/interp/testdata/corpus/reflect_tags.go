// reflect over a struct of the program: field names, types and tags.
package main

import (
	"fmt"
	"reflect"
)

type Row struct {
	ID    int     `db:"id" json:"id"`
	Name  string  `db:"name"`
	Score float64 `db:"score,omitempty"`
}

func main() {
	t := reflect.TypeOf(Row{})
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fmt.Println(f.Name, f.Type, f.Tag.Get("db"), f.Tag.Get("json") == "")
	}
	v := reflect.ValueOf(Row{7, "x", 1.5})
	fmt.Println(v.NumField(), v.Field(1).String(), v.Field(2).Float(), v.Kind())
}
