// time with fixed instants: formatting, arithmetic, durations, truncation.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2024, time.February, 28, 22, 30, 15, 500_000_000, time.UTC)
	fmt.Println(t)
	fmt.Println(t.Format(time.RFC3339), t.Format("2006-01-02 15:04:05.000"), t.Format("Mon Jan 2 3:04PM"))
	next := t.Add(26 * time.Hour)
	fmt.Println(next.Format("2006-01-02"), next.Weekday(), next.YearDay())
	d := next.Sub(t)
	fmt.Println(d, d.Hours(), d.Minutes())
	fmt.Println(time.Duration(90)*time.Second, 1500*time.Millisecond, time.Duration(123456789))
	fmt.Println(t.Truncate(time.Hour).Format(time.Kitchen), t.AddDate(0, 1, 1).Format(time.DateOnly))
	p, err := time.Parse("2006-01-02 15:04", "2023-12-31 23:59")
	fmt.Println(p, err, p.Before(t), t.After(p))
	_, err = time.Parse(time.DateOnly, "2023-13-01")
	fmt.Println(err)
	dur, _ := time.ParseDuration("1h15m30.5s")
	fmt.Println(dur, dur.Round(time.Minute), dur.Seconds())
	loc := time.FixedZone("X", 3*3600)
	fmt.Println(t.In(loc).Format(time.RFC1123Z), t.Unix(), t.Month(), int(t.Month()))
}
