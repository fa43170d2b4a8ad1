"""The lucky-draw sequence against the real Postgres (0028_lucky_draws.sql): several ledger writers
(as several server workers have) commit entries of one program at once; each entry's range is
taken from the program's sequence row in the entry's own transaction, so the ranges are disjoint
and cover exactly 1..total, and a write that fails at its commit (here a duplicate entry in the
middle of the batches) takes no number."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid

from core.adapters.postgres.ledger_writer import LedgerWrite, LedgerWriter, WriteRejected
from core.adapters.postgres.points_ledger import PointsLedgerStore, lucky_draw_entry_row
from core.domain.lucky_draws import NumberRange, contiguous_cover

ORG = "org-lucky"


def entry(program_id: str, count: int, points_transaction_id: str = "") -> LedgerWrite:
    return LedgerWrite((lucky_draw_entry_row(
        points_transaction_id=points_transaction_id or str(uuid.uuid4()), org_id=ORG, program_id=program_id,
        account_id=str(uuid.uuid4()), draw_period="2026-12", regular_points=count, bonus_points=0, reward_points=0,
        number_width=10, create_time=dt.datetime.now(dt.timezone.utc)),))


async def test_concurrent_writers_take_disjoint_ranges_and_a_refused_write_takes_none(pool):
    program_id = "p-" + uuid.uuid4().hex[:10]
    writers = [LedgerWriter(pool, linger_ms=5) for _ in range(3)]
    for writer in writers:
        writer.start()
    taken = str(uuid.uuid4())
    try:
        await writers[0].submit(entry(program_id, 2, taken))
        writes = [entry(program_id, 1 + n % 5) for n in range(60)]
        duplicates = [entry(program_id, 4, taken) for _ in range(3)]
        mixed = writes[:30] + duplicates + writes[30:]
        outcomes = await asyncio.gather(*(writers[n % 3].submit(write) for n, write in enumerate(mixed)),
                                        return_exceptions=True)
    finally:
        for writer in writers:
            await writer.close()

    refused = [o for o in outcomes if isinstance(o, WriteRejected)]
    assert len(refused) == 3 and all(o.constraint == "lucky_draw_entries_pkey" for o in refused)
    assert [o for o in outcomes if o is not None and not isinstance(o, WriteRejected)] == []
    rows = await PointsLedgerStore(pool).lucky_draw_entries(org_id=ORG, program_id=program_id,
                                                            draw_period="2026-12", limit=1_000)
    ranges = [NumberRange(r.first_number, r.last_number) for r in rows]
    assert len(rows) == 61
    assert contiguous_cover(ranges)
    assert max(r.last for r in ranges) == 2 + sum(1 + n % 5 for n in range(60))
    assert all(r.count == r.last_number - r.first_number + 1 for r in rows)
