package cli

import (
	"fmt"
	"strings"
)

// invalidArgument reads pflag's error for a value its type cannot take, `invalid argument
// "abc" for "-t, --tolerance" flag: strconv.ParseFloat: ...`, into the value and the flag's
// name.
func invalidArgument(msg string) (value, name string, ok bool) {
	rest, ok := strings.CutPrefix(msg, `invalid argument "`)
	if !ok {
		return "", "", false
	}
	value, rest, ok = strings.Cut(rest, `" for "`)
	if !ok {
		return "", "", false
	}
	flag, _, ok := strings.Cut(rest, `" flag`)
	if i := strings.LastIndex(flag, "--"); ok && i >= 0 {
		return value, flag[i+2:], true
	}
	return "", "", false
}

// valueError says that a flag's value is not of its type, in words rather than Go's
// ("strconv.ParseFloat: parsing ...: invalid syntax").
func valueError(flag, value, typ string) error {
	want := map[string]string{
		"float64": "a number (with a decimal point, e.g. 1.5)", "int": "a whole number",
		"bool": "true or false", "duration": "a duration such as 90s or 5m",
	}[typ]
	if want == "" {
		want = "a " + typ
	}
	return fmt.Errorf("%s %q is not %s", flag, value, want)
}
