// Package sqlsource opens analysis Sources on SQL engines, with their drivers built
// in: DuckDB embedded (Parquet or CSV files in place, or a DuckDB database file),
// ClickHouse (native protocol), PostgreSQL (pgx) and Trino. The Source computes
// grouped sums in the engine and returns the same Sums as the in-memory
// analysis.Table; everything built on Source (Rates, CompareReleases, funnel plots,
// alerts) works on it unchanged.
//
//	src, err := sqlsource.Open("duckdb", "/data/error_aggregates/**/*.parquet")
//	src, err := sqlsource.Open("clickhouse", "clickhouse://127.0.0.1:9000/telemetry")
//	src, err := sqlsource.OpenTable("postgres", "postgres://me@db/telemetry", "public.error_aggregates")
//	src, err := sqlsource.Open("trino", "https://me@trino.example:443?catalog=hive&schema=telemetry")
//	rt, err := analysis.Rates(src, analysis.Query{By: []string{"version", "platform"}})
//
// For BigQuery, or any engine through a database/sql driver of your own, use
// analysis.NewSQLSource with the engine's Dialect.
package sqlsource

import (
	"database/sql"
	"fmt"
	"strings"

	_ "github.com/ClickHouse/clickhouse-go/v2"   // registers "clickhouse"
	_ "github.com/jackc/pgx/v5/stdlib"           // registers "pgx"
	_ "github.com/trinodb/trino-go-client/trino" // registers "trino"

	"github.com/ratelab/ratelab/analysis"
)

// DefaultTable is the table Open reads on a database server: the schema's name.
const DefaultTable = "error_aggregates"

// Source is an analysis.SQLSource that owns its database connection.
type Source struct {
	*analysis.SQLSource
}

// Close closes the database connection.
func (s *Source) Close() error { return s.DB().Close() }

// Open opens a Source on an engine ("duckdb", "clickhouse", "postgres", "trino").
// For DuckDB, target is a file pattern read in place — Parquet ("x.parquet", a glob
// such as "dir/**/*.parquet", or a directory) or CSV (".csv", ".csv.gz") — or a
// DuckDB database file (".duckdb", ".db"), opened read-only, whose table
// error_aggregates is read. For the servers, target is the driver's DSN and the
// table read is error_aggregates.
//
// ClickHouse is reached through its native protocol (clickhouse://host:9000/db),
// which works with servers as old as Debian's 18.16; clickhouse-go's HTTP transport
// asks for settings such old servers do not know.
func Open(engine, target string) (*Source, error) {
	if engine == "duckdb" && !isDuckDBDatabase(target) {
		return openDuckDBFiles(target)
	}
	return OpenTable(engine, target, DefaultTable)
}

// OpenTable opens a Source on a table of a database: a DuckDB database file, or a
// server's DSN. Dotted names ("schema.table") are split and each part quoted.
func OpenTable(engine, dsn, table string) (*Source, error) {
	dialect, driver, err := engineDriver(engine)
	if err != nil {
		return nil, err
	}
	if dialect == analysis.DuckDB {
		dsn, err = duckDBReadOnly(dsn)
		if err != nil {
			return nil, err
		}
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlsource: open %s: %w", engine, err)
	}
	src, err := analysis.NewSQLSource(db, dialect, table)
	if err != nil {
		db.Close()
		return nil, err
	}
	return &Source{src}, nil
}

// Engines lists the engines Open accepts.
func Engines() []string { return []string{"duckdb", "clickhouse", "postgres", "trino"} }

func engineDriver(engine string) (analysis.Dialect, string, error) {
	switch strings.ToLower(engine) {
	case "duckdb":
		return analysis.DuckDB, duckDBDriver, duckDBAvailable()
	case "clickhouse":
		return analysis.ClickHouse, "clickhouse", nil
	case "postgres", "postgresql", "pgx":
		return analysis.PostgreSQL, "pgx", nil
	case "trino":
		return analysis.Trino, "trino", nil
	case "bigquery":
		return "", "", fmt.Errorf("sqlsource: no BigQuery driver is built in: pass a database/sql driver's *sql.DB to analysis.NewSQLSource(db, analysis.BigQuery, \"project.dataset.table\"), or run the statement analysis.SQLSource.SQL shows")
	}
	return "", "", fmt.Errorf("sqlsource: unknown engine %q (want one of %s)", engine, strings.Join(Engines(), ", "))
}

func isDuckDBDatabase(target string) bool {
	t := strings.ToLower(target)
	return strings.HasSuffix(t, ".duckdb") || strings.HasSuffix(t, ".ddb") || strings.HasSuffix(t, ".db")
}
