// reflect over the program's own struct types: names, fields as declared
// (unexported, embedded, tagged), lookups by name, and read-only fields.
package main

import (
	"fmt"
	"reflect"
	"strings"
)

type Base struct{ ID int }

type Item struct {
	Base
	Name  string  `json:"name" db:"name"`
	price float64 `db:"price"`
	Tags  []string
}

// columns lists the db columns of a struct value's type, as a small ORM would.
func columns(v any) []string {
	t := reflect.TypeOf(v)
	var cols []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if col := f.Tag.Get("db"); col != "" {
			cols = append(cols, t.Name()+"."+col)
		} else if f.Anonymous {
			cols = append(cols, "("+f.Name+")")
		} else if !f.IsExported() {
			cols = append(cols, "-"+f.Name)
		}
	}
	return cols
}

func main() {
	it := Item{Base{1}, "pen", 2.5, []string{"office"}}
	t := reflect.TypeOf(it)
	fmt.Println(t, t.Name(), t.PkgPath(), t.Kind(), t.NumField())
	fmt.Printf("%v %T\n", reflect.TypeOf(&it), reflect.TypeOf(&it))
	fmt.Println(strings.Join(columns(it), " "))
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fmt.Printf("%d %s %s %q exported=%v embedded=%v\n", i, f.Name, f.Type, f.Tag, f.IsExported(), f.Anonymous)
	}
	if f, ok := t.FieldByName("ID"); ok {
		fmt.Println("ID at", f.Index)
	}
	_, ok := t.FieldByName("Xprice")
	fmt.Println("Xprice:", ok)

	v := reflect.ValueOf(&it).Elem()
	price := v.FieldByName("price")
	fmt.Println(price.Float(), price.CanSet(), price.CanInterface())
	v.FieldByName("Name").SetString("pencil")
	v.Field(0).Field(0).SetInt(2)
	fmt.Println(it.Name, it.ID, v.Type() == t, v.String())
}
