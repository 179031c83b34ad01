import shutil
from pathlib import Path

import pytest

from pti_citizen.offers.territory import DATA_DIR


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the offers data, for tests that break a record on purpose."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target
