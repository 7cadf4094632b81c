"""The boundaries are enforced: lint-imports passes on the project and fails on a forbidden import."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=project,
        env={"PYTHONPATH": str(project / "src"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copy(ROOT / ".importlinter", tmp_path / ".importlinter")
    return tmp_path


def test_contracts_hold(project_copy: Path):
    result = lint(project_copy)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("game/domain/telegram_leak.py", "import aiogram\n", "aiogram lives in bot only"),
        ("game/domain/sql_leak.py", "import sqlalchemy\n", "SQLAlchemy, asyncpg and redis"),
        ("bot/peek.py", "from game.application import service\n", "only game.api may be imported"),
        ("bot/peek.py", "from game.adapters import orm\n", "only game.api may be imported"),
        ("shared/upward.py", "import game.api\n", "Composition root > (bot | scheduler)"),
        ("bot/sideways.py", "import scheduler.setup\n", "Composition root > (bot | scheduler)"),
        ("game/domain/wires.py", "import dependency_injector\n", "dependency_injector lives in the composition root"),
        ("game/domain/upward.py", "from game.application import service\n", "Inside game"),
    ],
)
def test_a_forbidden_import_breaks_the_build(project_copy: Path, module: str, line: str, contract: str):
    (project_copy / "src" / module).write_text(line)
    result = lint(project_copy)
    assert result.returncode != 0
    assert f"{contract}" in result.stdout and "BROKEN" in result.stdout
