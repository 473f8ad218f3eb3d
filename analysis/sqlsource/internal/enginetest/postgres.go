package enginetest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/ratelab/ratelab/analysis"
)

// Postgres is a PostgreSQL server started by StartPostgres.
type Postgres struct {
	srv  *server
	port int
}

// StartPostgres initialises a cluster in a new temporary directory and starts its
// server on 127.0.0.1, with durability off (a test database) and a session time zone
// far from UTC, so that a query depending on it shows. PostgreSQL refuses to run as
// root: as root, the server runs as the user postgres that Debian's package creates.
func StartPostgres(ctx context.Context) (*Postgres, error) {
	bin, err := findProgram("postgres", "/usr/lib/postgresql/*/bin")
	if err != nil {
		return nil, err
	}
	initdb := filepath.Join(filepath.Dir(bin), "initdb")
	dir, err := os.MkdirTemp("", "ratelab-postgres-")
	if err != nil {
		return nil, err
	}
	var cred *syscall.Credential
	if os.Getuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("postgres runs as user postgres when started by root: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	data := filepath.Join(dir, "data")
	cmd := exec.CommandContext(ctx, initdb, "-D", data, "-U", "ratelab", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	if out, err := cmd.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %v: %s", err, out)
	}
	port, err := freePort()
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	srv, err := start("postgres", dir, cred, bin, "-D", data, "-p", strconv.Itoa(port),
		"-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="+dir,
		"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
		"-c", "timezone=America/Los_Angeles")
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	pg := &Postgres{srv: srv, port: port}
	err = srv.waitReady(ctx, func(ctx context.Context) error {
		c, err := pgx.Connect(ctx, pg.DSN())
		if err != nil {
			return err
		}
		return c.Close(ctx)
	})
	if err != nil {
		pg.Stop()
		return nil, err
	}
	return pg, nil
}

// DSN is the server's connection string (database postgres, user ratelab).
func (p *Postgres) DSN() string {
	return fmt.Sprintf("postgres://ratelab@127.0.0.1:%d/postgres?sslmode=disable", p.port)
}

// Stop shuts the server down and removes its data.
func (p *Postgres) Stop() error { return p.srv.stop(30 * time.Second) }

// LoadPostgres creates table (timestamps without time zone, UTC by convention, as
// warehouses keep them) and copies t's rows into it.
func LoadPostgres(ctx context.Context, dsn, table string, t *analysis.Table) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	names := analysis.ColumnNames()
	var defs []string
	for _, n := range names {
		typ := map[string]string{"time": "TIMESTAMP", "string": "TEXT", "float": "DOUBLE PRECISION", "int": "BIGINT"}[kind(n)]
		defs = append(defs, pgx.Identifier{n}.Sanitize()+" "+typ)
	}
	if _, err := conn.Exec(ctx, "CREATE TABLE "+pgx.Identifier{table}.Sanitize()+" ("+strings.Join(defs, ", ")+")"); err != nil {
		return err
	}
	_, err = conn.CopyFrom(ctx, pgx.Identifier{table}, names, pgx.CopyFromSlice(t.Len(), func(i int) ([]any, error) {
		return t.Row(i).Values(), nil
	}))
	return err
}

// kind names the Go type of a schema column: time, string, float or int.
func kind(column string) string {
	switch analysis.ColumnValue(column).(type) {
	case time.Time:
		return "time"
	case float64:
		return "float"
	case int64:
		return "int"
	}
	return "string"
}
