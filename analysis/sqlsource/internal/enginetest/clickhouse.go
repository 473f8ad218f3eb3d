package enginetest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"text/template"
	"time"

	_ "github.com/ClickHouse/clickhouse-go/v2" // registers "clickhouse"

	"github.com/ratelab/ratelab/analysis"
)

// ClickHouse is a cluster of single-replica shards, one clickhouse-server process
// each, started by StartClickHouse. Every server knows the cluster as "ratelab", so
// a Distributed table on any of them reads all shards.
type ClickHouse struct {
	shards []*server
	ports  []int
}

// Cluster is the cluster's name in the servers' remote_servers.
const Cluster = "ratelab"

var clickHouseConfig = template.Must(template.New("config").Parse(`<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>{{.Dir}}/server.log</log><errorlog>{{.Dir}}/server.err.log</errorlog></logger>
  <listen_host>127.0.0.1</listen_host>
  <tcp_port>{{.Port}}</tcp_port>
  <path>{{.Dir}}/data/</path>
  <tmp_path>{{.Dir}}/tmp/</tmp_path>
  <user_files_path>{{.Dir}}/user_files/</user_files_path>
  <format_schema_path>{{.Dir}}/format_schemas/</format_schema_path>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <timezone>{{.TimeZone}}</timezone>
  <users>
    <default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default>
  </users>
  <profiles><default><max_threads>2</max_threads></default></profiles>
  <quotas><default></default></quotas>
  <remote_servers>
    <{{.Cluster}}>{{range .Ports}}
      <shard><replica><host>127.0.0.1</host><port>{{.}}</port></replica></shard>{{end}}
    </{{.Cluster}}>
  </remote_servers>
</yandex>
`))

// StartClickHouse starts shards servers, each in a new temporary directory on its own
// port of 127.0.0.1, with a server time zone far from UTC (a DateTime's Unix time does
// not depend on it; a query that did would show). It waits until every one answers.
func StartClickHouse(ctx context.Context, shards int) (*ClickHouse, error) {
	bin, err := findProgram("clickhouse-server", "/usr/sbin", "/usr/bin")
	if err != nil {
		return nil, err
	}
	ch := &ClickHouse{}
	for range shards {
		p, err := freePort()
		if err != nil {
			return nil, err
		}
		ch.ports = append(ch.ports, p)
	}
	for _, port := range ch.ports {
		dir, err := os.MkdirTemp("", "ratelab-clickhouse-")
		if err != nil {
			ch.Stop()
			return nil, err
		}
		cfg := filepath.Join(dir, "config.xml")
		f, err := os.Create(cfg)
		if err == nil {
			err = clickHouseConfig.Execute(f, map[string]any{"Dir": dir, "Port": port, "Ports": ch.ports,
				"Cluster": Cluster, "TimeZone": "Asia/Kolkata"})
			err = errors.Join(err, f.Close())
		}
		if err != nil {
			os.RemoveAll(dir)
			ch.Stop()
			return nil, err
		}
		srv, err := start("clickhouse-server", dir, nil, bin, "--config-file="+cfg)
		if err != nil {
			os.RemoveAll(dir)
			ch.Stop()
			return nil, err
		}
		ch.shards = append(ch.shards, srv)
	}
	for i, srv := range ch.shards {
		dsn := ch.DSN(i)
		err := srv.waitReady(ctx, func(ctx context.Context) error {
			db, err := sql.Open("clickhouse", dsn)
			if err != nil {
				return err
			}
			defer db.Close()
			return db.PingContext(ctx)
		})
		if err != nil {
			ch.Stop()
			return nil, err
		}
	}
	return ch, nil
}

// DSN is shard i's native-protocol address.
func (c *ClickHouse) DSN(i int) string {
	return fmt.Sprintf("clickhouse://127.0.0.1:%d/default?dial_timeout=5s", c.ports[i])
}

// Shards is the number of shards.
func (c *ClickHouse) Shards() int { return len(c.shards) }

// PIDs lists the servers' process ids.
func (c *ClickHouse) PIDs() []int {
	var ids []int
	for _, s := range c.shards {
		ids = append(ids, s.cmd.Process.Pid)
	}
	return ids
}

// Stop shuts every server down and removes their data.
func (c *ClickHouse) Stop() error {
	var errs []error
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, s := range c.shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := s.stop(30 * time.Second)
			mu.Lock()
			errs = append(errs, err)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// ClickHouseColumns is the column list of a ClickHouse error_aggregates table:
// DateTime windows, String dimensions with Nullable(String) experiment columns (so
// that both spellings of "no value", ” and NULL, are exercised), Float64 usage and
// Int64 measures.
func ClickHouseColumns() string {
	var defs []string
	for _, n := range analysis.ColumnNames() {
		typ := map[string]string{"time": "DateTime", "string": "String", "float": "Float64", "int": "Int64"}[kind(n)]
		if strings.HasPrefix(n, "experiment_") {
			typ = "Nullable(String)"
		}
		defs = append(defs, "`"+n+"` "+typ)
	}
	return strings.Join(defs, ", ")
}

// CreateDistributed creates on every shard the MergeTree table local (partitioned by
// month, ordered by window and dimensions) and the Distributed table dist over the
// cluster's locals.
func (c *ClickHouse) CreateDistributed(ctx context.Context, local, dist string) error {
	for i := range c.shards {
		db, err := sql.Open("clickhouse", c.DSN(i))
		if err != nil {
			return err
		}
		for _, stmt := range []string{
			"CREATE TABLE `" + local + "` (" + ClickHouseColumns() + ") ENGINE = MergeTree() PARTITION BY toYYYYMM(window_start) ORDER BY (window_start, channel, version, os_name)",
			"CREATE TABLE `" + dist + "` AS `" + local + "` ENGINE = Distributed(" + Cluster + ", default, `" + local + "`)",
		} {
			if _, err := db.ExecContext(ctx, stmt); err != nil {
				db.Close()
				return fmt.Errorf("shard %d: %s: %w", i, stmt, err)
			}
		}
		db.Close()
	}
	return nil
}

// LoadShards writes t's rows into the local tables, row i to shard i mod Shards():
// each shard holds part of every group, so only a correct distributed aggregation
// adds up. Non-nullable strings hold ” for NULL. Each shard's rows go as one
// native-protocol batch (clickhouse-go's prepared INSERT in a transaction).
func (c *ClickHouse) LoadShards(ctx context.Context, local string, t *analysis.Table) error {
	names := analysis.ColumnNames()
	for i := range c.shards {
		if err := c.loadShard(ctx, i, local, names, t); err != nil {
			return fmt.Errorf("shard %d: %w", i, err)
		}
	}
	return nil
}

func (c *ClickHouse) loadShard(ctx context.Context, i int, local string, names []string, t *analysis.Table) error {
	db, err := sql.Open("clickhouse", c.DSN(i))
	if err != nil {
		return err
	}
	defer db.Close()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO `"+local+"` ("+strings.Join(names, ", ")+")")
	if err != nil {
		return err
	}
	for r := i; r < t.Len(); r += len(c.shards) {
		vals := t.Row(r).Values()
		for k, v := range vals {
			switch {
			case v != nil:
			case kind(names[k]) == "string" && !strings.HasPrefix(names[k], "experiment_"):
				vals[k] = ""
			case names[k] == "usage_hours":
				vals[k] = math.NaN() // Float64 is not Nullable here: NaN sums to NaN too
			}
		}
		if _, err := stmt.ExecContext(ctx, vals...); err != nil {
			return fmt.Errorf("row %d: %w", r, err)
		}
	}
	return tx.Commit()
}
