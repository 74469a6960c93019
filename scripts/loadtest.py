"""Run the endpoint's load and timeout test of docs/SERVER.md: ``python scripts/loadtest.py``."""

from __future__ import annotations

import sys

from isecg_kg.loadtest import main

if __name__ == "__main__":
    sys.exit(main())
