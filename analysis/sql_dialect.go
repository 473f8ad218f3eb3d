package analysis

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Dialect names the SQL a SQLSource writes.
type Dialect string

// The dialects SQLSource speaks. DuckDB, ClickHouse and PostgreSQL are checked against
// the real engines; Trino and BigQuery by the SQL they are given (golden files).
const (
	DuckDB     Dialect = "duckdb"
	ClickHouse Dialect = "clickhouse"
	PostgreSQL Dialect = "postgres"
	Trino      Dialect = "trino"
	BigQuery   Dialect = "bigquery"
)

// Dialects lists the dialects SQLSource speaks.
func Dialects() []Dialect { return []Dialect{DuckDB, ClickHouse, PostgreSQL, Trino, BigQuery} }

// sqlDialect is what differs between engines in the one GROUP BY a SQLSource sends.
// Every expression that reaches Go is an integer, a float or a string: times travel
// as microseconds since the Unix epoch, so no driver's time zone handling is involved.
type sqlDialect interface {
	// quote quotes one identifier.
	quote(name string) string
	// placeholder is the n-th (1-based) bound parameter.
	placeholder(n int) string
	// micros is the time column col (database type typ) as int64 microseconds since
	// the Unix epoch, UTC.
	micros(col, typ string) string
	// bucket is col truncated to a multiple of grain since the epoch, as micros.
	bucket(col, typ string, grain time.Duration) string
	// timeValue is an expression of the column's own type for the earliest instant
	// the column can hold at or after t, its parts bound through bind: compared with
	// the bare column, it lets the engine prune partitions and row groups by time.
	timeValue(typ string, t time.Time, bind func(any) string) string
	// text is col (of a non-string type) cast to the engine's string type.
	text(col string) string
	// count counts the rows where col is not NULL ("*": all rows); sumInt and
	// sumFloat sum to int64 and float64.
	count(col string) string
	sumInt(col string) string
	sumFloat(col string) string
}

func dialectOf(d Dialect) (sqlDialect, error) {
	switch d {
	case DuckDB:
		return duckDialect{}, nil
	case ClickHouse:
		return clickHouseDialect{}, nil
	case PostgreSQL:
		return postgresDialect{}, nil
	case Trino:
		return trinoDialect{}, nil
	case BigQuery:
		return bigQueryDialect{}, nil
	}
	return nil, fmt.Errorf("unknown SQL dialect %q (want one of %v)", string(d), Dialects())
}

// quoteDouble quotes an identifier the SQL standard's way: "a""b".
func quoteDouble(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// floorMod is the bucket start e − ((e % g) + g) % g of integer microseconds e: the
// floor, also before the epoch, in engines whose % truncates toward zero (all here).
func floorMod(e string, g int64) string {
	gs := strconv.FormatInt(g, 10)
	return fmt.Sprintf("(%s - ((%s %% %s) + %s) %% %s)", e, e, gs, gs, gs)
}

// ceilTo is t in whole units since the epoch, rounded up: rows holding whole units,
// a row is at or after t exactly when it is at or after ceilTo(t).
func ceilTo(t time.Time, unit time.Duration) int64 {
	n := t.UnixNano()
	q := n / int64(unit)
	if n%int64(unit) > 0 {
		q++
	}
	return q
}

// hasTimeZone reports a timestamp type that holds instants (TIMESTAMPTZ, timestamp
// with time zone) rather than wall times.
func hasTimeZone(typ string) bool {
	t := strings.ToLower(typ)
	return strings.Contains(t, "timestamptz") || strings.Contains(t, "with time zone")
}

// grainMicros is the grain in whole microseconds, the resolution of every engine's
// timestamps (Query.Grain is checked before a dialect sees it).
func grainMicros(g time.Duration) int64 { return int64(g / time.Microsecond) }

// truncUnit names the calendar unit a grain equals, if any ("" otherwise).
func truncUnit(g time.Duration) string {
	switch g {
	case time.Second:
		return "second"
	case time.Minute:
		return "minute"
	case time.Hour:
		return "hour"
	case 24 * time.Hour:
		return "day"
	}
	return ""
}

// DuckDB: epoch_us of a TIMESTAMP reads it as UTC, of a TIMESTAMPTZ as the instant;
// SUM of BIGINT is a HUGEINT, cast back (an overflow is an error, not a wrap).
type duckDialect struct{}

func (duckDialect) quote(name string) string { return quoteDouble(name) }
func (duckDialect) placeholder(n int) string { return "$" + strconv.Itoa(n) }
func (duckDialect) micros(col, _ string) string {
	return "epoch_us(" + col + ")"
}
func (d duckDialect) bucket(col, typ string, g time.Duration) string {
	return floorMod(d.micros(col, typ), grainMicros(g))
}
func (duckDialect) timeValue(typ string, t time.Time, bind func(any) string) string {
	if hasTimeZone(typ) {
		return "make_timestamptz(" + bind(ceilTo(t, time.Microsecond)) + ")"
	}
	return "make_timestamp(" + bind(ceilTo(t, time.Microsecond)) + ")"
}
func (duckDialect) text(col string) string     { return "CAST(" + col + " AS VARCHAR)" }
func (duckDialect) count(col string) string    { return "COUNT(" + col + ")" }
func (duckDialect) sumInt(col string) string   { return "CAST(SUM(" + col + ") AS BIGINT)" }
func (duckDialect) sumFloat(col string) string { return "CAST(SUM(" + col + ") AS DOUBLE)" }

// PostgreSQL: EXTRACT(EPOCH ...) is numeric (exact) since version 14 and reads a
// timestamp without time zone as UTC; SUM of bigint is numeric, cast back.
type postgresDialect struct{}

func (postgresDialect) quote(name string) string { return quoteDouble(name) }
func (postgresDialect) placeholder(n int) string { return "$" + strconv.Itoa(n) }
func (postgresDialect) micros(col, _ string) string {
	return "CAST(EXTRACT(EPOCH FROM " + col + ") * 1000000 AS BIGINT)"
}
func (d postgresDialect) bucket(col, typ string, g time.Duration) string {
	return floorMod(d.micros(col, typ), grainMicros(g))
}
func (postgresDialect) timeValue(typ string, t time.Time, bind func(any) string) string {
	epoch := "TIMESTAMP '1970-01-01 00:00:00'"
	if hasTimeZone(typ) {
		epoch = "TIMESTAMPTZ '1970-01-01 00:00:00+00'"
	}
	return "(" + epoch + " + CAST(" + bind(ceilTo(t, time.Microsecond)) + " AS BIGINT) * INTERVAL '1 microsecond')"
}
func (postgresDialect) text(col string) string   { return "CAST(" + col + " AS TEXT)" }
func (postgresDialect) count(col string) string  { return "COUNT(" + col + ")" }
func (postgresDialect) sumInt(col string) string { return "CAST(SUM(" + col + ") AS BIGINT)" }
func (postgresDialect) sumFloat(col string) string {
	return "CAST(SUM(" + col + ") AS DOUBLE PRECISION)"
}

// ClickHouse: identifiers in backquotes with backslash escapes; a DateTime is whole
// seconds (toUInt32 is its Unix time, and monotonic, so the primary key still prunes
// a time range), a DateTime64 has toUnixTimestamp64Micro (servers from 20.1 on).
// count() and sums of unsigned columns are unsigned: cast to Int64.
type clickHouseDialect struct{}

func (clickHouseDialect) quote(name string) string {
	return "`" + strings.NewReplacer(`\`, `\\`, "`", "\\`").Replace(name) + "`"
}
func (clickHouseDialect) placeholder(int) string { return "?" }
func (clickHouseDialect) micros(col, typ string) string {
	if strings.Contains(strings.ToLower(typ), "datetime64") {
		return "toUnixTimestamp64Micro(" + col + ")"
	}
	return "(toInt64(toUInt32(" + col + ")) * 1000000)"
}
func (d clickHouseDialect) bucket(col, typ string, g time.Duration) string {
	return floorMod(d.micros(col, typ), grainMicros(g))
}
func (clickHouseDialect) timeValue(typ string, t time.Time, bind func(any) string) string {
	if strings.Contains(strings.ToLower(typ), "datetime64") {
		return "fromUnixTimestamp64Micro(toInt64(" + bind(ceilTo(t, time.Microsecond)) + "))"
	}
	return "toDateTime(" + bind(ceilTo(t, time.Second)) + ")"
}
func (clickHouseDialect) text(col string) string { return "toString(" + col + ")" }
func (clickHouseDialect) count(col string) string {
	if col == "*" {
		col = ""
	}
	return "toInt64(count(" + col + "))"
}
func (clickHouseDialect) sumInt(col string) string   { return "toInt64(sum(" + col + "))" }
func (clickHouseDialect) sumFloat(col string) string { return "toFloat64(sum(" + col + "))" }

// Trino: to_unixtime reads a timestamp without time zone in the session's zone, so a
// naive timestamp (stored as UTC, as Hive and Iceberg tables keep them) is pinned to
// UTC first; a calendar grain uses date_trunc, others floor the microseconds.
type trinoDialect struct{}

func (trinoDialect) quote(name string) string { return quoteDouble(name) }
func (trinoDialect) placeholder(int) string   { return "?" }

func trinoUTC(col, typ string) string {
	if strings.Contains(strings.ToLower(typ), "with time zone") {
		return col
	}
	return "with_timezone(" + col + ", 'UTC')"
}
func (trinoDialect) micros(col, typ string) string {
	return "CAST(to_unixtime(" + trinoUTC(col, typ) + ") * 1000000 AS BIGINT)"
}
func (d trinoDialect) bucket(col, typ string, g time.Duration) string {
	if u := truncUnit(g); u != "" {
		return "CAST(to_unixtime(date_trunc('" + u + "', " + trinoUTC(col, typ) + ")) * 1000000 AS BIGINT)"
	}
	return floorMod(d.micros(col, typ), grainMicros(g))
}
func (trinoDialect) timeValue(typ string, t time.Time, bind func(any) string) string {
	u := time.UnixMicro(ceilTo(t, time.Microsecond)).UTC().Format("2006-01-02 15:04:05.000000")
	if hasTimeZone(typ) {
		return "CAST(" + bind(u+" UTC") + " AS timestamp(6) with time zone)"
	}
	return "CAST(" + bind(u) + " AS timestamp(6))"
}
func (trinoDialect) text(col string) string     { return "CAST(" + col + " AS VARCHAR)" }
func (trinoDialect) count(col string) string    { return "COUNT(" + col + ")" }
func (trinoDialect) sumInt(col string) string   { return "CAST(SUM(" + col + ") AS BIGINT)" }
func (trinoDialect) sumFloat(col string) string { return "CAST(SUM(" + col + ") AS DOUBLE)" }

// BigQuery: a TIMESTAMP is an instant (a DATETIME is read as UTC); calendar grains
// use TIMESTAMP_TRUNC (UTC by default), others TIMESTAMP_BUCKET from the Unix epoch
// (its default origin is 1950-01-01, which misaligns grains such as 7 days).
type bigQueryDialect struct{}

func (bigQueryDialect) quote(name string) string {
	return "`" + strings.NewReplacer(`\`, `\\`, "`", "\\`").Replace(name) + "`"
}
func (bigQueryDialect) placeholder(int) string { return "?" }

func bigQueryTimestamp(col, typ string) string {
	if strings.HasPrefix(strings.ToLower(typ), "datetime") {
		return "TIMESTAMP(" + col + ")"
	}
	return col
}
func (bigQueryDialect) micros(col, typ string) string {
	return "UNIX_MICROS(" + bigQueryTimestamp(col, typ) + ")"
}
func (bigQueryDialect) bucket(col, typ string, g time.Duration) string {
	ts := bigQueryTimestamp(col, typ)
	if u := truncUnit(g); u != "" {
		return "UNIX_MICROS(TIMESTAMP_TRUNC(" + ts + ", " + strings.ToUpper(u) + "))"
	}
	width := strconv.FormatInt(grainMicros(g), 10) + " MICROSECOND"
	if g%time.Second == 0 {
		width = strconv.FormatInt(int64(g/time.Second), 10) + " SECOND"
	}
	return "UNIX_MICROS(TIMESTAMP_BUCKET(" + ts + ", INTERVAL " + width + ", TIMESTAMP '1970-01-01 00:00:00+00'))"
}
func (bigQueryDialect) timeValue(typ string, t time.Time, bind func(any) string) string {
	ts := "TIMESTAMP_MICROS(" + bind(ceilTo(t, time.Microsecond)) + ")"
	if strings.HasPrefix(strings.ToLower(typ), "datetime") {
		return "DATETIME(" + ts + ")"
	}
	return ts
}
func (bigQueryDialect) text(col string) string     { return "CAST(" + col + " AS STRING)" }
func (bigQueryDialect) count(col string) string    { return "COUNT(" + col + ")" }
func (bigQueryDialect) sumInt(col string) string   { return "SUM(" + col + ")" }
func (bigQueryDialect) sumFloat(col string) string { return "CAST(SUM(" + col + ") AS FLOAT64)" }

// sqlKind is what a column's database type holds, as far as the schema cares.
type sqlKind int

const (
	kindOther sqlKind = iota
	kindString
	kindTime
	kindNumber
)

// kindOfType classifies a database type name as the drivers report it: DuckDB's
// VARCHAR/TIMESTAMP WITH TIME ZONE, PostgreSQL's TEXT/TIMESTAMPTZ/INT8, ClickHouse's
// Nullable(LowCardinality(String))/DateTime('UTC')/UInt64, Trino's varchar(20)/
// timestamp(3), BigQuery's STRING/TIMESTAMP/INT64.
func kindOfType(typ string) sqlKind {
	t := strings.ToLower(strings.TrimSpace(typ))
	for _, wrap := range []string{"nullable(", "lowcardinality("} {
		for strings.HasPrefix(t, wrap) {
			t = strings.TrimSuffix(strings.TrimPrefix(t, wrap), ")")
		}
	}
	base := t
	if i := strings.IndexAny(base, "( "); i >= 0 {
		base = base[:i]
	}
	switch base {
	case "varchar", "text", "string", "char", "character", "bpchar", "name", "fixedstring",
		"enum8", "enum16", "enum":
		return kindString
	case "timestamp", "timestamptz", "datetime", "datetime64":
		return kindTime
	case "tinyint", "smallint", "integer", "int", "bigint", "hugeint", "utinyint", "usmallint",
		"uinteger", "ubigint", "uhugeint", "int1", "int2", "int4", "int8", "int16", "int32", "int64",
		"int128", "int256", "uint8", "uint16", "uint32", "uint64", "uint128", "uint256",
		"float", "float4", "float8", "float32", "float64", "double", "real", "decimal", "numeric",
		"bignumeric", "decimal32", "decimal64", "decimal128":
		return kindNumber
	}
	return kindOther
}
