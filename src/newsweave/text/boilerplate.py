"""Is this paragraph page furniture rather than story? Line-level rules, one article at a time.

`line_reason(text)` returns a short reason ("navigation", "photo caption", ...) or None. It
only sees one paragraph; evidence that needs the whole batch (lines repeated across
articles) is weighed in `clean.py`, and titles/headers/datelines in `header.py`.

The rules, in the order they are tried:

1. `PATTERNS`: the one place where literal boilerplate phrases live. Each pattern must match
   the WHOLE paragraph (case-insensitive, whitespace collapsed), and only paragraphs of at
   most `SHORT_WORDS` words are tried, so a story sentence that merely contains "share" or
   "follow" is never touched.
2. Newsletter/subscription promotions: a call to action ("sign up", "subscribe") together
   with a promotion topic ("newsletter", "inbox", "subscription") in one paragraph of at
   most `PROMO_MAX_WORDS` words; or a paragraph that is nothing but the call.
3. Photo captions, recognised by a picture credit rather than by content: a trailing
   ``Name/Agency`` credit, possibly glued to the caption (``...2020.Sputnik Photo
   Agency/Reuters``), a trailing ``(Getty Images)``/``(AP Photo/...)``, a ``Photo: ...``
   prefix or suffix; the credit must name an agency from `AGENCIES` (or say Photo/Images)
   unless it is glued to the caption's final full stop.
   A paragraph that is only a credit is a "photo credit". Captions are at most
   `CAPTION_MAX_WORDS` words. Without a credit, a caption is recognised only by the shape
   "someone does something (present tense) ... on June 26, 2020." in one sentence.
"""

from __future__ import annotations

import re

SHORT_WORDS = 20
PROMO_MAX_WORDS = 80
CAPTION_MAX_WORDS = 70

_SOCIAL = r"facebook|twitter|x|instagram|linkedin|whatsapp|reddit|telegram|e-?mail|google news"
_CRUMB = r"[^\W\d_][^\s>›»/]*(?: [^\s>›»/]+){0,3}"  # one breadcrumb item, 1-4 words

# (reason, pattern) pairs; each pattern must match a whole short paragraph.
PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "navigation",
        r"(?:skip|go|jump) to (?:the )?(?:main )?(?:content|navigation|article|search)"
        r"|(?:main |open )?menu"
        r"|home(?:page)?|search|back to top|close|toggle navigation|sections|top stories",
    ),
    # Breadcrumbs: three or more short items separated by > › » or a spaced " / ".
    ("navigation", rf"{_CRUMB}(?: ?[>›»] ?| / ){_CRUMB}(?:(?: ?[>›»] ?| / ){_CRUMB})+"),
    (
        "share prompt",
        rf"(?:share|tweet|e-?mail|print|copy link|save)"
        rf"(?: (?:this|the) (?:article|story|page|link))?(?: (?:on|via) (?:{_SOCIAL}))?[.!]?"
        rf"|(?:share|click (?:here )?to share) (?:this|the) (?:article|story|page).*"
        rf"|follow (?:us|@\w+|\w+) on (?:{_SOCIAL}).*"
        rf"|(?:(?:{_SOCIAL}|tweet|print|copy link|share)[ ,|]*){{2,}}",
    ),
    (
        "advertisement",
        r"advertisement|advertising|ad|sponsored(?: content)?|scroll to continue.*"
        r"|(?:story|article) continues (?:below|after)(?: (?:this |the )?(?:advertisement|ad))?",
    ),
    (
        "source link",
        r"source link|source url:?.*|(?:(?:view|read|see) (?:the )?)?original"
        r"(?: (?:article|source|story|post))?(?: link)?(?: here)?(?::.*)?",
    ),
    (
        "related link",
        r"(?:read more|read also|also read|related|see also|more on this|recommended|most read"
        r"|more from [\w ]+|watch|listen)\s*[:|–—-]\s*.+"
        r"|read more|related (?:articles|stories|coverage|content)|most (?:read|popular)"
        r"|recommended(?: for you)?|more stories",
    ),
    ("copyright", r"(?:©|\(c\)).*|copyright\W+\d{4}\b.*|.*\ball rights reserved\.?"),
    ("staff credits", r"(?:additional )?(?:reporting|writing|editing) by [^.]+(?:;[^.]+)*\.?"),
    ("separator", r"[\W_]+"),  # "* * *", "———": no letter or digit at all
    (
        "page furniture",
        r"\d+ min(?:ute)?s? read|listen to (?:this )?(?:article|story).*"
        r"|\d+ comments?|comments|view comments|show comments|loading\.*",
    ),
)
_COMPILED = tuple((reason, re.compile(p, re.IGNORECASE)) for reason, p in PATTERNS)

_PROMO_CALL = re.compile(r"\b(?:sign(?:ing)? up|subscribe|register (?:now|today|for free))\b", re.I)
_PROMO_TOPIC = re.compile(
    r"\bnewsletters?\b|\binbox\b|\bsubscri(?:ber|ption)s?\b|\bfree trial\b|\bdigital access\b",
    re.IGNORECASE,
)
_PROMO_ONLY = re.compile(
    r"(?:sign up|subscribe|register)(?: (?:now|today|here|for free|for \w+(?: \w+){0,3}))?[.!]?",
    re.IGNORECASE,
)

# Picture agencies and credit words; small on purpose (see the module docstring).
AGENCIES = (
    r"Reuters|REUTERS|AFP|AP|Associated Press|Getty(?: Images)?|EPA(?:-EFE)?|EFE|Bloomberg"
    r"|Shutterstock|Sputnik|TASS|Xinhua|Anadolu(?: Agency)?|SIPA|Pool|Handout|Alamy"
    r"|PA(?: Images| Wire)?|dpa|ANSA|Abaca(?:press)?|NurPhoto|Zuma(?: Press)?|Canadian Press"
    r"|Photo Agency|Photos?|Images|Pictures"
)
_AGENCY = re.compile(rf"\b(?:{AGENCIES})\b")
_CAP = r"[A-Z][\w'’&.-]*"
_CREDIT_PART = rf"(?:{_CAP}|via|de|van)(?: (?:{_CAP}|via|de|van)){{0,6}}"
# "Sputnik Photo Agency/Reuters", "Ludovic Marin/Pool via Reuters", "A B/Sputnik/Kremlin".
_SLASH_CREDIT = re.compile(rf"{_CREDIT_PART}(?: ?/ ?{_CREDIT_PART})+$")
_PAREN_CREDIT = re.compile(r"\(([^()]{1,80})\)$")
_PHOTO_LABEL = r"(?:photo(?:graph)?|picture|image|credit|caption)(?: credit)?"
_PHOTO_PREFIX = re.compile(rf"{_PHOTO_LABEL}\s*:", re.IGNORECASE)
_PAREN_PHOTO = re.compile(rf"(?:file\s+)?{_PHOTO_LABEL}\s*:", re.IGNORECASE)
_PHOTO_WORDS = ("photo", "picture", "image", "credit", "caption")  # in every _PHOTO_LABEL
_PROMO_WORDS = ("sign", "subscribe", "register")  # in every _PROMO_CALL
_PHOTO_SUFFIX = re.compile(rf"(?:^|[.!?)]\s*){_PHOTO_LABEL}\s*:\s*[^.!?]{{1,80}}$", re.I)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_CAPTION_DATE = re.compile(
    rf"\b(?:on )?(?:{_MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}} {_MONTH},? \d{{4}})[.]?$"
)
_CAPTION_VERB = re.compile(
    r"\b(?:speaks|attends|gestures|looks on|poses|arrives|walks|waves|shake hands|shakes hands"
    r"|is (?:pictured|seen)|are (?:pictured|seen)|stands|listens|delivers|holds|greets|sits"
    r"|take part|takes part)\b"
)


def _may_contain(line: str, words: tuple[str, ...]) -> bool:
    """A cheap test before a case-blind pattern that needs one of `words`: in ASCII text,
    whether one is in it; other text may hold letters the pattern takes for ASCII ones
    ("PİCTURE"), so it is always searched."""
    if not line.isascii():
        return True
    lower = line.lower()
    return any(word in lower for word in words)


def ends_sentence(text: str) -> bool:
    """Whether `text` ends with . ! ? or … (possibly followed by closing quotes/brackets)."""
    return _SENTENCE_END.search(text) is not None


def line_reason(text: str) -> str | None:
    """Why the paragraph `text` is not story text, or None if it may be story."""
    parts = text.split()
    if not parts:
        return None
    line = " ".join(parts)
    words = len(parts)
    if words <= SHORT_WORDS:
        for reason, pattern in _COMPILED:
            if pattern.fullmatch(line):
                return reason
    if is_promotion(line, words):
        return "newsletter promotion"
    return caption_reason(line, words)


def is_promotion(line: str, words: int) -> bool:
    """A newsletter/subscription promotion (call to action + topic, or a bare call)."""
    if _PROMO_ONLY.fullmatch(line):
        return True
    return (
        words <= PROMO_MAX_WORDS
        and _may_contain(line, _PROMO_WORDS)
        and _PROMO_CALL.search(line) is not None
        and _PROMO_TOPIC.search(line) is not None
    )


def caption_reason(line: str, words: int) -> str | None:
    """Say "photo caption" or "photo credit" when the paragraph carries a picture credit."""
    if words > CAPTION_MAX_WORDS:
        return None
    credit = _credit_start(line)
    if credit is not None:
        return "photo caption" if line[:credit].strip(" .,;:-–—") else "photo credit"
    if _PHOTO_PREFIX.match(line):
        return "photo caption"
    dated = line.rstrip(".")[-4:].isdigit()  # the date closes the caption: a cheap test first
    if words >= 10 and dated and _CAPTION_DATE.search(line) and _CAPTION_VERB.search(line):
        body = line.rstrip(".")
        if not re.search(r"[.!?]\s+[A-Z]", body):  # one sentence only
            return "photo caption"
    return None


def _credit_start(line: str) -> int | None:
    """Where a trailing picture credit starts in `line`, or None if there is none.

    The credit follows the caption's last sentence-final mark, even when glued to it
    (``2020.Sputnik/Reuters``). It must name an agency from `AGENCIES`, unless it is glued
    to that mark (``March.Novaphot/Belsar Messenger``): a glued ``Name/Name`` tail is a
    credit whatever the names. A credit ending with a full stop counts only when it is all
    that follows that mark, so "...was distributed by Sputnik/Reuters." stays story.
    """
    if line.endswith(")"):
        paren = _PAREN_CREDIT.search(line)
        inner = paren.group(1) if paren else ""
        credited = _AGENCY.search(inner) and len(inner.split()) <= 8
        # or "(File photo: Patrol boat ... in 2002)"
        return paren.start() if paren and (credited or _PAREN_PHOTO.match(inner)) else None
    suffix = _PHOTO_SUFFIX.search(line) if _may_contain(line, _PHOTO_WORDS) else None
    if suffix:
        return suffix.start()
    closed = line.endswith(".")
    core = line[:-1] if closed else line
    if _SENTENCE_END.search(core):
        return None
    tail_start = max(core.rfind(mark) for mark in ".!?") + 1
    tail = core[tail_start:]
    slash = _SLASH_CREDIT.search(tail) if "/" in tail else None
    glued = 0 < tail_start < len(core) and not core[tail_start].isspace()
    if slash and (_AGENCY.search(slash.group()) or (glued and slash.start() == 0)):
        before = tail[: slash.start()]
        if before.strip() == "" or (not closed and before.endswith(" ")):
            return tail_start + slash.start()
    if not closed and tail_start == 0 and len(tail.split()) <= 5 and _AGENCY.fullmatch(tail):
        return 0  # a bare credit such as "Getty Images" or "Reuters"
    return None
