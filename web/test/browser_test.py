"""The browser test of the web build: python3 web/test/browser_test.py OUT_DIR SHOTS_DIR

Drives Debian's Chromium (/usr/bin/chromium, nothing downloaded) with Playwright for Python:
serves OUT_DIR on localhost, loads the app, waits for its first frame, checks that nothing
panicked, goes to every view by keyboard, steps a lesson in presenter mode, opens the
speaker notes, answers a quiz item, closes the tab at once and finds the progress kept,
follows deep links, works offline after the first visit (service worker), opens the
single-file build from file://, reads the frame-time benchmark (?bench=N), and saves
screenshots of each view in SHOTS_DIR. Prints the measured figures as JSON at the end.
"""
import functools
import http.server
import json
import os
import sys
import threading
import time

from playwright.sync_api import sync_playwright

OUT, SHOTS = sys.argv[1], sys.argv[2]
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


def views_by_keyboard(browser, base):
    """Tab to the navigation (found by trying: the top bar comes first), then Tab+Enter
    through it, recording the page title of each view."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    log = []
    watch(page, log)
    seen = []
    for tabs in range(1, 16):
        open_app(page, base + "index.html?view=help")
        for _ in range(tabs):
            page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.wait_for_timeout(250)
        if title(page) == "Home":
            break
    else:
        check(False, "keyboard: reached the navigation with Tab")
        context.close()
        return
    seen.append("Home")
    for _ in range(40):
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.wait_for_timeout(250)
        t = title(page)
        if t not in seen:
            seen.append(t)
        if all(v in seen for v in VIEW_TITLES):
            break
    missing = [v for v in VIEW_TITLES if v not in seen]
    check(not missing, f"keyboard: Tab and Enter reached every view ({len(seen)} pages; missing {missing})")
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
    """Answer a quiz item (a click on the lowest answer: found by clicking upwards from the
    bottom of the view until the screen changes), then read a section and close the tab at
    once: reopened, the progress is there (written when it changed, not on unload)."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    log = []
    watch(page, log)
    open_app(page, base + "index.html?view=quiz")
    park = (700, 895)
    page.mouse.move(*park)
    page.wait_for_timeout(300)
    before = page.screenshot()
    answered = False
    for y in range(860, 400, -24):
        page.mouse.click(720, y)
        page.mouse.move(*park)
        page.wait_for_timeout(300)
        if page.screenshot() != before:
            answered = True
            break
    shot(page, "quiz-answered")
    check(answered and title(page) == "Quiz", f"quiz: an answer was chosen (clicked at y={y})")
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


def main():
    server, base = serve(OUT)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        for step in [first_frame, views_by_keyboard, screenshots_and_presenter, quiz_and_progress, offline,
                     no_webgl, bench]:
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
