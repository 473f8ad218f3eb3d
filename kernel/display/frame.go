package display

import (
	"fmt"
	"html"
	"strings"

	"github.com/go-gota/gota/dataframe"
)

// Frames longer than maxRows show their first and last headRows rows.
const (
	maxRows  = 20
	headRows = 10
)

// frameHTML renders df as an escaped HTML table with a header of column names and
// types, eliding the middle of long frames, with a "N rows × M columns" note.
func frameHTML(df dataframe.DataFrame) string {
	if df.Err != nil {
		return "<pre>" + html.EscapeString("DataFrame error: "+df.Err.Error()) + "</pre>"
	}
	nrow, ncol := df.Dims()
	var b strings.Builder
	b.WriteString(`<table class="dataframe">` + "\n<thead>\n<tr><th></th>")
	for _, n := range df.Names() {
		fmt.Fprintf(&b, "<th>%s</th>", html.EscapeString(n))
	}
	b.WriteString("</tr>\n<tr><th></th>")
	for _, t := range df.Types() {
		fmt.Fprintf(&b, "<th><small>%s</small></th>", html.EscapeString(string(t)))
	}
	b.WriteString("</tr>\n</thead>\n<tbody>\n")
	row := func(i int) {
		fmt.Fprintf(&b, "<tr><th>%d</th>", i)
		for j := 0; j < ncol; j++ {
			fmt.Fprintf(&b, "<td>%s</td>", html.EscapeString(df.Elem(i, j).String()))
		}
		b.WriteString("</tr>\n")
	}
	if nrow <= maxRows {
		for i := 0; i < nrow; i++ {
			row(i)
		}
	} else {
		for i := 0; i < headRows; i++ {
			row(i)
		}
		b.WriteString("<tr><th>…</th>")
		for j := 0; j < ncol; j++ {
			b.WriteString("<td>…</td>")
		}
		b.WriteString("</tr>\n")
		for i := nrow - headRows; i < nrow; i++ {
			row(i)
		}
	}
	b.WriteString("</tbody>\n</table>\n")
	fmt.Fprintf(&b, "<p>%d rows × %d columns</p>\n", nrow, ncol)
	return b.String()
}
