-- clickhouse: the statements SQLSource sends for analysis/sql_test.go's goldenQueries

-- notebook 4's release report: one build, days 1-7, per platform
-- parameters: 1517320800 1517839200 "release" "" "58.0.1"
SELECT `os_name`,
       toInt64(count()),
       toInt64(count(`usage_hours`)),
       toFloat64(sum(`usage_hours`)),
       toInt64(sum(`main_crashes`)),
       toInt64(sum(`startup_crashes`)),
       toInt64(sum(`content_crashes`)),
       toInt64(sum(`content_shutdown_crashes`)),
       toInt64(sum(`gpu_crashes`))
FROM `telemetry`.`error_aggregates`
WHERE `window_start` >= toDateTime(?)
  AND `window_start` < toDateTime(?)
  AND `channel` IN (?)
  AND (`experiment_id` IS NULL OR `experiment_id` IN (?))
  AND `version` IN (?)
GROUP BY `os_name`;

-- daily, release channel on Windows (a derived filter: os_name is grouped, filtered in Go)
-- parameters: "release" ""
SELECT ((toInt64(toUInt32(`window_start`)) * 1000000) - (((toInt64(toUInt32(`window_start`)) * 1000000) % 86400000000) + 86400000000) % 86400000000),
       `os_name`,
       toInt64(count()),
       toInt64(count(`usage_hours`)),
       toFloat64(sum(`usage_hours`)),
       toInt64(sum(`main_crashes`))
FROM `telemetry`.`error_aggregates`
WHERE `window_start` IS NOT NULL
  AND `channel` IN (?)
  AND (`experiment_id` IS NULL OR `experiment_id` IN (?))
GROUP BY ((toInt64(toUInt32(`window_start`)) * 1000000) - (((toInt64(toUInt32(`window_start`)) * 1000000) % 86400000000) + 86400000000) % 86400000000),
         `os_name`;

-- hourly by major
-- parameters: ""
SELECT ((toInt64(toUInt32(`window_start`)) * 1000000) - (((toInt64(toUInt32(`window_start`)) * 1000000) % 3600000000) + 3600000000) % 3600000000),
       `version`,
       toInt64(count()),
       toInt64(count(`usage_hours`)),
       toFloat64(sum(`usage_hours`)),
       toInt64(sum(`count`))
FROM `telemetry`.`error_aggregates`
WHERE `window_start` IS NOT NULL
  AND (`experiment_id` IS NULL OR `experiment_id` IN (?))
GROUP BY ((toInt64(toUInt32(`window_start`)) * 1000000) - (((toInt64(toUInt32(`window_start`)) * 1000000) % 3600000000) + 3600000000) % 3600000000),
         `version`;

-- weekly buckets from the epoch (not a calendar unit)
-- parameters: ""
SELECT ((toInt64(toUInt32(`window_start`)) * 1000000) - (((toInt64(toUInt32(`window_start`)) * 1000000) % 604800000000) + 604800000000) % 604800000000),
       `channel`,
       toInt64(count()),
       toInt64(count(`usage_hours`)),
       toFloat64(sum(`usage_hours`)),
       toInt64(sum(`main_crashes`))
FROM `telemetry`.`error_aggregates`
WHERE `window_start` IS NOT NULL
  AND (`experiment_id` IS NULL OR `experiment_id` IN (?))
GROUP BY ((toInt64(toUInt32(`window_start`)) * 1000000) - (((toInt64(toUInt32(`window_start`)) * 1000000) % 604800000000) + 604800000000) % 604800000000),
         `channel`;

-- experiments included, by window and branch
-- parameters: "2018-02-01"
SELECT (toInt64(toUInt32(`window_start`)) * 1000000),
       `experiment_branch`,
       toInt64(count()),
       toInt64(count(`usage_hours`)),
       toFloat64(sum(`usage_hours`)),
       toInt64(sum(`gpu_crashes`))
FROM `telemetry`.`error_aggregates`
WHERE `submission_date` IN (?)
GROUP BY (toInt64(toUInt32(`window_start`)) * 1000000),
         `experiment_branch`;

-- a hostile value is a parameter like any other
-- parameters: "" "x' OR '1'='1" ""
SELECT `country`,
       toInt64(count()),
       toInt64(count(`usage_hours`)),
       toFloat64(sum(`usage_hours`)),
       toInt64(sum(`main_crashes`))
FROM `telemetry`.`error_aggregates`
WHERE (`country` IS NULL OR `country` IN (?, ?))
  AND (`experiment_id` IS NULL OR `experiment_id` IN (?))
GROUP BY `country`;
