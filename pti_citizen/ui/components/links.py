"""Plain links. ``rx.el.a`` is a react-router client-side link in Reflex 0.10; we want ordinary
document navigation: every page is prerendered, announced by screen readers as a new page, and
served from the offline cache the same way whether JavaScript runs or not."""

from __future__ import annotations

import reflex as rx
from reflex_components_core.el.elements.inline import A


def link(*children, href: str, **props) -> rx.Component:
    return A.create(*children, href=href, **props)
