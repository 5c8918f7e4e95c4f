package report

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromiumPath is Debian's chromium, which .ci/run installs.
const chromiumPath = "/usr/bin/chromium"

// artifactDir is where the browser test leaves its screenshots and PDFs: $WINBACK_ARTIFACTS
// when set, else a fixed folder in the system's temporary directory, so that a person can
// look at them after the run.
func artifactDir(t *testing.T) string {
	dir := os.Getenv("WINBACK_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "winback-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// pageCheck is what the page reports about itself, measured in the browser.
type pageCheck struct {
	Heatmap   int      `json:"heatmap"`   // cells of the R×F heat map
	Bars      int      `json:"bars"`      // bars of the recency histogram
	Lines     int      `json:"lines"`     // lines of the monthly trend
	Cohorts   int      `json:"cohorts"`   // rows of the cohort heat map
	Lapsed    int      `json:"lapsed"`    // rows of the lapsed list
	Tables    int      `json:"tables"`    // tables in the page
	Scripts   int      `json:"scripts"`   // script elements (none)
	Images    int      `json:"images"`    // img elements (none)
	Hostile   bool     `json:"hostile"`   // the hostile name shows as text
	Pseudonym bool     `json:"pseudonym"` // the note "names hidden" is visible
	Overlaps  []string `json:"overlaps"`  // chart labels that overlap
	Offscreen []string `json:"offscreen"` // chart labels cut off by their chart
	Cut       []string `json:"cut"`       // tables wider than the window
	Width     int      `json:"width"`     // the document's scroll width
}

// measure runs in the page. Labels of one chart must not overlap one another (a few pixels
// of slack for the glyphs' side bearings) nor stick out of their svg.
const measure = `(() => {
  const q = s => document.querySelectorAll(s).length;
  const overlaps = [], offscreen = [];
  for (const svg of document.querySelectorAll('svg.chart')) {
    const box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].map(t => [t.textContent, t.getBoundingClientRect()]);
    for (const [s, r] of texts) {
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
        offscreen.push(svg.id + ': ' + s);
    }
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
      const [a, ra] = texts[i], [b, rb] = texts[j], slack = 1;
      if (ra.left + slack < rb.right && rb.left + slack < ra.right && ra.top + slack < rb.bottom && rb.top + slack < ra.bottom)
        overlaps.push(svg.id + ': ' + a + ' / ' + b);
    }
  }
  const cut = [...document.querySelectorAll('.wrap')].filter(w => w.scrollWidth > w.clientWidth + 1).map(w => w.firstElementChild.id);
  const hostile = [...document.querySelectorAll('#lapsed-table td')].some(td => td.textContent.includes('<script>alert(1)</script>'));
  return {
    heatmap: q('svg#rf-heatmap rect.cell'), bars: q('svg#recency-histogram rect.bar'),
    lines: q('svg#monthly-trend polyline.series'), cohorts: q('table#cohort-heatmap tbody tr'),
    lapsed: q('table#lapsed-table tbody tr'), tables: q('table'), scripts: q('script'), images: q('img'),
    pseudonym: !!document.getElementById('pseudonymized') && document.getElementById('pseudonymized').getBoundingClientRect().height > 0,
    hostile, overlaps, offscreen, cut, width: document.documentElement.scrollWidth,
  };
})()`

// TestHTMLInChromium renders the practice's report in both languages and a crowded one in
// a real headless chromium: no console message of level warning or above, no exception, no request other
// than the page itself, the charts and tables there, no chart label overlapping another,
// and a screenshot (and an A4 PDF) written as artifacts.
func TestHTMLInChromium(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("no %s (install Debian's chromium; in CI this test fails instead)", chromiumPath)
		}
		t.Fatalf("CI is set and %s is missing: .ci/run must install chromium (%v)", chromiumPath, err)
	}
	if _, err := exec.LookPath(chromiumPath); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	dir := artifactDir(t)

	// The practice in both languages, and a crowded German report: pseudonymised, 100
	// customers listed of 2,000, 60 months, 14 histogram bars and 500 services.
	crowded := huge(2_000, 60)
	crowded.LapsedShown = 100
	cases := []struct {
		name string
		r    *Report
		full bool // a full-page screenshot; else only the trends section
	}{{"en", practice("en"), true}, {"de", practice("de"), true}, {"crowded", crowded, false}}
	pages := map[string][]byte{}
	for _, c := range cases {
		pages["/report_"+c.name+".html"] = write(t, "html", Options{}, c.r)
	}
	var mu sync.Mutex
	var served []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		served = append(served, r.URL.Path)
		mu.Unlock()
		body, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(body)
	}))
	defer srv.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 180*time.Second)
	defer cancel()
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	defer cancelAlloc()
	browser, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	if err := chromedp.Do(browser); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}

	// The pages load in tabs at once; a full-page screenshot is the slow part.
	t.Run("pages", func(t *testing.T) {
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				t.Parallel()
				tab, cancelTab := chromedp.NewContext(browser)
				defer cancelTab()
				var evMu sync.Mutex
				var problems, requests []string
				err := chromedp.Listen(tab, func(ev any) {
					evMu.Lock()
					defer evMu.Unlock()
					switch ev := ev.(type) {
					case *runtime.EventConsoleAPICalled:
						if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
							problems = append(problems, "console."+string(ev.Type))
						}
					case *runtime.EventExceptionThrown:
						problems = append(problems, "exception: "+ev.ExceptionDetails.Text)
					case *log.EventEntryAdded:
						if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
							problems = append(problems, "log "+string(ev.Entry.Level)+": "+ev.Entry.Text)
						}
					case *network.EventRequestWillBeSent:
						if !strings.HasPrefix(ev.Request.URL, "data:") {
							requests = append(requests, ev.Request.URL)
						}
					case *network.EventLoadingFailed:
						problems = append(problems, "loading failed: "+ev.ErrorText)
					}
				})
				if err != nil {
					t.Fatal(err)
				}
				url := srv.URL + "/report_" + c.name + ".html"
				if err := chromedp.Do(tab, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(url)); err != nil {
					t.Fatal(err)
				}
				raw, err := chromedp.Run(tab, chromedp.Evaluate[[]byte](measure))
				if err != nil {
					t.Fatal(err)
				}
				var got pageCheck
				if err := json.Unmarshal(raw, &got); err != nil {
					t.Fatal(err)
				}
				var shot []byte
				if c.full {
					shot, err = chromedp.Run(tab, chromedp.FullScreenshot(100))
				} else {
					shot, err = chromedp.Run(tab, chromedp.Screenshot(chromedp.ID("trends")))
				}
				if err != nil {
					t.Fatal(err)
				}
				pdf, err := chromedp.Run(tab, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPrintBackground(), chromedp.PDFPreferCSSPageSize()))
				if err != nil {
					t.Fatal(err)
				}
				// Let late events arrive before they are read.
				if err := chromedp.Do(tab, chromedp.Sleep(100*time.Millisecond)); err != nil {
					t.Fatal(err)
				}
				png := filepath.Join(dir, "report_"+c.name+".png")
				if err := os.WriteFile(png, shot, 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, "report_"+c.name+".pdf"), pdf, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("screenshot: %s (%d bytes); A4 print beside it", png, len(shot))

				r := c.r
				if got.Heatmap != 25 || got.Bars != len(r.Recency) || got.Lines != 4 || got.Cohorts != len(r.Cohorts) || got.Lapsed != r.LapsedShown {
					t.Errorf("charts or tables incomplete: %+v", got)
				}
				if got.Tables < 8 {
					t.Errorf("only %d tables", got.Tables)
				}
				if got.Scripts != 0 || got.Images != 0 {
					t.Errorf("%d scripts and %d images in the page", got.Scripts, got.Images)
				}
				if !got.Hostile && !r.Pseudonymized {
					t.Error("the customer named <script>… does not show as text")
				}
				if got.Pseudonym != r.Pseudonymized {
					t.Errorf("pseudonymised %v, but the page's note visible: %v", r.Pseudonymized, got.Pseudonym)
				}
				for _, o := range got.Overlaps {
					t.Errorf("overlapping chart labels: %s", o)
				}
				for _, o := range got.Offscreen {
					t.Errorf("chart label outside its chart: %s", o)
				}
				for _, id := range got.Cut {
					t.Errorf("table %s is wider than the window and needs scrolling", id)
				}
				if got.Width > 1280 {
					t.Errorf("the page is %d px wide in a 1280 px window", got.Width)
				}
				evMu.Lock()
				defer evMu.Unlock()
				for _, p := range problems {
					t.Errorf("browser reported %s", p)
				}
				if len(requests) != 1 || requests[0] != url {
					t.Errorf("requests other than the page itself: %q", requests)
				}
			})
		}
	})
	mu.Lock()
	defer mu.Unlock()
	if len(served) != len(cases) {
		t.Errorf("the server saw %q, want only the %d pages", served, len(cases))
	}
	t.Logf("browser test took %v", time.Since(start).Round(time.Millisecond))
}
