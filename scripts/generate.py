"""Write a synthetic ISECG graph or source-document corpus (deterministic in size and seed).

python scripts/generate.py graph 100000 build/synth-100000.ttl   # .ttl .nt .nq .trig
python scripts/generate.py documents 1000 build/corpus-1000/     # JSON, HTML and text
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from isecg_kg.synth import write_graph
from isecg_kg.synthdocs import write_corpus


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and write the graph or the corpus."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("kind", choices=("graph", "documents"))
    ap.add_argument("size", type=int, help="meetings (graph) or documents")
    ap.add_argument("out", type=Path, help="graph file, or folder for documents")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if args.kind == "graph":
        lines = write_graph(args.out, args.size, args.seed)
        print(f"wrote {args.out}: {lines:,} triples ({args.size:,} meetings)")
    else:
        paths = write_corpus(args.out, args.size, args.seed)
        print(f"wrote {len(paths):,} documents to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
