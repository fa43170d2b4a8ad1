"""The request-signing headers over a real channel, against the real worker with a FixedClock
(tests/e2e/inprocess.py), so that the window's edges are exact whatever the machine's load:
every header of a bad length or form answers UNAUTHENTICATED with the header named in its
ErrorInfo, before any arithmetic; a refused request still counts against the rate limit; and
nothing is created by a refused request."""

from __future__ import annotations

import asyncio
import time
import uuid

import grpc
import psycopg
import pytest
from rewards.accounts.v1 import account_service_pb2 as accounts
from rewards.loyalty.v1 import program_service_pb2 as programs_api
from rewards.loyalty.v1 import resources_pb2 as loyalty

from core.domain.limits import SIGNATURE_WINDOW_SECONDS
from core.service.clients import create_client
from rewards_client import Credentials
from tests.e2e import inprocess

CREATE_PROGRAM = "/rewards.loyalty.v1.ProgramService/CreateProgram"
GET_ACCOUNT = "/rewards.accounts.v1.AccountService/GetAccount"
ORG = "org-signing"
GOOD_NONCE = "n" * 32


@pytest.fixture(scope="module")
async def fixed():
    return inprocess.fixed_clock()


@pytest.fixture(scope="module")
async def served(stores, fixed):
    async with inprocess.worker(stores, clock=fixed) as worker, \
            grpc.aio.insecure_channel(worker.target) as channel:
        worker.channel = channel
        yield worker


def new_client(stores, **options) -> Credentials:
    client_id, secret = create_client(stores.database_url, ORG, ["loyalty:admin", "accounts:read"], **options)
    return Credentials(ORG, client_id, secret)


@pytest.fixture
async def caller(stores, served):
    credentials = new_client(stores)
    return credentials, await inprocess.access_token(served.channel, credentials)


def program_body() -> tuple[str, bytes]:
    program_id = "p-" + uuid.uuid4().hex[:12]
    return program_id, programs_api.CreateProgramRequest(request_id=uuid.uuid4().hex, program=loyalty.Program(
        program_id=program_id, display_name="Signed", currency_code="EUR", time_zone="Europe/Berlin",
    )).SerializeToString()


def program_exists(stores, program_id: str) -> bool:
    with psycopg.connect(stores.database_url) as connection:
        return connection.execute("SELECT count(*) FROM programs WHERE org_id = %s AND program_id = %s",
                                  (ORG, program_id)).fetchone()[0] == 1


def now(fixed) -> int:
    return int(fixed.now().timestamp())


async def create_program(served, metadata, body: bytes) -> None:
    await served.channel.unary_unary(CREATE_PROGRAM)(body, metadata=metadata, timeout=30)


async def refused(awaitable) -> tuple[grpc.StatusCode, str, dict]:
    with pytest.raises(grpc.aio.AioRpcError) as failure:
        await awaitable
    return inprocess.error_info_of(failure.value)


# --- the window, at its edges -----------------------------------------------------------------

@pytest.mark.parametrize("skew_s", [-SIGNATURE_WINDOW_SECONDS, SIGNATURE_WINDOW_SECONDS])
async def test_a_timestamp_at_the_edge_of_the_window_is_accepted(stores, served, fixed, caller, skew_s):
    credentials, token = caller
    program_id, body = program_body()

    await create_program(served, inprocess.signed_metadata(
        credentials, token, CREATE_PROGRAM, body, str(now(fixed) + skew_s)), body)

    assert program_exists(stores, program_id)


@pytest.mark.parametrize("skew_s", [-SIGNATURE_WINDOW_SECONDS - 1, SIGNATURE_WINDOW_SECONDS + 1])
async def test_a_timestamp_one_second_outside_the_window_is_refused(stores, served, fixed, caller, skew_s):
    credentials, token = caller
    program_id, body = program_body()

    code, reason, metadata = await refused(create_program(served, inprocess.signed_metadata(
        credentials, token, CREATE_PROGRAM, body, str(now(fixed) + skew_s)), body))

    assert (code, reason) == (grpc.StatusCode.UNAUTHENTICATED, "SIGNATURE_TIMESTAMP_OUT_OF_WINDOW")
    assert metadata == {"skew_seconds": str(skew_s), "window_seconds": str(SIGNATURE_WINDOW_SECONDS)}
    assert not program_exists(stores, program_id)


# --- the form of each header ------------------------------------------------------------------

def timestamp_of(fixed, width: int) -> str:
    """The fixed clock's time, zero-padded to `width` digits (a legal form up to 12)."""
    return str(now(fixed)).rjust(width, "0")


# (header, value: a string, or a function of the fixed clock)
ACCEPTED_FORMS = {
    "timestamp of 12 digits (zero-padded)": ("x-rewards-timestamp", lambda fixed: timestamp_of(fixed, 12)),
    "nonce of 16 characters": ("x-rewards-nonce", "A" * 15 + "_"),
    "nonce of 64 characters": ("x-rewards-nonce", "z-" * 32),
}

REFUSED_FORMS = {
    "timestamp of 5000 digits": ("x-rewards-timestamp", "5" * 5_000),
    "timestamp of 13 digits (zero-padded)": ("x-rewards-timestamp", lambda fixed: timestamp_of(fixed, 13)),
    "negative timestamp": ("x-rewards-timestamp", "-1"),
    "signed timestamp": ("x-rewards-timestamp", lambda fixed: "+" + str(now(fixed))),
    "fractional timestamp": ("x-rewards-timestamp", lambda fixed: f"{now(fixed)}.5"),
    "timestamp in hex": ("x-rewards-timestamp", "0x6553f100"),
    "timestamp with an exponent": ("x-rewards-timestamp", "17e8"),
    "nonce of 15 characters": ("x-rewards-nonce", "A" * 15),
    "nonce of 65 characters": ("x-rewards-nonce", "A" * 65),
    "nonce of 5000 characters": ("x-rewards-nonce", "A" * 5_000),
    "nonce with a character outside [A-Za-z0-9_-]": ("x-rewards-nonce", "A" * 20 + "."),
    "signature of 63 hex digits": ("x-rewards-signature", "a" * 63),
    "signature of 65 hex digits": ("x-rewards-signature", "a" * 65),
    "signature of 5000 hex digits": ("x-rewards-signature", "a" * 5_000),
    "signature in uppercase hex": ("x-rewards-signature", "A" * 64),
    "signature with a non-hex digit": ("x-rewards-signature", "a" * 63 + "g"),
}


def headers_with(credentials, token: str, fixed, body: bytes, header: str, value) -> list[tuple[str, str]]:
    """Correctly signed headers with `header` replaced (the signature is made over the replaced
    timestamp or nonce, so that the form is the only thing wrong)."""
    value = value(fixed) if callable(value) else value
    timestamp = value if header == "x-rewards-timestamp" else str(now(fixed))
    nonce = value if header == "x-rewards-nonce" else GOOD_NONCE + uuid.uuid4().hex
    metadata = inprocess.signed_metadata(credentials, token, CREATE_PROGRAM, body, timestamp, nonce)
    return [(key, value if key == header else sent) for key, sent in metadata]


@pytest.mark.parametrize("form", ACCEPTED_FORMS)
async def test_a_header_at_the_edge_of_its_form_is_accepted(stores, served, fixed, caller, form):
    credentials, token = caller
    header, value = ACCEPTED_FORMS[form]
    program_id, body = program_body()

    await create_program(served, headers_with(credentials, token, fixed, body, header, value), body)

    assert program_exists(stores, program_id)


@pytest.mark.parametrize("form", REFUSED_FORMS)
async def test_a_header_of_a_bad_length_or_form_is_unauthenticated_and_named(stores, served, fixed, caller, form):
    credentials, token = caller
    header, value = REFUSED_FORMS[form]
    program_id, body = program_body()
    metadata = headers_with(credentials, token, fixed, body, header, value)

    code, reason, info = await refused(create_program(served, metadata, body))

    assert (code, reason, info["header"]) == (grpc.StatusCode.UNAUTHENTICATED, "SIGNATURE_INVALID", header)
    assert info["length"] == str(len(dict(metadata)[header])) and info["rule"]
    assert not program_exists(stores, program_id)


@pytest.mark.parametrize("header", ["x-rewards-timestamp", "x-rewards-nonce", "x-rewards-signature"])
async def test_a_missing_or_empty_header_is_signature_missing_and_named(stores, served, fixed, caller, header):
    credentials, token = caller
    program_id, body = program_body()
    signed = inprocess.signed_metadata(credentials, token, CREATE_PROGRAM, body, str(now(fixed)))
    without = [(key, value) for key, value in signed if key != header]
    empty = [(key, "" if key == header else value) for key, value in signed]

    outcomes = [await refused(create_program(served, metadata, body)) for metadata in (without, empty)]

    assert outcomes == [(grpc.StatusCode.UNAUTHENTICATED, "SIGNATURE_MISSING",
                         {"method": CREATE_PROGRAM, "header": header})] * 2
    assert not program_exists(stores, program_id)


@pytest.mark.parametrize("header", ["x-rewards-timestamp", "x-rewards-nonce", "x-rewards-signature"])
async def test_a_header_sent_twice_is_refused(stores, served, fixed, caller, header):
    credentials, token = caller
    program_id, body = program_body()
    signed = inprocess.signed_metadata(credentials, token, CREATE_PROGRAM, body, str(now(fixed)))

    code, reason, info = await refused(create_program(served, signed + [(header, dict(signed)[header])], body))

    assert (code, reason, info) == (grpc.StatusCode.UNAUTHENTICATED, "SIGNATURE_INVALID",
                                    {"header": header, "rule": "sent once"})
    assert not program_exists(stores, program_id)


async def test_a_malformed_header_on_an_unsigned_read_is_refused_too(served, caller):
    """Signing headers sent on a read (which need not be signed) are verified all the same."""
    credentials, token = caller
    body = accounts.GetAccountRequest(account_id=str(uuid.uuid4())).SerializeToString()
    metadata = [("authorization", f"Bearer {token}"), ("x-rewards-timestamp", "9" * 5_000),
                ("x-rewards-nonce", GOOD_NONCE), ("x-rewards-signature", "a" * 64)]

    code, reason, info = await refused(served.channel.unary_unary(GET_ACCOUNT)(body, metadata=metadata, timeout=30))

    assert (code, reason, info["header"]) == (grpc.StatusCode.UNAUTHENTICATED, "SIGNATURE_INVALID",
                                              "x-rewards-timestamp")


# --- the rate limit comes first ---------------------------------------------------------------

async def test_a_flood_of_bad_signing_headers_is_rate_limited(stores, served, fixed):
    """A client with a burst of 3 and 1 request/s sends 10 requests with a malformed timestamp at
    once: at most 3 (plus one per second the flood took) are answered SIGNATURE_INVALID, the rest
    RATE_LIMITED, and a good request right after finds the bucket empty (unless a second passed)."""
    credentials = new_client(stores, rate_per_second=1, rate_burst=3)
    token = await inprocess.access_token(served.channel, credentials)
    started = time.monotonic()

    async def bad() -> str:
        _, body = program_body()
        metadata = headers_with(credentials, token, fixed, body, "x-rewards-timestamp", "7" * 5_000)
        return (await refused(create_program(served, metadata, body)))[1]

    reasons = await asyncio.gather(*(bad() for _ in range(10)))
    program_id, body = program_body()
    try:
        await create_program(served, inprocess.signed_metadata(
            credentials, token, CREATE_PROGRAM, body, str(now(fixed))), body)
        good = None
    except grpc.aio.AioRpcError as error:
        good = inprocess.error_info_of(error)[1]
    elapsed_s = time.monotonic() - started
    admitted_max = 3 + int(elapsed_s) + 1  # The burst, and what the bucket refilled meanwhile.

    assert set(reasons) <= {"SIGNATURE_INVALID", "RATE_LIMITED"} and "SIGNATURE_INVALID" in reasons
    assert reasons.count("SIGNATURE_INVALID") <= admitted_max
    assert reasons.count("RATE_LIMITED") >= 10 - admitted_max
    if elapsed_s < 1:  # No token refilled yet: the good request finds the bucket empty.
        assert good == "RATE_LIMITED" and not program_exists(stores, program_id)
    else:
        assert good in (None, "RATE_LIMITED") and program_exists(stores, program_id) == (good is None)
