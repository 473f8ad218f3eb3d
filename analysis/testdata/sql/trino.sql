-- trino: the statements SQLSource sends for analysis/sql_test.go's goldenQueries

-- notebook 4's release report: one build, days 1-7, per platform
-- parameters: "2018-01-30 14:00:00.000000" "2018-02-05 14:00:00.000000" "release" "" "58.0.1"
SELECT "os_name",
       COUNT(*),
       COUNT("usage_hours"),
       CAST(SUM("usage_hours") AS DOUBLE),
       CAST(SUM("main_crashes") AS BIGINT),
       CAST(SUM("startup_crashes") AS BIGINT),
       CAST(SUM("content_crashes") AS BIGINT),
       CAST(SUM("content_shutdown_crashes") AS BIGINT),
       CAST(SUM("gpu_crashes") AS BIGINT)
FROM "telemetry"."error_aggregates"
WHERE "window_start" >= CAST(? AS timestamp(6))
  AND "window_start" < CAST(? AS timestamp(6))
  AND "channel" IN (?)
  AND ("experiment_id" IS NULL OR "experiment_id" IN (?))
  AND "version" IN (?)
GROUP BY "os_name";

-- daily, release channel on Windows (a derived filter: os_name is grouped, filtered in Go)
-- parameters: "release" ""
SELECT CAST(to_unixtime(date_trunc('day', with_timezone("window_start", 'UTC'))) * 1000000 AS BIGINT),
       "os_name",
       COUNT(*),
       COUNT("usage_hours"),
       CAST(SUM("usage_hours") AS DOUBLE),
       CAST(SUM("main_crashes") AS BIGINT)
FROM "telemetry"."error_aggregates"
WHERE "window_start" IS NOT NULL
  AND "channel" IN (?)
  AND ("experiment_id" IS NULL OR "experiment_id" IN (?))
GROUP BY CAST(to_unixtime(date_trunc('day', with_timezone("window_start", 'UTC'))) * 1000000 AS BIGINT),
         "os_name";

-- hourly by major
-- parameters: ""
SELECT CAST(to_unixtime(date_trunc('hour', with_timezone("window_start", 'UTC'))) * 1000000 AS BIGINT),
       "version",
       COUNT(*),
       COUNT("usage_hours"),
       CAST(SUM("usage_hours") AS DOUBLE),
       CAST(SUM("count") AS BIGINT)
FROM "telemetry"."error_aggregates"
WHERE "window_start" IS NOT NULL
  AND ("experiment_id" IS NULL OR "experiment_id" IN (?))
GROUP BY CAST(to_unixtime(date_trunc('hour', with_timezone("window_start", 'UTC'))) * 1000000 AS BIGINT),
         "version";

-- weekly buckets from the epoch (not a calendar unit)
-- parameters: ""
SELECT (CAST(to_unixtime(with_timezone("window_start", 'UTC')) * 1000000 AS BIGINT) - ((CAST(to_unixtime(with_timezone("window_start", 'UTC')) * 1000000 AS BIGINT) % 604800000000) + 604800000000) % 604800000000),
       "channel",
       COUNT(*),
       COUNT("usage_hours"),
       CAST(SUM("usage_hours") AS DOUBLE),
       CAST(SUM("main_crashes") AS BIGINT)
FROM "telemetry"."error_aggregates"
WHERE "window_start" IS NOT NULL
  AND ("experiment_id" IS NULL OR "experiment_id" IN (?))
GROUP BY (CAST(to_unixtime(with_timezone("window_start", 'UTC')) * 1000000 AS BIGINT) - ((CAST(to_unixtime(with_timezone("window_start", 'UTC')) * 1000000 AS BIGINT) % 604800000000) + 604800000000) % 604800000000),
         "channel";

-- experiments included, by window and branch
-- parameters: "2018-02-01"
SELECT CAST(to_unixtime(with_timezone("window_start", 'UTC')) * 1000000 AS BIGINT),
       "experiment_branch",
       COUNT(*),
       COUNT("usage_hours"),
       CAST(SUM("usage_hours") AS DOUBLE),
       CAST(SUM("gpu_crashes") AS BIGINT)
FROM "telemetry"."error_aggregates"
WHERE "submission_date" IN (?)
GROUP BY CAST(to_unixtime(with_timezone("window_start", 'UTC')) * 1000000 AS BIGINT),
         "experiment_branch";

-- a hostile value is a parameter like any other
-- parameters: "" "x' OR '1'='1" ""
SELECT "country",
       COUNT(*),
       COUNT("usage_hours"),
       CAST(SUM("usage_hours") AS DOUBLE),
       CAST(SUM("main_crashes") AS BIGINT)
FROM "telemetry"."error_aggregates"
WHERE ("country" IS NULL OR "country" IN (?, ?))
  AND ("experiment_id" IS NULL OR "experiment_id" IN (?))
GROUP BY "country";
