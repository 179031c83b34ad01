"""The benefits the engine estimates, each in its own folder, registered here (one line each).

The order is the order of the result: the RSA and the prime d'activité first, then the family
benefits. To add a benefit: a new folder (``parameters.yaml``, ``rules.py``, ``texts.py`` and a
``BENEFIT`` in its ``__init__.py``), one line below, and its name in ``explanation.COMMON_TEXTS``.
"""

from __future__ import annotations

from ..engine import Registry
from . import allocations_familiales, asf, complement_familial, paje_base, prime_activite, rsa

REGISTRY = Registry(
    (
        rsa.BENEFIT,
        prime_activite.BENEFIT,
        allocations_familiales.BENEFIT,
        complement_familial.BENEFIT,
        paje_base.BENEFIT,
        asf.BENEFIT,
    )
)

__all__ = ["REGISTRY"]
