// Package formatter holds the typed rows the struct cases run over, named as docker's list rows are
// (*formatter.ContainerContext and kin): a pointer to a struct with a method that takes an argument, and a struct
// value inside it.
package formatter

type Row struct {
	Name   string
	Driver string
	Size   float64
	Labels map[string]interface{}
	Inner  Pair
}

// Label is docker's {{.Label "name"}}.
func (r *Row) Label(name string) string {
	s, _ := r.Labels[name].(string)
	return s
}

type Pair struct {
	Key   string
	Value interface{}
}
