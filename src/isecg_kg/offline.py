"""Guards that keep reading RDF offline: JSON-LD may not name a remote ``@context``."""

from __future__ import annotations

import json
from pathlib import Path

from .errors import IsecgError


def _remote_contexts(node: object) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "@context":
                values = value if isinstance(value, list) else [value]
                found += [v for v in values if isinstance(v, str)]
            found += _remote_contexts(value)
    elif isinstance(node, list):
        for item in node:
            found += _remote_contexts(item)
    return found


def check_jsonld(data: bytes | str, path: Path) -> None:
    """Refuse JSON-LD whose ``@context`` is a URL: loading it would fetch from the network."""
    try:
        doc = json.loads(data)
    except json.JSONDecodeError:
        return  # not JSON at all: the parser reports it, with its line
    remote = _remote_contexts(doc)
    if remote:
        raise IsecgError(
            f"remote JSON-LD context {remote[0]!r} is not fetched (isecg-kg works offline)",
            file=path,
            hint="inline the context as a JSON object",
        )
