package kernel

import (
	"bufio"
	"bytes"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// usage answers usage_request (on control) as ipykernel does for
// jupyter-resource-usage's kernel usage panel: the kernel's CPU (percent of one
// core since the previous request, psutil's Process.cpu_percent, summed over the
// kernel process and its descendants: the Go session runs in a child) and memory
// (PSS, else RSS, in bytes), and the host's CPU percent and virtual memory, all
// read from /proc.
func (s *Server) usage(r *request) {
	host, _ := os.Hostname()
	content := map[string]any{"hostname": host, "pid": os.Getpid(), "cpu_count": runtime.NumCPU()}
	cpu, mem := s.usageMeter.kernel(os.Getpid())
	content["kernel_cpu"] = cpu
	content["kernel_memory"] = mem
	if pct, ok := s.usageMeter.host(); ok {
		content["host_cpu_percent"] = pct
	}
	if vm := virtualMemory(); vm != nil {
		content["host_virtual_memory"] = vm
	}
	r.reply("usage_reply", content)
}

// usageMeter keeps the CPU times of the previous usage_request, since a CPU
// percentage is a rate between two readings (psutil's cpu_percent(interval=None)).
type usageMeter struct {
	mu       sync.Mutex
	at       time.Time
	procCPU  map[int]float64 // seconds of CPU by pid
	hostBusy float64         // jiffies busy and in all, from /proc/stat
	hostAll  float64
}

// clockTicks is USER_HZ, the unit of /proc's CPU times: 100 on every Linux
// architecture Go supports.
const clockTicks = 100

// kernel returns the CPU percent and memory of pid and its descendants.
func (u *usageMeter) kernel(pid int) (cpu float64, memory int64) {
	pids := descendants(pid)
	now := time.Now()
	times := map[int]float64{}
	for _, p := range pids {
		if t, ok := procCPUSeconds(p); ok {
			times[p] = t
		}
		memory += procMemory(p)
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	if !u.at.IsZero() {
		wall := now.Sub(u.at).Seconds()
		for p, t := range times {
			if prev, ok := u.procCPU[p]; ok && wall > 0 {
				cpu += (t - prev) / wall * 100
			}
		}
	}
	u.at, u.procCPU = now, times
	return cpu, memory
}

// host returns the machine's CPU percent since the previous call; false the first
// time (psutil answers a meaningless 0 then, which ipykernel leaves out).
func (u *usageMeter) host() (float64, bool) {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0, false
	}
	line, _, _ := strings.Cut(string(b), "\n")
	f := strings.Fields(line) // cpu user nice system idle iowait irq softirq steal ...
	if len(f) < 5 || f[0] != "cpu" {
		return 0, false
	}
	var all, idle float64
	for i, v := range f[1:] {
		x, _ := strconv.ParseFloat(v, 64)
		if i >= 8 { // guest times are counted in user and nice already
			break
		}
		all += x
		if i == 3 || i == 4 { // idle, iowait
			idle += x
		}
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	busy := all - idle
	dAll, dBusy := all-u.hostAll, busy-u.hostBusy
	first := u.hostAll == 0
	u.hostAll, u.hostBusy = all, busy
	if first || dAll <= 0 {
		return 0, false
	}
	return dBusy / dAll * 100, true
}

// descendants returns pid and every process below it.
func descendants(pid int) []int {
	children := map[int][]int{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if st, ok := procStat(p); ok {
			children[st.ppid] = append(children[st.ppid], p)
		}
	}
	out := []int{pid}
	for i := 0; i < len(out); i++ {
		out = append(out, children[out[i]]...)
	}
	return out
}

type stat struct {
	ppid         int
	utime, stime float64 // clock ticks
}

// procStat reads /proc/PID/stat; the command name may hold spaces and parentheses,
// so fields are counted from its closing parenthesis.
func procStat(pid int) (stat, bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return stat{}, false
	}
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return stat{}, false
	}
	f := strings.Fields(string(b[i+1:])) // state ppid pgrp ... utime(12) stime(13)
	if len(f) < 13 {
		return stat{}, false
	}
	var st stat
	st.ppid, _ = strconv.Atoi(f[1])
	st.utime, _ = strconv.ParseFloat(f[11], 64)
	st.stime, _ = strconv.ParseFloat(f[12], 64)
	return st, true
}

func procCPUSeconds(pid int) (float64, bool) {
	st, ok := procStat(pid)
	return (st.utime + st.stime) / clockTicks, ok
}

// procMemory is pid's proportional set size (shared pages divided among the
// processes sharing them), or its resident set size where the kernel has no
// smaps_rollup.
func procMemory(pid int) int64 {
	dir := "/proc/" + strconv.Itoa(pid)
	if v, ok := meminfoField(dir+"/smaps_rollup", "Pss:"); ok {
		return v
	}
	v, _ := meminfoField(dir+"/status", "VmRSS:")
	return v
}

// meminfoField reads a "Name:   123 kB" line of a /proc file, in bytes.
func meminfoField(path, name string) (int64, bool) {
	f, err := os.Open(path)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), name); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10, err == nil
		}
	}
	return 0, false
}

// virtualMemory is psutil.virtual_memory()'s fields on Linux, from /proc/meminfo.
func virtualMemory() map[string]any {
	get := func(name string) int64 { v, _ := meminfoField("/proc/meminfo", name+":"); return v }
	total := get("MemTotal")
	if total == 0 {
		return nil
	}
	free, buffers := get("MemFree"), get("Buffers")
	cached := get("Cached") + get("SReclaimable")
	available := get("MemAvailable")
	used := total - free - buffers - cached
	if used < 0 {
		used = total - free
	}
	return map[string]any{
		"total": total, "available": available,
		"percent": float64(total-available) / float64(total) * 100,
		"used":    used, "free": free, "active": get("Active"), "inactive": get("Inactive"),
		"buffers": buffers, "cached": cached, "shared": get("Shmem"), "slab": get("Slab"),
	}
}
