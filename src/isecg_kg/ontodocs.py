"""The ontology's documentation for people: one HTML page made by pyLODE from ``ontology/``.

pyLODE's OntPub profile documents classes and properties; the individuals the ontology
defines (ISECG itself, the chair role) are added as a section of their own. The page is
self-contained: pyLODE's stylesheet is inlined, its icons are ``data:`` URIs and
its only script is the ontology's own schema.org JSON-LD, so serving or opening it fetches
nothing. ``docs/ontology.html`` holds the page as generated; a test regenerates it and fails
when the ontology changed and the page was not remade (``isecg-kg docs --out
docs/ontology.html``).
"""

from __future__ import annotations

import html as _html
import logging
import re

from rdflib import OWL, RDF, RDFS, SKOS, Graph, URIRef

from .errors import IsecgError
from .resources import ontology_path

# An element that makes a browser fetch: a script, stylesheet, image or frame from a host.
_FETCHES = re.compile(
    r"<(?:script|img|iframe|embed|source|audio|video)\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//"
    r"|<link\b(?=[^>]*\brel\s*=\s*[\"']?(?:stylesheet|preload|modulepreload|prefetch|import))"
    r"[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//"
    r"|@import\s+(?:url\()?[\"']?(?:https?:)?//",
    re.IGNORECASE,
)


def render_html() -> str:
    """The HTML documentation of ``ontology/isecg.ttl``: its classes, properties and
    individuals with their labels, comments, domains and ranges; the same ontology gives
    the same text."""
    graph = Graph()
    path = ontology_path()
    try:
        graph.parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as e:
        raise IsecgError(f"cannot read the ontology: {e}", file=path) from None
    try:
        document = _ontpub()(graph, sort_subjects=True)
    except OSError as e:  # on first use pyLODE caches its background ontologies in its folder
        raise IsecgError(
            f"pyLODE cannot cache its background ontologies: {e.strerror or e}",
            file=getattr(e, "filename", None),
            hint="run `isecg-kg docs` once as the user who installed it",
        ) from None
    html = _with_individuals(document.make_html(), graph)
    found = _FETCHES.search(html)
    if found:  # a pyLODE upgrade would have to be checked before it ships a page that fetches
        raise IsecgError(f"the generated documentation would fetch from the web: {found[0]!r}")
    return html


def _ontpub():
    """pyLODE's OntPub profile. Importing pyLODE configures the root logger (DEBUG, to
    stderr); that is undone, so importing it here changes no logging of the caller's."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        from pylode.profiles.ontpub import OntPub
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    return OntPub


_TERMS = (
    OWL.Ontology,
    OWL.Class,
    RDFS.Class,
    RDF.Property,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.FunctionalProperty,
)
_SECTION = '      <div id="namespaces">'
_TOC = '        <li>\n          <h4>\n            <a href="#namespaces">'


def individuals(graph: Graph) -> list[URIRef]:
    """The ontology's individuals: what it labels or comments on that is not a class,
    property or the ontology itself, by IRI."""
    described = {s for p in (RDFS.label, RDFS.comment) for s in graph.subjects(p, None)}
    terms = {s for t in _TERMS for s in graph.subjects(RDF.type, t)}
    return sorted(s for s in described - terms if isinstance(s, URIRef))


def _with_individuals(page: str, graph: Graph) -> str:
    """``page`` with a section (and a table-of-contents entry) for the individuals."""
    found = individuals(graph)
    if not found:
        return page
    if page.count(_SECTION) != 1 or page.count(_TOC) != 1:
        raise IsecgError("pyLODE's page has changed: cannot place the individuals' section")
    entries = "".join(_individual(graph, i) for i in found)
    section = f'      <div id="individuals">\n        <h2>Individuals</h2>\n{entries}      </div>\n'
    toc = "".join(
        f'            <li>\n              <a href="#{_anchor(i)}">{_e(_name(graph, i))}</a>\n'
        "            </li>\n"
        for i in found
    )
    toc = (
        '        <li>\n          <h4>\n            <a href="#individuals">Individuals</a>\n'
        f'          </h4>\n          <ul class="second">\n{toc}          </ul>\n        </li>\n'
    )
    return page.replace(_SECTION, section + _SECTION).replace(_TOC, toc + _TOC)


def _individual(graph: Graph, node: URIRef) -> str:
    rows = [("IRI", f"<code>{_e(str(node))}</code>")]
    rows += [
        ("Type", _e(graph.namespace_manager.normalizeUri(t)))
        for t in _sorted(graph, node, RDF.type)
    ]
    for label, predicate in (
        ("Label", RDFS.label),
        ("Preferred label", SKOS.prefLabel),
        ("Alternative label", SKOS.altLabel),
        ("Description", RDFS.comment),
    ):
        rows += [(label, f"<p>{_e(str(v))}</p>") for v in _sorted(graph, node, predicate)]
    cells = "".join(
        f"            <tr>\n              <th>{h}</th>\n              <td>{v}</td>\n"
        "            </tr>\n"
        for h, v in rows
    )
    return (
        f'        <div class="entity" id="{_anchor(node)}">\n'
        f"          <h3>{_e(_name(graph, node))}</h3>\n          <table>\n{cells}"
        "          </table>\n        </div>\n"
    )


def _sorted(graph: Graph, node: URIRef, predicate: URIRef) -> list:
    return sorted(graph.objects(node, predicate), key=str)


def _name(graph: Graph, node: URIRef) -> str:
    for predicate in (RDFS.label, SKOS.prefLabel):
        names = _sorted(graph, node, predicate)
        if names:
            return str(names[0])
    return str(node)


def _anchor(node: URIRef) -> str:
    return "individual-" + re.sub(r"[^A-Za-z0-9]+", "-", str(node).rsplit("/id/", 1)[-1]).strip("-")


def _e(text: str) -> str:
    return _html.escape(" ".join(text.split()))
