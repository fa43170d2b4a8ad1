"""Python client for rewards-core: the generated stubs (package `rewards`) plus typed errors.

    import grpc
    from rewards_client import errors
    from rewards.accounts.v1 import account_service_pb2 as accounts, account_service_pb2_grpc

    channel = grpc.aio.insecure_channel("localhost:50051",
                                        interceptors=[errors.TypedErrorsInterceptor()])
    stub = account_service_pb2_grpc.AccountServiceStub(channel)
    try:
        await stub.CreateAccount(accounts.CreateAccountRequest(...))
    except errors.AlreadyExists as error:
        print(error.reason, error.metadata)
"""

from rewards_client.errors import RewardsError, TypedErrorsInterceptor, from_rpc_error

__all__ = ["RewardsError", "TypedErrorsInterceptor", "from_rpc_error"]
