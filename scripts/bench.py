"""Run the scale benchmark of docs/SCALE.md: ``python scripts/bench.py --meetings 1000``."""

from __future__ import annotations

import sys

from isecg_kg.bench import main

if __name__ == "__main__":
    sys.exit(main())
