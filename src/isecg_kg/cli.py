"""The ``isecg-kg`` command: thin wrappers over the library; one line on stderr per error."""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

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
        except BrokenPipeError:
            # `isecg-kg build | head -1`: the reader left; later writes (and the interpreter's
            # last flush) go nowhere instead of raising again.
            with contextlib.suppress(OSError, ValueError):  # no real stdout in a test runner
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            click.echo("isecg-kg: error: output closed early (broken pipe)", err=True)
            ctx.exit(2)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except Exception as e:
            if os.environ.get("ISECG_KG_DEBUG"):
                raise
            message = " ".join(str(e).split())[:300]
            click.echo(
                f"isecg-kg: internal error: {type(e).__name__}: {message} "
                "(set ISECG_KG_DEBUG=1 for the traceback, and please report it)",
                err=True,
            )
            ctx.exit(70)


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
@click.option(
    "--force", is_flag=True, help="Replace --out even when a source failed (default: keep it)."
)
def build_cmd(
    sources: tuple[Path, ...],
    out: Path,
    with_inferences: bool,
    keep_going: bool,
    quiet: bool,
    force: bool,
) -> None:
    """Read SOURCES (files or folders; default data/sources/), map, merge, reason, validate
    and write the knowledge graph. Works offline."""
    # A build makes millions of small objects (terms, triples) that live to its end; the
    # collector's default of a young pass every 700 allocations re-scans them for ~10% of a
    # large build's time. This process only builds, so collect less often.
    gc.set_threshold(50_000, 20, 100)
    bar = None if quiet else _BuildBar(sys.stderr)
    try:
        result = build(
            list(sources), out=out, with_inferences=with_inferences, force=force, progress=bar
        )
    finally:
        if bar is not None:
            bar.close()
    for error in result.errors:
        click.echo(f"isecg-kg: error: {error}", err=True)
    if result.kept is not None:
        failed = len(result.errors)
        click.echo(
            f"isecg-kg: error: {out}: kept as it was, not replaced: {failed} source"
            f"{'' if failed == 1 else 's'} failed (--force replaces it anyway)",
            err=True,
        )
    if not quiet:
        s = result.summary()
        what = f"built {out}" if result.kept is None else f"read, not written to {out}"
        click.echo(
            f"{what}: {s['documents']} documents, {s['triples']} triples, "
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


class _BuildBar:
    """A progress bar on ``stream`` for a build of more than ``ABOVE`` source files, drawn
    only when ``stream`` is a terminal: a log or a pipe gets no bar characters."""

    ABOVE = 20
    STAGES: ClassVar[dict[str, str]] = {
        "read": "reading",
        "reason": "reasoning",
        "validate": "validating",
        "write": "writing",
    }

    def __init__(self, stream) -> None:
        self.stream = stream
        self.bar = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.bar is None:
            if stage != "read" or total <= self.ABOVE or not _is_tty(self.stream):
                return
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc="reading", unit="file", file=self.stream, leave=False)
        if stage == "read":
            self.bar.update(done - self.bar.n)
        else:
            self.bar.set_description(self.STAGES.get(stage, stage))

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _is_tty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no such method, or closed
        return False


FORMATS = ["table", "csv", "tsv", "json", "md"]


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    """``KEY=VALUE`` pairs as a dict; a pair without ``=`` is a usage error."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise IsecgError(
                f"--param {pair!r} is not KEY=VALUE", hint="e.g. --param date=2020-09-09"
            )
        out[key.strip()] = value
    return out


def _query_help(name: str) -> str:
    from .queries import get_query

    q = get_query(name)
    lines = [f"{q.name}: {q.title}", "", q.question, ""]
    if q.params:
        lines.append("Parameters:")
        for p in q.params:
            default = f" (default: {p.default})" if p.default else ""
            lines.append(f"  {p.name}: {p.description}{default}")
    else:
        lines.append("Parameters: none")
    lines += ["", "Columns: " + ", ".join(q.columns), "", f"Run: isecg-kg query {q.name}"]
    lines[-1] += "".join(f" --param {p.name}=..." for p in q.params)
    return "\n".join(lines)


@cli.command("query", add_help_option=False)
@click.argument("name", required=False, metavar="NAME_OR_FILE")
@data_option
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="A parameter of the query, bound as an RDF term (repeatable).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="Output: aligned table, CSV, TSV, SPARQL 1.1 results JSON, Markdown.",
)
@click.option("--list", "list_", is_flag=True, help="List the saved queries and exit.")
@click.option(
    "--endpoint",
    metavar="URL",
    help="Run on a SPARQL 1.1 endpoint (e.g. http://127.0.0.1:7878/query) instead of --data.",
)
@click.option(
    "--help",
    "-h",
    "help_",
    is_flag=True,
    help="Show this message, or with NAME the saved query's question and columns.",
)
@click.pass_context
def query_cmd(
    ctx: click.Context,
    name: str | None,
    data: tuple[Path, ...],
    params: tuple[str, ...],
    fmt: str,
    list_: bool,
    endpoint: str | None,
    help_: bool,
) -> None:
    """Run a saved query from queries/ by NAME (e.g. members), or any .rq FILE."""
    from .queries import format_result, get_query, list_queries, load_data, run

    if help_ and name:
        click.echo(_query_help(name))
        return
    if help_ or (not name and not list_):
        click.echo(ctx.get_help())
        return
    if list_:
        for q in list_queries():
            args = " ".join(f"{p.name}=" for p in q.params)
            click.echo(f"{q.name:20s} {q.title}" + (f"  [{args}]" if args else ""))
        return
    saved = get_query(name)
    if endpoint:
        from .queries import Result, bind_params
        from .remote import remote_graph, remote_select

        bindings = bind_params(saved, remote_graph(endpoint), _params(params))
        columns, rows = remote_select(endpoint, saved.text, bindings)
        result = Result(columns, [dict(zip(columns, r, strict=True)) for r in rows])
    else:
        graph = load_data(list(data) or [DEFAULT_OUT])
        result = run(saved, graph, _params(params))
    click.echo(format_result(result, fmt), nl=False)


def _context(data: tuple[Path, ...]):
    """The graph new records are checked against: ``--data``, else the last build, else the
    registry alone."""
    from rdflib import Graph

    from .pipeline import ontology_graph, registry_graph
    from .queries import load_data

    if data or DEFAULT_OUT.exists():
        return load_data(list(data) or [DEFAULT_OUT])
    graph = Graph()
    graph += registry_graph()
    graph += ontology_graph()
    return graph


def _report(checked, fmt: str) -> str:
    report = checked.report
    if fmt == "json":
        import json

        return json.dumps(
            {"conforms": report.conforms, "counts": report.counts(), "results": report.to_json()},
            indent=2,
        )
    if fmt == "ttl":
        return report.report_graph.serialize(format="longturtle", canon=True)
    return report.to_text()


def _check_records(records: tuple[Path, ...], data: tuple[Path, ...]):
    from .records import check

    if not records:
        raise IsecgError("name at least one record", hint="a .ttl, .jsonld or a source document")
    return check(list(records), _context(data))


@cli.command("validate")
@click.argument("records", nargs=-1, type=click.Path(path_type=Path))
@data_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "ttl"]),
    default="text",
    show_default=True,
    help="Report as text, JSON, or a SHACL report graph (Turtle).",
)
def validate_cmd(records: tuple[Path, ...], data: tuple[Path, ...], fmt: str) -> None:
    """Check new RECORDS (Turtle, JSON-LD, or a source document, mapped first) against the
    SHACL shapes in the context of the existing graph. Exit 0 conforms, 1 violations."""
    checked = _check_records(records, data)
    click.echo(_report(checked, fmt).rstrip())
    if not checked.report.conforms:
        sys.exit(1)


@cli.command("add")
@click.argument("records", nargs=-1, type=click.Path(path_type=Path))
@data_option
@click.option(
    "--to",
    "data_dir",
    type=click.Path(path_type=Path),
    default=Path("data"),
    show_default=True,
    help="Where records are kept for the next build.",
)
def add_cmd(records: tuple[Path, ...], data: tuple[Path, ...], data_dir: Path) -> None:
    """Validate RECORDS and, only if they conform, store them under data/ so the next build
    includes them. A refused record changes nothing."""
    from .records import store

    checked = _check_records(records, data)
    if not checked.report.conforms:
        click.echo(_report(checked, "text").rstrip())
        click.echo("refused: nothing was stored", err=True)
        sys.exit(1)
    for target in store(list(records), data_dir):
        click.echo(f"stored {target}")


@cli.command("push")
@data_option
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="Graph Store Protocol URL of the server, e.g. http://127.0.0.1:7878/store.",
)
@click.option("--add", is_flag=True, help="Add to the server's graphs instead of replacing them.")
def push_cmd(data: tuple[Path, ...], endpoint: str, add: bool) -> None:
    """Load the graph into a SPARQL server, one named graph per source document
    (SPARQL 1.1 Graph Store Protocol); then `query --endpoint` runs the saved queries there."""
    from .remote import push

    sent = push(list(data) or [DEFAULT_OUT], endpoint, replace=not add)
    click.echo(f"pushed {sum(sent.values())} triples in {len(sent)} graphs to {endpoint}")


@cli.command("serve")
@data_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--timeout",
    default=10.0,
    show_default=True,
    type=float,
    help="Seconds a query may run; past them it is stopped and answered 503.",
)
@click.option(
    "--workers", type=int, help="Query worker processes [default: one per core, at least 2]."
)
@click.option(
    "--max-request-kb", default=1024, show_default=True, type=int, help="Largest body (413 above)."
)
@click.option(
    "--max-result-mb", default=64, show_default=True, type=int, help="Largest answer (507 above)."
)
@click.option(
    "--read-timeout",
    default=10.0,
    show_default=True,
    type=float,
    help="Seconds a client may take to send each part of its request (408 or closed after).",
)
@click.option(
    "--cors-origin",
    "cors",
    multiple=True,
    metavar="ORIGIN",
    help="Origin whose pages may read the answers (repeatable) [default: *, any].",
)
@click.option("--no-cors", is_flag=True, help="Send no CORS headers.")
@click.option(
    "--access-log",
    default="-",
    show_default=True,
    metavar="PATH",
    help="Where to write one line per request ('-': stderr).",
)
@click.option("--no-access-log", is_flag=True, help="Write no access log.")
@click.option("--no-reload", is_flag=True, help="Keep serving the graph as first loaded.")
def serve_cmd(
    data: tuple[Path, ...],
    host: str,
    port: int,
    timeout: float,
    workers: int | None,
    max_request_kb: int,
    max_result_mb: int,
    read_timeout: float,
    cors: tuple[str, ...],
    no_cors: bool,
    access_log: str,
    no_access_log: bool,
    no_reload: bool,
) -> None:
    """Serve the graph as a read-only SPARQL 1.1 Protocol endpoint, with a query page.

    Queries run in worker processes: one over --timeout is stopped and answered 503 while the
    others go on. The graph is reloaded when its file changes (a rebuild)."""
    import signal

    from .queries import list_queries
    from .server import Config, serve

    if not 0 <= port <= 65535:
        raise IsecgError(f"--port {port} is not a TCP port", hint="0-65535; 0 takes a free one")
    for name, value in (
        ("--timeout", timeout),
        ("--read-timeout", read_timeout),
        ("--max-request-kb", max_request_kb),
        ("--max-result-mb", max_result_mb),
        ("--workers", 1 if workers is None else workers),
    ):
        if not value > 0:
            raise IsecgError(f"{name} must be positive, not {value}")
    log = None if no_access_log else _log_stream(access_log)
    config = Config(
        timeout=timeout,
        workers=workers or max(2, os.cpu_count() or 1),
        read_timeout=read_timeout,
        max_request_bytes=max_request_kb * 1024,
        max_result_bytes=max_result_mb * 1024 * 1024,
        cors_origins=[] if no_cors else list(cors or ["*"]),
        reload_interval=0 if no_reload else 1.0,
        access_log=log,
    )
    saved = [(q.name, q.title, q.text) for q in list_queries()]
    try:
        httpd = serve(list(data) or [DEFAULT_OUT], saved, host, port, config)
    except OverflowError:
        raise IsecgError(f"--port {port} is not a TCP port") from None
    except OSError as e:
        raise IsecgError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None
    bound = httpd.server_address[1]
    click.echo(
        f"SPARQL endpoint on http://{host}:{bound}/sparql (query page: http://{host}:{bound}/)"
    )
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()


@cli.command("plot")
@click.argument("kind", metavar="membership|chairs")
@click.option(
    "--data",
    type=click.Path(path_type=Path),
    default=DEFAULT_OUT,
    show_default=True,
    help="Graph file to draw from (.ttl .nt .jsonld .trig).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="Image to write; .svg or .png [default: build/KIND.svg].",
)
def plot_cmd(kind: str, data: Path, out: Path | None) -> None:
    """Draw a timeline from the saved queries: membership (members at each year's end, joins
    per year) or chairs (one bar per agency). Dates known only as a range are hatched, ends
    no source states fade out."""
    from .plot import FORMATS, check, render

    check(kind, FORMATS[0])
    out = out or Path("build") / f"{kind}.svg"
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise IsecgError("unknown image format", file=out, hint="name it .svg or .png")
    image = render(kind, data, fmt)
    _write(out, image)
    click.echo(f"wrote {out}: {kind} timeline, {len(image)} bytes")


@cli.command("docs")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("build/ontology.html"),
    show_default=True,
    help="HTML file to write.",
)
def docs_cmd(out: Path) -> None:
    """Write the ontology's documentation (HTML made by pyLODE from ontology/isecg.ttl).
    The page is self-contained: it fetches nothing."""
    from .ontodocs import render_html

    page = render_html().encode("utf-8")
    _write(out, page)
    click.echo(f"wrote {out}: ontology documentation, {len(page)} bytes")


def _write(out: Path, data: bytes) -> None:
    from .export import write_atomic

    try:
        write_atomic(out, data)
    except OSError as e:
        raise IsecgError(f"cannot write: {e.strerror or e}", file=out) from None


def _log_stream(path: str):
    """The access log: stderr for '-', else the file, appended to, a line at a time."""
    if path == "-":
        return sys.stderr
    try:
        return open(path, "a", encoding="utf-8", buffering=1)
    except OSError as e:
        raise IsecgError(f"cannot open the access log: {e.strerror}", file=path) from None


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script and of ``python -m isecg_kg``."""
    # rdflib logs a traceback for an ill-typed literal; the shapes report it as one line.
    logging.getLogger("rdflib").setLevel(logging.CRITICAL)
    cli.main(args=argv, prog_name="isecg-kg")
