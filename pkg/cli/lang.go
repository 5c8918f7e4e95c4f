package cli

import "strings"

// language resolves --lang, falling back to the locale.
func (o *outputOptions) language(io *IOStreams) (string, error) {
	switch strings.ToLower(o.lang) {
	case "de", "en":
		return strings.ToLower(o.lang), nil
	case "":
		for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			if l := io.Getenv(v); l != "" {
				if strings.HasPrefix(strings.ToLower(l), "de") {
					return "de", nil
				}
				return "en", nil
			}
		}
		return "en", nil
	}
	return "", usagef("use --lang de or --lang en", "unknown language %q", o.lang)
}

// language resolves the root's --lang for the commands that do not bind their own
// (inspect, init), as [outputOptions.language] does.
func (a *app) language() (string, error) {
	return (&outputOptions{lang: a.lang}).language(a.io)
}
