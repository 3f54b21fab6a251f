"""Speakers as programmes write them: « M. Name, role », « Mme Name – role », « Name (role, org) ».

A person is recognised by a civility (dropped, as the seed does), an honorific (kept), a label
(« par », « rapporteur : », "moderator:") or, when the context expects a person, by the shape of a
name followed by a description. The description is split into role and organisation: leading
pieces that read as a role (a role word, or a lower-case phrase) are the role, the rest is the
organisation, which is how the seed running order was transcribed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.importers.words import (
    CIVILITY,
    HONORIFIC,
    NOT_A_NAME,
    ORG_WORDS,
    ROLE_WORDS,
    fold,
    fold_keep,
)

# Characters: a name, a role and an organisation, even several of them, fit well within this.
MAX_PEOPLE_TEXT = 600


@dataclass
class Person:
    name: str
    role: str = ""
    organisation: str = ""
    note: str = ""


@dataclass
class People:
    people: list[Person]
    notes: str = ""  # a trailing bracket that describes the talk rather than the person
    strong: bool = False  # a civility, honorific or label made it certain
    label: str = ""  # the role a label gave (« Présidente de séance : » gives présidence)


_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_TOKEN = (
    rf"(?:[{_UPPER}]\.(?:-[{_UPPER}]\.)?(?![{_LOWER}])"
    rf"|[{_UPPER}][{_UPPER}{_LOWER}'’]*(?:-[{_UPPER}{_LOWER}][{_UPPER}{_LOWER}'’]*)*)"
)
_PARTICLE = r"(?:de|du|des|van|von|der|den|le|la|di|da|dos|das|del|della|ben|bin|al|el|ter|ten|y)"
_NAME = (
    rf"(?:{_TOKEN}|(?:d['’]|l['’]){_TOKEN})"
    rf"(?:\s+(?:{_PARTICLE}\s+|d['’])?{_TOKEN}){{0,4}}"
)
_LOOSE_NAME = rf"(?:{_PARTICLE}\s+|d['’]|l['’])?{_NAME}"
_CIVILITY_RE = re.compile(rf"^{CIVILITY}(?=\s)\s*")
_HONORIFIC_RE = re.compile(rf"^{HONORIFIC}(?=\s)\s*")
_NAME_RE = re.compile(_NAME)
_LOOSE_NAME_RE = re.compile(_LOOSE_NAME)

_LABELS: tuple[tuple[str, str], ...] = (
    (r"intervenant(?:e|\(e\))?s?|intervenants?\(es\)|speakers?|orat(?:eur|rice)s?", ""),
    (r"presente(?:e|\(e\))?s? par|presented by|par|by|avec|with|en presence de", ""),
    (r"anime(?:e|\(e\))?s? par|animation|animat(?:eur|rice)", "animation"),
    (r"modere(?:e|\(e\))? par|moderated by", "modération"),
    (r"moderat(?:eur|rice)", "modération"),
    (r"moderator|moderation", "moderator"),
    (r"chaired by|session chair|chair", "chair"),
    (r"presidence|president(?:e)? de (?:la )?seance|presid(?:e|ee) par", "présidence"),
    (r"rapporteure", "rapporteure"),
    (r"rapporteur", "rapporteur"),
    (r"discutant(?:e)?|discussant", "discutant"),
    (r"keynote speaker|keynote", "keynote"),
)
_LABEL_RE = [
    (re.compile(rf"^(?:{pattern})(?:\s*:\s*|\s+)(?=\S)"), role) for pattern, role in _LABELS
]
_LABEL_HEAD = 64  # characters: longer than any label and its colon
_ROLE_MARKS = {
    "moderator": "moderator",
    "moderatrice": "modératrice",
    "moderateur": "modérateur",
    "animation": "animation",
    "animateur": "animateur",
    "animatrice": "animatrice",
    "chair": "chair",
    "rapporteur": "rapporteur",
    "rapporteure": "rapporteure",
    "discutant": "discutant",
    "discutante": "discutante",
    "president de seance": "président de séance",
    "presidente de seance": "présidente de séance",
    "keynote": "keynote",
}


def strip_label(text: str) -> tuple[str, str | None]:
    """(rest, role implied by the label) or (text, None) when there is no label."""
    # Only the head is folded: a label is a few words, and folding the whole of a long line
    # at every place a caller tries (after each dash, each « par ») made reading quadratic.
    folded = fold_keep(text[:_LABEL_HEAD])
    for pattern, role in _LABEL_RE:
        match = pattern.match(folded)
        if match:
            return text[match.end() :].strip(), role
    return text, None


def split_top(text: str, separators: str = r",") -> list[str]:
    """Split on a separator pattern outside brackets."""
    pieces: list[str] = []
    depth = 0
    start = 0
    sep = re.compile(separators)
    index = 0
    while index < len(text):
        char = text[index]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            match = sep.match(text, index)
            if match and match.end() > index:
                pieces.append(text[start:index])
                start = index = match.end()
                continue
        index += 1
    pieces.append(text[start:])
    return [p.strip() for p in pieces]


def trailing_bracket(text: str) -> tuple[str, str] | None:
    """(before, inside) when ``text`` ends with a bracketed group « ... (inside) »."""
    stripped = text.rstrip()
    if not stripped.endswith((")", "]")):
        return None
    close = stripped[-1]
    opening = "(" if close == ")" else "["
    depth = 0
    for index in range(len(stripped) - 1, -1, -1):
        char = stripped[index]
        if char == close:
            depth += 1
        elif char == opening:
            depth -= 1
            if depth == 0:
                return stripped[:index].rstrip(), stripped[index + 1 : -1].strip()
    return None


def _is_acronym_expansion(before: str, inside: str) -> bool:
    """« FIPA (Foreign Investment Promotion Agency, Tunisie) » expands FIPA: keep it together."""
    acronyms = set(re.findall(r"\b[A-Z]{2,}\b", before))
    if not acronyms:
        return False
    words = [w for w in re.findall(r"[\w'’-]+", inside) if w[0].isupper()]
    initials = "".join(w[0] for w in words)
    return any(initials.startswith(a) for a in acronyms)


def _first_word(piece: str) -> str:
    words = fold(piece).split()
    if not words:
        return ""
    word = re.sub(r"^(?:l'|d')", "", words[0]).strip(".,;:()")
    return word


def is_role_piece(piece: str) -> bool:
    word = _first_word(piece)
    if not word:
        return False
    if word in ROLE_WORDS or word.split("-")[0] in ROLE_WORDS:
        return True
    if word in ORG_WORDS:
        return False
    first = piece.strip()[0]
    return first.islower()


def split_description(description: str) -> tuple[str, str]:
    """(role, organisation): the leading role-like pieces, then the rest."""
    pieces = [p for p in split_top(description) if p]
    role: list[str] = []
    index = 0
    while index < len(pieces) and is_role_piece(pieces[index]):
        role.append(pieces[index])
        index += 1
    return ", ".join(role), ", ".join(pieces[index:])


def _clean(text: str) -> str:
    text = text.strip()
    text = re.sub(r"[\s;,.:]+$", "", text) if not text.endswith("...") else text
    return text.strip()


def _bare_name(text: str) -> tuple[str, bool] | None:
    """A name alone, with an optional civility or honorific: (name, certain)."""
    text = text.strip()
    certain = False
    civility = _CIVILITY_RE.match(text)
    if civility:
        text = text[civility.end() :]
        certain = True
    honorific = _HONORIFIC_RE.match(text)
    prefix = ""
    if honorific:
        prefix = text[: honorific.end()]
        text = text[honorific.end() :]
        certain = True
    pattern = _LOOSE_NAME_RE if certain else _NAME_RE
    match = pattern.fullmatch(text)
    if match is None:
        return None
    name = (prefix + text).strip()
    if civility and text[:1].islower():
        name = (civility.group().strip() + " " + name).strip()  # « M. le Maire »
    if not certain and not plausible_name(text):
        return None
    return name, certain


def plausible_name(name: str) -> bool:
    """Two or more capitalised words that are not a title, a role or an organisation."""
    tokens = name.split()
    if len(tokens) < 2:
        return False
    words = [fold(t).strip(".,") for t in tokens]
    if any(w in NOT_A_NAME or w in ORG_WORDS or w in ROLE_WORDS for w in words):
        return False
    capitals = [t for t in tokens if t[0].isupper()]
    mixed = [t for t in capitals if any(c.islower() for c in t)]
    return bool(mixed)


def parse_people(text: str, *, expected: bool = False) -> People | None:
    """The person or people a line names, or None when it does not read as people.

    ``expected`` says the context wants a person (an arrow bullet, a line under an item, the
    text after « par » or a dash): then a plain « First Last » is accepted.
    """
    if len(text) > MAX_PEOPLE_TEXT:
        return None  # not a person: and a line's tail tried at each dash stays cheap
    text = _clean(text)
    if not text:
        return None
    text, label_role = strip_label(text)
    if label_role is not None:
        expected = True
    multi = _parse_several(text, label_role or "")
    if multi is not None:
        return multi
    single = _parse_one(text, expected=expected)
    if single is None and label_role is not None:
        single = _labelled(text)
    if single is None:
        return None
    if label_role:
        person = single.people[0]
        person.role = f"{label_role}, {person.role}" if person.role else label_role
        single.strong = True
        single.label = label_role
    return single


def _labelled(text: str) -> People | None:
    """After « Intervenant : », the name is whatever comes before the first comma."""
    pieces = split_top(text, r",\s*")
    name = pieces[0].strip()
    civility = _CIVILITY_RE.match(name)
    if civility and name[civility.end() :][:1].isupper():
        name = name[civility.end() :]
    if not name:
        return None
    role, organisation = split_description(", ".join(pieces[1:])) if len(pieces) > 1 else ("", "")
    return People(people=[Person(name, role, organisation)], strong=True)


def _parse_several(text: str, label_role: str) -> People | None:
    body = text
    shared = ""
    bracket = trailing_bracket(text)
    if bracket is not None:
        body, shared = bracket
    pieces = split_top(body, r",\s*|\s+et\s+|\s+and\s+|\s*&\s*|\s*;\s*")
    if len(pieces) < 2:
        return None
    names: list[str] = []
    certain = False
    for piece in pieces:
        bare = _bare_name(piece)
        if bare is None:
            return None
        names.append(bare[0])
        certain = certain or bare[1]
    role, organisation = split_description(shared) if shared else ("", "")
    if label_role:
        role = f"{label_role}, {role}" if role else label_role
    people = [Person(name=n, role=role, organisation=organisation) for n in names]
    return People(people=people, strong=certain or bool(label_role), label=label_role)


def _parse_one(text: str, *, expected: bool) -> People | None:
    certain = False
    rest = text
    civility = _CIVILITY_RE.match(rest)
    civility_text = ""
    if civility:
        civility_text = civility.group().strip()
        rest = rest[civility.end() :]
        certain = True
    honorific = _HONORIFIC_RE.match(rest)
    prefix = ""
    if honorific:
        prefix = rest[: honorific.end()]
        rest = rest[honorific.end() :]
        certain = True
    match = (_LOOSE_NAME_RE if certain else _NAME_RE).match(rest)
    if match is None:
        return None
    name = match.group().strip()
    after = rest[match.end() :]
    separator = re.match(r"\s*(?:(,)|(\s[–—-]\s)|(:)|(\())", after)
    if after.strip() and separator is None:
        # the name pattern may have eaten a capitalised word of the description: back off
        return None
    if civility and name[:1].islower():
        name = f"{civility_text} {name}"
    name = (prefix + name).strip()
    if not certain:
        if not plausible_name(match.group()):
            return None
        if not expected and not after.strip():
            return None
    description = ""
    notes = ""
    if after.strip():
        assert separator is not None
        if separator.group(4):
            inner = trailing_bracket(after)
            whole = inner is not None and not inner[0].strip()
            description = inner[1] if inner is not None and whole else after.strip()
        else:
            description = after[separator.end() :].strip()
        if separator.group(3) and not certain:
            return None  # « Atelier Vert : ... » is a title, not a person
    role_mark = ""
    if description:
        bracket = trailing_bracket(description)
        if bracket is not None and bracket[0]:
            before, inside = bracket
            mark = _ROLE_MARKS.get(fold(inside))
            if mark is not None:
                role_mark = mark
                description = before
            elif not _is_acronym_expansion(before, inside):
                notes = inside
                description = before
    role, organisation = split_description(description) if description else ("", "")
    if role_mark:
        role = f"{role_mark}, {role}" if role else role_mark
    return People(
        people=[Person(name=name, role=role, organisation=organisation)],
        notes=notes,
        strong=certain,
    )
