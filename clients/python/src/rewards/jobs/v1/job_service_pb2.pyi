import datetime

from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class JobKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    JOB_KIND_UNSPECIFIED: _ClassVar[JobKind]
    JOB_KIND_GENERATE_CODES: _ClassVar[JobKind]
    JOB_KIND_IMPORT_CODES: _ClassVar[JobKind]
    JOB_KIND_BULK_ISSUE_COUPONS: _ClassVar[JobKind]

class JobState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    JOB_STATE_UNSPECIFIED: _ClassVar[JobState]
    JOB_STATE_QUEUED: _ClassVar[JobState]
    JOB_STATE_RUNNING: _ClassVar[JobState]
    JOB_STATE_CANCELLING: _ClassVar[JobState]
    JOB_STATE_SUCCEEDED: _ClassVar[JobState]
    JOB_STATE_FAILED: _ClassVar[JobState]
    JOB_STATE_CANCELLED: _ClassVar[JobState]
JOB_KIND_UNSPECIFIED: JobKind
JOB_KIND_GENERATE_CODES: JobKind
JOB_KIND_IMPORT_CODES: JobKind
JOB_KIND_BULK_ISSUE_COUPONS: JobKind
JOB_STATE_UNSPECIFIED: JobState
JOB_STATE_QUEUED: JobState
JOB_STATE_RUNNING: JobState
JOB_STATE_CANCELLING: JobState
JOB_STATE_SUCCEEDED: JobState
JOB_STATE_FAILED: JobState
JOB_STATE_CANCELLED: JobState

class GenerateCodesSpec(_message.Message):
    __slots__ = ("code_series_id", "count")
    CODE_SERIES_ID_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    code_series_id: str
    count: int
    def __init__(self, code_series_id: _Optional[str] = ..., count: _Optional[int] = ...) -> None: ...

class ImportCodesSpec(_message.Message):
    __slots__ = ("code_series_id", "file_path")
    CODE_SERIES_ID_FIELD_NUMBER: _ClassVar[int]
    FILE_PATH_FIELD_NUMBER: _ClassVar[int]
    code_series_id: str
    file_path: str
    def __init__(self, code_series_id: _Optional[str] = ..., file_path: _Optional[str] = ...) -> None: ...

class BulkIssueCouponsSpec(_message.Message):
    __slots__ = ("offer_id", "file_path")
    OFFER_ID_FIELD_NUMBER: _ClassVar[int]
    FILE_PATH_FIELD_NUMBER: _ClassVar[int]
    offer_id: str
    file_path: str
    def __init__(self, offer_id: _Optional[str] = ..., file_path: _Optional[str] = ...) -> None: ...

class JobFailure(_message.Message):
    __slots__ = ("row_index", "value", "reason")
    ROW_INDEX_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    row_index: int
    value: str
    reason: str
    def __init__(self, row_index: _Optional[int] = ..., value: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class Job(_message.Message):
    __slots__ = ("job_id", "kind", "state", "request_id", "generate_codes", "import_codes", "bulk_issue_coupons", "total_count", "done_count", "failed_count", "rate_per_second", "eta", "create_time", "start_time", "update_time", "finish_time", "error_reason", "error_message")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    GENERATE_CODES_FIELD_NUMBER: _ClassVar[int]
    IMPORT_CODES_FIELD_NUMBER: _ClassVar[int]
    BULK_ISSUE_COUPONS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_COUNT_FIELD_NUMBER: _ClassVar[int]
    DONE_COUNT_FIELD_NUMBER: _ClassVar[int]
    FAILED_COUNT_FIELD_NUMBER: _ClassVar[int]
    RATE_PER_SECOND_FIELD_NUMBER: _ClassVar[int]
    ETA_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    FINISH_TIME_FIELD_NUMBER: _ClassVar[int]
    ERROR_REASON_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    kind: JobKind
    state: JobState
    request_id: str
    generate_codes: GenerateCodesSpec
    import_codes: ImportCodesSpec
    bulk_issue_coupons: BulkIssueCouponsSpec
    total_count: int
    done_count: int
    failed_count: int
    rate_per_second: float
    eta: _duration_pb2.Duration
    create_time: _timestamp_pb2.Timestamp
    start_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    finish_time: _timestamp_pb2.Timestamp
    error_reason: str
    error_message: str
    def __init__(self, job_id: _Optional[str] = ..., kind: _Optional[_Union[JobKind, str]] = ..., state: _Optional[_Union[JobState, str]] = ..., request_id: _Optional[str] = ..., generate_codes: _Optional[_Union[GenerateCodesSpec, _Mapping]] = ..., import_codes: _Optional[_Union[ImportCodesSpec, _Mapping]] = ..., bulk_issue_coupons: _Optional[_Union[BulkIssueCouponsSpec, _Mapping]] = ..., total_count: _Optional[int] = ..., done_count: _Optional[int] = ..., failed_count: _Optional[int] = ..., rate_per_second: _Optional[float] = ..., eta: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., finish_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., error_reason: _Optional[str] = ..., error_message: _Optional[str] = ...) -> None: ...

class StartJobRequest(_message.Message):
    __slots__ = ("request_id", "generate_codes", "import_codes", "bulk_issue_coupons")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    GENERATE_CODES_FIELD_NUMBER: _ClassVar[int]
    IMPORT_CODES_FIELD_NUMBER: _ClassVar[int]
    BULK_ISSUE_COUPONS_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    generate_codes: GenerateCodesSpec
    import_codes: ImportCodesSpec
    bulk_issue_coupons: BulkIssueCouponsSpec
    def __init__(self, request_id: _Optional[str] = ..., generate_codes: _Optional[_Union[GenerateCodesSpec, _Mapping]] = ..., import_codes: _Optional[_Union[ImportCodesSpec, _Mapping]] = ..., bulk_issue_coupons: _Optional[_Union[BulkIssueCouponsSpec, _Mapping]] = ...) -> None: ...

class StartJobResponse(_message.Message):
    __slots__ = ("job",)
    JOB_FIELD_NUMBER: _ClassVar[int]
    job: Job
    def __init__(self, job: _Optional[_Union[Job, _Mapping]] = ...) -> None: ...

class GetJobRequest(_message.Message):
    __slots__ = ("job_id",)
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    def __init__(self, job_id: _Optional[str] = ...) -> None: ...

class GetJobResponse(_message.Message):
    __slots__ = ("job", "failures")
    JOB_FIELD_NUMBER: _ClassVar[int]
    FAILURES_FIELD_NUMBER: _ClassVar[int]
    job: Job
    failures: _containers.RepeatedCompositeFieldContainer[JobFailure]
    def __init__(self, job: _Optional[_Union[Job, _Mapping]] = ..., failures: _Optional[_Iterable[_Union[JobFailure, _Mapping]]] = ...) -> None: ...

class ListJobsRequest(_message.Message):
    __slots__ = ("kind", "state", "page_size", "page_token")
    KIND_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    kind: JobKind
    state: JobState
    page_size: int
    page_token: str
    def __init__(self, kind: _Optional[_Union[JobKind, str]] = ..., state: _Optional[_Union[JobState, str]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListJobsResponse(_message.Message):
    __slots__ = ("jobs", "next_page_token")
    JOBS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    jobs: _containers.RepeatedCompositeFieldContainer[Job]
    next_page_token: str
    def __init__(self, jobs: _Optional[_Iterable[_Union[Job, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class CancelJobRequest(_message.Message):
    __slots__ = ("request_id", "job_id")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    job_id: str
    def __init__(self, request_id: _Optional[str] = ..., job_id: _Optional[str] = ...) -> None: ...

class CancelJobResponse(_message.Message):
    __slots__ = ("job",)
    JOB_FIELD_NUMBER: _ClassVar[int]
    job: Job
    def __init__(self, job: _Optional[_Union[Job, _Mapping]] = ...) -> None: ...

class WatchJobRequest(_message.Message):
    __slots__ = ("job_id",)
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    def __init__(self, job_id: _Optional[str] = ...) -> None: ...

class WatchJobResponse(_message.Message):
    __slots__ = ("job",)
    JOB_FIELD_NUMBER: _ClassVar[int]
    job: Job
    def __init__(self, job: _Optional[_Union[Job, _Mapping]] = ...) -> None: ...
