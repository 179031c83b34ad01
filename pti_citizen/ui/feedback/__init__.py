"""The co-design loop in the app: the « Est-ce que cette page est claire ? » widget of the Reflex pages
(the server-rendered pages have theirs in ``web/pages/feedback.py``) and the team's review space
(``/equipe``, which also holds the Kiosques Insertion section of ``ui/kiosques``).

Wiring (``pti_citizen.py``): ``feedback.register(app)``. Pages add the widget with
``feedback_widget(lang, page)``, ``page`` being the path after ``/<lang>/``. The database schema and
the daily clean-up start with the app (``pti_citizen/jobs.py``).
"""

from __future__ import annotations

import reflex as rx

from . import review
from .widget import feedback_widget

__all__ = ["feedback_widget", "register"]


def register(app: rx.App) -> None:
    review.register(app)
