#!/usr/bin/env bash
# Build the Linux bundle: dist/xzannot/ holds the program (run dist/xzannot/xzannot), its data,
# and under share/ the desktop entry, AppStream metainfo and icon a package installs; then
# dist/xzannot-VERSION-linux-ARCH.tar.gz of it. Run from anywhere, in an environment with
# xzannot's "dev" extra installed:  python3 -m pip install -e ".[dev]"
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m PyInstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/xzannot.spec

share=dist/xzannot/share
install -Dm644 packaging/org.xzannot.xzannot.desktop "$share/applications/org.xzannot.xzannot.desktop"
install -Dm644 packaging/org.xzannot.xzannot.metainfo.xml "$share/metainfo/org.xzannot.xzannot.metainfo.xml"
install -Dm644 resources/icons/xzannot.svg "$share/icons/hicolor/scalable/apps/org.xzannot.xzannot.svg"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$share/applications/org.xzannot.xzannot.desktop"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$share/metainfo/org.xzannot.xzannot.metainfo.xml"
fi

# the bundle must run on its own: the command line, with the data files it ships
dist/xzannot/xzannot --version
check=$(mktemp -d)
trap 'rm -rf "$check"' EXIT
XZANNOT_DATA_DIR="$check" dist/xzannot/xzannot import resources/samples/xiuzhou-2022-sample.pdf --db "$check/check.sqlite"
XZANNOT_DATA_DIR="$check" dist/xzannot/xzannot suggest --db "$check/check.sqlite" >/dev/null
# OCR in the bundle's own worker process: a scan made from the sample's first page
python3 - "$check/scan.png" <<'PY'
import sys
import pypdfium2 as pdfium
page = pdfium.PdfDocument("resources/samples/xiuzhou-2022-sample.pdf")[0]
page.render(scale=200 / 72).to_pil().convert("L").save(sys.argv[1], dpi=(200, 200))
PY
XZANNOT_DATA_DIR="$check" dist/xzannot/xzannot import "$check/scan.png" --db "$check/check.sqlite"
XZANNOT_DATA_DIR="$check" dist/xzannot/xzannot ocr --db "$check/check.sqlite"
XZANNOT_DATA_DIR="$check" dist/xzannot/xzannot text --db "$check/check.sqlite" --document scan --page 1 \
  | grep -q "加快推进全省第二批新时代乡村集成改革试点"

version=$(dist/xzannot/xzannot --version | cut -d' ' -f2)
tar -C dist -czf "dist/xzannot-$version-linux-$(uname -m).tar.gz" xzannot
echo "built dist/xzannot/ and dist/xzannot-$version-linux-$(uname -m).tar.gz"
