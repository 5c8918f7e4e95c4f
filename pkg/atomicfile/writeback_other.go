//go:build !linux

package atomicfile

import "os"

// startWriteback does nothing where the system has no way to start writing back early.
func startWriteback(*os.File, int64, int64) {}
