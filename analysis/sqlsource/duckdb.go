//go:build !noduckdb

package sqlsource

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/ratelab/ratelab/analysis"
)

// duckDBDriver is the database/sql name duckdb-go registers.
const duckDBDriver = "duckdb"

func duckDBAvailable() error { return nil }

// duckDBReadOnly makes a DuckDB database file's DSN read-only: a Source never writes,
// and a read-only file can be opened by several processes at once.
func duckDBReadOnly(path string) (string, error) {
	if _, err := os.Stat(path); err != nil {
		return "", fmt.Errorf("sqlsource: DuckDB database: %w", err)
	}
	return path + "?access_mode=READ_ONLY", nil
}

func openDuckDBFiles(pattern string) (*Source, error) {
	db, err := sql.Open(duckDBDriver, "")
	if err != nil {
		return nil, fmt.Errorf("sqlsource: open duckdb: %w", err)
	}
	src, err := analysis.NewDuckDBFiles(db, pattern)
	if err != nil {
		db.Close()
		return nil, err
	}
	return &Source{src}, nil
}

// WriteParquet writes t's rows to Parquet through DuckDB: to the file path, or, with
// partitionBy, to a directory path of Hive partitions (path/channel=release/...)
// that Open("duckdb", path) reads back. Missing parent directories are created. NULLs are written as Row.Values gives them,
// timestamps as TIMESTAMP WITH TIME ZONE (UTC instants), measures as BIGINT.
func WriteParquet(t *analysis.Table, path string, partitionBy ...string) error {
	ctx := context.Background()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write parquet %s: %w", path, err)
	}
	db, err := sql.Open(duckDBDriver, "")
	if err != nil {
		return fmt.Errorf("write parquet %s: %w", path, err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("write parquet %s: %w", path, err)
	}
	defer conn.Close()
	names := analysis.ColumnNames()
	var defs []string
	for _, n := range names {
		defs = append(defs, quoteIdent(n)+" "+duckDBType(analysis.ColumnValue(n)))
	}
	if _, err := conn.ExecContext(ctx, "CREATE TABLE rows ("+strings.Join(defs, ", ")+")"); err != nil {
		return fmt.Errorf("write parquet %s: %w", path, err)
	}
	err = conn.Raw(func(dc any) error {
		a, err := duckdb.NewAppenderFromConn(dc.(driver.Conn), "", "rows")
		if err != nil {
			return err
		}
		vals := make([]driver.Value, len(names))
		for i := 0; i < t.Len(); i++ {
			for k, v := range t.Row(i).Values() {
				vals[k] = v
			}
			if err := a.AppendRow(vals...); err != nil {
				a.Close()
				return fmt.Errorf("row %d: %w", i, err)
			}
		}
		return a.Close()
	})
	if err != nil {
		return fmt.Errorf("write parquet %s: %w", path, err)
	}
	opts := "FORMAT parquet, COMPRESSION zstd"
	if len(partitionBy) > 0 {
		var cols []string
		for _, p := range partitionBy {
			if !slices.Contains(names, p) {
				return fmt.Errorf("write parquet %s: partition column %q is not in the schema", path, p)
			}
			cols = append(cols, quoteIdent(p))
		}
		opts += ", PARTITION_BY (" + strings.Join(cols, ", ") + "), OVERWRITE_OR_IGNORE true"
	}
	// COPY takes no parameters: the path is a string literal, quoted.
	if _, err := conn.ExecContext(ctx, "COPY rows TO "+quoteString(path)+" ("+opts+")"); err != nil {
		return fmt.Errorf("write parquet %s: %w", path, err)
	}
	return nil
}

func duckDBType(v any) string {
	switch v.(type) {
	case time.Time:
		return "TIMESTAMPTZ"
	case float64:
		return "DOUBLE"
	case int64:
		return "BIGINT"
	}
	return "VARCHAR"
}

func quoteIdent(s string) string  { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
func quoteString(s string) string { return `'` + strings.ReplaceAll(s, `'`, `''`) + `'` }
