"""rewards.jobs.v1.JobService: proto <-> command translation around core.service.jobs."""

from __future__ import annotations

import datetime as dt

from google.protobuf import duration_pb2
from rewards.jobs.v1 import job_service_pb2 as jobs_api
from rewards.jobs.v1 import job_service_pb2_grpc

from core.domain.jobs import BulkIssueCouponsSpec, GenerateCodesSpec, ImportCodesSpec
from core.service.jobs import Job, Jobs, ListJobs, StartJob
from server.context import current_caller
from server.convert import timestamp


def job_to_proto(job: Job) -> jobs_api.Job:
    message = jobs_api.Job(job_id=job.job_id, kind=int(job.kind), state=int(job.state), request_id=job.request_id,
                           total_count=job.total_count, done_count=job.done_count, failed_count=job.failed_count,
                           rate_per_second=job.rate_per_second, create_time=timestamp(job.create_time),
                           update_time=timestamp(job.update_time), error_reason=job.error_reason,
                           error_message=job.error_message)
    if isinstance(job.spec, GenerateCodesSpec):
        message.generate_codes.CopyFrom(jobs_api.GenerateCodesSpec(code_series_id=job.spec.code_series_id,
                                                                   count=job.spec.count))
    elif isinstance(job.spec, ImportCodesSpec):
        message.import_codes.CopyFrom(jobs_api.ImportCodesSpec(code_series_id=job.spec.code_series_id,
                                                               file_path=job.spec.file_path))
    else:
        message.bulk_issue_coupons.CopyFrom(jobs_api.BulkIssueCouponsSpec(offer_id=job.spec.offer_id,
                                                                          file_path=job.spec.file_path))
    if job.eta_s is not None:
        eta = duration_pb2.Duration()
        eta.FromTimedelta(dt.timedelta(seconds=round(job.eta_s, 3)))
        message.eta.CopyFrom(eta)
    if job.start_time is not None:
        message.start_time.CopyFrom(timestamp(job.start_time))
    if job.finish_time is not None:
        message.finish_time.CopyFrom(timestamp(job.finish_time))
    return message


def spec_of_request(request: jobs_api.StartJobRequest):
    which = request.WhichOneof("spec")
    if which == "generate_codes":
        return GenerateCodesSpec(request.generate_codes.code_series_id, request.generate_codes.count)
    if which == "import_codes":
        return ImportCodesSpec(request.import_codes.code_series_id, request.import_codes.file_path)
    if which == "bulk_issue_coupons":
        return BulkIssueCouponsSpec(request.bulk_issue_coupons.offer_id, request.bulk_issue_coupons.file_path)
    return None


class JobServicer(job_service_pb2_grpc.JobServiceServicer):
    def __init__(self, jobs: Jobs) -> None:
        self._jobs = jobs

    async def StartJob(self, request: jobs_api.StartJobRequest, context) -> jobs_api.StartJobResponse:
        job = await self._jobs.start(StartJob(request.request_id, spec_of_request(request)), current_caller())
        return jobs_api.StartJobResponse(job=job_to_proto(job))

    async def GetJob(self, request: jobs_api.GetJobRequest, context) -> jobs_api.GetJobResponse:
        job, failures = await self._jobs.get(request.job_id, current_caller())
        return jobs_api.GetJobResponse(job=job_to_proto(job), failures=[
            jobs_api.JobFailure(row_index=failure.row_index, value=failure.value, reason=failure.reason)
            for failure in failures])

    async def ListJobs(self, request: jobs_api.ListJobsRequest, context) -> jobs_api.ListJobsResponse:
        page, token = await self._jobs.list(ListJobs(request.kind, request.state, request.page_size,
                                                     request.page_token), current_caller())
        return jobs_api.ListJobsResponse(jobs=[job_to_proto(job) for job in page], next_page_token=token)

    async def CancelJob(self, request: jobs_api.CancelJobRequest, context) -> jobs_api.CancelJobResponse:
        job = await self._jobs.cancel(request.request_id, request.job_id, current_caller())
        return jobs_api.CancelJobResponse(job=job_to_proto(job))

    async def WatchJob(self, request: jobs_api.WatchJobRequest, context):
        async for job in self._jobs.watch(request.job_id, current_caller()):
            yield jobs_api.WatchJobResponse(job=job_to_proto(job))
