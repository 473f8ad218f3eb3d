-- duckdb: the statements SQLSource sends for analysis/sql_test.go's goldenQueries

-- notebook 4's release report: one build, days 1-7, per platform
-- parameters: 1517320800000000 1517839200000000 "release" "" "58.0.1"
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
WHERE "window_start" >= make_timestamptz($1)
  AND "window_start" < make_timestamptz($2)
  AND "channel" IN ($3)
  AND ("experiment_id" IS NULL OR "experiment_id" IN ($4))
  AND "version" IN ($5)
GROUP BY "os_name";

-- daily, release channel on Windows (a derived filter: os_name is grouped, filtered in Go)
-- parameters: "release" ""
SELECT (epoch_us("window_start") - ((epoch_us("window_start") % 86400000000) + 86400000000) % 86400000000),
       "os_name",
       COUNT(*),
       COUNT("usage_hours"),
       CAST(SUM("usage_hours") AS DOUBLE),
       CAST(SUM("main_crashes") AS BIGINT)
FROM "telemetry"."error_aggregates"
WHERE "window_start" IS NOT NULL
  AND "channel" IN ($1)
  AND ("experiment_id" IS NULL OR "experiment_id" IN ($2))
GROUP BY (epoch_us("window_start") - ((epoch_us("window_start") % 86400000000) + 86400000000) % 86400000000),
         "os_name";

-- hourly by major
-- parameters: ""
SELECT (epoch_us("window_start") - ((epoch_us("window_start") % 3600000000) + 3600000000) % 3600000000),
       "version",
       COUNT(*),
       COUNT("usage_hours"),
       CAST(SUM("usage_hours") AS DOUBLE),
       CAST(SUM("count") AS BIGINT)
FROM "telemetry"."error_aggregates"
WHERE "window_start" IS NOT NULL
  AND ("experiment_id" IS NULL OR "experiment_id" IN ($1))
GROUP BY (epoch_us("window_start") - ((epoch_us("window_start") % 3600000000) + 3600000000) % 3600000000),
         "version";

-- weekly buckets from the epoch (not a calendar unit)
-- parameters: ""
SELECT (epoch_us("window_start") - ((epoch_us("window_start") % 604800000000) + 604800000000) % 604800000000),
       "channel",
       COUNT(*),
       COUNT("usage_hours"),
       CAST(SUM("usage_hours") AS DOUBLE),
       CAST(SUM("main_crashes") AS BIGINT)
FROM "telemetry"."error_aggregates"
WHERE "window_start" IS NOT NULL
  AND ("experiment_id" IS NULL OR "experiment_id" IN ($1))
GROUP BY (epoch_us("window_start") - ((epoch_us("window_start") % 604800000000) + 604800000000) % 604800000000),
         "channel";

-- experiments included, by window and branch
-- parameters: "2018-02-01"
SELECT epoch_us("window_start"),
       "experiment_branch",
       COUNT(*),
       COUNT("usage_hours"),
       CAST(SUM("usage_hours") AS DOUBLE),
       CAST(SUM("gpu_crashes") AS BIGINT)
FROM "telemetry"."error_aggregates"
WHERE "submission_date" IN ($1)
GROUP BY epoch_us("window_start"),
         "experiment_branch";

-- a hostile value is a parameter like any other
-- parameters: "" "x' OR '1'='1" ""
SELECT "country",
       COUNT(*),
       COUNT("usage_hours"),
       CAST(SUM("usage_hours") AS DOUBLE),
       CAST(SUM("main_crashes") AS BIGINT)
FROM "telemetry"."error_aggregates"
WHERE ("country" IS NULL OR "country" IN ($1, $2))
  AND ("experiment_id" IS NULL OR "experiment_id" IN ($3))
GROUP BY "country";
