package sqlsource_test

import (
	"encoding/json"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ratelab/ratelab/analysis"
	"github.com/ratelab/ratelab/analysis/sqlsource"
)

// coordinator answers Trino's client protocol (POST /v1/statement, then GET nextUri
// pages) for the two statements a Source sends: the column read, and one GROUP BY,
// whose answer it gives in two pages. It records the statements it receives.
type coordinator struct {
	columns  [][2]string // the table's: name, Trino type
	answer   [][2]string // the GROUP BY's columns
	rows     [][]any     // the GROUP BY's answer
	mu       sync.Mutex
	got      []string // statements received
	prepared []string // X-Trino-Prepared-Statement of each
	users    []string // X-Trino-User of each
}

func (c *coordinator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	base := "http://" + r.Host
	var resp map[string]any
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/v1/statement":
		// A real coordinator queues the statement: columns come with a later page.
		body, _ := io.ReadAll(r.Body)
		c.mu.Lock()
		c.got = append(c.got, string(body))
		c.users = append(c.users, r.Header.Get("X-Trino-User"))
		c.prepared = append(c.prepared, r.Header.Get("X-Trino-Prepared-Statement"))
		c.mu.Unlock()
		next := "/v1/statement/executing/columns"
		if !strings.HasPrefix(string(body), "SELECT * FROM") {
			next = "/v1/statement/executing/rows/1"
		}
		resp = map[string]any{"id": "q", "stats": map[string]any{"state": "QUEUED"}, "nextUri": base + next}
	case r.URL.Path == "/v1/statement/executing/columns":
		resp = c.page(c.columns, nil, "")
	case r.URL.Path == "/v1/statement/executing/rows/1":
		resp = c.page(c.answer, c.rows[:len(c.rows)/2], base+"/v1/statement/executing/rows/2")
	case r.URL.Path == "/v1/statement/executing/rows/2":
		resp = c.page(c.answer, c.rows[len(c.rows)/2:], "")
	default:
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(resp)
}

var typeParams = regexp.MustCompile(`\(\d+(, *\d+)*\)`)

// page is one response carrying columns and rows; the last has no nextUri.
func (c *coordinator) page(columns [][2]string, rows [][]any, next string) map[string]any {
	var cols []map[string]any
	for _, col := range columns {
		// Trino's rawType drops the parameters: "timestamp(6) with time zone" is
		// "timestamp with time zone".
		raw := typeParams.ReplaceAllString(col[1], "")
		cols = append(cols, map[string]any{"name": col[0], "type": col[1],
			"typeSignature": map[string]any{"rawType": raw, "arguments": []any{}}})
	}
	p := map[string]any{"id": "q", "columns": cols, "data": rows, "stats": map[string]any{"state": "FINISHED"}}
	if next != "" {
		p["nextUri"], p["stats"] = next, map[string]any{"state": "RUNNING"}
	}
	return p
}

// TestTrinoThroughItsClient opens a Source from a Trino DSN alone and checks what
// travels: the statement is the Trino dialect's, its parameters are bound by
// trino-go-client (a prepared statement, EXECUTE ... USING literals, quotes doubled),
// and the paged
// answer is decoded, merged (Windows_NT and Windows are one platform) and ordered.
func TestTrinoThroughItsClient(t *testing.T) {
	c := &coordinator{}
	for _, n := range analysis.ColumnNames() {
		typ := "varchar"
		switch analysis.ColumnValue(n).(type) {
		case time.Time:
			typ = "timestamp(6)"
		case float64:
			typ = "double"
		case int64:
			typ = "bigint"
		}
		c.columns = append(c.columns, [2]string{n, typ})
	}
	srv := httptest.NewServer(c)
	defer srv.Close()
	src, err := sqlsource.OpenTable("trino", strings.Replace(srv.URL, "http://", "http://analyst@", 1)+"?catalog=hive&schema=telemetry", "telemetry.error_aggregates")
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if src.Dialect() != analysis.Trino || len(src.Columns()) != len(analysis.ColumnNames()) {
		t.Fatalf("dialect %s, columns %v", src.Dialect(), src.Columns())
	}

	q := analysis.Query{By: []string{"platform"}, From: time.Date(2018, 1, 30, 14, 0, 0, 0, time.UTC),
		Where: map[string][]string{"country": {"US", `x' OR '1'='1`}}, Measures: []string{"main_crashes"}}
	// The answer to GROUP BY os_name: os_name, COUNT(*), COUNT(usage_hours),
	// SUM(usage_hours), SUM(main_crashes).
	c.answer = [][2]string{{"os_name", "varchar"}, {"_col1", "bigint"}, {"_col2", "bigint"}, {"_col3", "double"}, {"_col4", "bigint"}}
	c.rows = [][]any{{"Windows_NT", 10, 10, 1000.5, 7}, {"Linux", 2, 1, 50.25, 1}, {"Windows", 3, 3, 20, 2}, {nil, 1, 1, 1.5, 0}}
	s, err := src.Sums(q)
	if err != nil {
		t.Fatal(err)
	}

	text, args, err := src.SQL(q)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.got) != 2 {
		t.Fatalf("the coordinator received %d statements, want 2: %q", len(c.got), c.got)
	}
	if want := `SELECT * FROM "telemetry"."error_aggregates" LIMIT 0`; c.got[0] != want {
		t.Errorf("column read: %q, want %q", c.got[0], want)
	}
	// trino-go-client prepares the statement (sent URL-encoded in a header) and
	// executes it with the parameters as literals.
	if want := "_trino_go=" + url.QueryEscape(text); c.prepared[1] != want {
		t.Errorf("prepared statement:\n%s\nwant\n%s", c.prepared[1], want)
	}
	if len(args) != 4 {
		t.Errorf("parameters %v, want 4", args)
	}
	if want := `EXECUTE _trino_go USING '2018-01-30 14:00:00.000000', 'US', 'x'' OR ''1''=''1', ''`; c.got[1] != want {
		t.Errorf("statement sent:\n%s\nwant\n%s", c.got[1], want)
	}
	if c.users[1] != "analyst" {
		t.Errorf("X-Trino-User %q, want the DSN's analyst", c.users[1])
	}
	wantKeys := []string{"", "Linux", "Windows"}
	if s.Len() != 3 {
		t.Fatalf("%d groups, want %v", s.Len(), wantKeys)
	}
	for g, k := range wantKeys {
		if s.Keys[0][g] != k {
			t.Errorf("group %d: %q, want %q", g, s.Keys[0][g], k)
		}
	}
	if w := s.Find("Windows"); s.Rows[w] != 13 || s.UsageHours[w] != 1020.5 || s.Measures["main_crashes"][w] != 9 {
		t.Errorf("Windows: rows %d, usage %v, main crashes %d; want 13, 1020.5, 9", s.Rows[w], s.UsageHours[w], s.Measures["main_crashes"][w])
	}
	if l := s.Find("Linux"); !math.IsNaN(s.UsageHours[l]) {
		t.Errorf("Linux: usage %v with a row of NULL usage, want NaN", s.UsageHours[l])
	}
}
