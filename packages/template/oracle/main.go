// The conformance oracle: runs text/template cases with Go itself. Reads a JSON array of cases on stdin, writes a
// JSON array of results ({"output"} or {"error"}). With -bench, times the benchmark workloads instead.
//
// The docker functions below are written here after docker/cli templates/templates.go's semantics.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"text/tabwriter"
	"text/template"
	"time"

	"berth.dev/template-oracle/formatter"
)

type testCase struct {
	Template  string      `json:"template"`
	Data      interface{} `json:"data"`
	Functions string      `json:"functions"`
}

type result struct {
	Output *string `json:"output,omitempty"`
	Error  *string `json:"error,omitempty"`
}

func formatJSON(v interface{}) string {
	buf := &bytes.Buffer{}
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	return strings.TrimSpace(buf.String())
}

func joinElements(elems interface{}, sep string) (string, error) {
	if elems == nil {
		return "", nil
	}
	if ss, ok := elems.([]string); ok {
		return strings.Join(ss, sep), nil
	}
	switch rv := reflect.ValueOf(elems); rv.Kind() {
	case reflect.Array, reflect.Slice:
		parts := make([]string, rv.Len())
		for i := 0; i < rv.Len(); i++ {
			parts[i] = fmt.Sprint(rv.Index(i).Interface())
		}
		return strings.Join(parts, sep), nil
	case reflect.Map:
		var parts []string
		for _, k := range rv.MapKeys() {
			parts = append(parts, fmt.Sprint(rv.MapIndex(k).Interface()))
		}
		sort.Strings(parts)
		return strings.Join(parts, sep), nil
	default:
		return "", fmt.Errorf("expected slice, got %T", elems)
	}
}

func padWithSpace(source string, prefix, suffix int) string {
	if source == "" {
		return source
	}
	return strings.Repeat(" ", prefix) + source + strings.Repeat(" ", suffix)
}

func truncateWithLength(source string, length int) string {
	if len(source) < length {
		return source
	}
	return source[:length]
}

var dockerFunctions = template.FuncMap{
	"json":     formatJSON,
	"split":    strings.Split,
	"join":     joinElements,
	"title":    strings.Title,
	"lower":    strings.ToLower,
	"upper":    strings.ToUpper,
	"pad":      padWithSpace,
	"truncate": truncateWithLength,
}

// headerFunctions are docker's HeaderFunctions: the header row keeps the column names.
var headerFunctions = template.FuncMap{
	"json":     func(v string) string { return v },
	"split":    func(v string, _ string) string { return v },
	"join":     func(v string, _ string) string { return v },
	"title":    func(v string) string { return v },
	"lower":    func(v string) string { return v },
	"upper":    func(v string) string { return v },
	"truncate": func(v string, _ int) string { return v },
}

// typed turns each {"$struct": TYPE, "fields": {…}} of a case's data into that Go struct, so that cases can run over
// typed rows as docker's list commands do.
func typed(v interface{}) interface{} {
	switch v := v.(type) {
	case []interface{}:
		for i := range v {
			v[i] = typed(v[i])
		}
	case map[string]interface{}:
		name, ok := v["$struct"].(string)
		if !ok {
			for k := range v {
				v[k] = typed(v[k])
			}
			return v
		}
		raw, _ := json.Marshal(v["fields"])
		switch name {
		case "*formatter.Row":
			var row formatter.Row
			_ = json.Unmarshal(raw, &row)
			return &row
		case "formatter.Pair":
			var pair formatter.Pair
			_ = json.Unmarshal(raw, &pair)
			return pair
		}
		panic("unknown struct type " + name)
	}
	return v
}

// formatRows is docker's formatter.Context.Write for a list: the format's template over every row, and for a table
// the header row over the header map, all through the tabwriter docker uses.
func formatRows(c testCase) result {
	data := c.Data.(map[string]interface{})
	format := c.Template
	text := format
	switch {
	case format == "table":
		text = ""
	case format == "json":
		text = "{{json .}}"
	default:
		text = strings.TrimPrefix(text, "table")
		text = strings.Trim(text, " ")
		text = strings.NewReplacer(`\t`, "\t", `\n`, "\n").Replace(text)
	}
	tmpl, err := template.New("").Funcs(dockerFunctions).Parse(text)
	if err != nil {
		msg := err.Error()
		return result{Error: &msg}
	}
	var body bytes.Buffer
	rows, _ := data["rows"].([]interface{})
	for _, row := range rows {
		if err := tmpl.Execute(&body, row); err != nil {
			msg := err.Error()
			return result{Error: &msg}
		}
		body.WriteString("\n")
	}
	if !strings.HasPrefix(format, "table") {
		s := body.String()
		return result{Output: &s}
	}
	var out bytes.Buffer
	tw := tabwriter.NewWriter(&out, 10, 1, 3, ' ', 0)
	_ = tmpl.Funcs(headerFunctions).Execute(tw, data["headers"])
	_, _ = tw.Write([]byte{'\n'})
	_, _ = body.WriteTo(tw)
	_ = tw.Flush()
	s := out.String()
	return result{Output: &s}
}

func run(c testCase) result {
	c.Data = typed(c.Data)
	if c.Functions == "docker-format" {
		return formatRows(c)
	}
	t := template.New("t")
	if c.Functions == "docker" {
		t = t.Funcs(dockerFunctions)
	}
	parsed, err := t.Parse(c.Template)
	if err != nil {
		msg := err.Error()
		return result{Error: &msg}
	}
	var out bytes.Buffer
	if err := parsed.Execute(&out, c.Data); err != nil {
		msg := err.Error()
		return result{Error: &msg}
	}
	s := out.String()
	return result{Output: &s}
}

type benchInput struct {
	Rows    []interface{} `json:"rows"`
	Inspect []interface{} `json:"inspect"`
	Rounds  int           `json:"rounds"`
}

// bench times the same work as bench/template.bench.mjs: parse + execute a ps table over the rows (through the
// tabwriter docker uses), and {{json .}} over the inspect documents; it prints the median milliseconds per round.
func bench(in benchInput) map[string]float64 {
	table := func() {
		var buf bytes.Buffer
		tmpl := template.Must(template.New("").Funcs(dockerFunctions).Parse("{{.ID}}\t{{.Image}}\t{{.Status}}"))
		for _, row := range in.Rows {
			_ = tmpl.Execute(&buf, row)
			buf.WriteByte('\n')
		}
		var out bytes.Buffer
		tw := tabwriter.NewWriter(&out, 10, 1, 3, ' ', 0)
		_, _ = tw.Write([]byte("CONTAINER ID\tIMAGE\tSTATUS\n"))
		_, _ = tw.Write(buf.Bytes())
		_ = tw.Flush()
	}
	inspect := func() {
		var buf bytes.Buffer
		tmpl := template.Must(template.New("").Funcs(dockerFunctions).Parse("{{json .}}"))
		for _, doc := range in.Inspect {
			_ = tmpl.Execute(&buf, doc)
			buf.WriteByte('\n')
		}
	}
	median := func(f func()) float64 {
		f()
		times := make([]float64, in.Rounds)
		for i := range times {
			start := time.Now()
			f()
			times[i] = float64(time.Since(start).Nanoseconds()) / 1e6
		}
		sort.Float64s(times)
		return times[len(times)/2]
	}
	return map[string]float64{"table": median(table), "json": median(inspect)}
}

func main() {
	benchMode := flag.Bool("bench", false, "time the benchmark workloads")
	flag.Parse()
	dec := json.NewDecoder(os.Stdin)
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if *benchMode {
		var in benchInput
		if err := dec.Decode(&in); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		_ = enc.Encode(bench(in))
		return
	}
	var cases []testCase
	if err := dec.Decode(&cases); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	results := make([]result, len(cases))
	for i, c := range cases {
		results[i] = run(c)
	}
	_ = enc.Encode(results)
}
