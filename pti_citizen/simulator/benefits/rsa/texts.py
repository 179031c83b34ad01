"""The RSA's sentences: one per step and variant, « vous » and helper forms (FALC, fr source)."""

from __future__ import annotations

from pti_citizen.i18n import N_

from ...explanation import Nn_
from ...explanation import both as _both

TEXTS: dict[tuple[str, str], object] = {
    ("label", ""): N_("RSA (revenu de solidarité active)"),
    ("estimate_month", ""): N_("Calcul pour {month}."),
    # Base amount (art. R262-1 CASF).
    ("base_amount", "single"): Nn_(
        "Pour une personne seule avec {n} enfant, le montant de base est {amount}.",
        "Pour une personne seule avec {n} enfants, le montant de base est {amount}.",
    ),
    ("base_amount", "single_no_child"): N_("Pour une personne seule, le montant de base est {amount}."),
    ("base_amount", "couple"): Nn_(
        "Pour un couple avec {n} enfant, le montant de base est {amount}.",
        "Pour un couple avec {n} enfants, le montant de base est {amount}.",
    ),
    ("base_amount", "couple_no_child"): N_("Pour un couple, le montant de base est {amount}."),
    ("base_amount", "persons"): Nn_(
        "Le montant de base compte {n} personne : il est de {amount}.",
        "Le montant de base compte {n} personnes : il est de {amount}.",
    ),
    ("amounts_in_force", ""): N_("Ce montant est en vigueur depuis le {since}."),
    # A spouse who does not meet the residence conditions (art. L262-5 CASF).
    ("adult_not_counted", "partner_residence_permit"): _both(
        N_(
            "Votre conjoint a un titre de séjour depuis moins de {years} ans. "
            "Il ne compte pas dans le montant de base. Ses revenus comptent quand même."
        ),
        N_(
            "Le conjoint de la personne que vous aidez a un titre de séjour depuis moins de {years} ans. "
            "Il ne compte pas dans le montant de base. Ses revenus comptent quand même."
        ),
    ),
    ("adult_not_counted", "partner_eu_residence"): _both(
        N_(
            "Votre conjoint vit en France depuis moins de {months} mois et ne travaille pas. "
            "Il ne compte pas dans le montant de base. Ses revenus comptent quand même."
        ),
        N_(
            "Le conjoint de la personne que vous aidez vit en France depuis moins de {months} mois "
            "et ne travaille pas. Il ne compte pas dans le montant de base. Ses revenus comptent quand même."
        ),
    ),
    ("adult_not_counted", "applicant_residence_permit"): _both(
        N_(
            "Vous avez un titre de séjour depuis moins de {years} ans. Votre conjoint fait donc la demande. "
            "Vous ne comptez pas dans le montant de base, mais vos revenus comptent."
        ),
        N_(
            "La personne que vous aidez a un titre de séjour depuis moins de {years} ans. "
            "Son conjoint fait donc la demande. Elle ne compte pas dans le montant de base, "
            "mais ses revenus comptent."
        ),
    ),
    ("adult_not_counted", "applicant_eu_residence"): _both(
        N_(
            "Vous vivez en France depuis moins de {months} mois et vous ne travaillez pas. "
            "Votre conjoint fait donc la demande. "
            "Vous ne comptez pas dans le montant de base, mais vos revenus comptent."
        ),
        N_(
            "La personne que vous aidez vit en France depuis moins de {months} mois et ne travaille pas. "
            "Son conjoint fait donc la demande. Elle ne compte pas dans le montant de base, "
            "mais ses revenus comptent."
        ),
    ),
    # Majoration pour isolement (art. L262-9, R262-1, R262-2 CASF).
    ("single_parent_increase", "young_child"): _both(
        N_(
            "Vous vivez sans conjoint avec un enfant de moins de {age} ans. "
            "Le montant de base monte à {amount}."
        ),
        N_(
            "La personne que vous aidez vit sans conjoint avec un enfant de moins de {age} ans. "
            "Le montant de base monte à {amount}."
        ),
    ),
    ("single_parent_increase", "pregnant"): _both(
        N_("Vous êtes enceinte et vous vivez sans conjoint. Le montant de base monte à {amount}."),
        N_(
            "La personne que vous aidez est enceinte et vit sans conjoint. "
            "Le montant de base monte à {amount}."
        ),
    ),
    ("single_parent_increase", "recent_separation"): _both(
        N_(
            "Vous vivez sans conjoint depuis moins de {window} mois, avec vos enfants. "
            "Le montant de base monte à {amount}."
        ),
        N_(
            "La personne que vous aidez vit sans conjoint depuis moins de {window} mois, avec ses enfants. "
            "Le montant de base monte à {amount}."
        ),
    ),
    ("single_parent_increase_duration", "young_child"): N_(
        "Cette hausse dure {months} mois. Elle continue ensuite jusqu'aux {age} ans du plus jeune enfant."
    ),
    ("single_parent_increase_duration", "pregnant"): N_(
        "Cette hausse continue après la naissance, jusqu'aux {age} ans de l'enfant."
    ),
    ("single_parent_increase_duration", "recent_separation"): N_(
        "Cette hausse dure {months} mois au plus. "
        "Pour avoir les {months} mois, il faut la demander dans les {delay} mois après la séparation."
    ),
    # Forfait logement (art. R262-9, R262-10 CASF).
    ("housing_flat_rate", "benefit"): _both(
        N_("Vous touchez une aide au logement : on retire {amount}."),
        N_("La personne que vous aidez touche une aide au logement : on retire {amount}."),
    ),
    ("housing_flat_rate", "benefit_below_flat_rate"): _both(
        N_(
            "Vous touchez une aide au logement de {amount} : on retire ce montant. "
            "Il est plus petit que le forfait logement ({flat_rate})."
        ),
        N_(
            "La personne que vous aidez touche une aide au logement de {amount} : on retire ce montant. "
            "Il est plus petit que le forfait logement ({flat_rate})."
        ),
    ),
    ("housing_flat_rate", "owner"): _both(
        N_("Vous êtes propriétaire de votre logement, sans crédit à payer : on retire {amount}."),
        N_(
            "La personne que vous aidez est propriétaire de son logement, sans crédit à payer : "
            "on retire {amount}."
        ),
    ),
    ("housing_flat_rate", "housed_free"): _both(
        N_("Quelqu'un vous loge gratuitement : on retire {amount}."),
        N_("Quelqu'un loge gratuitement la personne que vous aidez : on retire {amount}."),
    ),
    ("housing_flat_rate_explained", ""): N_(
        "Le RSA retire une somme fixe quand le logement est aidé ou gratuit. C'est le « forfait logement »."
    ),
    ("no_housing_flat_rate", "none"): _both(
        N_("Vous ne touchez pas d'aide au logement : on ne retire rien pour le logement."),
        N_(
            "La personne que vous aidez ne touche pas d'aide au logement : "
            "on ne retire rien pour le logement."
        ),
    ),
    ("no_housing_flat_rate", "loan"): _both(
        N_("Vous payez un crédit pour votre logement : on ne retire rien pour le logement."),
        N_(
            "La personne que vous aidez paie un crédit pour son logement : "
            "on ne retire rien pour le logement."
        ),
    ),
    # Resources (art. L262-3, R262-6 CASF).
    ("earned_income", ""): N_("Les revenus du travail du foyer comptent : on retire {amount}."),
    ("other_income", ""): N_(
        "Les autres revenus du foyer comptent (chômage, pension, pension alimentaire…) : on retire {amount}."
    ),
    ("family_benefits", ""): N_("Les prestations familiales comptent aussi : on retire {amount}."),
    ("no_resources", ""): N_("Le foyer n'a pas d'autre revenu : on ne retire rien de plus."),
    ("resources_average", ""): N_("Les revenus comptent en moyenne sur 3 mois : {m4}, {m3} et {m2}."),
    ("child_support", ""): N_(
        "Les pensions alimentaires reçues pour les enfants comptent : on retire {amount}."
    ),
    # Art. R262-13 CASF: earned income stopped for good, with nothing replacing it.
    ("earned_income_neutralised", ""): N_(
        "Des revenus du travail se sont arrêtés pour de bon, sans autre revenu à la place. "
        "Ils ne comptent pas ({amount})."
    ),
    # Family benefits estimated by the engine: only what the RSA counts (art. R262-10-1, R262-11).
    ("family_benefit", "allocations_familiales"): N_(
        "Les allocations familiales comptent, sans la hausse pour l'âge : on retire {amount}."
    ),
    ("family_benefit", "complement_familial"): N_(
        "Le complément familial compte, sans sa part majorée : on retire {amount}."
    ),
    ("family_benefit", "paje_base"): N_("L'allocation de base de la PAJE compte : on retire {amount}."),
    ("family_benefit", "asf"): N_(
        "L'ASF compte pour un montant fixe, et non pour le montant versé : on retire {amount}."
    ),
    # Result.
    ("result", ""): _both(
        N_("Vous pouvez toucher environ {amount} par mois."),
        N_("La personne que vous aidez peut toucher environ {amount} par mois."),
    ),
    ("resources_too_high", ""): N_(
        "Les revenus du foyer et le forfait logement dépassent le montant de base de {excess}. "
        "Il ne reste rien à verser."
    ),
    ("resources_too_high", "equal"): N_(
        "Les revenus du foyer et le forfait logement atteignent le montant de base. "
        "Il ne reste rien à verser."
    ),
    ("below_minimum", ""): N_("Le calcul donne {computed}. En dessous de {minimum}, le RSA n'est pas versé."),
    ("not_eligible", ""): _both(
        N_("Pour l'instant, vous ne pouvez pas toucher le RSA."),
        N_("Pour l'instant, la personne que vous aidez ne peut pas toucher le RSA."),
    ),
    ("estimate_only", ""): N_(
        "C'est une estimation. La CAF ou la MSA étudie la demande et calcule le montant. "
        "Le Président du Conseil départemental accorde le RSA."
    ),
    # Conditions (art. L262-4, L262-6, L262-7-1 CASF).
    ("age", "applicant_young"): _both(
        N_(
            "Vous avez moins de {age} ans, sans enfant ni grossesse. "
            "Avant {age} ans, il faut avoir travaillé {hours} heures sur les 3 dernières années."
        ),
        N_(
            "La personne que vous aidez a moins de {age} ans, sans enfant ni grossesse. "
            "Avant {age} ans, il faut avoir travaillé {hours} heures sur les 3 dernières années."
        ),
    ),
    ("age", "applicant_minor"): _both(
        N_("Vous avez moins de {adult_age} ans, sans enfant ni grossesse. Le RSA n'est pas possible."),
        N_(
            "La personne que vous aidez a moins de {adult_age} ans, sans enfant ni grossesse. "
            "Le RSA n'est pas possible."
        ),
    ),
    ("partner_age", "partner_young"): _both(
        N_(
            "Votre conjoint a moins de {age} ans. "
            "Avant {age} ans, il faut avoir travaillé {hours} heures sur les 3 dernières années."
        ),
        N_(
            "Le conjoint de la personne que vous aidez a moins de {age} ans. "
            "Avant {age} ans, il faut avoir travaillé {hours} heures sur les 3 dernières années."
        ),
    ),
    ("partner_age", "partner_minor"): _both(
        N_("Votre conjoint a moins de {adult_age} ans."),
        N_("Le conjoint de la personne que vous aidez a moins de {adult_age} ans."),
    ),
    ("student", "applicant"): _both(
        N_(
            "Vous faites des études ou un stage non payé : le RSA n'est pas possible. "
            "Il reste possible pour un parent sans conjoint qui a droit à la hausse du montant."
        ),
        N_(
            "La personne que vous aidez fait des études ou un stage non payé : le RSA n'est pas possible. "
            "Il reste possible pour un parent sans conjoint qui a droit à la hausse du montant."
        ),
    ),
    ("partner_student", "partner"): _both(
        N_("Votre conjoint fait des études ou un stage non payé."),
        N_("Le conjoint de la personne que vous aidez fait des études ou un stage non payé."),
    ),
    ("residence_permit", "applicant"): _both(
        N_(
            "Vous avez un titre de séjour depuis moins de {years} ans. "
            "Le RSA demande {years} ans de titre de séjour qui permet de travailler. "
            "Ce délai ne s'applique pas aux réfugiés ni aux personnes avec une carte de résident."
        ),
        N_(
            "La personne que vous aidez a un titre de séjour depuis moins de {years} ans. "
            "Le RSA demande {years} ans de titre de séjour qui permet de travailler. "
            "Ce délai ne s'applique pas aux réfugiés ni aux personnes avec une carte de résident."
        ),
    ),
    ("partner_residence_permit", "partner"): _both(
        N_("Votre conjoint a un titre de séjour depuis moins de {years} ans."),
        N_("Le conjoint de la personne que vous aidez a un titre de séjour depuis moins de {years} ans."),
    ),
    ("eu_residence", "applicant"): _both(
        N_(
            "Vous vivez en France depuis moins de {months} mois. "
            "Pour un citoyen européen, il faut {months} mois en France, sauf avec un travail déclaré."
        ),
        N_(
            "La personne que vous aidez vit en France depuis moins de {months} mois. "
            "Pour un citoyen européen, il faut {months} mois en France, sauf avec un travail déclaré."
        ),
    ),
    ("partner_eu_residence", "partner"): _both(
        N_("Votre conjoint vit en France depuis moins de {months} mois et ne travaille pas."),
        N_(
            "Le conjoint de la personne que vous aidez vit en France depuis moins de {months} mois "
            "et ne travaille pas."
        ),
    ),
}
