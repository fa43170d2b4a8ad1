"""Round trips of the typed row codecs of the services' adapters: what a named row builder writes
reads back (by column name) as the value it was built from, whatever the value."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from core.adapters.postgres.accounts import account_from_rows, account_row, identifier_row
from core.adapters.postgres.programs import program_from_row, program_row, tier_from_row, tier_row
from core.adapters.postgres.users import membership_from_row, membership_row, user_from_row, user_row
from core.adapters.redis.accounts import AccountState
from core.domain.accounts import (Account, AccountStatus, Address, Identifier, IdentifierType, MarketingChannel,
                                  Membership, MembershipRole, User, UserData)
from core.domain.loyalty import PointsExpiryMode, Program, Tier

ids = st.uuids().map(str)
names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
org_ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,20}", fullmatch=True)
times = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1),
                     timezones=st.just(dt.timezone.utc))
ints = st.integers(min_value=0, max_value=2**31 - 1)


def columns(row) -> dict:
    assert len(row.columns) == len(row.values)
    return dict(zip(row.columns, row.values, strict=True))


identifiers = st.lists(st.builds(Identifier, st.sampled_from(IdentifierType), names.filter(bool)), max_size=5,
                       unique=True).map(lambda found: tuple(sorted(found, key=lambda i: (i.type, i.value))))
accounts = st.builds(Account, ids, org_ids, st.sampled_from(AccountStatus), identifiers, times, times)


@given(accounts, org_ids)
def test_an_account_and_its_identifiers_read_back_as_written(account, org_id):
    written = account_row(account_id=account.account_id, org_id=org_id, program_id=account.program_id,
                          status=account.status, create_time=account.create_time, update_time=account.update_time)
    held = [columns(identifier_row(org_id=org_id, program_id=account.program_id, identifier=i,
                                   account_id=account.account_id)) for i in reversed(account.identifiers)]

    assert columns(written)["org_id"] == org_id
    assert account_from_rows(columns(written), held) == account


programs = st.builds(Program, org_ids, org_ids, names, st.sampled_from(["EUR", "USD", "JPY"]),
                     st.sampled_from(["UTC", "Europe/Paris"]), st.none() | st.timedeltas(min_value=dt.timedelta(0)),
                     st.sampled_from(PointsExpiryMode), ints, ints, ints, ints, st.booleans(), times, times)


@given(programs)
def test_a_program_reads_back_as_written(program):
    row = program_row(program=program)

    assert isinstance(columns(row)["points_expiry_mode"], int) and not isinstance(
        columns(row)["points_expiry_mode"], PointsExpiryMode)
    assert program_from_row(columns(row)) == program


tiers = st.builds(Tier, ids, org_ids, names, ints, ints, ints, ints, times, ints)


@given(tiers, org_ids)
def test_a_tier_reads_back_as_written(tier, org_id):
    row = tier_row(tier=tier, org_id=org_id)

    assert columns(row)["org_id"] == org_id
    assert tier_from_row(columns(row)) == tier


dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)).map(dt.date.isoformat)
addresses = st.builds(Address, st.lists(names, max_size=3).map(tuple), names, names, names, names)
user_data = st.builds(UserData, names, names, names, names, names, names, st.just("") | dates, addresses,
                      st.dictionaries(names, names, max_size=4).map(lambda d: tuple(sorted(d.items()))))
users = st.builds(User, ids, user_data, times, times)


@given(users, org_ids)
def test_a_user_reads_back_as_written(user, org_id):
    row = columns(user_row(user=user, org_id=org_id))

    assert row["external_user_id"] == (user.data.external_user_id or None)  # NULL: unique only when set.
    assert user_from_row(row) == user


memberships = st.builds(Membership, ids, ids, st.sampled_from(MembershipRole),
                        st.lists(st.sampled_from(MarketingChannel), unique=True).map(lambda c: tuple(sorted(c))),
                        names, times, times)


@given(memberships, org_ids)
def test_a_membership_reads_back_as_written(membership, org_id):
    assert membership_from_row(columns(membership_row(membership=membership, org_id=org_id))) == membership


states = st.builds(AccountState, ids, org_ids, names, st.none() | st.sampled_from(AccountStatus), ints)


@given(states)
def test_an_account_state_reads_back_from_its_redis_value(state):
    encoded = state.encode()

    assert AccountState.decode(state.account_id, encoded) == state
    assert AccountState.decode(state.account_id, encoded.encode()) == state
