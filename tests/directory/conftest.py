from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pti_citizen.directory import get_directory
from pti_citizen.directory.loader import DATA_DIR

PARIS = ZoneInfo("Europe/Paris")


def paris(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=PARIS)


@pytest.fixture(scope="session")
def directory():
    return get_directory()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the data folder, to break on purpose."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target
