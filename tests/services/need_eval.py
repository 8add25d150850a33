"""Judge need matching on the labelled set in tests/data/need_matches.json.

``python -m tests.services.need_eval`` prints the table (precision of the top 3, how
many needs got a good suggestion) for the matcher in this tree; the test in
test_need_matching.py asserts it. Runs on the demo network with the fixed clock.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

LABELS = Path(__file__).resolve().parent.parent / "data" / "need_matches.json"
TOP = 3


@dataclass(frozen=True)
class Judged:
    need: str
    shown: tuple[str, ...]  # the top 3 names suggested
    good: tuple[str, ...]  # those a careful person would suggest


@dataclass(frozen=True)
class Score:
    needs: int
    suggestions: int
    correct: int
    answerable: int  # needs with at least one good person in the network
    helped: int  # answerable needs whose top 3 holds a good person
    judged: tuple[Judged, ...]

    @property
    def precision(self) -> float:
        return self.correct / self.suggestions if self.suggestions else 1.0


def labelled() -> list[dict]:
    return json.loads(LABELS.read_text(encoding="utf-8"))["needs"]


def evaluate(match: Callable[..., list]) -> Score:
    """Run ``match([need], exclude=owner_id)`` for every labelled need (demo data loaded)."""
    from netty.db.models import Contact

    ids = {c.name: c.id for c in Contact.select(Contact.id, Contact.name)}
    judged, suggestions, correct, answerable, helped = [], 0, 0, 0, 0
    for case in labelled():
        owner = ids[case["for"]] if case["for"] else 0
        shown = tuple(m.name for m in match([case["need"]], exclude=owner)[:TOP])
        good = tuple(n for n in shown if n in case["suggest"])
        suggestions += len(shown)
        correct += len(good)
        if case["suggest"]:
            answerable += 1
            helped += bool(good)
        judged.append(Judged(case["need"], shown, good))
    return Score(len(judged), suggestions, correct, answerable, helped, tuple(judged))


def table(score: Score) -> str:
    lines = [
        f"needs {score.needs}; suggestions {score.suggestions}; correct {score.correct}; "
        f"precision@{TOP} {score.precision:.2f}; "
        f"needs helped {score.helped}/{score.answerable}",
    ]
    for j in score.judged:
        wrong = [n for n in j.shown if n not in j.good]
        mark = "ok " if not wrong else "BAD"
        lines.append(f"{mark} {j.need[:60]:<60} -> {', '.join(j.shown) or '(none)'}")
    return "\n".join(lines)


def main() -> None:  # pragma: no cover - a measuring tool
    import sys
    import tempfile

    import pendulum

    from netty.db import open_database
    from netty.services.demo import load_demo

    now = pendulum.parse("2026-11-23T10:00:00+00:00")
    open_database(Path(tempfile.mkdtemp()) / "eval.db", now)
    load_demo(now)
    if len(sys.argv) > 1:  # a matcher from another file: python -m ... path/to/prep.py
        import importlib.util

        spec = importlib.util.spec_from_file_location("prep_under_test", sys.argv[1])
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        match = module.match_people
    else:
        from netty.services.prep import match_people as match
    print(table(evaluate(match)))


if __name__ == "__main__":  # pragma: no cover
    main()
