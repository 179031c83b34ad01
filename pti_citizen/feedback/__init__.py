"""The co-design loop, pure Python (no Reflex, no database): « Est-ce que cette page est claire ? ».

- ``masking``: personal data removed from comments before storage;
- ``submission``: what an answer may contain (field messages in the person's language);
- ``ratelimit``: per-client and global limits, kept in memory under a keyed hash;
- ``secret``: the team's secret for ``/equipe`` and the CSV export (constant-time, lockout);
- ``export``: the quarterly CSV (territory, date range);
- ``territory``: an optional MDS choice, stored as its direction territoriale only;
- ``kiosques``: checks on the Kiosques Insertion that MDS staff publish;
- ``freshness`` and ``retention``: what is old, what is deleted.
"""

from .export import ExportFilter, FeedbackRow, feedback_csv, parse_filter
from .masking import mask_personal_data
from .submission import (
    ANSWERS,
    MAX_COMMENT_LENGTH,
    MISSING_CHOICES,
    MODES,
    Answer,
    Details,
    check_answer,
    check_details,
)

__all__ = [
    "ANSWERS",
    "MAX_COMMENT_LENGTH",
    "MISSING_CHOICES",
    "MODES",
    "Answer",
    "Details",
    "ExportFilter",
    "FeedbackRow",
    "check_answer",
    "check_details",
    "feedback_csv",
    "mask_personal_data",
    "parse_filter",
]
