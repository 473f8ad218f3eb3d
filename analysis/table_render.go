package analysis

import (
	"fmt"
	"html"
	"strings"
	"time"
)

// maxShownRows caps the rows an HTML or Markdown rendering shows; DataFrame has all.
const maxShownRows = 200

// grid is a small text table rendered as HTML or Markdown for notebooks.
type grid struct {
	caption string
	header  []string
	rows    [][]string
	muted   []bool // rows drawn muted (low exposure, invalid), with a marker
	note    string // shown under the table
}

func (g *grid) add(muted bool, cells ...string) {
	g.rows = append(g.rows, cells)
	g.muted = append(g.muted, muted)
}

func (g *grid) shown() (int, string) {
	n := len(g.rows)
	if n <= maxShownRows {
		return n, g.note
	}
	more := fmt.Sprintf("… %d more rows not shown (DataFrame() has all).", n-maxShownRows)
	if g.note != "" {
		more = g.note + " " + more
	}
	return maxShownRows, more
}

// HTML renders the grid; muted rows are grey and italic.
func (g *grid) HTML() string {
	var b strings.Builder
	b.WriteString("<table>\n")
	if g.caption != "" {
		fmt.Fprintf(&b, "<caption style=\"text-align:left\">%s</caption>\n", html.EscapeString(g.caption))
	}
	b.WriteString("<thead><tr>")
	for _, h := range g.header {
		fmt.Fprintf(&b, "<th>%s</th>", html.EscapeString(h))
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	n, note := g.shown()
	for i, r := range g.rows[:n] {
		if g.muted[i] {
			b.WriteString("<tr style=\"color:#888;font-style:italic\">")
		} else {
			b.WriteString("<tr>")
		}
		for _, c := range r {
			fmt.Fprintf(&b, "<td>%s</td>", html.EscapeString(c))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
	if note != "" {
		fmt.Fprintf(&b, "<p><small>%s</small></p>\n", html.EscapeString(note))
	}
	return b.String()
}

// Markdown renders the grid as a pipe table; muted rows are in italics.
func (g *grid) Markdown() string {
	var b strings.Builder
	if g.caption != "" {
		fmt.Fprintf(&b, "**%s**\n\n", mdEscape(g.caption))
	}
	b.WriteString("|")
	for _, h := range g.header {
		fmt.Fprintf(&b, " %s |", mdEscape(h))
	}
	b.WriteString("\n|")
	for range g.header {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	n, note := g.shown()
	for i, r := range g.rows[:n] {
		b.WriteString("|")
		for _, c := range r {
			if g.muted[i] && c != "" {
				c = "*" + c + "*"
			}
			fmt.Fprintf(&b, " %s |", mdEscape(c))
		}
		b.WriteString("\n")
	}
	if note != "" {
		fmt.Fprintf(&b, "\n%s\n", mdEscape(note))
	}
	return b.String()
}

// String renders the grid as aligned plain text.
func (g *grid) String() string {
	n, note := g.shown()
	width := make([]int, len(g.header))
	all := append([][]string{g.header}, g.rows[:n]...)
	for _, r := range all {
		for j, c := range r {
			width[j] = max(width[j], len([]rune(c)))
		}
	}
	var b strings.Builder
	if g.caption != "" {
		b.WriteString(g.caption + "\n")
	}
	for _, r := range all {
		var line strings.Builder
		for j, c := range r {
			if j > 0 {
				line.WriteString("  ")
			}
			fmt.Fprintf(&line, "%-*s", width[j], c)
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
	if note != "" {
		b.WriteString(note + "\n")
	}
	return b.String()
}

// headRows is the number of rows a Table shows of itself.
const headRows = 10

func (t *Table) grid() *grid {
	var cols []column
	for c := column(0); c < numColumns; c++ {
		if t.present[c] {
			cols = append(cols, c)
		}
	}
	g := &grid{caption: fmt.Sprintf("%s: %d rows × %d columns", t.name, t.n, len(cols))}
	for _, c := range cols {
		g.header = append(g.header, c.String())
	}
	for i := 0; i < min(headRows, t.n); i++ {
		r := t.Row(i)
		var cells []string
		for _, c := range cols {
			switch {
			case c == colWindowStart:
				cells = append(cells, fmtTime(r.WindowStart))
			case c == colWindowEnd:
				cells = append(cells, fmtTime(r.WindowEnd))
			case c.isStr():
				cells = append(cells, *r.strPtrs()[c-firstStr])
			case c == colUsageHours:
				cells = append(cells, fmtNum(r.UsageHours))
			default:
				cells = append(cells, fmt.Sprint(*r.intPtrs()[c-firstInt]))
			}
		}
		g.add(false, cells...)
	}
	if t.n > headRows {
		g.note = fmt.Sprintf("… %d more rows. Query it (Sums, Rates) rather than print it.", t.n-headRows)
	}
	return g
}

func fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// HTML shows the table's size and first rows, for a notebook.
func (t *Table) HTML() string { return t.grid().HTML() }

// Markdown shows the table's size and first rows.
func (t *Table) Markdown() string { return t.grid().Markdown() }

// String shows the table's size and first rows.
func (t *Table) String() string { return t.grid().String() }
