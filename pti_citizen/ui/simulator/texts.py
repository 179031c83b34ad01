"""Every sentence of the wizard and the result page, in one language (gettext domain ``ui_simulator``).

French is the source. A sentence that speaks to the reader exists twice: « vous » and « la personne
que vous aidez »; the page shows one or the other with the ``.for-self`` / ``.for-helper`` classes.
Numbers come from the parameters in force (``{age}``, ``{hours}``…), never typed here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pti_citizen.i18n import format_number, gettext_for
from pti_citizen.simulator.benefits.rsa.parameters import Parameters
from pti_citizen.simulator.household import MAX_AGE, MAX_CHILD_AGE, MAX_CHILDREN, MIN_ADULT_AGE
from pti_citizen.ui.simulator import flow

DOMAIN = "ui_simulator"


@dataclass(frozen=True)
class Words:
    """One variant per audience (the same text twice when it speaks to no one)."""

    self: str
    helper: str

    @classmethod
    def same(cls, text: str) -> Words:
        return cls(text, text)


@dataclass(frozen=True)
class QuestionText:
    title: Words
    why: str
    hint: Words | None = None
    choices: dict[str, str] = field(default_factory=dict)
    #: Label of the typed field (whole numbers, amounts).
    field: str = ""
    #: For the pregnancy question: the title when the person lives in a couple.
    couple_title: Words | None = None


def question_texts(lang: str, p: Parameters) -> dict[str, QuestionText]:
    _ = gettext_for(lang, DOMAIN)
    yes_no = {flow.YES: _("Oui"), flow.NO: _("Non")}
    years = format_number(p.duree_titre_sejour_hors_ue_annees, lang, 0)
    eu_months = format_number(p.duree_residence_ue_annees * 12, lang, 0)
    hours = format_number(p.rsa_jeune_heures, lang, 0)
    amount_label = _("Montant par mois, en euros")
    permit_choices = {
        "less": _("Moins de {years} ans").format(years=years),
        "enough": _("{years} ans ou plus").format(years=years),
    }
    eu_choices = {
        "less": _("Moins de {months} mois").format(months=eu_months),
        "enough": _("{months} mois ou plus").format(months=eu_months),
    }
    nationality_choices = {
        "fr": _("Française"),
        "eu": _("Européenne : Union européenne, Islande, Liechtenstein, Norvège ou Suisse"),
        "non_eu": _("Une autre nationalité"),
    }
    situations = Words.same(_("Réfugié, protection subsidiaire, apatride, ou carte de résident."))
    hours_choices = {
        "enough": _("Oui, {hours} heures ou plus").format(hours=hours),
        "less": _("Non, moins de {hours} heures").format(hours=hours),
    }
    hours_hint = Words.same(_("C'est l'équivalent de 2 ans de travail à temps plein."))
    hours_why = _(
        "Avant {age} ans, sans enfant, le RSA demande d'avoir assez travaillé. On l'appelle le « RSA jeune actif »."
    ).format(age=p.age_minimum)
    return {
        "couple": QuestionText(
            title=Words(
                _("Vivez-vous seul ou en couple ?"),
                _("La personne que vous aidez vit-elle seule ou en couple ?"),
            ),
            hint=Words.same(_("En couple : marié, pacsé ou en union libre.")),
            choices={"single": _("Seul ou seule"), "couple": _("En couple")},
            why=_(
                "Le montant du RSA dépend du nombre de personnes dans le foyer. Les revenus du conjoint comptent aussi."
            ),
        ),
        "age": QuestionText(
            title=Words(_("Quel âge avez-vous ?"), _("Quel âge a la personne que vous aidez ?")),
            field=_("Âge, en années"),
            why=_(
                "Avant {age} ans, le RSA est possible seulement dans certains cas. Par exemple avec un enfant, ou pendant une grossesse."
            ).format(age=p.age_minimum),
        ),
        "partner_age": QuestionText(
            title=Words(
                _("Quel âge a votre conjoint ?"),
                _("Quel âge a le conjoint de la personne que vous aidez ?"),
            ),
            field=_("Âge du conjoint, en années"),
            why=_("Il suffit qu'une personne du couple remplisse les conditions d'âge du RSA."),
        ),
        "children_count": QuestionText(
            title=Words(
                _("Combien d'enfants vivent avec vous ?"),
                _("Combien d'enfants vivent avec la personne que vous aidez ?"),
            ),
            hint=Words.same(
                _("Comptez les enfants et les jeunes de moins de {limit} ans à charge.").format(
                    limit=MAX_CHILD_AGE + 1
                )
            ),
            choices={
                "0": _("Aucun"),
                **{str(n): str(n) for n in range(1, flow.MOST_CHILDREN_AS_BUTTONS + 1)},
            },
            field=_("Plus de {n} enfants ? Écrivez le nombre :").format(n=flow.MOST_CHILDREN_AS_BUTTONS),
            why=_("Chaque enfant augmente le montant de base du RSA."),
        ),
        "children_ages": QuestionText(
            title=Words.same(_("Quel âge ont les enfants ?")),
            hint=Words.same(_("Écrivez 0 pour un bébé de moins de 1 an.")),
            field=_("Âge de l'enfant {n}"),
            why=_("Un parent seul avec un enfant de moins de {age} ans peut avoir un RSA plus élevé.").format(
                age=p.majoration_isolement_age_enfant
            ),
        ),
        "pregnant": QuestionText(
            title=Words(_("Êtes-vous enceinte ?"), _("La personne que vous aidez est-elle enceinte ?")),
            couple_title=Words(
                _("Dans votre couple, une personne est-elle enceinte ?"),
                _("Dans le couple de la personne que vous aidez, une personne est-elle enceinte ?"),
            ),
            choices=yes_no,
            why=_(
                "Une grossesse compte comme un enfant pour l'âge. Une femme enceinte qui vit seule peut avoir un RSA plus élevé."
            ),
        ),
        "isolated": QuestionText(
            title=Words(
                _("Depuis quand vivez-vous sans conjoint ?"),
                _("Depuis quand la personne que vous aidez vit-elle sans conjoint ?"),
            ),
            hint=Words.same(_("Par exemple depuis une séparation, un divorce ou un décès.")),
            choices={
                "recent": _("Depuis moins de {months} mois").format(
                    months=p.majoration_isolement_fenetre_mois
                ),
                "long": _("Depuis {months} mois ou plus, ou depuis toujours").format(
                    months=p.majoration_isolement_fenetre_mois
                ),
            },
            why=_("Un parent seul peut avoir un RSA plus élevé pendant un temps après une séparation."),
        ),
        "nationality": QuestionText(
            title=Words(
                _("Quelle est votre nationalité ?"),
                _("Quelle est la nationalité de la personne que vous aidez ?"),
            ),
            choices=nationality_choices,
            why=_(
                "Pour les personnes étrangères, le RSA demande d'habiter en France depuis un certain temps, avec un titre de séjour pour certaines."
            ),
        ),
        "refugee": QuestionText(
            title=Words(
                _("Êtes-vous dans une de ces situations ?"),
                _("La personne que vous aidez est-elle dans une de ces situations ?"),
            ),
            hint=situations,
            choices=yes_no,
            why=_("Dans ces situations, le RSA ne demande pas {years} ans de titre de séjour.").format(
                years=years
            ),
        ),
        "permit": QuestionText(
            title=Words(
                _("Depuis combien de temps avez-vous un titre de séjour qui permet de travailler ?"),
                _(
                    "Depuis combien de temps la personne que vous aidez a-t-elle un titre de séjour qui permet de travailler ?"
                ),
            ),
            choices=permit_choices,
            why=_(
                "Le RSA demande en général {years} ans de titre de séjour qui permet de travailler."
            ).format(years=years),
        ),
        "eu_residence": QuestionText(
            title=Words(
                _("Depuis combien de temps vivez-vous en France ?"),
                _("Depuis combien de temps la personne que vous aidez vit-elle en France ?"),
            ),
            choices=eu_choices,
            why=_(
                "Un citoyen européen doit vivre en France depuis {months} mois, sauf avec un travail déclaré."
            ).format(months=eu_months),
        ),
        "partner_nationality": QuestionText(
            title=Words(
                _("Quelle est la nationalité de votre conjoint ?"),
                _("Quelle est la nationalité du conjoint de la personne que vous aidez ?"),
            ),
            choices=nationality_choices,
            why=_("Le conjoint compte dans le montant s'il remplit les conditions de séjour."),
        ),
        "partner_refugee": QuestionText(
            title=Words(
                _("Votre conjoint est-il dans une de ces situations ?"),
                _("Le conjoint de la personne que vous aidez est-il dans une de ces situations ?"),
            ),
            hint=situations,
            choices=yes_no,
            why=_("Dans ces situations, le RSA ne demande pas {years} ans de titre de séjour.").format(
                years=years
            ),
        ),
        "partner_permit": QuestionText(
            title=Words(
                _(
                    "Depuis combien de temps votre conjoint a-t-il un titre de séjour qui permet de travailler ?"
                ),
                _(
                    "Depuis combien de temps le conjoint de la personne que vous aidez a-t-il un titre de séjour qui permet de travailler ?"
                ),
            ),
            choices=permit_choices,
            why=_(
                "Le RSA demande en général {years} ans de titre de séjour qui permet de travailler."
            ).format(years=years),
        ),
        "partner_eu_residence": QuestionText(
            title=Words(
                _("Depuis combien de temps votre conjoint vit-il en France ?"),
                _("Depuis combien de temps le conjoint de la personne que vous aidez vit-il en France ?"),
            ),
            choices=eu_choices,
            why=_(
                "Un citoyen européen doit vivre en France depuis {months} mois, sauf avec un travail déclaré."
            ).format(months=eu_months),
        ),
        "student": QuestionText(
            title=Words(
                _("Faites-vous des études, ou un stage non payé ?"),
                _("La personne que vous aidez fait-elle des études, ou un stage non payé ?"),
            ),
            choices=yes_no,
            why=_(
                "Le RSA n'est en général pas possible pendant les études. Un parent seul peut l'avoir quand même, dans certains cas."
            ),
        ),
        "partner_student": QuestionText(
            title=Words(
                _("Votre conjoint fait-il des études, ou un stage non payé ?"),
                _("Le conjoint de la personne que vous aidez fait-il des études, ou un stage non payé ?"),
            ),
            choices=yes_no,
            why=_("Si les 2 personnes du couple font des études, le RSA n'est en général pas possible."),
        ),
        "hours": QuestionText(
            title=Words(
                _("Avez-vous travaillé au moins {hours} heures pendant les 3 dernières années ?").format(
                    hours=hours
                ),
                _(
                    "La personne que vous aidez a-t-elle travaillé au moins {hours} heures pendant les 3 dernières années ?"
                ).format(hours=hours),
            ),
            hint=hours_hint,
            choices=hours_choices,
            why=hours_why,
        ),
        "partner_hours": QuestionText(
            title=Words(
                _(
                    "Votre conjoint a-t-il travaillé au moins {hours} heures pendant les 3 dernières années ?"
                ).format(hours=hours),
                _(
                    "Le conjoint de la personne que vous aidez a-t-il travaillé au moins {hours} heures pendant les 3 dernières années ?"
                ).format(hours=hours),
            ),
            hint=hours_hint,
            choices=hours_choices,
            why=hours_why,
        ),
        "housing": QuestionText(
            title=Words(
                _("Comment êtes-vous logé ?"), _("Comment la personne que vous aidez est-elle logée ?")
            ),
            choices={
                "tenant": _("Locataire : il y a un loyer à payer"),
                "owner": _("Propriétaire, sans crédit à rembourser"),
                "owner_with_loan": _("Propriétaire, avec un crédit à rembourser"),
                "housed_free": _("Logé gratuitement, par la famille ou des amis"),
                "homeless": _("Sans logement"),
            },
            why=_(
                "Quand le logement est gratuit ou aidé, le RSA baisse un peu. C'est le « forfait logement »."
            ),
        ),
        "housing_benefit": QuestionText(
            title=Words(
                _("Combien touchez-vous d'aide au logement par mois ?"),
                _("Combien la personne que vous aidez touche-t-elle d'aide au logement par mois ?"),
            ),
            hint=Words.same(
                _(
                    "APL, ALS ou ALF : l'aide au logement de la CAF (Caisse d'allocations familiales). Écrivez 0 s'il n'y en a pas."
                )
            ),
            field=amount_label,
            why=_(
                "Avec une aide au logement, le RSA baisse un peu. La baisse a un plafond : c'est le « forfait logement »."
            ),
        ),
        "earned": QuestionText(
            title=Words(
                _("Combien gagnez-vous par mois avec votre travail ?"),
                _("Combien la personne que vous aidez gagne-t-elle par mois avec son travail ?"),
            ),
            hint=Words.same(
                _(
                    "Salaire net ou revenus d'indépendant. Faites la moyenne des 3 derniers mois. Sur la fiche de paie, regardez le « montant net social ». Écrivez 0 s'il n'y a pas de travail."
                )
            ),
            field=amount_label,
            why=_("Le RSA complète les revenus. Chaque euro gagné fait baisser le RSA de 1 euro."),
        ),
        "partner_earned": QuestionText(
            title=Words(
                _("Combien gagne votre conjoint par mois avec son travail ?"),
                _("Combien le conjoint de la personne que vous aidez gagne-t-il par mois avec son travail ?"),
            ),
            hint=Words.same(
                _(
                    "Salaire net ou revenus d'indépendant. Faites la moyenne des 3 derniers mois. Sur la fiche de paie, regardez le « montant net social ». Écrivez 0 s'il n'y a pas de travail."
                )
            ),
            field=amount_label,
            why=_("Les revenus du conjoint comptent aussi. Chaque euro gagné fait baisser le RSA de 1 euro."),
        ),
        "other_income": QuestionText(
            title=Words(
                _("Combien votre foyer touche-t-il d'autres revenus par mois ?"),
                _("Combien le foyer de la personne que vous aidez touche-t-il d'autres revenus par mois ?"),
            ),
            hint=Words.same(
                _(
                    "Par exemple : allocation chômage, indemnités maladie, pension, retraite, pension alimentaire reçue. Additionnez tout. Faites la moyenne des 3 derniers mois. Écrivez 0 s'il n'y en a pas."
                )
            ),
            field=amount_label,
            why=_("Ces revenus comptent aussi. Ils font baisser le RSA."),
        ),
        "family_benefits": QuestionText(
            title=Words(
                _("Combien touchez-vous de prestations familiales par mois ?"),
                _("Combien la personne que vous aidez touche-t-elle de prestations familiales par mois ?"),
            ),
            hint=Words.same(
                _(
                    "Par exemple : allocations familiales, complément familial, allocation de soutien familial. Écrivez 0 s'il n'y en a pas."
                )
            ),
            field=amount_label,
            why=_(
                "Certaines prestations familiales comptent dans les revenus du foyer. Elles font baisser le RSA."
            ),
        ),
    }


def error_texts(lang: str, p: Parameters) -> dict[str, str]:
    """Field messages, by the error codes of ``flow``."""
    _ = gettext_for(lang, DOMAIN)
    return {
        flow.REQUIRED: _("Écrivez une réponse pour continuer."),
        flow.WHOLE_NUMBER: _("Écrivez un nombre entier, sans virgule. Par exemple : 34."),
        flow.AGE_RANGE: _("L'âge doit être entre {min} et {max} ans.").format(min=MIN_ADULT_AGE, max=MAX_AGE),
        flow.COUNT_RANGE: _("Écrivez un nombre entre {min} et {max}.").format(
            min=flow.MOST_CHILDREN_AS_BUTTONS + 1, max=MAX_CHILDREN
        ),
        flow.CHILD_AGE_RANGE: _(
            "Écrivez un âge entre 0 et {max} ans. Un enfant compte s'il a moins de {limit} ans."
        ).format(max=MAX_CHILD_AGE, limit=MAX_CHILD_AGE + 1),
        "money_required": _("Écrivez un montant. Écrivez 0 s'il n'y a rien."),
        "money_negative": _("Le montant ne peut pas être négatif. Écrivez-le sans le signe moins."),
        "money_not_a_number": _("Écrivez seulement un nombre, par exemple 1 200,50."),
        "money_ambiguous": _("Ce montant n'est pas clair. Écrivez par exemple 1200 ou 1 200,50."),
        "money_decimals": _("Écrivez 2 chiffres au plus après la virgule, par exemple 12,50."),
        "money_too_big": _("Ce montant est trop grand pour un mois. Vérifiez-le."),
    }


def page_texts(lang: str) -> dict[str, str]:
    """The wizard's and the result page's own sentences."""
    _ = gettext_for(lang, DOMAIN)
    return {
        "title": _("Est-ce que j'ai droit au RSA ?"),
        "description": _(
            "Répondez à quelques questions et voyez une estimation du RSA, avec le détail du calcul."
        ),
        "intro_self": _("Répondez à quelques questions. Vous voyez ensuite une estimation du montant."),
        "intro_helper": _(
            "Répondez pour la personne que vous aidez. Vous voyez ensuite une estimation de son montant."
        ),
        "privacy": _(
            "Vos réponses servent seulement à ce calcul. Nous ne les gardons pas. Sur cet appareil, elles s'effacent quand vous fermez l'onglet."
        ),
        "progress": _("Question {n} sur {total}"),
        "why": _("Pourquoi cette question ?"),
        "back": _("Question précédente"),
        "continue": _("Continuer"),
        "count_submit": _("Valider ce nombre"),
        "restart": _("Tout recommencer"),
        "error_prefix": _("Erreur :"),
        "result_title": _("Résultat de l'estimation"),
        "waiting": _("Le calcul se fait. Il faut une connexion à Internet."),
        "own_title_self": _("Votre résultat"),
        "own_title_helper": _("Le résultat de la personne que vous aidez"),
        "eligible_self": _("Vous avez peut-être droit au RSA."),
        "eligible_helper": _("La personne que vous aidez a peut-être droit au RSA."),
        "not_eligible_self": _("D'après vos réponses, vous n'avez pas droit au RSA pour l'instant."),
        "not_eligible_helper": _(
            "D'après vos réponses, la personne que vous aidez n'a pas droit au RSA pour l'instant."
        ),
        "amount_label": _("Montant estimé"),
        "per_month": _("par mois"),
        "for_month": _("Estimation pour {month}."),
        "estimate_only": _("C'est une estimation. Seule la CAF (ou la MSA) décide."),
        "outdated": _(
            "Attention : les montants du RSA changent chaque année le 1er avril. Les montants utilisés ici ne sont peut-être plus à jour."
        ),
        "why_not": _("Pourquoi ?"),
        "detail": _("Le détail du calcul"),
        "next": _("Et maintenant ?"),
        "apply_caf_self": _(
            "Faites votre demande de RSA sur caf.fr, le site de la CAF (Caisse d'allocations familiales)."
        ),
        "apply_caf_helper": _(
            "La personne que vous aidez fait sa demande de RSA sur caf.fr, le site de la CAF (Caisse d'allocations familiales)."
        ),
        "guide_link": _("Voir les étapes de la demande"),
        "caf_link": _("Aller sur caf.fr"),
        "apply_msa_self": _(
            "Vous travaillez dans l'agriculture ? Faites la demande à la MSA (Mutualité sociale agricole), sur msa.fr."
        ),
        "apply_msa_helper": _(
            "La personne travaille dans l'agriculture ? Elle fait la demande à la MSA (Mutualité sociale agricole), sur msa.fr."
        ),
        "msa_link": _("Aller sur msa.fr"),
        "in_person_self": _("Une Maison des Solidarités (MDS) peut aussi vous aider à faire la demande."),
        "in_person_helper": _(
            "Une Maison des Solidarités (MDS) peut aussi aider la personne à faire la demande."
        ),
        "locator_link": _("Trouver une Maison des Solidarités"),
        "c2s": _(
            "Avec le RSA, la complémentaire santé solidaire (C2S) est gratuite. Elle aide à payer les soins."
        ),
        "c2s_link": _("Comment avoir la C2S"),
        "prime_self": _(
            "Vous travaillez ? Vous avez peut-être droit aussi à la prime d'activité. C'est une autre aide, pour les personnes qui travaillent."
        ),
        "prime_helper": _(
            "La personne que vous aidez travaille ? Elle a peut-être droit aussi à la prime d'activité. C'est une autre aide, pour les personnes qui travaillent."
        ),
        "prime_link": _("Les revenus et la prime d'activité"),
        "mds_self": _(
            "Parlez de votre situation avec une Maison des Solidarités (MDS). Une personne regarde vos droits avec vous."
        ),
        "mds_helper": _(
            "Une Maison des Solidarités (MDS) peut regarder les droits de la personne que vous aidez avec elle."
        ),
        "print": _("Imprimer le résultat"),
        "share": _("Partager le lien du résultat"),
        "share_note": _("Le lien montre le montant estimé et les démarches. Il ne montre pas les réponses."),
        "copied": _("Le lien est copié. Vous pouvez le coller dans un message."),
        "copy_this": _("Copiez ce lien :"),
        "review": _("Modifier les réponses"),
        "new_estimate": _("Faire une nouvelle estimation"),
        "hand_over": _("Donner le résultat à la personne"),
        "on_paper": _("Sur papier : imprimez cette page."),
        "on_phone": _(
            "Sur son téléphone : la personne scanne ce code QR avec l'appareil photo. Le code ouvre le montant et les démarches, sans les réponses."
        ),
        "qr_alt": _("Code QR qui ouvre ce résultat sur un téléphone"),
        "or_link": _("Ou ouvrez ce lien sur le téléphone :"),
        "erase_reminder": _("À la fin, appuyez sur « Terminer et tout effacer »."),
        "shared_title": _("Résultat d'une estimation du RSA"),
        "shared_eligible": _("D'après l'estimation, le droit au RSA est possible."),
        "shared_not_eligible": _("D'après l'estimation, il n'y a pas de droit au RSA pour l'instant."),
        "shared_note": _("Cette page montre seulement le résultat. Les réponses ne sont pas dans le lien."),
        "own_estimate": _("Faire votre propre estimation"),
        "bad_link_title": _("Ce lien ne marche pas"),
        "bad_link": _(
            "Ce lien de résultat est incomplet ou abîmé. Nous ne pouvons pas afficher de résultat."
        ),
        "incomplete_title": _("Il manque des réponses"),
        "incomplete": _("Répondez à toutes les questions pour voir le résultat."),
        "resume": _("Reprendre les questions"),
        "failed_title": _("Le calcul n'a pas pu se faire"),
        "failed": _("Vérifiez vos réponses, puis recommencez le calcul."),
    }
