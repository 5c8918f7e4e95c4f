package cli

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

var picture = flag.String("picture", "", "write the README's picture of the sample report to this PNG file")

// TestReadmePicture makes the README's picture: the German report of the sample export, as
// headless Chromium shows its first screen at 1280 × 900. It runs only when -picture names
// the file:
//
//	go test ./pkg/cli -run TestReadmePicture -picture ../../testdata/report.png
func TestReadmePicture(t *testing.T) {
	if *picture == "" {
		t.Skip("-picture names the PNG to write")
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "bericht.html")
	s, _, _, stderr := testStreams()
	if code := Main([]string{"report", "--lang", "de", "-o", page, filepath.Join("..", "..", "testdata", "praxis", "praxis.csv")}, s); code != ExitOK {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath("/usr/bin/chromium"),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.WindowSize(1280, 900),
	)
	defer cancelAlloc()
	tab, cancelTab := chromedp.NewContext(allocCtx)
	defer cancelTab()
	if err := chromedp.Do(tab, chromedp.EmulateViewport(1280, 900), chromedp.Navigate("file://"+page)); err != nil {
		t.Fatalf("chromium: %v", err)
	}
	shot, err := chromedp.Run(tab, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	if err := os.WriteFile(*picture, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d bytes)", *picture, len(shot))
}
