from dataclasses import dataclass
from pathlib import Path

import pytest

from studyapp.cli import main

SAMPLES = Path(__file__).parents[1] / "fixtures" / "samples"


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


@pytest.fixture(autouse=True)
def _no_debug(monkeypatch):
    # The root conftest isolates folders and the database; a developer's debug switch
    # would change the error output these tests check.
    monkeypatch.delenv("STUDYAPP_DEBUG", raising=False)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "study.sqlite3"


@pytest.fixture
def cli(capsys, db_path):
    """Run ``studyapp ARGS --database <tmp file>`` in-process."""

    def run(*args: str, database: Path | None = db_path) -> Result:
        argv = [*map(str, args)]
        if database is not None:
            argv += ["--database", str(database)]
        capsys.readouterr()
        code = main(argv)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def demo(cli):
    result = cli("demo")
    assert result.code == 0, result.err
    return result
