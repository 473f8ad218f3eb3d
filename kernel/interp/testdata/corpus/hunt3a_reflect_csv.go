// A small reflection-based CSV loader: header to struct fields by csv tag,
// reflect.New/Append/Set*, then the struct type described field by field.
package main

import (
	"encoding/csv"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

type Obs struct {
	City string  `csv:"city"`
	Temp float64 `csv:"temp"`
	Rain float64 `csv:"rain"`
	Days int     `csv:"days"`
}

func load(data string, out any) error {
	r := csv.NewReader(strings.NewReader(data))
	recs, err := r.ReadAll()
	if err != nil {
		return err
	}
	sv := reflect.ValueOf(out).Elem()
	et := sv.Type().Elem()
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, rec := range recs[1:] {
		ev := reflect.New(et).Elem()
		for i := 0; i < et.NumField(); i++ {
			f := et.Field(i)
			s := rec[col[f.Tag.Get("csv")]]
			switch f.Type.Kind() {
			case reflect.String:
				ev.Field(i).SetString(s)
			case reflect.Float64:
				v, _ := strconv.ParseFloat(s, 64)
				ev.Field(i).SetFloat(v)
			case reflect.Int:
				v, _ := strconv.Atoi(s)
				ev.Field(i).SetInt(int64(v))
			}
		}
		sv.Set(reflect.Append(sv, ev))
	}
	return nil
}

func main() {
	var obs []Obs
	err := load("city,temp,rain,days\noslo,4.5,2.1,3\nrome,18,0.4,1\n", &obs)
	fmt.Println(err, len(obs))
	for _, o := range obs {
		fmt.Printf("%s %.1f %.1f %d\n", o.City, float64(o.Temp), o.Rain, o.Days)
	}
	t := reflect.TypeOf(Obs{})
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fmt.Println(f.Name, f.Type, f.Tag, f.Type.Kind())
	}
	fmt.Println(t.NumField(), t.Name(), t.Kind())
}
