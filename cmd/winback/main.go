// Command winback finds the customers who quietly stopped coming and suggests what to ask
// them. See the README or `winback help`.
package main

import (
	"os"

	"github.com/winback/winback/pkg/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.System()))
}
