// A seeded simulation with math/rand/v2 (PCG) and time.Duration arithmetic:
// service times of a queue, summed, averaged, rounded and formatted.
package main

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"
)

type Job struct {
	ID      int
	Service time.Duration
	Wait    time.Duration
}

type Stats struct {
	Total, Max, Min time.Duration
	N               int
}

func (s *Stats) Add(d time.Duration) {
	if s.N == 0 || d < s.Min {
		s.Min = d
	}
	if d > s.Max {
		s.Max = d
	}
	s.Total += d
	s.N++
}

func (s Stats) Mean() time.Duration {
	if s.N == 0 {
		return 0
	}
	return s.Total / time.Duration(s.N)
}

func main() {
	r := rand.New(rand.NewPCG(1, 2))
	fmt.Println(r.IntN(100), r.IntN(100), r.Float64() < 1, r.Uint64()%1000)
	perm := r.Perm(8)
	fmt.Println(perm)
	words := []string{"a", "b", "c", "d", "e", "f"}
	r.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	fmt.Println(words)

	var jobs []Job
	var clock time.Duration
	var busyUntil time.Duration
	var st Stats
	for i := 0; i < 12; i++ {
		clock += time.Duration(r.IntN(400)) * time.Millisecond
		svc := time.Duration(r.ExpFloat64()*250) * time.Millisecond
		start := clock
		if busyUntil > start {
			start = busyUntil
		}
		j := Job{ID: i, Service: svc, Wait: start - clock}
		busyUntil = start + svc
		jobs = append(jobs, j)
		st.Add(j.Wait)
	}
	for _, j := range jobs[:5] {
		fmt.Printf("job %2d svc=%-8v wait=%v\n", j.ID, j.Service, j.Wait)
	}
	fmt.Println("mean wait", st.Mean(), "max", st.Max, "min", st.Min, "n", st.N)
	fmt.Println("end", busyUntil, busyUntil.Round(time.Second), busyUntil.Truncate(100*time.Millisecond))
	slices.SortFunc(jobs, func(a, b Job) int { return int(b.Service - a.Service) })
	fmt.Println("longest", jobs[0].ID, jobs[0].Service.Seconds(), jobs[0].Service.Milliseconds())

	d := 90*time.Minute + 30*time.Second + 5*time.Millisecond
	fmt.Println(d, d.Hours(), d.Minutes(), int64(d), d.String())
	fmt.Printf("%v %d %s %.1f\n", d/3, d%time.Minute, -d, d.Seconds())
	pd, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(pd, err, pd > d)
	_, err = time.ParseDuration("5 minutes")
	fmt.Println(err)
	fmt.Println(time.Duration(1500)*time.Microsecond, time.Duration(0), time.Duration(1), time.Duration(-1))
	t0 := time.Date(2024, 2, 28, 22, 0, 0, 0, time.UTC)
	t1 := t0.Add(26*time.Hour + 15*time.Minute)
	fmt.Println(t1.Format(time.RFC3339), t1.Sub(t0), t1.Weekday(), t1.YearDay())
	fmt.Println(t0.AddDate(0, 1, 1).Format("2006-01-02"), t1.After(t0), t0.Equal(t0.UTC()))

	hist := make(map[int]int)
	for i := 0; i < 1000; i++ {
		hist[int(r.NormFloat64()*2)]++
	}
	for k := -3; k <= 3; k++ {
		fmt.Print(k, ":", hist[k], " ")
	}
	fmt.Println()
	z := rand.NewZipf(rand.New(rand.NewPCG(7, 7)), 1.5, 1, 20)
	var zs []uint64
	for i := 0; i < 10; i++ {
		zs = append(zs, z.Uint64())
	}
	fmt.Println(zs, len(zs))
}
