// Float formatting (%g %e %f, strconv.FormatFloat, special values) and
// time.Duration arithmetic and printing, with no clock reads.
package main

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

type Lap struct {
	Name string
	D    time.Duration
}

func main() {
	vals := []float64{0, 1, -1.5, 1e6, 1e21, 123456789.0, 1.0 / 3, 2.0 / 3, 1e-7, 5e-324, math.MaxFloat64}
	for _, v := range vals {
		fmt.Printf("%v|%g|%e|%.3f|%8.2g|%s|%s\n", v, v, v, v, v,
			strconv.FormatFloat(v, 'f', -1, 64), strconv.FormatFloat(v, 'g', 4, 64))
	}
	fmt.Println(math.Inf(1), math.Inf(-1), math.NaN(), -0.0, math.Copysign(0, -1))
	fmt.Printf("%5.1f|%-7.2f|%+.0f|%x\n", math.Inf(1), math.NaN(), 2.5, 1.0)
	f32 := float32(0.1)
	fmt.Println(f32, float64(f32), f32*3, float32(1)/3)
	fmt.Println(math.Round(2.5), math.Round(-2.5), math.Floor(-1.1), math.Trunc(-1.9), math.RoundToEven(2.5))
	fmt.Println(math.Sqrt(2), math.Pow(2, 0.5), math.Hypot(3, 4), math.Mod(7.5, 2))
	p, _ := strconv.ParseFloat("3.14159e2", 64)
	fmt.Println(p, strconv.Quote(fmt.Sprint(p)))

	laps := []Lap{{"warmup", 90 * time.Second}, {"sprint", 1500 * time.Millisecond},
		{"run", time.Hour + 2*time.Minute + 3*time.Second + 4*time.Millisecond}, {"tiny", 1234 * time.Nanosecond}}
	var total time.Duration
	for _, l := range laps {
		total += l.D
		fmt.Printf("%-7s %v %s %d %.3f\n", l.Name, l.D, l.D, l.D, l.D.Seconds())
	}
	fmt.Println("total", total, total.Round(time.Second), total.Truncate(time.Minute))
	fmt.Println(total.Hours() > 1, total.Minutes(), int64(total/time.Millisecond))
	fmt.Println(laps[0], laps[3])
	fmt.Printf("%v %+v\n", laps[1], laps[2])
	avg := total / time.Duration(len(laps))
	fmt.Println("avg", avg)
	d, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(d, err, d.Seconds())
	var zero time.Duration
	fmt.Println(zero, -d, time.Duration(math.MaxInt64))
	ds := []time.Duration{3 * time.Second, time.Millisecond}
	fmt.Println(ds, map[string]time.Duration{"a": time.Minute})
	t0 := time.Date(2024, 2, 28, 23, 30, 0, 0, time.UTC)
	t1 := t0.Add(90 * time.Minute)
	fmt.Println(t1.Format(time.RFC3339), t1.Sub(t0), t1.Weekday(), t1.YearDay())
	fmt.Println(t0.AddDate(0, 1, 1).Format("2006-01-02"), t1.After(t0))
}
