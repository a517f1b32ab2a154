"""Cleaning of scraped article text: keep the story, drop the page around it.

A scraped page is the story's paragraphs mixed with navigation, bylines, captions, video and
gallery links, related-headline lists and footers. :func:`clean_text` works line by line:

1. Normalise: no-break and zero-width spaces, ``\\r\\n``, DUC's ````...''`` quotes, entities.
2. Paragraphs: blank lines separate blocks; a block of hard-wrapped lines is joined back.
   Notices the page shows about itself ("Media playback is unsupported on your device",
   Twitter's location prompt, the Internet Archive's crawl notes) are cut from their starts
   (:mod:`newsweave.ingest.notices`).
3. Metadata is read before anything is dropped: the outlet (dateline tag "(CNN) --",
   byline "By Ivan Watson, CNN", house boilerplate, "Al Jazeera's <correspondent>") and the
   publication date ("Page last updated at 17:05 GMT, Thursday, 15 April 2010").
4. A footer marker ("Print Sponsor", "The BBC is not responsible ...") in the second half
   of the page ends the article.
5. Junk lines go: known boilerplate, bylines, bullets, labelled links ("Video: ...") and any
   short line that does not end a sentence (headlines, captions, menus, link lists).
   The first headline before the body becomes the title.
6. A dateline opening a paragraph is cut off ("Moscow, Russia (CNN) -- Four days ...").

Long unpunctuated lines are kept: that is prose cut short, not junk, and losing it would lose
data.
"""

from __future__ import annotations

import calendar
import html
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from newsweave.ingest.notices import strip_page_notices
from newsweave.ingest.outlets import alias_endings, canonical_outlet, outlet_alternation

MAX_JUNK_WORDS = 25
"""A line without closing punctuation and at most this many words is a headline or caption."""
MIN_WRAPPED_LINE = 40
"""Lines of a block at least this long (but the last) mean the block is hard-wrapped prose."""
MIN_RECASED_WORDS = 2
"""An all-capitals title of at least this many words is recased ("UPDATE" alone is left)."""
MIN_LISTED_WORDS = 8
"""A bulleted line of more than this many words that ends a sentence is story text."""
MAX_BOILERPLATE_WORDS = 40
"""A paragraph that opens like boilerplate or a footer ("Sign up for ...", "Copyright ...") is
junk, or ends the article, only up to this many words: a longer one is a page scraped into one
line, the story after it."""

# Runs of horizontal spaces that are not already one plain space (a lone " " is left alone:
# replacing it with itself is most of the work on ordinary text).
_BLANK_LINES = re.compile(r"\n\s*\n")
# A line opening with a tab or two spaces: a paragraph start in indented copy.
_INDENTS = ("\t", "  ")
_SPECIAL_SPACES = "\u00a0\u2007\u202f"
_SPACES = re.compile(f"[{_SPECIAL_SPACES}\\t ]{{2,}}|[{_SPECIAL_SPACES}\\t]")
_ZERO_WIDTH_CHARACTERS = "\u200b\u200c\u200d\u2060\ufeff"
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARACTERS}]")
# Wire-service typesetting codes that no HTML decoder knows (quad left, upper rail, hard tab...
# in New York Times and AP copy): "&HT;     KOZMO, STARBUCKS LINK UP", "&QR; EYE-OPENER:".
_TYPESETTING_CODES = re.compile(r"&(?:QL|QC|QR|UR|LR|HT);")
# A line that ends on an abbreviation of dotted letters: "U.S.", "U.N.", "p.m.".
_DOTTED_END = re.compile(r"\b(?:[A-Za-z]\.){2,}$")
# A sentence ends in one of these, perhaps followed by closing quotes and brackets; a line
# ending in a double quote ends one too.
_TERMINALS = (".", "!", "?", "…")
_CLOSERS = "\"”'’)]"
_CLOSING_QUOTES = ("\"", "”")
_BULLET = re.compile(r"^\s*(?:[•*▪►●■◦·]|--?\s|\d+\.\s+[A-Z].{0,80}$)")
_BULLET_MARK = re.compile(r"(?:[•*▪►●■◦·]|--?)\s+")
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_BULLET_CHARACTERS = frozenset("•*▪►●■◦·-")
_LABELLED_LINK = re.compile(
    r"^(?:video|gallery|photos?|interview|profile|watch|listen|audio|read more|related|"
    r"see also|more on this story|inside story|in pictures|in depth|explainer|analysis|"
    r"timeline|q&a|live|opinion|click here|advertisement)\b\s*[:|-]?",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"^(?:skip to (?:main )?content|click to play|print sponsor|advertisement|"
    r"share (?:this|on)\b.*|e-?mail (?:this|to a friend)\b.*|follow us\b.*|sign up\b.*|"
    r"\* ?may require registration|page last updated at .*|last updated .*|"
    r"image (?:caption|copyright)\b.*|media playback is unsupported.*|"
    r"copyright ©?.*|© .*|all rights reserved\.?|story highlights|"
    r"the bbc is not responsible for the content of external (?:internet )?sites\.?)$",
    re.IGNORECASE,
)
_FOOTER_MARKERS = re.compile(
    r"^(?:print sponsor|the bbc is not responsible for the content of external .*|"
    r"\* ?may require registration|copyright ©?.*|© .*|all rights reserved\.?|"
    r"more on this story|related (?:stories|articles|internet links))$",
    re.IGNORECASE,
)
# "1 hr ago", "10 hrs ago", "3 days ago" closing a related-link line.
_AGO = re.compile(r"[-–—]\s*\d+\s+(?:min|mins|hr|hrs|hour|hours|day|days)\s+ago$")
# Every match of _AGO ends its line ($ allows a final newline): other lines skip the search,
# which would try every dash of a paragraph.
_AGO_ENDINGS = ("ago", "ago\n")
# Parenthesised camera directions that mark a photo caption.
_CAPTION_HINT = re.compile(
    r"\((?:with (?:his |her )?back to (?:the )?camera|l|r|c|left|right|centre|center|"
    r"front|top|bottom|file(?: photo)?|pictured)\b[^)]*\)",
    re.IGNORECASE,
)
_OUTLETS = outlet_alternation()
_BYLINE = re.compile(
    rf"^by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,4}}(?:\s*(?:,|and)\s+(?P<outlet>{_OUTLETS}))?"
    r"(?:\s*,.*)?$",
    re.IGNORECASE,
)
_CORRESPONDENT_LINE = re.compile(
    rf"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{1,3}},\s+(?P<outlet>{_OUTLETS})(?:\s+News)?,\s+.+$"
)
# The look-ahead (every alias is capitalised; "the" starts with t) spares the alternation of
# aliases at the start of every other word: the same matches, a quarter of the time.
_OWN_CORRESPONDENT = re.compile(
    rf"\b(?=[A-Zt])(?:(?:the\s+)?(?P<outlet>{_OUTLETS})['’]s\s+(?:correspondent\s+)?"
    r"[A-Z][\w-]+\s+[A-Z][\w-]+"
    rf"|(?P<outlet2>{_OUTLETS})\s+correspondent\s+[A-Z][\w-]+\s+[A-Z][\w-]+)"
)
# Every match of _OWN_CORRESPONDENT holds "correspondent" or an alias right before one of
# these possessives: lines with neither skip its scan.
_OWN_CORRESPONDENT_WORD = "correspondent"
_POSSESSIVES = ("'s", "’s")
_ALIAS_ENDINGS = alias_endings()
# House boilerplate that names its outlet: (a phrase anywhere in the line, a line opening),
# matched regardless of case.
_HOUSE_MARKS = {
    "BBC": ("the bbc is not responsible", "page last updated at"),
}
_HOUSE_MARK_PATTERNS = {
    outlet: re.compile(f"{re.escape(anywhere)}|^{re.escape(opening)}", re.IGNORECASE)
    for outlet, (anywhere, opening) in _HOUSE_MARKS.items()
}
# "Moscow, Russia (CNN) -- ", "Headline(RFE/RL) – ", "PINE RIDGE, S.D. (AP) _ ", and AP's
# "CARACAS, Venezuela (AP) _Venezuelan" with no space after its underscore.
_DATELINE = re.compile(
    r"^(?P<place>[^()]{0,80}?)\s*\((?P<tag>[A-Z][A-Za-z/&.\- ]{1,24})\)\s*"
    r"(?:(?:--|–|—|-|:)\s+|_\s*)"
)
# New York Times wire copy opens a paragraph with a dateline in capitals and no outlet, often
# after the story's slug: "WASHINGTON _ ", "TOPEKA, Kan. _ ", "COEUR d'ALENE, Idaho _ ",
# "AUTISM-CURE (Undated) _ ", "CUBA-ELIAN _ MIAMI _ "; a lone "_ " opens a paragraph of a
# list. None of it is the story's prose: in a summary it reads "WASHINGTON _ The Clinton
# administration Thursday proposed ...". A word in capitals needs two letters, so that a
# sentence's dash ("Evolution _ the theory that ...") is not taken for one.
_CAPITALS_WORD = r"(?:[a-z]')?[A-Z][A-Z.'&-]+"
_REGION = r"[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,2}"
_WIRE_DATELINE = re.compile(
    rf"^(?:(?:{_CAPITALS_WORD}(?:\s+{_CAPITALS_WORD})*(?:,\s*{_REGION})?,?"
    r"(?:\s+\([^()]{1,30}\))?\s*)?_\s+)+(?![a-z])"
)
# Wire notes to editors, not to readers: "(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)",
# "By Carol Smith. (Story will move in the ``a'' category.)", "EDITORS: Jerry Seinfeld is
# back in his hometown ...", "(EDITORS: Manuela Badawy is a master's degree candidate ...".
_EDITORS_NOTE = re.compile(
    r"^\W*(?:editors?|editor's note)\s*:|\bstory (?:will move|to move|can end here)\b|"
    r"\boptional material follows\b",
    re.IGNORECASE,
)
_MONTHS = [name.lower() for name in calendar.month_name[1:]]
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|" \
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_FULL_DATE = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)"
    rf"|{_MONTH.replace('month', 'month2')}\s+(?P<day2>\d{{1,2}}),?\s+(?P<year2>(?:19|20)\d\d)"
    r"|(?P<iso>(?:19|20)\d\d-\d\d-\d\d))(?!\d)",
    re.IGNORECASE,
)
_DATE_LINE_HINT = re.compile(r"updated|published|posted|^\W*\w*day,?\s|^\W*\d", re.IGNORECASE)
_DATE_LINE_WORDS = ("updated", "published", "posted")
_DATE_LINE_WORD = re.compile("|".join(_DATE_LINE_WORDS), re.IGNORECASE)
# The letters outside ASCII that the case-blind pattern takes for letters of those words
# ("ſ" for s, dotless "ı" for i) or that lower-casing turns into two characters ("İ"): in a
# text without them, the pattern matches where the lower-cased text holds a word (every
# other letter that lower-cases to ASCII is an ASCII capital or the Kelvin sign, k).
_CASE_FOLDS_TO_ASCII = "ſıİ"
_HEADER_LINES_FOR_DATE = 6
# A date line at the top is short: at most this many words.
_DATE_LINE_MAX_WORDS = 12


@dataclass(frozen=True, slots=True)
class CleanText:
    """The story's paragraphs (one a line) and what the page said about itself."""

    text: str
    title: str | None = None
    source: str | None = None
    published: date | None = None


def clean_text(raw: str) -> CleanText:
    """The story told by a scraped page, its title, outlet and date where the page says them."""
    lines = [p for p in map(strip_page_notices, _paragraphs(_normalise(raw))) if p]
    source = _detect_outlet(lines)
    published = _detect_date(lines)
    lines = _cut_footer(lines)
    title, body = _drop_junk(lines)
    body = [_strip_dateline(_strip_bullet(line)) for line in body]
    return CleanText(
        text="\n".join(line for line in body if line),
        title=title,
        source=source,
        published=published,
    )


def clean_title(raw: str) -> str | None:
    """A title as given beside the text (a JSONL "title"), in one line, entities and wire
    codes decoded: "&HT;     KOZMO,  STARBUCKS" -> "KOZMO, STARBUCKS"; None when empty."""
    return " ".join(_normalise(raw).split()) or None


def recase_title(title: str, text: str) -> str:
    """An all-capitals wire headline in the casing its own story gives each word:
    "KOZMO, STARBUCKS LINK UP" -> "Kozmo, Starbucks link up"; "NATO CHIEF" keeps "NATO".

    A word the story writes in lower case somewhere is a common word; else its capitalised
    or all-capitals form is a name's; a word the story never uses is lower-cased. Any other
    title is returned as it is.
    """
    if not title.isupper() or len(title.split()) < MIN_RECASED_WORDS:
        return title
    forms = Counter(_TITLE_WORD.findall(text))
    recased = _TITLE_WORD.sub(lambda word: _story_casing(word.group(0), forms), title)
    return recased[:1].upper() + recased[1:]


def _story_casing(word: str, forms: Counter[str]) -> str:
    lower, capitalised = word.lower(), word.capitalize()
    if forms[lower]:
        return lower
    if forms[word] > forms[capitalised]:
        return word
    return capitalised if forms[capitalised] else lower


def _normalise(raw: str) -> str:
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    # Five substring scans tell a text has none (nearly all) faster than the regex does.
    if any(character in text for character in _ZERO_WIDTH_CHARACTERS):
        text = _ZERO_WIDTH.sub("", text)
    text = text.replace("``", '"').replace("''", '"')
    if "&" in text:
        text = html.unescape(_TYPESETTING_CODES.sub(" ", text))
    return text


def _paragraphs(text: str) -> list[str]:
    """One string per paragraph: hard-wrapped blocks joined, other blocks kept line by line."""
    paragraphs: list[str] = []
    for block in _BLANK_LINES.split(text):
        for indented in _indented_paragraphs(block):
            lines = [_collapse_spaces(line).strip() for line in indented]
            lines = [line for line in lines if line]
            if _is_wrapped(lines):
                paragraphs.append(" ".join(lines))
            else:
                paragraphs.extend(lines)
    return paragraphs


def _indented_paragraphs(block: str) -> list[list[str]]:
    """The lines of ``block`` in runs that each open with an indented line, when the block
    indents some lines and not others: wire copy starts each paragraph with a tab and no blank
    line between them ("\\t   FRANKFURT, Germany (AP) _ ...\\nrival the ...\\n\\t   A number").
    Read as one block, its many sentence ends would keep it from being joined, and its
    unfinished lines would go as captions: most of the story lost."""
    lines = block.split("\n")
    starts = [position for position, line in enumerate(lines) if line.startswith(_INDENTS)]
    if not starts or len(starts) == len(lines):
        return [lines]
    bounds = ([0] if starts[0] else []) + starts + [len(lines)]
    return [lines[start:end] for start, end in itertools.pairwise(bounds)]


def _collapse_spaces(line: str) -> str:
    """``line`` with every run of horizontal spaces made one plain space.

    A line without two spaces in a row and without a tab or special space (most lines,
    ASCII or not) has nothing to collapse: string scans tell so faster than the regex, which
    tests every character (and costs tens of microseconds on a long non-ASCII paragraph).
    """
    if "  " not in line and "\t" not in line and (
            line.isascii() or not any(space in line for space in _SPECIAL_SPACES)):
        return line
    return _SPACES.sub(" ", line)


def _ends_sentence(line: str) -> bool:
    """Whether ``line`` closes a sentence: a terminal mark and any closers after it, or a
    closing double quote; a final newline is ignored. (String methods, not a regex search,
    which would try every position of every line.)"""
    body = line[:-1] if line.endswith("\n") else line
    return body.endswith(_CLOSING_QUOTES) or body.rstrip(_CLOSERS).endswith(_TERMINALS)


def _is_wrapped(lines: list[str]) -> bool:
    """Whether a block is one paragraph hard-wrapped at a fixed width (as DUC text is).

    A line ending on a dotted abbreviation ("... cautioned the U.S." before "Congress
    against planning new spending") is no evidence of a sentence's end: Xinhua's copy wraps
    there often, and its paragraph was cut into pieces that read as sentences."""
    if len(lines) < 2 or not _ends_sentence(lines[-1]):
        return False
    leading = lines[:-1]
    ended = sum(1 for line in leading if _ends_sentence(line) and not _DOTTED_END.search(line))
    return all(len(line) >= MIN_WRAPPED_LINE for line in leading) and ended * 2 < len(leading) + 1


def _detect_outlet(lines: list[str]) -> str | None:
    """The outlet named by the strongest evidence on the page (a vote, strongest cue wins)."""
    votes: Counter[str] = Counter()
    for position, line in enumerate(lines):
        tag = _dateline(line) if position < 12 else None
        if tag and canonical_outlet(tag.group("tag")):
            votes[canonical_outlet(tag.group("tag")) or ""] += 3
        for pattern in (_BYLINE, _CORRESPONDENT_LINE):
            match = pattern.match(line)
            if match and match.group("outlet"):
                votes[canonical_outlet(match.group("outlet")) or ""] += 3
        for outlet in _HOUSE_MARKS:
            if _has_house_mark(line, outlet):
                votes[outlet] += 3
        if not _may_name_own_correspondent(line):
            continue
        for match in _OWN_CORRESPONDENT.finditer(line):
            votes[canonical_outlet(match.group("outlet") or match.group("outlet2")) or ""] += 2
    votes.pop("", None)
    return votes.most_common(1)[0][0] if votes else None


def _has_house_mark(line: str, outlet: str) -> bool:
    """Whether ``line`` holds the house boilerplate of ``outlet``.

    ASCII lines (nearly all) are lower-cased and tested with string methods: the case-blind
    regex search tries every position of every line, a third of outlet detection. Other
    lines take the regex, which also folds letters lower-casing leaves alone ("ſ", "K").
    """
    if not line.isascii():
        return _HOUSE_MARK_PATTERNS[outlet].search(line) is not None
    anywhere, opening = _HOUSE_MARKS[outlet]
    lowered = line.lower()
    return anywhere in lowered or lowered.startswith(opening)


def _may_name_own_correspondent(line: str) -> bool:
    """Whether ``line`` may hold a match of ``_OWN_CORRESPONDENT``: it says "correspondent",
    or an outlet alias's last word comes right before a possessive. Most lines with an "'s"
    fail this, and so skip the scan of the alias alternation at every capital."""
    if _OWN_CORRESPONDENT_WORD in line:
        return True
    for possessive in _POSSESSIVES:
        at = line.find(possessive)
        while at != -1:
            if line.endswith(_ALIAS_ENDINGS, 0, at):
                return True
            at = line.find(possessive, at + len(possessive))
    return False


def _detect_date(lines: list[str]) -> date | None:
    """The publication date from an "updated"/"published" line or a date line at the top.

    Lines below the top are tested for a date word only when the whole text has one (a
    date word never spans lines, so one test of the text rules out every line of most).
    """
    worded = _has_date_word("\n".join(lines))
    for position, line in enumerate(lines):
        if position >= _HEADER_LINES_FOR_DATE and not worded:
            break
        # Counting words stops past the limit: the first lines of a scrape are often whole
        # paragraphs, and splitting all of one costs more than the rest of this test.
        near_top = (position < _HEADER_LINES_FOR_DATE
                    and len(line.split(maxsplit=_DATE_LINE_MAX_WORDS)) <= _DATE_LINE_MAX_WORDS)
        if (near_top or (worded and _has_date_word(line))) and (
            _DATE_LINE_HINT.search(line)
        ):
            found = parse_full_date(line)
            if found:
                return found
    return None


def _has_date_word(line: str) -> bool:
    """Whether ``line`` says "updated", "published" or "posted", in any case.

    ASCII lines (nearly all) are lower-cased and searched for plain substrings, several
    times faster than the case-blind regex, which only other lines need (it also folds
    letters such as "ſ" that lower-casing leaves alone).
    """
    if line.isascii() or not any(letter in line for letter in _CASE_FOLDS_TO_ASCII):
        lowered = line.lower()
        return any(word in lowered for word in _DATE_LINE_WORDS)
    return _DATE_LINE_WORD.search(line) is not None


def parse_full_date(text: str) -> date | None:
    """The first date with day, month and year in ``text`` ("15 April 2010", "April 15, 2010")."""
    for match in _FULL_DATE.finditer(text):
        try:
            if match.group("iso"):
                return date.fromisoformat(match.group("iso"))
            month_name = (match.group("month") or match.group("month2")).lower()[:3]
            month = next(i for i, m in enumerate(_MONTHS, 1) if m.startswith(month_name))
            day = int(match.group("day") or match.group("day2"))
            year = int(match.group("year") or match.group("year2"))
            return datetime(year, month, day).date()
        except ValueError:
            continue
    return None


def _cut_footer(lines: list[str]) -> list[str]:
    for position, line in enumerate(lines):
        if position >= len(lines) // 2 and _FOOTER_MARKERS.match(line) and \
                _boilerplate_length(line):
            return lines[:position]
    return lines


def _boilerplate_length(line: str) -> bool:
    """Whether a line is short enough to be boilerplate (:data:`MAX_BOILERPLATE_WORDS`)."""
    return len(line.split(maxsplit=MAX_BOILERPLATE_WORDS)) <= MAX_BOILERPLATE_WORDS


def is_junk(line: str) -> bool:
    """Whether a paragraph of a scraped page is page furniture rather than story text."""
    if _BYLINE.match(line) or _CORRESPONDENT_LINE.match(line):
        return True
    if (_BOILERPLATE.match(line) or _EDITORS_NOTE.search(line)) and _boilerplate_length(line):
        return True
    if (_BULLET.match(line) and not _is_listed_sentence(line)) or _LABELLED_LINK.match(line) \
            or (line.endswith(_AGO_ENDINGS) and _AGO.search(line)):
        return True
    if _CAPTION_HINT.search(line):
        return True
    # Words are counted only up to the limit: a long paragraph need not be split whole.
    return (not _ends_sentence(line)
            and len(line.split(maxsplit=MAX_JUNK_WORDS)) <= MAX_JUNK_WORDS)


def _is_listed_sentence(line: str) -> bool:
    """Whether a bulleted line is a whole sentence of the story, as in wire copy's lists
    ("-- The European Union is extending 750 million U.S. dollars in loans to Turkey."),
    rather than a related link or a highlight ("• Bakiev's departure follows days of rallies").
    """
    return _ends_sentence(line) and len(line.split(maxsplit=MIN_LISTED_WORDS)) > MIN_LISTED_WORDS


def _drop_junk(lines: list[str]) -> tuple[str | None, list[str]]:
    title: str | None = None
    body: list[str] = []
    for line in lines:
        if not is_junk(line):
            body.append(line)
        elif title is None and not body and _looks_like_headline(line):
            title = line
    return title, body


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    return (
        3 <= len(words) <= 20
        and not _BOILERPLATE.match(line)
        and not _BYLINE.match(line)
        and not _LABELLED_LINK.match(line)
        and not _BULLET.match(line)
        and line[:1].isupper()
    )


def _dateline(line: str) -> re.Match[str] | None:
    """The dateline opening ``line``, if any ("BISHKEK (Reuters) - "). Every dateline holds
    an opening bracket: a line without one skips the pattern, whose lazy place name would be
    tried at up to 80 lengths."""
    return _DATELINE.match(line) if "(" in line else None


def _strip_bullet(line: str) -> str:
    """A kept list item without its mark (lines are stripped, so a mark opens the line)."""
    return _BULLET_MARK.sub("", line, count=1) if line[:1] in _BULLET_CHARACTERS else line


def _strip_dateline(line: str) -> str:
    """``line`` without the dateline or wire slug that opens it: one that names an outlet
    ("BISHKEK (Reuters) - "), or a wire's in capitals ("TOPEKA, Kan. _ ")."""
    match = _dateline(line)
    if match and canonical_outlet(match.group("tag")):
        return line[match.end():]
    wire = _WIRE_DATELINE.match(line) if "_" in line else None
    return line[wire.end():] if wire else line
