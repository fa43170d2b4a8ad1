"""Python client for rewards-core: the generated stubs (package `rewards`), token handling,
request signing, safe retries and typed errors.

    from rewards_client import Credentials, RewardsClient, errors
    from rewards.accounts.v1 import account_service_pb2 as accounts

    async with RewardsClient.connect("localhost:50051", Credentials(org_id, client_id, secret)) as client:
        try:
            created = await client.call(client.accounts.CreateAccount,
                                        accounts.CreateAccountRequest(program_id="demo"))
        except errors.AlreadyExists as error:
            print(error.reason, error.metadata)
"""

from rewards_client.auth import AuthInterceptor, Credentials, TokenSource
from rewards_client.client import RewardsClient
from rewards_client.errors import RewardsError, TypedErrorsInterceptor, from_rpc_error

__all__ = ["AuthInterceptor", "Credentials", "RewardsClient", "RewardsError", "TokenSource",
           "TypedErrorsInterceptor", "from_rpc_error"]
