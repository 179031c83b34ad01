"""Every sentence of the wizard and the result page, in one language (gettext domain ``ui_simulator``).

French is the source. A sentence that speaks to the reader exists twice: « vous » and « la personne
que vous aidez »; the page shows one or the other with the ``.for-self`` / ``.for-helper`` classes.
Numbers come from the parameters in force (``{age}``, ``{hours}``…), never typed here. The sentences
the engine writes (steps, reasons, notices, who decides) come from the engine, already translated.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pti_citizen.i18n import format_number, gettext_for
from pti_citizen.simulator import answers as a
from pti_citizen.simulator.benefits.rsa.parameters import RsaParameters
from pti_citizen.simulator.household import MAX_AGE, MAX_CHILD_AGE, MAX_CHILDREN, MIN_ADULT_AGE
from pti_citizen.ui.layout import kiosk_idle_minutes

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
    #: Label of the typed field (ages, amounts, more children).
    field: str = ""
    #: An amount's « nothing » button (answers 0).
    none: str = ""
    #: Another hint, for a case the page knows from the answers (see each question).
    other_hint: Words | None = None
    #: The residence question's words for a European citizen (years lived in France, not a permit).
    eu: QuestionText | None = None


def _say(self_text: str, helper: str, partner_self: str, partner_helper: str) -> tuple[Words, Words]:
    """The words of a question about the applicant, and of the same question about the partner."""
    return Words(self_text, helper), Words(partner_self, partner_helper)


def question_texts(lang: str, p: RsaParameters) -> dict[str, QuestionText]:
    """The words of every question of ``answers.QUESTIONS``, by its id."""
    _ = gettext_for(lang, DOMAIN)
    yes_no = {a.YES: _("Oui"), a.NO: _("Non")}
    years = format_number(p.duree_titre_sejour_hors_ue_annees, lang, 0)
    eu_months = format_number(p.duree_residence_ue_annees * 12, lang, 0)
    hours = format_number(p.rsa_jeune_heures, lang, 0)
    window = p.majoration_isolement_fenetre_mois
    amount_label = _("Montant par mois, en euros")
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
    permit_choices = {
        "less": _("Moins de {years} ans").format(years=years),
        "enough": _("{years} ans ou plus").format(years=years),
    }
    eu_choices = {
        "less": _("Moins de {months} mois").format(months=eu_months),
        "enough": _("{months} mois ou plus").format(months=eu_months),
    }
    permit_why = _(
        "Le RSA et la prime d'activité demandent en général {years} ans de titre de séjour qui permet de travailler."
    ).format(years=years)
    eu_why = _(
        "Un citoyen européen doit vivre en France depuis {months} mois pour le RSA, sauf avec un travail déclaré."
    ).format(months=eu_months)
    earned_hint = Words.same(
        _(
            "Salaire net ou revenus d'indépendant. Sur la fiche de paie, regardez le « montant net social ». "
            "Le salaire change d'un mois à l'autre ? Faites la moyenne de {months} : ce sont les mois que la CAF regarde."
        )
    )
    other_hint = Words.same(
        _(
            "Par exemple : allocation chômage, indemnités maladie, pension d'invalidité, retraite. "
            "Ne comptez pas les aides de la CAF : l'outil les calcule."
        )
    )
    other_hint_with_support = Words.same(
        _(
            "Par exemple : allocation chômage, indemnités maladie, pension d'invalidité, retraite, pension alimentaire reçue. "
            "Ne comptez pas les aides de la CAF : l'outil les calcule."
        )
    )
    stopped_choices = {"stopped": _("Oui, ce travail est fini"), "goes_on": _("Non, ce travail continue")}
    stopped_hint = Words.same(
        _(
            "Par exemple : une fin de contrat ou un licenciement. Et rien ne remplace ce salaire, comme une allocation chômage."
        )
    )
    stopped_why = _(
        "Quand un travail s'arrête pour de bon et que rien ne le remplace, le RSA ne compte plus ce salaire. La prime d'activité s'arrête."
    )

    texts: dict[str, QuestionText] = {
        "couple": QuestionText(
            title=Words(
                _("Vivez-vous seul ou en couple ?"),
                _("La personne que vous aidez vit-elle seule ou en couple ?"),
            ),
            hint=Words.same(_("En couple : marié, pacsé ou en union libre.")),
            choices={"single": _("Seul ou seule"), "couple": _("En couple")},
            why=_(
                "Les aides dépendent du nombre de personnes dans le foyer. Les revenus du conjoint comptent aussi."
            ),
        ),
        "children": QuestionText(
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
                **{str(n): str(n) for n in range(1, a.MOST_CHILDREN_AS_BUTTONS + 1)},
            },
            field=_("Plus de {n} enfants ? Écrivez le nombre :").format(n=a.MOST_CHILDREN_AS_BUTTONS),
            why=_(
                "Chaque enfant compte dans le montant du RSA et de la prime d'activité, et pour les prestations familiales."
            ),
        ),
        a.CHILDREN_AGES: QuestionText(
            title=Words.same(_("Quel âge ont les enfants ?")),
            hint=Words.same(_("Écrivez 0 pour un bébé de moins de 1 an.")),
            field=_("Âge de l'enfant {n}"),
            why=_(
                "Les prestations familiales dépendent de l'âge des enfants. Un parent seul avec un enfant de moins de {age} ans peut avoir un RSA plus élevé."
            ).format(age=p.majoration_isolement_age_enfant),
        ),
        "pregnant": QuestionText(
            title=Words(
                _("Une naissance est-elle attendue dans le foyer ?"),
                _("Une naissance est-elle attendue dans le foyer de la personne que vous aidez ?"),
            ),
            choices=yes_no,
            why=_(
                "Un enfant à naître compte pour l'âge du RSA. Une personne seule qui attend un enfant peut avoir un RSA plus élevé."
            ),
        ),
        "isolated_since_months": QuestionText(
            title=Words(
                _("Depuis quand vivez-vous sans conjoint ?"),
                _("Depuis quand la personne que vous aidez vit-elle sans conjoint ?"),
            ),
            hint=Words.same(_("Par exemple depuis une séparation, un divorce ou un décès.")),
            choices={
                "recent": _("Depuis moins de {months} mois").format(months=window),
                "long": _("Depuis {months} mois ou plus, ou depuis toujours").format(months=window),
            },
            why=_("Un parent seul peut avoir un RSA plus élevé pendant un temps après une séparation."),
        ),
        "housing.status": QuestionText(
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
                "Quand le logement est gratuit ou aidé, le RSA et la prime d'activité baissent un peu. C'est le « forfait logement »."
            ),
        ),
        "housing.housing_benefit": QuestionText(
            title=Words(
                _("Combien touchez-vous d'aide au logement par mois ?"),
                _("Combien la personne que vous aidez touche-t-elle d'aide au logement par mois ?"),
            ),
            hint=Words.same(
                _("APL, ALS ou ALF : l'aide au logement de la CAF (Caisse d'allocations familiales).")
            ),
            field=amount_label,
            none=_("Pas d'aide au logement"),
            why=_(
                "Avec une aide au logement, le RSA et la prime d'activité baissent un peu. La baisse a un plafond : c'est le « forfait logement »."
            ),
        ),
        "child_support_received": QuestionText(
            title=Words(
                _("Recevez-vous une pension alimentaire pour les enfants ?"),
                _("La personne que vous aidez reçoit-elle une pension alimentaire pour les enfants ?"),
            ),
            hint=Words.same(
                _(
                    "C'est l'argent que l'autre parent verse pour les enfants. Écrivez le montant reçu par mois."
                )
            ),
            field=_("Montant reçu par mois, en euros"),
            none=_("Non, pas de pension alimentaire"),
            why=_(
                "La pension alimentaire compte dans les revenus. Elle change aussi l'ASF (allocation de soutien familial)."
            ),
        ),
    }

    ages = _say(
        _("Quel âge avez-vous ?"),
        _("Quel âge a la personne que vous aidez ?"),
        _("Quel âge a votre conjoint ?"),
        _("Quel âge a le conjoint de la personne que vous aidez ?"),
    )
    age_why = _(
        "Avant {age} ans, le RSA est possible seulement dans certains cas. Par exemple avec un enfant, ou une naissance attendue."
    ).format(age=p.age_minimum)
    nationalities = _say(
        _("Quelle est votre nationalité ?"),
        _("Quelle est la nationalité de la personne que vous aidez ?"),
        _("Quelle est la nationalité de votre conjoint ?"),
        _("Quelle est la nationalité du conjoint de la personne que vous aidez ?"),
    )
    refugees = _say(
        _("Êtes-vous dans une de ces situations ?"),
        _("La personne que vous aidez est-elle dans une de ces situations ?"),
        _("Votre conjoint est-il dans une de ces situations ?"),
        _("Le conjoint de la personne que vous aidez est-il dans une de ces situations ?"),
    )
    permits = _say(
        _("Depuis combien de temps avez-vous un titre de séjour qui permet de travailler ?"),
        _(
            "Depuis combien de temps la personne que vous aidez a-t-elle un titre de séjour qui permet de travailler ?"
        ),
        _("Depuis combien de temps votre conjoint a-t-il un titre de séjour qui permet de travailler ?"),
        _(
            "Depuis combien de temps le conjoint de la personne que vous aidez a-t-il un titre de séjour qui permet de travailler ?"
        ),
    )
    residences = _say(
        _("Depuis combien de temps vivez-vous en France ?"),
        _("Depuis combien de temps la personne que vous aidez vit-elle en France ?"),
        _("Depuis combien de temps votre conjoint vit-il en France ?"),
        _("Depuis combien de temps le conjoint de la personne que vous aidez vit-il en France ?"),
    )
    students = _say(
        _("Faites-vous des études, ou un stage non payé ?"),
        _("La personne que vous aidez fait-elle des études, ou un stage non payé ?"),
        _("Votre conjoint fait-il des études, ou un stage non payé ?"),
        _("Le conjoint de la personne que vous aidez fait-il des études, ou un stage non payé ?"),
    )
    worked = _say(
        _("Avez-vous travaillé au moins {hours} heures pendant les 3 dernières années ?"),
        _(
            "La personne que vous aidez a-t-elle travaillé au moins {hours} heures pendant les 3 dernières années ?"
        ),
        _("Votre conjoint a-t-il travaillé au moins {hours} heures pendant les 3 dernières années ?"),
        _(
            "Le conjoint de la personne que vous aidez a-t-il travaillé au moins {hours} heures pendant les 3 dernières années ?"
        ),
    )
    earned = _say(
        _("Combien gagnez-vous par mois avec votre travail ?"),
        _("Combien la personne que vous aidez gagne-t-elle par mois avec son travail ?"),
        _("Combien gagne votre conjoint par mois avec son travail ?"),
        _("Combien le conjoint de la personne que vous aidez gagne-t-il par mois avec son travail ?"),
    )
    stopped = _say(
        _("Ce travail s'est-il arrêté pour de bon ?"),
        _("Ce travail de la personne que vous aidez s'est-il arrêté pour de bon ?"),
        _("Ce travail de votre conjoint s'est-il arrêté pour de bon ?"),
        _("Ce travail du conjoint de la personne que vous aidez s'est-il arrêté pour de bon ?"),
    )
    others = _say(
        _("Combien touchez-vous d'autres revenus par mois ?"),
        _("Combien la personne que vous aidez touche-t-elle d'autres revenus par mois ?"),
        _("Combien votre conjoint touche-t-il d'autres revenus par mois ?"),
        _("Combien le conjoint de la personne que vous aidez touche-t-il d'autres revenus par mois ?"),
    )
    for index, person in enumerate(("applicant", "partner")):
        texts[f"{person}.age"] = QuestionText(
            title=ages[index],
            field=_("Âge, en années") if index == 0 else _("Âge du conjoint, en années"),
            why=age_why
            if index == 0
            else _("Il suffit qu'une personne du couple remplisse les conditions d'âge du RSA."),
        )
        texts[f"{person}.nationality"] = QuestionText(
            title=nationalities[index],
            choices=nationality_choices,
            why=_(
                "Pour les personnes étrangères, le RSA et la prime d'activité demandent d'habiter en France depuis un certain temps."
            ),
        )
        texts[f"{person}.refugee"] = QuestionText(
            title=refugees[index],
            hint=situations,
            choices=yes_no,
            why=_("Dans ces situations, le RSA ne demande pas {years} ans de titre de séjour.").format(
                years=years
            ),
        )
        texts[f"{person}.residence_permit_years"] = QuestionText(
            title=permits[index],
            choices=permit_choices,
            why=permit_why,
            eu=QuestionText(title=residences[index], choices=eu_choices, why=eu_why),
        )
        texts[f"{person}.student"] = QuestionText(
            title=students[index],
            choices=yes_no,
            why=_(
                "Le RSA n'est en général pas possible pendant les études. La prime d'activité demande alors un salaire assez élevé."
            ),
        )
        texts[f"{person}.worked_hours_last_3_years"] = QuestionText(
            title=Words(worked[index].self.format(hours=hours), worked[index].helper.format(hours=hours)),
            hint=hours_hint,
            choices=hours_choices,
            why=hours_why,
        )
        texts[f"{person}.earned_income"] = QuestionText(
            title=earned[index],
            hint=earned_hint,
            field=amount_label,
            none=_("Pas de travail"),
            why=_(
                "Le RSA complète les revenus. La prime d'activité aide les personnes qui travaillent et gagnent peu."
            ),
        )
        texts[f"{person}.earned_income_stopped"] = QuestionText(
            title=stopped[index], hint=stopped_hint, choices=stopped_choices, why=stopped_why
        )
        texts[f"{person}.other_income"] = QuestionText(
            title=others[index],
            hint=other_hint,
            other_hint=other_hint_with_support,
            field=amount_label,
            none=_("Pas d'autre revenu"),
            why=_("Ces revenus comptent aussi. Ils font baisser le RSA et la prime d'activité."),
        )
    return texts


def section_names(lang: str) -> dict[str, str]:
    """The four parts of the wizard (« Étape 2 sur 4 : … »)."""
    _ = gettext_for(lang, DOMAIN)
    return {
        "household": _("Le foyer"),
        "situation": _("Le séjour et les études"),
        "housing": _("Le logement"),
        "income": _("Les revenus"),
    }


def error_texts(lang: str) -> dict[str, str]:
    """Field messages, by the error codes of ``answers``."""
    _ = gettext_for(lang, DOMAIN)
    return {
        a.REQUIRED: _("Écrivez une réponse pour continuer."),
        a.WHOLE_NUMBER: _("Écrivez un nombre entier, sans virgule. Par exemple : 34."),
        a.AGE_RANGE: _("L'âge doit être entre {min} et {max} ans.").format(min=MIN_ADULT_AGE, max=MAX_AGE),
        a.COUNT_RANGE: _("Écrivez un nombre entre {min} et {max}.").format(
            min=a.MOST_CHILDREN_AS_BUTTONS + 1, max=MAX_CHILDREN
        ),
        a.CHILD_AGE_RANGE: _(
            "Écrivez un âge entre 0 et {max} ans. Un enfant compte s'il a moins de {limit} ans."
        ).format(max=MAX_CHILD_AGE, limit=MAX_CHILD_AGE + 1),
        a.TOO_LONG: _("Cette réponse est trop longue. Écrivez seulement un nombre."),
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
        # The wizard.
        "title": _("Est-ce que j'ai droit au RSA et à d'autres aides ?"),
        "description": _(
            "Répondez à quelques questions. Voyez une estimation du RSA, de la prime d'activité et des prestations familiales, avec le détail du calcul."
        ),
        "intro_self": _(
            "Répondez à quelques questions. Vous voyez ensuite une estimation du RSA, de la prime d'activité et des prestations familiales."
        ),
        "intro_helper": _(
            "Répondez pour la personne que vous aidez. Vous voyez ensuite une estimation de ses aides : RSA, prime d'activité et prestations familiales."
        ),
        "privacy": _(
            "Vos réponses servent seulement à ce calcul. Nous ne les gardons pas. Sur cet appareil, elles s'effacent quand vous fermez l'onglet."
        ),
        "privacy_kiosk": _(
            "Sur ce poste partagé, les réponses restent sur l'appareil jusqu'à la fin. "
            "À la fin, appuyez sur « Terminer et tout effacer » : les réponses et le résultat s'effacent de cet appareil et du serveur. "
            "Sans personne devant l'écran pendant {minutes} minutes, tout s'efface aussi."
        ).format(minutes=kiosk_idle_minutes()),
        "link_malformed": _(
            "Ce lien ne marche pas. Il est peut-être coupé. Les réponses ne sont pas reprises : répondez aux questions."
        ),
        "link_version": _(
            "Ce lien vient d'une ancienne version du simulateur. Les réponses ne sont pas reprises : répondez aux questions."
        ),
        "progress": _("Étape {n} sur {total} : {section}"),
        "months_list": _("{m4}, {m3} et {m2}"),
        "why": _("Pourquoi cette question ?"),
        "back": _("Question précédente"),
        "continue": _("Continuer"),
        "count_submit": _("Valider ce nombre"),
        "restart": _("Tout recommencer"),
        "error_prefix": _("Erreur :"),
        "offline": _(
            "Pas de connexion à Internet. Vos réponses sont gardées sur cet appareil. Vous pouvez continuer quand la connexion revient."
        ),
        "offline_button": _("En attente de la connexion"),
        # The result page.
        "result_title": _("Résultat de l'estimation"),
        "waiting": _("Le calcul se fait. Il faut une connexion à Internet."),
        "own_title_self": _("Votre résultat"),
        "own_title_helper": _("Le résultat de la personne que vous aidez"),
        "total_self": _("Ce que vous pourriez recevoir chaque mois :"),
        "total_helper": _("Ce que la personne que vous aidez pourrait recevoir chaque mois :"),
        "nothing_self": _("D'après vos réponses, vous n'avez droit à aucune de ces aides pour l'instant."),
        "nothing_helper": _(
            "D'après vos réponses, la personne que vous aidez n'a droit à aucune de ces aides pour l'instant."
        ),
        "for_month": _("Estimation pour {month}."),
        "estimate_only": _(
            "C'est une estimation, pas une décision. La CAF ou la MSA étudie chaque demande et calcule le montant. "
            "Le Président du Conseil départemental accorde le RSA."
        ),
        "outdated": _(
            "Attention : les montants des aides changent chaque année. Les montants utilisés ici ne sont peut-être plus à jour."
        ),
        "per_month": _("par mois"),
        "due_title": _("Les aides, une par une"),
        "detail": _("Le détail du calcul"),
        "not_due_title": _("Les aides qui ne sont pas possibles pour l'instant"),
        "not_due": _("Pas pour l'instant."),
        "why_not": _("Pourquoi ?"),
        "assumptions": _("Ce que l'estimation suppose"),
        "family_given": _(
            "Vous avez donné le montant des prestations familiales. L'outil ne les calcule pas."
        ),
        "family_known": _("Je connais le montant que me verse la CAF"),
        "family_known_hint": _(
            "Écrivez le total par mois des prestations familiales : allocations familiales, complément familial, PAJE et ASF. "
            "Conseil : laissez plutôt l'outil les calculer. Le RSA ne compte pas toujours tout le montant versé."
        ),
        "family_known_field": _("Prestations familiales versées par mois, en euros"),
        "family_known_submit": _("Refaire le calcul avec ce montant"),
        "family_estimate_again": _("Laisser l'outil calculer les prestations familiales"),
        # What to do next.
        "next": _("Et maintenant ?"),
        "how_to_ask": _("Comment la demander"),
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
        "c2s": _(
            "Avec le RSA, la complémentaire santé solidaire (C2S) est gratuite. Elle aide à payer les soins."
        ),
        "c2s_link": _("Comment avoir la C2S"),
        "apply_prime_self": _(
            "Demandez la prime d'activité sur caf.fr. Vous travaillez dans l'agriculture ? Demandez-la sur msa.fr."
        ),
        "apply_prime_helper": _(
            "La personne demande la prime d'activité sur caf.fr. Elle travaille dans l'agriculture ? Elle la demande sur msa.fr."
        ),
        "prime_link": _("La prime d'activité, expliquée"),
        "apply_family_self": _(
            "Les prestations familiales se demandent à la CAF, sur caf.fr. Pour l'agriculture, à la MSA, sur msa.fr."
        ),
        "apply_family_helper": _(
            "La personne demande les prestations familiales à la CAF, sur caf.fr. Pour l'agriculture, à la MSA, sur msa.fr."
        ),
        "family_link": _("Les prestations familiales et le RSA"),
        "aripa": _(
            "L'autre parent ne paie pas la pension alimentaire ? L'Aripa, un service de la CAF et de la MSA, peut aider à la récupérer."
        ),
        "aripa_link": _("Aller sur pension-alimentaire.caf.fr"),
        "mds_self": _(
            "Parlez de votre situation avec une Maison des Solidarités (MDS). Une personne regarde vos droits avec vous."
        ),
        "mds_helper": _(
            "Une Maison des Solidarités (MDS) peut regarder les droits de la personne que vous aidez avec elle."
        ),
        "locator_link": _("Trouver une Maison des Solidarités"),
        # Who to call, where to go.
        "contact_title": _("Qui appeler, où aller"),
        "caf_phone": _(
            "La CAF (Caisse d'allocations familiales) répond au 3230. Le service est gratuit, mais l'appel peut coûter le prix d'un appel normal."
        ),
        "caf_phone_link": _("Appeler la CAF au 3230"),
        "mds_search_intro": _(
            "Une Maison des Solidarités (MDS) aide à faire les demandes. Écrivez la commune pour trouver la plus proche."
        ),
        "mds_search_field": _("Commune ou code postal"),
        "mds_search_submit": _("Trouver la MDS"),
        "mds_nearest": _("La plus proche de {town} :"),
        "mds_call": _("Appeler"),
        "mds_today": _("Aujourd'hui : {hours}."),
        "mds_span": _("de {start} à {end}"),
        "mds_closed_today": _("Fermé aujourd'hui."),
        # The printed recap: the week's hours, day by day, and the next Kiosque Insertion.
        "mds_day": _("{weekday} {date} : {hours}"),
        "mds_closed_day": _("{weekday} {date} : fermé"),
        "mds_kiosque": _("Prochain Kiosque Insertion : {date}, {time}."),
        "recap_title": _("Récapitulatif à garder"),
        "recap_made_on": _("Estimation faite le {date} sur {site}."),
        "recap_again": _("Pour revoir ce résultat sur un téléphone, tapez cette adresse :"),
        "recap_estimate": _("C'est une estimation, pas une décision."),
        "recap_who_decides": _(
            "La CAF ou la MSA étudie les demandes. Le Président du Conseil départemental accorde le RSA."
        ),
        "recap_total": _("Total par mois : {amount}"),
        "recap_nothing": _("Pour l'instant, l'estimation ne trouve aucune aide possible."),
        "recap_due": _("Les aides possibles"),
        "recap_papers": _("Les papiers à préparer pour la demande"),
        "recap_next": _("Ce qu'il faut faire"),
        "recap_mds": _("Votre Maison des Solidarités (MDS)"),
        "recap_hours": _("Horaires des 7 prochains jours :"),
        "recap_phone": _("Téléphone :"),
        "recap_no_mds": _("Pour trouver votre Maison des Solidarités (MDS) : {site}"),
        "mds_more": _("Voir toutes les MDS et les horaires"),
        # « Et si je travaille ? »
        "work_title": _("Et si je travaille ?"),
        "work_intro_self": _(
            "Essayez un travail : vous voyez vos revenus et vos aides aujourd'hui, et avec ce travail."
        ),
        "work_intro_helper": _(
            "Essayez un travail : vous voyez les revenus et les aides de la personne aujourd'hui, et avec ce travail."
        ),
        "work_how": _("Ce que vous savez du travail"),
        "work_by_hours": _("Les heures et le salaire par heure"),
        "work_by_month": _("Le salaire par mois"),
        "work_hours": _("Heures par semaine"),
        "work_wage": _("Salaire net par heure, en euros"),
        "work_pay": _("Salaire net par mois, en euros"),
        "work_who": _("Qui aurait ce travail ?"),
        "work_who_applicant_self": _("Vous"),
        "work_who_applicant_helper": _("La personne que vous aidez"),
        "work_who_partner": _("Le conjoint"),
        "work_fill": _("Écrivez les chiffres du travail : le calcul se fait tout de suite."),
        "work_table": _("Chaque mois, aujourd'hui et avec ce travail"),
        "work_now": _("Aujourd'hui"),
        "work_with_job": _("Avec ce travail"),
        "work_earnings": _("Salaire"),
        "work_rsa": _("RSA"),
        "work_prime": _("Prime d'activité"),
        "work_family": _("Prestations familiales"),
        "work_total": _("Total"),
        # Hand over and share.
        "print": _("Imprimer le résultat"),
        "share": _("Partager le lien du résultat"),
        "share_note": _(
            "Le lien montre les montants estimés et les démarches. Il ne montre pas les réponses."
        ),
        "copied": _("Le lien est copié. Vous pouvez le coller dans un message."),
        "copy_this": _("Copiez ce lien :"),
        "review": _("Modifier les réponses"),
        "new_estimate": _("Faire une nouvelle estimation"),
        "hand_over": _("Donner le résultat à la personne"),
        "on_paper": _("Sur papier : imprimez cette page."),
        "on_phone": _(
            "Sur son téléphone : la personne scanne ce code QR avec l'appareil photo. Le code ouvre les montants et les démarches, sans les réponses."
        ),
        "qr_alt": _("Code QR qui ouvre ce résultat sur un téléphone"),
        "or_link": _("Ou ouvrez ce lien sur le téléphone :"),
        "type_address": _("Ou tapez cette adresse courte dans le navigateur du téléphone :"),
        "erase_reminder": _("À la fin, appuyez sur « Terminer et tout effacer »."),
        # « Continuer sur mon téléphone »: the answers in a link (every mode, on request).
        "phone_title": _("Continuer sur mon téléphone"),
        "phone_intro": _(
            "Ce code QR ouvre la simulation sur un téléphone, avec les réponses données ici. Sur le téléphone, vous pouvez changer une réponse."
        ),
        "phone_warning": _(
            "Attention : toute personne qui scanne ce code voit les réponses. Montrez-le seulement au téléphone de la personne."
        ),
        "phone_show": _("Afficher le code QR des réponses"),
        "phone_hide": _("Cacher le code QR"),
        "phone_qr_label": _("Code QR qui ouvre la simulation avec les réponses"),
        "phone_or_link": _("Ou ouvrez ce lien sur le téléphone :"),
        "phone_link_text": _("la simulation avec les réponses"),
        "reminders_link": _("Un rappel dans l'agenda du téléphone pour chaque déclaration trimestrielle"),
        # A shared link.
        "shared_title": _("Résultat d'une estimation"),
        "shared_total": _("Ce que la personne pourrait recevoir chaque mois :"),
        "shared_nothing": _("D'après l'estimation, aucune de ces aides n'est possible pour l'instant."),
        "shared_not_due": _("Pas possibles d'après l'estimation :"),
        "shared_note": _("Cette page montre seulement le résultat. Les réponses ne sont pas dans le lien."),
        "shared_legacy": _(
            "Ce lien vient d'une ancienne version de l'outil. Il montre seulement le RSA. Faites une nouvelle estimation pour voir toutes les aides."
        ),
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
