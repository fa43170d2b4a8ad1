"""Every RPC of the contract, and the health and reflection services, fed bad input over a real
channel: each answer is a success or a precise google.rpc.Status with an ErrorInfo reason, never
INTERNAL or UNKNOWN.

For each method, the requests are: the empty message, then each field (and each field of a
nested message, down to four levels) set on its own to values at and past the edges of its
type: empty and oversized strings, strings that are not UUIDs or hold control characters, the
extreme integers, unknown enum numbers, out-of-range timestamps and durations. Mutating requests
carry a fresh request_id, so that validation past it is reached.

For the RPCs in `bases`, the same single bad values are also set on a request that is valid in
every other way (a real program, account, offer and coupon), so that each bad value reaches the
handler. A control character in any string must answer FIELD_INVALID naming that field's path,
and those requests change nothing.
"""

from __future__ import annotations

import asyncio
import uuid

import grpc
import pytest
from google.protobuf import descriptor as pb_descriptor
from google.protobuf import message_factory
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from grpc_health.v1 import health_pb2
from grpc_reflection.v1alpha import reflection_pb2
from rewards.accounts.v1 import account_service_pb2 as accounts_api
from rewards.accounts.v1 import resources_pb2 as accounts
from rewards.coupons.v1 import coupon_service_pb2 as coupons
from rewards.coupons.v1 import offer_service_pb2 as offers
from rewards.coupons.v1 import resources_pb2 as coupon_resources
from rewards.loyalty.v1 import program_service_pb2 as programs_api
from rewards.loyalty.v1 import resources_pb2 as loyalty
from rewards.type.v1 import money_pb2

from server.servicers import registry

FD = pb_descriptor.FieldDescriptor
CONTROL = "\x00\n"
STRINGS = ["", " x ", "not-a-uuid", "x" * 5_000, CONTROL, "Ü" * 200, "-1", "a\x7fb", "\x85"]
NESTED_STRINGS = ["", "x" * 5_000, CONTROL]
INT32 = [-1, 2**31 - 1, -(2**31)]
INT64 = [-1, 2**63 - 1, -(2**63)]
UINT = [0, 2**32 - 1]
FLOATS = [-1.0, float("inf"), float("nan")]
INT32_TYPES = (FD.TYPE_INT32, FD.TYPE_SINT32, FD.TYPE_SFIXED32)
INT64_TYPES = (FD.TYPE_INT64, FD.TYPE_SINT64, FD.TYPE_SFIXED64)
REFUSED = {grpc.StatusCode.INTERNAL, grpc.StatusCode.UNKNOWN}
# A stream that would run long on a legal value (and is bounded by its own tests).
SKIPPED = {"/rewards.loyalty.v1.ProgramService/CreateEarnCodes", "/rewards.coupons.v1.OfferService/GenerateCodes"}
# Streams that never end by themselves: their first answer is read, then the call is cancelled.
ENDLESS = {"/grpc.health.v1.Health/Watch"}
# Answers the gRPC health protocol prescribes, without an ErrorInfo: Check of an unknown service.
PROTOCOL_ANSWERS = {("/grpc.health.v1.Health/Check", grpc.StatusCode.NOT_FOUND)}
CONTROL_CHARACTERS = "".join(map(chr, [*range(0x20), *range(0x7F, 0xA0)]))
FREE_TEXT = {"description", "booking_text", "note"}


def methods() -> list[tuple[str, pb_descriptor.MethodDescriptor]]:
    services = {**registry(), "grpc.health.v1.Health": health_pb2.DESCRIPTOR.services_by_name["Health"],
                "grpc.reflection.v1alpha.ServerReflection":
                    reflection_pb2.DESCRIPTOR.services_by_name["ServerReflection"]}
    return [(f"/{service}/{method.name}", method) for service, descriptor in sorted(services.items())
            for method in descriptor.methods if f"/{service}/{method.name}" not in SKIPPED]


def scalar_values(field: pb_descriptor.FieldDescriptor) -> list:
    if field.type == FD.TYPE_STRING:
        return STRINGS
    if field.type == FD.TYPE_BYTES:
        return [b"", b"\xff" * 5_000]
    if field.type in INT32_TYPES:
        return INT32
    if field.type in INT64_TYPES:
        return INT64
    if field.type in (FD.TYPE_UINT32, FD.TYPE_FIXED32, FD.TYPE_UINT64, FD.TYPE_FIXED64):
        return UINT
    if field.type in (FD.TYPE_FLOAT, FD.TYPE_DOUBLE):
        return FLOATS
    if field.type == FD.TYPE_BOOL:
        return [True]
    if field.type == FD.TYPE_ENUM:
        return [999, -1] + [value.number for value in field.enum_type.values[-1:]]
    return []


def repeated(field: pb_descriptor.FieldDescriptor) -> bool:
    return field.is_repeated if hasattr(field, "is_repeated") else field.label == FD.LABEL_REPEATED


def well_known_edges(descriptor: pb_descriptor.Descriptor) -> list | None:
    cls = message_factory.GetMessageClass(descriptor)
    if descriptor.full_name == "google.protobuf.Timestamp":
        return [cls(seconds=-(2**62)), cls(seconds=2**62), cls(nanos=-1), cls(nanos=10**9)]
    if descriptor.full_name == "google.protobuf.Duration":
        return [cls(seconds=-1), cls(seconds=2**62), cls(seconds=1, nanos=-1)]
    if descriptor.full_name == "google.protobuf.FieldMask":
        return [cls(paths=["no_such_field"]), cls(paths=["*"]), cls(paths=[""]), cls(paths=[CONTROL])]
    return None


def edges(descriptor: pb_descriptor.Descriptor, depth: int = 4, top: bool = True):
    """(steps, value) for one field at a time, `depth` message levels down at most: `steps` is the
    chain of fields from the request to the one set; `value` a scalar, a message, or a (key,
    value) pair for a map field."""
    for field in descriptor.fields:
        entry = field.message_type
        if entry is not None and entry.GetOptions().map_entry:
            key, value = entry.fields_by_name["key"], entry.fields_by_name["value"]
            if key.type == FD.TYPE_STRING and value.message_type is None:
                sample = scalar_values(value)[-1] if value.type != FD.TYPE_STRING else "v"
                for bad in NESTED_STRINGS[1:]:
                    yield [field], ("k", bad if value.type == FD.TYPE_STRING else sample)
                    yield [field], (bad, sample)
            continue
        if entry is not None:
            known = well_known_edges(entry)
            if known is not None:
                for value in known:
                    yield [field], value
                continue
            yield [field], message_factory.GetMessageClass(entry)()
            if depth > 1:
                for steps, value in edges(entry, depth - 1, top=False):
                    yield [field, *steps], value
            continue
        values = scalar_values(field)
        if not top:
            values = NESTED_STRINGS if field.type == FD.TYPE_STRING else values[:3]
        for value in values:
            yield [field], value


def with_edge(base, steps: list, value):
    """A copy of `base` with the field at the end of `steps` set to `value` (one more element of a
    repeated field), and the path the server names it by; None when protobuf refuses the value."""
    message = type(base)()
    message.CopyFrom(base)
    holder, path = message, ""
    for step in steps[:-1]:
        if repeated(step):
            items = getattr(holder, step.name)
            holder = items[0] if len(items) else items.add()
            path += f"{step.name}[0]."
        else:
            holder = getattr(holder, step.name)
            path += f"{step.name}."
    last = steps[-1]
    target = getattr(holder, last.name) if repeated(last) else None
    try:
        if last.message_type is not None and last.message_type.GetOptions().map_entry:
            key, item = value
            target[key] = item
            path += f"{last.name}[{key!r}]"
        elif last.message_type is not None:
            if target is not None:
                target.add().CopyFrom(value)
                path += f"{last.name}[{len(target) - 1}]"
            else:
                getattr(holder, last.name).CopyFrom(value)
                getattr(holder, last.name).SetInParent()
                path += last.name
        elif target is not None:
            target.append(value)
            path += f"{last.name}[{len(target) - 1}]"
        else:
            setattr(holder, last.name, value)
            path += last.name
    except (ValueError, TypeError):
        return None
    return message, path


def holds_control(steps: list, value) -> bool:
    """Whether the value set holds a character the server must refuse in that field."""
    allowed = "\t\n\r" if steps[-1].name in FREE_TEXT else ""
    texts = list(value) if isinstance(value, tuple) else [value] if isinstance(value, str) else \
        list(value.paths) if hasattr(value, "paths") else []
    return any(ch in CONTROL_CHARACTERS and ch not in allowed for text in texts for ch in text)


def requests(method: pb_descriptor.MethodDescriptor, base=None) -> list[tuple[bytes, str | None]]:
    """(request bytes, the path a FIELD_INVALID must name, or None) for every single bad value,
    set on `base` (default: the empty message)."""
    cls = message_factory.GetMessageClass(method.input_type)
    mutating = "request_id" in method.input_type.fields_by_name
    base = base if base is not None else cls()
    out = [] if base.ByteSize() else [(cls().SerializeToString(), None)]
    for steps, value in edges(method.input_type):
        made = with_edge(base, steps, value)
        if made is None:
            continue
        message, path = made
        if hasattr(value, "paths") and value.paths:
            path += ".paths[0]"
        if mutating and steps[0].name != "request_id":
            message.request_id = uuid.uuid4().hex
        out.append((message.SerializeToString(), path if holds_control(steps, value) else None))
    return out


def error_info(error: grpc.RpcError) -> error_details_pb2.ErrorInfo | None:
    status = rpc_status.from_call(error)
    for detail in status.details if status else ():
        if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            return info
    return None


@pytest.fixture
async def streaming_channel(server, credentials):
    """A channel that authenticates and signs calls of every kind."""
    from rewards_client.auth import AuthInterceptor, TokenSource
    auth = AuthInterceptor(credentials.client_secret)
    async with grpc.aio.insecure_channel(server.target, interceptors=[
            auth, auth.streams(), *auth.request_streams()]) as channel:
        auth.tokens = TokenSource(channel, credentials)
        yield channel


async def outcome(channel, name: str, method: pb_descriptor.MethodDescriptor, body: bytes,
                  control_path: str | None = None) -> str | None:
    """None for a success or a precise refusal (FIELD_INVALID naming `control_path`, when the
    request holds a control character there); otherwise what was wrong with the answer."""
    kind = (method.client_streaming, method.server_streaming)
    call = {(False, False): channel.unary_unary, (False, True): channel.unary_stream,
            (True, False): channel.stream_unary, (True, True): channel.stream_stream}[kind](
        name, request_serializer=None, response_deserializer=None)
    try:
        if kind == (False, False):
            await call(body, timeout=30)
        elif kind == (False, True):
            stream = call(body, timeout=30)
            if name in ENDLESS:
                await stream.read()
                stream.cancel()
            else:
                async for _ in stream:
                    pass
        elif kind == (True, False):
            await call(iter([body]), timeout=30)
        else:
            async for _ in call(iter([body]), timeout=30):
                pass
    except grpc.aio.AioRpcError as error:
        if error.code() in REFUSED:
            return f"{error.code().name}: {error.details()}"
        info = error_info(error)
        if info is None and (name, error.code()) not in PROTOCOL_ANSWERS:
            return f"{error.code().name} without an ErrorInfo: {error.details()}"
        if control_path is not None and (error.code(), info and info.reason, info and info.metadata.get("field")) != (
                grpc.StatusCode.INVALID_ARGUMENT, "FIELD_INVALID", control_path):
            return f"not FIELD_INVALID for {control_path}: {error.code().name} {info}"
        return None
    if control_path is not None:
        return f"accepted a control character in {control_path}"
    return None


def eur(amount_minor: int) -> money_pb2.Money:
    return money_pb2.Money(amount_minor=amount_minor, currency_code="EUR")


@pytest.fixture
async def bases(client) -> dict:
    """Requests valid in every other way, by method, on a real program, account, offer and coupon."""
    program_id = "bad-" + uuid.uuid4().hex[:10]
    await client.call(client.programs.CreateProgram, programs_api.CreateProgramRequest(program=loyalty.Program(
        program_id=program_id, display_name="Bad input", currency_code="EUR", time_zone="Europe/Berlin")))
    card = accounts.Identifier(type=accounts.IDENTIFIER_TYPE_CARDCODE, value="BI" + uuid.uuid4().hex[:12].upper())
    account_id = (await client.call(client.accounts.CreateAccount, accounts_api.CreateAccountRequest(
        program_id=program_id, identifiers=[card]))).account.account_id
    offer = coupon_resources.Offer(
        program_id=program_id, display_name="Five off", description="Five euros off",
        state=coupon_resources.OFFER_STATE_ACTIVE,
        reward=coupon_resources.Reward(kind=coupon_resources.REWARD_KIND_DISCOUNT_AMOUNT, discount_amount=eur(500)),
        rules=coupon_resources.OfferRules(store_ids=["store-1"], time_zone="Europe/Berlin"),
        content=coupon_resources.OfferContent(texts=[coupon_resources.OfferText(language_code="en", title="Five")]))
    offer_id = (await client.call(client.offers.CreateOffer, offers.CreateOfferRequest(offer=offer))).offer.offer_id
    code = (await client.call(client.coupons.IssueCoupon, coupons.IssueCouponRequest(
        offer_id=offer_id, account_id=account_id))).coupon.code
    fresh_card = accounts.Identifier(type=accounts.IDENTIFIER_TYPE_CARDCODE, value="BJ" + uuid.uuid4().hex[:12].upper())
    return {
        "/rewards.coupons.v1.OfferService/CreateOffer": offers.CreateOfferRequest(offer=offer),
        "/rewards.coupons.v1.OfferService/ListOffers": offers.ListOffersRequest(program_id=program_id,
                                                                                store_id="store-1"),
        "/rewards.coupons.v1.CouponService/IssueCoupon": coupons.IssueCouponRequest(offer_id=offer_id,
                                                                                    account_id=account_id),
        "/rewards.coupons.v1.CouponService/GetCoupon": coupons.GetCouponRequest(code=code, account_id=account_id),
        "/rewards.coupons.v1.CouponService/ValidateCoupon": coupons.ValidateCouponRequest(
            code=code, account_id=account_id, store_id="store-1", bill_amount=eur(2_000)),
        "/rewards.coupons.v1.CouponService/RedeemCoupon": coupons.RedeemCouponRequest(
            code=code, account_id=account_id, store_id="store-1", bill_amount=eur(2_000)),
        "/rewards.accounts.v1.AccountService/CreateAccount": accounts_api.CreateAccountRequest(
            program_id=program_id, identifiers=[fresh_card]),
        "/rewards.accounts.v1.AccountService/GetAccount": accounts_api.GetAccountRequest(account_id=account_id),
        "ids": {"program_id": program_id, "account_id": account_id, "offer_id": offer_id},
    }


def changes(stores, ids: dict) -> tuple[int, ...]:
    """What a refused request must not change: offers, accounts, coupons and redemptions."""
    import psycopg
    with psycopg.connect(stores.database_url) as connection:
        return tuple(connection.execute(sql, args).fetchone()[0] for sql, args in (
            ("SELECT count(*) FROM offers WHERE org_id = 'org-test'", ()),
            ("SELECT count(*) FROM accounts WHERE org_id = 'org-test'", ()),
            ("SELECT count(*) FROM coupons WHERE offer_id = %s", (ids["offer_id"],)),
            ("SELECT count(*) FROM coupon_redemptions WHERE offer_id = %s", (ids["offer_id"],))))


async def run_cases(channel, cases) -> list[str]:
    gate = asyncio.Semaphore(16)
    failures: list[str] = []

    async def check(name: str, method, body: bytes, control_path: str | None) -> None:
        async with gate:
            problem = await outcome(channel, name, method, body, control_path)
        if problem:
            failures.append(f"{name} {body[:80]!r}: {problem}")

    await asyncio.gather(*(check(*case) for case in cases))
    return failures


async def test_no_bad_input_gets_internal_or_unknown_or_an_answer_without_a_reason(streaming_channel):
    cases = [(name, method, body, path) for name, method in methods() for body, path in requests(method)]
    failures = await run_cases(streaming_channel, cases)

    assert len(cases) > 1_000
    assert {name for name, *_ in cases} >= {"/grpc.health.v1.Health/Check", "/grpc.health.v1.Health/Watch",
                                            "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"}
    assert sum(path is not None for *_, path in cases) > 300
    assert not failures, f"{len(failures)} of {len(cases)} bad requests were answered badly:\n" + "\n".join(
        sorted(failures)[:40])


async def test_bad_values_in_otherwise_valid_requests_reach_the_handler_and_are_refused_precisely(
        streaming_channel, bases, stores):
    ids = bases.pop("ids")
    by_name = dict(methods())
    cases = [(name, by_name[name], body, path) for name, base in bases.items()
             for body, path in requests(by_name[name], base)]
    control = [case for case in cases if case[3] is not None]
    before = changes(stores, ids)

    control_failures = await run_cases(streaming_channel, control)
    after_control = changes(stores, ids)
    other_failures = await run_cases(streaming_channel, [case for case in cases if case[3] is None])

    assert len(control) > 100 and len(cases) > 450
    assert not control_failures, f"{len(control_failures)} of {len(control)} control characters:\n" + "\n".join(
        sorted(control_failures)[:40])
    assert after_control == before
    assert not other_failures, f"{len(other_failures)} of {len(cases)} bad values:\n" + "\n".join(
        sorted(other_failures)[:40])
