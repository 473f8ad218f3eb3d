// bufio.Scanner over text: lines, words, a CSV reader and a simple parser.
package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
)

const config = `# settings
name = ratelab
threads = 4

debug = true
ratio = 0.75
bad line
`

func main() {
	settings := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(config))
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			fmt.Printf("line %d: no '=' in %q\n", lineNo, line)
			continue
		}
		settings[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	threads, _ := strconv.Atoi(settings["threads"])
	ratio, _ := strconv.ParseFloat(settings["ratio"], 64)
	fmt.Println(settings["name"], threads*2, ratio*4, settings["debug"])
	words := bufio.NewScanner(strings.NewReader("one two  three\nfour"))
	words.Split(bufio.ScanWords)
	n := 0
	for words.Scan() {
		n++
	}
	fmt.Println("words", n)
	r := csv.NewReader(strings.NewReader("id,name,score\n1,\"Smith, J\",9.5\n2,Lee,7\n"))
	records, err := r.ReadAll()
	fmt.Println(len(records), records[1][1], err)
	sum := 0.0
	for _, rec := range records[1:] {
		f, _ := strconv.ParseFloat(rec[2], 64)
		sum += f
	}
	fmt.Println(sum)
}
