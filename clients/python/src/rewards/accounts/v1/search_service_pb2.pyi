from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SearchType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SEARCH_TYPE_UNSPECIFIED: _ClassVar[SearchType]
    SEARCH_TYPE_ACCOUNT: _ClassVar[SearchType]
    SEARCH_TYPE_COUPON: _ClassVar[SearchType]
    SEARCH_TYPE_OFFER: _ClassVar[SearchType]
SEARCH_TYPE_UNSPECIFIED: SearchType
SEARCH_TYPE_ACCOUNT: SearchType
SEARCH_TYPE_COUPON: SearchType
SEARCH_TYPE_OFFER: SearchType

class SearchRequest(_message.Message):
    __slots__ = ("query", "types", "program_id", "page_size", "page_token")
    QUERY_FIELD_NUMBER: _ClassVar[int]
    TYPES_FIELD_NUMBER: _ClassVar[int]
    PROGRAM_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    query: str
    types: _containers.RepeatedScalarFieldContainer[SearchType]
    program_id: str
    page_size: int
    page_token: str
    def __init__(self, query: _Optional[str] = ..., types: _Optional[_Iterable[_Union[SearchType, str]]] = ..., program_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class SearchResponse(_message.Message):
    __slots__ = ("hits", "next_page_token")
    HITS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    hits: _containers.RepeatedCompositeFieldContainer[SearchHit]
    next_page_token: str
    def __init__(self, hits: _Optional[_Iterable[_Union[SearchHit, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class SearchHit(_message.Message):
    __slots__ = ("type", "ref_id", "preview", "program_id", "account_id")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    REF_ID_FIELD_NUMBER: _ClassVar[int]
    PREVIEW_FIELD_NUMBER: _ClassVar[int]
    PROGRAM_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    type: SearchType
    ref_id: str
    preview: str
    program_id: str
    account_id: str
    def __init__(self, type: _Optional[_Union[SearchType, str]] = ..., ref_id: _Optional[str] = ..., preview: _Optional[str] = ..., program_id: _Optional[str] = ..., account_id: _Optional[str] = ...) -> None: ...
