"""Allow ``python -m xzannot``."""

from __future__ import annotations

import multiprocessing

from xzannot.cli import main

if __name__ == "__main__":
    # a frozen bundle starts the OCR worker process by running itself again
    multiprocessing.freeze_support()
    raise SystemExit(main())
