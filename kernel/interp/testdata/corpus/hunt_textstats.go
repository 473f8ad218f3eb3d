// Text statistics a teacher might compute: word frequencies, top-k with ties, sentence lengths.
package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

type WordCount struct {
	Word  string
	Count int
}

func tokenize(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	})
}

func topK(counts map[string]int, k int) []WordCount {
	wcs := make([]WordCount, 0, len(counts))
	for w, c := range counts {
		wcs = append(wcs, WordCount{w, c})
	}
	sort.Slice(wcs, func(i, j int) bool {
		if wcs[i].Count != wcs[j].Count {
			return wcs[i].Count > wcs[j].Count
		}
		return wcs[i].Word < wcs[j].Word
	})
	if len(wcs) > k {
		wcs = wcs[:k]
	}
	return wcs
}

func main() {
	text := `It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness. It was the epoch of belief! Was it? It's the season of Light.`
	words := tokenize(text)
	counts := map[string]int{}
	longest := ""
	for _, w := range words {
		counts[w]++
		if len(w) > len(longest) || len(w) == len(longest) && w < longest {
			longest = w
		}
	}
	fmt.Println(len(words), len(counts), longest)
	for i, wc := range topK(counts, 5) {
		fmt.Printf("%d. %-6s %2d %5.1f%%\n", i+1, wc.Word, wc.Count, 100*float64(wc.Count)/float64(len(words)))
	}
	sentences := strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == '!' || r == '?' })
	var lens []int
	for _, s := range sentences {
		if n := len(tokenize(s)); n > 0 {
			lens = append(lens, n)
		}
	}
	fmt.Println(lens)
	byLen := map[int][]string{}
	for w := range counts {
		byLen[len(w)] = append(byLen[len(w)], w)
	}
	ls := make([]int, 0, len(byLen))
	for l := range byLen {
		ls = append(ls, l)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(ls)))
	for _, l := range ls[:3] {
		ws := byLen[l]
		sort.Strings(ws)
		fmt.Println(l, ws)
	}
	letters := [26]int{}
	for _, r := range strings.ToLower(text) {
		if r >= 'a' && r <= 'z' {
			letters[r-'a']++
		}
	}
	maxI := 0
	for i, c := range letters {
		if c > letters[maxI] {
			maxI = i
		}
	}
	fmt.Printf("%c %d\n", 'a'+maxI, letters[maxI])
}
