"""Synthetic source documents: the synthetic world (``synth``) told as ISECG reports.

Three formats, in turn: WordPress REST posts (JSON, like globalspaceexploration.org's), web pages
(HTML with navigation and footer around the article) and plain-text press releases (with a
dateline), in the wording of the real reports, so that loading, extraction and mapping all run.
Only the 30 real agencies appear (the registry knows them). Deterministic in size and seed.
"""

from __future__ import annotations

import html
import json
import random
from datetime import date, timedelta
from pathlib import Path

from .synth import Agency, Meeting, World, make_world

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
FILLER = (
    "During this meeting, the senior managers highlighted the importance and benefits of "
    "international cooperation and coordination to better advance each agency's goals in space "
    "exploration.",
    "The group discussed the status of exploration planning, how space exploration can generate "
    "benefits for life on Earth and continued work to be reflected in the next edition of the "
    "Global Exploration Roadmap.",
    "A major focus of the meeting was discussions on recent developments in space exploration and "
    "associated opportunities for additional space agency collaboration.",
    "The agencies agreed to further encourage global participation in ISECG, in particular "
    "reaching out to countries with emerging space programs.",
)


def long_date(day: date) -> str:
    """'September 9, 2020'."""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def when_phrase(m: Meeting) -> str:
    """How a report dates the meeting, at the precision the world gives it."""
    if m.value and len(m.value) == 10:
        return f"On {long_date(m.day)},"
    if m.value and len(m.value) == 7:
        return f"In {MONTHS[m.day.month - 1]} {m.day.year},"
    if m.value:
        return f"In {m.day.year},"
    return "Earlier this year,"


def _names(agencies: dict[str, Agency], keys: tuple[str, ...]) -> str:
    parts = [f"{agencies[k].name} ({k})" for k in keys]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def paragraphs(m: Meeting, agencies: dict[str, Agency], rng: random.Random) -> list[str]:
    """The paragraphs of a report of meeting ``m``."""
    count = m.stated if m.stated is not None else len(m.participants)
    where = "virtually" if m.virtual else f"in {m.city}, {m.country}" if m.city else ""
    out = [
        f"{when_phrase(m)} senior managers representing {count} space agencies gathered "
        f"{where} for a meeting of the International Space Exploration Coordination Group "
        "(ISECG) with the purpose of promoting coordinated efforts in human and robotic space "
        "exploration.".replace("  ", " "),
        rng.choice(FILLER),
    ]
    if m.chair:
        prev, new = m.chair
        out.append(
            f"During the meeting the role of ISECG Chair transitioned from the "
            f"{agencies[prev].name} ({prev}) to the {agencies[new].name} ({new})."
        )
    if m.joins:
        countries = [f"{agencies[k].country or agencies[k].name} ({k})" for k in m.joins]
        joined = (
            countries[0]
            if len(countries) == 1
            else ", ".join(countries[:-1]) + " and " + (countries[-1])
        )
        out.append(
            "The senior agency managers took the opportunity to welcome the new members from "
            f"{joined}, which joined ISECG since the last senior agency managers meeting."
        )
    kind = "virtual meeting" if m.virtual else "meeting"
    out.append(f"This {kind} included representatives from the {_names(agencies, m.participants)}.")
    return out


def _wordpress(n: int, title: str, published: date, paras: list[str]) -> str:
    stamp = f"{published.isoformat()}T08:55:27"
    post = {
        "id": 1000 + n,
        "date": stamp,
        "date_gmt": stamp,
        "modified": stamp,
        "link": f"https://www.globalspaceexploration.org/?p={1000 + n}",
        "type": "post",
        "status": "publish",
        "title": {"rendered": html.escape(title)},
        "content": {"rendered": "\n\n".join(f"<p>{html.escape(p)}</p>" for p in paras)},
    }
    return json.dumps(post, ensure_ascii=False)


def _html(title: str, published: date, paras: list[str]) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras)
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)} | ISECG</title>"
        f'<meta property="article:published_time" content="{published.isoformat()}"></head>\n'
        '<body><nav class="menu"><a href="/">Home</a> <a href="/news">News</a></nav>\n'
        f"<article><h1>{html.escape(title)}</h1>\n"
        f'<p class="date"><time datetime="{published.isoformat()}">{long_date(published)}'
        f"</time></p>\n{body}\n</article>\n"
        "<footer>© ISECG Secretariat. All rights reserved.</footer></body></html>\n"
    )


def _press_release(
    m: Meeting, agencies: dict[str, Agency], title: str, published: date, paras: list[str]
) -> str:
    city = (m.city or "Paris").upper()
    host = agencies[m.host].name if m.host else "European Space Agency"
    lead = (
        f"{city}, {long_date(published)} — Today, the {host} hosted senior representatives from "
        f"{len(m.participants)} space agencies* from around the world for a meeting of the "
        "International Space Exploration Coordination Group (ISECG) to exchange information "
        "regarding interests, plans and activities in space exploration."
    )
    listed = ", ".join(
        f"{k} ({agencies[k].country or agencies[k].name})" for k in sorted(m.participants)
    )
    return (
        "\n\n".join(
            ["Press Release", title, lead, *paras[1:-1], f"* In alphabetical order: {listed}."]
        )
        + "\n"
    )


def write_corpus(folder: Path, documents: int, seed: int = 0) -> list[Path]:
    """Write ``documents`` reports (one per meeting) into ``folder``; returns their paths."""
    world: World = make_world(documents, seed, agencies=30)
    agencies = {a.key: a for a in world.agencies}
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, m in enumerate(world.meetings):
        published = m.day + timedelta(days=rng.randint(1, 12))
        title = rng.choice(
            (
                "International Space Agencies Meet to Advance Coordination in Exploration",
                "Space agencies meet to discuss space exploration",
                f"ISECG meeting in {m.city}" if m.city else "ISECG agencies meet virtually",
            )
        )
        paras = paragraphs(m, agencies, rng)
        kind = n % 3
        if kind == 0:
            path, text = folder / f"{n:06d}.json", _wordpress(n, title, published, paras)
        elif kind == 1:
            path, text = folder / f"{n:06d}.html", _html(title, published, paras)
        else:
            path = folder / f"{n:06d}.txt"
            text = _press_release(m, agencies, title, m.day, paras)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
