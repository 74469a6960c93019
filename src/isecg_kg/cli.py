"""The ``isecg-kg`` command: thin wrappers over the library; one line on stderr per error."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from .errors import IsecgError
from .pipeline import DEFAULT_OUT, build


class _Group(click.Group):
    """Turns the library's errors into one line on stderr and the contract's exit status."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except IsecgError as e:
            click.echo(f"isecg-kg: error: {e}", err=True)
            ctx.exit(e.exit_code)


def data_option(f: Callable) -> Callable:
    """``--data PATH`` (repeatable): the graph to work on, by default the last build."""
    return click.option(
        "--data",
        "data",
        type=click.Path(path_type=Path),
        multiple=True,
        help=f"Graph file(s) to use (.ttl .nt .jsonld .trig). Default: {DEFAULT_OUT}.",
    )(f)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="isecg-kg")
def cli() -> None:
    """Build and query a knowledge graph of the International Space Exploration
    Coordination Group (ISECG) from news articles, press releases and web pages."""


@cli.command("build")
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=DEFAULT_OUT,
    show_default=True,
    help="Output file; the format follows the extension: .ttl .nt .jsonld .trig.",
)
@click.option("--with-inferences", is_flag=True, help="Add the OWL-RL entailments to the export.")
@click.option("--keep-going", is_flag=True, help="Exit 0 even when the graph has SHACL violations.")
@click.option("--quiet", "-q", is_flag=True, help="Print only errors.")
def build_cmd(
    sources: tuple[Path, ...], out: Path, with_inferences: bool, keep_going: bool, quiet: bool
) -> None:
    """Read SOURCES (files or folders; default data/sources/), map, merge, reason, validate
    and write the knowledge graph. Works offline."""
    result = build(list(sources), out=out, with_inferences=with_inferences)
    for error in result.errors:
        click.echo(f"isecg-kg: error: {error}", err=True)
    if not quiet:
        s = result.summary()
        click.echo(
            f"built {out}: {s['documents']} documents, {s['triples']} triples, "
            f"{s['meetings']} meetings, {s['agencies']} agencies"
        )
        for message in result.inconsistencies:
            click.echo(f"OWL-RL inconsistency: {message}")
        if result.report is not None:
            click.echo(result.report.to_text().rstrip())
    if result.errors:
        sys.exit(2)
    if result.report is not None and not result.report.conforms and not keep_going:
        sys.exit(1)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script and of ``python -m isecg_kg``."""
    cli.main(args=argv, prog_name="isecg-kg")
