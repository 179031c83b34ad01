"""Kiosques Insertion: dated meetings in an MDS that MDS staff publish in ``/equipe``, and that the
directory shows on the MDS's card and for « prochains kiosques près de chez vous ».

Pure Python (no Reflex, no database): ``publishing`` checks a kiosque before it is stored;
``calendar`` merges the shipped and the published ones for the directory. The storage is
``pti_citizen.db.kiosque_store``, the team's screen ``pti_citizen.ui.kiosques``, the wiring
``pti_citizen.services``. The ``Kiosque`` record itself is the directory's (``directory.models``):
the directory shows it, this feature publishes it.
"""

from .calendar import KiosqueCalendar, KiosqueStore, StoredKiosque, StoreUnavailable
from .publishing import KIOSQUE_LANGUAGES, KiosqueDraft, check_kiosque, mds_names, parse_kiosque_id

__all__ = [
    "KIOSQUE_LANGUAGES",
    "KiosqueCalendar",
    "KiosqueDraft",
    "KiosqueStore",
    "StoreUnavailable",
    "StoredKiosque",
    "check_kiosque",
    "mds_names",
    "parse_kiosque_id",
]
