"""Vocabulary shared by the importers: kinds from titles, civilities, role and organisation words.

French and English. Everything is compared on a *folded* form (lower case, accents removed,
typographic apostrophes made straight), so that « Échanges », « ECHANGES » and « echanges »
are one word.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from app.model.schema import SegmentKind

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "´": "'", "`": "'"})


class _FoldTable(dict[int, str]):
    """``str.translate`` table built as characters are met: each non-ASCII character once
    through NFKD (accents dropped), then every later one at C speed. A per-character Python
    pass made a line of a megabyte with one « – » in it cost seconds."""

    def __init__(self, *, keep_length: bool) -> None:
        super().__init__()
        self.keep_length = keep_length

    def __missing__(self, code: int) -> str:
        char = chr(code).translate(_APOSTROPHES)
        if char.isascii():
            bare = char
        else:
            bare = "".join(
                c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
            )
            if self.keep_length and len(bare) != 1:
                bare = char.lower()[:1] or char
        self[code] = bare
        return bare


_FOLD = _FoldTable(keep_length=False)
_FOLD_KEEP = _FoldTable(keep_length=True)


@functools.lru_cache(maxsize=1024)
def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes, single spaces. (Remembered: the stages
    of the text importer fold the same line several times.)"""
    if text.isascii():  # most lines: no accent to take off
        return " ".join(text.replace("`", "'").lower().split())
    return " ".join(text.translate(_FOLD).lower().split())


@functools.lru_cache(maxsize=1024)
def fold_keep(text: str) -> str:
    """Like fold, one character for one character, so that positions carry over."""
    if text.isascii():
        return text.replace("`", "'").lower()
    folded = text.translate(_FOLD_KEEP)
    lowered = folded.lower()
    # (a rare character whose lower case is longer, « İ »: keep positions, drop the extra)
    return lowered if len(lowered) == len(text) else "".join(c.lower()[:1] for c in folded)


def word_set(text: str) -> frozenset[str]:
    """The folded words of a text written as a block of words."""
    return frozenset(fold(word) for word in text.split())


def _cues(*words: str) -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(words) + r")(?![\w'])")


_BREAK = _cues(
    r"pause(?:[- ]cafe|[- ]dejeuner|[- ]repas)?",
    r"dejeuner",
    r"repas",
    r"collation",
    r"coffee(?:[- ]break)?",
    r"tea(?:[- ]break)?",
    r"lunch(?:[- ]break)?",
    r"break",
    r"buffet",
    r"diner",
    r"dinner",
    r"gouter",
)
_QA = _cues(
    r"echanges?",
    r"temps d'echanges?",
    r"questions?",
    r"questions?[- ]reponses?",
    r"debat",
    r"q ?& ?a",
    r"q ?/ ?a",
    r"discussion",
    r"open discussion",
    r"questions? (?:and|&) answers?",
)
_PANEL = _cues(r"table[- ]ronde", r"panel", r"round[- ]?table")
_INTRO = _cues(
    r"introduction",
    r"ouverture",
    r"accueil",
    r"mots? d'accueil",
    r"bienvenue",
    r"welcome",
    r"opening",
)
_CONCLUSION = re.compile(
    r"\bconclusions?\b|^cloture\b|^closing\b|\bmots? de (?:la fin|cloture)\b|^wrap[- ]?up\b"
    r"|^concluding\b|^synthese\b"
)


END_MARKER = re.compile(
    r"^(?:fin|end)(?:\s+(?:de|des|du|of)\b.{0,40})?$|^(?:cloture|closing) de la seance$"
)  # « Fin de séance »: not an item but the end


def guess_kind(title: str) -> SegmentKind:
    """The kind a title suggests: questions, breaks, panels, introductions, conclusions, talks."""
    folded = fold(title).lstrip("«\"' ")
    if _BREAK.search(folded):
        return SegmentKind.BREAK
    if _QA.search(folded):
        return SegmentKind.QA
    if _PANEL.search(folded):
        return SegmentKind.PANEL
    if _INTRO.search(folded):
        return SegmentKind.INTRO
    if _CONCLUSION.search(folded):
        return SegmentKind.CONCLUSION
    return SegmentKind.TALK


_KIND_WORDS: dict[str, SegmentKind] = {
    "intro": SegmentKind.INTRO,
    "introduction": SegmentKind.INTRO,
    "ouverture": SegmentKind.INTRO,
    "accueil": SegmentKind.INTRO,
    "opening": SegmentKind.INTRO,
    "welcome": SegmentKind.INTRO,
    "talk": SegmentKind.TALK,
    "expose": SegmentKind.TALK,
    "intervention": SegmentKind.TALK,
    "presentation": SegmentKind.TALK,
    "communication": SegmentKind.TALK,
    "conference": SegmentKind.TALK,
    "keynote": SegmentKind.TALK,
    "lecture": SegmentKind.TALK,
    "temoignage": SegmentKind.TALK,
    "lightning talk": SegmentKind.TALK,
    "qa": SegmentKind.QA,
    "q&a": SegmentKind.QA,
    "questions": SegmentKind.QA,
    "question": SegmentKind.QA,
    "echanges": SegmentKind.QA,
    "echange": SegmentKind.QA,
    "debat": SegmentKind.QA,
    "discussion": SegmentKind.QA,
    "panel": SegmentKind.PANEL,
    "table ronde": SegmentKind.PANEL,
    "round table": SegmentKind.PANEL,
    "roundtable": SegmentKind.PANEL,
    "break": SegmentKind.BREAK,
    "pause": SegmentKind.BREAK,
    "dejeuner": SegmentKind.BREAK,
    "lunch": SegmentKind.BREAK,
    "conclusion": SegmentKind.CONCLUSION,
    "cloture": SegmentKind.CONCLUSION,
    "closing": SegmentKind.CONCLUSION,
    "other": SegmentKind.OTHER,
    "autre": SegmentKind.OTHER,
}


def kind_from_word(word: str) -> SegmentKind | None:
    """A kind written in a Type column or a ``type :`` line, in French or English."""
    folded = fold(word).strip(" .")
    if not folded:
        return None
    try:
        return SegmentKind(folded)
    except ValueError:
        pass
    if folded in _KIND_WORDS:
        return _KIND_WORDS[folded]
    for key, kind in _KIND_WORDS.items():
        if folded.startswith(key + " ") or folded.endswith(" " + key):
            return kind
    return None


# Civilities that programmes write but the seed drops from names (« M. », « Mme »).
CIVILITY = (
    r"(?:M\.|MM\.|Mme\.?|Mmes\.?|Mlle\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Monsieur|Madame|Mademoiselle)"
)
# Titles that stay in the name (the moderator says « le Professeur Morel »).
HONORIFIC = (
    r"(?:Dr\.?|Dre\.?|Pr\.?|Prof\.?|Professeure?|Professor|Councillor|Cllr\.?|Sir|Dame|Me|"
    r"Maître|Maitre|Sénat(?:eur|rice)|Député(?:e)?)"
)

ROLE_WORDS = word_set(
    """
    adjoint adjointe maire président présidente vice-président vice-présidente directeur directrice
    délégué déléguée chargé chargée responsable conseiller conseillère chef cheffe chercheur
    chercheuse professeur professeure maître maîtresse ingénieur ingénieure doctorant doctorante
    journaliste fondateur fondatrice cofondateur cofondatrice co-fondateur co-fondatrice gérant
    gérante secrétaire trésorier trésorière élu élue sénateur sénatrice député députée ministre
    ambassadeur ambassadrice consul consule coordinateur coordinatrice animateur animatrice
    modérateur modératrice rapporteur rapporteure membre expert experte consultant consultante
    avocat avocate architecte économiste administrateur administratrice agent agente attaché
    attachée dg dgs pdg ceo cto cfo coo head director senior junior researcher lecturer manager
    officer chief founder co-founder president vice-president chair chairman chairwoman
    chairperson mayor deputy councillor secretary advisor adviser engineer scientist analyst
    coordinator lead partner editor moderator phd student fellow executive professor postdoc
    post-doctorant post-doctorante docteur docteure commissaire inspecteur inspectrice
    préfet préfète sous-préfet conseiller-délégué premier première maîtresse owner principal
    associate assistant assistante technicien technicienne représentant représentante
    representative spokesperson porte-parole manager head-of
    """
)

ORG_WORDS = word_set(
    """
    société entreprise bureau conseil université universite université institut institute agence
    agency association ville mairie région region département departement ministère ministere
    groupe group fondation foundation chambre office centre center laboratoire laboratory lab
    company ltd inc sa sas sarl cabinet communauté métropole collectivité syndicat fédération
    federation union école ecole school college collège hôpital hospital chu cnrs inra inrae
    inserm cea ird brgm banque bank fonds fund programme program réseau network cité cites
    cités coopérative cooperative collectif council city county department ministry
    organisation organization observatoire observatory direction service pôle pole club
    maison museum musée
    """
)

# Words that start a title, never a person's name (« Table ronde », « Atelier 1 »).
NOT_A_NAME = word_set(
    """
    table atelier session séance pause accueil introduction ouverture conclusion clôture questions
    question échanges débat panel keynote workshop welcome opening closing coffee lunch break
    déjeuner présentation presentation discussion remarks mot mots synthèse restitution vote
    point points budget rapport bilan projet projets plan programme présentation approbation
    délibération délibérations informations information divers questions-réponses q&a round
    vu expérience témoignage témoignages entreprise part partie section block bloc the a an le
    la les un une des du de of and et en in on pour for avec with par by sur cocktail visite
    tour film projection lecture remise prix award awards ceremony cérémonie fin end day jour
    journée matinée après-midi morning afternoon evening soirée
    """
)
