package analysis

import (
	"context"
	"database/sql"
	"fmt"
	"html"
	"strings"
	"time"
)

// SQLSource is a Source whose sums a SQL engine computes where the data lives: each
// Query becomes one GROUP BY in the engine's dialect, and only the groups come back.
// It gives the same Sums as the in-memory Table — the same groups in the same order,
// the same integer sums, the same experiment rule — with usage hours summed by the
// engine (equal to the Table's to rounding, ~1e-15 relative; an engine's parallel
// sums are not taken in a fixed order).
//
// The SQL groups by stored columns only. Derived dimensions ("major", "platform") and
// time dimensions are computed in Go from the stored values, with the Table's own
// code, and groups that meet are merged; a filter on them keeps the stored column as a
// key and applies afterwards. Time travels as integer microseconds since the Unix
// epoch, so Query.Grain must be a whole number of microseconds.
//
// Dimension and measure names are checked against the schema and quoted; every value
// from a Query is a bound parameter. The source's columns are matched by name
// (case-insensitive) when it is made; absent ones read as the Table reads them: NULL
// dimensions, zero measures.
type SQLSource struct {
	db       *sql.DB
	dialect  Dialect
	sq       sqlDialect
	from     string // FROM clause: a quoted table, or a table function with parameters
	fromArgs []any
	name     string // what it reads, for messages
	cols     [numColumns]sqlColumn
	extra    []string // columns outside the schema, ignored
}

// sqlColumn is one schema column as the source has it.
type sqlColumn struct {
	present bool
	name    string // as the source spells it
	typ     string // database type name
	kind    sqlKind
}

// NewSQLSource returns a Source over table (dotted names such as "dataset.table" are
// split and each part quoted) read through db, which speaks dialect. It reads the
// table's columns once, to match them to the schema.
func NewSQLSource(db *sql.DB, dialect Dialect, table string) (*SQLSource, error) {
	sq, err := dialectOf(dialect)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(table) == "" {
		return nil, fmt.Errorf("SQL source: empty table name")
	}
	parts := strings.Split(table, ".")
	for i, p := range parts {
		if p == "" {
			return nil, fmt.Errorf("SQL source: table name %q has an empty part", table)
		}
		parts[i] = sq.quote(p)
	}
	return newSQLSource(db, dialect, strings.Join(parts, "."), nil, table)
}

// NewDuckDBFiles returns a Source over files that DuckDB reads in place, through db
// (a DuckDB database, "duckdb" driver): Parquet (a file, a glob such as
// "dir/**/*.parquet", or a directory of Parquet files) or CSV (".csv", ".csv.gz",
// ".tsv"). Hive partitions (dir/channel=release/...) become columns, kept as strings;
// files that differ in columns are read by name.
func NewDuckDBFiles(db *sql.DB, pattern string) (*SQLSource, error) {
	if strings.TrimSpace(pattern) == "" {
		return nil, fmt.Errorf("DuckDB files: empty pattern")
	}
	lower := strings.ToLower(pattern)
	switch {
	case strings.HasSuffix(lower, ".csv"), strings.HasSuffix(lower, ".csv.gz"), strings.HasSuffix(lower, ".tsv"),
		strings.HasSuffix(lower, ".tsv.gz"):
		return newDuckDBCSV(db, pattern)
	case !strings.ContainsAny(pattern, "*?[") && !strings.HasSuffix(lower, ".parquet"):
		pattern = strings.TrimSuffix(pattern, "/") + "/**/*.parquet" // a directory
	}
	return newSQLSource(db, DuckDB,
		"read_parquet($1, hive_partitioning = true, hive_types_autocast = false, union_by_name = true)",
		[]any{pattern}, pattern)
}

// newDuckDBCSV reads CSV files with the schema's types forced on the columns it
// knows: DuckDB's type sniffing would read os_version "10.0" as a number and print
// "6.10" back as "6.1".
func newDuckDBCSV(db *sql.DB, pattern string) (*SQLSource, error) {
	const opts = "header = true, quote = '\"', escape = '\"', hive_partitioning = true, hive_types_autocast = false, union_by_name = true"
	header, err := columnTypes(db, "read_csv($1, "+opts+", all_varchar = true)", []any{pattern}, pattern)
	if err != nil {
		return nil, err
	}
	var types []string
	for _, ct := range header {
		c, ok := columnByName(ct.Name())
		if !ok {
			continue
		}
		t := "VARCHAR"
		switch {
		case c.isTime():
			t = "TIMESTAMPTZ"
		case c == colUsageHours:
			t = "DOUBLE"
		case c.isInt():
			t = "BIGINT"
		}
		// The file's own spelling of a schema name, quoted as a string literal.
		types = append(types, "'"+strings.ReplaceAll(ct.Name(), "'", "''")+"': '"+t+"'")
	}
	return newSQLSource(db, DuckDB, "read_csv($1, "+opts+", types = {"+strings.Join(types, ", ")+"})",
		[]any{pattern}, pattern)
}

func newSQLSource(db *sql.DB, dialect Dialect, from string, fromArgs []any, name string) (*SQLSource, error) {
	sq, err := dialectOf(dialect)
	if err != nil {
		return nil, err
	}
	s := &SQLSource{db: db, dialect: dialect, sq: sq, from: from, fromArgs: fromArgs, name: name}
	types, err := columnTypes(db, from, fromArgs, name)
	if err != nil {
		return nil, err
	}
	for _, ct := range types {
		c, ok := columnByName(ct.Name())
		if !ok {
			s.extra = append(s.extra, ct.Name())
			continue
		}
		if s.cols[c].present {
			return nil, fmt.Errorf("SQL source %s: columns %q and %q both name %s", name, s.cols[c].name, ct.Name(), c)
		}
		sc := sqlColumn{present: true, name: ct.Name(), typ: ct.DatabaseTypeName(), kind: kindOfType(ct.DatabaseTypeName())}
		switch {
		case c.isTime() && sc.kind != kindTime:
			return nil, fmt.Errorf("SQL source %s: column %q is %s, want a timestamp", name, sc.name, sc.typ)
		case !c.isStr() && !c.isTime() && sc.kind != kindNumber:
			return nil, fmt.Errorf("SQL source %s: column %q is %s, want a number", name, sc.name, sc.typ)
		}
		s.cols[c] = sc
	}
	if len(s.Columns()) == 0 {
		return nil, fmt.Errorf("SQL source %s: none of its columns %q is an error_aggregates column (%s)", name, s.extra, strings.Join(ColumnNames(), ", "))
	}
	return s, nil
}

// columnTypes reads the columns of a FROM clause.
func columnTypes(db *sql.DB, from string, fromArgs []any, name string) ([]*sql.ColumnType, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	rows, err := db.QueryContext(ctx, "SELECT * FROM "+from+" LIMIT 0", fromArgs...)
	if err != nil {
		return nil, fmt.Errorf("SQL source %s: reading its columns: %w", name, err)
	}
	defer rows.Close()
	types, err := rows.ColumnTypes()
	if err != nil {
		return nil, fmt.Errorf("SQL source %s: reading its columns: %w", name, err)
	}
	return types, rows.Err()
}

// Dialect returns the dialect the source writes.
func (s *SQLSource) Dialect() Dialect { return s.dialect }

// DB returns the database the source reads.
func (s *SQLSource) DB() *sql.DB { return s.db }

// Sums implements Source: one GROUP BY in the engine.
func (s *SQLSource) Sums(q Query) (*Sums, error) { return s.SumsContext(context.Background(), q) }

// SumsContext is Sums, with a context that can cancel the engine's query.
func (s *SQLSource) SumsContext(ctx context.Context, q Query) (*Sums, error) {
	p, err := s.plan(q)
	if err != nil {
		return nil, err
	}
	if p.empty {
		return p.output(q, nil), nil
	}
	rows, err := s.db.QueryContext(ctx, p.text, p.args...)
	if err != nil {
		return nil, fmt.Errorf("SQL source %s: %w\n%s", s.name, err, p.text)
	}
	defer rows.Close()
	var raw []sqlRow
	for rows.Next() {
		r, err := p.scan(rows)
		if err != nil {
			return nil, fmt.Errorf("SQL source %s: reading a group: %w", s.name, err)
		}
		raw = append(raw, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("SQL source %s: %w", s.name, err)
	}
	return p.output(q, raw), nil
}

// SQL returns the statement and the parameters that Sums(q) sends.
func (s *SQLSource) SQL(q Query) (string, []any, error) {
	p, err := s.plan(q)
	if err != nil {
		return "", nil, err
	}
	return p.text, p.args, nil
}

// Columns lists the schema columns the source has, as it spells them.
func (s *SQLSource) Columns() []string {
	var names []string
	for _, c := range s.cols {
		if c.present {
			names = append(names, c.name)
		}
	}
	return names
}

// String describes the source: engine, what it reads, the schema columns it lacks and
// the columns it ignores.
func (s *SQLSource) String() string {
	var missing []string
	for c, sc := range s.cols {
		if !sc.present {
			missing = append(missing, column(c).String())
		}
	}
	out := fmt.Sprintf("%s source %s: %d schema columns", s.dialect, s.name, len(s.Columns()))
	if len(missing) > 0 {
		out += "; absent (read as NULL or 0): " + strings.Join(missing, ", ")
	}
	if len(s.extra) > 0 {
		out += "; ignored: " + strings.Join(s.extra, ", ")
	}
	return out
}

// HTML describes the source for a notebook.
func (s *SQLSource) HTML() string { return "<p><code>" + html.EscapeString(s.String()) + "</code></p>" }
