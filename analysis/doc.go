// Package analysis is ratelab's release-stability library: loading crash/usage
// aggregates, derived measures (events per 1000 usage hours) beside direct ones (raw
// counts), exact intervals, fair release comparison, many-group methods (funnel
// limits, empirical-Bayes shrinkage), alerts and plots. It imports no kernel code and
// is usable as a plain Go library; its results show themselves in notebooks through
// HTML, Markdown, PNG and SVG methods.
//
// # Loading
//
// Load reads error_aggregates rows from CSV (plain or gzip), Parquet (both the
// BigQuery column set and the older v1 files with INT96 timestamps and ~51 columns) or
// a gota DataFrame (FromDataFrame); LoadDefault reads the history embedded in the
// binary. The result is a Table: typed, dictionary-encoded columns, loaded in
// parallel. A malformed value fails the load with a ParseError naming file, line and
// column; columns outside the schema are listed in the LoadReport, never fatal.
//
//	tab, err := analysis.Load("error_aggregates.parquet", analysis.WithColumns("window_start", "version", "os_name", "usage_hours", "main_crashes"))
//
// A damaged file is an error, never a crash nor different data loaded quietly: a
// gzip stream cut short fails with "truncated gzip" and its last complete line;
// text that is not UTF-8 fails with where it is; a Parquet file's sizes and counts
// are checked against the file before anything is allocated by them, pages with a
// CRC are verified (LoadReport says how many had one), and a panic in a loader
// goroutine becomes an error naming file, row group and column. CSV files with
// classic Mac line endings (CR only) load, noted in the LoadReport. Long loads
// report bytes, rows and rate to a Progress (WithProgress, SetProgress); in a
// notebook the kernel shows them as a progress bar.
//
// Validate finds negative counts, bad usage hours, zero usage hours in rows with
// pings, reversed or missing windows, duplicate windows and experiment rows, reports
// each with its place in the source, and drops the offending rows only if asked.
//
// # Querying
//
// A Source answers a Query — group by any dimensions (version, major, build_id,
// platform, channel, country, …) and a time grain, filter by time and values — with
// Sums: exact integer sums and usage hours per group, sorted by key. Table is the
// in-memory Source; a warehouse can implement Source and compute the sums where the
// data lives. Population totals leave experiment rows out (experiment_id IS NULL).
//
//	rt, err := analysis.Rates(tab, analysis.Query{By: []string{"major", "platform"}, Grain: 24 * time.Hour}, "main_crashes", analysis.MeasureCombined)
//
// Rates puts events, exposure, the pooled rate and its exact interval, and a
// low-exposure flag side by side for each group.
//
// # Statistics, and what they refuse
//
// A Rate keeps its count and exposure. Rate.Interval is the exact (Garwood) interval;
// PoissonTest tests a rate against a reference rate and PoissonRatioTest (with
// CompareRates, its two-sided form) compares two rates by the exact conditional test,
// each with a two-sided, Less or Greater alternative, as R's poisson.test. Funnel
// limits come by Spiegelhalter's interpolated method or the exact chi-squared one
// (FunnelMethod says which to use when); FitShrinkage and FitShrinkageMoments fit the
// empirical-Bayes gamma prior by maximum likelihood or by Marshall's moments (as
// epiR). Every one of them returns an error for an argument it cannot answer — a
// negative count or exposure, a NaN, a level outside (0, 1) such as 95 for 0.95, no
// exposure where a test needs one, empty input — never a NaN or a negative rate in
// its place:
//
//	t, err := analysis.CompareRates(newer, older, 0.95)
//
// # Comparing releases
//
// CompareReleases measures each major release over a fair window — Mission Control's
// adjusted comparison (same time in field from each release) or equal adoption (same
// share of usage) — per platform beside the pooled figure, with the exact conditional
// rate ratio (CompareRates, as R's poisson.test), its interval, the % change and a
// Verdict that says "not enough data" when that is the truth. Mission Control's own
// rules — time in field as last minus first timestamp, its skip rule, its trimming of
// the top 0.1% of per-point rates — are options; CompareOptions lists where ratelab
// deliberately differs and why.
package analysis
