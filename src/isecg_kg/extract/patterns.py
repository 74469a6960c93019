"""The rule tables: cue words and sentence patterns, one family per block, as data.

Patterns run on a sentence's agency-masked text (``text.Sentence.masked``); ``{AG}`` is one agency
however it was written, ``{A:name}`` a named agency slot (an optional "the" before it), ``{NUM}`` a
number in digits or words, ``{ORD}`` an ordinal, ``{DATE}`` nothing: dates come from the date
grammar, a pattern only says where the words around them are.
"""

from __future__ import annotations

import re

from .gazetteer import NUMBER, ORDINAL
from .text import AG


def rx(template: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a table pattern, filling in its placeholders."""
    out = re.sub(r"\{A:(\w+)\}", lambda m: rf"(?:the\s+)?(?P<{m.group(1)}>{AG})", template)
    out = out.replace("{AG}", AG).replace("{NUM}", NUMBER).replace("{ORD}", ORDINAL)
    return re.compile(out, flags)


def rxs(*templates: str, flags: int = 0) -> tuple[re.Pattern[str], ...]:
    return tuple(rx(t, flags) for t in templates)


IC = re.IGNORECASE

# --- Is the document about ISECG at all? -------------------------------------------------------
ABOUT_ISECG = rx(
    r"\bISECG\b|International Space Exploration Coordination Group|Global Exploration Roadmap|"
    r"globalspaceexploration"
)

# --- Tense of the words around a date ----------------------------------------------------------
FUTURE = rx(
    r"\b(?:(?:to|will|would|shall)\s+be\s+\w+ed|expected|will|shall|scheduled|planned|plans?|due|"
    r"upcoming|forthcoming|next|aims?|intends?|targets?|targeting)\b",
    IC,
)
PAST = rx(
    r"\b(?:published|issued|released|unveiled|launched|presented|signed|founded|established|"
    r"created|formed|adopted|joined|held|met|gathered|convened|began|started|completed|approved|"
    r"occupied|since|took place|came together|hosted|was|were)\b",
    IC,
)
# Verbs of other events: a date after one of these in a meeting sentence is not the meeting's.
OTHER_EVENT = rx(
    r"\b(?:published|issued|released|unveiled|launched|launch|landed|landing|signed|founded|"
    r"established|created|formed|adopted|joined|occupied|since|began|started|completed|approved|"
    r"mission|missions|by|until|before|after)\b[^,;]{0,40}$",
    IC,
)

# --- Meetings ----------------------------------------------------------------------------------
MEETING_CUE = rx(
    r"\b(?:met|meet|gathered|convened|reconvened|assembled|came together|meeting|summit|hosted|"
    r"gathering)\b",
    IC,
)
NOT_A_MEETING = rx(
    r"\bto meet\b|\bmet with\b|\bmeeting\s+(?:report|summary|minutes|outcomes?|documents?|agenda|"
    r"materials|presentations|notes)\b|\bmeets?\s+(?:annually|regularly|twice|once|every|each|periodically)\b|"
    r"\bmeeting\s+(?:the|their|its|our|these|those|this|all|key)\s+"
    r"(?:\w+\s+)?(?:goals?|needs?|challenges?|requirements?|objectives?|demands?|targets?|criteria)\b",
    IC,
)
# Before the cue, in its noun phrase: a meeting other than the one reported.
REFERENCE_BEFORE = rx(
    r"\b(?:last|previous|prior|preceding|next|upcoming|forthcoming|subsequent|future|following|"
    r"earlier|past|another|first-ever)\b[^,.;:()]{0,40}$",
    IC,
)
FUTURE_BEFORE = rx(
    r"\b(?:will|would|shall|plans? to|planning to|is to|are to|to be)\s+(?:\w+\s+)?$", IC
)
FUTURE_AFTER = rx(r"^\w*\s+(?:will|would|is scheduled|is planned|is expected|is to be)\b", IC)
# Other gatherings: a sentence naming one reports an ISECG meeting only if it says so.
OTHER_GATHERING = rx(
    r"\b(?:International Space Exploration Forum|ISEF|International Astronautical Congress|IAC|"
    r"GLEX|[Cc]onference|[Cc]ongress|[Ss]ymposium|[Ww]orkshop|[Ff]orum|[Ss]ession)\b"
)
ISECG_MEETING = rx(
    r"\bISECG\b[^.;]{0,40}\bmeeting\b|\bmeeting\s+of\s+(?:the\s+)?(?:ISECG|International Space "
    r"Exploration Coordination Group)",
    IC,
)
# A sentence that may create a meeting must be about the group or its agencies.
# Words that make a sentence about ISECG alone report a meeting that took place.
HAPPENED = rx(
    r"\b(?:met|gathered|convened|(?:was|were) held|took place|hosted|marked|today|attended|"
    r"participated|came together)\b",
    IC,
)
ISECG_CONTEXT = rx(
    r"\bISECG\b|International Space Exploration Coordination Group|\bagenc(?:y|ies)\b|"
    r"\bsenior (?:agency )?(?:managers|representatives|officials)|\bthe group\b|"
    r"\bmember(?:s| agencies)\b",
    IC,
)
STATED_COUNT = rxs(
    r"\b(?P<n>{NUM})\s+of\s+(?:the|its|ISECG's)\s+(?P<m>{NUM})\s+(?:member\s+)?(?:space\s+)?agencies",
    r"\b(?:from|representing|of|by)\s+(?:the\s+|some\s+|all\s+)?(?P<n>{NUM})\s+(?:(?:space|member|"
    r"partner|international|national|participating|different|ISECG|world)\s+){0,2}agencies\b",
    r"\b(?P<n>{NUM})\s+(?:(?:space|member|partner|international|national|ISECG)\s+){0,2}agencies"
    r"\s+(?:met|gathered|convened|participated|attended|took part|were represented|came together)",
)
HOST = rxs(
    r"{A:a}(?:,[^,.;]{1,60},)?\s+(?:\w+\s+)?hosted\b",
    r"\bhosted\s+by\s+{A:a}",
    r"\bat\s+the\s+invitation\s+of\s+{A:a}",
    r"{A:a}\s+(?:was|served as|acted as)\s+(?:the\s+)?host\b",
    r"\bhost(?:ed|ing)?\s+agency,?\s+{A:a}",
    r"{A:a}-hosted\b",
    r"\bat\s+{A:a}(?:'s|')?\s+(?:headquarters|HQ|offices?|premises|facilit\w+|campus)\b",
)
_CAP = r"[A-Z][\w.&'-]*"
VENUE = rx(
    rf"\bat\s+(?:the\s+)?(?:(?P<own>{{AG}})(?:'s|')?\s+)?(?P<venue>(?:{_CAP}|{{AG}})"
    rf"(?:\s+(?:of|for|de|du|and|the|{_CAP}|\([A-Z]\w*\)))*)"
)
PLACE = rx(
    rf"\bin\s+(?P<place>{_CAP}(?:[\s-]{_CAP}){{0,2}}(?:,?\s*D\.?C\.?)?)"
    rf"(?:,\s*(?P<country>{_CAP}(?:\s+(?:of\s+)?{_CAP}){{0,3}}))?"
)
VIRTUAL = rx(
    r"\b(?:virtual(?:ly)?|videoconferenc\w*|video[- ]conferenc\w*|teleconferenc\w*|"
    r"web[- ]?conferenc\w*|via video\w*|by video\w*|online (?:meeting|format|session)|"
    r"(?:met|meet|held|gathered|convened|conducted|took place|connected)\s+(?:\w+\s+)?"
    r"(?:online|remotely))\b",
    IC,
)
HYBRID = rx(r"\bhybrid\b", IC)
IN_PERSON = rx(r"\bin[- ]person\b|\bface[- ]to[- ]face\b|\bphysical(?:ly)?\b", IC)

# --- Participants and absentees ----------------------------------------------------------------
PARTICIPANTS_AFTER = rx(
    r"\b(?:included|including|comprised|brought together|attended by|"
    r"with (?:the )?participation of|"
    r"participants (?:were|included|from)|participating agencies (?:were|included)|"
    r"(?:following|these)(?:\s+{NUM})?\s+(?:space\s+)?agencies (?:participated|attended|"
    r"took part|were represented)|"
    r"(?:representatives|delegations|delegates|officials|heads|managers|leaders) (?:of|from)|"
    r"alongside|together with|along with|joined by|(?:space )?agencies from)"
    r"(?:\s+the\s+following(?:\s+\w+){0,2})?\s*:?\s*",
    IC,
)
# Cues that name a meeting's participants even in a sentence without a meeting cue.
PARTICIPANTS_STRONG = rx(
    r"\b(?:(?:participants|attendees|participating agencies|delegations|"
    r"delegates)\s+(?:\w+\s+){0,2}?"
    r"(?:were|included|came from|from|represented)|(?:following|"
    r"these)(?:\s+{NUM})?\s+(?:space\s+)?agencies (?:participated|"
    r"attended|took part|were represented)|agencies (?:represented|present|participating) "
    r"(?:were|included)|(?:participating|attending) (?:agencies|delegations)\s*(?=:)|"
    r"^participants(?=\s*:))(?:\s+the\s+following(?:\s+\w+){0,2})?\s*:?\s*",
    IC,
)
PARTICIPANTS_BEFORE = rx(
    r"\s+(?:all\s+)?(?:participated|attended|took part|were represented|were present|"
    r"joined the meeting)\b",
    IC,
)
ABSENT_BEFORE = rx(
    r"\s+(?:did not|didn't|could not|couldn't|was unable to|were unable to|was not able to|"
    r"were not able to)\s+(?:attend|participate|join|be present)|"
    r"\s+(?:was|were)\s+(?:absent|not represented|not present)\b",
    IC,
)
ABSENT_AFTER = rx(
    r"\b(?:with the exception of|except(?: for)?|apart from|other than|absent (?:were|was|"
    r"agencies)|"
    r"not represented (?:were|was))\s*:?\s*",
    IC,
)
FOOTNOTE_MARK = re.compile(r"\w(\*+|†)")
FOOTNOTE_BODY = re.compile(r"^(\*+|†)\s*(?:[^:]{0,40}:\s*)?")

# --- Membership --------------------------------------------------------------------------------
MEMBER_LIST = rxs(
    r"\b(?:ISECG|[Gg]roup|[Mm]embership|"
    r"Coordination Group(?:\s*\(ISECG\))?),?\s+(?:(?:which|that)\s+)?"
    r"(?:currently\s+|now\s+"
    r"|today\s+|presently\s+)?(?:consists of|comprises|is comprised of|is composed of|"
    r"is made up of|"
    r"includes|brings together|gathers|counts)\b",
    r"\b(?:[Mm]embers|[Mm]ember agencies|[Mm]ember space agencies)\s+(?:of\s+(?:the\s+)?(?:ISECG|"
    r"[Gg]roup|International Space Exploration Coordination Group)\s+)?(?:currently\s+|now\s+)?"
    r"(?:are|include|comprise)\b",
)
MEMBER_LIST_LEAD = rx(
    r"^\s*(?:the\s+following\s+)?(?:(?P<n>{NUM})\s+)?(?:(?:space|member|national|international)\s+)*"
    r"(?:agencies|members|organi[sz]ations)?\s*:?\s*"
)
MEMBER_COUNT = rxs(
    r"\b(?:ISECG|[Gg]roup)\b[^.;]{0,60}?\b(?:now|currently|today)\s+(?:has|counts|comprises|includes|"
    r"numbers|brings together)\s+(?P<n>{NUM})\s+(?:member\s+)?(?:space\s+)?(?:agencies|members)",
    r"\bbringing\s+(?:the\s+)?(?:ISECG(?:'s)?\s+|the group's\s+|its\s+)?(?:total\s+)?(?:membership|"
    r"number of (?:members|member agencies))\s+to\s+(?P<n>{NUM})",
    r"\b(?:membership|number of members)\s+(?:of ISECG\s+)?(?:now\s+)?(?:stands at|totals|reached|"
    r"reaches|grew to|rose to|increased to|is now|now at|has grown to)\s+(?P<n>{NUM})",
    r"\b(?:ISECG|[Gg]roup)\s+(?:has\s+)?(?:grown|grew|expanded)\s+to\s+(?P<n>{NUM})\s+(?:member\s+)?"
    r"(?:space\s+)?(?:agencies|members)",
    r"\b(?:ISECG|[Gg]roup),?\s+(?:(?:which|that)\s+)?(?:now\s+|currently\s+|today\s+)?(?:has|counts|comprises|includes|"
    r"consists of|brings together|gathers|numbers)\s+(?P<n>{NUM})\s+(?:member\s+)?(?:space\s+)?"
    r"(?:agencies|members|organi[sz]ations)",
    r"\b(?:ISECG's|its)\s+(?P<n>{NUM})\s+(?:member\s+)?(?:space\s+)?(?:agencies|members)",
    r"\bthe\s+(?P<n>{NUM})\s+(?:ISECG\s+)?member\s+(?:space\s+)?agencies",
)
JOIN_BEFORE = rx(
    r"(?:,\s*)?(?:(?:which|who|that)\s+)?(?:ha(?:s|ve|d)\s+)?(?:(?:also|officially|formally|recently|"
    r"both|just|now)\s+)*(?:joined|became\s+(?:an?\s+|(?:the|ISECG's|the group's)\s+(?:newest\s+|"
    r"{ORD}\s+)?)?(?:new(?:est)?"
    r"\s+)?(?:ISECG\s+)?members?|(?:was|were)\s+(?:formally\s+|officially\s+)?(?:admitted|accepted|"
    r"welcomed)|been\s+(?:an?\s+)?(?:ISECG\s+)?members?(?:\s+of\s+(?:ISECG|the\s+group))?"
    r"(?=\s+since\b))\b"
)
JOIN_TARGET = rx(
    r"^\W*(?:\w+\W+){0,3}?(?:ISECG|the group|the forum|International Space Exploration|"
    r"as (?:an? |the )?"
    r"(?:new(?:est)? )?(?:ISECG )?members?|to ISECG|into ISECG|member)",
    IC,
)
JOIN_AFTER = rxs(
    r"\bwelcom\w*\s+(?:the\s+)?(?:(?:\w+)\s+)?(?:new(?:est)?\s+)(?:ISECG\s+)?(?:members?|member "
    r"agenc(?:y|ies))\s*(?:,\s*|from\s+|:\s*)?",
    r"\b(?:admission|accession|addition)\s+of\s+",
    r"\bnew(?:est)?\s+(?:ISECG\s+)?members?\s*(?:,|:|-|are|is|include|from)\s*",
    r"\b(?:ISECG|[Tt]he group)\s+(?:has\s+|have\s+|also\s+)*welcomed\s+",
)
WELCOMED_AS = rx(r"\bwelcom\w*\s+")
AS_MEMBER = rx(
    r"^\s*(?:,\s*)?as\s+(?:(?:an?|the|its|their|ISECG's|the group's)\s+)?(?:(?:new(?:est)?|"
    r"{ORD}|full)\s+)?"
    r"(?:ISECG\s+)?members?\b"
)
NOT_JOIN = rx(
    r"^\s+(?:the|this|that|a|an)\s+(?:[\w-]+\s+){0,3}?(?:meeting|call|discussion|session|event|"
    r"conference|effort|work|panel|mission|project)\b",
    IC,
)
JOIN_ORDINAL = rx(r"\b(?:the|its|ISECG's|the group's)\s+(?P<ord>{ORD})\s+(?:ISECG\s+)?member")
JOIN_FUTURE = rx(
    r"\b(?:will|shall|is to|are to|is expected to|plans? to)\s+(?:\w+\s+)?(?:join|become)", IC
)
JOIN_AT_MEETING = rx(r"\b(?:at|during)\s+(?:this|the|that|today's)\s+(?:\w+\s+){0,3}?meeting\b", IC)
SINCE_REFERENCE = rx(
    r"\bsince\s+(?:the\s+)?(?:last|previous|prior|preceding)\s+[\w\s'-]{0,50}?meeting\b", IC
)

# --- Chairmanship ------------------------------------------------------------------------------
_CHAIR = r"(?i:(?:ISECG\s+)?(?:rotating\s+)?(?:chair(?:manship|ing|person|man)?|presidency))"
CHAIR_WORD = rx(r"\bchair\w*|\bpresidency\b", IC)
_MOVED = (
    r"(?:transitioned|passed|moved|rotated|shifted|transferred|went|(?:was|has been|had been) "
    r"(?:handed|passed|transferred|rotated)(?: over)?)"
)
_HANDED = r"(?:passed|handed(?: over)?|transferred|turned over|gave|hands over|passes|handed on)"
_TOOK = (
    r"(?:took over|assumed|takes over|assumes|inherited|received|took on|(?:has|have|had) "
    r"(?:taken over|assumed|taken on))"
)
_BECAME = (
    r"(?:took over|assumed|takes over|assumes|took on|assuming|taking over|(?:has|have|had) "
    r"(?:taken over|assumed)|became|becomes|was elected|was named|was appointed|has been elected|"
    r"was selected)"
)
_HANDOVER = r"(?:transfer|handover|hand-over|handing over|passing|rotation|transition)"
CHAIR_CHANGE = rxs(
    rf"{_CHAIR}[^.;]{{0,90}}?\b{_MOVED}\s+from\s+{{A:prev}}\s+to\s+{{A:to}}",
    rf"\b{_HANDOVER}\s+of\s+(?:the\s+)?{_CHAIR}[^.;]{{0,90}}?\bfrom\s+{{A:prev}}\s+to\s+{{A:to}}",
    rf"{{A:prev}}\s+(?:\w+\s+)?{_HANDED}\s+(?:on\s+)?(?:the\s+)?(?:\w+\s+)?{_CHAIR}[^.;]{{0,90}}?"
    rf"\bto\s+{{A:to}}",
    rf"{{A:to}}\s+(?:\w+\s+)?{_TOOK}\s+(?:the\s+)?(?:\w+\s+)?{_CHAIR}[^.;]{{0,90}}?\bfrom\s+"
    rf"{{A:prev}}",
    rf"{{A:to}}\s+(?:\w+\s+)?(?:succeeded|succeeds|replaced|replaces|followed|follows)\s+"
    rf"{{A:prev}}\s+as\s+(?:the\s+)?(?:new\s+)?{_CHAIR}",
    rf"{_CHAIR}[^.;]{{0,90}}?\b{_MOVED}\s+to\s+{{A:to}}",
    rf"\b{_HANDOVER}\s+of\s+(?:the\s+)?{_CHAIR}[^.;]{{0,90}}?\bto\s+{{A:to}}",
    rf"{{A:to}}\s+(?:\w+\s+)?{_BECAME}\s+(?:as\s+)?(?:the\s+)?(?:new\s+)?(?:\w+\s+)?"
    rf"(?:{_CHAIR}|lead)\b",
    rf"\bnew\s+{_CHAIR},?\s+{{A:to}}",
)
CHAIR_STATE = rxs(
    rf"{{A:to}}\s+(?:\w+\s+)?(?:holds|is|has been|currently holds|serves as|is serving as)\s+"
    rf"(?:currently\s+)?(?:the\s+)?(?:current\s+)?{_CHAIR}\b",
    r"{A:to}\s+(?:currently\s+)?chairs\s+(?:the\s+)?(?:ISECG|group|"
    r"International Space Exploration)",
    rf"{_CHAIR}[^.;]{{0,60}}?\b(?:is|was|has been)\s+(?:currently\s+)?held\s+by\s+{{A:to}}",
    rf"\b(?:current|incumbent)\s+{_CHAIR},?\s+{{A:to}}",
    rf"{{A:to}},?\s+(?:the\s+)?(?:current|incumbent)\s+{_CHAIR}",
    rf"\b(?:chaired by|under the chairmanship of|under the {_CHAIR} of)\s+{{A:to}}",
)
CHAIR_FUTURE = rx(r"\b(?:will|shall|is to|are to|is expected to|plans? to)\b", IC)

# --- Roadmaps ----------------------------------------------------------------------------------
ROADMAP = rxs(
    r"(?P<supp>[Ss]upplement)\s+to\s+the\s+(?:ISECG\s+)?Global\s+Exploration\s+Roadmap",
    r"(?:(?P<year>(?:19|20)\d{2})\s+)?(?:ISECG(?:'s)?\s+)?Global\s+Exploration\s+Roadmap"
    r"(?:\s*\((?:GER)\)|\s*\((?P<pyear>(?:19|20)\d{2})\))?(?P<supp>\s+Supplement)?",
    r"(?:(?P<gpre>(?:19|20)\d{2})\s+)?\bGER(?:\s?(?P<gyear>(?:19|20)\d{2}))?\b"
    r"(?P<supp>\s+[Ss]upplement)?",
)
ROADMAP_COREF = rx(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|ISECG's)\s+(?:(?:new|updated|latest|original|initial|"
    r"current)\s+)?(?:(?P<supp>supplement)|roadmap)\b"
)
ANNOUNCED = rx(
    r"\b(?:next|upcoming|forthcoming|future|new|updated|coming)\s+(?:edition|version|iteration|"
    r"update|issue)\b|\b(?:will be|is expected to be|are expected to be|to be|is due to be|"
    r"scheduled to be|planned to be)\s+(?:published|released|issued|updated)\b|"
    r"\b(?:under development|in preparation|being (?:prepared|developed|updated))\b",
    IC,
)
EDITION_BEFORE = rx(
    r"\b(?P<ord>{ORD})\s+(?:(?:edition|iteration|version)\s+of\s+(?:the\s+)?)?(?:ISECG\s+)?$", IC
)
EDITION = rx(r"\b(?P<ord>{ORD})\s+(?:edition|iteration|version|issue)\b", IC)
EDITION_ORDINAL = rx(r"\b(?:the\s+)(?P<ord>{ORD})\b(?:\s+(?:edition|iteration|version))?", IC)
FIRST_ISSUED = rx(
    r"\b(?:first|initially|originally)\s+(?:issued|published|released|unveiled|launched)\b", IC
)
PUBLISHED = rx(
    r"\b(?:published|issued|released|unveiled|launched|presented|came out|made public|"
    r"updated)\b",
    IC,
)
JUST_PUBLISHED = rx(
    r"\b(?:just|newly|recently)\s+(?:published|released|issued)|\b(?:today|now)\s+(?:published|"
    r"released|issued)|\b(?:published|released|issued)\s+(?:today|this week)",
    IC,
)
EXPECTED_PRONOUN = rx(
    r"^(?:It|This|The\s+(?:update|updated\s+(?:version|roadmap)|new\s+(?:edition|version)|next\s+"
    r"(?:edition|version)|document|report))\b[^.]*?\b(?:expected to be|will be|is due to be|"
    r"scheduled to be|planned to be)\s+(?:published|released|issued)",
)
UPLOAD_DATE = re.compile(r"/uploads/(?P<y>(?:19|20)\d{2})/(?P<m>\d{2})/")
