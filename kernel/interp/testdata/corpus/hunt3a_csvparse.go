// Reading CSV from a string, parsing fields with strconv and collecting
// errors, then scanning a log with bufio.Scanner.
package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

const data = `name,age,score,active
alice,31,88.5,true
bob,x,72,false
"carol, jr",27,91.25,TRUE
dave,45,,true
erin,-3,1e2,yes
frank,300,65.5,0
`

type Row struct {
	Name   string
	Age    uint8
	Score  float64
	Active bool
}

type ParseError struct {
	Line  int
	Field string
	Err   error
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("line %d: %s: %v", e.Line, e.Field, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

func parseRow(line int, rec []string) (Row, error) {
	r := Row{Name: rec[0]}
	age, err := strconv.ParseUint(rec[1], 10, 8)
	if err != nil {
		return r, &ParseError{line, "age", err}
	}
	r.Age = uint8(age)
	if r.Score, err = strconv.ParseFloat(rec[2], 64); err != nil {
		return r, &ParseError{line, "score", err}
	}
	if r.Active, err = strconv.ParseBool(rec[3]); err != nil {
		return r, &ParseError{Line: line, Field: "active", Err: err}
	}
	return r, nil
}

func main() {
	rd := csv.NewReader(strings.NewReader(data))
	header, _ := rd.Read()
	fmt.Println("header:", strings.Join(header, "|"))
	var rows []Row
	var errs []error
	line := 1
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			break
		}
		line++
		if err != nil {
			errs = append(errs, err)
			continue
		}
		r, err := parseRow(line, rec)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		rows = append(rows, r)
	}
	for _, r := range rows {
		fmt.Printf("%+v\n", r)
	}
	for _, e := range errs {
		var pe *ParseError
		var ne *strconv.NumError
		fmt.Println(e, errors.As(e, &pe), errors.As(e, &ne), errors.Is(e, strconv.ErrSyntax), errors.Is(e, strconv.ErrRange))
		if ne != nil {
			fmt.Println("  ", ne.Func, strconv.Quote(ne.Num))
		}
	}

	logText := "INFO start\nWARN disk 91%\nINFO tick\nERROR boom\n\nWARN disk 95%\nINFO done"
	sc := bufio.NewScanner(strings.NewReader(logText))
	counts := map[string]int{}
	n := 0
	for sc.Scan() {
		n++
		lvl, msg, ok := strings.Cut(sc.Text(), " ")
		if !ok {
			continue
		}
		counts[lvl]++
		if lvl != "INFO" {
			fmt.Printf("%d %-5s %q\n", n, lvl, msg)
		}
	}
	fmt.Println(counts["INFO"], counts["WARN"], counts["ERROR"], n, sc.Err())
	ws := bufio.NewScanner(strings.NewReader("the quick  brown\tfox jumps"))
	ws.Split(bufio.ScanWords)
	var words []string
	for ws.Scan() {
		words = append(words, ws.Text())
	}
	fmt.Println(len(words), words, strconv.FormatFloat(1.0/3, 'e', 4, 64))
	h, err := strconv.ParseInt("-129", 10, 8)
	fmt.Println(h, err, strconv.FormatInt(-h, 2))
}
