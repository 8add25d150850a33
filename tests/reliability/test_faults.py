"""kill -9 at random moments of an import, a backup, a merge and an export (issue 9).

Each trial runs ``python -m netty.cli`` as a real process, kills it, and checks
(see ``faults.trial``): integrity_check ok, all-or-nothing, no partial file under
a final name, and the next run accepting the same name and cleaning up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.faults import SCENARIOS, Lab, export_onto_database, run_trials

pytestmark = pytest.mark.reliability

TRIALS = 4  # per operation; `python -m tests.reliability.faults --trials 20` runs more


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Lab:
    return Lab(Path(tmp_path_factory.mktemp("faults")), contacts=600)


@pytest.mark.parametrize("key", list(SCENARIOS))
def test_a_kill_at_any_moment_leaves_all_or_nothing_and_no_partial_file(lab: Lab, key: str):
    outcome = run_trials(lab, key, TRIALS)
    assert outcome.trials == TRIALS
    assert outcome.failures == []


def test_export_onto_the_live_database_loses_nothing(lab: Lab):
    outcome = export_onto_database(lab)
    assert outcome.failures == [] and outcome.writes_lost == 0
