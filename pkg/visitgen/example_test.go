package visitgen_test

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"strings"

	"github.com/winback/winback/pkg/visitgen"
)

func ExampleWritePraxis() {
	var export, truth bytes.Buffer
	st, err := visitgen.WritePraxis(&export, &truth, visitgen.DefaultPraxisConfig())
	if err != nil {
		log.Fatal(err)
	}
	dropped := strings.Count(truth.String(), ","+visitgen.StateDropped+",")
	fmt.Printf("%d rows, %d patients, %d dropped\n", st.Rows, st.Customers, dropped)
	fmt.Println(strings.SplitN(truth.String(), "\n", 2)[0])
	// Output:
	// 11934 rows, 400 patients, 112 dropped
	// patient_id,state,dropout_day,codes,usual_gap_days,story,last_visit,visit_days,first_channel
}

func ExampleWriteLarge() {
	cfg := visitgen.DefaultLargeConfig()
	cfg.Rows, cfg.Customers = 10_000, 800
	st, err := visitgen.WriteLarge(io.Discard, cfg)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d rows of %d customers\n", st.Rows, st.Customers)
	// Output: 10000 rows of 800 customers
}

func ExampleSimulate() {
	cfg := visitgen.DefaultSimConfig()
	cfg.Customers = 1000
	var truth bytes.Buffer
	st, err := visitgen.Simulate(io.Discard, &truth, cfg)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d of %d customers dropped out by %s\n", st.Dropped, st.Customers, cfg.End)
	// Output: 510 of 1000 customers dropped out by 2024-12-31
}
