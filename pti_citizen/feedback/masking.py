"""Masking what still looks like personal data in a comment, before it is stored.

The form asks people not to write their name, CAF number or address; some will anyway, often on a
shared terminal. Whatever we can recognise is replaced by a visible marker, so that the team reading
the comments sees that something was removed and never sees the value itself.

Masking errs on the side of privacy: any run of 6 digits or more (spaces, dots, dashes or slashes
between them allowed) is masked, whatever it is — a phone number, a CAF or social security number,
a date of birth. Amounts of money and short numbers (« 3949 », « 15 jours ») stay readable.
"""

from __future__ import annotations

import re
import unicodedata

#: Markers in French: only the team (French-speaking) reads stored comments.
EMAIL_MARK = "[courriel masqué]"
IBAN_MARK = "[IBAN masqué]"
NIR_MARK = "[numéro de sécurité sociale masqué]"
PHONE_MARK = "[téléphone masqué]"
NUMBER_MARK = "[numéro masqué]"
ADDRESS_MARK = "[adresse masquée]"
MARKS = (EMAIL_MARK, IBAN_MARK, NIR_MARK, PHONE_MARK, NUMBER_MARK, ADDRESS_MARK)

#: What people put between groups of digits: spaces, dots, commas, dashes of every kind, slashes,
#: underscores, pipes, middle dots, line breaks (« 06,12,34 », « 06 – 12 », « 06|12 », « 06⏎12 »).
_SEP_CHARS = r" \t\n.,;\-/_|·•‐‑‒–—―−"
_SEP = rf"[{_SEP_CHARS}]{{0,3}}"

# « jean.dupont@mail.fr », also spelled out to dodge filters: « jean point dupont at gmail point com »,
# « (at) », « arobase », an ideographic full stop (« gmail。com »).
_DOT = r"(?:\s*(?:[.。︒﹒]|\((?:dot|point)\)|\[(?:dot|point)\])\s*|\s+(?:dot|point)\s+)"
_AT = r"(?:\s*(?:@|\((?:at|arobase)\)|\[(?:at|arobase)\])\s*|\s+(?:at|arobase)\s+)"
# The part before the « @ » may start or end with dots, or be only dots (« jean.@mail.fr » typed in
# haste, « .@0.0 »): masked too, rather than left looking like an address.
_EMAIL = re.compile(
    rf"(?:\.*[\w+\-]+(?:{_DOT}[\w+\-]+)*\.*|\.+){_AT}[\w\-]+(?:{_DOT}[\w\-]+)+", re.IGNORECASE
)
# IBAN: 2 letters, 2 check digits, then up to 30 letters or digits, usually in groups of 4.
_IBAN = re.compile(
    rf"\b[A-Z]{{2}}{_SEP}\d{{2}}(?:{_SEP}[A-Z0-9]{{4}}){{2,7}}(?:{_SEP}[A-Z0-9]{{1,3}})?\b", re.IGNORECASE
)
# French social security number (NIR): sex, year, month, département (2A/2B for Corsica), commune,
# order, then the 2-digit key; written in one block or in groups.
_NIR = re.compile(
    rf"(?<!\d)[1-478]{_SEP}\d{{2}}{_SEP}\d{{2}}{_SEP}(?:\d{{2}}|2[AB]){_SEP}\d{{3}}{_SEP}\d{{3}}(?:{_SEP}\d{{2}})?(?!\d)",
    re.IGNORECASE,
)
# Phone numbers: French (0X XX XX XX XX, +33 / 0033, optional (0)), or any international +NN number.
_PHONE = re.compile(
    rf"(?:(?:\+|00)\s?\d{{1,3}}{_SEP}(?:\(0\){_SEP})?|(?<!\d)0)\d(?:{_SEP}\d){{7,12}}(?!\d)",
)
# The CAF/MSA « numéro d'allocataire » (usually 7 digits) or any number given as « mon numéro … ».
_LABELLED_NUMBER = re.compile(
    r"\b(?:n°|no\.?|num(?:é|e)ro|matricule|identifiant|allocataire|dossier|caf|msa)"
    r"(?:\s+(?:d['’]\s?)?(?:allocataire|caf|msa|dossier|s[ée]cu(?:rit[ée] sociale)?))*\s*[:#]?\s*"
    rf"(\d(?:{_SEP}\d){{3,}})",
    re.IGNORECASE,
)
# Anything else with 6 digits or more — but not an amount of money (« 1 234,56 € »).
_LONG_NUMBER = re.compile(rf"(?<!\d)\d(?:{_SEP}\d){{5,}}(?!\d)(?!\s?(?:€|euros?\b|eur\b))", re.IGNORECASE)
# A street address: a house number followed by a street word.
_ADDRESS = re.compile(
    r"(?<!\w)\d{1,4}\s?(?:bis|ter|[a-d](?=\s))?\s*,?\s*"
    r"(?:rue|avenue|av\.?|bd|boulevard|chemin|ch\.|impasse|all[ée]e|place|pl\.|route|rte|cours|quai|square|"
    r"lotissement|lot\.|r[ée]sidence|r[ée]s\.|cit[ée]|passage|voie|hameau|lieu[- ]dit|faubourg|fbg|esplanade)"
    r"\b[^\n,.;:!?()]{0,40}",
    re.IGNORECASE,
)
# Invisible characters (zero-width spaces, direction marks) can split a number to dodge the rules.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[^\S\n]+")


def normalize_text(text: str) -> str:
    """NFKC (full-width digits and letters become plain ones); no invisible, format or control
    characters (bidi overrides and isolates included); Unicode line and paragraph separators
    become line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = _CONTROL.sub(" ", text)
    return _MANY_NEWLINES.sub("\n\n", text).strip()


def _without_marks_between_symbols(text: str) -> str:
    """Combining marks that follow no letter (« 0̸6̸ 1̸2̸ ») only hide digits: dropped. Marks on letters
    (accents, Arabic vowels) stay."""
    kept: list[str] = []
    for ch in text:
        if unicodedata.category(ch) in ("Mn", "Me") and not (kept and kept[-1].isalpha()):
            continue
        kept.append(ch)
    return "".join(kept)


def _ascii_digits(text: str) -> str:
    """Arabic-Indic and other decimal digits become 0-9, so that one set of rules catches them all."""
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch for ch in text)


def mask_personal_data(text: str, *, addresses: bool = True) -> str:
    """The comment with every e-mail, IBAN, social security, phone, labelled or long number and street
    address replaced by a French marker such as « [téléphone masqué] ». ``addresses=False`` keeps
    street addresses (a Kiosque Insertion's public address)."""
    text = _ascii_digits(_without_marks_between_symbols(normalize_text(text)))
    text = _SPACES.sub(" ", text).strip()
    text = _EMAIL.sub(EMAIL_MARK, text)
    text = _IBAN.sub(lambda m: IBAN_MARK if sum(c.isdigit() for c in m.group()) >= 8 else m.group(), text)
    text = _NIR.sub(NIR_MARK, text)
    text = _PHONE.sub(PHONE_MARK, text)
    text = _LABELLED_NUMBER.sub(lambda m: m.group()[: m.start(1) - m.start()] + NUMBER_MARK, text)
    text = _LONG_NUMBER.sub(NUMBER_MARK, text)
    return _ADDRESS.sub(ADDRESS_MARK, text) if addresses else text
