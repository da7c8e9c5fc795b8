"""Finnish personal identity code (henkilötunnus, HETU) parsing and validation.

Format: ``DDMMYYCZZZQ``

* ``DDMMYY`` -- date of birth,
* ``C`` -- century sign,
* ``ZZZ`` -- individual number (002-899 for real people; 900-999 are treated here as
  test/synthetic codes),
* ``Q`` -- check character: the nine-digit number ``DDMMYYZZZ`` modulo 31, used as an index
  into ``"0123456789ABCDEFHJKLMNPRSTUVWXY"``.

Century signs, including the ones added on 1 January 2023 (Valtioneuvoston asetus 128/2010,
as amended):

* 1800s: ``+``
* 1900s: ``-``, ``Y``, ``X``, ``W``, ``V``, ``U``
* 2000s: ``A``, ``B``, ``C``, ``D``, ``E``, ``F``

Codes that differ only by a century sign of the same century denote the same birth date and
individual number; :func:`canonical` maps them to one comparable form (``-`` / ``A``).

This module is pure standard library and does not import Django, so it can be used from
models, forms, management commands and tests alike.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

__all__ = [
    "CENTURY_SIGNS",
    "CHECK_CHARACTERS",
    "IdentityCode",
    "InvalidIdentityCode",
    "InvalidReason",
    "canonical",
    "checksum_char",
    "is_valid",
    "make_synthetic",
    "parse",
    "random_synthetic",
]

CHECK_CHARACTERS: Final = "0123456789ABCDEFHJKLMNPRSTUVWXY"

#: Century (first year of the century) -> its signs; index 0 is the canonical sign.
CENTURY_SIGNS: Final[dict[int, str]] = {
    1800: "+",
    1900: "-YXWVU",
    2000: "ABCDEF",
}

_CENTURY_BY_SIGN: Final[dict[str, int]] = {
    sign: century for century, signs in CENTURY_SIGNS.items() for sign in signs
}

MIN_INDIVIDUAL_NUMBER: Final = 2
MIN_SYNTHETIC_INDIVIDUAL_NUMBER: Final = 900
MAX_INDIVIDUAL_NUMBER: Final = 999

# Structure only: six digits, any one character for the century sign (validated separately so
# it gets its own error reason), three digits, one alphanumeric check character (an
# alphanumeric that is not in CHECK_CHARACTERS is reported as a checksum error).
_STRUCTURE: Final = re.compile(r"([0-9]{6})(.)([0-9]{3})([0-9A-Z])", re.ASCII)

InvalidReason = Literal["format", "century", "date", "individual_number", "checksum"]

_MESSAGES: Final[dict[InvalidReason, str]] = {
    "format": "Identity code must have the form DDMMYYCZZZQ.",
    "century": "Identity code has an unknown century sign.",
    "date": "Identity code does not contain a valid date of birth.",
    "individual_number": "Identity code individual number must be between 002 and 999.",
    "checksum": "Identity code check character does not match.",
}


class InvalidIdentityCode(ValueError):
    """Raised when a string is not a valid identity code.

    ``code`` tells why, so a UI layer can show a translated message per reason:
    ``"format"``, ``"century"``, ``"date"``, ``"individual_number"`` or ``"checksum"``.
    The message never contains the rejected value (it may be a real person's identity code).
    """

    def __init__(self, code: InvalidReason, message: str | None = None) -> None:
        self.code: InvalidReason = code
        super().__init__(message if message is not None else _MESSAGES[code])


@dataclass(frozen=True)
class IdentityCode:
    """A parsed, valid identity code.

    ``value`` is the normalised code as given (stripped, upper-case), keeping its century sign;
    dataclass equality therefore distinguishes ``...A...`` from ``...B...``. Use
    :attr:`canonical` (or :func:`canonical`) to compare codes of the same person.
    """

    value: str
    birth_date: date
    individual_number: int
    #: Individual number 900-999: a test/synthetic code, not a real person.
    is_synthetic: bool
    #: Sex as encoded by the parity of the individual number when the code was issued
    #: (even: "female", odd: "male"). This is a legacy property of the code, not a gender
    #: record: do not display it as the person's gender or rely on it for decisions.
    sex: Literal["female", "male"]

    @property
    def century_sign(self) -> str:
        return self.value[6]

    @property
    def canonical(self) -> str:
        """The code with the century sign replaced by its century's first sign (``-``/``A``)."""
        return _canonical_of(self.value)

    def __str__(self) -> str:
        return self.value


def checksum_char(birth: date, individual_number: int) -> str:
    """Return the check character for ``birth`` and ``individual_number`` (0-999).

    The check character does not depend on the century sign.
    """
    if not 0 <= individual_number <= MAX_INDIVIDUAL_NUMBER:
        raise ValueError("individual_number must be between 0 and 999")
    number = int(f"{birth:%d%m}{birth.year % 100:02d}{individual_number:03d}")
    return CHECK_CHARACTERS[number % 31]


def parse(value: str) -> IdentityCode:
    """Parse and fully validate an identity code.

    Surrounding whitespace is stripped and letters are upper-cased. Raises
    :class:`InvalidIdentityCode` with ``code`` set to the first failing check, in the order
    format, century, date, individual_number, checksum.
    """
    normalised = value.strip().upper()
    match = _STRUCTURE.fullmatch(normalised)
    if match is None:
        raise InvalidIdentityCode("format")
    ddmmyy, sign, individual, check = match.groups()

    century = _CENTURY_BY_SIGN.get(sign)
    if century is None:
        raise InvalidIdentityCode("century")

    try:
        birth = date(century + int(ddmmyy[4:6]), int(ddmmyy[2:4]), int(ddmmyy[0:2]))
    except ValueError:
        raise InvalidIdentityCode("date") from None

    individual_number = int(individual)
    if individual_number < MIN_INDIVIDUAL_NUMBER:
        raise InvalidIdentityCode("individual_number")

    if check != checksum_char(birth, individual_number):
        raise InvalidIdentityCode("checksum")

    return IdentityCode(
        value=normalised,
        birth_date=birth,
        individual_number=individual_number,
        is_synthetic=individual_number >= MIN_SYNTHETIC_INDIVIDUAL_NUMBER,
        sex="female" if individual_number % 2 == 0 else "male",
    )


def is_valid(value: str) -> bool:
    """Return whether ``value`` is a valid identity code (see :func:`parse`)."""
    try:
        parse(value)
    except InvalidIdentityCode:
        return False
    return True


def canonical(value: str) -> str:
    """Validate ``value`` and return it with the century sign normalised to ``-`` or ``A``.

    Codes of the same person that differ only in the century sign (e.g. ``A`` and ``B``) have
    the same canonical form; use it for duplicate checks and lookups.
    Raises :class:`InvalidIdentityCode` if ``value`` is not valid.
    """
    return parse(value).canonical


def make_synthetic(birth: date, individual_number: int, *, century_variant: int = 0) -> str:
    """Build a valid synthetic identity code (individual number 900-999).

    ``century_variant`` picks the century sign: index into ``CENTURY_SIGNS`` for the birth
    year's century (0 gives ``+`` / ``-`` / ``A``). Raises :class:`ValueError` for an individual
    number outside 900-999, a birth year outside 1800-2099 or an unknown variant.
    """
    if not MIN_SYNTHETIC_INDIVIDUAL_NUMBER <= individual_number <= MAX_INDIVIDUAL_NUMBER:
        raise ValueError("synthetic individual_number must be between 900 and 999")
    signs = CENTURY_SIGNS.get(birth.year // 100 * 100)
    if signs is None:
        raise ValueError("birth year must be between 1800 and 2099")
    if not 0 <= century_variant < len(signs):
        raise ValueError(
            f"century_variant must be between 0 and {len(signs) - 1} for year {birth.year}"
        )
    return (
        f"{birth:%d%m}{birth.year % 100:02d}{signs[century_variant]}"
        f"{individual_number:03d}{checksum_char(birth, individual_number)}"
    )


def random_synthetic(rng: random.Random, birth: date) -> str:
    """Return a synthetic code for ``birth`` with a random individual number 900-999.

    Uses only ``rng`` (deterministic for a seeded generator) and the canonical century sign.
    """
    individual_number = rng.randint(MIN_SYNTHETIC_INDIVIDUAL_NUMBER, MAX_INDIVIDUAL_NUMBER)
    return make_synthetic(birth, individual_number)


def _canonical_of(normalised: str) -> str:
    sign = normalised[6]
    canonical_sign = CENTURY_SIGNS[_CENTURY_BY_SIGN[sign]][0]
    return normalised[:6] + canonical_sign + normalised[7:]
