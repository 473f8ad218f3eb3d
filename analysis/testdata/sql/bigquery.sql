-- bigquery: the statements SQLSource sends for analysis/sql_test.go's goldenQueries

-- notebook 4's release report: one build, days 1-7, per platform
-- parameters: 1517320800000000 1517839200000000 "release" "" "58.0.1"
SELECT `os_name`,
       COUNT(*),
       COUNT(`usage_hours`),
       CAST(SUM(`usage_hours`) AS FLOAT64),
       SUM(`main_crashes`),
       SUM(`startup_crashes`),
       SUM(`content_crashes`),
       SUM(`content_shutdown_crashes`),
       SUM(`gpu_crashes`)
FROM `telemetry`.`error_aggregates`
WHERE `window_start` >= TIMESTAMP_MICROS(?)
  AND `window_start` < TIMESTAMP_MICROS(?)
  AND `channel` IN (?)
  AND (`experiment_id` IS NULL OR `experiment_id` IN (?))
  AND `version` IN (?)
GROUP BY `os_name`;

-- daily, release channel on Windows (a derived filter: os_name is grouped, filtered in Go)
-- parameters: "release" ""
SELECT UNIX_MICROS(TIMESTAMP_TRUNC(`window_start`, DAY)),
       `os_name`,
       COUNT(*),
       COUNT(`usage_hours`),
       CAST(SUM(`usage_hours`) AS FLOAT64),
       SUM(`main_crashes`)
FROM `telemetry`.`error_aggregates`
WHERE `window_start` IS NOT NULL
  AND `channel` IN (?)
  AND (`experiment_id` IS NULL OR `experiment_id` IN (?))
GROUP BY UNIX_MICROS(TIMESTAMP_TRUNC(`window_start`, DAY)),
         `os_name`;

-- hourly by major
-- parameters: ""
SELECT UNIX_MICROS(TIMESTAMP_TRUNC(`window_start`, HOUR)),
       `version`,
       COUNT(*),
       COUNT(`usage_hours`),
       CAST(SUM(`usage_hours`) AS FLOAT64),
       SUM(`count`)
FROM `telemetry`.`error_aggregates`
WHERE `window_start` IS NOT NULL
  AND (`experiment_id` IS NULL OR `experiment_id` IN (?))
GROUP BY UNIX_MICROS(TIMESTAMP_TRUNC(`window_start`, HOUR)),
         `version`;

-- weekly buckets from the epoch (not a calendar unit)
-- parameters: ""
SELECT UNIX_MICROS(TIMESTAMP_BUCKET(`window_start`, INTERVAL 604800 SECOND, TIMESTAMP '1970-01-01 00:00:00+00')),
       `channel`,
       COUNT(*),
       COUNT(`usage_hours`),
       CAST(SUM(`usage_hours`) AS FLOAT64),
       SUM(`main_crashes`)
FROM `telemetry`.`error_aggregates`
WHERE `window_start` IS NOT NULL
  AND (`experiment_id` IS NULL OR `experiment_id` IN (?))
GROUP BY UNIX_MICROS(TIMESTAMP_BUCKET(`window_start`, INTERVAL 604800 SECOND, TIMESTAMP '1970-01-01 00:00:00+00')),
         `channel`;

-- experiments included, by window and branch
-- parameters: "2018-02-01"
SELECT UNIX_MICROS(`window_start`),
       `experiment_branch`,
       COUNT(*),
       COUNT(`usage_hours`),
       CAST(SUM(`usage_hours`) AS FLOAT64),
       SUM(`gpu_crashes`)
FROM `telemetry`.`error_aggregates`
WHERE CAST(`submission_date` AS STRING) IN (?)
GROUP BY UNIX_MICROS(`window_start`),
         `experiment_branch`;

-- a hostile value is a parameter like any other
-- parameters: "" "x' OR '1'='1" ""
SELECT `country`,
       COUNT(*),
       COUNT(`usage_hours`),
       CAST(SUM(`usage_hours`) AS FLOAT64),
       SUM(`main_crashes`)
FROM `telemetry`.`error_aggregates`
WHERE (`country` IS NULL OR `country` IN (?, ?))
  AND (`experiment_id` IS NULL OR `experiment_id` IN (?))
GROUP BY `country`;
