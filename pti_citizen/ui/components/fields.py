"""Form fields with their label, hint and error wired for screen readers (``aria-describedby``,
``aria-invalid``), for the team's forms."""

from __future__ import annotations

import reflex as rx


def field_error(errors, field: str, element_id: str) -> rx.Component:
    return rx.cond(errors.contains(field), rx.el.p(errors[field], id=element_id, class_name="field-error"))


def aria(errors, field: str, hint_id: str | None, error_id: str) -> dict:
    base = hint_id or ""
    described = rx.cond(errors.contains(field), f"{base} {error_id}".strip(), base)
    return {"aria-describedby": described, "aria-invalid": rx.cond(errors.contains(field), "true", "false")}


def text_field(
    label: str,
    name: str,
    errors,
    *,
    kind: str = "text",
    hint: str | None = None,
    default=None,
    required=False,
    field_id: str,
) -> rx.Component:
    hint_id = f"{field_id}-hint" if hint else None
    return rx.el.div(
        rx.el.label(label, html_for=field_id),
        rx.el.p(hint, id=hint_id, class_name="hint") if hint else rx.fragment(),
        rx.el.input(
            type=kind,
            id=field_id,
            name=name,
            default_value=default,
            required=required,
            custom_attrs=aria(errors, name, hint_id, f"{field_id}-error"),
        ),
        field_error(errors, name, f"{field_id}-error"),
        class_name="field",
    )
