"""OCR quality and speed on the bundled sample: the character error rate of each page as
xzannot reads and corrects it, clean and degraded, and the seconds each page takes.

Run from the repository's top folder:  python benchmarks/bench_ocr.py [--quick] [--diffs]
(about 3 minutes on two idle cores; ``--quick`` about 1)

The sample PDF (``resources/samples/xiuzhou-2022-sample.pdf``, 3 pages) is rendered with
pypdfium2 to an image file per page, in several conditions: clean at 300 and 200 dpi, and
degraded from the 300 dpi render (grey with the contrast lowered, tilted 1°, JPEG quality 40,
gaussian and salt-and-pepper noise, halved to 150 dpi). Each condition's images are imported
into a fresh project (a page needing OCR per file) and read by ``ocr_pages`` at the
condition's resolution, with one OCR worker kept across conditions.

The reference of each page is the sample PDF's own text layer as xzannot corrects it (reading
order, furniture out, radicals and widths folded): the text the sample was typeset from, but
for what the line above the table says. CER is the edit distance per reference character of
the corrected OCR text, summed over the pages: "folded" compares texts as
``xzannot.core.cer.comparable`` folds them (widths, white space, no space beside a Chinese
character), "strict" as they are (line breaks count). Kinds of folded difference: ``sub`` a
character replaced, ``ins`` one too many, ``del`` one missing, ``+sp``/``-sp`` a space too many
or missing. The row "engine order" scores the 300 dpi text as the engine gave it, before
xzannot's reading order and corrections.

Seconds per page are wall time from one page's end to the next (the image decoded, straightened
and recognised, the text stored and corrected), the engine's start apart. "cpu s" is the median
CPU time the worker process (and Tesseract, run as a command) spent on a page, all threads
together: on an idle machine the wall time is about this over the threads, and more when other
programs take the cores (the load average is printed with the table).

Goals: CER at most 2 % at 300 dpi clean, 5 % on the degraded set, and 10 s a page.
``--quick`` reads only ``300dpi-clean`` and ``tilt-1deg``; ``--diffs [PERCENT]`` prints, for each
page over 5 % (or PERCENT), where its folded text differs from the reference; ``--keep FOLDER``
keeps the images and projects.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402
from PIL import Image  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

from xzannot.core.cer import cer, comparable, error_kinds  # noqa: E402
from xzannot.errors import UserError  # noqa: E402
from xzannot.io.ocr.job import OcrJob  # noqa: E402
from xzannot.io.ocr.worker import OcrWorker  # noqa: E402
from xzannot.io.pdfium_worker import PdfiumWorker  # noqa: E402
from xzannot.operations.correcting import correct_page_in  # noqa: E402
from xzannot.operations.importing import import_document  # noqa: E402
from xzannot.operations.ocr import ocr_pages  # noqa: E402
from xzannot.store.database import open_project  # noqa: E402
from xzannot.store.documents import list_pages, page_content  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "xiuzhou-2022-sample.pdf"
ENGINE = "rapidocr"
THREADS = 2
SEED = 2022
GOAL_CLEAN, GOAL_DEGRADED, GOAL_SECONDS = 0.02, 0.05, 10.0
DIFF_OVER = 0.05  # --diffs shows pages whose folded CER is over this
CLEAN = ("300dpi-clean", "200dpi-clean")
QUICK = ("300dpi-clean", "tilt-1deg")


# -- the page images, one function per degraded condition: the 300 dpi render in --


def _grey(image: Image.Image) -> Image.Image:
    """Grey scale, the paper grey and the ink lighter: 255 -> 230, 0 -> 40."""
    return image.convert("L").point(lambda v: round(40 + v * 190 / 255))


def _tilt(image: Image.Image) -> Image.Image:
    return image.rotate(1.0, Image.Resampling.BICUBIC, expand=False, fillcolor="white")


def _noise(image: Image.Image) -> Image.Image:
    """Gaussian noise (σ 20, the same on the three channels) and 0.5 % salt and pepper."""
    rng = np.random.default_rng(SEED)
    pixels = np.asarray(image, dtype=np.float32)
    pixels = pixels + rng.normal(0.0, 20.0, pixels.shape[:2])[..., None]
    spots = rng.random(pixels.shape[:2])
    pixels[spots < 0.0025] = 0.0
    pixels[(spots >= 0.0025) & (spots < 0.005)] = 255.0
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _halved(image: Image.Image) -> Image.Image:
    width, height = image.size
    return image.resize((width // 2, height // 2), Image.Resampling.LANCZOS)


@dataclass(frozen=True)
class Condition:
    name: str
    dpi: float  # the image's resolution, recorded in its file and read at
    render_dpi: float  # the render the image is made from
    make: Callable[[Image.Image], Image.Image] | None = None  # None: as rendered
    suffix: str = ".png"
    save: dict[str, Any] = field(default_factory=dict)


CONDITIONS = [
    Condition("300dpi-clean", 300, 300),
    Condition("200dpi-clean", 200, 200),
    Condition("grey", 300, 300, _grey),
    Condition("tilt-1deg", 300, 300, _tilt),
    Condition("jpeg-q40", 300, 300, suffix=".jpg", save={"quality": 40}),
    Condition("noise", 300, 300, _noise),
    Condition("150dpi", 150, 300, _halved),
]


def render(pdf: Path, dpi: float) -> list[Image.Image]:
    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72)
            images.append(bitmap.to_pil().convert("RGB"))
            bitmap.close()
            page.close()
        return images
    finally:
        document.close()


def make_images(condition: Condition, renders: list[Image.Image], folder: Path) -> list[Path]:
    """The condition's page images, saved with their resolution; returns the files."""
    folder.mkdir(parents=True)
    paths = []
    for number, image in enumerate(renders, 1):
        made = condition.make(image) if condition.make else image
        path = folder / f"page{number}{condition.suffix}"
        made.save(path, dpi=(condition.dpi, condition.dpi), **condition.save)
        paths.append(path)
    return paths


# -- reading and scoring --


@dataclass
class Reading:
    """One condition's pages as read: corrected and engine-order texts, seconds per page."""

    corrected: list[str]
    engine_order: list[str]
    seconds: list[float]
    cpu: list[float]  # the worker process's CPU seconds per page (empty: not measurable)
    failed: list[str]


def reference_texts(pdf: Path, folder: Path, pdfium_worker: PdfiumWorker) -> list[str]:
    """The sample's pages as xzannot corrects its own text layer."""
    with open_project(folder / "reference.sqlite", create=True) as project:
        outcome = import_document(project, pdfium_worker, pdf)
        with project.transaction() as session:
            texts = []
            for page in list_pages(session, outcome.document_id):
                correct_page_in(session, page.id)
                texts.append(page_content(session, page.id).current)
    return texts


def read_condition(
    images: list[Path], dpi: float, folder: Path, worker: OcrWorker, pdfium_worker: PdfiumWorker
) -> Reading:
    with open_project(folder / "project.sqlite", create=True) as project:
        page_ids: list[int] = []
        for path in images:
            page_ids.extend(import_document(project, pdfium_worker, path).page_ids_needing_text)
        marks: list[tuple[float, float | None]] = []
        outcome = ocr_pages(
            project,
            worker,
            page_ids,
            dpi=dpi,
            progress=lambda *_: marks.append((time.perf_counter(), worker_cpu(worker))),
        )
        with project.transaction() as session:
            contents = []
            for page_id in page_ids:
                correct_page_in(session, page_id)  # done by ocr_pages already: changes nothing
                contents.append(page_content(session, page_id))
    return Reading(
        [c.current for c in contents],
        [c.original for c in contents],
        [b[0] - a[0] for a, b in pairwise(marks)],
        [b[1] - a[1] for a, b in pairwise(marks) if a[1] is not None and b[1] is not None],
        outcome.failed,
    )


@dataclass
class Score:
    chars: int = 0  # reference characters, folded
    folded: float = 0.0  # edits, folded
    strict_chars: int = 0
    strict: float = 0.0
    kinds: Counter[str] = field(default_factory=Counter)

    def add(self, text: str, reference: str) -> None:
        mine, theirs = comparable(text), comparable(reference)
        self.chars += len(theirs)
        self.folded += cer(mine, theirs) * len(theirs)
        self.strict_chars += len(reference)
        self.strict += cer(text, reference) * len(reference)
        self.kinds += error_kinds(mine, theirs)

    def merge(self, other: Score) -> None:
        self.chars += other.chars
        self.folded += other.folded
        self.strict_chars += other.strict_chars
        self.strict += other.strict
        self.kinds += other.kinds

    @property
    def cer_folded(self) -> float:
        return self.folded / max(self.chars, 1)

    @property
    def cer_strict(self) -> float:
        return self.strict / max(self.strict_chars, 1)


def score(texts: list[str], references: list[str]) -> Score:
    result = Score()
    for text, reference in zip(texts, references, strict=True):
        result.add(text, reference)
    return result


def show_diffs(name: str, texts: list[str], references: list[str], over: float) -> None:
    for number, (text, reference) in enumerate(zip(texts, references, strict=True), 1):
        mine, theirs = comparable(text), comparable(reference)
        if cer(mine, theirs) <= over:
            continue
        print(f"\n{name}, page {number}: folded CER {cer(mine, theirs):.2%}")
        for op in Levenshtein.opcodes(mine, theirs):
            if op.tag != "equal":
                before = mine[max(0, op.src_start - 6) : op.src_start]
                after = mine[op.src_end : op.src_end + 6]
                print(
                    f"  {op.tag:<7} …{before}[{mine[op.src_start : op.src_end]}]{after}… "
                    f"-> [{theirs[op.dest_start : op.dest_end]}]"
                )


# -- the worker process's memory and CPU time --


def worker_cpu(worker: OcrWorker) -> float | None:
    """The CPU seconds the worker process and the commands it ran have used (Linux), else
    None."""
    process = getattr(worker, "_process", None)
    if process is None or process.pid is None:
        return None
    try:
        fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    ticks = sum(int(f) for f in fields[11:15])  # utime, stime, and its children's
    return ticks / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(worker: OcrWorker) -> float | None:
    """The worker process's peak resident memory so far (Linux), else its current one
    (psutil), else None. The process is the worker's own: a private attribute."""
    process = getattr(worker, "_process", None)
    if process is None or process.pid is None:
        return None
    status = Path(f"/proc/{process.pid}/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    try:
        import psutil
    except ImportError:
        return None
    return psutil.Process(process.pid).memory_info().rss / 2**20


def start_engine(worker: OcrWorker, folder: Path) -> float:
    """Start the worker (load the models) on a blank image; the seconds it took."""
    blank = folder / "blank.png"
    Image.new("RGB", (400, 200), "white").save(blank, dpi=(300, 300))
    start = time.perf_counter()
    worker.run(OcrJob(blank, "image", 0, 300))
    return time.perf_counter() - start


# -- the table --


def _row(
    name: str, pages: int, found: Score, seconds: list[float], cpu: list[float] | None = None
) -> str:
    timing = (
        f"{statistics.median(seconds):>7.1f} {max(seconds):>6.1f}"
        if seconds
        else f"{'-':>7} {'-':>6}"
    )
    timing += f" {statistics.median(cpu):>6.1f}" if cpu else f" {'-':>6}"
    detail = " ".join(f"{k} {v}" for k, v in sorted(found.kinds.items())) or "-"
    return (
        f"{name:<26} {pages:>5} {found.chars:>6} {found.cer_folded:>8.2%} "
        f"{found.cer_strict:>8.2%} {timing}  {detail}"
    )


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="only 300dpi-clean and tilt-1deg")
    parser.add_argument("--threads", type=int, default=THREADS, help="the engine's threads")
    parser.add_argument("--engine", default=ENGINE, help="the OCR engine (default rapidocr)")
    parser.add_argument(
        "--diffs",
        type=float,
        nargs="?",
        const=DIFF_OVER * 100,
        metavar="PERCENT",
        help=f"show the differences of pages whose folded CER is over PERCENT "
        f"(default {DIFF_OVER * 100:.0f}%%)",
    )
    parser.add_argument(
        "--keep", type=Path, metavar="FOLDER", help="keep the images and projects in FOLDER"
    )
    args = parser.parse_args()
    conditions = [c for c in CONDITIONS if not args.quick or c.name in QUICK]
    if args.keep is not None and args.keep.exists() and any(args.keep.iterdir()):
        parser.error(f"{args.keep} is not empty")

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    try:
        worker = OcrWorker(args.engine, threads=args.threads)
    except UserError as exc:
        print(f"bench_ocr: {exc}", file=sys.stderr)
        return 1
    pdfium_worker = PdfiumWorker()
    try:
        with tempfile.TemporaryDirectory(prefix="bench_ocr_") as temp:
            folder = args.keep.absolute() if args.keep is not None else Path(temp)
            folder.mkdir(parents=True, exist_ok=True)
            references = reference_texts(SAMPLE, folder, pdfium_worker)
            started = start_engine(worker, folder)
            renders = {dpi: render(SAMPLE, dpi) for dpi in {c.render_dpi for c in conditions}}
            readings: dict[str, Reading] = {}
            for condition in conditions:
                where = folder / condition.name
                images = make_images(condition, renders[condition.render_dpi], where)
                readings[condition.name] = read_condition(
                    images, condition.dpi, where, worker, pdfium_worker
                )
                print(f"  read {condition.name}", file=sys.stderr, flush=True)
            memory = peak_rss_mb(worker)
            engine = worker.engine_name
    finally:
        worker.shutdown()
        pdfium_worker.shutdown()
    loads = (
        "" if load is None else f"; load average {load:.1f} before, {os.getloadavg()[0]:.1f} after"
    )
    print(
        f"engine {engine}, {args.threads} threads; {os.cpu_count()} CPUs{loads}; "
        f"engine start {started:.1f} s"
        + (f"; worker peak RSS {memory:.0f} MB" if memory is not None else "")
    )
    print(f"sample {SAMPLE.name}, {len(references)} pages; {source_check(references)}")
    report(args, conditions, readings, references)
    return 0


def source_check(references: list[str]) -> str:
    """How the reference (the corrected text layer) differs from the text the sample was
    typeset from: what every condition is charged for, whatever it reads."""
    source = comparable((SAMPLE.parent / "xiuzhou-2022-report.txt").read_text(encoding="utf-8"))
    joined = comparable("".join(references))
    faults = [
        f"{joined[op.src_start : op.src_end]!r} for {source[op.dest_start : op.dest_end]!r}"
        for op in Levenshtein.opcodes(joined, source)
        if op.tag != "equal"
    ]
    if not faults:
        return "the reference reads as the source text"
    count = Levenshtein.distance(joined, source)
    return (
        f"the reference differs from the source text in {count} character{'s' * (count != 1)} "
        f"({'; '.join(faults[:4])}), counted against every condition"
    )


def report(
    args: argparse.Namespace,
    conditions: list[Condition],
    readings: dict[str, Reading],
    references: list[str],
) -> None:
    print(
        f"{'condition':<26} {'pages':>5} {'chars':>6} {'folded':>8} {'strict':>8} "
        f"{'s/page':>7} {'max s':>6} {'cpu s':>6}  folded differences"
    )
    scores: dict[str, Score] = {}
    degraded, degraded_pages, seconds_all = Score(), 0, []
    for condition in conditions:
        reading = readings[condition.name]
        found = scores[condition.name] = score(reading.corrected, references)
        seconds_all.extend(reading.seconds)
        if condition.name not in CLEAN:
            degraded.merge(found)
            degraded_pages += len(reading.corrected)
        print(_row(condition.name, len(reading.corrected), found, reading.seconds, reading.cpu))
        if condition.name == "300dpi-clean":
            raw = score(reading.engine_order, references)
            print(_row("  engine order (uncorrected)", len(reading.engine_order), raw, []))
    worst = max(
        (n for n in scores if n not in CLEAN), key=lambda n: scores[n].cer_folded, default=""
    )
    if worst:
        print(_row("degraded set (pooled)", degraded_pages, degraded, []))
    for condition in conditions:
        for line in readings[condition.name].failed:
            print(f"{condition.name}: failed: {line}")
    print("goals (folded CER):")
    clean = scores.get("300dpi-clean")
    if clean is not None:
        print(f"  CER ≤ 2 % at 300 dpi clean: {clean.cer_folded:.2%}, "
              f"{_verdict(clean.cer_folded <= GOAL_CLEAN)}")  # fmt: skip
    if worst:
        print(
            f"  CER ≤ 5 % on the degraded set: {degraded.cer_folded:.2%} pooled, worst "
            f"{worst} {scores[worst].cer_folded:.2%}, "
            f"{_verdict(scores[worst].cer_folded <= GOAL_DEGRADED)}"
        )
    if seconds_all:
        slowest = max(seconds_all)
        print(
            f"  ≤ 10 s a page: median {statistics.median(seconds_all):.1f} s, slowest "
            f"{slowest:.1f} s, {_verdict(slowest <= GOAL_SECONDS)}"
        )
    if args.diffs is not None:
        for condition in conditions:
            show_diffs(
                condition.name, readings[condition.name].corrected, references, args.diffs / 100
            )


if __name__ == "__main__":
    raise SystemExit(main())
