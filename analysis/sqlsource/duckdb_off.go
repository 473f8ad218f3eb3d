//go:build noduckdb

package sqlsource

import (
	"errors"

	"github.com/ratelab/ratelab/analysis"
)

// errNoDuckDB is what DuckDB's functions answer in a build without it.
var errNoDuckDB = errors.New("sqlsource: this ratelab was built with -tags noduckdb: DuckDB is not in it (build without the tag to read Parquet and CSV files in place)")

const duckDBDriver = "duckdb"

func duckDBAvailable() error                  { return errNoDuckDB }
func duckDBReadOnly(string) (string, error)   { return "", errNoDuckDB }
func openDuckDBFiles(string) (*Source, error) { return nil, errNoDuckDB }

// WriteParquet needs DuckDB, which this build leaves out.
func WriteParquet(*analysis.Table, string, ...string) error { return errNoDuckDB }
