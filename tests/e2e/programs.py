"""Loyalty programs for e2e tests: offers and accounts are opened only in programs that exist
(PROGRAM_NOT_FOUND otherwise), so tests create theirs through ProgramService.CreateProgram."""

from __future__ import annotations

import uuid

from rewards.loyalty.v1 import program_service_pb2 as programs_api
from rewards.loyalty.v1 import resources_pb2 as loyalty

from rewards_client import RewardsClient, errors

KNOWN_PROGRAMS = ("prog", "e2e-program", "e2e-other", "e2e-members", "py-client", "sec", "crash", "issuance-e2e")
"""The fixed program ids the e2e tests open offers and accounts in (created once per session)."""


async def ensure_program(client: RewardsClient, program_id: str = "", currency_code: str = "EUR",
                         time_zone: str = "UTC") -> str:
    """Create the program (a new random id if none is given); one that exists already is fine."""
    program_id = program_id or "p-" + uuid.uuid4().hex[:12]
    try:
        await client.call(client.programs.CreateProgram, programs_api.CreateProgramRequest(program=loyalty.Program(
            program_id=program_id, display_name=program_id, currency_code=currency_code, time_zone=time_zone)))
    except errors.RewardsError as error:
        if error.reason != "PROGRAM_ALREADY_EXISTS":
            raise
    return program_id


async def ensure_program_at(target: str, credentials, program_id: str) -> str:
    """ensure_program on the server at `target`, as `credentials` (a client that may manage
    programs) of the organisation the program is for."""
    async with RewardsClient.connect(target, credentials, timeout_s=60) as client:
        return await ensure_program(client, program_id)
