"""Must-show 4: export a running order to text, import it back, get the same plan.

The running orders are drawn by hypothesis in the shapes the app writes: parts with a budget
shared by segments without a duration, parts that are one segment, question slots, breaks,
speakers with and without role, organisation and note, notes, French and English sessions,
with and without a date, a slot end, a venue, a room, a time zone.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.importers import export_csv, export_text, import_data
from app.model import format_duration, parse_running_order
from app.model.plan import Plan
from app.model.schema import SegmentKind
from tests.conftest import SEED
from tests.importers.helpers import run


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


WORDS = _words(
    "budget bilan projet réunion quartier vote école jardin mobilité transport eau énergie "
    "climat santé culture sport numérique données ville région coopération territoire "
    "économie emploi jeunesse logement habitat forêt mer montagne agriculture tourisme "
    "l'avenir d'une rénovation priorités enjeux retour expérience présentation synthèse "
    "future urban policy open data city council review plan report panel session update"
)
SMALL = ("de", "du", "des", "et", "la", "le", "pour", "sur", "and", "of", "the", "for", "à")
TRICKY_TITLES = (
    "Questions",
    "Pause café",
    "Table ronde",
    "Échanges avec la salle",
    "Introduction",
    "Mot de clôture",
    "Q&A",
    "Lunch",
    "Bilan (suite)",
    "Atelier 2 : les communs",
    "9h30 au plus tard",
    "Jean Dupont",
    "Note : à relire",
    "Session 3 : énergie",
    "Le point par Marie Curie",
    "Budget – Paul Martin",
    "Retour (10') rapide",
    "Lundi 3 mars 2025",
    "Programme",
)
FIRST = ("Jean-Claude", "Marie", "Ana", "Karim", "Sarah", "Léa", "Tom", "Hélène", "Yann", "Li")
LAST = ("Dardelet", "Noutary", "de la Cruz", "Haddad", "Le Gall", "Voisin-Fradin", "O'Neill")
ROLES = (
    "maire adjoint de Toulouse",
    "directrice générale",
    "Head of Policy",
    "chargé de mission, Europe",
    "CEO",
    "rapporteure du budget",
    "Professeure",
)
ORGS = (
    "Grenoble Alpes métropole",
    "Société Qomutez, soutenue par la région Sud / Paca",
    "bureau de la FIPA à Paris (Foreign Investment Promotion Agency, Tunisie)",
    "CNRS",
    "Leeds City Council",
    "association Les Amis du Parc",
)

words = st.sampled_from(WORDS)


@st.composite
def titles(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 5)) == 0:
        return draw(st.sampled_from(TRICKY_TITLES))
    parts = draw(st.lists(st.one_of(words, st.sampled_from(SMALL)), min_size=1, max_size=6))
    text = " ".join([draw(words), *parts])
    return text[:1].upper() + text[1:]


sentences = st.builds(
    lambda ws: " ".join(ws).capitalize() + ".", st.lists(words, min_size=2, max_size=12)
)
notes = st.one_of(
    st.just(""),
    sentences,
    st.builds(lambda a, b: f"{a}\n{b}", sentences, sentences),
)


@st.composite
def names(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 6))
    if kind == 0:
        return draw(st.sampled_from(("Madonna", "Dr Amira Haddad", "Councillor Priya Nair")))
    return f"{draw(st.sampled_from(FIRST))} {draw(st.sampled_from(LAST))}"


@st.composite
def speakers(draw: st.DrawFn) -> dict[str, str]:
    person = {"name": draw(names())}
    if draw(st.booleans()):
        person["role"] = draw(st.sampled_from(ROLES))
    if draw(st.booleans()):
        person["organisation"] = draw(st.sampled_from(ORGS))
    if draw(st.integers(0, 3)) == 0:
        person["note"] = draw(sentences)
    return person


durations = st.one_of(
    st.integers(1, 90).map(lambda m: m * 60),
    st.integers(61, 3 * 3600),
)
kinds = st.sampled_from(list(SegmentKind))


@st.composite
def parts(draw: st.DrawFn) -> dict[str, Any]:
    part: dict[str, Any] = {"title": draw(titles())}
    if draw(st.booleans()):
        budget = draw(durations)
        part["budget"] = format_duration(budget)
        part["kind"] = draw(kinds).value
        people = draw(st.lists(speakers(), max_size=3))
        if people:
            part["speakers"] = people
        text = draw(notes)
        if text:
            part["notes"] = text
        return part
    segments = []
    explicit = 0
    shared = 0
    for _ in range(draw(st.integers(1, 4))):
        seg: dict[str, Any] = {"title": draw(titles()), "kind": draw(kinds).value}
        if draw(st.booleans()):
            seconds = draw(durations)
            explicit += seconds
            seg["duration"] = format_duration(seconds)
        else:
            shared += 1
        people = draw(st.lists(speakers(), max_size=2))
        if people:
            seg["speakers"] = people
        text = draw(notes)
        if text:
            seg["notes"] = text
        segments.append(seg)
    part["segments"] = segments
    if shared:
        part["budget"] = format_duration(explicit + draw(st.integers(shared * 60, 2 * 3600)))
    elif draw(st.booleans()):
        part["budget"] = format_duration(explicit)
    text = draw(notes)
    if text:
        part["notes"] = text
    return part


@st.composite
def running_orders(draw: st.DrawFn) -> dict[str, Any]:
    start = dt.time(draw(st.integers(7, 12)), draw(st.integers(0, 59)))
    session: dict[str, Any] = {
        "title": draw(titles()),
        "start": start.strftime("%H:%M"),
        "language": draw(st.sampled_from(("fr", "en"))),
    }
    if draw(st.booleans()):
        session["date"] = draw(st.dates(dt.date(2015, 1, 1), dt.date(2035, 12, 31)))
    if draw(st.booleans()):
        session["hard_end"] = dt.time(draw(st.integers(13, 23)), draw(st.integers(0, 59)))
    for key in ("event", "venue", "room"):
        if draw(st.booleans()):
            session[key] = draw(titles())
    if draw(st.booleans()):
        session["timezone"] = draw(st.sampled_from(("Europe/Paris", "America/Montreal")))
    return {
        "format": 1,
        "session": session,
        "parts": draw(st.lists(parts(), min_size=1, max_size=5)),
    }


def _plan(data: dict[str, Any]) -> Plan:
    return parse_running_order(tomli_w.dumps(data).encode(), "generated.toml")


def _round_trip(plan: Plan) -> Plan:
    text = export_text(plan)
    result = import_data(text.encode("utf-8"), "exported.txt", fmt="text")
    assert result.problems == [], text
    return result.plan


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(running_orders())
def test_export_then_import_gives_the_same_plan(data: dict[str, Any]) -> None:
    plan = _plan(data)
    assert _round_trip(plan) == plan


def test_the_seed_round_trips_and_reads_like_a_programme() -> None:
    plan = parse_running_order(SEED.read_bytes(), str(SEED))
    text = export_text(plan)
    assert "II/ Témoignages (40')" in text
    assert "   - Échanges avec la salle (15')" in text
    assert "       ➔ Gabriel Voisin-Fradin, chargé des relations économiques" in text
    assert _round_trip(plan) == plan


def test_csv_export_reads_back_to_the_same_segments() -> None:
    plan = parse_running_order(SEED.read_bytes(), str(SEED))
    result = import_data(export_csv(plan).encode("utf-8"), "seed.csv", fmt="csv")
    assert result.problems == []
    back = result.plan
    assert back.start == plan.start
    assert [
        (s.title, s.kind, s.planned_s, s.explicit, s.speakers, s.notes) for s in back.segments
    ] == [(s.title, s.kind, s.planned_s, s.explicit, s.speakers, s.notes) for s in plan.segments]
    assert [p.title for p in back.parts] == [p.title for p in plan.parts]


def test_export_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "export", SEED)
    assert code == 0, err
    assert out.startswith("Encourager le développement économique")
    target = tmp_path / "programme.txt"
    code, _, err = run(capsys, "export", SEED, "--format", "text", "-o", target)
    assert code == 0, err
    code, _, err = run(capsys, "export", SEED, "-o", target)
    assert code == 2 and "already exists" in err
    code, out, err = run(capsys, "export", SEED, "--format", "csv")
    assert code == 0, err
    assert out.splitlines()[0] == (
        "Partie;Titre;Intervenant;Fonction;Organisation;Note intervenant;Durée;Type;Notes;Début"
    )
    back = tmp_path / "back.toml"
    code, _, err = run(capsys, "import", target, "-o", back)
    assert code == 0, err
    assert parse_running_order(back.read_bytes(), str(back)) == parse_running_order(
        SEED.read_bytes(), str(SEED)
    )
