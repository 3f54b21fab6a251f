"""Fuzzing the other readers: programmes (text, CSV, schedule XML) and the settings file.

Whatever the bytes, an import raises only ImportFailure (ChoiceNeeded is one) and what it
accepts is a running order the loader takes back; the settings reader never raises at all
(a file it cannot use is set aside and the defaults are used). Each input is handled within
``deadline`` (2 s), the bound the attack's quadratic inputs broke. The running order and the
timing log are fuzzed in test_fuzz.py.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.importers.api import import_data
from app.importers.draft import ImportFailure
from app.model import parse_running_order
from app.ui.settings import Settings, load_settings
from tests.conftest import REPO

FUZZ = settings(
    max_examples=150,
    deadline=timedelta(seconds=2),
    suppress_health_check=[HealthCheck.too_slow],
)
_WORK = Path(tempfile.mkdtemp(prefix="tk-fuzz-inputs-"))
atexit.register(shutil.rmtree, _WORK, True)
PROGRAMME = (
    REPO / "tests" / "data" / "aict-2020-atelier-developpement-economique.txt"
).read_bytes()

# The vocabulary programmes are written in, so that parsing gets past the first line.
PIECES = [
    "9:00", "9h30", "10:15-10:45", "16h00 – 16h10", "10'", "8'20\"", "15 min", "1h30", "—",
    "–", "-", ":", "|", ",", ";", "\t", "I.", "II -", "1.", "•", "Échanges avec la salle",
    "Pause", "Déjeuner", "Introduction", "Conclusion", "(", ")", "Mme", "M.", "maire de",
    "directeur", "Paris", "Lundi 22 septembre 2020", "Salle A", "\n", "\n\n", " ", "  ",
    "start,title,duration,speaker", "<schedule>", "<day date=\"2020-09-22\">", "<room name=\"A\">",
    "<event><start>10:00</start><duration>00:30</duration><title>T</title></event>", "</room>",
    "</day>", "</schedule>", "<?xml version=\"1.0\"?>", "&amp;", "\"", "'",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=60).map("".join)


def _mutated(seed: bytes) -> st.SearchStrategy[bytes]:
    """The seed programme with a slice cut, doubled or replaced by random bytes."""

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        a = draw(st.integers(0, len(seed)))
        b = draw(st.integers(a, min(len(seed), a + 200)))
        middle = draw(st.sampled_from([b"", seed[a:b] * 2]) | st.binary(max_size=40))
        return seed[:a] + middle + seed[b:]

    return build()


def _imports_or_says_why(data: bytes, name: str) -> None:
    try:
        result = import_data(data, name)
    except ImportFailure as exc:
        assert str(exc).strip()  # a sentence, never empty
        return
    # What an import accepts is a running order the loader takes back as it is.
    plan = parse_running_order(result.toml_text.encode("utf-8"), name, "toml")
    assert len(plan.segments) == len(result.plan.segments)


@FUZZ
@given(st.binary(max_size=600), st.sampled_from(["p.txt", "p.csv", "p.xml", "p"]))
def test_a_programme_of_random_bytes_imports_or_says_why(data: bytes, name: str) -> None:
    _imports_or_says_why(data, name)


@FUZZ
@given(texts, st.sampled_from(["p.txt", "p.csv", "p.xml"]))
def test_a_programme_of_programme_words_imports_or_says_why(text: str, name: str) -> None:
    _imports_or_says_why(text.encode("utf-8"), name)


@FUZZ
@given(_mutated(PROGRAMME), st.sampled_from(["p.txt", "p.csv"]))
def test_a_damaged_seed_programme_imports_or_says_why(data: bytes, name: str) -> None:
    _imports_or_says_why(data, name)


SETTING_LINES = [
    'language = "fr"', 'language = "xx"', "language = 1", 'theme = "light"', 'theme = 7',
    "warning_s = 120", "warning_s = -1", "final_s = 99999999999999999999999999999",
    'last_session = "/nonexistent.toml"', "[thresholds]", "[[x]]", "a = [[[[[[[[1]]]]]]]]",
    "b = {c = {d = {e = 1}}}", "= 1", '"', "x = 1979-05-27T07:32:00Z", "y = nan", "z = inf",
]  # fmt: skip


HOSTILE_SETTINGS = (
    st.integers(1, 6000).map(lambda n: "warning_s = " + "9" * n)  # thousands of digits
    | st.integers(1, 3000).map(lambda n: "a = " + "[" * n + "1" + "]" * n)  # deep nesting
    | st.integers(1, 3000).map(lambda n: "b = " + "{c = " * n + "1" + "}" * n)
)


@FUZZ
@given(
    st.lists(st.sampled_from(SETTING_LINES) | HOSTILE_SETTINGS, max_size=8)
    .map("\n".join)
    .map(str.encode)
    | st.binary(max_size=300)
)
def test_a_settings_file_never_stops_the_app(data: bytes) -> None:
    folder = Path(tempfile.mkdtemp(dir=_WORK))
    path = folder / "settings.toml"
    path.write_bytes(data)
    loaded, problem = load_settings(path)
    assert isinstance(loaded, Settings)
    if problem is not None:
        assert problem.kept is not None and problem.kept.name in problem.notice()  # named
        assert not path.exists()  # set aside, so the next start is clean
        assert problem.kept.read_bytes() == data  # ... and kept, not lost
