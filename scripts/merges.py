#!/usr/bin/env python3
"""Which meetings several documents describe, and on what evidence they were merged.

    python scripts/merges.py data/sources tests/eval*/docs tests/identity/docs

Reads and extracts the documents as `isecg-kg build` does, settles meeting identity
(`isecg_kg.identity`) and prints each meeting told by more than one document: its IRI, then
each description (file, what it says of time and place) with the evidence that joined it.
The last lines count meetings, merged meetings, and links by kind of evidence.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from isecg_kg.mapping import resolve
from isecg_kg.pipeline import read_and_extract


def main(args: list[str]) -> int:
    _, _, items, errors = read_and_extract([Path(a) for a in args] or [Path("data/sources")])
    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    files = {item.document.id: item.document.path.name for item in items}
    resolution = resolve(items)
    kinds: Counter[str] = Counter()
    merged = resolution.merged()
    for c in sorted(merged, key=lambda c: str(resolution.meetings[c.members[0].key])):
        print(resolution.meetings[c.members[0].key])
        for m in sorted(c.members, key=lambda m: m.key):
            w = m.when
            time = w.value or f"{w.earliest or ''}..{w.latest or ''}"
            why = c.links.get(m.key, "first")
            if why != "first":
                kinds[why] += 1
            place = f"{m.city or '-':16s} {m.venue or '-':.30s}"
            print(f"  {files[m.key[0]]:45s} {time:22s} {place}  [{why}]")
    print(
        f"{len(resolution.clusters)} meetings from {len(resolution.meetings)} descriptions; "
        f"{len(merged)} told by more than one"
    )
    print("links: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
