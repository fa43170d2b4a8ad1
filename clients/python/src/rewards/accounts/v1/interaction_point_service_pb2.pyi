from rewards.accounts.v1 import resources_pb2 as _resources_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CreateInteractionPointRequest(_message.Message):
    __slots__ = ("request_id", "interaction_point")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    INTERACTION_POINT_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    interaction_point: _resources_pb2.InteractionPoint
    def __init__(self, request_id: _Optional[str] = ..., interaction_point: _Optional[_Union[_resources_pb2.InteractionPoint, _Mapping]] = ...) -> None: ...

class CreateInteractionPointResponse(_message.Message):
    __slots__ = ("interaction_point",)
    INTERACTION_POINT_FIELD_NUMBER: _ClassVar[int]
    interaction_point: _resources_pb2.InteractionPoint
    def __init__(self, interaction_point: _Optional[_Union[_resources_pb2.InteractionPoint, _Mapping]] = ...) -> None: ...

class GetInteractionPointRequest(_message.Message):
    __slots__ = ("interaction_point_id",)
    INTERACTION_POINT_ID_FIELD_NUMBER: _ClassVar[int]
    interaction_point_id: str
    def __init__(self, interaction_point_id: _Optional[str] = ...) -> None: ...

class GetInteractionPointResponse(_message.Message):
    __slots__ = ("interaction_point",)
    INTERACTION_POINT_FIELD_NUMBER: _ClassVar[int]
    interaction_point: _resources_pb2.InteractionPoint
    def __init__(self, interaction_point: _Optional[_Union[_resources_pb2.InteractionPoint, _Mapping]] = ...) -> None: ...

class ListInteractionPointsRequest(_message.Message):
    __slots__ = ("store_id", "page_size", "page_token")
    STORE_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    store_id: str
    page_size: int
    page_token: str
    def __init__(self, store_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListInteractionPointsResponse(_message.Message):
    __slots__ = ("interaction_points", "next_page_token")
    INTERACTION_POINTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    interaction_points: _containers.RepeatedCompositeFieldContainer[_resources_pb2.InteractionPoint]
    next_page_token: str
    def __init__(self, interaction_points: _Optional[_Iterable[_Union[_resources_pb2.InteractionPoint, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class DeleteInteractionPointRequest(_message.Message):
    __slots__ = ("request_id", "interaction_point_id")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    INTERACTION_POINT_ID_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    interaction_point_id: str
    def __init__(self, request_id: _Optional[str] = ..., interaction_point_id: _Optional[str] = ...) -> None: ...

class DeleteInteractionPointResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
