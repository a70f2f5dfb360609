"""A seeded mutator of PDFs, and the PDFs it starts from.

Sources: PDFs xzannot makes itself (the sample yearbook, the test data made from it), small
PDFs written here, and the third-party PDFs in ``shared/realpdfs`` (read where they are, never
copied). Mutations: byte flips, truncations, chunks deleted or duplicated or spliced in from
another file, a corrupt cross-reference table, numbers in dictionaries replaced by extreme
ones, and structural faults written as an incremental update (a cyclic ``/PageLabels`` number
tree, a cyclic page tree, a form XObject that draws itself, a 14,400-point ``/MediaBox``,
arrays and dictionaries nested thousands deep, content streams that never end their state).
Case ``i`` of seed ``s`` is drawn from ``random.Random(f"{s}:{i}")`` alone.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.harness.commands import ROOT

DATA = ROOT / "tests" / "data"
# PDFs xzannot made (see tests/data/README.md and tests/data/madepages/make_pages.py)
PROJECT_PDFS = (
    ROOT / "resources" / "samples" / "xiuzhou-2022-sample.pdf",
    DATA / "encrypted-sample.pdf",
    DATA / "scanned-no-text.pdf",
    DATA / "madepages" / "fault-classes.pdf",
)

# --- PDFs written here ----------------------------------------------------------------------


def write_pdf(objects: list[bytes]) -> bytes:
    """A PDF of these object bodies (object 1 is the catalog) with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def made_pdf(lines: list[list[str]]) -> bytes:
    """A small PDF with a text layer: one page per list of lines (Helvetica, ASCII), with a
    page-label tree (roman front matter, then numbers from 1 with a prefix)."""
    pages = len(lines)
    font = 3 + 2 * pages
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(pages))
    tree = b" /PageLabels << /Nums [0 << /S /r >> 1 << /S /D /P (A-) /St 1 >>] >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R%s >>" % tree,
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
    ]
    for page in lines:
        number = len(objects) + 1
        text = b"BT /F1 12 Tf 72 760 Td 14 TL " + b" ".join(
            b"(%s) '" % line.encode("ascii").replace(b"(", b"\\(").replace(b")", b"\\)")
            for line in page
        )
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (font, number + 1)
        )
        objects.append(_stream(text + b" ET"))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return write_pdf(objects)


def made_sources(folder: Path) -> list[Path]:
    """The PDFs written here, saved in ``folder``."""
    words = ["Xiuzhou", "yearbook", "2022", "targets", "projects", "policies", "roads", "air"]
    rng = random.Random(0)
    three = [[" ".join(rng.choices(words, k=8)) for _ in range(30)] for _ in range(3)]
    made = {"made-three-pages.pdf": made_pdf(three), "made-one-page.pdf": made_pdf(three[:1])}
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in made.items():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    return paths


# --- reading a PDF's objects (enough to write an incremental update) ------------------------

_OBJECT = re.compile(rb"(?<![0-9])(\d{1,7})\s+(\d{1,5})\s+obj\b(.*?)endobj", re.DOTALL)
_STREAM = re.compile(rb"stream\r?\n(.*)endstream", re.DOTALL)
_REF = rb"(\d+)\s+\d+\s+R"


def _object_stream(body: bytes) -> dict[int, bytes]:
    """The objects packed in an object stream (Flate only; others are left alone)."""
    found = _STREAM.search(body)
    head = body[: found.start()] if found else b""
    first = re.search(rb"/First\s+(\d+)", head)
    if not found or b"/ObjStm" not in head or b"/FlateDecode" not in head or not first:
        return {}
    try:
        data = zlib.decompressobj().decompress(found.group(1))
    except zlib.error:
        return {}
    start = int(first.group(1))
    try:
        numbers = [int(n) for n in data[:start].split()]
    except ValueError:  # a damaged header (after another mutation)
        return {}
    pairs = list(zip(numbers[::2], numbers[1::2], strict=False))
    objects = {}
    for i, (number, offset) in enumerate(pairs):
        end = start + pairs[i + 1][1] if i + 1 < len(pairs) else len(data)
        objects[number] = data[start + offset : end].strip()
    return objects


def pdf_objects(data: bytes) -> dict[int, bytes]:
    """Each object's body by number (the last definition wins, as in an updated file)."""
    objects: dict[int, bytes] = {}
    for match in _OBJECT.finditer(data):
        body = match.group(3)
        if b"/ObjStm" in body[:400]:
            for number, packed in _object_stream(body).items():
                objects.setdefault(number, packed)
        objects[int(match.group(1))] = body.strip()
    return objects


@dataclass
class Skeleton:
    """Where the catalog, the page tree and a page of a PDF are."""

    objects: dict[int, bytes]
    root: int
    pages: int
    page: int
    prev: int  # the last startxref
    size: int  # the first free object number

    @classmethod
    def read(cls, data: bytes) -> Skeleton | None:
        if b"/Encrypt" in data:  # an update would need the file's keys
            return None
        objects = pdf_objects(data)
        roots = re.findall(rb"/Root\s+" + _REF, data)
        starts = re.findall(rb"startxref\s+(\d+)", data)
        if not roots or not starts:
            return None
        root = int(roots[-1])
        pages = re.search(rb"/Pages\s+" + _REF, objects.get(root, b""))
        if pages is None:
            return None
        page = int(pages.group(1))
        for _ in range(32):  # down the first kids to a page
            body = objects.get(page, b"")
            kids = re.search(rb"/Kids\s*\[\s*" + _REF, body)
            if kids is None or re.search(rb"/Type\s*/Page(?![s\w])", body):
                break
            page = int(kids.group(1))
        if page not in objects:
            return None
        return cls(objects, root, int(pages.group(1)), page, int(starts[-1]), max(objects) + 1)

    def update(self, data: bytes, changed: dict[int, bytes]) -> bytes:
        """``data`` with the objects in ``changed`` (new or replaced) appended as an
        incremental update."""
        out = bytearray(data if data.endswith(b"\n") else data + b"\n")
        offsets = {}
        for number in sorted(changed):
            offsets[number] = len(out)
            out += b"%d 0 obj\n" % number + changed[number] + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n"
        for number in sorted(offsets):
            out += b"%d 1\n%010d 00000 n \n" % (number, offsets[number])
        size = max(self.size, max(changed) + 1)
        out += b"trailer\n<< /Size %d /Root %d 0 R /Prev %d >>\n" % (size, self.root, self.prev)
        out += b"startxref\n%d\n%%%%EOF\n" % xref
        return bytes(out)


def _with(body: bytes, key: bytes, value: bytes) -> bytes:
    """A dictionary body with ``/key value`` in place of any entry it had (the old key is
    renamed, not parsed out)."""
    body = body.strip()
    end = body.rfind(b">>")
    if not body.startswith(b"<<") or end < 0:
        return b"<< /%s %s >>" % (key, value)
    head = re.sub(rb"/" + key + rb"(?![A-Za-z])", b"/" + key[:-1] + b"X", body[:end])
    return head + b" /" + key + b" " + value + b" " + body[end:]


# --- mutations ------------------------------------------------------------------------------

Mutation = Callable[[random.Random, bytes, "Sources"], tuple[bytes, str] | None]

_EXTREMES = (
    b"0",
    b"-1",
    b"2147483647",
    b"-2147483648",
    b"4294967296",
    b"99999999999999999999",
    b"3.4e38",
    b"0.0000001",
    b"-0.0",
    b"1.#INF",
    b"NaN",
)


def _position(rng: random.Random, size: int) -> int:
    """Mostly anywhere; often in the first or last 2 KB (header, xref, trailer)."""
    where = rng.random()
    if where < 0.25:
        return rng.randrange(min(size, 2048))
    if where < 0.5:
        return rng.randrange(max(0, size - 2048), size)
    return rng.randrange(size)


def flip(rng: random.Random, data: bytes, _s: Sources) -> tuple[bytes, str]:
    out = bytearray(data)
    count = rng.choice((1, 2, 4, 8, 16, 64, 256))
    for _ in range(count):
        out[_position(rng, len(out))] ^= rng.randrange(1, 256)
    return bytes(out), f"flip {count} bytes"


def truncate(rng: random.Random, data: bytes, _s: Sources) -> tuple[bytes, str]:
    cut = _position(rng, len(data))
    ending = rng.random() < 0.6  # an end put back: pdfium, not the first check, sees it
    return data[:cut] + (b"\n%%EOF\n" if ending else b""), f"truncate at {cut}" + (
        " +%%EOF" if ending else ""
    )


def delete(rng: random.Random, data: bytes, _s: Sources) -> tuple[bytes, str]:
    size = rng.choice((1, 10, 100, 1000, 10000, 100000))
    at = _position(rng, len(data))
    return data[:at] + data[at + size :], f"delete {size} at {at}"


def duplicate(rng: random.Random, data: bytes, _s: Sources) -> tuple[bytes, str]:
    size = rng.choice((10, 100, 1000, 10000, 100000))
    at, to = _position(rng, len(data)), _position(rng, len(data))
    chunk = data[at : at + size] * rng.choice((1, 1, 2, 50))
    return data[:to] + chunk + data[to:], f"duplicate {len(chunk)} from {at} to {to}"


def splice(rng: random.Random, data: bytes, sources: Sources) -> tuple[bytes, str]:
    other = sources.read(rng.choice(sources.paths))
    at, size = rng.randrange(len(other)), rng.choice((100, 1000, 10000))
    to = _position(rng, len(data))
    return data[:to] + other[at : at + size] + data[to:], f"splice {size} at {to}"


def corrupt_xref(rng: random.Random, data: bytes, _s: Sources) -> tuple[bytes, str] | None:
    kind = rng.choice(("startxref", "entries", "keyword", "size"))
    starts = list(re.finditer(rb"startxref\s+(\d+)", data))
    if kind == "startxref" and starts:
        found = starts[-1]
        value = rng.choice((b"0", b"1", b"99999999999", b"%d" % rng.randrange(len(data))))
        return data[: found.start(1)] + value + data[found.end(1) :], f"startxref {value!r}"
    entries = list(re.finditer(rb"(?m)^(\d{10}) (\d{5}) ([nf])", data))
    if kind == "entries" and entries:
        moved = bytearray(data)
        for entry in rng.sample(entries, min(len(entries), rng.choice((1, 5, 50)))):
            offset = rng.choice((0, 1, len(data) - 10, rng.randrange(len(data)), 9999999999))
            moved[entry.start(1) : entry.end(1)] = b"%010d" % offset
        return bytes(moved), "xref entries moved"
    if kind == "keyword" and b"xref" in data:
        at = data.rfind(b"xref")
        return data[:at] + b"xrfe" + data[at + 4 :], "xref keyword broken"
    sizes = list(re.finditer(rb"/(Size|Prev)\s+(\d+)", data))
    if not sizes:
        return None
    found = rng.choice(sizes)
    value = rng.choice((b"0", b"1", b"2147483647", b"-5"))
    return data[: found.start(2)] + value + data[found.end(2) :], f"{found.group(0)!r} {value!r}"


_NUMBER_IN_DICT = re.compile(rb"/[A-Za-z][A-Za-z0-9]*\s+(-?\d+(?:\.\d+)?)(?=[\s/>\]])")


def numbers(rng: random.Random, data: bytes, _s: Sources) -> tuple[bytes, str] | None:
    found = list(_NUMBER_IN_DICT.finditer(data[:2_000_000]))
    if not found:
        return None
    chosen = sorted(
        rng.sample(found, min(len(found), rng.choice((1, 3, 10, 100)))),
        key=lambda m: m.start(1),
        reverse=True,
    )
    out = data
    for match in chosen:
        out = out[: match.start(1)] + rng.choice(_EXTREMES) + out[match.end(1) :]
    return out, f"{len(chosen)} numbers in dictionaries"


def _label_tree(rng: random.Random, s: Skeleton) -> tuple[dict[int, bytes], str]:
    a, b = s.size, s.size + 1
    kind = rng.choice(("self", "pair", "root", "nums"))
    if kind == "self":  # a node that is its own kid
        return {a: b"<< /Kids [%d 0 R] >>" % a}, "a /PageLabels node that is its own kid"
    if kind == "pair":  # the kid's kid is its parent
        nodes = {a: b"<< /Kids [%d 0 R] >>" % b, b: b"<< /Kids [%d 0 R] /Limits [0 9] >>" % a}
        return nodes, "a /PageLabels kid whose kid is its parent"
    if kind == "root":  # a kid that is the catalog itself
        return {a: b"<< /Kids [%d 0 R %d 0 R] >>" % (s.root, a)}, "/PageLabels kids: catalog"
    nums = b"[0 << /S /D /St -5 >> 1 (x) 2147483647 << /P 3 >> -1 << /S /Q >> 2 %d 0 R]" % a
    return {a: b"<< /Nums %s >>" % nums}, "a /PageLabels tree of nonsense"


Changes = tuple[dict[int, bytes], str]  # objects to write, and what they do


def _labels(rng: random.Random, s: Skeleton) -> Changes:
    changed, what = _label_tree(rng, s)
    changed[s.root] = _with(s.objects[s.root], b"PageLabels", b"%d 0 R" % s.size)
    return changed, what


_BOXES = (
    b"[0 0 14400 14400]",
    b"[0 0 14400 14400]",
    b"[0 0 14400 3]",
    b"[0 0 0 0]",
    b"[612 792 0 0]",
    b"[-14400 -14400 14400 14400]",
    b"[0 0 1e9 1e9]",
)


def _mediabox(rng: random.Random, s: Skeleton) -> Changes:
    box = rng.choice(_BOXES)
    body, what = _with(s.objects[s.page], b"MediaBox", box), f"/MediaBox {box.decode()}"
    if rng.random() < 0.3:
        unit = rng.choice((b"75000", b"0", b"-1"))
        body, what = _with(body, b"UserUnit", unit), f"{what} /UserUnit {unit.decode()}"
    if rng.random() < 0.3:
        turn = rng.choice((b"45", b"-90", b"1000000000"))
        body, what = _with(body, b"Rotate", turn), f"{what} /Rotate {turn.decode()}"
    return {s.page: body}, what


def _nesting(rng: random.Random, s: Skeleton) -> Changes:
    depth = rng.choice((100, 1000, 10000, 100000))
    shape = rng.choice(("array", "dict", "chain"))
    changed: dict[int, bytes] = {}
    if shape == "array":
        value = b"[" * depth + b"]" * depth
    elif shape == "dict":
        value = b"<< /A " * depth + b"1" + b" >>" * depth
    else:  # indirect: each object's one entry is the next object, the last the first
        depth = min(depth, 20000)
        changed = {s.size + i: b"<< /Next %d 0 R >>" % (s.size + i + 1) for i in range(depth)}
        changed[s.size + depth] = b"<< /Next %d 0 R >>" % s.size
        value = b"%d 0 R" % s.size
    if rng.random() < 0.5:
        changed[s.root] = _with(s.objects[s.root], b"Deep", value)
        return changed, f"{shape} nested {depth} deep in the catalog"
    resources = b"<< /Font << /F1 %s >> >>" % value
    changed[s.page] = _with(s.objects[s.page], b"Resources", resources)
    return changed, f"{shape} nested {depth} deep in a page's resources"


def _page_tree(rng: random.Random, s: Skeleton) -> Changes:
    pages = s.objects[s.pages]
    shape = rng.choice(("self", "count", "parent"))
    if shape == "self":
        kids = re.search(rb"/Kids\s*\[", pages)
        if kids is not None:
            pages = pages[: kids.end()] + b"%d 0 R " % s.pages + pages[kids.end() :]
        return {s.pages: pages}, "the page tree is its own kid"
    if shape == "count":
        count = rng.choice((b"2147483647", b"-1", b"0", b"100000000"))
        return {s.pages: _with(pages, b"Count", count)}, f"/Count {count.decode()}"
    return {s.page: _with(s.objects[s.page], b"Parent", b"%d 0 R" % s.page)}, "own parent"


def _xobject(_rng: random.Random, s: Skeleton) -> Changes:
    form, contents = s.size, s.size + 1
    page = _with(s.objects[s.page], b"Resources", b"<< /XObject << /X1 %d 0 R >> >>" % form)
    form_keys = (
        b" /Type /XObject /Subtype /Form /BBox [0 0 612 792]"
        b" /Resources << /XObject << /X1 %d 0 R >> >>" % form
    )
    changed = {
        form: _stream(b"q 0.5 0 0 0.5 10 10 cm /X1 Do Q", form_keys),
        contents: _stream(b"/X1 Do"),
        s.page: _with(page, b"Contents", b"%d 0 R" % contents),
    }
    return changed, "a form XObject that draws itself"


_CONTENTS = (
    b"q " * 200000,
    b"Q " * 200000,
    b"BT " * 100000,
    b"3.4e38 0 0 3.4e38 0 0 cm 0 0 m 1 1 l S",
    b"0 0 m " + b"100000 100000 l " * 100000 + b"S",
    b"BT /F1 1000000000 Tf (x) Tj ET",
    b"[] 0 d " + b"1 w 0 0 m 1e9 1e9 l S " * 1000,
)


def _content(rng: random.Random, s: Skeleton) -> Changes:
    body = rng.choice(_CONTENTS)
    changed = {
        s.size: _stream(body),
        s.page: _with(s.objects[s.page], b"Contents", b"%d 0 R" % s.size),
    }
    return changed, f"a content stream of {len(body)} bytes ({body[:12].decode()}…)"


_STRUCTURES: tuple[tuple[Callable[[random.Random, Skeleton], Changes], float], ...] = (
    (_labels, 2.0),
    (_mediabox, 1.0),
    (_nesting, 1.0),
    (_page_tree, 1.0),
    (_xobject, 1.0),
    (_content, 1.0),
)


def structure(rng: random.Random, data: bytes, _s: Sources) -> tuple[bytes, str] | None:
    """A structural fault, written as an incremental update of the file."""
    s = Skeleton.read(data)
    if s is None:
        return None
    make = rng.choices([m for m, _ in _STRUCTURES], [w for _, w in _STRUCTURES])[0]
    changed, what = make(rng, s)
    return s.update(data, changed), what


MUTATIONS: dict[str, tuple[Mutation, float]] = {
    "flip": (flip, 2.0),
    "truncate": (truncate, 1.0),
    "delete": (delete, 1.0),
    "duplicate": (duplicate, 1.0),
    "splice": (splice, 0.5),
    "xref": (corrupt_xref, 1.0),
    "numbers": (numbers, 1.5),
    "structure": (structure, 3.0),
}


@dataclass
class Sources:
    """The PDFs mutated, read once each."""

    paths: list[Path]
    _cache: dict[Path, bytes] = field(default_factory=dict)

    def read(self, path: Path) -> bytes:
        if path not in self._cache:
            self._cache[path] = path.read_bytes()
        return self._cache[path]


def mutate(seed: int, case: int, sources: Sources) -> tuple[Path, bytes, str]:
    """Case ``case`` of ``seed``: the source, the mutated bytes, and what was done."""
    rng = random.Random(f"{seed}:{case}")
    source = rng.choice(sources.paths)
    data = sources.read(source)
    names = list(MUTATIONS)
    weights = [MUTATIONS[n][1] for n in names]
    done = []
    for _ in range(1 + (rng.random() < 0.2)):  # now and then two mutations, one on the other
        if len(data) < 64:  # truncated to next to nothing: nothing more to do
            break
        for _attempt in range(10):
            name = rng.choices(names, weights)[0]
            result = MUTATIONS[name][0](rng, data, sources)
            if result is not None:
                data = result[0]
                done.append(f"{name}: {result[1]}")
                break
    return source, data, "; ".join(done)


def sources_for(folder: Path, shared: Path | None, *, own: bool = True) -> Sources:
    """The PDFs to mutate: with ``own`` the project's and the ones written here (in
    ``folder``); with ``shared`` the real ones in its ``realpdfs``."""
    paths = [*PROJECT_PDFS, *made_sources(folder / "made")] if own else []
    if shared is not None:
        paths += sorted((shared / "realpdfs").glob("*.pdf"))
    return Sources(paths)


def pick_cases(seed: int, sources: Sources, count: int, faults: tuple[str, ...]) -> list[int]:
    """The first case of ``seed`` doing each fault (words of its description), then the
    first other cases, up to ``count``."""
    chosen: list[int] = []
    others: list[int] = []
    left = list(faults)
    case = 0
    while (left or len(others) < count) and case < 5000:
        what = mutate(seed, case, sources)[2]
        found = next((f for f in left if f in what), None)
        if found is not None:
            left.remove(found)
            chosen.append(case)
        elif len(others) < count:
            others.append(case)
        case += 1
    return sorted(chosen + others[: max(0, count - len(chosen))])
