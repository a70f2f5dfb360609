"""Allow ``python -m xzannot``."""

from __future__ import annotations

from xzannot.cli import main

raise SystemExit(main())
