"""Receipt numbers against the real Postgres (0033_loyalty_seeds.sql): several server processes
(here several ReceiptNumbers, each with its own blocks) take numbers of one program at once; no
number is handed out twice, each process's numbers come from whole blocks of the sequence, and
another program's sequence is its own."""

from __future__ import annotations

import asyncio
import uuid

from core.adapters.postgres.receipts import ReceiptStore
from core.service.points.receipts import ReceiptNumbers

ORG = "org-receipts"


async def test_processes_taking_numbers_at_once_never_share_one(pool):
    program_id = "p-" + uuid.uuid4().hex[:10]
    processes = [ReceiptNumbers(ReceiptStore(pool), block=7) for _ in range(4)]

    taken = await asyncio.gather(*(processes[n % 4].take(ORG, program_id) for n in range(200)))

    assert len(set(taken)) == 200
    assert min(taken) == 1
    # Each process takes whole blocks of 7: the numbers given are within the blocks taken.
    assert max(taken) <= 200 + 4 * 7


async def test_a_process_hands_out_its_block_in_order_before_taking_the_next(pool):
    program_id = "p-" + uuid.uuid4().hex[:10]
    first, second = ReceiptNumbers(ReceiptStore(pool), block=3), ReceiptNumbers(ReceiptStore(pool), block=3)

    assert [await first.take(ORG, program_id) for _ in range(2)] == [1, 2]
    assert await second.take(ORG, program_id) == 4  # its own block: 4..6
    assert [await first.take(ORG, program_id) for _ in range(2)] == [3, 7]
    assert await first.take(ORG, "p-" + uuid.uuid4().hex[:10]) == 1
