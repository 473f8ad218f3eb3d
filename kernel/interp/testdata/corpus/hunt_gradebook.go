// A teacher's gradebook: weighted averages, letter grades, ranking and a class report.
package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

type Student struct {
	Name   string
	Scores map[string]float64
}

var weights = map[string]float64{"hw": 0.3, "mid": 0.3, "final": 0.4}

func (s Student) Weighted() float64 {
	total := 0.0
	for k, w := range weights {
		total += s.Scores[k] * w
	}
	return math.Round(total*100) / 100
}

func letter(x float64) string {
	switch {
	case x >= 90:
		return "A"
	case x >= 80:
		return "B"
	case x >= 70:
		return "C"
	case x >= 60:
		return "D"
	default:
		return "F"
	}
}

type ranked struct {
	name  string
	score float64
	rank  int
}

func rank(students []Student) []ranked {
	rs := make([]ranked, len(students))
	for i, s := range students {
		rs[i] = ranked{name: s.Name, score: s.Weighted()}
	}
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].score != rs[j].score {
			return rs[i].score > rs[j].score
		}
		return rs[i].name < rs[j].name
	})
	for i := range rs {
		rs[i].rank = i + 1
		if i > 0 && rs[i].score == rs[i-1].score {
			rs[i].rank = rs[i-1].rank
		}
	}
	return rs
}

func main() {
	students := []Student{
		{"Ana", map[string]float64{"hw": 95, "mid": 88, "final": 91}},
		{"Ben", map[string]float64{"hw": 72, "mid": 65, "final": 80}},
		{"Cai", map[string]float64{"hw": 85, "mid": 90}},
		{"Dov", map[string]float64{"hw": 88, "mid": 78, "final": 83.5}},
		{"Eli", map[string]float64{"hw": 72, "mid": 65, "final": 80}},
	}
	dist := map[string]int{}
	sum := 0.0
	for _, s := range students {
		w := s.Weighted()
		sum += w
		dist[letter(w)]++
	}
	fmt.Printf("class average: %.2f\n", sum/float64(len(students)))
	for _, r := range rank(students) {
		fmt.Printf("%d. %-4s %6.2f %s\n", r.rank, r.name, r.score, letter(r.score))
	}
	for _, l := range []string{"A", "B", "C", "D", "F"} {
		fmt.Printf("%s %-5s %d\n", l, strings.Repeat("*", dist[l]), dist[l])
	}
	best := students[0]
	for _, s := range students[1:] {
		if s.Weighted() > best.Weighted() {
			best = s
		}
	}
	best.Scores["bonus"] = 5
	fmt.Println(best.Name, len(students[0].Scores))
	curved := make([]float64, 0, len(students))
	for _, s := range students {
		curved = append(curved, math.Min(100, s.Weighted()*1.05))
	}
	fmt.Printf("%.2f\n", curved)
}
