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
    r"admitted|accepted|mission|missions|by|until|before|after)\b[^,;]{0,40}$",
    IC,
)

# --- Meetings ----------------------------------------------------------------------------------
MEETING_CUE = rx(
    r"\b(?:met|meet|meets|gathered|convened|reconvened|assembled|came together|meeting|summit|"
    r"hosted|video[\s-]?conference|teleconference|web[\s-]?conference|"
    r"gathering|plenary|hosts|welcomed(?=[^.;]{0,60}\b(?:representatives|delegat\w+|participants|"
    r"senior managers|heads of agenc\w+)))\b",
    IC,
)
NOT_A_MEETING = rx(
    r"\bno\s+(?:\w+\s+)?meeting\b|\bwithout\s+(?:a\s+|any\s+)?(?:\w+\s+)?meeting\b|"
    r"\bbilateral\s+(?:\w+\s+)?meetings?\b|\b(?:their|its)\s+own,?\s+(?:separate\s+)?meetings?\b|"
    r"\bseparate\s+meetings?\b|"
    r"\bto meet\b|\bmet with\b|\bmeeting\s+(?:report|summary|minutes|outcomes?|documents?|agenda|"
    r"materials|presentations|notes)\b|\bmeets?\s+(?:annually|regularly|twice|once|every|each|periodically)\b|"
    r"\bmeeting\s+(?:the|their|its|our|these|those|this|all|key)\s+"
    r"(?:\w+\s+)?(?:goals?|needs?|challenges?|requirements?|objectives?|demands?|targets?|criteria)\b|"
    # meetings in general: "not a complete record of every ISECG meeting"
    r"\b(?:every|any)\s+(?:[\w-]+\s+){0,2}?meetings?\b|"
    # a body or a page hosted by an agency, not a meeting: "Its Secretariat is hosted by ESA"
    r"\b(?:secretariat|office|website|web\s?site|site|page|portal|archive|database)\s+"
    r"(?:is|are|was|were|has been|have been)\s+(?:\w+\s+)?hosted\b",
    IC,
)
# Words that make "meeting" one ISECG meeting of a timeline or report ("Third meeting", "Virtual
# meeting"); a sentence must still date it to report it.
MEETING_MODIFIER = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|"
    r"inaugural|virtual|online|hybrid|in-person|annual|plenary|senior managers'?"
)
# A label of a meeting page's fact box: "When: 17-18 May 2022", "Venue: ESTEC".
MEETING_FIELD = rx(r"^\W*(?:When|Dates|Where|Place|Venue|Location|Host(?:ed by)?)\s*:", IC)
# A meeting record's head: "Date: 2014-09-30" over an event's field ("Place: Toronto").
DATE_FIELD = rx(r"^\W*Date\s*:", IC)
EVENT_FIELD = rx(r"^\W*(?:Place|Venue|Location|Where|Host(?:ed by)?|Time)\s*:", IC)
# A date that labels a note about the text ("Correction, 13 April 2016: ..."), not an event.
NOTE_DATE_BEFORE = rx(
    r"^\W*(?:Correction|Corrected|Clarification|Update|Updated|Editor'?s note|Note)\b[\s,:-]*$", IC
)
# Before the cue, in its noun phrase: a meeting other than the one reported.
REFERENCE_BEFORE = rx(
    r"\b(?:last|previous|prior|preceding|next|upcoming|forthcoming|subsequent|future|following|"
    r"earlier|past|another|first-ever)\b(?!\s+(?:week|month|year|autumn|spring|summer|winter|fall|"
    r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun))[^,.;:()]{0,40}$",
    IC,
)
# After a cue, words of a habit, not of one meeting: "has met at least once a year".
HABITUAL_AFTER = rx(
    r"^\s+(?:at\s+(?:least|senior\s+level)\s+)?(?:once|twice|several\s+times|\w+\s+times|regularly|"
    r"annually|yearly|periodically|every|each)\b",
    IC,
)
# "since the meeting in Bengaluru": a meeting cited as a point in time, not the one reported.
SINCE_BEFORE = rx(r"\b[Ss]ince\s+(?:the|its|their|that)\s+[^,.;:()]{0,40}$")
# A dated meeting inside a clause about an agency's past: "UKSA, which took over the chair from
# ESA at the October 2015 meeting in Darmstadt, chaired both days": a point in its history.
CLAUSE_BEFORE = rx(
    r"\b(?:which|who)\s[^.;]{0,100}\b(?:chair\w*|joined|member\w*|admitted)\b[^.;]{0,60}"
    r"\b(?:at|during)\s+(?:the|its)\s+[^.;,]{0,30}\d[^.;,]{0,20}$"
)
FUTURE_BEFORE = rx(
    r"\b(?:will|would|shall|plans? to|planning to|is to|are to|to be)\s+(?:\w+\s+)?$|"
    # the meeting a future verb names: "Switzerland will attend its first ISECG meeting"
    r"\b(?:will|shall|plans? to|is to|are to)\s+(?:attend|join|host|chair|take part in|"
    r"participate in)\s+[^,.;:()]{0,50}$",
    IC,
)
# After a date: it counts from the meeting, so it is another day ("On July 17, the day after
# the ISECG meeting closed, ..."; not "on 30 September, the day before the congress opened").
OFFSET_DAY_AFTER = rx(
    r"\s*,?\s*(?:the|a|one|two|three)\s+(?:days?|weeks?)\s+(?:after|before)\s+(?:the\s+)?"
    r"(?:ISECG\s+|group's\s+)?(?:meeting|plenary|session)\b",
    IC,
)
# A sentence saying a meeting was not the group's: "That meeting ... was not an ISECG meeting."
DENIED_MEETING = rx(
    r"\b(?:was|is|were|are)\s+not\s+(?:an?\s+|the\s+)?meetings?\s+of\s+(?:the\s+)?(?:ISECG|group)\b|"
    r"(?:\b(?:was|is|were|are)\s+|[,;:]\s*)not\s+(?:an?\s+|the\s+)?(?:ISECG|group)(?:'s)?\s+"
    r"(?:meetings?|activit(?:y|ies)|events?|business)\b",
    IC,
)
# ... said in the next sentence, of the one before: "... met at Ames on July 24. It was not an
# ISECG meeting."
DENIED_BEFORE = rx(r"^\W*(?:It|This|That)(?:\s+(?:meeting|gathering|event))?\s+(?:was|is)\s+not\b")
FUTURE_AFTER = rx(r"^\w*\s+(?:will|would|is scheduled|is planned|is expected|is to be)\b", IC)
# Other gatherings: a sentence naming one reports an ISECG meeting only if it says so.
OTHER_GATHERING = rx(
    r"\b(?:International Space Exploration Forum|ISEF|International Astronautical Congress|IAC|"
    r"GLEX|(?<!video\s)(?<!video-)(?<!web\s)(?<!web-)[Cc]onference|[Cc]ongress|[Ss]ymposium|[Ww]orkshop|[Ff]orum|[Ss]ession|"
    r"[Cc]ouncil|[Cc]ommittee|(?<=Coordination )Board|MCB)\b"
    r"(?!\s+(?i:centre|center|hall|room|venue|facilit))"  # a venue's name, not a gathering
)
# Words placing a meeting beside another gathering, not in it ("just before the start of the
# congress", "on the sidelines of the forum"): the gathering after them is not the one that met.
BESIDE_GATHERING = rx(
    r"\b(?:before|ahead of|prior to|on the eve of|(?:on|in) the (?:sidelines|margins) of|"
    r"alongside)\s+(?:the\s+)?(?:(?:start|opening)\s+of\s+(?:the\s+)?)?"
    r"(?:(?:\d{4}|\d+(?:st|nd|rd|th)|{ORD})\s+)?$",
    IC,
)
ISECG_MEETING = rx(
    r"\bISECG\b[^.;]{0,40}\bmeeting\b|\bmeeting\s+of\s+(?:the\s+)?(?:ISECG|International Space "
    r"Exploration Coordination Group)",
    IC,
)
# The group as the subject of a meeting verb: its meeting, even beside another gathering
# ("ISECG heads of agencies met in Milan ..., on the eve of the congress").
ISECG_MET = rx(
    r"\b(?:ISECG|International Space Exploration Coordination Group)(?:\s*\(ISECG\))?"
    r"(?:\s+[\w'-]+){0,4}?\s+(?:met|gathered|convened|reconvened|assembled|came together)\b",
    IC,
)
# Words of a membership event: a date after them in a meeting sentence is the event's
# ("which became the 25th member in January 2021, took part in its first meeting").
MEMBERSHIP_EVENT = rx(
    r"\b(?:bec(?:ame|ome|omes|oming)|(?:was|were)\s+(?:admitted|accepted))\s+(?:as\s+)?"
    r"(?:(?:a|an|the|its|ISECG's|the group's|new|newest|full|{ORD})\s+){0,3}(?:ISECG\s+)?"
    r"member\b[^,;]{0,30}$",
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
    r"\b(?P<n>{NUM})\s+of\s+(?:the|its|ISECG's|the\s+(?:group|forum)'s)\s+(?P<m>{NUM})\s+(?:ISECG\s+)?"
    r"(?:member\s+)?(?:space\s+)?(?:agencies|members)\b",
    r"\b(?:from|representing|of|by)\s+(?:the\s+|some\s+|all\s+)?(?P<n>{NUM})\s+(?:(?:space|member|"
    r"partner|international|national|participating|different|ISECG|world)\s+){0,2}agencies\b",
    r"\b(?P<n>{NUM})\s+(?:(?:space|member|partner|international|national|ISECG)\s+){0,2}agencies"
    r"\s+(?:met|gathered|convened|participated|attended|took part|were represented|came together|"
    r"dial(?:l)?ed in|logged (?:in|on)|connected|attend|take part|participate|are represented)\b",
    r"\b(?P<n>{NUM})\s+(?:(?:space|member|partner|ISECG)\s+)?agencies\s+in\s+(?:all|total)\b",
    r"^\W*(?i:attendance|participation|attendees|participants|delegations)\s*:\s*(?P<n>{NUM})\s+"
    r"(?:(?:space|member|partner|ISECG)\s+)?(?:agencies|delegations)\b",
    # A clause that is only a count, in a meeting's entry: "Hosted by ESA at ESOC; 14 agencies."
    r"(?:^|;)\s*(?P<n>{NUM})\s+(?:(?:space|member|partner|ISECG)\s+)?agencies\s*[.;]?\s*$",
    r"\b(?:a\s+total\s+of|altogether|in\s+total,?)\s+(?P<n>{NUM})\s+(?:(?:space|member|partner|ISECG)"
    r"\s+)?agencies\b",
    r"\b(?P<n>{NUM})\s+(?:(?:space|member|partner|ISECG)\s+){0,2}agencies\s+(?:were\s+)?(?:represented|"
    r"present|in attendance|(?:around|at)\s+the\s+table)\b",
    # every member, counted: "All fifteen members were represented at that meeting"
    r"\b[Aa]ll\s+(?:(?:of\s+)?(?:the|its|ISECG's|the\s+group's)\s+)?(?P<n>{NUM})\s+(?:ISECG\s+)?"
    r"member(?:s|\s+(?:space\s+)?agencies)\s+(?:were\s+)?(?:represented|present|attended|"
    r"took part|participated)\b",
)
# A count that is the whole attendance, over a part counted before ("Delegations from eleven
# agencies gathered in Rome ... In total, 25 agencies took part").
TOTAL_COUNT = rx(
    r"\b(?:a\s+total\s+of|altogether|in\s+(?:total|all),?)\s+{NUM}\s+|"
    r"\b{NUM}\s+(?:(?:space|member|partner|ISECG)\s+)?agencies\s+in\s+(?:all|total)\b",
    IC,
)
# A sentence that names the host by itself, apart from the meeting's ("ASI acted as host").
# An agency attending, in a sentence of its own beside the meeting: "A vice president of the
# Japan Aerospace Exploration Agency attended for Japan.", "KARI's delegation also took part."
ATTENDED_APART = rx(
    r"^\W*(?:(?:An?|The|Its)\s+[^.;:]{1,60}?\b(?:of|from)\s+(?:the\s+)?|The\s+)?{A:a}"
    r"(?:'s?\s+(?:[\w-]+\s+){0,3}?(?:delegation|delegates|representatives?|team|head))?"
    r"\s+(?:also\s+)?(?:attended|took\s+part|participated|was\s+(?:also\s+)?represented)\b"
)
_HOST_APART = r"{A:a}(?:,[^,.;]{1,80},)?\s+(?:was|served as|acted as)\s+(?:the\s+)?host\b"
_HOST_WITH = r"\bwith\s+{A:a}\s+as\s+(?:the\s+)?host\b"  # "..., with the Japanese agency as host"
HOST_APART = rxs(_HOST_APART, _HOST_WITH)
HOST = rxs(
    r"^\W*Host(?:ed by|ing agency)?\s*:\s*{A:a}",
    r"{A:a}(?:,[^,.;]{1,100},)?\s+(?:\w+\s+)?hosted\b",
    r"\bhosted\s+by\s+{A:a}",
    # a date between the verb and its agent: "hosted the week of 7 November 2022 by ISRO"
    r"\bhosted\s+(?:on|in|during|the\s+week\s+of)\s+[\w ,-]{1,30}?\s+by\s+{A:a}",
    # an adverb between: "hosted yesterday by DLR", "hosted jointly by", "hosted last week by"
    r"\bhosted\s+(?:yesterday|today|jointly|(?:last|this)\s+week)\s+by\s+{A:a}",
    # the agent described before it is named: "hosted in Adelaide by Australia's national
    # science agency, the Commonwealth Scientific and Industrial Research Organisation"
    r"\bhosted\s+(?:(?:on|in|during)\s+[\w ,-]{1,30}?\s+)?by\s+[^,.;()]{3,60}?,\s+(?:the\s+)?{A:a}",
    r"\bat\s+the\s+invitation\s+of\s+{A:a}",
    r"\(\s*(?i:host(?:ed by)?|hosting agency)\s*:\s*{A:a}",  # "Montreal (host: CSA)"
    _HOST_APART,
    r"\bhost(?:ed|ing)?\s+agency,?\s+{A:a}",
    r"{A:a}-hosted\b",
    r"\bat\s+{A:a}(?:'s|')?\s+(?:headquarters|HQ|offices?|premises|facilit\w+|campus)\b",
    r"\b[Aa]t\s+the\s+invitation\s+of\s+{A:a}",
    r"\bat\s+the\s+(?:headquarters|HQ|offices?|premises|facilit\w+|campus|site)\s+of\s+{A:a}",
    r"{A:a},?\s+(?:which|who)\s+(?:also\s+)?(?:hosted|was hosting|acted as host|served as host)\b",
    r"{A:a}\s+(?:\w+\s+)?welcomed\s+(?:the\s+)?(?:\w+\s+)?(?:delegates|delegations|participants|"
    r"representatives|attendees)\b",
    r"{A:a}\s+(?:\w+\s+)?played\s+host\b",
    _HOST_WITH,
    r"\borgani[sz]ed\s+by\s+{A:a}",
    r"\bHosted\s+by\s+{A:a}",
    r"\bhosted\s+(?:at|in)\s+[^.;]{1,60}?\bby\s+{A:a}",
    r"{A:a}\s+(?:\w+\s+)?(?:hosts|is hosting)\b",
)
_CAP = r"[A-Z][\w.&'-]*"
VENUE = rx(
    rf"\bat\s+(?:the\s+)?(?:(?P<own>{{AG}})(?:'s|')?\s+)?(?P<venue>(?:{_CAP}|{{AG}})"
    rf"(?:\s+(?:of|for|de|du|and|the|{_CAP}|\([A-Z]\w*\)))*)"
)
PLACE = rx(  # "in <place>", or "to <known city>" ("welcomed the delegations to Berlin")
    rf"\b(?P<prep>in|to|at)\s+(?P<place>{_CAP}(?:[\s-]{_CAP}){{0,2}}(?:,?\s*D\.?C\.?)?)"
    rf"(?:,\s*(?P<country>{_CAP}(?:\s+(?:of\s+)?{_CAP}){{0,3}}))?"
)
# A place heading an entry or a label's value: "6 November 2007 - Berlin, Germany.", "Montreal,
# 10-12 July", "In Tokyo, on the 13th"; the place is a gazetteer city or is followed by a country.
ENTRY_PLACE = rx(
    r"(?:^\W*|[-–—:|]\s*|^\W*\w+:\s*[Ii]n\s+|^\W*[Ii]n\s+)(?P<place>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2}?)"
    r"(?:,\s+(?:the\s+)?(?P<country>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}?))?(?:,\s+(?P<country2>[A-Z]{2,3}))?"
    r"\s*(?=[,.;]|$)"
)
VIRTUAL = rx(
    r"\b(?:virtual(?:ly)?|videoconferenc\w*|video[- ]conferenc\w*|teleconferenc\w*|"
    r"web[- ]?conferenc\w*|via video\w*|by video\w*|online (?:meeting|format|session)|"
    r"(?:met|meet|held|gathered|convened|conducted|took place|connected)\s+(?:\w+\s+)?"
    r"(?:online|remotely)|meeting,?\s+(?:held\s+|conducted\s+)?(?:online|remotely))\b",
    IC,
)
HYBRID = rx(r"\bhybrid\b", IC)
IN_PERSON = rx(r"\bin[- ]person\b|\bface[- ]to[- ]face\b|\bphysical(?:ly)?\b", IC)

# --- Participants and absentees ----------------------------------------------------------------
# Where, after an attendance word: "represented in Saint-Hubert", "present in Rome".
_IN_PLACE = r"(?:\s+(?:at|in)\s+(?-i:[A-Z][\w'-]+)(?:\s+(?-i:[A-Z][\w'-]+))?)?"
PARTICIPANTS_AFTER = rx(
    r"\b(?:included|including|comprised|brought together|attended by|"
    r"with (?:the )?participation of|"
    r"participants (?:were|included|from)|participating agencies (?:were|included)|"
    r"(?:following|these)(?:\s+{NUM})?\s+(?:space\s+)?agencies (?:participated|attended|"
    r"took part|were represented)|"
    r"(?:representatives|delegations|delegates|officials|heads|managers|leaders) (?:of|from)|"
    # ... but not "will work alongside those of KARI"
    r"(?:alongside|together with|along with)(?!\s+(?:those|that)\s+of\b)|joined by|"
    r"(?:space )?agencies from)"
    r"(?:\s+the\s+following(?:\s+\w+){0,2})?\s*:?\s*"
    # the count the list is in brackets after: "managers from 12 space agencies (ASI, ...)"
    r"(?:{NUM}\s+(?:(?:space|member|national|partner)\s+){0,2}agencies\s*\(\s*)?",
    IC,
)
# Cues that name a meeting's participants even in a sentence without a meeting cue.
PARTICIPANTS_STRONG = rx(
    r"\b(?:(?:participants|attendees|participating agencies|delegations|"
    r"delegates)\s+(?:\w+\s+){0,2}?"
    r"(?:were|included|came from|from|represented)|(?:following|"
    r"these)(?:\s+{NUM})?\s+(?:space\s+)?agencies (?:participated|"
    r"attended|took part|were represented)" + _IN_PLACE + r"(?=\s*:)|(?:following|"
    r"these)(?:\s+{NUM})?\s+(?:space\s+)?agencies (?:participated|"
    r"attended|took part|were represented)|agencies (?:represented|present|participating) "
    r"(?:were|included)|(?:participating|attending) (?:agencies|delegations)\s*(?:(?=:)|\()|"
    r"^participants(?=\s*:)|\baround\s+the\s+table\s+(?:were|sat)\b|"
    r"(?:took part|participated|attended|were represented),?\s+among\s+(?:them|whom|others))"
    r"(?:\s+the\s+following(?:\s+\w+){0,2})?\s*:?\s*",
    IC,
)
PARTICIPANTS_BEFORE = rx(
    r"\s+(?:all\s+)?(?:participated|attended|took part|were represented|were present|"
    r"joined\s+(?:remotely|online|virtually|by\s+video\w*)|"
    r"joined the meeting|briefed\s+(?:the\s+)?(?:other\s+)?(?:participants|delegates|delegations|"
    r"meeting)|"
    r"were\s+among\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:participants|attendees|"
    r"(?:agencies|delegations)\s+(?:attending|present|represented|participating|taking part|"
    r"in attendance)))\b",
    IC,
)
# Agencies a region, a country or a kind of agency was represented by, and the clauses that
# share the verb: "Europe was represented by ESA and by ASI, CNES and DLR; the Asia-Pacific region
# by JAXA and ISRO; and the Americas by CSA and NASA".
PARTICIPANTS_REPRESENTED_BY = rx(r"\b(?:was|were)\s+(?:also\s+)?represented\s+by\s+", IC)
PARTICIPANTS_BY_GAPPED = rx(
    r"(?:[;,]\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?"
    r"(?:(?:(?-i:[A-Z][\w'-]*)|(?![\w'-]*ed\b)[\w'-]+)\s+){0,3}?by\s+(?:the\s+)?",
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
    r"not represented (?:were|was))\s*:?\s*|"
    r"^\W*(?:not\s+(?:attending|present|represented|participating)|absent|absentees|apologies|"
    r"excused|unable to attend)\s*:\s*",
    IC,
)
# Every member but those named took part: "All member agencies except Roscosmos and SSAU
# attended (see the member list below)"; the participants are the document's member list less them.
ALL_MEMBERS_BUT = rx(
    r"\b[Aa]ll\s+(?:(?:of\s+)?(?:the|its|ISECG's|the\s+group's)\s+)?(?:{NUM}\s+)?(?:ISECG\s+)?"
    r"member(?:\s+space)?(?:\s+agencies|s)\s+(?:except(?: for)?|but|apart from|other than|with "
    r"the exception of)\s+[^.;]{1,120}?\b(?:attended|took part|participated|were (?:represented|"
    r"present))\b",
    IC,
)
FOOTNOTE_MARK = re.compile(r"\w(\*+|†)")
FOOTNOTE_BODY = re.compile(r"^(\*+|†)\s*(?:[^:]{0,60}:\s*)?")
# Labels and inverted clauses that name a meeting's participants by themselves ("Attendees:",
# "In attendance were", "Agencies represented at the meeting were", "Attending agencies included").
# "at the meeting", "in the Berlin meeting", "(attending) today's session": where they took part.
_AT_MEETING = (
    r"(?:\s+(?:(?:at|in)\s+)?(?:the|this|that|these|today's|yesterday's)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:meetings?|sessions?|gathering|event|talks|discussions|workshop)|"
    r"\s+(?:at|in)\s+(?-i:[A-Z][\w'-]+)(?:\s+(?-i:[A-Z][\w'-]+))?)?"  # "in Rome"
)
# A heading may be an annex's or a part's, with an aside: "ANNEX A - DELEGATIONS (in order of
# registration)", "PART IV -- ISECG PARTICIPATING AGENCIES (as at 27 April 2010)".
_ANNEX = r"(?:(?:annex|appendix|attachment|enclosure|part|section)\s+[\w.]{1,4}\s*[-–—:.]{0,2}\s*)?"
_ASIDE = r"(?:\s*\([^()]{1,60}\))?"
_AS_AT_ASIDE = r"(?:,?\s+as\s+(?:at|of|on)\s+[^()]{4,30})?"  # "MEMBERSHIP AS AT 13 MAY 2016"
PARTICIPANTS_LABEL = rx(
    r"(?:^"
    + _ANNEX
    + r"(?:(?:list\s+of\s+)?(?:participants|attendees|participating\s+(?:agencies|delegations|"
    r"organi[sz]ations)|attending\s+(?:agencies|delegations)|(?:participating\s+)?delegations|"
    r"(?:agencies|delegations|organi[sz]ations)\s+(?:represented|present|in attendance|"
    r"participating|attending|taking part))" + _AT_MEETING + r"|in attendance|etaient\s+presents|"
    r"etaient\s+representees|ont\s+participe)" + _ASIDE + r"\s*(?=:|$)|"
    r"\b(?:in attendance|attending|taking part|participating)" + _AT_MEETING + r"\s+were\b|"
    r"^(?:also\s+)?present" + _AT_MEETING + r"\s+were\b|^(?:also\s+)?(?:present|attending|"
    r"participating|taking part|in attendance)" + _AT_MEETING + r"\s*(?=:)|"
    r"\b(?:attending|participating|represented)\s+(?:agencies|delegations)\s+"
    r"(?:were|included|came from)\b|\b(?:agencies|delegations)\s+(?:represented|present|"
    r"participating|attending|"
    r"taking part)" + _AT_MEETING + r"\s+(?:were|included)\b|\bthose\s+(?:present|attending|"
    r"taking part|participating)" + _AT_MEETING + r"\s+(?:were|included)\b)"
    r"(?:\s+the\s+following(?:\s+\w+){0,2})?\s*:?\s*",
    IC,
)
# More ways to introduce the participants in a sentence about the meeting.
PARTICIPANTS_AFTER_MORE = rx(
    r"\bwith\s+(?:the\s+)?participation\s+(?:from|by)\s*:?\s*|\bparticipants\s+came\s+from\s*:?\s*",
    IC,
)
# After an attendance verb: another event the agencies took part in, not the meeting reported
# ("the heads of NASA and ESA took part in the IAC plenary").
OTHER_EVENT_AFTER = rx(
    r"^\s+(?:in|at)?\s*(?:the\s+|a\s+|an\s+)?(?:[\w'-]+\s+){0,4}?(?:plenary|panel|congress|"
    r"conference|symposium|workshop|forum|ceremony|summit|accords|exhibition|launch|IAC|GLEX|"
    r"ISEF)\b",
    IC,
)
# A footnote mark on a count of agencies: the note lists them ("16 space agencies* took part").
COUNT_MARKED = rx(
    r"\b{NUM}\s+(?:(?:space|partner|national|international|participating|different|ISECG)\s+)"
    r"{0,2}(?:agencies|delegations|organi[sz]ations)(?:\*+|†)",
    IC,
)
# An attendance verb introducing its list with a colon ("Representatives of 17 agencies took
# part in the meeting: ...", "Thirteen agencies were represented in Berlin:").
PARTICIPANTS_COLON = rx(
    r"\b(?:participated|attended|took part|were represented|were present)(?:\s+(?:in|at)\s+"
    r"(?:(?:the|this|that|today's)\s+(?:[\w-]+\s+)?(?:meeting|discussions)|(?-i:[A-Z][\w-]*)))?"
    r"\s*(?::|,?\s+(?:namely|i\.e\.|that is|as follows)\s*:?)\s*",
    IC,
)
# More participants after a list read before its verb ("..., Ukraine attended, together with ESA").
# ... and those said to come with them: "X attended, together with Y", "X took part in the
# meeting, as did Y and Z".
PARTICIPANTS_ALSO = rx(
    r"(?:\s+(?:in|at)\s+(?:the|this|that|its)\s+(?:[\w'-]+\s+){0,3}?(?:meeting|session|talks))?"
    r",?\s*(?:together with|along with|alongside|as well as|and also|as did)\s+",
    IC,
)
# A member list that is also the attendance ("... are listed below; all of them took part").
MEMBERS_ATTENDED = rx(
    r"(?<!\bnot\s)\b(?:all\s+(?:(?:of\s+)?(?:them|these|those|which|whom)\s+)?|(?:every|each)\s+"
    r"(?:one\s+|agency\s+|member\s+)?(?:of\s+(?:them|these|those)\s+)?)(?:[\w-]+\s+){0,3}?"
    r"(?:took part|attended|participated|were (?:represented|present)|"
    r"was (?:represented|present))\b",
    IC,
)
# A list that follows on the next lines ("... are listed below", "as follows").
LIST_FOLLOWS = rx(
    r"^\W*(?:(?:are|is)\s+)?(?:(?:listed|shown|named|given|set out)\s+(?:below|here|as follows)|"
    r"as follows)\b",
    IC,
)

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
# A heading over a list set out below it ("Member agencies", "ISECG members", "Our members",
# "ISECG participating agencies (as at 27 April 2010)").
MEMBER_LIST_HEADING = rx(
    r"^"
    + _ANNEX
    + r"(?:(?:ISECG(?:'s)?|the\s+group's|our|its|current)\s+)*(?:member\s+(?:space\s+)?agencies|"
    r"members|membership)" + _ASIDE + _AS_AT_ASIDE + r"\s*:?\s*$|"
    r"^"
    + _ANNEX
    + r"(?:ISECG(?:'s)?|the\s+group's)\s+participating\s+agencies"
    + _ASIDE
    + r"\s*:?\s*$",
    IC,
)
# A date a list is stated to hold on: "(as at 27 April 2010)", "as of 1 January".
AS_AT = rx(r"\bas\s+(?:at|of|on)\s*$", IC)
# A member list stated as current after its verb ("ISECG's members are now: ...").
MEMBER_LIST_NOW = rx(
    r"\b(?:[Mm]embers|[Mm]ember agencies|[Mm]ember space agencies)\s+(?:of\s+(?:the\s+)?(?:ISECG|"
    r"[Gg]roup|International Space Exploration Coordination Group)\s+)?(?:are|include|comprise)\s+"
    r"(?:now|currently|presently|today|at present)\b,?\s*:?"
)
# A member count that introduces the list ("ISECG currently has 4 member agencies: ...").
MEMBER_LIST_COUNTED = rx(
    r"\b(?:ISECG|[Gg]roup)\b[^.;:]{0,40}?\b(?:has|counts|numbers|includes|comprises)\s+(?P<n>{NUM})"
    r"\s+(?:member\s+)?(?:space\s+)?(?:agencies|members|organi[sz]ations)\s*(?::|,?\s+namely\b)\s*"
)
# A label introducing the member list ("ISECG member agencies: ...", "The group's members:").
MEMBER_LIST_LABEL = rx(
    r"\b(?:ISECG|[Gg]roup)(?:'s)?\s+(?:current\s+)?(?:member(?:\s+space)?\s+agencies|members)\s*:\s*"
)
# The agencies taking part in the group, not in a meeting ("The 14 agencies participating in
# ISECG are: ...").
MEMBER_LIST_PARTICIPATING = rx(
    r"\b(?:agencies|organi[sz]ations)\s+(?:currently\s+)?(?:participating|taking part|involved)\s+"
    r"in\s+(?:the\s+)?(?:ISECG|International Space Exploration Coordination Group)(?:\s*\(ISECG\))?"
    r"(?:,?\s+(?:are|include)\b|\s*:)"
)
# Every rule that introduces a list of the group's members.
MEMBER_LISTS = (
    *MEMBER_LIST,
    MEMBER_LIST_NOW,
    MEMBER_LIST_COUNTED,
    MEMBER_LIST_LABEL,
    MEMBER_LIST_PARTICIPATING,
    MEMBER_LIST_HEADING,
)
# Words saying a member list is the membership of the day reported ("now", "currently").
MEMBERS_CURRENT = rx(r"\b(?:now|currently|presently|today|at present|as of today)\b", IC)
# Every member taking part: the attendance is the membership ("All fifteen member agencies
# attended: ...", "All 25 member agencies dialled in").
MEMBERS_ALL_ATTENDED = rx(
    r"\b[Aa]ll\s+(?:(?:of\s+)?(?:the|its|ISECG's|the\s+group's)\s+)?(?:(?P<n>{NUM})\s+)?(?:ISECG\s+)?"
    r"member(?:s|\s+(?:space\s+)?agencies)\s+(?:were\s+)?(?:attended|took part|participated|"
    r"represented|present|dial(?:l)?ed in|logged (?:in|on)|met)\b"
    r"(?:\s+(?:in|at)\s+[^:;.]{1,40}?(?=\s*[:;.]))?\s*:?\s*"
)
# Part of the members just counted, listed ("14 member agencies. Twelve of them contributed: ...").
MEMBER_SUBSET = rx(
    r"^\W*(?:(?:{NUM}|all|most|some|several|many)\s+of\s+(?:them|these|those)|of\s+(?:them|these|"
    r"those),?\s+(?:{NUM}|all|most|some|several|many))\b[^:;]*:\s*",
    IC,
)
MEMBER_LIST_LEAD = rx(
    r"^\s*(?:the\s+(?:following\s+)?)?(?:(?P<n>{NUM})\s+)?(?:(?:space|member|national|international)\s+)*"
    r"(?:agencies|members|organi[sz]ations)?"
    # what they have in common, up to the colon: "the fourteen agencies that drew up the framework:"
    r"(?:\s+(?:that|which|who)\s+[^:;.]{1,80}(?=:))?"
    r"\s*:?\s*(?:,?\s*(?:including|such as|among them|"
    r"among others|notably)\s*:?\s+)?"
)
MEMBER_COUNT = rxs(
    r"\b(?:ISECG|[Gg]roup)\b[^.;]{0,60}?\b(?:now|currently|today)\s+(?:has|counts|comprises|includes|"
    r"numbers|brings together)\s+(?P<n>{NUM})\s+(?:member\s+)?(?:space\s+)?(?:agencies|members)",
    r"\bbringing\s+(?:the\s+)?(?:ISECG(?:'s)?\s+|the group's\s+|its\s+)?(?:total\s+)?(?:membership|"
    r"number of (?:members|member agencies))(?:\s+of\s+(?:the\s+group|ISECG))?\s+to\s+(?P<n>{NUM})",
    r"\b(?:membership|number of members)\s+(?:of ISECG\s+)?(?:now\s+)?(?:stands at|totals|reached|"
    r"reaches|grew to|grows to|rose to|rises to|increased to|increases to|is now|now at|"
    r"has grown to)\s+(?P<n>{NUM})",
    r"\b(?:ISECG|[Gg]roup)\s+(?:has\s+)?(?:grown|grew|expanded)\s+to\s+(?P<n>{NUM})\s+(?:member\s+)?"
    r"(?:space\s+)?(?:agencies|members)",
    r"\b(?:ISECG|[Gg]roup),?\s+(?:(?:which|that)\s+)?(?:now\s+|currently\s+|today\s+)?(?:has|counts|comprises|includes|"
    r"consists of|brings together|gathers|numbers)\s+(?P<n>{NUM})\s+(?:member\s+)?(?:space\s+)?"
    r"(?:agencies|members|organi[sz]ations)",
    r"\b(?:ISECG's|its)\s+(?P<n>{NUM})\s+(?:member\s+)?(?:space\s+)?(?:agencies|members)",
    r"\bthe\s+(?P<n>{NUM})\s+(?:ISECG\s+)?member\s+(?:space\s+)?agencies",
)
# A member count that is the outcome of an event ("bringing the membership to 17"): it holds from
# the event's date.
MEMBER_COUNT_EVENT = rx(
    r"\b(?:bringing|brought|grew|grows|grown|rose|rises|risen|increase[sd]|reache[sd]|reaching|"
    r"expand(?:ed|s))\b",
    IC,
)
JOIN_BEFORE = rx(
    r"(?:,\s*)?(?:(?:(?:both|all|each)\s+of\s+)?(?:which|whom|who|that)\s+)?(?:ha(?:s|ve|d)\s+)?"
    r"(?:(?:also|officially|formally|recently|both|just|now)\s+)*(?:joined|acceded|bec[ao]me\s+"
    r"(?:an?\s+|(?:the|its|ISECG's|the group's)\s+"
    r"(?:newest\s+|{ORD}\s+)?)?(?:(?:new(?:est)?|full)"
    r"\s+)?(?:ISECG\s+)?members?|(?:was|were)\s+(?:formally\s+|officially\s+)?(?:admitted|accepted|"
    r"welcomed)|(?:is|was)\s+(?:now\s+)?(?:the|ISECG's|the group's)\s+(?:newest|latest|{ORD})\s+"
    r"(?:ISECG\s+)?member|been\s+(?:an?\s+)?(?:ISECG\s+)?members?(?:\s+of\s+(?:ISECG|the\s+group))?"
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
    r"\b(?:ISECG|[Tt]he group|(?:the\s+)?(?:senior\s+managers|heads\s+of\s+agenc(?:y|ies)|"
    r"member\s+agencies|delegations|delegates))\s+(?:has\s+|have\s+|also\s+|formally\s+|"
    r"officially\s+|unanimously\s+)*"
    r"(?:welcomed|admitted|accepted)\s+(?:as\s+(?:its\s+)?(?:new(?:est)?\s+)?members?\s+)?",
    r"\b[Nn]ewcomers?\b(?:\s+[\w-]+){0,3}?\s*:\s*|\b[Nn]ewcomers?\s+(?:are|were|include|included)\s+",
)
# A join whose subject is a counted noun, its agencies listed after a colon: "two agencies that
# became members earlier this year: LSA and POLSA".
JOIN_SUBJECT_COUNTED = rx(
    r"\b(?:{NUM}|several|these|the\s+following)\s+(?:new\s+)?(?:space\s+)?(?:agencies|"
    r"organi[sz]ations|members|partners)\s*$",
    IC,
)
JOIN_LIST_AFTER_COLON = rx(r"[^:;.]{0,80}:\s*")
# A membership approved, said in the passive: "the membership of NZSA was approved in May".
JOIN_APPROVED_PASSIVE = rx(
    r"\b(?:membership|admission|accession)(?:\s+(?:application|request|bid)s?)?\s+of\s+"
    r"(?P<list>[^.;:]{1,200}?)\s+(?:was|were|has been|have been|had been)\s+(?:\w+\s+)?"
    r"(?:approved|accepted|confirmed|endorsed)\b",
    IC,
)
WELCOMED_AS = rx(r"\bwelcom\w*\s+")
AS_MEMBER = rx(
    r"^\s*(?:,\s*)?as\s+(?:(?:an?|the|its|their|ISECG's|the group's)\s+)?(?:(?:new(?:est)?|"
    r"{ORD}|full)\s+)?"
    r"(?:ISECG\s+)?members?\b"
)
NOT_JOIN = rx(
    r"^\s+(?:(?:in|on|at|for)\s+)?(?:the|this|that|a|an|these|those)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:meeting|call|discussions?|session|event|conference|efforts?|work|panel|mission|project|"
    r"talks|debate|statement|initiative|campaign|study|team|working group|accords?)\b",
    IC,
)
JOIN_ORDINAL = rx(r"\b(?:the|its|ISECG's|the group's)\s+(?P<ord>{ORD})\s+(?:ISECG\s+)?member")
JOIN_FUTURE = rx(
    r"\b(?:will|shall|is to|are to|is expected to|plans? to)\s+(?:\w+\s+)?(?:join|become)", IC
)
JOIN_AT_MEETING = rx(r"\b(?:at|during)\s+(?:this|the|that|today's)\s+(?:\w+\s+){0,3}?meeting\b", IC)
# Joining in the present tense ("POLSA officially joins ISECG"), a member since a date ("LSA, an
# ISECG member since 2019"), a membership approved ("ISECG approved the membership of NZSA").
JOIN_PRESENT = rx(
    r"(?:,\s*)?(?:(?:which|who|that)\s+)?(?:(?:officially|formally|now|also)\s+)*(?:joins?|becomes\s+"
    r"(?:an?\s+|(?:the|ISECG's|the group's)\s+(?:newest\s+|{ORD}\s+)?)?(?:new(?:est)?\s+)?"
    r"(?:ISECG\s+)?member)\b"
)
MEMBER_SINCE = rx(
    r",\s*(?:an?\s+|the\s+)?(?:ISECG\s+|full\s+)?member\s+(?:of\s+(?:ISECG|the\s+group)\s+)?"
    r"(?=since\b)"
)
JOIN_APPROVED = rx(
    r"\b(?:approved|accepted|confirmed|endorsed)\s+(?:the\s+)?(?:membership(?:\s+(?:application|"
    r"request|bid))?|admission|accession)\s+of\s+",
    IC,
)
# A join whose object is left out ("LSA, which joined in 2019 as well"): one only beside a join
# to the group.
JOIN_ELIDED = rx(
    r"^(?:\s+(?:in|during|on|earlier|last|this|only|recently|also|too|as well|back|already)\b|"
    r"\s*[,.;)]|\s*$)",
    IC,
)
SINCE_REFERENCE = rx(
    r"\bsince\s+(?:the\s+|our\s+|its\s+|their\s+|the group's\s+)?(?:last|previous|prior|"
    r"preceding)\s+[\w\s'-]{0,50}?meeting\b|"
    r"\bsince\s+(?:the\s+|they\s+|we\s+)?[\w\s'-]{0,40}?\blast\s+(?:met|gathered|convened)\b",
    IC,
)
# Joining said with a verb that needs the membership in view to mean it ("came in last year",
# "signed on as the group's newest member", "the Vietnam National Space Center, admitted in June").
JOIN_WEAK = rx(
    r"(?:,\s*)?(?:(?:which|who|that)\s+)?(?:(?:also|officially|formally|recently|just|finally|"
    r"only)\s+)*(?:signed\s+(?:on|up)|came\s+(?:in|on\s+board|aboard)|got\s+on\s+board)\b|"
    r",\s*(?:(?:also|officially|formally|recently|only|just)\s+)*admitted\b",
    IC,
)
# A join told as following another ("LSA joined in January; NOSA and VNSC followed in February"):
# one only beside a join to the group.
JOIN_FOLLOWED = rx(
    r"(?:,\s*)?(?:(?:which|who|that)\s+)?(?:(?:soon|quickly|later|also|then)\s+)*"
    r"(?:followed(?:\s+suit)?|did\s+(?:the\s+)?same|did\s+so)\b",
    IC,
)
# A membership's start stated apart from the join ("Its membership took effect on 5 March").
MEMBERSHIP_EFFECTIVE = rx(
    r"\b(?:membership|accession|admission)\b[^.;]{0,60}?\b(?:took effect|became effective|"
    r"came into (?:force|effect)|(?:was|is|became) effective|started|began)\b",
    IC,
)
# A join told by its noun, the agency its owner: "the Agency's admission as the fifteenth member".
JOIN_POSSESSIVE = rx(
    r"(?P<a>{AG})['’]s?\s+(?:admission|accession|(?:membership\s+)?(?:application|request|bid)\s+"
    r"(?:was|has been|had been)\s+(?:\w+\s+)?(?:approved|endorsed|accepted))\b"
)
# A list dated by the arrival it follows ("With the arrival of ASA, ISECG now counts 21 members").
LIST_AFTER_JOIN = rx(
    r"\b(?:with|following|after|upon)\s+(?:the\s+)?(?:arrival|joining|accession|admission|"
    r"addition|entry)\s+of\s+",
    IC,
)
# Words that put a paragraph on the group's membership, so a join verb without its object
# ("Portugal Space, which was formally admitted on 5 March") joins the group.
MEMBERSHIP_TOPIC = rx(r"\bmember|\bnewcomers?\b|\bnew(?:est)?\s+(?:agencies|partners)\b", IC)

# --- Chairmanship ------------------------------------------------------------------------------
_CHAIR = r"(?i:(?:ISECG\s+)?(?:rotating\s+)?(?:chair(?:manship|ing|person|man)?|presidency))"
CHAIR_WORD = rx(r"\bchair\w*|\bpresidency\b", IC)
_MOVED = (
    r"(?:transitioned|passed|moved|rotated|shifted|transferred|went|passes|moves|rotates|goes|"
    r"transitions|(?:was|has been|had been) "
    r"(?:handed|passed|transferred|rotated)(?: over)?)"
)
_HANDED = (
    r"(?:passed|handed(?: over)?|transferred|turned over|gave|hands over|hands|passes|handed on|"
    r"ceded|"
    r"cedes|relinquished|yielded)"
)
_TOOK = (
    r"(?:took over|assumed|takes over|assumes|inherited|received|took on|(?:has|have|had) "
    r"(?:taken over|assumed|taken on))"
)
_BECAME = (
    r"(?:took over|assumed|takes over|assumes|took on|assuming|taking over|takes|took|"
    r"(?:has|have|had) (?:taken over|assumed)|became|becomes|was elected|was named|was appointed|"
    r"has been elected|was selected|"
    r"assume|take over|take on|become)"  # after "saw", "will": "the meeting saw JAXA assume"
)
_HANDOVER = r"(?:transfer|handover|hand-over|handing over|passing|passage|rotation|transition)"
# After the new chair, the one it replaced: ", taking over from DLR", ", which succeeded CSA".
_REPLACING = (
    r",?\s+(?:(?:which|who)\s+)?(?:succeeded|succeeds|succeeding|replaced|replaces|replacing|"
    r"taking over from|took over from|takes over from)\s+{A:prev}"
)
# A relative clause between an agency and its verb: ", which had chaired the group since 2015,".
_CLAUSE = r"(?:,\s+(?:which|who|whose)\s+[^.;,]{0,80},)?"
CHAIR_CHANGE = rxs(
    # "NASA held the chair until 2009, when it passed to ESA"
    rf"{{A:prev}}\s+(?:held|had held|chaired)\s+(?:the\s+)?(?:{_CHAIR}\s+|group\s+|ISECG\s+)?"
    rf"until\b[^.;]{{0,30}},\s+when\s+(?:it|the\s+{_CHAIR})\s+{_MOVED}\s+to\s+{{A:to}}",
    rf"{_CHAIR}[^.;]{{0,90}}?\b{_MOVED}\s+to\s+{{A:to}}{_REPLACING}",
    rf"{_CHAIR}[^.;]{{0,40}}?\b(?:now\s+)?(?:rests|lies|sits|resides)\s+with\s+{{A:to}}{_REPLACING}",
    # a chair held from a meeting on began there: "as of that meeting the chair rests with JAXA"
    rf"\b(?:[Aa]s of|[Ss]ince|[Ff]rom)\s+(?:that|the|this)\s+(?:[\w'-]+\s+){{0,2}}meeting\b"
    rf"[^.;]{{0,30}}?{_CHAIR}[^.;]{{0,30}}?\b(?:rests|lies|sits|resides|has rested)\s+with\s+"
    rf"{{A:to}}",
    rf"{_CHAIR}[^.;]{{0,90}}?\b{_MOVED}\s+from\s+{{A:prev}}\s+to\s+{{A:to}}",
    rf"\b{_HANDOVER}\s+of\s+(?:the\s+)?{_CHAIR}[^.;]{{0,90}}?\bfrom\s+{{A:prev}}\s+to\s+{{A:to}}",
    rf"{{A:prev}}{_CLAUSE}\s+(?:\w+\s+)?{_HANDED}\s+(?:on\s+)?(?:the\s+)?(?:\w+\s+)?{_CHAIR}[^.;]{{0,90}}?"
    rf"\bto\s+{{A:to}}",
    rf"{{A:to}},?\s+(?:(?:which|who)\s+)?(?:[^.;]{{0,50}}?\s)?{_TOOK}\s+(?:the\s+)?(?:[\w']+\s+)?"
    rf"{_CHAIR}[^.;]{{0,90}}?\bfrom\s+{{A:prev}}",
    rf"{{A:to}},?\s+(?:\w+\s+)?{_BECAME}\s+(?:the\s+)?(?:[\w'-]+\s+){{0,2}}{_CHAIR}{_REPLACING}",
    rf"{{A:to}},?\s+(?:(?:which|who)\s+)?(?:\w+\s+)?(?:succeeded|succeeds|replaced|replaces|followed|follows)\s+"
    rf"{{A:prev}}\s+as\s+(?:the\s+)?(?:new\s+)?{_CHAIR}",
    rf"{_CHAIR}[^.;]{{0,90}}?\b{_MOVED}\s+to\s+{{A:to}}",
    rf"\b{_HANDOVER}\s+of\s+(?:the\s+)?{_CHAIR}[^.;]{{0,90}}?\bto\s+{{A:to}}",
    rf"{{A:to}}\s+(?:\w+\s+)?{_BECAME}\s+(?:as\s+)?(?:the\s+)?(?:new\s+)?(?:\w+\s+)?"
    rf"(?:{_CHAIR}|lead)\b",
    rf"\bnew\s+{_CHAIR},?\s+{{A:to}}",
    # a tenure stated with its years: "NASA chaired ISECG from 2012 to 2013" began then
    r"{A:to}\s+(?:\w+\s+)?chaired\s+(?:the\s+)?(?:ISECG|group|International Space Exploration "
    r"Coordination Group)\s+(?:from|between)\s+(?=(?:19|20)\d{2}\s+(?:to|and|until)\s)",
    rf"\b(?:elected|appointed|chose|named|selected)\s+{{A:to}}\s+(?:to\s+chair\b|as\s+(?:its\s+|the\s+)?"
    rf"(?:first\s+|new\s+)?{_CHAIR})",
    rf"{{A:to}},?\s+(?:(?:which|who)\s+)?(?:\w+\s+)?{_BECAME}\s+(?:as\s+)?(?:the\s+)?"
    rf"(?:[\w'-]+\s+){{0,2}}{_CHAIR}\b",
    rf"{{A:prev}}{_CLAUSE},?\s+(?:the\s+)?(?:outgoing\s+)?(?:{_CHAIR},?\s+)?(?:\w+\s+)?(?:handed|passed|hands|"
    rf"passes)\s+(?:over\s+)?(?:the\s+(?:baton|reins|role|torch|gavel)\s+)?to\s+{{A:to}}",
)
CHAIR_STATE = rxs(
    rf"{_CHAIR}[^.;]{{0,40}}?\b(?:now\s+)?(?:rests|lies|sits|resides)\s+with\s+{{A:to}}",
    rf"{{A:to}}\s+(?:\w+\s+)?(?:holds|is|has been|currently holds|serves as|is serving as)\s+"
    rf"(?:currently\s+)?(?:the\s+)?(?:current\s+)?{_CHAIR}\b",
    r"{A:to}\s+(?:currently\s+)?chairs\s+(?:the\s+)?(?:ISECG|group|"
    r"International Space Exploration)",
    rf"{_CHAIR}[^.;]{{0,60}}?\b(?:is|was|has been)\s+(?:currently\s+)?held\s+by\s+{{A:to}}",
    rf"\b(?:current|incumbent)\s+{_CHAIR},?\s+{{A:to}}",
    rf"{{A:to}},?\s+(?:the\s+)?(?:current|incumbent)\s+{_CHAIR}",
    rf"\b(?:chaired by|under the chairmanship of|under the {_CHAIR} of)\s+{{A:to}}",
    rf"\b[Uu]nder\s+(?:the|its)\s+{_CHAIR}\s+of\s+{{A:to}}",
    rf"\b[Uu]nder\s+{{A:to}}(?:'s?)?\s+{_CHAIR}\b",
    r"\bChaired\s+by\s+{A:to}",
)
# A tenure stated with its start: "JAXA (ISECG Chair since June 2009)", "JAXA, chair since
# 2009", "JAXA has held the rotating chair since June 2009": the chair passed to it then.
CHAIR_SINCE = rxs(
    rf"{{A:to}}\s*[,(]\s*(?:the\s+)?(?:ISECG(?:'s)?\s+|group's\s+)?{_CHAIR}\s+since\s+",
    rf"{{A:to}}(?:,\s+(?:which|who))?\s+has\s+(?:held\s+(?:the\s+)?{_CHAIR}|chaired\s+(?:the\s+)?(?:ISECG|group)|"
    rf"been\s+(?:the\s+)?(?:ISECG(?:'s)?\s+)?{_CHAIR})"
    r"(?:\s+of\s+(?:the\s+)?(?:ISECG|group))?\s+since\s+",
    # a label and its value: "Current chair: JAXA - in office since November 2018", "Current
    # chair | ESA, since May 2023"
    rf"^\W*(?i:(?:current|present|incumbent)\s+){_CHAIR}\s*[:|]\s*{{A:to}}\s*(?:[,(–—-]\s*)?"
    r"(?:(?:in\s+office|in\s+the\s+chair|chair(?:ing)?)\s+)?since\s+",
)
# The outgoing chair in a sentence after the change: "The handover from ESA took place today".
# The chair it took over from, after the tenure's date: "since 20 May 2009, when it took over the
# chairmanship from JAXA".
SINCE_FROM = rx(
    rf"^(?:,?\s+when\s+(?:it|she|he)\s+(?:took\s+over|assumed|inherited|received)\s+(?:the\s+)?"
    rf"{_CHAIR}\s+from|"
    # "since May 2023 (took over from CSA)", "since November 2018, succeeding NASA"
    r"\s*[,(]?\s*(?:(?:it|and)\s+)?(?:took\s+over\s+from|taking\s+over\s+from|succeeding|"
    r"replacing|in\s+succession\s+to))\s+{A:prev}"
)
# The meeting a tenure began at, between "since" and its date: "since its first meeting in
# Berlin last November".
SINCE_MEETING = rx(
    r"(?:the|its|the\s+group's)\s+(?:[\w-]+\s+){0,2}?meeting(?:\s+(?:in|at)\s+(?-i:[A-Z][\w'-]+)"
    r"(?:\s+(?-i:[A-Z][\w'-]+))?)?,?\s+(?:(?:on|in|last|this)\s+)?$",
    IC,
)
CHAIR_HANDED_FROM = rx(
    rf"^(?:The|This|That)\s+{_HANDOVER}\s+(?:of\s+(?:the\s+)?{_CHAIR}\s+)?from\s+{{A:prev}}"
)
CHAIR_FUTURE = rx(r"\b(?:will|shall|is to|are to|is expected to|plans? to)\b", IC)

# --- Roadmaps ----------------------------------------------------------------------------------
ROADMAP = rxs(
    r"(?P<supp>[Ss]upplement)\s+to\s+the\s+(?:ISECG\s+)?Global\s+Exploration\s+Roadmap",
    r"(?:(?P<year>(?:19|20)\d{2})\s+)?(?:ISECG(?:'s)?\s+)?Global\s+Exploration\s+Roadmap"
    r"(?:\s*\((?:GER)\)|\s*\((?P<pyear>(?:19|20)\d{2})\))?(?P<supp>\s+Supplement)?",
    r"(?:(?P<gpre>(?:19|20)\d{2})\s+)?\bGER(?:\s?(?P<gyear>(?:19|20)\d{2})|(?P<gnum>[1-9]))?\b"
    r"(?:\s*\((?P<gpyear>(?:19|20)\d{2})\))?"
    r"(?P<supp>\s+[Ss]upplement)?",
)
ROADMAP_COREF = rx(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Oo]ur|ISECG's|[Aa]n?)\s+(?:(?P<year>(?:19|20)\d{2})\s+)?"
    r"(?:(?:new|updated|latest|original|initial|"
    r"current|{ORD})\s+)?(?:(?:[a-z]+\s+){0,2}?(?P<supp>supplement)|roadmap)\b|"
    r"\b(?:[Tt]he|[Ii]ts)\s+{ORD}\s+edition\b"
)
ANNOUNCED = rx(
    r"\b(?:next|upcoming|forthcoming|future|new|updated|coming)\s+(?:edition|version|iteration|"
    r"update|issue)\b|\b(?:next|upcoming|forthcoming)\s+(?:ISECG\s+)?(?:Global\s+Exploration\s+)?"
    r"[Rr]oadmap\b|\b(?:will be|is expected to be|are expected to be|to be|is due to be|"
    r"scheduled to be|planned to be)\s+(?:published|released|issued|updated)\b|"
    r"\b(?:under development|in preparation|being (?:prepared|developed|updated|drafted))\b|"
    r"\b(?:(?:is|are|am|'re)\s+(?:now\s+)?(?:preparing|drafting|developing|working on))\b|"
    r"\bwork\s+on\b[^.;]{0,40}\b(?:has|have)\s+(?:\w+\s+)?(?:begun|started)\b|"
    r"\b(?:agreed|decided)\s+to\s+(?:publish|release|issue|update|prepare)\b|"
    r"\b(?:aiming|aim|aims|hoping)\s+(?:for|at)\b|"
    r"\b(?:will|shall|plans? to|intends? to|is to|are to|expects? to|aims? to)\s+"
    r"(?:publish|release|issue)\b",
    IC,
)
# An update promised as a habit, not a coming edition: "will be updated periodically".
HABITUAL_UPDATE = rx(
    r"\b(?:periodically|regularly|from time to time|as (?:needed|plans evolve)|"
    r"every\s+\w+\s+years?)\b",
    IC,
)
SUPPLEMENT_WORD = rx(r"\bsupplements?\b", IC)
EDITION_BEFORE = rx(
    r"\b(?P<ord>{ORD})\s+(?:(?:edition|iteration|version)\s+of\s+(?:the\s+)?)?(?:ISECG\s+)?$", IC
)
EDITION = rx(r"\b(?P<ord>{ORD})\s+(?:edition|iteration|version|issue)\b", IC)
# The edition a sentence says the named roadmap is: "The 2013 GER, released last August, is the
# second edition".
EDITION_IS = rx(
    r"^[^.;]{0,40}?\b(?:is|was)\s+(?:the|its)\s+(?P<ord>{ORD})\s+(?:edition|iteration|version)\b",
    IC,
)
# An ordinal edition right before a publication verb: "its second edition, released".
EDITION_BEFORE_VERB = rx(
    r"\b(?P<ord>{ORD})\s+(?:edition|iteration|version|issue)\b[\s,]*(?:(?:was|were|had been|"
    r"has been)\s+)?(?:first\s+)?\w+(?:\s+out)?$",
    IC,
)
ORDINAL_WORD = rx(r"\b(?P<ord>{ORD})\b", IC)  # "a third roadmap"
# "the first roadmap to put the Gateway at the centre": a rank, not an edition
SUPERLATIVE_AFTER = rx(r"\s+(?:to|that|which|ever)\b", IC)
EDITION_ORDINAL = rx(r"\b(?:the\s+)(?P<ord>{ORD})\b(?:\s+(?:edition|iteration|version))?", IC)
FIRST_ISSUED = rx(
    r"\b(?:first|initially|originally)\s+(?:issued|published|released|unveiled|launched|appeared)\b|"
    r"\b(?:issued|published|released|unveiled|launched|appeared)\s+for\s+the\s+first\s+time\b",
    IC,
)
PUBLISHED = rx(
    r"\b(?:published|publishes|issued|issues|released|releases|unveiled|launched|presented|"
    r"came out|made public|appeared|"
    r"updated|publication of|release of)\b|\bpublication(?=\s+(?:in|on)\b)",
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
# A supplement named without its full title: "a supplement to the roadmap", "the 2022 Supplement".
SUPPLEMENT_REF = rxs(
    r"\b(?:an?|the|this|its)\s+(?:new\s+)?(?P<supp>[Ss]upplement)\s+to\s+(?:the|its)\s+"
    r"(?:ISECG\s+)?(?:Global\s+Exploration\s+)?[Rr]oadmap\b",
    r"\b(?:[Tt]he|[Ii]ts|ISECG's)\s+(?P<year>(?:19|20)\d{2})\s+(?:[a-z]+\s+)?(?P<supp>[Ss]upplement)\b",
    # two at once: "the 2020 and 2022 lunar supplements"
    r"\b(?:[Tt]he|[Ii]ts|ISECG's)\s+(?P<year>(?:19|20)\d{2})\s+and\s+(?P<year2>(?:19|20)\d{2})\s+"
    r"(?:[a-z]+\s+)?(?P<supp>[Ss]upplements)\b",
)
# A year label just before a mention: "the 2018 edition of the", "the 2022 Supplement ...".
YEAR_BEFORE = rx(
    r"\b(?:the|its|a|an|ISECG's)\s+(?P<year>(?:19|20)\d{2})\s+(?:(?:edition|version|update|issue)"
    r"\s+of\s+(?:the\s+)?)?(?:ISECG(?:'s)?\s+)?$",
    IC,
)
# Words that announce a later edition in a sentence that names the roadmap only before
# ("... the roadmap. ... the next version is expected in about two years").
NEXT_EDITION = rx(
    r"\b(?:next|upcoming|forthcoming|updated|new)\s+(?:edition|version|iteration|issue)\b"
    r"[^.;]{0,40}?\b(?:will|shall|(?:is|are)\s+(?:expected|due|scheduled|planned|to be))\b",
    IC,
)
UPLOAD_DATE = re.compile(r"/uploads/(?P<y>(?:19|20)\d{2})/(?P<m>\d{2})/")
