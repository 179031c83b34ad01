"""The words of « Est-ce que cette page est claire ? », in one place for both of its renderings: the
Reflex widget (simulator result) and the server-rendered pages' widget (content pages, guides)."""

from __future__ import annotations

from dataclasses import dataclass

from pti_citizen.i18n import LANGUAGES, gettext_for

from .submission import DOMAIN, MAX_COMMENT_LENGTH, MISSING_CHOICES


@dataclass(frozen=True)
class WidgetTexts:
    title: str
    yes: str
    no: str
    details_after_no: str
    details_after_yes: str
    privacy_warning: str
    comment_label: str
    comment_hint: str
    missing_legend: str
    missing_labels: dict[str, str]
    mds_label: str
    mds_hint: str
    mds_unknown: str
    send: str
    thanks: str
    what_is_kept: str
    #: The server could not be reached (offline, network down): nothing was sent.
    not_sent: str


def widget_texts(lang: str) -> WidgetTexts:
    _ = gettext_for(lang if lang in LANGUAGES else "fr", DOMAIN)
    return WidgetTexts(
        title=_("Est-ce que cette page est claire ?"),
        yes=_("Oui"),
        no=_("Non"),
        details_after_no=_("Merci. Qu'est-ce qui n'est pas clair ? Vous pouvez nous le dire."),
        details_after_yes=_("Merci. Vous pouvez ajouter un commentaire, si vous voulez."),
        privacy_warning=_("N'écrivez pas votre nom, votre numéro CAF ni votre adresse."),
        comment_label=_("Votre commentaire (facultatif)"),
        comment_hint=_("{max} caractères au plus.").format(max=MAX_COMMENT_LENGTH),
        missing_legend=_("Qu'est-ce qui manque sur cette page ? (facultatif)"),
        missing_labels={key: _(label) for key, label in MISSING_CHOICES.items()},
        mds_label=_("Votre Maison des Solidarités, ou MDS (facultatif)"),
        mds_hint=_(
            "Le site garde seulement la zone de cette MDS, par exemple « Sud Toulousain ». Cela aide l'équipe de votre zone."
        ),
        mds_unknown=_("Je ne sais pas, ou je préfère ne pas le dire"),
        send=_("Envoyer mon avis"),
        thanks=_("Merci pour votre avis. Il aide l'équipe à rendre le site plus clair."),
        what_is_kept=_("Ce que le site garde de votre avis"),
        not_sent=_(
            "Votre avis n'est pas parti : le site ne répond pas. Vérifiez votre connexion, puis réessayez."
        ),
    )
