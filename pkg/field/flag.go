package field

// ParseFlag reads a yes/no cell. Yes is yes, y, ja, j, true, t, wahr, 1, x, on, ✓ or ✔;
// no is no, n, nein, false, f, falsch, 0, off, ✗ or ✘. Case, spaces and punctuation do
// not matter ("Ja.", " YES "). ok is false for anything else, including an empty cell:
// an empty flag column is common and means "not recorded" as often as it means no.
func ParseFlag(b []byte) (value, ok bool) {
	var buf [keyLen]byte
	n, fits := normalizeKey(&buf, b)
	if !fits {
		return false, false
	}
	switch string(buf[:n]) {
	case "yes", "y", "ja", "j", "true", "t", "wahr", "1", "x", "on", "\u2713", "\u2714":
		return true, true
	case "no", "n", "nein", "false", "f", "falsch", "0", "off", "\u2717", "\u2718":
		return false, true
	}
	return false, false
}
