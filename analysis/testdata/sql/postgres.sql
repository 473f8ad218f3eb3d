-- postgres: the statements SQLSource sends for analysis/sql_test.go's goldenQueries

-- notebook 4's release report: one build, days 1-7, per platform
-- parameters: 1517320800000000 1517839200000000 "release" "" "58.0.1"
SELECT "os_name",
       COUNT(*),
       COUNT("usage_hours"),
       CAST(SUM("usage_hours") AS DOUBLE PRECISION),
       CAST(SUM("main_crashes") AS BIGINT),
       CAST(SUM("startup_crashes") AS BIGINT),
       CAST(SUM("content_crashes") AS BIGINT),
       CAST(SUM("content_shutdown_crashes") AS BIGINT),
       CAST(SUM("gpu_crashes") AS BIGINT)
FROM "telemetry"."error_aggregates"
WHERE "window_start" >= (TIMESTAMP '1970-01-01 00:00:00' + CAST($1 AS BIGINT) * INTERVAL '1 microsecond')
  AND "window_start" < (TIMESTAMP '1970-01-01 00:00:00' + CAST($2 AS BIGINT) * INTERVAL '1 microsecond')
  AND "channel" IN ($3)
  AND ("experiment_id" IS NULL OR "experiment_id" IN ($4))
  AND "version" IN ($5)
GROUP BY "os_name";

-- daily, release channel on Windows (a derived filter: os_name is grouped, filtered in Go)
-- parameters: "release" ""
SELECT (CAST(EXTRACT(EPOCH FROM "window_start") * 1000000 AS BIGINT) - ((CAST(EXTRACT(EPOCH FROM "window_start") * 1000000 AS BIGINT) % 86400000000) + 86400000000) % 86400000000),
       "os_name",
       COUNT(*),
       COUNT("usage_hours"),
       CAST(SUM("usage_hours") AS DOUBLE PRECISION),
       CAST(SUM("main_crashes") AS BIGINT)
FROM "telemetry"."error_aggregates"
WHERE "window_start" IS NOT NULL
  AND "channel" IN ($1)
  AND ("experiment_id" IS NULL OR "experiment_id" IN ($2))
GROUP BY (CAST(EXTRACT(EPOCH FROM "window_start") * 1000000 AS BIGINT) - ((CAST(EXTRACT(EPOCH FROM "window_start") * 1000000 AS BIGINT) % 86400000000) + 86400000000) % 86400000000),
         "os_name";

-- hourly by major
-- parameters: ""
SELECT (CAST(EXTRACT(EPOCH FROM "window_start") * 1000000 AS BIGINT) - ((CAST(EXTRACT(EPOCH FROM "window_start") * 1000000 AS BIGINT) % 3600000000) + 3600000000) % 3600000000),
       "version",
       COUNT(*),
       COUNT("usage_hours"),
       CAST(SUM("usage_hours") AS DOUBLE PRECISION),
       CAST(SUM("count") AS BIGINT)
FROM "telemetry"."error_aggregates"
WHERE "window_start" IS NOT NULL
  AND ("experiment_id" IS NULL OR "experiment_id" IN ($1))
GROUP BY (CAST(EXTRACT(EPOCH FROM "window_start") * 1000000 AS BIGINT) - ((CAST(EXTRACT(EPOCH FROM "window_start") * 1000000 AS BIGINT) % 3600000000) + 3600000000) % 3600000000),
         "version";

-- weekly buckets from the epoch (not a calendar unit)
-- parameters: ""
SELECT (CAST(EXTRACT(EPOCH FROM "window_start") * 1000000 AS BIGINT) - ((CAST(EXTRACT(EPOCH FROM "window_start") * 1000000 AS BIGINT) % 604800000000) + 604800000000) % 604800000000),
       "channel",
       COUNT(*),
       COUNT("usage_hours"),
       CAST(SUM("usage_hours") AS DOUBLE PRECISION),
       CAST(SUM("main_crashes") AS BIGINT)
FROM "telemetry"."error_aggregates"
WHERE "window_start" IS NOT NULL
  AND ("experiment_id" IS NULL OR "experiment_id" IN ($1))
GROUP BY (CAST(EXTRACT(EPOCH FROM "window_start") * 1000000 AS BIGINT) - ((CAST(EXTRACT(EPOCH FROM "window_start") * 1000000 AS BIGINT) % 604800000000) + 604800000000) % 604800000000),
         "channel";

-- experiments included, by window and branch
-- parameters: "2018-02-01"
SELECT CAST(EXTRACT(EPOCH FROM "window_start") * 1000000 AS BIGINT),
       "experiment_branch",
       COUNT(*),
       COUNT("usage_hours"),
       CAST(SUM("usage_hours") AS DOUBLE PRECISION),
       CAST(SUM("gpu_crashes") AS BIGINT)
FROM "telemetry"."error_aggregates"
WHERE "submission_date" IN ($1)
GROUP BY CAST(EXTRACT(EPOCH FROM "window_start") * 1000000 AS BIGINT),
         "experiment_branch";

-- a hostile value is a parameter like any other
-- parameters: "" "x' OR '1'='1" ""
SELECT "country",
       COUNT(*),
       COUNT("usage_hours"),
       CAST(SUM("usage_hours") AS DOUBLE PRECISION),
       CAST(SUM("main_crashes") AS BIGINT)
FROM "telemetry"."error_aggregates"
WHERE ("country" IS NULL OR "country" IN ($1, $2))
  AND ("experiment_id" IS NULL OR "experiment_id" IN ($3))
GROUP BY "country";
