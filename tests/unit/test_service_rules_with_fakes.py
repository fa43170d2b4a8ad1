"""Service rules that need no real store, run against the in-memory fakes of the adapters
(tests/fakes): how an account reference is resolved, the scope of membership and earn-rule lists,
IssueToken's credential checks, the account state's load-and-publish."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid

import pytest

from core.adapters.redis.accounts import AccountState
from core.domain.accounts import (Account, AccountStatus, Identifier, IdentifierType, Membership, MembershipRole,
                                  User, UserData)
from core.domain.errors import DomainError, ErrorReason
from core.domain.loyalty import EarnRule, EventRule, PointsExpiryMode, Program, RatioRule
from core.service import account_states, accounts, programs, users
from core.service.auth import Auth, AuthSettings
from core.service.context import Caller
from tests.fakes import T0, no_deps
from tests.fakes.accounts import FakeAccountStates, FakeAccountStore, FakeProgramStore
from tests.fakes.auth import FakeAccessTokens, FakeClientStore, FakeRefreshTokenStore, FakeTokenLimits, credentials
from tests.fakes.users import FakeUserStore

ORG = "org-a"
CALLER = Caller("cl_a", ORG)


def run(awaitable):
    return asyncio.run(awaitable)


def failure(awaitable) -> DomainError:
    with pytest.raises(DomainError) as raised:
        run(awaitable)
    return raised.value


def card(value: str) -> Identifier:
    return Identifier(IdentifierType.CARDCODE, value)


def account(program_id: str = "p1", *identifiers: Identifier, status: AccountStatus = AccountStatus.ACTIVE) -> Account:
    return Account(str(uuid.uuid4()), program_id, status, identifiers, T0, T0)


# --- account references ------------------------------------------------------------------------

def resolve(store: FakeAccountStore, ref: accounts.AccountRef, org_id: str = ORG):
    return accounts.resolve_account(no_deps(), org_id, ref, fields=accounts.REQUEST_FIELDS, accounts=store)


def test_an_account_id_is_resolved_in_canonical_form_within_the_callers_organisation():
    store = FakeAccountStore()
    mine = store.add(ORG, account("p1", card("CARD-1")))

    assert run(resolve(store, accounts.AccountRef(mine.account_id.upper()))) == mine
    other_org = failure(resolve(store, accounts.AccountRef(mine.account_id), org_id="org-b"))
    assert other_org.reason is ErrorReason.ACCOUNT_NOT_FOUND
    assert other_org.metadata == {"account_id": mine.account_id}


def test_a_deleted_account_is_not_found_by_id_or_identifier():
    store = FakeAccountStore()
    gone = store.add(ORG, account("p1", card("CARD-1")), deleted=True)

    assert failure(resolve(store, accounts.AccountRef(gone.account_id))).reason is ErrorReason.ACCOUNT_NOT_FOUND
    by_card = failure(resolve(store, accounts.AccountRef(identifier=card("CARD-1"))))
    assert by_card.reason is ErrorReason.ACCOUNT_NOT_FOUND
    assert by_card.metadata == {"identifier_type": "CARDCODE", "value": "CARD-1"}


def test_an_identifier_held_in_two_programs_is_ambiguous_unless_the_ref_names_the_program():
    store = FakeAccountStore()
    first = store.add(ORG, account("p1", card("CARD-1")))
    second = store.add(ORG, account("p2", card("CARD-1")))

    ambiguous = failure(resolve(store, accounts.AccountRef(identifier=card("CARD-1"))))
    assert ambiguous.reason is ErrorReason.IDENTIFIER_AMBIGUOUS
    assert run(resolve(store, accounts.AccountRef(identifier=card("CARD-1"), program_id="p1"))) == first
    assert run(resolve(store, accounts.AccountRef(identifier=card("CARD-1"), program_id="p2"))) == second
    narrowed = failure(resolve(store, accounts.AccountRef(identifier=card("CARD-1"), program_id="p3")))
    assert narrowed.reason is ErrorReason.ACCOUNT_NOT_FOUND and narrowed.metadata["program_id"] == "p3"


@pytest.mark.parametrize("ref, reason, field", [
    (accounts.AccountRef(), ErrorReason.FIELD_REQUIRED, "account_id"),
    (accounts.AccountRef(str(uuid.uuid4()), card("CARD-1")), ErrorReason.FIELD_INVALID, "account_id"),
    (accounts.AccountRef("not-a-uuid"), ErrorReason.FIELD_INVALID, "account_id"),
    (accounts.AccountRef(identifier=card("")), ErrorReason.FIELD_REQUIRED, "account_identifier.value"),
])
def test_a_bad_reference_is_refused_before_any_read(ref, reason, field):
    class Unreadable(FakeAccountStore):
        async def by_id(self, *args):
            raise AssertionError("read")

        async def by_identifier(self, *args):
            raise AssertionError("read")

    refused = failure(resolve(Unreadable(), ref))
    assert (refused.reason, refused.metadata["field"]) == (reason, field)


def test_an_identifier_is_looked_up_in_its_stored_form():
    store = FakeAccountStore()
    held = store.add(ORG, account("p1", Identifier(IdentifierType.EMAIL, "ann@example.com")))

    found = run(resolve(store, accounts.AccountRef(identifier=Identifier(IdentifierType.EMAIL, "Ann@Example.COM"))))
    assert found == held


# --- the account state of the coupon path ----------------------------------------------------------

def test_a_missed_account_state_is_loaded_from_the_ledger_and_published():
    store, states = FakeAccountStore(), FakeAccountStates()
    locked = store.add(ORG, account("p1", status=AccountStatus.LOCKED), version=4)
    gone = store.add(ORG, account("p1"), version=7, deleted=True)
    unknown = str(uuid.uuid4())

    loaded = [run(account_states.account_state(no_deps(), a, states=states, store=store))
              for a in (locked.account_id, gone.account_id, unknown)]

    assert loaded == [AccountState(locked.account_id, ORG, "p1", AccountStatus.LOCKED, 4),
                      AccountState(gone.account_id, ORG, "p1", None, 7),
                      AccountState(unknown, "", "", None, 0)]
    assert states.published == loaded
    store.accounts.clear()  # From now on only the published states answer.
    assert run(account_states.account_state(no_deps(), locked.account_id, states=states, store=store)) == loaded[0]


# --- memberships -------------------------------------------------------------------------------

def user(org_store: FakeUserStore, org_id: str = ORG) -> User:
    return org_store.add_user(org_id, User(str(uuid.uuid4()), UserData(given_name="Ann"), T0, T0))


def test_memberships_are_listed_for_exactly_one_account_or_user_of_the_callers_organisation():
    account_store, user_store = FakeAccountStore(), FakeUserStore()
    held = account_store.add(ORG, account("p1"))
    stranger = user(user_store, "org-b")

    both = failure(users.list_memberships(users.ListMemberships(accounts.AccountRef(held.account_id),
                                                                user_id=stranger.user_id),
                                          CALLER, no_deps(), users=user_store, accounts=account_store))
    neither = failure(users.list_memberships(users.ListMemberships(), CALLER, no_deps(), users=user_store,
                                             accounts=account_store))
    other_org = failure(users.list_memberships(users.ListMemberships(user_id=stranger.user_id), CALLER, no_deps(),
                                               users=user_store, accounts=account_store))

    assert (both.reason, both.metadata["field"]) == (ErrorReason.FIELD_INVALID, "scope")
    assert (neither.reason, neither.metadata["field"]) == (ErrorReason.FIELD_REQUIRED, "scope")
    assert other_org.reason is ErrorReason.USER_NOT_FOUND


def test_a_membership_page_token_is_bound_to_its_scope():
    account_store, user_store = FakeAccountStore(), FakeUserStore()
    held = account_store.add(ORG, account("p1"))
    members = [user(user_store) for _ in range(3)]
    for index, member in enumerate(members):
        user_store.add_membership(ORG, Membership(held.account_id, member.user_id, MembershipRole.COLLECTOR, (), "",
                                                  T0 + dt.timedelta(seconds=index), T0))
    by_account = users.ListMemberships(accounts.AccountRef(held.account_id), page_size=2)

    first = run(users.list_memberships(by_account, CALLER, no_deps(), users=user_store, accounts=account_store))
    second = run(users.list_memberships(users.ListMemberships(accounts.AccountRef(held.account_id), page_size=2,
                                                              page_token=first.next_page_token),
                                        CALLER, no_deps(), users=user_store, accounts=account_store))
    replayed = failure(users.list_memberships(users.ListMemberships(user_id=members[0].user_id,
                                                                    page_token=first.next_page_token),
                                              CALLER, no_deps(), users=user_store, accounts=account_store))

    assert [m.user_id for m in first.items + second.items] == [m.user_id for m in members]
    assert first.next_page_token and not second.next_page_token
    assert (replayed.reason, replayed.metadata["field"]) == (ErrorReason.FIELD_INVALID, "page_token")


# --- earn rules --------------------------------------------------------------------------------

def program(org_id: str, program_id: str) -> Program:
    return Program(org_id, program_id, "P", "EUR", "Europe/Paris", None, PointsExpiryMode.DURATION, 0, 0, 0, 0,
                   False, T0, T0)


def rule(program_id: str, config, second: int) -> EarnRule:
    at = T0 + dt.timedelta(seconds=second)
    return EarnRule(str(uuid.uuid4()), program_id, f"rule {second}", config, "etag", at, at)


def test_earn_rules_are_listed_for_the_callers_program_only_live_and_by_kind():
    store = FakeProgramStore()
    store.add_program(program(ORG, "p1"))
    store.add_program(program("org-b", "p2"))
    ratio = store.add_rule(ORG, rule("p1", RatioRule(1, 100), 1))
    event = store.add_rule(ORG, rule("p1", EventRule(1, 50), 2))
    store.add_rule(ORG, rule("p1", RatioRule(2, 100), 3), deleted=True)
    store.add_rule("org-b", rule("p2", RatioRule(1, 100), 4))

    listed, _ = run(programs.list_earn_rules(programs.ListEarnRules("p1"), CALLER, no_deps(), programs=store))
    ratios, _ = run(programs.list_earn_rules(programs.ListEarnRules("p1", kind=int(ratio.kind)), CALLER, no_deps(),
                                             programs=store))
    foreign = failure(programs.list_earn_rules(programs.ListEarnRules("p2"), CALLER, no_deps(), programs=store))

    assert listed == [ratio, event]
    assert ratios == [ratio]
    assert foreign.reason is ErrorReason.PROGRAM_NOT_FOUND


def test_an_earn_rule_page_token_is_refused_for_another_kind():
    store = FakeProgramStore()
    store.add_program(program(ORG, "p1"))
    made = [store.add_rule(ORG, rule("p1", RatioRule(1, 100), second)) for second in range(3)]

    first, token = run(programs.list_earn_rules(programs.ListEarnRules("p1", page_size=2), CALLER, no_deps(),
                                                programs=store))
    rest, last = run(programs.list_earn_rules(programs.ListEarnRules("p1", page_size=2, page_token=token), CALLER,
                                              no_deps(), programs=store))
    other_kind = failure(programs.list_earn_rules(programs.ListEarnRules("p1", kind=int(made[0].kind) + 1,
                                                                         page_size=2, page_token=token),
                                                  CALLER, no_deps(), programs=store))

    assert first + rest == made and token and not last
    assert (other_kind.reason, other_kind.metadata["field"]) == (ErrorReason.FIELD_INVALID, "page_token")


# --- client credentials ------------------------------------------------------------------------

def auth(*clients, settings: AuthSettings | None = None):
    from core.domain.clock import FixedClock

    clock = FixedClock(T0)
    limits, refresh = FakeTokenLimits(), FakeRefreshTokenStore()
    service = Auth(None, None, FakeAccessTokens(clock), clock, settings or AuthSettings(),  # type: ignore[arg-type]
                   clients=FakeClientStore(*clients), refresh_tokens=refresh, token_limits=limits)
    return service, limits, refresh


def test_the_right_secret_of_an_enabled_client_of_the_named_organisation_gets_a_token_pair():
    service, limits, refresh = auth(credentials("cl_1", ORG, "cs_right"))
    limits.failures["cl_1"] = 1

    pair = run(service.issue_token(ORG, "cl_1", "cs_right"))

    assert pair.access_token == "at-1"
    assert list(refresh.tokens) == [pair.refresh_token.split(".")[0]]
    assert "cl_1" not in limits.failures  # A success clears the failures counted so far.


@pytest.mark.parametrize("client_id, org_id, secret", [
    ("cl_1", ORG, "cs_wrong"),
    ("cl_1", "org-b", "cs_right"),  # The right secret, named with another organisation.
    ("cl_unknown", ORG, "cs_right"),
])
def test_wrong_credentials_are_one_answer_and_each_counts_a_failure(client_id, org_id, secret):
    service, limits, refresh = auth(credentials("cl_1", ORG, "cs_right"))

    refused = failure(service.issue_token(org_id, client_id, secret))

    assert refused.reason is ErrorReason.CLIENT_CREDENTIALS_INVALID
    assert limits.failures == {client_id: 1} and refresh.tokens == {}


def test_a_disabled_client_is_told_so_only_with_its_right_secret():
    service, limits, refresh = auth(credentials("cl_1", ORG, "cs_right", disabled=True))

    wrong = failure(service.issue_token(ORG, "cl_1", "cs_wrong"))
    right = failure(service.issue_token(ORG, "cl_1", "cs_right"))

    assert wrong.reason is ErrorReason.CLIENT_CREDENTIALS_INVALID
    assert right.reason is ErrorReason.CLIENT_DISABLED
    assert refresh.tokens == {}


def test_the_failures_limit_locks_the_client_id_even_for_the_right_secret():
    service, limits, _ = auth(credentials("cl_1", ORG, "cs_right"), settings=AuthSettings(lockout_failures=2))

    reasons = [failure(service.issue_token(ORG, "cl_1", "cs_wrong")).reason for _ in range(2)]
    locked = failure(service.issue_token(ORG, "cl_1", "cs_right"))

    assert reasons == [ErrorReason.CLIENT_CREDENTIALS_INVALID] * 2
    assert locked.reason is ErrorReason.CLIENT_LOCKED and locked.metadata["failures_max"] == "2"


def test_a_reused_rotated_refresh_token_after_the_grace_window_revokes_its_family():
    service, limits, _ = auth(credentials("cl_1", ORG, "cs_right"), settings=AuthSettings(refresh_grace_seconds=5))
    issued = run(service.issue_token(ORG, "cl_1", "cs_right"))
    rotated = run(service.refresh(issued.refresh_token))
    service._clock.advance(dt.timedelta(seconds=6))

    reused = failure(service.refresh(issued.refresh_token))
    after = failure(service.refresh(rotated.refresh_token))

    assert reused.reason is ErrorReason.REFRESH_TOKEN_REUSED
    assert after.reason is ErrorReason.REFRESH_TOKEN_REVOKED
    assert sorted(d.jti for d in limits.denied) == ["jti-1", "jti-2"]
