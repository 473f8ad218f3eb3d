package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
)

type statusRecorder struct {
	w      http.ResponseWriter
	status int
	bytes  int
}

func (r *statusRecorder) Header() http.Header { return r.w.Header() }
func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.w.WriteHeader(code)
}
func (r *statusRecorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = 200
	}
	n, err := r.w.Write(p)
	r.bytes += n
	return n, err
}

type accessLog struct {
	lines []string
}

func (l *accessLog) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{w: w}
		next.ServeHTTP(rec, r)
		l.lines = append(l.lines, fmt.Sprintf("%s %s %d %dB", r.Method, r.URL.Path, rec.status, rec.bytes))
	})
}

type item struct {
	ID    int     `json:"id"`
	Name  string  `json:"name"`
	Price float64 `json:"price"`
}

type store struct{ items map[int]item }

func (s *store) list(w http.ResponseWriter, r *http.Request) {
	var out []item
	for _, it := range s.items {
		out = append(out, it)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(out)
}

func (s *store) add(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	var it item
	if err := json.NewDecoder(r.Body).Decode(&it); err != nil {
		http.Error(w, "bad json: "+err.Error(), http.StatusBadRequest)
		return
	}
	it.ID = len(s.items) + 1
	s.items[it.ID] = it
	w.WriteHeader(http.StatusCreated)
	fmt.Fprintf(w, "created %d", it.ID)
}

func main() {
	st := &store{items: map[int]item{1: {1, "pen", 1.5}}}
	mux := http.NewServeMux()
	mux.HandleFunc("/items", st.list)
	mux.HandleFunc("/items/new", st.add)
	mux.Handle("/old", http.RedirectHandler("/items", http.StatusMovedPermanently))
	mux.Handle("/static/", http.StripPrefix("/static", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "file:", r.URL.Path)
	})))
	log := &accessLog{}
	h := log.wrap(mux)

	reqs := []*http.Request{
		httptest.NewRequest("GET", "/items", nil),
		httptest.NewRequest("POST", "/items/new", strings.NewReader(`{"name":"ink","price":3.25}`)),
		httptest.NewRequest("POST", "/items/new", strings.NewReader(`{"name":`)),
		httptest.NewRequest("GET", "/items/new", nil),
		httptest.NewRequest("GET", "/old", nil),
		httptest.NewRequest("GET", "/static/css/a.css", nil),
		httptest.NewRequest("GET", "/missing", nil),
		httptest.NewRequest("GET", "/items", nil),
	}
	for _, req := range reqs {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		res := rec.Result()
		fmt.Printf("%d %-24s %q\n", res.StatusCode, res.Header.Get("Content-Type")+res.Header.Get("Location"), strings.TrimSpace(rec.Body.String()))
	}
	for _, l := range log.lines {
		fmt.Println(l)
	}
}
