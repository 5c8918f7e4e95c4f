package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

var (
	picture = flag.String("picture", "", "write the README's picture of the sample report to this PNG file")
	shots   = flag.String("shots", "", "write screenshots of the sample report (the page at 1280 px, the print PDF and its pages as PNG) to this folder")
)

// chromium is Debian's chromium, which .ci/run installs.
const chromium = "/usr/bin/chromium"

// sampleReport writes the report of the sample export in lang as HTML into dir and
// returns its path.
func sampleReport(t *testing.T, dir, lang string) string {
	t.Helper()
	page := filepath.Join(dir, "report_"+lang+".html")
	s, _, _, stderr := testStreams()
	if code := Main([]string{"report", "--lang", lang, "-o", page, filepath.Join("..", "..", "testdata", "praxis", "praxis.csv")}, s); code != ExitOK {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	return page
}

// browserTab starts a headless chromium with a window of 1280 × 900 and returns a tab;
// it skips the test when there is no chromium.
func browserTab(t *testing.T, dir string) context.Context {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("no %s", chromium)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.WindowSize(1280, 900),
	)
	t.Cleanup(cancelAlloc)
	tab, cancelTab := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelTab)
	return tab
}

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
	page := sampleReport(t, dir, "de")
	tab := browserTab(t, dir)
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

// The header and footer Chromium prints on every page of the PDF. A browser's own print
// dialog shows its own instead when "Headers and footers" is ticked there (date, title,
// file name and "page n of m"); the report's CSS cannot place them (Chromium does not
// support @page margin boxes).
const (
	pdfHeader = `<div style="font-size:8pt;width:100%;margin:0 12mm;font-family:sans-serif"><span class="title"></span></div>`
	pdfFooter = `<div style="font-size:8pt;width:100%;margin:0 12mm;text-align:right;font-family:sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`
)

// maxPrintPages is the most A4 pages the printed sample report may take (issue 19: it
// took 19).
const maxPrintPages = 8

// pdfPage finds the page objects of a PDF: "/Type /Page", not "/Type /Pages". Chromium
// (Skia) writes them uncompressed.
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// printPDF prints the page open in tab to an A4 PDF as a browser's print dialog would,
// with the page's own margins, a header (the page's title, which holds the as-of date) and a
// footer (page of pages).
func printPDF(t *testing.T, tab context.Context) []byte {
	t.Helper()
	pdf, err := chromedp.Run(tab, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPrintBackground(),
		chromedp.PDFPreferCSSPageSize(), chromedp.PDFHeaderTemplate(pdfHeader), chromedp.PDFFooterTemplate(pdfFooter)))
	if err != nil {
		t.Fatalf("printing: %v", err)
	}
	return pdf
}

// TestPrintedReport prints the German and English reports of the sample export to A4 in
// headless Chromium and counts the pages: at most maxPrintPages. With -shots DIR it
// leaves there the screen at 1280 px (report_LANG.png), the PDF (report_LANG.pdf) and its
// pages as PNG (report_LANG-N.png, by pdftoppm when installed; else screenshots of the
// page in print emulation cut into A4-high strips), and each chart (chart_ID_LANG.png):
//
//	go test ./pkg/cli -run TestPrintedReport -shots /tmp/shots
func TestPrintedReport(t *testing.T) {
	dir := t.TempDir()
	tab := browserTab(t, dir)
	for _, lang := range []string{"de", "en"} {
		page := sampleReport(t, dir, lang)
		if err := chromedp.Do(tab, chromedp.EmulateViewport(1280, 900), chromedp.Navigate("file://"+page)); err != nil {
			t.Fatalf("chromium: %v", err)
		}
		pdf := printPDF(t, tab)
		n := len(pdfPage.FindAll(pdf, -1))
		t.Logf("%s: %d A4 pages", lang, n)
		if n == 0 || n > maxPrintPages {
			t.Errorf("%s: the printed report has %d pages, want 1 to %d", lang, n, maxPrintPages)
		}
		if *shots == "" {
			continue
		}
		if err := os.MkdirAll(*shots, 0o755); err != nil {
			t.Fatal(err)
		}
		shot, err := chromedp.Run(tab, chromedp.FullScreenshot(60))
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(*shots, "report_"+lang+".jpg"), shot)
		// Each chart on its own, to look at closely.
		ids, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`[...document.querySelectorAll('svg.chart')].map(e => e.id)`))
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			shot, err := chromedp.Run(tab, chromedp.Screenshot(chromedp.ID(id)))
			if err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(*shots, "chart_"+id+"_"+lang+".png"), shot)
		}
		pdfPath := filepath.Join(*shots, "report_"+lang+".pdf")
		write(t, pdfPath, pdf)
		pagePictures(t, tab, pdfPath, n)
	}
}

func write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d bytes)", path, len(b))
}

// pagePictures turns the PDF's pages into PNGs beside it: with pdftoppm when installed,
// else as screenshots of the page in print emulation at A4's printable width, cut into
// strips an A4 page high (where a page breaks then differs a little from the PDF).
func pagePictures(t *testing.T, tab context.Context, pdfPath string, pages int) {
	t.Helper()
	base := pdfPath[:len(pdfPath)-len(".pdf")]
	if tool, err := exec.LookPath("pdftoppm"); err == nil {
		out, err := exec.Command(tool, "-png", "-r", "70", pdfPath, base).CombinedOutput()
		if err != nil {
			t.Fatalf("pdftoppm: %v: %s", err, out)
		}
		t.Logf("pages of %s as %s-N.png (pdftoppm)", pdfPath, base)
		return
	}
	// A4 less the 12 mm margins: 186 × 273 mm, at 96 px an inch.
	const w, h = 703, 1032
	media := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	})
	if err := chromedp.Do(tab, chromedp.EmulateViewport(w, h), media); err != nil {
		t.Fatal(err)
	}
	for i := range pages {
		clip := fmt.Sprintf(`window.scrollTo(0, %d)`, i*h)
		if _, err := chromedp.Run(tab, chromedp.Evaluate[any](clip)); err != nil {
			t.Fatal(err)
		}
		shot, err := chromedp.Run(tab, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		write(t, fmt.Sprintf("%s-%d.png", base, i+1), shot)
	}
}

// timelineOverlaps lists the labels of explain's timeline that overlap one another or
// stick out of the chart (a pixel of slack for the glyphs' side bearings).
const timelineOverlaps = `(() => {
  const svg = document.getElementById('customer-timeline'), box = svg.getBoundingClientRect(), out = [];
  const ts = [...svg.querySelectorAll('text')].map(t => [t.textContent, t.getBoundingClientRect()]);
  for (const [s, r] of ts) if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) out.push('outside: ' + s);
  for (let i = 0; i < ts.length; i++) for (let j = i + 1; j < ts.length; j++) {
    const [a, ra] = ts[i], [b, rb] = ts[j];
    if (ra.left + 1 < rb.right && rb.left + 1 < ra.right && ra.top + 1 < rb.bottom && rb.top + 1 < ra.bottom) out.push(a + ' / ' + b);
  }
  return out;
})()`

// TestExplainPage writes one patient's story as a web page (explain -o x.html) and opens
// it in headless Chromium: the timeline is there with a mark for every appointment and
// no label over another. With
// -shots it leaves the page's screenshot there (explain_de.png).
func TestExplainPage(t *testing.T) {
	dir := t.TempDir()
	tab := browserTab(t, dir)
	page := filepath.Join(dir, "patient.html")
	s, _, _, stderr := testStreams()
	if code := Main([]string{"explain", "--customer", "1227", "--lang", "de", "-o", page, filepath.Join("..", "..", "testdata", "praxis", "praxis.csv")}, s); code != ExitOK {
		t.Fatalf("explain: exit %d: %s", code, stderr)
	}
	if err := chromedp.Do(tab, chromedp.EmulateViewport(1280, 900), chromedp.Navigate("file://"+page)); err != nil {
		t.Fatalf("chromium: %v", err)
	}
	marks, err := chromedp.Run(tab, chromedp.Evaluate[int](`document.querySelectorAll('svg#customer-timeline rect.ev').length`))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := chromedp.Run(tab, chromedp.Evaluate[int](`document.querySelector('table').tBodies[0].rows.length`))
	if err != nil {
		t.Fatal(err)
	}
	// The legend has a mark per status besides one per appointment.
	if marks <= rows || marks > rows+4 {
		t.Errorf("the timeline has %d marks for %d appointments", marks, rows)
	}
	overlaps, err := chromedp.Run(tab, chromedp.Evaluate[[]string](timelineOverlaps))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range overlaps {
		t.Errorf("timeline labels overlap or stick out: %s", o)
	}
	if *shots == "" {
		return
	}
	shot, err := chromedp.Run(tab, chromedp.FullScreenshot(60))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(*shots, "explain_de.jpg"), shot)
}
