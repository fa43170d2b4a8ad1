from __future__ import annotations

import pytest

from core.domain.clock import SystemClock
from core.service.context import Caller
from server import bootstrap


@pytest.fixture(scope="session")
async def pool(stores):
    pool = await bootstrap.open_pool(stores.database_url, size_max=8)
    yield pool
    await pool.close()


@pytest.fixture(scope="session")
async def aredis(stores):
    client = bootstrap.redis_client(stores.redis_url)
    yield client
    await client.aclose()


@pytest.fixture(scope="session")
async def deps(pool, aredis):
    built = bootstrap.build_deps(pool, aredis, SystemClock())
    yield built
    await built.writer.close()


@pytest.fixture
def caller():
    import uuid

    return Caller(client_id=f"client-{uuid.uuid4().hex[:8]}", org_id="org-test")


KNOWN_PROGRAMS = ("resolver", "resolver-a", "resolver-b", "prog-1")
"""The fixed program ids the integration tests open accounts in (accounts are opened only in a
program that exists: PROGRAM_NOT_FOUND otherwise)."""


async def ensure_program(deps, org_id: str, program_id: str) -> None:
    """Create the program in the organisation through ProgramService's handler (one that exists
    already is fine)."""
    import uuid

    from core.domain.errors import DomainError, ErrorReason
    from core.domain.loyalty import PointsExpiryMode, Program
    from core.service import programs

    now = deps.clock.now()
    program = Program(org_id=org_id, program_id=program_id, display_name=program_id, currency_code="EUR",
                      time_zone="UTC", points_expiry=None, points_expiry_mode=PointsExpiryMode.DURATION,
                      points_expiry_months=0, min_redemption_balance_points=0, min_remaining_balance_points=0,
                      min_redeem_points=0, allow_negative_refund=False, create_time=now, update_time=now)
    try:
        await programs.create_program(programs.CreateProgram(uuid.uuid4().hex, program),
                                      Caller(client_id="programs", org_id=org_id), deps)
    except DomainError as error:
        if error.reason is not ErrorReason.PROGRAM_ALREADY_EXISTS:
            raise


@pytest.fixture(scope="session")
async def known_programs(deps):
    """KNOWN_PROGRAMS, created once in the test organisation."""
    for program_id in KNOWN_PROGRAMS:
        await ensure_program(deps, "org-test", program_id)
    return KNOWN_PROGRAMS
