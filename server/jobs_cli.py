"""`rewards-core jobs`: background jobs from the command line (README "Background jobs"), over
gRPC like `rewards-core call` (the same --target, --credentials and --ca), with a progress bar
(rich, on stderr) while a job is followed.

    rewards-core jobs generate --series <code_series_id> --count 30000000   # start, then follow
    rewards-core jobs import --series <code_series_id> --file codes.txt     # a file in REWARDS_JOBS_IMPORT_DIR
    rewards-core jobs bulk-issue --offer <offer_id> --file customers.csv    # account_id,<uuid> rows, ...
    rewards-core jobs watch <job_id>                                        # follow a running job
    rewards-core jobs list [--state RUNNING] [--kind GENERATE_CODES]        # JSON lines, newest first
    rewards-core jobs get <job_id>                                          # JSON, with its first failures
    rewards-core jobs cancel <job_id>

`generate`, `import` and `bulk-issue` print the job's id on stderr as soon as it is started, then follow it
(`--detach`: print the job and return). Interrupting the command (Ctrl-C) stops following, never
the job: `watch` follows it again, `cancel` stops it. The job as it ends is printed as JSON on
stdout; the exit code is 0 when it SUCCEEDED, 1 otherwise (failed, cancelled, or an error, whose
status and reason are printed on stderr), 2 for bad usage.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import uuid
from pathlib import Path

import grpc
from google.protobuf import json_format

from server.call import DEFAULT_TARGET, credentials_from

_STATES = ("QUEUED", "RUNNING", "CANCELLING", "SUCCEEDED", "FAILED", "CANCELLED")
_KINDS = ("GENERATE_CODES", "IMPORT_CODES", "BULK_ISSUE_COUPONS")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--target", default=os.environ.get("REWARDS_TARGET", DEFAULT_TARGET),
                        help=f"server address (REWARDS_TARGET, default {DEFAULT_TARGET})")
    parser.add_argument("--credentials", default=os.environ.get("REWARDS_CREDENTIALS_FILE"),
                        help="JSON file with org_id, client_id, client_secret (REWARDS_CREDENTIALS_FILE)")
    parser.add_argument("--ca", default=None, help="PEM CA bundle: connect with TLS")
    actions = parser.add_subparsers(dest="action", required=True)
    generate = actions.add_parser("generate", help="start a GENERATE_CODES job and follow it")
    generate.add_argument("--series", required=True, help="the UNIQUE_GENERATED or RANDOM_WITH_PREFIX series")
    generate.add_argument("--count", required=True, type=int, help="how many codes")
    importing = actions.add_parser("import", help="start an IMPORT_CODES job (a file in the server's"
                                                  " REWARDS_JOBS_IMPORT_DIR) and follow it")
    importing.add_argument("--series", required=True, help="the IMPORTED series")
    importing.add_argument("--file", required=True, help="the file's path relative to the import directory")
    issuing = actions.add_parser("bulk-issue", help="start a BULK_ISSUE_COUPONS job (a file of <kind>,<value>[,<code>]"
                                                    " rows in REWARDS_JOBS_IMPORT_DIR) and follow it")
    issuing.add_argument("--offer", required=True, help="the offer whose coupons are issued")
    issuing.add_argument("--file", required=True, help="the file's path relative to the import directory")
    for started in (generate, importing, issuing):
        started.add_argument("--request-id", default="", help="idempotency key (default: a new one); the same"
                                                              " one finds the same job")
        started.add_argument("--detach", action="store_true", help="print the job and return: do not follow")
    actions.add_parser("watch", help="follow a job to its end with a progress bar").add_argument("job_id")
    actions.add_parser("get", help="print a job and its first failed rows (JSON)").add_argument("job_id")
    actions.add_parser("cancel", help="cancel a job (it stops at its next chunk)").add_argument("job_id")
    listing = actions.add_parser("list", help="list the organisation's jobs, newest first (JSON lines)")
    listing.add_argument("--state", choices=_STATES, default=None)
    listing.add_argument("--kind", choices=_KINDS, default=None)
    listing.add_argument("--limit", type=int, default=50, help="at most this many jobs")


def run(args: argparse.Namespace) -> int:
    credentials = credentials_from(args.credentials)
    if credentials is None:
        print("rewards-core jobs: credentials needed (--credentials or REWARDS_CREDENTIALS_FILE)", file=sys.stderr)
        return 2
    try:
        return asyncio.run(_run(args, credentials))
    except KeyboardInterrupt:
        print("rewards-core jobs: stopped following; the job goes on (`jobs watch` follows it again)",
              file=sys.stderr)
        return 1


async def _run(args: argparse.Namespace, credentials) -> int:
    from rewards.jobs.v1 import job_service_pb2 as jobs

    from rewards_client import RewardsClient
    from rewards_client.errors import RewardsError

    channel_credentials = grpc.ssl_channel_credentials(Path(args.ca).read_bytes()) if args.ca else None
    async with RewardsClient.connect(args.target, credentials, channel_credentials=channel_credentials,
                                     timeout_s=30) as client:
        try:
            if args.action in ("generate", "import", "bulk-issue"):
                spec = ({"generate_codes": jobs.GenerateCodesSpec(code_series_id=args.series, count=args.count)}
                        if args.action == "generate" else
                        {"import_codes": jobs.ImportCodesSpec(code_series_id=args.series, file_path=args.file)}
                        if args.action == "import" else
                        {"bulk_issue_coupons": jobs.BulkIssueCouponsSpec(offer_id=args.offer, file_path=args.file)})
                job = (await client.call(client.jobs.StartJob, jobs.StartJobRequest(
                    request_id=args.request_id or uuid.uuid4().hex, **spec))).job
                print(f"job {job.job_id}", file=sys.stderr, flush=True)
                if args.detach:
                    print(_json(job))
                    return 0
                return await _follow(client, job.job_id)
            if args.action == "watch":
                return await _follow(client, args.job_id)
            if args.action == "get":
                print(_json(await client.call(client.jobs.GetJob, jobs.GetJobRequest(job_id=args.job_id))))
                return 0
            if args.action == "cancel":
                print(_json((await client.call(client.jobs.CancelJob, jobs.CancelJobRequest(
                    job_id=args.job_id))).job))
                return 0
            return await _list(client, args)
        except RewardsError as error:
            print(json.dumps({"code": error.code.name, "reason": error.reason, "message": error.message,
                              "metadata": error.metadata}), file=sys.stderr)
            return 1


async def _list(client, args: argparse.Namespace) -> int:
    from rewards.jobs.v1 import job_service_pb2 as jobs

    token, printed = "", 0
    while printed < args.limit:
        page = await client.call(client.jobs.ListJobs, jobs.ListJobsRequest(
            state=jobs.JobState.Value(f"JOB_STATE_{args.state}") if args.state else 0,
            kind=jobs.JobKind.Value(f"JOB_KIND_{args.kind}") if args.kind else 0,
            page_size=min(args.limit - printed, 500), page_token=token))
        for job in page.jobs:
            print(_json(job))
        printed += len(page.jobs)
        token = page.next_page_token
        if not token:
            break
    return 0


async def _follow(client, job_id: str) -> int:
    """WatchJob to the end, with a progress bar on stderr; the final job on stdout."""
    from rewards.jobs.v1 import job_service_pb2 as jobs
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn,
                               TimeElapsedColumn)

    from rewards_client.errors import from_rpc_error

    console = Console(stderr=True)
    job = None
    with Progress(TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]}"), TextColumn("eta {task.fields[eta]}"), TimeElapsedColumn(),
                  console=console, transient=False) as progress:
        task = None
        try:
            async for message in client.jobs.WatchJob(jobs.WatchJobRequest(job_id=job_id), timeout=None):
                job = message.job
                name = jobs.JobKind.Name(job.kind).removeprefix("JOB_KIND_").lower()
                state = jobs.JobState.Name(job.state).removeprefix("JOB_STATE_").lower()
                fields = {"rate": f"{job.rate_per_second:,.0f}/s" if job.rate_per_second else "",
                          "eta": f"{job.eta.seconds}s" if job.HasField("eta") else "-"}
                if task is None:
                    task = progress.add_task(f"{name} {state}", total=job.total_count or None, **fields)
                progress.update(task, description=f"{name} {state}", completed=job.done_count + job.failed_count,
                                **fields)
        except grpc.aio.AioRpcError as error:
            raise from_rpc_error(error) from None
    print(_json(job))
    if job.state == jobs.JOB_STATE_FAILED:
        console.print(f"job failed: {job.error_reason}: {job.error_message}")
    return 0 if job.state == jobs.JOB_STATE_SUCCEEDED else 1


def _json(message) -> str:
    return json.dumps(json_format.MessageToDict(message, preserving_proto_field_name=True))
