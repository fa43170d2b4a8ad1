"""Accounts, identifiers, users and memberships: dataclasses and the rules that need no I/O."""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass, field

from core.domain import limits
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long
from core.domain.messages import language_valid

_PROGRAM_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_PHONE = re.compile(r"^\+[1-9][0-9]{%d,%d}$" % (limits.PHONE_DIGITS_MIN - 1, limits.PHONE_DIGITS_MAX - 1))
_EMAIL_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_EMAIL_LABEL = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
_PROPERTY_KEY = re.compile(r"^[a-z][a-z0-9_.-]*$")

PHONE_RULE = (f"E.164: '+', then {limits.PHONE_DIGITS_MIN}..{limits.PHONE_DIGITS_MAX} digits,"
              " the first not 0")
EMAIL_RULE = "local@domain: dot-separated atoms, '@', a domain of at least two dot-separated labels"
BIRTH_DATE_RULE = f"YYYY-MM-DD, a real date from {limits.BIRTH_YEAR_MIN} up to today"


class AccountStatus(enum.IntEnum):
    ACTIVE = 1
    LOCKED = 2
    DEACTIVATED = 3


_TRANSITIONS = {
    AccountStatus.ACTIVE: {AccountStatus.LOCKED, AccountStatus.DEACTIVATED},
    AccountStatus.LOCKED: {AccountStatus.ACTIVE, AccountStatus.DEACTIVATED},
    AccountStatus.DEACTIVATED: set(),
}
"""Allowed status moves; DEACTIVATED is final. Staying in a status is always allowed."""


class IdentifierType(enum.IntEnum):
    APPCODE = 1
    CARDCODE = 2
    EXTERNALCODE = 3
    PHONE = 4
    ID = 5
    EMAIL = 6


class MembershipRole(enum.IntEnum):
    OWNER = 1
    COOWNER = 2
    COLLECTOR = 3


class GenderCode(enum.IntEnum):
    """Seed 001's genderCode; a user without one has None."""

    MALE = 1
    FEMALE = 2
    DIVERSE = 3


class MarketingChannel(enum.IntEnum):
    EMAIL = 1
    SMS = 2
    PUSH = 3
    POST = 4
    PHONE = 5


@dataclass(frozen=True, slots=True)
class Identifier:
    type: IdentifierType
    value: str


@dataclass(frozen=True, slots=True)
class Account:
    account_id: str
    program_id: str
    status: AccountStatus
    identifiers: tuple[Identifier, ...]
    create_time: dt.datetime
    update_time: dt.datetime

    def to_json(self) -> dict:
        return {
            "account_id": self.account_id,
            "program_id": self.program_id,
            "status": int(self.status),
            "identifiers": [[int(i.type), i.value] for i in self.identifiers],
            "create_time": self.create_time.isoformat(),
            "update_time": self.update_time.isoformat(),
        }

    @classmethod
    def from_json(cls, data: dict) -> Account:
        return cls(
            account_id=data["account_id"],
            program_id=data["program_id"],
            status=AccountStatus(data["status"]),
            identifiers=tuple(Identifier(IdentifierType(t), v) for t, v in data["identifiers"]),
            create_time=dt.datetime.fromisoformat(data["create_time"]),
            update_time=dt.datetime.fromisoformat(data["update_time"]),
        )


@dataclass(frozen=True, slots=True)
class Address:
    lines: tuple[str, ...] = ()
    city: str = ""
    postal_code: str = ""
    region: str = ""
    country_code: str = ""
    """ISO 3166-1 alpha-2, upper case."""


@dataclass(frozen=True, slots=True)
class UserData:
    """The personal data of a user: everything a client writes (CreateUser, UpdateUser)."""

    external_user_id: str = ""
    given_name: str = ""
    family_name: str = ""
    display_name: str = ""
    email: str = ""
    phone_number: str = ""
    birth_date: str = ""
    """YYYY-MM-DD or empty."""
    address: Address = field(default_factory=Address)
    properties: tuple[tuple[str, str], ...] = ()
    """Custom (key, value) pairs, sorted by key."""
    gender_code: GenderCode | None = None
    language: str = ""
    """BCP 47 tag of the messages to the user ("": unknown; core/domain/messages.py language_choice)."""


@dataclass(frozen=True, slots=True)
class User:
    user_id: str
    data: UserData
    create_time: dt.datetime
    update_time: dt.datetime

    def to_json(self) -> dict:
        d, a = self.data, self.data.address
        return {"user_id": self.user_id, "external_user_id": d.external_user_id,
                "given_name": d.given_name, "family_name": d.family_name, "display_name": d.display_name,
                "email": d.email, "phone_number": d.phone_number, "birth_date": d.birth_date,
                "address": {"lines": list(a.lines), "city": a.city, "postal_code": a.postal_code,
                            "region": a.region, "country_code": a.country_code},
                "properties": [list(p) for p in d.properties],
                "gender_code": int(d.gender_code or 0), "language": d.language,
                "create_time": self.create_time.isoformat(), "update_time": self.update_time.isoformat()}

    @classmethod
    def from_json(cls, data: dict) -> User:
        address = data["address"]
        user_data = UserData(
            data["external_user_id"], data["given_name"], data["family_name"], data["display_name"],
            data["email"], data["phone_number"], data["birth_date"],
            Address(tuple(address["lines"]), address["city"], address["postal_code"], address["region"],
                    address["country_code"]),
            tuple((k, v) for k, v in data["properties"]),
            GenderCode(data["gender_code"]) if data.get("gender_code") else None, data.get("language", ""))
        return cls(data["user_id"], user_data, dt.datetime.fromisoformat(data["create_time"]),
                   dt.datetime.fromisoformat(data["update_time"]))


@dataclass(frozen=True, slots=True)
class Membership:
    account_id: str
    user_id: str
    role: MembershipRole
    marketing_opt_ins: tuple[MarketingChannel, ...]
    partner_id: str
    create_time: dt.datetime
    update_time: dt.datetime

    def to_json(self) -> dict:
        return {"account_id": self.account_id, "user_id": self.user_id, "role": int(self.role),
                "marketing_opt_ins": [int(c) for c in self.marketing_opt_ins], "partner_id": self.partner_id,
                "create_time": self.create_time.isoformat(), "update_time": self.update_time.isoformat()}

    @classmethod
    def from_json(cls, data: dict) -> Membership:
        return cls(data["account_id"], data["user_id"], MembershipRole(data["role"]),
                   tuple(MarketingChannel(c) for c in data["marketing_opt_ins"]), data["partner_id"],
                   dt.datetime.fromisoformat(data["create_time"]), dt.datetime.fromisoformat(data["update_time"]))


# --- accounts and identifiers -------------------------------------------------------------

def validate_program_id(program_id: str, field_name: str = "program_id") -> None:
    if not program_id:
        raise field_required(field_name)
    if len(program_id) > limits.PROGRAM_ID_LENGTH_MAX:
        raise field_too_long(field_name, limits.PROGRAM_ID_LENGTH_MAX)
    if not _PROGRAM_ID.match(program_id):
        raise field_invalid(field_name, "letters, digits, '_', '.', '-'; starts with a letter or digit")


def validate_identifier(identifier: Identifier, field_name: str) -> Identifier:
    """The identifier in its stored form (EMAIL lower-cased), or the first rule it breaks."""
    if identifier.type is None:
        raise field_required(f"{field_name}.type")
    value = identifier.value
    if not value:
        raise field_required(f"{field_name}.value")
    if len(value) > limits.IDENTIFIER_VALUE_LENGTH_MAX:
        raise field_too_long(f"{field_name}.value", limits.IDENTIFIER_VALUE_LENGTH_MAX)
    if not value.isprintable() or value.strip() != value:
        raise field_invalid(f"{field_name}.value", "printable, without leading or trailing spaces")
    if identifier.type is IdentifierType.PHONE:
        validate_phone(value, f"{field_name}.value")
    elif identifier.type is IdentifierType.EMAIL:
        validate_email(value, f"{field_name}.value")
        return Identifier(identifier.type, value.lower())
    return identifier


def validate_identifiers(identifiers: tuple[Identifier, ...]) -> tuple[Identifier, ...]:
    """The identifiers in stored form, sorted by (type, value), or the first rule they break."""
    if len(identifiers) > limits.ACCOUNT_IDENTIFIERS_MAX:
        raise field_too_long("identifiers", limits.ACCOUNT_IDENTIFIERS_MAX)
    seen: set[Identifier] = set()
    for index, identifier in enumerate(identifiers):
        stored = validate_identifier(identifier, f"identifiers[{index}]")
        if stored in seen:
            raise field_invalid(f"identifiers[{index}]", "duplicate identifier")
        seen.add(stored)
    return tuple(sorted(seen, key=lambda i: (i.type, i.value)))


def validate_phone(value: str, field_name: str) -> None:
    if not _PHONE.match(value):
        raise field_invalid(field_name, PHONE_RULE)


def validate_email(value: str, field_name: str) -> None:
    if len(value) > limits.EMAIL_LENGTH_MAX:
        raise field_too_long(field_name, limits.EMAIL_LENGTH_MAX)
    local, at, domain = value.rpartition("@")
    labels = domain.split(".")
    if (not at or len(local) > 64 or not _EMAIL_LOCAL.match(local) or len(labels) < 2
            or not all(_EMAIL_LABEL.match(label) for label in labels) or labels[-1].isdigit()):
        raise field_invalid(field_name, EMAIL_RULE)


def check_transition(account: Account, to: AccountStatus) -> None:
    if to is not account.status and to not in _TRANSITIONS[account.status]:
        raise DomainError(ErrorReason.ACCOUNT_STATUS_TRANSITION_INVALID,
                          metadata={"account_id": account.account_id, "from": account.status.name,
                                    "to": to.name})


def require_active(account: Account) -> None:
    """ACCOUNT_NOT_ACTIVE (FAILED_PRECONDITION) unless the account is ACTIVE."""
    if account.status is not AccountStatus.ACTIVE:
        raise DomainError(ErrorReason.ACCOUNT_NOT_ACTIVE,
                          metadata={"account_id": account.account_id, "status": account.status.name})


# --- users ----------------------------------------------------------------------------------

def _text(value: str, field_name: str, length_max: int) -> None:
    if len(value) > length_max:
        raise field_too_long(field_name, length_max)
    if value and (not value.isprintable() or value.strip() != value):
        raise field_invalid(field_name, "printable, without leading or trailing spaces")


def validate_user_data(data: UserData, today: dt.date, prefix: str = "user") -> None:
    _text(data.external_user_id, f"{prefix}.external_user_id", limits.EXTERNAL_USER_ID_LENGTH_MAX)
    for name in ("given_name", "family_name", "display_name"):
        _text(getattr(data, name), f"{prefix}.{name}", limits.USER_NAME_LENGTH_MAX)
    if data.email:
        validate_email(data.email, f"{prefix}.email")
    if data.phone_number:
        validate_phone(data.phone_number, f"{prefix}.phone_number")
    if data.birth_date:
        validate_birth_date(data.birth_date, today, f"{prefix}.birth_date")
    _validate_address(data.address, f"{prefix}.address")
    _validate_properties(data.properties, f"{prefix}.properties")
    if data.language and not language_valid(data.language):
        raise field_invalid(f"{prefix}.language", "a BCP 47 language tag such as de or de-CH")


def validate_birth_date(value: str, today: dt.date, field_name: str) -> None:
    try:
        date = dt.date.fromisoformat(value) if _DATE.match(value) else None
    except ValueError:
        date = None
    if date is None or date.year < limits.BIRTH_YEAR_MIN or date > today:
        raise field_invalid(field_name, BIRTH_DATE_RULE)


def _validate_address(address: Address, prefix: str) -> None:
    if len(address.lines) > limits.ADDRESS_LINES_MAX:
        raise field_too_long(f"{prefix}.lines", limits.ADDRESS_LINES_MAX)
    for index, line in enumerate(address.lines):
        _text(line, f"{prefix}.lines[{index}]", limits.ADDRESS_LINE_LENGTH_MAX)
    _text(address.city, f"{prefix}.city", limits.CITY_LENGTH_MAX)
    _text(address.postal_code, f"{prefix}.postal_code", limits.POSTAL_CODE_LENGTH_MAX)
    _text(address.region, f"{prefix}.region", limits.REGION_LENGTH_MAX)
    if address.country_code and not _COUNTRY_CODE.match(address.country_code):
        raise field_invalid(f"{prefix}.country_code", "ISO 3166-1 alpha-2, two upper-case letters")


def _validate_properties(properties: tuple[tuple[str, str], ...], prefix: str) -> None:
    if len(properties) > limits.USER_PROPERTIES_MAX:
        raise field_too_long(prefix, limits.USER_PROPERTIES_MAX)
    for key, value in properties:
        if len(key) > limits.USER_PROPERTY_KEY_LENGTH_MAX:
            raise field_too_long(f"{prefix}[{key[:limits.USER_PROPERTY_KEY_LENGTH_MAX]}]",
                                 limits.USER_PROPERTY_KEY_LENGTH_MAX)
        if not _PROPERTY_KEY.match(key):
            raise field_invalid(f"{prefix}[{key}]", "key: lower-case letter, then a-z 0-9 '_' '.' '-'")
        if len(value) > limits.USER_PROPERTY_VALUE_LENGTH_MAX:
            raise field_too_long(f"{prefix}[{key}]", limits.USER_PROPERTY_VALUE_LENGTH_MAX)
        if not value.isprintable():
            raise field_invalid(f"{prefix}[{key}]", "printable characters only")


def user_search_lexemes(data: UserData) -> list[str]:
    """What SearchAccounts matches a user by: each name word, city, postal code, e-mail, phone
    and birth date, lower-cased. A search term matches a lexeme that starts with it."""
    words = [data.given_name, data.family_name, data.display_name, data.address.city]
    lexemes = {word for text in words for word in text.lower().split()}
    lexemes.update(v.lower() for v in (data.address.city, data.address.postal_code, data.email,
                                       data.phone_number, data.birth_date) if v)
    return sorted(lexemes)


def parse_search_query(query: str, field_name: str = "query") -> tuple[str, ...]:
    """Space-separated terms, lower-cased and without duplicates; every one must match."""
    if len(query) > limits.SEARCH_QUERY_LENGTH_MAX:
        raise field_too_long(field_name, limits.SEARCH_QUERY_LENGTH_MAX)
    if not query.isprintable():
        raise field_invalid(field_name, "printable characters only")
    terms = tuple(dict.fromkeys(query.lower().split()))
    if len(terms) > limits.SEARCH_TERMS_MAX:
        raise field_too_long(field_name, limits.SEARCH_TERMS_MAX)
    for term in terms:
        if len(term) < limits.SEARCH_TERM_LENGTH_MIN:
            raise field_invalid(field_name, f"every term at least {limits.SEARCH_TERM_LENGTH_MIN} characters")
    return terms
