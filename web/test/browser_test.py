"""The browser test of the web build: python3 web/test/browser_test.py OUT_DIR SHOTS_DIR

Drives Debian's Chromium (/usr/bin/chromium, nothing downloaded) with Playwright for Python:
serves OUT_DIR on localhost, loads the app, waits for its first frame, checks that nothing
panicked, goes to every view by keyboard, steps a lesson in presenter mode, opens the
speaker notes, answers a quiz item, closes the tab at once and finds the progress kept,
follows deep links, works offline after the first visit (service worker), opens the
single-file build from file://, reads the frame-time benchmark (?bench=N), and saves
screenshots of each view in SHOTS_DIR. Files in and out, as issue #16 asks: TimelineJS files
and broken or foreign files dropped on the page, packs chosen with the file picker (a .zip,
several files, a broken .zip), a chart's CSV and PNG and a PDF for print downloaded, a
source's address opened in a new tab after the confirmation; and touch: one-finger drag and
two-finger pinch on the map and the timeline. Prints the measured figures as JSON at the end.

Controls are found by name, as a keyboard and screen-reader user finds them: Tab (or
Shift+Tab) until the page's live region, which the app fills with the focused control's
name and role ("Open pack, button"), names the one wanted, then Enter or Space. Only
gestures on the canvas (drag, pinch, a file dropped) use positions.
"""
import base64
import functools
import http.server
import io
import json
import os
import sys
import threading
import time
import zipfile

from playwright.sync_api import sync_playwright

OUT, SHOTS = sys.argv[1], sys.argv[2]
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURES = os.path.join(ROOT, "tests", "fixtures")
BENCH_FRAMES = int(os.environ.get("DECODED_BENCH_FRAMES", "10"))
os.makedirs(SHOTS, exist_ok=True)
FLAGS = ["--headless=new", "--no-sandbox", "--use-gl=swiftshader", "--enable-unsafe-swiftshader",
         "--ignore-gpu-blocklist", "--disable-background-networking", "--disable-component-update",
         "--no-first-run", "--disable-sync", "--disable-quic"]
VIEW_TITLES = ["Home", "Timeline", "Charts", "Map", "Lessons", "Quiz", "Spot the technique", "Glossary",
               "Sources", "Where to get help"]
failures = []
figures = {}


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()


def serve(folder):
    Quiet.extensions_map[".wasm"] = "application/wasm"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def watch(page, log):
    page.on("console", lambda m: log.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: log.append(f"pageerror: {e}"))


def panicked(log):
    return [line for line in log if "panicked" in line or "pageerror" in line or "The app crashed" in line]


def open_app(page, url, timeout=60_000):
    started = time.monotonic()
    page.goto(url)
    page.wait_for_selector("html[data-ready]", state="attached", timeout=timeout)
    # One more frame so the screenshot shows a painted canvas.
    page.wait_for_timeout(400)
    return time.monotonic() - started


def shot(page, name):
    path = os.path.join(SHOTS, f"{name}.png")
    page.screenshot(path=path)
    return path


def title(page):
    return page.title().split(" — ")[0]


def first_frame(browser, base):
    """Time to first frame from navigation: a first visit (fresh profile: download, compile)
    and a return visit (the browser's cache), three of each."""
    cold, warm = [], []
    for run in range(3):
        context = browser.new_context(viewport={"width": 1440, "height": 900}, service_workers="block")
        page = context.new_page()
        log = []
        watch(page, log)
        open_app(page, base + "index.html")
        cold.append(round(page.evaluate("window.decodedFirstFrameMs")))
        open_app(page, base + "index.html")
        warm.append(round(page.evaluate("window.decodedFirstFrameMs")))
        check(not panicked(log), f"first load {run + 1}: no panic in the console {panicked(log)}")
        context.close()
    figures["first_frame_ms"] = {"first_visit": cold, "return_visit": warm}
    check(min(warm) <= 1500, f"time to first frame: first visit {cold} ms, return visit {warm} ms (best return ≤ 1500 ms)")


def press(page, key, frames=1):
    """Presses a key and waits until the app has drawn `frames` frames since (two presses in
    one frame would move the focus once and act on the old focus)."""
    drawn = page.evaluate("window.decodedFrames || 0")
    page.keyboard.press(key)
    page.wait_for_function(f"(window.decodedFrames || 0) >= {drawn + frames}", timeout=10_000)
    page.wait_for_timeout(60)


# ---- Controls found by name ------------------------------------------------------------
# The app draws on a canvas; what a screen reader hears of it is the page's live region
# (#decoded_live, src/web.rs LiveRegion): "Open pack, button" when the keyboard focus is on
# Open pack. The test moves the focus as a keyboard user does, Tab (or Shift+Tab) until the
# region names the control it wants, then presses Enter or Space: no positions.

def said(page):
    """What the live region says now (the focused control, or nothing)."""
    return page.evaluate("document.getElementById('decoded_live').textContent")


def is_named(text, name):
    """Whether `text` (the live region) names the control `name` ("Open pack" or, with a
    trailing "*", any name that starts so: "A. *" is the first quiz answer)."""
    if name.endswith("*"):
        return text.startswith(name[:-1])
    return text == name or text.startswith(name + ", ")


def focus(page, name, back=False, limit=90):
    """Moves the keyboard focus with Tab (Shift+Tab if `back`) until the live region names
    `name`; returns what it said. (Tab lands in the frame of the press, Shift+Tab one frame
    later, which the app draws at once: two frames per press.)"""
    key = "Shift+Tab" if back else "Tab"
    heard = []
    for _ in range(limit):
        text = said(page)
        if is_named(text, name):
            return text
        press(page, key, frames=2)
        heard.append(said(page))
    shot(page, "focus-missing")
    raise AssertionError(f"the keyboard never reached {name!r} with {key} ({limit} presses; last heard {heard[-6:]})")


def activate(page, name, back=False, key="Enter"):
    """Focuses the control named `name` by keyboard and presses Enter (or `key`) on it."""
    focus(page, name, back=back)
    press(page, key)


def focus_rect(page):
    """Where the focused control is drawn (CSS pixels: x, y, width, height; src/web.rs)."""
    x, y, w, h = (float(v) for v in page.evaluate("document.documentElement.dataset.focusRect").split())
    return x, y, w, h


def in_view(page):
    """Whether the focused control is drawn inside the page (scrolled to, if it was not)."""
    x, y, w, h = focus_rect(page)
    size = page.viewport_size
    return 0 <= x and x + w <= size["width"] and 0 <= y and y + h <= size["height"]


def live_region(browser, base):
    """The page's live region names the control the keyboard focus is on, with its role and
    state, as the learner tabs forward and back; it is read out, not shown."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    log = []
    watch(page, log)
    open_app(page, base + "index.html")
    region = page.evaluate("""() => { const r = document.getElementById('decoded_live'); const b = r.getBoundingClientRect();
        return { live: r.getAttribute('aria-live'), atomic: r.getAttribute('aria-atomic'), w: b.width, h: b.height }; }""")
    check(region["live"] == "polite" and region["w"] <= 1 and region["h"] <= 1,
          f"live region: a polite aria-live region, visually hidden {region}")
    check(said(page) == "", f"live region: silent before the keyboard is used ({said(page)!r})")
    press(page, "Tab", frames=2)
    first = said(page)
    check(first == "Search (Ctrl+K), button", f"live region: the first Tab names the focused control ({first!r})")
    heard = []
    for _ in range(3):
        press(page, "Tab", frames=2)
        heard.append(said(page))
    check("Open pack, button" in heard, f"live region: Tab names each control of the top bar {heard}")
    press(page, "Shift+Tab", frames=2)
    check(said(page) == heard[-2], f"live region: Shift+Tab names the control before ({said(page)!r}, expected {heard[-2]!r})")
    # A state is said too: the navigation's current view is "selected".
    home = focus(page, "Home")
    check(home == "Home, button, selected", f"live region: the current view is said to be selected ({home!r})")
    press(page, "Escape", frames=1)
    page.wait_for_timeout(200)
    check(said(page) == "", f"live region: Escape (no focus) empties it ({said(page)!r})")
    shot(page, "live-region")
    check(not panicked(log), f"live region: no panic {panicked(log)}")
    context.close()


def views_by_keyboard(browser, base):
    """Every view of the navigation by keyboard: Tab until the live region names it, Enter,
    and the page's title is the view's."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    log = []
    watch(page, log)
    open_app(page, base + "index.html?view=help")
    reached, hidden = [], []
    for view in VIEW_TITLES:
        try:
            focus(page, view)
        except AssertionError as e:
            check(False, f"keyboard: {e}")
            break
        page.wait_for_timeout(150)
        if not in_view(page):
            hidden.append((view, focus_rect(page)))
        press(page, "Enter")
        page.wait_for_timeout(250)
        if title(page) == view:
            reached.append(view)
        else:
            check(False, f"keyboard: Enter on {view!r} in the navigation opened {title(page)!r}")
    check(reached == VIEW_TITLES, f"keyboard: each view found by name and opened with Enter ({len(reached)} of {len(VIEW_TITLES)})")
    check(not hidden, f"keyboard: each focused entry of the navigation is scrolled into view (not: {hidden})")
    check(not panicked(log), "keyboard: no panic")
    context.close()


def screenshots_and_presenter(browser, base):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    log = []
    watch(page, log)
    for view in ["home", "timeline", "charts", "map", "lessons", "quiz", "practice", "glossary", "sources", "help"]:
        open_app(page, base + f"index.html?view={view}")
        shot(page, view)
    open_app(page, base + "index.html?view=section&focus=sec-narratives")
    check(title(page) != "Home", f"deep link to a section: title {page.title()!r}")
    shot(page, "section")
    open_app(page, base + "index.html?view=map&date=2015-01")
    shot(page, "map-2015-01")
    check(title(page) == "Map", "deep link ?view=map&date=2015-01 opens the map")
    lesson = page.evaluate("""() => {
        const s = JSON.parse(localStorage.getItem('decoded.settings') || '{}'); return s.last_route; }""")
    check(lesson == "map", f"settings saved in localStorage (last view {lesson!r})")
    # A lesson, presented: the deep link starts it; the arrow key steps it.
    lesson_id = os.environ.get("DECODED_LESSON", "lesson-1-social-media")
    open_app(page, base + f"index.html?view=lessons&focus={lesson_id}")
    page.wait_for_timeout(500)
    shot(page, "presenter-step1")
    first = page.screenshot()
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(600)
    shot(page, "presenter-step2")
    check(page.screenshot() != first, "presenter: the right arrow steps the lesson (the screen changed)")
    page.keyboard.press("s")
    page.wait_for_timeout(600)
    shot(page, "presenter-notes")
    check(not panicked(log), f"views, presenter and notes: no panic {panicked(log)}")
    context.close()


def quiz_and_progress(browser, base):
    """Answer a quiz item (the first answer, "A. …", found by name and chosen with Enter),
    then read a section and close the tab at once: reopened, the progress is there (written
    when it changed, not on unload)."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    log = []
    watch(page, log)
    open_app(page, base + "index.html?view=quiz")
    answer = focus(page, "A. *")
    check(answer.endswith(", button"), f"quiz: the first answer is a button the keyboard reaches ({answer!r})")
    press(page, "Enter")
    page.wait_for_timeout(300)
    # Answered: the choices become marked text and the way on appears.
    after = focus(page, "Next question")
    shot(page, "quiz-answered")
    check(title(page) == "Quiz" and after == "Next question, button",
          f"quiz: an answer was chosen with Enter ({answer!r}; then {after!r})")
    page.goto(base + "index.html?view=section&focus=sec-recruitment")
    page.wait_for_selector("html[data-ready]", state="attached")
    page.wait_for_timeout(300)
    page.close(run_before_unload=False)
    page = context.new_page()
    watch(page, log)
    open_app(page, base + "index.html")
    progress = page.evaluate("localStorage.getItem('decoded.progress')") or ""
    check("sec-recruitment" in progress, "progress kept after closing the tab at once (section read)")
    shot(page, "home-after-progress")
    # A damaged entry: recovered with defaults and a notice; the rest is kept.
    # (From a page of the same site without the app: the app would save over it on unload.)
    page.goto(base + "manifest.webmanifest")
    page.evaluate("localStorage.setItem('decoded.settings', '{ damaged')")
    open_app(page, base + "index.html")
    page.wait_for_timeout(500)
    shot(page, "damaged-settings")
    progress2 = page.evaluate("localStorage.getItem('decoded.progress')") or ""
    check("sec-recruitment" in progress2, "a damaged settings entry leaves progress alone")
    kept = page.evaluate("localStorage.getItem('decoded.settings.corrupt')")
    check(kept == "{ damaged", f"the damaged entry is kept aside ({kept!r})")
    check(not panicked(log), f"quiz and progress: no panic {panicked(log)}")
    context.close()


def offline(browser, base):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    log = []
    watch(page, log)
    open_app(page, base + "index.html")
    page.wait_for_function("navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready.then(() => true)")
    page.evaluate("navigator.serviceWorker.ready")
    page.wait_for_timeout(1500)
    page.reload()
    page.wait_for_selector("html[data-ready]", state="attached")
    controlled = page.evaluate("navigator.serviceWorker.controller !== null")
    check(controlled, "offline: the service worker controls the page")
    context.set_offline(True)
    open_app(page, base + "index.html?view=timeline")
    shot(page, "offline-timeline")
    check(title(page) == "Timeline", "offline: the app loads from the cache with no network")
    check(not panicked(log), f"offline: no panic {panicked(log)}")
    context.close()


def single_file(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    log = []
    watch(page, log)
    path = os.path.abspath(os.path.join(OUT, "decoded.html"))
    open_app(page, "file://" + path + "?view=charts")
    shot(page, "single-file-charts")
    check(title(page) == "Charts", "single file from file:// opens (deep link to charts)")
    check(not panicked(log), f"single file: no panic {panicked(log)}")
    context.close()


def no_webgl(browser, base):
    context = browser.new_context(viewport={"width": 1024, "height": 700})
    page = context.new_page()
    page.add_init_script("HTMLCanvasElement.prototype.getContext = function () { return null; };")
    page.goto(base + "index.html")
    page.wait_for_selector("html[data-failed]", state="attached", timeout=10_000)
    text = page.inner_text("#decoded_problem")
    shot(page, "no-webgl")
    check("WebGL" in text, "no WebGL: the page says so")
    context.close()


def bench(browser, base):
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    log = []
    watch(page, log)
    open_app(page, base + f"index.html?bench={BENCH_FRAMES}")
    page.wait_for_function("window.decodedBench !== undefined", timeout=600_000)
    figures["bench"] = json.loads(page.evaluate("window.decodedBench"))
    check(not panicked(log), "bench: no panic")
    context.close()


# ---- Files in and out, links, touch (issue #16) ------------------------------------------
# The page's root element names the open pack (src/web.rs, show_pack): data-pack-source (where
# it came from), data-pack (its title), data-pack-events and data-pack-problems.

BUILTIN = "the built-in pack"


def pack(page):
    d = page.evaluate("Object.assign({}, document.documentElement.dataset)")
    return {"source": d.get("packSource"), "title": d.get("pack"), "events": int(d.get("packEvents", -1)),
            "problems": int(d.get("packProblems", -1))}


def wait_pack(page, source, timeout=20_000):
    """Waits until the pack opened from `source` (a picked file's label) is the one shown."""
    page.wait_for_function("s => document.documentElement.dataset.packSource === s", arg=source, timeout=timeout)
    page.wait_for_timeout(300)
    return pack(page)


def picked(name):
    """The label the app gives files the browser handed over (src/platform/picked.rs)."""
    return f"{name} (from this computer)"


def drop(page, name, data, mime=""):
    """Drops a file on the page as a browser does: dragenter, dragover and drop on the canvas
    (eframe listens there), with a DataTransfer holding a File made in the page."""
    page.evaluate("""([name, b64, mime]) => {
        const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name, { type: mime }));
        const canvas = document.getElementById('decoded_canvas');
        const at = { clientX: 700, clientY: 450, bubbles: true, cancelable: true, dataTransfer: dt };
        for (const type of ['dragenter', 'dragover', 'drop']) canvas.dispatchEvent(new DragEvent(type, at));
    }""", [name, base64.b64encode(data).decode(), mime])


def fixture(*parts):
    with open(os.path.join(FIXTURES, *parts), "rb") as f:
        return f.read()


def minimal_zip():
    """tests/fixtures/minimal/ zipped as its folder (minimal/pack.json, …), as a teacher would."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(os.listdir(os.path.join(FIXTURES, "minimal"))):
            z.writestr(f"minimal/{name}", fixture("minimal", name))
    return buffer.getvalue()


def read_a_section(page, base):
    """Progress to keep: a section read (opening it counts), then back home. Returns the
    stored progress entry."""
    open_app(page, base + "index.html?view=section&focus=sec-recruitment")
    page.wait_for_timeout(300)
    open_app(page, base + "index.html")
    return page.evaluate("localStorage.getItem('decoded.progress')") or ""


def files_dropped(browser, base):
    """TimelineJS files dropped on the page open as the pack (their warnings listed, as on the
    desktop); a damaged file or one that is not a pack gets the located problem list over the
    built-in pack; the learner's stored progress is not touched."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    log = []
    watch(page, log)
    progress = read_a_section(page, base)
    builtin = pack(page)
    check(builtin["source"] == BUILTIN and builtin["events"] > 0 and builtin["problems"] == 0,
          f"drop: the built-in pack is open first {builtin}")
    # A good Google Sheets template (.csv): its five events open; its five warnings are listed.
    drop(page, "river-crossings.csv", fixture("timelinejs", "river-crossings.csv"), "text/csv")
    got = wait_pack(page, picked("river-crossings.csv"))
    shot(page, "drop-timeline-csv")
    check(got["title"] == "Crossing the river, then and now" and got["events"] == 5 and got["problems"] == 5,
          f"drop: a TimelineJS .csv opens as the pack with its 5 events and 5 located warnings {got}")
    # A TimelineJS .json with three bad events: the good one opens, the three are listed.
    drop(page, "broken.json", fixture("timelinejs", "broken.json"), "application/json")
    got = wait_pack(page, picked("broken.json"))
    shot(page, "drop-timeline-broken-json")
    check(got["events"] == 1 and got["problems"] == 3,
          f"drop: broken.json opens its one good event and lists its 3 bad ones, located {got}")
    # Damaged JSON (cut off): nothing to open, the built-in pack stays, the problem is located.
    drop(page, "damaged.json", fixture("timelinejs", "broken.json")[:120], "application/json")
    got = wait_pack(page, picked("damaged.json"))
    shot(page, "drop-damaged-json")
    check(got["title"] == builtin["title"] and got["events"] == builtin["events"] and got["problems"] >= 1,
          f"drop: a damaged .json lists its problems over the built-in pack {got}")
    # Not a pack at all.
    drop(page, "holiday.png", b"\x89PNG\r\n\x1a\n not really", "image/png")
    got = wait_pack(page, picked("holiday.png"))
    shot(page, "drop-not-a-pack")
    check(got["title"] == builtin["title"] and got["problems"] == 1,
          f"drop: a file that is not a pack gets one problem over the built-in pack {got}")
    after = page.evaluate("localStorage.getItem('decoded.progress')") or ""
    check("sec-recruitment" in progress and after == progress,
          "drop: the stored progress is unchanged by opening packs")
    check(not panicked(log), f"drop: no panic {panicked(log)}")
    context.close()


# The "Open pack" dialog's buttons (src/shell/mod.rs, open_pack).
CHOOSE_PACK = "Choose a pack (.zip or files)…"
CHOOSE_TIMELINE = "Choose TimelineJS file…"


def choose(page, choosers, button, files):
    """Opens "Open pack" (the top bar's button, found by name), presses one of its Choose…
    buttons (Enter) and gives the file chooser `files` (name, bytes) pairs. `choosers`
    collects the page's file choosers (a listener for the whole page: with
    page.expect_file_chooser around each press, about one chooser in three was missed when
    several followed each other)."""
    activate(page, "Open pack")
    page.wait_for_timeout(300)
    choosers.clear()
    activate(page, button)
    for _ in range(100):
        if choosers:
            break
        page.wait_for_timeout(100)
    if not choosers:
        shot(page, "picker-missing")
        raise AssertionError("picker: the browser's file chooser did not open")
    choosers[0].set_files([{"name": n, "mimeType": "", "buffer": b} for n, b in files])


def files_picked(browser, base):
    """Open pack → Choose a pack: a .zip of a pack folder opens; all of a pack's files chosen
    at once open; a broken .zip gets the located problem over the built-in pack; Choose
    TimelineJS file opens a timeline."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    log = []
    watch(page, log)
    choosers = []
    page.on("filechooser", lambda c: choosers.append(c))
    open_app(page, base + "index.html")
    builtin = pack(page)
    good = minimal_zip()
    choose(page, choosers, CHOOSE_PACK, [("minimal.zip", good)])
    got = wait_pack(page, picked("minimal.zip"))
    shot(page, "picked-zip")
    check(got["title"] == "Example pack" and got["problems"] == 0, f"picker: a pack's .zip opens {got}")
    names = sorted(os.listdir(os.path.join(FIXTURES, "minimal")))
    choose(page, choosers, CHOOSE_PACK, [(n, fixture("minimal", n)) for n in names])
    got = wait_pack(page, picked(f"{names[0]} and {len(names) - 1} other files"))
    check(got["title"] == "Example pack" and got["problems"] == 0, f"picker: all of a pack's files open {got}")
    choose(page, choosers, CHOOSE_PACK, [("broken.zip", good[: len(good) // 2])])
    got = wait_pack(page, picked("broken.zip"))
    shot(page, "picked-broken-zip")
    check(got["title"] == builtin["title"] and got["problems"] == 1,
          f"picker: a broken .zip gets a located problem over the built-in pack {got}")
    choose(page, choosers, CHOOSE_TIMELINE, [("writing-systems.json", fixture("timelinejs", "writing-systems.json"))])
    got = wait_pack(page, picked("writing-systems.json"))
    check(got["events"] == 5 and got["problems"] >= 1,
          f"picker: Choose TimelineJS file opens a timeline and lists its warnings {got}")
    check(not panicked(log), f"picker: no panic {panicked(log)}")
    context.close()


def download(page, click, what, timeout=30_000):
    """Clicks and returns the download it starts: (suggested file name, bytes)."""
    try:
        with page.expect_download(timeout=timeout) as started:
            click()
    except Exception:
        shot(page, "download-missing")
        raise AssertionError(f"no download of {what}") from None
    d = started.value
    with open(d.path(), "rb") as f:
        return d.suggested_filename, f.read()


def downloads(browser, base):
    """A chart's data as CSV and as a PNG image, and a PDF for print, download; every button
    found by name and pressed with Enter."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    page = context.new_page()
    log = []
    watch(page, log)
    open_app(page, base + "index.html?view=charts")
    # The export buttons are near the end of the view: Shift+Tab from the end reaches them
    # (and scrolls the view to them).
    focus(page, "Export data as CSV", back=True)
    page.wait_for_timeout(500)
    shot(page, "charts-exports")
    check(in_view(page), f"download: the focused Export data as CSV is scrolled into view {focus_rect(page)}")
    name, data = download(page, lambda: press(page, "Enter"), "the chart's CSV")
    text = data.decode("utf-8", "replace")
    check(name.endswith(".csv") and "," in text.splitlines()[0] and len(text.splitlines()) > 10,
          f"download: the chart's data as CSV ({name}, {len(data)} bytes, header {text.splitlines()[0][:60]!r})")
    focus(page, "Export chart as image", back=True)
    page.wait_for_timeout(500)
    name, data = download(page, lambda: press(page, "Enter"), "the chart's PNG")
    size = png_size(data)
    check(name.endswith(".png") and data.startswith(b"\x89PNG\r\n\x1a\n") and size[0] > 300 and size[1] > 200,
          f"download: the chart as a PNG image ({name}, {len(data)} bytes, {size[0]}×{size[1]} pixels)")
    with open(os.path.join(SHOTS, "chart-export.png"), "wb") as f:
        f.write(data)
    # Escape lets go of the focus; Tab then starts again at the top bar.
    press(page, "Escape")
    activate(page, "Export for print…")
    page.wait_for_timeout(400)
    activate(page, "Quiz with answer key", key="Space")
    chosen = said(page)
    check(chosen == "Quiz with answer key, radio button, selected", f"print: Space chooses the quiz ({chosen!r})")
    shot(page, "print-dialog")
    focus(page, "Export")
    name, data = download(page, lambda: press(page, "Enter"), "the PDF", timeout=60_000)
    check(name.endswith(".pdf") and data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:],
          f"download: the quiz for print as PDF ({name}, {len(data)} bytes)")
    page.wait_for_timeout(300)
    shot(page, "downloaded")
    check(not panicked(log), f"downloads: no panic {panicked(log)}")
    context.close()


def png_size(data):
    """A PNG's width and height, from its header."""
    if len(data) < 24:
        return 0, 0
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def first_source_url():
    """The address of the Sources page's first source (sorted by author: "20 Minutes")."""
    for name in sorted(os.listdir(os.path.join(ROOT, "content", "sources"))):
        with open(os.path.join(ROOT, "content", "sources", name), encoding="utf-8") as f:
            for source in json.load(f).get("sources", []):
                if source.get("author") == "20 Minutes":
                    return source["url"]
    return None


def links(browser, base):
    """A source's address asks first: Cancel opens nothing; Open in browser opens the address
    in a new page (the test serves no internet: the request is answered here and recorded)."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    asked = []
    # (context.route does not catch a noopener page's first request; the request event does.)
    context.on("request", lambda r: asked.append(r.url) if not r.url.startswith(base) else None)
    page = context.new_page()
    log = []
    watch(page, log)
    open_app(page, base + "index.html?view=sources")
    expected = first_source_url()
    # The first source's address is a link named by the address itself.
    link = focus(page, expected)
    check(link == f"{expected}, link", f"link: the first source's address is a link the keyboard reaches ({link!r})")
    press(page, "Enter")
    page.wait_for_timeout(400)
    shot(page, "link-confirm")
    activate(page, "Cancel")
    page.wait_for_timeout(800)
    check(len(context.pages) == 1 and not asked, "link: Cancel in the confirmation opens nothing")
    activate(page, expected)
    page.wait_for_timeout(400)
    focus(page, "Open in browser")
    with context.expect_page(timeout=10_000) as opened:
        press(page, "Enter")
    tab = opened.value
    tab.wait_for_load_state()
    # No internet here: the new page shows the browser's error page; what it asked for counts.
    check(expected is not None and asked == [expected],
          f"link: Open in browser opens the source's address in a new page (requested {asked}; page {tab.url})")
    no_opener = tab.evaluate("window.opener === null")
    check(no_opener, "link: the new page does not get this page (noopener)")
    tab.close()
    check(title(page) == "Sources" and not panicked(log), f"link: the app stays on Sources, no panic {panicked(log)}")
    context.close()


def touch_drag(cdp, page, start, end, steps=5):
    """One finger from `start` to `end` (CSS pixels), through the DevTools protocol."""
    def at(k):
        return [{"x": start[0] + (end[0] - start[0]) * k, "y": start[1] + (end[1] - start[1]) * k, "id": 0}]
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": at(0)})
    for i in range(1, steps + 1):
        page.wait_for_timeout(30)
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": at(i / steps)})
    page.wait_for_timeout(30)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_timeout(600)


def pinch(cdp, page, centre, start, end, steps=5):
    """Two fingers on either side of `centre`, from `start` to `end` pixels from it."""
    def at(k):
        d = start + (end - start) * k
        return [{"x": centre[0] - d, "y": centre[1], "id": 0}, {"x": centre[0] + d, "y": centre[1], "id": 1}]
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": at(0)})
    for i in range(1, steps + 1):
        page.wait_for_timeout(30)
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": at(i / steps)})
    page.wait_for_timeout(30)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_timeout(800)


def touch(browser, base):
    """A tablet (1024×768, touch): one finger drags the map and the timeline, two fingers
    pinch-zoom them (each gesture must change the screen; the screenshots show how)."""
    context = browser.new_context(viewport={"width": 1024, "height": 768}, has_touch=True)
    page = context.new_page()
    log = []
    watch(page, log)
    cdp = context.new_cdp_session(page)
    open_app(page, base + "index.html?view=map")
    before = shot(page, "touch-map")
    touch_drag(cdp, page, (600, 400), (450, 480))
    dragged = shot(page, "touch-map-dragged")
    check(same(before, dragged) is False, "touch: one finger drags the map")
    pinch(cdp, page, (600, 400), 40, 160)
    pinched = shot(page, "touch-map-pinched")
    check(same(dragged, pinched) is False, "touch: two fingers spread zoom the map in")
    # The map's zoom buttons, found by name: Enter on Zoom in zooms in; Zoom out is then let
    # go of (Escape, so that only the map changes) and tapped where the focus said it is.
    focus(page, "Zoom in")
    x, y, w, h = focus_rect(page)
    # The map under the buttons, with its scale bar: zoomed in far, the map may show land
    # alone, and then the scale bar is what changes.
    map_area = {"x": 200, "y": y + h + 80, "width": 560, "height": 240}
    before_key = page.screenshot(clip=map_area)
    press(page, "Enter")
    page.wait_for_timeout(600)
    check(page.screenshot(clip=map_area) != before_key, "map: Enter on Zoom in (found by name) zooms in")
    focus(page, "Zoom out")
    x, y, w, h = focus_rect(page)
    press(page, "Escape")
    page.wait_for_timeout(300)
    check(h >= 28, f"touch: the map's Zoom out button is a tap target at least 28 pixels tall ({w:.0f}×{h:.0f})")
    before_tap = page.screenshot(clip=map_area)
    touch_drag(cdp, page, (x + w / 2, y + h / 2), (x + w / 2, y + h / 2), steps=1)
    shot(page, "touch-map-tapped")
    check(page.screenshot(clip=map_area) != before_tap,
          f"touch: a tap on the map's Zoom out button (at {x + w / 2:.0f}, {y + h / 2:.0f}) zooms out")
    # The timeline opens on all its years: zoom in first, then there is room to drag.
    open_app(page, base + "index.html?view=timeline")
    before = shot(page, "touch-timeline")
    pinch(cdp, page, (600, 470), 40, 200)
    pinched = shot(page, "touch-timeline-pinched")
    check(same(before, pinched) is False, "touch: two fingers spread zoom the timeline in")
    touch_drag(cdp, page, (700, 470), (450, 470))
    dragged = shot(page, "touch-timeline-dragged")
    check(same(pinched, dragged) is False, "touch: one finger drags the timeline")
    check(title(page) == "Timeline" and not panicked(log), f"touch: no panic {panicked(log)}")
    context.close()


def same(a, b):
    with open(a, "rb") as fa, open(b, "rb") as fb:
        return fa.read() == fb.read()


def main():
    server, base = serve(OUT)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        steps = [first_frame, live_region, views_by_keyboard, screenshots_and_presenter, quiz_and_progress, files_dropped,
                 files_picked, downloads, links, touch, offline, no_webgl, bench]
        only = os.environ.get("DECODED_STEPS")  # e.g. DECODED_STEPS=quiz_and_progress,offline
        for step in [s for s in steps if not only or s.__name__ in only.split(",")]:
            started = time.monotonic()
            try:
                step(browser, base)
            except Exception as e:  # one failed step must not hide the others
                check(False, f"{step.__name__}: {e}")
            figures.setdefault("seconds", {})[step.__name__] = round(time.monotonic() - started, 1)
        try:
            single_file(browser)
        except Exception as e:
            check(False, f"single_file: {e}")
        browser.close()
    server.shutdown()
    print("figures " + json.dumps(figures))
    if failures:
        print(f"{len(failures)} failed: {failures}")
        sys.exit(1)
    print("all browser checks passed")


main()
