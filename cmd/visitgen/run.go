package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/winback/winback/pkg/visit"
	"github.com/winback/winback/pkg/visitgen"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// usageError is an error in the command line.
type usageError struct{ error }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

const usage = `visitgen writes synthetic visit exports with a known truth.

Usage:
  visitgen <kind> [flags]

Kinds:
  praxis    German physiotherapy practice (Windows-1252, ';') and its truth CSV
            visitgen praxis -out testdata/praxis/praxis.csv -truth testdata/praxis/praxis_truth.csv
  monthly   the same kind of practice exported on two dates, and the patients won back
            visitgen monthly -dir testdata/praxis
  large     large English booking export for benchmarks (about 650 MB by default)
            visitgen large -rows 200000 -customers 12000 -out large.csv
  sim       BG/NBD or Pareto/NBD cohort with each customer's true dropout day
            visitgen sim -out sim.csv -truth sim_truth.csv -params sim_params.csv

Run 'visitgen <kind> -h' for the flags of a kind.
Exit codes: 0 ok, 1 failure, 2 usage or invalid configuration.
`

// run is the whole command: it parses args, writes the files and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	err := dispatch(args, stdout, stderr)
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, new(usageError)), errors.Is(err, visitgen.ErrConfig):
		fmt.Fprintf(stderr, "visitgen: error: %v\n", err)
		fmt.Fprintf(stderr, "visitgen: hint: run 'visitgen -h' or 'visitgen <kind> -h'\n")
		return exitUsage
	default:
		fmt.Fprintf(stderr, "visitgen: error: %v\n", err)
		return exitFailure
	}
}

func dispatch(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usagef("no kind given (praxis, monthly, large or sim)")
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return nil
	case "praxis":
		return runPraxis(args[1:], stdout, stderr)
	case "monthly":
		return runMonthly(args[1:], stdout, stderr)
	case "large":
		return runLarge(args[1:], stdout, stderr)
	case "sim":
		return runSim(args[1:], stdout, stderr)
	}
	return usagef("unknown kind %q (known: praxis, monthly, large, sim)", args[0])
}

// dayFlag is a visit.Day flag in ISO form.
type dayFlag struct{ d *visit.Day }

func (f dayFlag) String() string {
	if f.d == nil {
		return ""
	}
	return f.d.String()
}

func (f dayFlag) Set(s string) error {
	d, err := visit.ParseDay(s)
	if err != nil {
		return err
	}
	*f.d = d
	return nil
}

// newFlags returns a flag set whose -h prints the kind's example and flags.
func newFlags(kind, example string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("visitgen "+kind, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: visitgen %s [flags]\n\nExample:\n  %s\n\nFlags:\n", kind, example)
		fs.PrintDefaults()
	}
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usagef("%v", err)
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	return nil
}

func runPraxis(args []string, stdout, stderr io.Writer) error {
	cfg := visitgen.DefaultPraxisConfig()
	fs := newFlags("praxis", "visitgen praxis -seed 1 -out testdata/praxis/praxis.csv -truth testdata/praxis/praxis_truth.csv", stderr)
	fs.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "random seed")
	fs.IntVar(&cfg.Patients, "patients", cfg.Patients, "number of patients")
	fs.Var(dayFlag{&cfg.Start}, "start", "first day of the export (yyyy-mm-dd)")
	fs.Var(dayFlag{&cfg.AsOf}, "asof", "day the export is taken; later appointments are booked (yyyy-mm-dd)")
	fs.IntVar(&cfg.BookAhead, "book-ahead", cfg.BookAhead, "days after the as-of date with booked appointments")
	fs.Var(dayFlag{&cfg.PriceRise}, "price-rise", "day all prices rise (yyyy-mm-dd)")
	fs.Float64Var(&cfg.PriceRisePercent, "price-rise-percent", cfg.PriceRisePercent, "price rise in percent")
	out := fs.String("out", "praxis.csv", "export file, - for stdout")
	truth := fs.String("truth", "praxis_truth.csv", "truth file, empty for none")
	if err := parse(fs, args); err != nil {
		return err
	}
	var st visitgen.Stats
	err := writeFiles(stdout, func(ws []io.Writer) (err error) {
		st, err = visitgen.WritePraxis(ws[0], ws[1], cfg)
		return err
	}, *out, *truth)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "visitgen: wrote %s: %d rows, %d patients, %s\n", *out, st.Rows, st.Customers, size(st.Bytes))
	return nil
}

func runMonthly(args []string, stdout, stderr io.Writer) error {
	cfg := visitgen.DefaultMonthlyConfig()
	fs := newFlags("monthly", "visitgen monthly -seed 1 -dir testdata/praxis", stderr)
	fs.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "random seed")
	fs.IntVar(&cfg.Patients, "patients", cfg.Patients, "number of patients")
	fs.IntVar(&cfg.WonBack, "wonback", cfg.WonBack, "patients planted who are lapsed on -first and come back by -second")
	fs.Var(dayFlag{&cfg.Start}, "start", "first day of the exports (yyyy-mm-dd)")
	fs.Var(dayFlag{&cfg.First}, "first", "as-of day of the first export (yyyy-mm-dd)")
	fs.Var(dayFlag{&cfg.Second}, "second", "as-of day of the second export (yyyy-mm-dd)")
	fs.IntVar(&cfg.BookAhead, "book-ahead", cfg.BookAhead, "days after an as-of date with booked appointments")
	dir := fs.String("dir", ".", "directory for praxis_<yyyy-mm>.csv (twice) and praxis_wonback.csv")
	if err := parse(fs, args); err != nil {
		return err
	}
	name := func(d visit.Day) string { return filepath.Join(*dir, "praxis_"+d.String()[:7]+".csv") }
	if cfg.First.String()[:7] == cfg.Second.String()[:7] {
		return usagef("-first %s and -second %s are in the same month", cfg.First, cfg.Second)
	}
	paths := []string{name(cfg.First), name(cfg.Second), filepath.Join(*dir, "praxis_wonback.csv")}
	var st visitgen.MonthlyStats
	err := writeFiles(stdout, func(ws []io.Writer) (err error) {
		st, err = visitgen.WriteMonthly(ws[0], ws[1], ws[2], cfg)
		return err
	}, paths...)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "visitgen: wrote %s (%d rows), %s (%d rows), %s (%d patients won back)\n",
		paths[0], st.First.Rows, paths[1], st.Second.Rows, paths[2], st.WonBack)
	return nil
}

func runLarge(args []string, stdout, stderr io.Writer) error {
	cfg := visitgen.DefaultLargeConfig()
	fs := newFlags("large", "visitgen large -rows 5000000 -customers 300000 -out large.csv", stderr)
	fs.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "random seed")
	fs.IntVar(&cfg.Rows, "rows", cfg.Rows, "number of rows")
	fs.IntVar(&cfg.Customers, "customers", cfg.Customers, "number of customers")
	fs.Var(dayFlag{&cfg.Start}, "start", "first day (yyyy-mm-dd)")
	fs.Var(dayFlag{&cfg.AsOf}, "asof", "export day; later rows are booked (yyyy-mm-dd)")
	fs.IntVar(&cfg.BookAhead, "book-ahead", cfg.BookAhead, "days after the as-of date with booked rows")
	out := fs.String("out", "large.csv", "export file, - for stdout")
	if err := parse(fs, args); err != nil {
		return err
	}
	var st visitgen.Stats
	err := writeFiles(stdout, func(ws []io.Writer) (err error) {
		st, err = visitgen.WriteLarge(ws[0], cfg)
		return err
	}, *out)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "visitgen: wrote %s: %d rows, %d customers, %s\n", *out, st.Rows, st.Customers, size(st.Bytes))
	return nil
}

func runSim(args []string, stdout, stderr io.Writer) error {
	cfg := visitgen.DefaultSimConfig()
	fs := newFlags("sim", "visitgen sim -customers 200 -out testdata/sim/sim.csv -truth testdata/sim/sim_truth.csv -params testdata/sim/sim_params.csv", stderr)
	fs.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "random seed")
	model := fs.String("model", string(cfg.Model), "repeat-buying model: bgnbd or pareto-nbd")
	fs.IntVar(&cfg.Customers, "customers", cfg.Customers, "number of customers")
	unit := fs.String("unit", "week", "time unit of the rates: day or week")
	fs.Float64Var(&cfg.R, "r", cfg.R, "shape of the purchase rate's gamma distribution")
	fs.Float64Var(&cfg.Alpha, "alpha", cfg.Alpha, "rate of the purchase rate's gamma distribution (per unit)")
	fs.Float64Var(&cfg.A, "a", cfg.A, "BG/NBD: first parameter of the dropout probability's beta distribution")
	fs.Float64Var(&cfg.B, "b", cfg.B, "BG/NBD: second parameter of the dropout probability's beta distribution")
	fs.Float64Var(&cfg.S, "s", cfg.S, "Pareto/NBD: shape of the dropout rate's gamma distribution")
	fs.Float64Var(&cfg.Beta, "beta", cfg.Beta, "Pareto/NBD: rate of the dropout rate's gamma distribution (per unit)")
	fs.Var(dayFlag{&cfg.Start}, "start", "first day customers enter (yyyy-mm-dd)")
	fs.IntVar(&cfg.EntryDays, "entry-days", cfg.EntryDays, "days over which customers enter")
	fs.Var(dayFlag{&cfg.End}, "end", "last observed day (yyyy-mm-dd)")
	fs.Float64Var(&cfg.SpendP, "spend-p", cfg.SpendP, "Gamma-Gamma spend: shape per purchase")
	fs.Float64Var(&cfg.SpendQ, "spend-q", cfg.SpendQ, "Gamma-Gamma spend: shape of the customer's rate")
	fs.Float64Var(&cfg.SpendGamma, "spend-gamma", cfg.SpendGamma, "Gamma-Gamma spend: rate of the customer's rate")
	fs.Float64Var(&cfg.CancelRate, "cancel-rate", cfg.CancelRate, "chance per purchase of a cancelled appointment before the next")
	fs.Float64Var(&cfg.NoShowRate, "no-show-rate", cfg.NoShowRate, "chance per purchase of a missed appointment before the next")
	out := fs.String("out", "sim.csv", "export file, - for stdout")
	truth := fs.String("truth", "sim_truth.csv", "truth file, empty for none")
	params := fs.String("params", "sim_params.csv", "parameters file, empty for none")
	if err := parse(fs, args); err != nil {
		return err
	}
	cfg.Model = visitgen.Model(*model)
	switch *unit {
	case "day":
		cfg.UnitDays = 1
	case "week":
		cfg.UnitDays = 7
	default:
		return usagef("-unit %q: use day or week", *unit)
	}
	var st visitgen.SimStats
	err := writeFiles(stdout, func(ws []io.Writer) (err error) {
		if st, err = visitgen.Simulate(ws[0], ws[1], cfg); err == nil && ws[2] != nil {
			err = cfg.WriteParams(ws[2])
		}
		return err
	}, *out, *truth, *params)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "visitgen: wrote %s: %d rows, %d customers (%d dropped by %s), %s\n",
		*out, st.Rows, st.Customers, st.Dropped, cfg.End, size(st.Bytes))
	return nil
}

// size formats a byte count for people.
func size(n int64) string {
	switch {
	case n >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%d bytes", n)
}
