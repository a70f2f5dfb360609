"""How xzannot scales: import, suggest, correct, export and the window at 100 to 10,000 pages.

Run from the repository's top folder:

    python benchmarks/bench_scale.py [--sizes 100,1000,10000]
        [--only import,suggest,correct,export,window,memory] [--budget 360]

The material is a dense two-column yearbook PDF with a real text layer, about 2,270
characters a page (``benchmarks/scale_data.py``: the sample report shuffled and renumbered
so pages differ). 1,000 pages are one file; 10,000 pages are ten copies of it whose bytes
differ. Files and freshly imported projects are kept in ``~/.cache/xzannot-bench/scale``, so
only the first run pays for making them; making them is not measured.

Times are CPU seconds unless said otherwise, and say whose:
"cpu" is this process's own (``time.process_time``); "cpu+worker" adds the pdfium
process's (and any other child's); "cmd cpu" is the ``xzannot import`` command and its
pdfium child, from ``getrusage(RUSAGE_CHILDREN)``; "wall" is elapsed time.

- **import** (per size): ``xzannot import FILE… --db NEW`` as a command, all files in one
  command. Its fixed cost (start-up, the same command on a 1-page PDF) is taken off, so the
  figure is ms a page. The imported project is the starting point of every other stage.
- **memory**: the peak RSS of that command and its pdfium child together (psutil, sampled
  every 20 ms), at every size; the goal is at the largest. ``--only memory`` runs the import
  at the largest size only.
- **suggest** (per size): ``operations.suggesting.suggest`` over every page of a fresh
  project, in one transaction; this corrects each page first, as the command does. Goal
  25 ms a page. Skipped at a size when the smaller size's rate says it would take longer
  than ``--budget`` seconds (the skip is printed; at 72 ms a page, before the speed work,
  10,000 pages would have taken 12 min; at 25 ms a page they take about 4).
- **correct**: ``operations.correcting.correct_page`` on up to 100 freshly imported pages,
  each in its own transaction; median ms a page. Goal 20 ms.
- **export** (per size): every page corrected first (not measured; taken from the suggest
  stage when it ran, else corrected here unless the correct stage's rate says that would
  outrun ``--budget``, when the size is skipped), then spans added to 100 a page
  (suggestions kept, the rest inserted directly), so 1,000 pages hold 100,000 spans. Every
  format of ``operations.exporting.FORMATS`` is written with every span at 1,000 pages and
  below (goal at 1,000 pages: 5 s each for 100,000 spans); larger sizes write JSON Lines
  only, for the growth.
- **window** (per size): a real ``MainWindow`` offscreen, two pages corrected and given 300
  spans each, correction in the background turned off (this process's cpu would include
  that thread's). *Open*: ``build_window`` until the pages list holds every page (the pdfium
  process is lent, already running). *Switch*: to the other page until its text and span
  highlights are painted (cpu), and until its first image is shown (nothing cached; wall and
  cpu+worker). *Add a span*: select four characters and press a label's key, until both
  views show it. *Collation*: 1 agreement a page handed to the pages list as "collate all"
  does, then the list painted. *Caches*: the image cache set to its smallest (16 MB, where
  the preferences allow it), 40 pages visited with their images (about 45 MB of them); the
  renderer's cache bytes against its cap, and the window process's RSS growth.

Wall times on a shared two-core machine swing with its load; the goals are judged on CPU
time. The run prints the time, the commit and how many files under ``xzannot/`` differ from
it, since the code measured may be changing.

Growth: each per-page (per-switch for the window) figure at every size, and the ratio of the
largest size's to the smallest's; "linear or better" holds when that ratio is at most 1.5.
For a total over the project (marked "whole": peak RSS, opening the window, collation into
the pages list) the ratio is divided by the ratio of the sizes first.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import psutil  # noqa: E402
from scale_data import cache_folder, yearbook_files, yearbook_pdf  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402
from timing import cpu_seconds  # noqa: E402

from xzannot.core.spans import SpanStatus  # noqa: E402
from xzannot.operations.correcting import correct_page, correct_page_in  # noqa: E402
from xzannot.operations.exporting import FORMATS, ExportFilter, export  # noqa: E402
from xzannot.operations.suggesting import suggest  # noqa: E402
from xzannot.store.database import Project, open_project  # noqa: E402
from xzannot.store.documents import current_text, list_pages  # noqa: E402
from xzannot.store.models import Label, Span  # noqa: E402
from xzannot.store.spans import annotator_id, create_span  # noqa: E402

STAGES = ("import", "suggest", "correct", "export", "window", "memory")
SPANS_PER_PAGE = 100  # 100,000 spans at 1,000 pages
WINDOW_SPANS = 300
RUNS = 15
LINEAR = 1.5  # largest size's per-page cost over the smallest's, for "linear or better"
MB = 1024 * 1024


@dataclasses.dataclass
class Report:
    """What was measured: goal rows, growth series and what was skipped."""

    rows: list[tuple[str, str, str, str]] = dataclasses.field(default_factory=list)
    growth: dict[str, dict[int, float]] = dataclasses.field(default_factory=dict)
    skipped: list[str] = dataclasses.field(default_factory=list)
    estimate: dict[str, float] = dataclasses.field(default_factory=dict)  # stage -> s a page

    def add(self, figure: str, value: float, unit: str, goal: float | None = None) -> None:
        held = "" if goal is None else ("yes" if value <= goal else "NO")
        goal_text = "" if goal is None else f"<= {goal:,.{0 if goal >= 10 else 2}f} {unit}"
        self.rows.append((figure, f"{value:,.1f} {unit}", goal_text, held))
        print(f"  {figure}: {value:,.1f} {unit}" + (f"  (goal {goal_text})" if goal else ""))

    def note(self, figure: str, text: str) -> None:
        self.rows.append((figure, text, "", ""))
        print(f"  {figure}: {text}")

    def grow(self, name: str, size: int, value: float) -> None:
        """One point of a growth series; a name ending "(whole)" is a total, not per page."""
        self.growth.setdefault(name, {})[size] = value

    def skip(self, what: str) -> None:
        self.skipped.append(what)
        print(f"  skipped: {what}")

    def too_long(self, stage: str, size: int, budget: float) -> bool:
        """Whether the rate seen at a smaller size says this size would outrun the budget."""
        rate = self.estimate.get(stage)
        if rate is None or rate * size <= budget:
            return False
        self.skip(
            f"{stage} at {size:,} pages: about {rate * size / 60:.0f} min at "
            f"{rate * 1000:.0f} ms a page (over --budget {budget:.0f} s)"
        )
        return True


# ---- projects ---------------------------------------------------------------------------


def schema_key() -> str:
    """Cached projects are made again when the migrations change, or the triggers they make."""
    digest = hashlib.sha256()
    store = ROOT / "xzannot" / "store"
    triggers = [store / name for name in ("search_index.py", "change_log.py", "team_server.py")]
    for path in [*sorted((store / "migrations").rglob("*.py")), *triggers]:
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:10]


def cached_project(size: int) -> Path:
    return cache_folder() / f"project-{schema_key()}-{size}.sqlite"


def import_command(files: list[Path], db: Path) -> dict[str, float]:
    """Run ``xzannot import``: its CPU with its children, wall time and peak RSS (summed
    over the command and its pdfium child)."""
    import resource

    def used() -> float:
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime

    before, start = used(), time.perf_counter()
    command = [sys.executable, "-m", "xzannot", "import", *map(str, files), "--db", str(db)]
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watched = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree))
        except psutil.Error:
            pass
        time.sleep(0.02)
    error = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode:
        raise RuntimeError(f"xzannot import failed: {error.strip()[-500:]}")
    return {"cpu": used() - before, "wall": time.perf_counter() - start, "peak": peak}


def fresh_project(size: int, folder: Path, name: str) -> Path:
    """A copy of the freshly imported ``size``-page project (imported now if not kept)."""
    kept = cached_project(size)
    if not kept.exists():
        print(f"  (importing {size:,} pages to make the project; not measured)")
        import_command(yearbook_files(size), kept.with_suffix(".part"))
        kept.with_suffix(".part").replace(kept)
    copy = folder / f"{name}-{size}.sqlite"
    shutil.copyfile(kept, copy)
    return copy


def page_ids(project: Project) -> list[int]:
    with project.session() as s:
        return [p.id for p in list_pages(s)]


@contextmanager
def opened(db: Path) -> Iterator[Project]:
    with open_project(db) as project:
        yield project


# ---- import and memory ------------------------------------------------------------------


def stage_import(sizes: list[int], folder: Path, report: Report) -> None:
    print("import (the xzannot import command, as a subprocess)")
    fixed = import_command([yearbook_pdf(1)], folder / "one-page.sqlite")
    print(f"  fixed cost (1-page PDF): {fixed['cpu']:.2f} s cmd cpu, {fixed['wall']:.2f} s wall")
    for size in sizes:
        files = yearbook_files(size)
        db = folder / f"import-{size}.sqlite"
        got = import_command(files, db)
        per_page = max(got["cpu"] - fixed["cpu"], 0) / (size - 1) * 1000
        report.add(f"import {size:,} pages ({len(files)} file(s)), cmd cpu a page", per_page, "ms")
        report.note(
            f"import {size:,} pages, whole command",
            f"{got['cpu']:.1f} s cmd cpu, {got['wall']:.1f} s wall",
        )
        report.grow("import, ms a page (cmd cpu)", size, per_page)
        peak = got["peak"] / MB
        report.grow("import peak RSS, MB (whole)", size, peak)
        goal = 600 if size == max(sizes) else None
        report.add(f"import {size:,} pages: peak RSS, command + pdfium", peak, "MB", goal)
        shutil.copyfile(db, cached_project(size))  # the other stages start from the newest
        db.unlink()


def stage_memory(sizes: list[int], folder: Path, report: Report) -> None:
    size = max(sizes)
    print(f"memory (importing {size:,} pages in one command)")
    got = import_command(yearbook_files(size), folder / f"memory-{size}.sqlite")
    report.add(f"import {size:,} pages: peak RSS, command + pdfium", got["peak"] / MB, "MB", 600)


# ---- suggest and correct ----------------------------------------------------------------


def stage_suggest(
    sizes: list[int], folder: Path, report: Report, budget: float, keep: dict[int, Path]
) -> None:
    print("suggest (operations.suggesting.suggest over every page, cpu)")
    for size in sizes:
        if report.too_long("suggest", size, budget):
            continue
        db = fresh_project(size, folder, "suggest")
        with opened(db) as project:
            start = cpu_seconds()
            outcome = suggest(project)
            took = cpu_seconds() - start
        per_page = took / size * 1000
        report.estimate["suggest"] = took / size
        added = sum(outcome.added.values())
        report.add(f"suggest {size:,} pages ({added:,} spans), cpu a page", per_page, "ms", 25)
        report.grow("suggest, ms a page (cpu)", size, per_page)
        keep[size] = db  # corrected, with suggestions: the export starts from it


def stage_correct(sizes: list[int], folder: Path, report: Report) -> None:
    print("correct (operations.correcting.correct_page on freshly imported pages, cpu)")
    for size in sizes:
        db = fresh_project(size, folder, "correct")
        with opened(db) as project:
            times = []
            for page_id in page_ids(project)[:100]:
                # this process's own: correcting runs no child process, and reading the
                # children's times (psutil, about 1 ms) would count in every page
                start = time.process_time()
                correct_page(project, page_id)
                times.append(time.process_time() - start)
        median = statistics.median(times) * 1000
        report.estimate["correct"] = statistics.mean(times)
        report.add(
            f"correct a page at {size:,} pages (median of {len(times)}), cpu", median, "ms", 20
        )
        db.unlink()


# ---- export -----------------------------------------------------------------------------


def add_spans(project: Project, per_page: int) -> int:
    """Spans enough for ``per_page`` on every page, inserted directly (as bench_export)."""
    with project.transaction() as s:
        labels = list(s.scalars(select(Label.id)))
        who = annotator_id(s, "bench")
        taken = set(s.execute(select(Span.page_id, Span.start, Span.end, Span.label_id)))
        have: dict[int, int] = {}
        for page_id, *_rest in taken:
            have[page_id] = have.get(page_id, 0) + 1
        rows = []
        for page_id in [p.id for p in list_pages(s)]:
            text = current_text(s, page_id)
            step = max(len(text) // per_page, 2)
            for k in range(max(per_page - have.get(page_id, 0), 0)):
                start = (k * step) % max(len(text) - step, 1)
                end, label = start + step - 1, labels[k % len(labels)]
                if (page_id, start, end, label) in taken:  # a short page wraps round
                    continue
                taken.add((page_id, start, end, label))
                rows.append({
                    "page_id": page_id, "start": start, "end": end, "label_id": label,
                    "quote": text[start:end], "note": "", "version": 1,
                    "attributes": {"indicator": "x", "value": k} if k % 3 == 0 else {},
                    "status": SpanStatus.ACCEPTED.value, "annotator_id": who,
                })  # fmt: skip
        if rows:
            s.execute(insert(Span), rows)
        return int(s.query(Span).count())


def corrected_project(
    size: int, folder: Path, report: Report, budget: float, keep: dict[int, Path]
) -> Path | None:
    """The project with every page corrected: the suggest stage's, or corrected now."""
    if size in keep:
        return keep[size]
    if report.too_long("correct", size, budget):
        report.skip(f"export at {size:,} pages: its pages would first need correcting")
        return None
    db = fresh_project(size, folder, "export")
    with opened(db) as project, project.transaction() as s:
        start = cpu_seconds()
        for page_id in [p.id for p in list_pages(s)]:
            correct_page_in(s, page_id)
        print(f"  (corrected {size:,} pages in {cpu_seconds() - start:.0f} s cpu; not measured)")
    return db


def stage_export(
    sizes: list[int], folder: Path, report: Report, budget: float, keep: dict[int, Path]
) -> None:
    print("export (operations.exporting.export, every span, cpu)")
    every = ExportFilter(statuses=tuple(SpanStatus))
    for size in sizes:
        db = corrected_project(size, folder, report, budget, keep)
        if db is None:
            continue
        with opened(db) as project:
            spans = add_spans(project, SPANS_PER_PAGE)
            names = list(FORMATS) if size <= 1000 else ["jsonl"]
            if size > 1000:
                report.skip(f"export at {size:,} pages: formats other than jsonl (time)")
            for name in names:
                start = cpu_seconds()
                export(project, name, folder / f"out-{size}-{name}", every)
                took = cpu_seconds() - start
                goal = 5 if size == 1000 else None  # 5 s for 100,000 spans
                report.add(f"export {size:,} pages, {spans:,} spans, {name}, cpu", took, "s", goal)
                report.grow(f"export {name}, ms a page (cpu)", size, took / size * 1000)
                shutil.rmtree(folder / f"out-{size}-{name}", ignore_errors=True)
                (folder / f"out-{size}-{name}").unlink(missing_ok=True)
        db.unlink()


# ---- window -----------------------------------------------------------------------------


def window_project(size: int, folder: Path) -> tuple[Path, int, int]:
    """The fresh project with its first two pages corrected and given 300 spans each."""
    db = fresh_project(size, folder, "window")
    with opened(db) as project, project.transaction() as s:
        first, second = [p.id for p in list_pages(s)][:2]
        rng = random.Random(7)
        for page_id in (first, second):
            correct_page_in(s, page_id)
            text = current_text(s, page_id)
            for _ in range(WINDOW_SPANS):
                start = rng.randrange(0, len(text) - 30)
                end = start + rng.randrange(2, 30)
                label = rng.choice(["target", "project", "policy"])
                try:
                    with s.begin_nested():
                        create_span(s, page_id=page_id, start=start, end=end, label=label,
                                    quote=text[start:end], annotator="bench")  # fmt: skip
                except Exception:  # the same span drawn twice
                    continue
    return db, first, second


def wait_until(app: object, condition: Callable[[], bool], timeout: float = 20.0) -> None:
    end = time.perf_counter() + timeout
    while not condition():
        app.processEvents()  # type: ignore[attr-defined]
        if time.perf_counter() > end:
            raise TimeoutError
        time.sleep(0.0005)


def renderer_of(window: object) -> object:
    """The window's PageRenderer."""
    return window.renderer  # type: ignore[attr-defined]


def measure_switch(app: object, window: object, page: int, other: int) -> dict[str, float]:
    """Medians: text and highlights painted (cpu, wall); first image shown (cpu+worker, wall)."""
    w = window
    renderer = renderer_of(w)
    got: dict[str, list[float]] = {"text_cpu": [], "text_wall": [], "img_cpu": [], "img_wall": []}
    for _ in range(RUNS):
        for target in (other, page):
            w.show_page(target)  # type: ignore[attr-defined]
            wait_until(app, w.page_view.has_image)  # type: ignore[attr-defined]
            renderer.clear()
        wall, cpu, own = time.perf_counter(), cpu_seconds(), time.process_time()
        w.show_page(other)  # type: ignore[attr-defined]
        w.text_view.viewport().repaint()  # type: ignore[attr-defined]
        w.page_view.viewport().repaint()  # type: ignore[attr-defined]
        got["text_cpu"].append(time.process_time() - own)
        got["text_wall"].append(time.perf_counter() - wall)
        wait_until(app, w.page_view.has_image)  # type: ignore[attr-defined]
        w.page_view.viewport().repaint()  # type: ignore[attr-defined]
        got["img_cpu"].append(cpu_seconds() - cpu)
        got["img_wall"].append(time.perf_counter() - wall)
    return {k: statistics.median(v) * 1000 for k, v in got.items()}


def measure_add_span(window: object) -> tuple[float, float]:
    """Medians (cpu ms, wall ms) of adding a span with a label's key."""
    w = window
    text = w.state.data.text  # type: ignore[attr-defined]
    rng = random.Random(11)
    cpu, wall = [], []
    for _ in range(RUNS):
        at = rng.randrange(0, len(text) - 10)
        w.text_view.select_range(at, at + 4)  # type: ignore[attr-defined]
        start, own = time.perf_counter(), time.process_time()
        w.labelling.apply_label("policy")  # type: ignore[attr-defined]
        w.text_view.viewport().repaint()  # type: ignore[attr-defined]
        w.page_view.viewport().repaint()  # type: ignore[attr-defined]
        cpu.append(time.process_time() - own)
        wall.append(time.perf_counter() - start)
    return statistics.median(cpu) * 1000, statistics.median(wall) * 1000


def measure_collation(window: object, ids: list[int]) -> float:
    """Cpu ms to hand one agreement a page to the pages list and paint it."""
    from xzannot.store.collation import Agreement

    w = window
    found = [Agreement(i, 1, k % 5, (k % 7) / 100, 1.0) for k, i in enumerate(ids)]
    start = time.process_time()
    w.collating.agreementsChanged.emit(found)  # type: ignore[attr-defined]
    w.pages_table.viewport().repaint()  # type: ignore[attr-defined]
    return (time.process_time() - start) * 1000


def measure_caches(app: object, window: object, ids: list[int]) -> dict[str, float]:
    """Visit up to 40 pages with their images; the renderer's cache against its cap."""
    w = window
    renderer = renderer_of(w)
    rss = psutil.Process().memory_info().rss
    for page_id in ids[:40]:
        w.show_page(page_id)  # type: ignore[attr-defined]
        wait_until(app, w.page_view.has_image)  # type: ignore[attr-defined]
    return {
        "used": renderer._used / MB,
        "cap": renderer._cache_bytes / MB,
        "images": len(renderer._cache),
        "rss_growth": (psutil.Process().memory_info().rss - rss) / MB,
    }


def stage_window(sizes: list[int], folder: Path, report: Report) -> None:
    print("window (a real MainWindow, offscreen)")
    from PySide6.QtCore import QSettings

    from xzannot.app import build_window, make_application, shutdown_window
    from xzannot.io.pdfium_worker import PdfiumWorker
    from xzannot.ui import settings as keys
    from xzannot.ui.settings import Settings

    app = make_application(["bench"], language="en")
    worker = PdfiumWorker()
    worker.start_soon()
    for size in sizes:
        db, first, second = window_project(size, folder)
        with opened(db) as project:
            ids = page_ids(project)
        settings = Settings(QSettings(str(folder / f"s{size}.ini"), QSettings.Format.IniFormat))
        settings.set(keys.ANNOTATOR, "bench")
        if hasattr(keys, "CORRECT_IN_BACKGROUND"):  # its thread's cpu would count as ours
            settings.set(keys.CORRECT_IN_BACKGROUND, False)
        if hasattr(keys, "IMAGE_CACHE_MB"):  # smallest, so that 40 pages' images overflow it
            settings.set(keys.IMAGE_CACHE_MB, 16)
        app.processEvents()
        wall, own = time.perf_counter(), time.process_time()
        window = build_window(db, settings=settings, worker=worker)
        wait_until(app, lambda w=window, n=size: w.pages_model.rowCount() == n)
        opened_cpu = (time.process_time() - own) * 1000
        opened_wall = (time.perf_counter() - wall) * 1000
        window.resize(1400, 900)
        window.show()
        app.processEvents()
        report.add(f"window: open {size:,} pages, cpu", opened_cpu, "ms", 1000)
        report.note(f"window: open {size:,} pages, wall", f"{opened_wall:,.0f} ms")
        report.grow("window open, cpu ms (whole)", size, opened_cpu)
        window_figures(app, window, report, size=size, pair=(first, second), ids=ids)
        window.close()
        shutdown_window(window, keep_worker=True)
    worker.shutdown()


def window_figures(
    app: object, window: object, report: Report, *, size: int, pair: tuple[int, int], ids: list[int]
) -> None:
    switch = measure_switch(app, window, *pair)
    text = window.state.data.text  # type: ignore[attr-defined]
    report.add(
        f"window {size:,}: switch page ({len(text):,} chars, ~{WINDOW_SPANS} spans), "
        "text+highlights, cpu", switch["text_cpu"], "ms", 80,
    )  # fmt: skip
    report.note(
        f"window {size:,}: switch page, first image shown",
        f"{switch['img_wall']:.1f} ms wall, {switch['img_cpu']:.1f} ms cpu+worker "
        f"(text+highlights wall {switch['text_wall']:.1f} ms)",
    )
    report.grow("page switch, ms a switch (cpu, text+highlights)", size, switch["text_cpu"])
    cpu, wall = measure_add_span(window)
    report.add(f"window {size:,}: add a span, cpu", cpu, "ms", 20)
    report.note(f"window {size:,}: add a span, wall", f"{wall:.1f} ms")
    collation = measure_collation(window, ids)
    report.add(f"window {size:,}: collation results into the pages list, cpu", collation, "ms")
    report.grow("collation into pages list, cpu ms (whole)", size, collation)
    caches = measure_caches(app, window, ids)
    report.add(
        f"window {size:,}: renderer cache after {min(40, len(ids))} pages "
        f"({caches['images']:.0f} images)", caches["used"], "MB", caches["cap"],
    )  # fmt: skip
    report.note(f"window {size:,}: RSS growth over those pages", f"{caches['rss_growth']:.0f} MB")


# ---- the report -------------------------------------------------------------------------


def print_report(report: Report, sizes: list[int]) -> None:
    width = max((len(r[0]) for r in report.rows), default=10)
    shown = max((len(r[1]) for r in report.rows if r[2]), default=10)
    print(f"\n{'figure':<{width}} | {'measured':>{shown}} | {'goal':<12} | held?")
    print("-" * (width + shown + 28))
    for figure, measured, goal, held in report.rows:
        print(f"{figure:<{width}} | {measured:>{shown}} | {goal:<12} | {held}")
    if report.growth:
        heads = " | ".join(f"{s:>8,}" for s in sizes)
        name_width = max(len(n) for n in report.growth)
        ratio_head = "largest/smallest"
        print(f"\n{'growth':<{name_width}} | {heads} | {ratio_head:>30} | linear or better?")
        for name, series in report.growth.items():
            cells = " | ".join(f"{series[s]:>8.2f}" if s in series else f"{'-':>8}" for s in sizes)
            have = sorted(series)
            if len(have) > 1 and series[have[0]] > 0:
                ratio = series[have[-1]] / series[have[0]]
                verdict = f"{ratio:>6.2f} ({have[0]:,}->{have[-1]:,})"
                if name.endswith("(whole)"):  # a total: linear when it grows with the pages
                    ratio *= have[0] / have[-1]
                    verdict += f", a page {ratio:.2f}"
                held = "yes" if ratio <= LINEAR else "NO"
            else:
                verdict, held = "-", ""
            print(f"{name:<{name_width}} | {cells} | {verdict:>30} | {held}")
    if report.skipped:
        print("\nskipped:")
        for what in report.skipped:
            print(f"  - {what}")


def describe_tree() -> str:
    def git(*args: str) -> str:
        run = subprocess.run(["git", *args], check=False, cwd=ROOT, capture_output=True, text=True)
        return run.stdout.strip()

    changed = [line for line in git("status", "--short", "xzannot").splitlines() if line]
    return (
        f"{time.strftime('%Y-%m-%d %H:%M:%S %Z')}, commit {git('rev-parse', '--short', 'HEAD')}, "
        f"{len(changed)} uncommitted change(s) under xzannot/, {os.cpu_count()} cores"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="page counts, comma separated")
    parser.add_argument("--only", default=",".join(STAGES), help="stages, comma separated")
    parser.add_argument(
        "--budget", type=float, default=360, help="skip a stage at a size estimated to take "
        "longer than this many seconds (import and memory are never skipped)",
    )  # fmt: skip
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(",") if s)
    only = [s for s in args.only.split(",") if s]
    unknown = set(only) - set(STAGES)
    if unknown or any(s < 2 for s in sizes):
        parser.error(f"stages are {', '.join(STAGES)}; sizes at least 2")
    print(f"run: {describe_tree()}")
    from xzannot.app import make_application

    app = make_application(["bench"], language="en")  # also lays out the generated PDFs
    for size in sizes:
        yearbook_files(size)  # made once, kept; not measured
    report = Report()
    keep: dict[int, Path] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if "import" in only:
            stage_import(sizes, folder, report)
        elif "memory" in only:
            stage_memory(sizes, folder, report)
        if "correct" in only:
            stage_correct(sizes, folder, report)
        if "suggest" in only:
            stage_suggest(sizes, folder, report, args.budget, keep)
        if "export" in only:
            stage_export(sizes, folder, report, args.budget, keep)
        if "window" in only:
            stage_window(sizes, folder, report)
    print_report(report, sizes)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
