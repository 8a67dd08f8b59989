"""Shared fixtures: the example corpus and its gold, the shared datasets, and a CLI runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CORPUS = EXAMPLES / "corpus"
SHARED = ROOT.parent / "shared" / "datasets"


def shared_dataset(name: str) -> Path:
    """Path of a labelled corpus in ../shared/datasets, or skip the test with the reason."""
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"../shared/datasets/{name} is absent (a user's clone has no shared datasets)")
    return path


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads((EXAMPLES / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture()
def cli():
    from newsdesk.cli import app

    runner = CliRunner()

    def run(*args: str, ok: bool = True):
        result = runner.invoke(app, [str(a) for a in args])
        if ok:
            assert result.exit_code == 0, result.output + repr(result.exception)
        return result

    return run


@pytest.fixture(scope="session")
def example_desk(tmp_path_factory) -> Path:
    """The example corpus built once through the real CLI."""
    from newsdesk.cli import app

    db = tmp_path_factory.mktemp("desk") / "desk.sqlite"
    result = CliRunner().invoke(app, ["build", str(CORPUS), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    return db
