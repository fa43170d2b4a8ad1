package com.rewardscore.rewards.accounts.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Accounts, their identifiers, users and memberships.
 * Every resource is scoped to the caller's organisation (from the access token): ids of another
 * organisation behave as if they did not exist, and so do deleted accounts. Every RPC that takes
 * an account_id also takes account_identifier instead (exactly one of the two); an identifier held
 * by accounts of several of the organisation's programs fails with IDENTIFIER_AMBIGUOUS
 * (FAILED_PRECONDITION): use LookupAccount with a program_id, or the account_id. Errors travel as google.rpc.Status with an
 * ErrorInfo (domain "rewards.accounts"). Besides the reasons listed per RPC, any RPC may fail
 * with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG, FIELD_OUT_OF_RANGE (INVALID_ARGUMENT,
 * metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and
 * REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient LEDGER_QUEUE_FULL
 * (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class AccountServiceGrpc {

  private AccountServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "rewards.accounts.v1.AccountService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.CreateAccountRequest,
      com.rewardscore.rewards.accounts.v1.CreateAccountResponse> getCreateAccountMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateAccount",
      requestType = com.rewardscore.rewards.accounts.v1.CreateAccountRequest.class,
      responseType = com.rewardscore.rewards.accounts.v1.CreateAccountResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.CreateAccountRequest,
      com.rewardscore.rewards.accounts.v1.CreateAccountResponse> getCreateAccountMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.CreateAccountRequest, com.rewardscore.rewards.accounts.v1.CreateAccountResponse> getCreateAccountMethod;
    if ((getCreateAccountMethod = AccountServiceGrpc.getCreateAccountMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getCreateAccountMethod = AccountServiceGrpc.getCreateAccountMethod) == null) {
          AccountServiceGrpc.getCreateAccountMethod = getCreateAccountMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.accounts.v1.CreateAccountRequest, com.rewardscore.rewards.accounts.v1.CreateAccountResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateAccount"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.CreateAccountRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.CreateAccountResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("CreateAccount"))
              .build();
        }
      }
    }
    return getCreateAccountMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.GetAccountRequest,
      com.rewardscore.rewards.accounts.v1.GetAccountResponse> getGetAccountMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetAccount",
      requestType = com.rewardscore.rewards.accounts.v1.GetAccountRequest.class,
      responseType = com.rewardscore.rewards.accounts.v1.GetAccountResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.GetAccountRequest,
      com.rewardscore.rewards.accounts.v1.GetAccountResponse> getGetAccountMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.GetAccountRequest, com.rewardscore.rewards.accounts.v1.GetAccountResponse> getGetAccountMethod;
    if ((getGetAccountMethod = AccountServiceGrpc.getGetAccountMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getGetAccountMethod = AccountServiceGrpc.getGetAccountMethod) == null) {
          AccountServiceGrpc.getGetAccountMethod = getGetAccountMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.accounts.v1.GetAccountRequest, com.rewardscore.rewards.accounts.v1.GetAccountResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetAccount"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.GetAccountRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.GetAccountResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("GetAccount"))
              .build();
        }
      }
    }
    return getGetAccountMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.LookupAccountRequest,
      com.rewardscore.rewards.accounts.v1.LookupAccountResponse> getLookupAccountMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "LookupAccount",
      requestType = com.rewardscore.rewards.accounts.v1.LookupAccountRequest.class,
      responseType = com.rewardscore.rewards.accounts.v1.LookupAccountResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.LookupAccountRequest,
      com.rewardscore.rewards.accounts.v1.LookupAccountResponse> getLookupAccountMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.LookupAccountRequest, com.rewardscore.rewards.accounts.v1.LookupAccountResponse> getLookupAccountMethod;
    if ((getLookupAccountMethod = AccountServiceGrpc.getLookupAccountMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getLookupAccountMethod = AccountServiceGrpc.getLookupAccountMethod) == null) {
          AccountServiceGrpc.getLookupAccountMethod = getLookupAccountMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.accounts.v1.LookupAccountRequest, com.rewardscore.rewards.accounts.v1.LookupAccountResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "LookupAccount"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.LookupAccountRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.LookupAccountResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("LookupAccount"))
              .build();
        }
      }
    }
    return getLookupAccountMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.SearchAccountsRequest,
      com.rewardscore.rewards.accounts.v1.SearchAccountsResponse> getSearchAccountsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SearchAccounts",
      requestType = com.rewardscore.rewards.accounts.v1.SearchAccountsRequest.class,
      responseType = com.rewardscore.rewards.accounts.v1.SearchAccountsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.SearchAccountsRequest,
      com.rewardscore.rewards.accounts.v1.SearchAccountsResponse> getSearchAccountsMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.SearchAccountsRequest, com.rewardscore.rewards.accounts.v1.SearchAccountsResponse> getSearchAccountsMethod;
    if ((getSearchAccountsMethod = AccountServiceGrpc.getSearchAccountsMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getSearchAccountsMethod = AccountServiceGrpc.getSearchAccountsMethod) == null) {
          AccountServiceGrpc.getSearchAccountsMethod = getSearchAccountsMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.accounts.v1.SearchAccountsRequest, com.rewardscore.rewards.accounts.v1.SearchAccountsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SearchAccounts"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.SearchAccountsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.SearchAccountsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("SearchAccounts"))
              .build();
        }
      }
    }
    return getSearchAccountsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.UpdateAccountStatusRequest,
      com.rewardscore.rewards.accounts.v1.UpdateAccountStatusResponse> getUpdateAccountStatusMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateAccountStatus",
      requestType = com.rewardscore.rewards.accounts.v1.UpdateAccountStatusRequest.class,
      responseType = com.rewardscore.rewards.accounts.v1.UpdateAccountStatusResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.UpdateAccountStatusRequest,
      com.rewardscore.rewards.accounts.v1.UpdateAccountStatusResponse> getUpdateAccountStatusMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.UpdateAccountStatusRequest, com.rewardscore.rewards.accounts.v1.UpdateAccountStatusResponse> getUpdateAccountStatusMethod;
    if ((getUpdateAccountStatusMethod = AccountServiceGrpc.getUpdateAccountStatusMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getUpdateAccountStatusMethod = AccountServiceGrpc.getUpdateAccountStatusMethod) == null) {
          AccountServiceGrpc.getUpdateAccountStatusMethod = getUpdateAccountStatusMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.accounts.v1.UpdateAccountStatusRequest, com.rewardscore.rewards.accounts.v1.UpdateAccountStatusResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateAccountStatus"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.UpdateAccountStatusRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.UpdateAccountStatusResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("UpdateAccountStatus"))
              .build();
        }
      }
    }
    return getUpdateAccountStatusMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.DeleteAccountRequest,
      com.rewardscore.rewards.accounts.v1.DeleteAccountResponse> getDeleteAccountMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteAccount",
      requestType = com.rewardscore.rewards.accounts.v1.DeleteAccountRequest.class,
      responseType = com.rewardscore.rewards.accounts.v1.DeleteAccountResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.DeleteAccountRequest,
      com.rewardscore.rewards.accounts.v1.DeleteAccountResponse> getDeleteAccountMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.DeleteAccountRequest, com.rewardscore.rewards.accounts.v1.DeleteAccountResponse> getDeleteAccountMethod;
    if ((getDeleteAccountMethod = AccountServiceGrpc.getDeleteAccountMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getDeleteAccountMethod = AccountServiceGrpc.getDeleteAccountMethod) == null) {
          AccountServiceGrpc.getDeleteAccountMethod = getDeleteAccountMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.accounts.v1.DeleteAccountRequest, com.rewardscore.rewards.accounts.v1.DeleteAccountResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteAccount"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.DeleteAccountRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.DeleteAccountResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("DeleteAccount"))
              .build();
        }
      }
    }
    return getDeleteAccountMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.AddIdentifierRequest,
      com.rewardscore.rewards.accounts.v1.AddIdentifierResponse> getAddIdentifierMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AddIdentifier",
      requestType = com.rewardscore.rewards.accounts.v1.AddIdentifierRequest.class,
      responseType = com.rewardscore.rewards.accounts.v1.AddIdentifierResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.AddIdentifierRequest,
      com.rewardscore.rewards.accounts.v1.AddIdentifierResponse> getAddIdentifierMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.AddIdentifierRequest, com.rewardscore.rewards.accounts.v1.AddIdentifierResponse> getAddIdentifierMethod;
    if ((getAddIdentifierMethod = AccountServiceGrpc.getAddIdentifierMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getAddIdentifierMethod = AccountServiceGrpc.getAddIdentifierMethod) == null) {
          AccountServiceGrpc.getAddIdentifierMethod = getAddIdentifierMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.accounts.v1.AddIdentifierRequest, com.rewardscore.rewards.accounts.v1.AddIdentifierResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AddIdentifier"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.AddIdentifierRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.AddIdentifierResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("AddIdentifier"))
              .build();
        }
      }
    }
    return getAddIdentifierMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.RemoveIdentifierRequest,
      com.rewardscore.rewards.accounts.v1.RemoveIdentifierResponse> getRemoveIdentifierMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RemoveIdentifier",
      requestType = com.rewardscore.rewards.accounts.v1.RemoveIdentifierRequest.class,
      responseType = com.rewardscore.rewards.accounts.v1.RemoveIdentifierResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.RemoveIdentifierRequest,
      com.rewardscore.rewards.accounts.v1.RemoveIdentifierResponse> getRemoveIdentifierMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.RemoveIdentifierRequest, com.rewardscore.rewards.accounts.v1.RemoveIdentifierResponse> getRemoveIdentifierMethod;
    if ((getRemoveIdentifierMethod = AccountServiceGrpc.getRemoveIdentifierMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getRemoveIdentifierMethod = AccountServiceGrpc.getRemoveIdentifierMethod) == null) {
          AccountServiceGrpc.getRemoveIdentifierMethod = getRemoveIdentifierMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.accounts.v1.RemoveIdentifierRequest, com.rewardscore.rewards.accounts.v1.RemoveIdentifierResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RemoveIdentifier"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.RemoveIdentifierRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.RemoveIdentifierResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("RemoveIdentifier"))
              .build();
        }
      }
    }
    return getRemoveIdentifierMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.CreateUserRequest,
      com.rewardscore.rewards.accounts.v1.CreateUserResponse> getCreateUserMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateUser",
      requestType = com.rewardscore.rewards.accounts.v1.CreateUserRequest.class,
      responseType = com.rewardscore.rewards.accounts.v1.CreateUserResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.CreateUserRequest,
      com.rewardscore.rewards.accounts.v1.CreateUserResponse> getCreateUserMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.CreateUserRequest, com.rewardscore.rewards.accounts.v1.CreateUserResponse> getCreateUserMethod;
    if ((getCreateUserMethod = AccountServiceGrpc.getCreateUserMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getCreateUserMethod = AccountServiceGrpc.getCreateUserMethod) == null) {
          AccountServiceGrpc.getCreateUserMethod = getCreateUserMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.accounts.v1.CreateUserRequest, com.rewardscore.rewards.accounts.v1.CreateUserResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateUser"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.CreateUserRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.CreateUserResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("CreateUser"))
              .build();
        }
      }
    }
    return getCreateUserMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.GetUserRequest,
      com.rewardscore.rewards.accounts.v1.GetUserResponse> getGetUserMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetUser",
      requestType = com.rewardscore.rewards.accounts.v1.GetUserRequest.class,
      responseType = com.rewardscore.rewards.accounts.v1.GetUserResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.GetUserRequest,
      com.rewardscore.rewards.accounts.v1.GetUserResponse> getGetUserMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.GetUserRequest, com.rewardscore.rewards.accounts.v1.GetUserResponse> getGetUserMethod;
    if ((getGetUserMethod = AccountServiceGrpc.getGetUserMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getGetUserMethod = AccountServiceGrpc.getGetUserMethod) == null) {
          AccountServiceGrpc.getGetUserMethod = getGetUserMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.accounts.v1.GetUserRequest, com.rewardscore.rewards.accounts.v1.GetUserResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetUser"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.GetUserRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.GetUserResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("GetUser"))
              .build();
        }
      }
    }
    return getGetUserMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.UpdateUserRequest,
      com.rewardscore.rewards.accounts.v1.UpdateUserResponse> getUpdateUserMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateUser",
      requestType = com.rewardscore.rewards.accounts.v1.UpdateUserRequest.class,
      responseType = com.rewardscore.rewards.accounts.v1.UpdateUserResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.UpdateUserRequest,
      com.rewardscore.rewards.accounts.v1.UpdateUserResponse> getUpdateUserMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.UpdateUserRequest, com.rewardscore.rewards.accounts.v1.UpdateUserResponse> getUpdateUserMethod;
    if ((getUpdateUserMethod = AccountServiceGrpc.getUpdateUserMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getUpdateUserMethod = AccountServiceGrpc.getUpdateUserMethod) == null) {
          AccountServiceGrpc.getUpdateUserMethod = getUpdateUserMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.accounts.v1.UpdateUserRequest, com.rewardscore.rewards.accounts.v1.UpdateUserResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateUser"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.UpdateUserRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.UpdateUserResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("UpdateUser"))
              .build();
        }
      }
    }
    return getUpdateUserMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.AddMembershipRequest,
      com.rewardscore.rewards.accounts.v1.AddMembershipResponse> getAddMembershipMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AddMembership",
      requestType = com.rewardscore.rewards.accounts.v1.AddMembershipRequest.class,
      responseType = com.rewardscore.rewards.accounts.v1.AddMembershipResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.AddMembershipRequest,
      com.rewardscore.rewards.accounts.v1.AddMembershipResponse> getAddMembershipMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.AddMembershipRequest, com.rewardscore.rewards.accounts.v1.AddMembershipResponse> getAddMembershipMethod;
    if ((getAddMembershipMethod = AccountServiceGrpc.getAddMembershipMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getAddMembershipMethod = AccountServiceGrpc.getAddMembershipMethod) == null) {
          AccountServiceGrpc.getAddMembershipMethod = getAddMembershipMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.accounts.v1.AddMembershipRequest, com.rewardscore.rewards.accounts.v1.AddMembershipResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AddMembership"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.AddMembershipRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.AddMembershipResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("AddMembership"))
              .build();
        }
      }
    }
    return getAddMembershipMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.RemoveMembershipRequest,
      com.rewardscore.rewards.accounts.v1.RemoveMembershipResponse> getRemoveMembershipMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RemoveMembership",
      requestType = com.rewardscore.rewards.accounts.v1.RemoveMembershipRequest.class,
      responseType = com.rewardscore.rewards.accounts.v1.RemoveMembershipResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.RemoveMembershipRequest,
      com.rewardscore.rewards.accounts.v1.RemoveMembershipResponse> getRemoveMembershipMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.RemoveMembershipRequest, com.rewardscore.rewards.accounts.v1.RemoveMembershipResponse> getRemoveMembershipMethod;
    if ((getRemoveMembershipMethod = AccountServiceGrpc.getRemoveMembershipMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getRemoveMembershipMethod = AccountServiceGrpc.getRemoveMembershipMethod) == null) {
          AccountServiceGrpc.getRemoveMembershipMethod = getRemoveMembershipMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.accounts.v1.RemoveMembershipRequest, com.rewardscore.rewards.accounts.v1.RemoveMembershipResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RemoveMembership"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.RemoveMembershipRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.RemoveMembershipResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("RemoveMembership"))
              .build();
        }
      }
    }
    return getRemoveMembershipMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.ListMembershipsRequest,
      com.rewardscore.rewards.accounts.v1.ListMembershipsResponse> getListMembershipsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListMemberships",
      requestType = com.rewardscore.rewards.accounts.v1.ListMembershipsRequest.class,
      responseType = com.rewardscore.rewards.accounts.v1.ListMembershipsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.ListMembershipsRequest,
      com.rewardscore.rewards.accounts.v1.ListMembershipsResponse> getListMembershipsMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.ListMembershipsRequest, com.rewardscore.rewards.accounts.v1.ListMembershipsResponse> getListMembershipsMethod;
    if ((getListMembershipsMethod = AccountServiceGrpc.getListMembershipsMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getListMembershipsMethod = AccountServiceGrpc.getListMembershipsMethod) == null) {
          AccountServiceGrpc.getListMembershipsMethod = getListMembershipsMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.accounts.v1.ListMembershipsRequest, com.rewardscore.rewards.accounts.v1.ListMembershipsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListMemberships"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.ListMembershipsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.ListMembershipsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("ListMemberships"))
              .build();
        }
      }
    }
    return getListMembershipsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static AccountServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AccountServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AccountServiceStub>() {
        @java.lang.Override
        public AccountServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AccountServiceStub(channel, callOptions);
        }
      };
    return AccountServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static AccountServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AccountServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AccountServiceBlockingV2Stub>() {
        @java.lang.Override
        public AccountServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AccountServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return AccountServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static AccountServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AccountServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AccountServiceBlockingStub>() {
        @java.lang.Override
        public AccountServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AccountServiceBlockingStub(channel, callOptions);
        }
      };
    return AccountServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static AccountServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AccountServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AccountServiceFutureStub>() {
        @java.lang.Override
        public AccountServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AccountServiceFutureStub(channel, callOptions);
        }
      };
    return AccountServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Accounts, their identifiers, users and memberships.
   * Every resource is scoped to the caller's organisation (from the access token): ids of another
   * organisation behave as if they did not exist, and so do deleted accounts. Every RPC that takes
   * an account_id also takes account_identifier instead (exactly one of the two); an identifier held
   * by accounts of several of the organisation's programs fails with IDENTIFIER_AMBIGUOUS
   * (FAILED_PRECONDITION): use LookupAccount with a program_id, or the account_id. Errors travel as google.rpc.Status with an
   * ErrorInfo (domain "rewards.accounts"). Besides the reasons listed per RPC, any RPC may fail
   * with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG, FIELD_OUT_OF_RANGE (INVALID_ARGUMENT,
   * metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and
   * REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient LEDGER_QUEUE_FULL
   * (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Creates an ACTIVE account in a program, with zero or more identifiers.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND; the organisation has no such program; create it with
     * ProgramService.CreateProgram), IDENTIFIER_ALREADY_EXISTS (ALREADY_EXISTS; another account of
     * the program holds one of the identifiers; metadata "identifier_type", "value").
     * </pre>
     */
    default void createAccount(com.rewardscore.rewards.accounts.v1.CreateAccountRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.CreateAccountResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateAccountMethod(), responseObserver);
    }

    /**
     * <pre>
     * Reads one account by id or identifier.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND; also for a deleted account).
     * </pre>
     */
    default void getAccount(com.rewardscore.rewards.accounts.v1.GetAccountRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.GetAccountResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetAccountMethod(), responseObserver);
    }

    /**
     * <pre>
     * Finds the account of a program that holds an identifier (e.g. a scanned card).
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND; no account of the program holds it).
     * </pre>
     */
    default void lookupAccount(com.rewardscore.rewards.accounts.v1.LookupAccountRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.LookupAccountResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getLookupAccountMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the accounts of a program that match all the given filters, oldest first (by
     * create_time, then account_id).
     * </pre>
     */
    default void searchAccounts(com.rewardscore.rewards.accounts.v1.SearchAccountsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.SearchAccountsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSearchAccountsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Moves an account to another status. Allowed: ACTIVE &lt;-&gt; LOCKED, and ACTIVE or LOCKED
     * -&gt; DEACTIVATED. Setting the current status again succeeds without change.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_STATUS_TRANSITION_INVALID
     * (FAILED_PRECONDITION; metadata "account_id", "from", "to"), e.g. leaving DEACTIVATED.
     * </pre>
     */
    default void updateAccountStatus(com.rewardscore.rewards.accounts.v1.UpdateAccountStatusRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.UpdateAccountStatusResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateAccountStatusMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes an account: it is never returned again (ACCOUNT_NOT_FOUND), its identifiers become
     * free for other accounts and its memberships end. Its ledger history is kept.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND; also when already deleted).
     * </pre>
     */
    default void deleteAccount(com.rewardscore.rewards.accounts.v1.DeleteAccountRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.DeleteAccountResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteAccountMethod(), responseObserver);
    }

    /**
     * <pre>
     * Adds one identifier to an account. Adding one the account already holds succeeds
     * without change.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE (FAILED_PRECONDITION; DEACTIVATED
     * accounts only), IDENTIFIER_ALREADY_EXISTS (ALREADY_EXISTS; held by another account of the
     * program; metadata "identifier_type", "value"), ACCOUNT_IDENTIFIER_LIMIT_REACHED
     * (FAILED_PRECONDITION; the account holds 16; metadata "identifier_count_max").
     * </pre>
     */
    default void addIdentifier(com.rewardscore.rewards.accounts.v1.AddIdentifierRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.AddIdentifierResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAddIdentifierMethod(), responseObserver);
    }

    /**
     * <pre>
     * Removes one identifier from an account; the pair becomes free for another account. An
     * account may be left without identifiers (it is still reachable by account_id), as
     * CreateAccount allows.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), IDENTIFIER_NOT_FOUND (NOT_FOUND; the account does
     * not hold it).
     * </pre>
     */
    default void removeIdentifier(com.rewardscore.rewards.accounts.v1.RemoveIdentifierRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.RemoveIdentifierResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRemoveIdentifierMethod(), responseObserver);
    }

    /**
     * <pre>
     * Creates a user of the caller's organisation.
     * Errors: USER_ALREADY_EXISTS (ALREADY_EXISTS; external_user_id is taken).
     * </pre>
     */
    default void createUser(com.rewardscore.rewards.accounts.v1.CreateUserRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.CreateUserResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateUserMethod(), responseObserver);
    }

    /**
     * <pre>
     * Reads one user.
     * Errors: USER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    default void getUser(com.rewardscore.rewards.accounts.v1.GetUserRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.GetUserResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetUserMethod(), responseObserver);
    }

    /**
     * <pre>
     * Changes a user's personal data.
     * Errors: USER_NOT_FOUND (NOT_FOUND), USER_ALREADY_EXISTS (ALREADY_EXISTS; the new
     * external_user_id is taken).
     * </pre>
     */
    default void updateUser(com.rewardscore.rewards.accounts.v1.UpdateUserRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.UpdateUserResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateUserMethod(), responseObserver);
    }

    /**
     * <pre>
     * Makes a user a member of an account with a role and marketing opt-ins.
     * Errors: ACCOUNT_NOT_FOUND, USER_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE
     * (FAILED_PRECONDITION; DEACTIVATED accounts only), MEMBERSHIP_ALREADY_EXISTS (ALREADY_EXISTS;
     * the user is already a member), ACCOUNT_OWNER_EXISTS (FAILED_PRECONDITION; an OWNER exists),
     * ACCOUNT_MEMBERSHIP_LIMIT_REACHED (FAILED_PRECONDITION; the account has 16 members; metadata
     * "membership_count_max").
     * </pre>
     */
    default void addMembership(com.rewardscore.rewards.accounts.v1.AddMembershipRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.AddMembershipResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAddMembershipMethod(), responseObserver);
    }

    /**
     * <pre>
     * Ends a user's membership of an account.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), MEMBERSHIP_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    default void removeMembership(com.rewardscore.rewards.accounts.v1.RemoveMembershipRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.RemoveMembershipResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRemoveMembershipMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the memberships of one account or of one user, oldest first (by create_time, then
     * the other id).
     * Errors: ACCOUNT_NOT_FOUND, USER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    default void listMemberships(com.rewardscore.rewards.accounts.v1.ListMembershipsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.ListMembershipsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListMembershipsMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service AccountService.
   * <pre>
   * Accounts, their identifiers, users and memberships.
   * Every resource is scoped to the caller's organisation (from the access token): ids of another
   * organisation behave as if they did not exist, and so do deleted accounts. Every RPC that takes
   * an account_id also takes account_identifier instead (exactly one of the two); an identifier held
   * by accounts of several of the organisation's programs fails with IDENTIFIER_AMBIGUOUS
   * (FAILED_PRECONDITION): use LookupAccount with a program_id, or the account_id. Errors travel as google.rpc.Status with an
   * ErrorInfo (domain "rewards.accounts"). Besides the reasons listed per RPC, any RPC may fail
   * with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG, FIELD_OUT_OF_RANGE (INVALID_ARGUMENT,
   * metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and
   * REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient LEDGER_QUEUE_FULL
   * (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static abstract class AccountServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return AccountServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service AccountService.
   * <pre>
   * Accounts, their identifiers, users and memberships.
   * Every resource is scoped to the caller's organisation (from the access token): ids of another
   * organisation behave as if they did not exist, and so do deleted accounts. Every RPC that takes
   * an account_id also takes account_identifier instead (exactly one of the two); an identifier held
   * by accounts of several of the organisation's programs fails with IDENTIFIER_AMBIGUOUS
   * (FAILED_PRECONDITION): use LookupAccount with a program_id, or the account_id. Errors travel as google.rpc.Status with an
   * ErrorInfo (domain "rewards.accounts"). Besides the reasons listed per RPC, any RPC may fail
   * with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG, FIELD_OUT_OF_RANGE (INVALID_ARGUMENT,
   * metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and
   * REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient LEDGER_QUEUE_FULL
   * (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class AccountServiceStub
      extends io.grpc.stub.AbstractAsyncStub<AccountServiceStub> {
    private AccountServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AccountServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AccountServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an ACTIVE account in a program, with zero or more identifiers.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND; the organisation has no such program; create it with
     * ProgramService.CreateProgram), IDENTIFIER_ALREADY_EXISTS (ALREADY_EXISTS; another account of
     * the program holds one of the identifiers; metadata "identifier_type", "value").
     * </pre>
     */
    public void createAccount(com.rewardscore.rewards.accounts.v1.CreateAccountRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.CreateAccountResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateAccountMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Reads one account by id or identifier.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND; also for a deleted account).
     * </pre>
     */
    public void getAccount(com.rewardscore.rewards.accounts.v1.GetAccountRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.GetAccountResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetAccountMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Finds the account of a program that holds an identifier (e.g. a scanned card).
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND; no account of the program holds it).
     * </pre>
     */
    public void lookupAccount(com.rewardscore.rewards.accounts.v1.LookupAccountRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.LookupAccountResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getLookupAccountMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the accounts of a program that match all the given filters, oldest first (by
     * create_time, then account_id).
     * </pre>
     */
    public void searchAccounts(com.rewardscore.rewards.accounts.v1.SearchAccountsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.SearchAccountsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSearchAccountsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Moves an account to another status. Allowed: ACTIVE &lt;-&gt; LOCKED, and ACTIVE or LOCKED
     * -&gt; DEACTIVATED. Setting the current status again succeeds without change.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_STATUS_TRANSITION_INVALID
     * (FAILED_PRECONDITION; metadata "account_id", "from", "to"), e.g. leaving DEACTIVATED.
     * </pre>
     */
    public void updateAccountStatus(com.rewardscore.rewards.accounts.v1.UpdateAccountStatusRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.UpdateAccountStatusResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateAccountStatusMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes an account: it is never returned again (ACCOUNT_NOT_FOUND), its identifiers become
     * free for other accounts and its memberships end. Its ledger history is kept.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND; also when already deleted).
     * </pre>
     */
    public void deleteAccount(com.rewardscore.rewards.accounts.v1.DeleteAccountRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.DeleteAccountResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteAccountMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Adds one identifier to an account. Adding one the account already holds succeeds
     * without change.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE (FAILED_PRECONDITION; DEACTIVATED
     * accounts only), IDENTIFIER_ALREADY_EXISTS (ALREADY_EXISTS; held by another account of the
     * program; metadata "identifier_type", "value"), ACCOUNT_IDENTIFIER_LIMIT_REACHED
     * (FAILED_PRECONDITION; the account holds 16; metadata "identifier_count_max").
     * </pre>
     */
    public void addIdentifier(com.rewardscore.rewards.accounts.v1.AddIdentifierRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.AddIdentifierResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAddIdentifierMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Removes one identifier from an account; the pair becomes free for another account. An
     * account may be left without identifiers (it is still reachable by account_id), as
     * CreateAccount allows.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), IDENTIFIER_NOT_FOUND (NOT_FOUND; the account does
     * not hold it).
     * </pre>
     */
    public void removeIdentifier(com.rewardscore.rewards.accounts.v1.RemoveIdentifierRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.RemoveIdentifierResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRemoveIdentifierMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Creates a user of the caller's organisation.
     * Errors: USER_ALREADY_EXISTS (ALREADY_EXISTS; external_user_id is taken).
     * </pre>
     */
    public void createUser(com.rewardscore.rewards.accounts.v1.CreateUserRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.CreateUserResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateUserMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Reads one user.
     * Errors: USER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public void getUser(com.rewardscore.rewards.accounts.v1.GetUserRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.GetUserResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetUserMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Changes a user's personal data.
     * Errors: USER_NOT_FOUND (NOT_FOUND), USER_ALREADY_EXISTS (ALREADY_EXISTS; the new
     * external_user_id is taken).
     * </pre>
     */
    public void updateUser(com.rewardscore.rewards.accounts.v1.UpdateUserRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.UpdateUserResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateUserMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Makes a user a member of an account with a role and marketing opt-ins.
     * Errors: ACCOUNT_NOT_FOUND, USER_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE
     * (FAILED_PRECONDITION; DEACTIVATED accounts only), MEMBERSHIP_ALREADY_EXISTS (ALREADY_EXISTS;
     * the user is already a member), ACCOUNT_OWNER_EXISTS (FAILED_PRECONDITION; an OWNER exists),
     * ACCOUNT_MEMBERSHIP_LIMIT_REACHED (FAILED_PRECONDITION; the account has 16 members; metadata
     * "membership_count_max").
     * </pre>
     */
    public void addMembership(com.rewardscore.rewards.accounts.v1.AddMembershipRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.AddMembershipResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAddMembershipMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Ends a user's membership of an account.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), MEMBERSHIP_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public void removeMembership(com.rewardscore.rewards.accounts.v1.RemoveMembershipRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.RemoveMembershipResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRemoveMembershipMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the memberships of one account or of one user, oldest first (by create_time, then
     * the other id).
     * Errors: ACCOUNT_NOT_FOUND, USER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public void listMemberships(com.rewardscore.rewards.accounts.v1.ListMembershipsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.ListMembershipsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListMembershipsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service AccountService.
   * <pre>
   * Accounts, their identifiers, users and memberships.
   * Every resource is scoped to the caller's organisation (from the access token): ids of another
   * organisation behave as if they did not exist, and so do deleted accounts. Every RPC that takes
   * an account_id also takes account_identifier instead (exactly one of the two); an identifier held
   * by accounts of several of the organisation's programs fails with IDENTIFIER_AMBIGUOUS
   * (FAILED_PRECONDITION): use LookupAccount with a program_id, or the account_id. Errors travel as google.rpc.Status with an
   * ErrorInfo (domain "rewards.accounts"). Besides the reasons listed per RPC, any RPC may fail
   * with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG, FIELD_OUT_OF_RANGE (INVALID_ARGUMENT,
   * metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and
   * REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient LEDGER_QUEUE_FULL
   * (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class AccountServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<AccountServiceBlockingV2Stub> {
    private AccountServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AccountServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AccountServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an ACTIVE account in a program, with zero or more identifiers.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND; the organisation has no such program; create it with
     * ProgramService.CreateProgram), IDENTIFIER_ALREADY_EXISTS (ALREADY_EXISTS; another account of
     * the program holds one of the identifiers; metadata "identifier_type", "value").
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.CreateAccountResponse createAccount(com.rewardscore.rewards.accounts.v1.CreateAccountRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateAccountMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads one account by id or identifier.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND; also for a deleted account).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.GetAccountResponse getAccount(com.rewardscore.rewards.accounts.v1.GetAccountRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetAccountMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Finds the account of a program that holds an identifier (e.g. a scanned card).
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND; no account of the program holds it).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.LookupAccountResponse lookupAccount(com.rewardscore.rewards.accounts.v1.LookupAccountRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getLookupAccountMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the accounts of a program that match all the given filters, oldest first (by
     * create_time, then account_id).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.SearchAccountsResponse searchAccounts(com.rewardscore.rewards.accounts.v1.SearchAccountsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getSearchAccountsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Moves an account to another status. Allowed: ACTIVE &lt;-&gt; LOCKED, and ACTIVE or LOCKED
     * -&gt; DEACTIVATED. Setting the current status again succeeds without change.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_STATUS_TRANSITION_INVALID
     * (FAILED_PRECONDITION; metadata "account_id", "from", "to"), e.g. leaving DEACTIVATED.
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.UpdateAccountStatusResponse updateAccountStatus(com.rewardscore.rewards.accounts.v1.UpdateAccountStatusRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateAccountStatusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes an account: it is never returned again (ACCOUNT_NOT_FOUND), its identifiers become
     * free for other accounts and its memberships end. Its ledger history is kept.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND; also when already deleted).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.DeleteAccountResponse deleteAccount(com.rewardscore.rewards.accounts.v1.DeleteAccountRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteAccountMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds one identifier to an account. Adding one the account already holds succeeds
     * without change.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE (FAILED_PRECONDITION; DEACTIVATED
     * accounts only), IDENTIFIER_ALREADY_EXISTS (ALREADY_EXISTS; held by another account of the
     * program; metadata "identifier_type", "value"), ACCOUNT_IDENTIFIER_LIMIT_REACHED
     * (FAILED_PRECONDITION; the account holds 16; metadata "identifier_count_max").
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.AddIdentifierResponse addIdentifier(com.rewardscore.rewards.accounts.v1.AddIdentifierRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getAddIdentifierMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes one identifier from an account; the pair becomes free for another account. An
     * account may be left without identifiers (it is still reachable by account_id), as
     * CreateAccount allows.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), IDENTIFIER_NOT_FOUND (NOT_FOUND; the account does
     * not hold it).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.RemoveIdentifierResponse removeIdentifier(com.rewardscore.rewards.accounts.v1.RemoveIdentifierRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRemoveIdentifierMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Creates a user of the caller's organisation.
     * Errors: USER_ALREADY_EXISTS (ALREADY_EXISTS; external_user_id is taken).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.CreateUserResponse createUser(com.rewardscore.rewards.accounts.v1.CreateUserRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateUserMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads one user.
     * Errors: USER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.GetUserResponse getUser(com.rewardscore.rewards.accounts.v1.GetUserRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetUserMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Changes a user's personal data.
     * Errors: USER_NOT_FOUND (NOT_FOUND), USER_ALREADY_EXISTS (ALREADY_EXISTS; the new
     * external_user_id is taken).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.UpdateUserResponse updateUser(com.rewardscore.rewards.accounts.v1.UpdateUserRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateUserMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Makes a user a member of an account with a role and marketing opt-ins.
     * Errors: ACCOUNT_NOT_FOUND, USER_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE
     * (FAILED_PRECONDITION; DEACTIVATED accounts only), MEMBERSHIP_ALREADY_EXISTS (ALREADY_EXISTS;
     * the user is already a member), ACCOUNT_OWNER_EXISTS (FAILED_PRECONDITION; an OWNER exists),
     * ACCOUNT_MEMBERSHIP_LIMIT_REACHED (FAILED_PRECONDITION; the account has 16 members; metadata
     * "membership_count_max").
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.AddMembershipResponse addMembership(com.rewardscore.rewards.accounts.v1.AddMembershipRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getAddMembershipMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Ends a user's membership of an account.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), MEMBERSHIP_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.RemoveMembershipResponse removeMembership(com.rewardscore.rewards.accounts.v1.RemoveMembershipRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRemoveMembershipMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the memberships of one account or of one user, oldest first (by create_time, then
     * the other id).
     * Errors: ACCOUNT_NOT_FOUND, USER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.ListMembershipsResponse listMemberships(com.rewardscore.rewards.accounts.v1.ListMembershipsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListMembershipsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service AccountService.
   * <pre>
   * Accounts, their identifiers, users and memberships.
   * Every resource is scoped to the caller's organisation (from the access token): ids of another
   * organisation behave as if they did not exist, and so do deleted accounts. Every RPC that takes
   * an account_id also takes account_identifier instead (exactly one of the two); an identifier held
   * by accounts of several of the organisation's programs fails with IDENTIFIER_AMBIGUOUS
   * (FAILED_PRECONDITION): use LookupAccount with a program_id, or the account_id. Errors travel as google.rpc.Status with an
   * ErrorInfo (domain "rewards.accounts"). Besides the reasons listed per RPC, any RPC may fail
   * with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG, FIELD_OUT_OF_RANGE (INVALID_ARGUMENT,
   * metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and
   * REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient LEDGER_QUEUE_FULL
   * (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class AccountServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<AccountServiceBlockingStub> {
    private AccountServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AccountServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AccountServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an ACTIVE account in a program, with zero or more identifiers.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND; the organisation has no such program; create it with
     * ProgramService.CreateProgram), IDENTIFIER_ALREADY_EXISTS (ALREADY_EXISTS; another account of
     * the program holds one of the identifiers; metadata "identifier_type", "value").
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.CreateAccountResponse createAccount(com.rewardscore.rewards.accounts.v1.CreateAccountRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateAccountMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads one account by id or identifier.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND; also for a deleted account).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.GetAccountResponse getAccount(com.rewardscore.rewards.accounts.v1.GetAccountRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetAccountMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Finds the account of a program that holds an identifier (e.g. a scanned card).
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND; no account of the program holds it).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.LookupAccountResponse lookupAccount(com.rewardscore.rewards.accounts.v1.LookupAccountRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getLookupAccountMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the accounts of a program that match all the given filters, oldest first (by
     * create_time, then account_id).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.SearchAccountsResponse searchAccounts(com.rewardscore.rewards.accounts.v1.SearchAccountsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSearchAccountsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Moves an account to another status. Allowed: ACTIVE &lt;-&gt; LOCKED, and ACTIVE or LOCKED
     * -&gt; DEACTIVATED. Setting the current status again succeeds without change.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_STATUS_TRANSITION_INVALID
     * (FAILED_PRECONDITION; metadata "account_id", "from", "to"), e.g. leaving DEACTIVATED.
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.UpdateAccountStatusResponse updateAccountStatus(com.rewardscore.rewards.accounts.v1.UpdateAccountStatusRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateAccountStatusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes an account: it is never returned again (ACCOUNT_NOT_FOUND), its identifiers become
     * free for other accounts and its memberships end. Its ledger history is kept.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND; also when already deleted).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.DeleteAccountResponse deleteAccount(com.rewardscore.rewards.accounts.v1.DeleteAccountRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteAccountMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds one identifier to an account. Adding one the account already holds succeeds
     * without change.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE (FAILED_PRECONDITION; DEACTIVATED
     * accounts only), IDENTIFIER_ALREADY_EXISTS (ALREADY_EXISTS; held by another account of the
     * program; metadata "identifier_type", "value"), ACCOUNT_IDENTIFIER_LIMIT_REACHED
     * (FAILED_PRECONDITION; the account holds 16; metadata "identifier_count_max").
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.AddIdentifierResponse addIdentifier(com.rewardscore.rewards.accounts.v1.AddIdentifierRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAddIdentifierMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes one identifier from an account; the pair becomes free for another account. An
     * account may be left without identifiers (it is still reachable by account_id), as
     * CreateAccount allows.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), IDENTIFIER_NOT_FOUND (NOT_FOUND; the account does
     * not hold it).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.RemoveIdentifierResponse removeIdentifier(com.rewardscore.rewards.accounts.v1.RemoveIdentifierRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRemoveIdentifierMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Creates a user of the caller's organisation.
     * Errors: USER_ALREADY_EXISTS (ALREADY_EXISTS; external_user_id is taken).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.CreateUserResponse createUser(com.rewardscore.rewards.accounts.v1.CreateUserRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateUserMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads one user.
     * Errors: USER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.GetUserResponse getUser(com.rewardscore.rewards.accounts.v1.GetUserRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetUserMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Changes a user's personal data.
     * Errors: USER_NOT_FOUND (NOT_FOUND), USER_ALREADY_EXISTS (ALREADY_EXISTS; the new
     * external_user_id is taken).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.UpdateUserResponse updateUser(com.rewardscore.rewards.accounts.v1.UpdateUserRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateUserMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Makes a user a member of an account with a role and marketing opt-ins.
     * Errors: ACCOUNT_NOT_FOUND, USER_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE
     * (FAILED_PRECONDITION; DEACTIVATED accounts only), MEMBERSHIP_ALREADY_EXISTS (ALREADY_EXISTS;
     * the user is already a member), ACCOUNT_OWNER_EXISTS (FAILED_PRECONDITION; an OWNER exists),
     * ACCOUNT_MEMBERSHIP_LIMIT_REACHED (FAILED_PRECONDITION; the account has 16 members; metadata
     * "membership_count_max").
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.AddMembershipResponse addMembership(com.rewardscore.rewards.accounts.v1.AddMembershipRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAddMembershipMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Ends a user's membership of an account.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), MEMBERSHIP_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.RemoveMembershipResponse removeMembership(com.rewardscore.rewards.accounts.v1.RemoveMembershipRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRemoveMembershipMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the memberships of one account or of one user, oldest first (by create_time, then
     * the other id).
     * Errors: ACCOUNT_NOT_FOUND, USER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.ListMembershipsResponse listMemberships(com.rewardscore.rewards.accounts.v1.ListMembershipsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListMembershipsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service AccountService.
   * <pre>
   * Accounts, their identifiers, users and memberships.
   * Every resource is scoped to the caller's organisation (from the access token): ids of another
   * organisation behave as if they did not exist, and so do deleted accounts. Every RPC that takes
   * an account_id also takes account_identifier instead (exactly one of the two); an identifier held
   * by accounts of several of the organisation's programs fails with IDENTIFIER_AMBIGUOUS
   * (FAILED_PRECONDITION): use LookupAccount with a program_id, or the account_id. Errors travel as google.rpc.Status with an
   * ErrorInfo (domain "rewards.accounts"). Besides the reasons listed per RPC, any RPC may fail
   * with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG, FIELD_OUT_OF_RANGE (INVALID_ARGUMENT,
   * metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and
   * REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient LEDGER_QUEUE_FULL
   * (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class AccountServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<AccountServiceFutureStub> {
    private AccountServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AccountServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AccountServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an ACTIVE account in a program, with zero or more identifiers.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND; the organisation has no such program; create it with
     * ProgramService.CreateProgram), IDENTIFIER_ALREADY_EXISTS (ALREADY_EXISTS; another account of
     * the program holds one of the identifiers; metadata "identifier_type", "value").
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.accounts.v1.CreateAccountResponse> createAccount(
        com.rewardscore.rewards.accounts.v1.CreateAccountRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateAccountMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Reads one account by id or identifier.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND; also for a deleted account).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.accounts.v1.GetAccountResponse> getAccount(
        com.rewardscore.rewards.accounts.v1.GetAccountRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetAccountMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Finds the account of a program that holds an identifier (e.g. a scanned card).
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND; no account of the program holds it).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.accounts.v1.LookupAccountResponse> lookupAccount(
        com.rewardscore.rewards.accounts.v1.LookupAccountRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getLookupAccountMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the accounts of a program that match all the given filters, oldest first (by
     * create_time, then account_id).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.accounts.v1.SearchAccountsResponse> searchAccounts(
        com.rewardscore.rewards.accounts.v1.SearchAccountsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSearchAccountsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Moves an account to another status. Allowed: ACTIVE &lt;-&gt; LOCKED, and ACTIVE or LOCKED
     * -&gt; DEACTIVATED. Setting the current status again succeeds without change.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_STATUS_TRANSITION_INVALID
     * (FAILED_PRECONDITION; metadata "account_id", "from", "to"), e.g. leaving DEACTIVATED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.accounts.v1.UpdateAccountStatusResponse> updateAccountStatus(
        com.rewardscore.rewards.accounts.v1.UpdateAccountStatusRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateAccountStatusMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes an account: it is never returned again (ACCOUNT_NOT_FOUND), its identifiers become
     * free for other accounts and its memberships end. Its ledger history is kept.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND; also when already deleted).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.accounts.v1.DeleteAccountResponse> deleteAccount(
        com.rewardscore.rewards.accounts.v1.DeleteAccountRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteAccountMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Adds one identifier to an account. Adding one the account already holds succeeds
     * without change.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE (FAILED_PRECONDITION; DEACTIVATED
     * accounts only), IDENTIFIER_ALREADY_EXISTS (ALREADY_EXISTS; held by another account of the
     * program; metadata "identifier_type", "value"), ACCOUNT_IDENTIFIER_LIMIT_REACHED
     * (FAILED_PRECONDITION; the account holds 16; metadata "identifier_count_max").
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.accounts.v1.AddIdentifierResponse> addIdentifier(
        com.rewardscore.rewards.accounts.v1.AddIdentifierRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAddIdentifierMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Removes one identifier from an account; the pair becomes free for another account. An
     * account may be left without identifiers (it is still reachable by account_id), as
     * CreateAccount allows.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), IDENTIFIER_NOT_FOUND (NOT_FOUND; the account does
     * not hold it).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.accounts.v1.RemoveIdentifierResponse> removeIdentifier(
        com.rewardscore.rewards.accounts.v1.RemoveIdentifierRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRemoveIdentifierMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Creates a user of the caller's organisation.
     * Errors: USER_ALREADY_EXISTS (ALREADY_EXISTS; external_user_id is taken).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.accounts.v1.CreateUserResponse> createUser(
        com.rewardscore.rewards.accounts.v1.CreateUserRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateUserMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Reads one user.
     * Errors: USER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.accounts.v1.GetUserResponse> getUser(
        com.rewardscore.rewards.accounts.v1.GetUserRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetUserMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Changes a user's personal data.
     * Errors: USER_NOT_FOUND (NOT_FOUND), USER_ALREADY_EXISTS (ALREADY_EXISTS; the new
     * external_user_id is taken).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.accounts.v1.UpdateUserResponse> updateUser(
        com.rewardscore.rewards.accounts.v1.UpdateUserRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateUserMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Makes a user a member of an account with a role and marketing opt-ins.
     * Errors: ACCOUNT_NOT_FOUND, USER_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE
     * (FAILED_PRECONDITION; DEACTIVATED accounts only), MEMBERSHIP_ALREADY_EXISTS (ALREADY_EXISTS;
     * the user is already a member), ACCOUNT_OWNER_EXISTS (FAILED_PRECONDITION; an OWNER exists),
     * ACCOUNT_MEMBERSHIP_LIMIT_REACHED (FAILED_PRECONDITION; the account has 16 members; metadata
     * "membership_count_max").
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.accounts.v1.AddMembershipResponse> addMembership(
        com.rewardscore.rewards.accounts.v1.AddMembershipRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAddMembershipMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Ends a user's membership of an account.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), MEMBERSHIP_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.accounts.v1.RemoveMembershipResponse> removeMembership(
        com.rewardscore.rewards.accounts.v1.RemoveMembershipRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRemoveMembershipMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the memberships of one account or of one user, oldest first (by create_time, then
     * the other id).
     * Errors: ACCOUNT_NOT_FOUND, USER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.accounts.v1.ListMembershipsResponse> listMemberships(
        com.rewardscore.rewards.accounts.v1.ListMembershipsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListMembershipsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_ACCOUNT = 0;
  private static final int METHODID_GET_ACCOUNT = 1;
  private static final int METHODID_LOOKUP_ACCOUNT = 2;
  private static final int METHODID_SEARCH_ACCOUNTS = 3;
  private static final int METHODID_UPDATE_ACCOUNT_STATUS = 4;
  private static final int METHODID_DELETE_ACCOUNT = 5;
  private static final int METHODID_ADD_IDENTIFIER = 6;
  private static final int METHODID_REMOVE_IDENTIFIER = 7;
  private static final int METHODID_CREATE_USER = 8;
  private static final int METHODID_GET_USER = 9;
  private static final int METHODID_UPDATE_USER = 10;
  private static final int METHODID_ADD_MEMBERSHIP = 11;
  private static final int METHODID_REMOVE_MEMBERSHIP = 12;
  private static final int METHODID_LIST_MEMBERSHIPS = 13;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final AsyncService serviceImpl;
    private final int methodId;

    MethodHandlers(AsyncService serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_ACCOUNT:
          serviceImpl.createAccount((com.rewardscore.rewards.accounts.v1.CreateAccountRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.CreateAccountResponse>) responseObserver);
          break;
        case METHODID_GET_ACCOUNT:
          serviceImpl.getAccount((com.rewardscore.rewards.accounts.v1.GetAccountRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.GetAccountResponse>) responseObserver);
          break;
        case METHODID_LOOKUP_ACCOUNT:
          serviceImpl.lookupAccount((com.rewardscore.rewards.accounts.v1.LookupAccountRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.LookupAccountResponse>) responseObserver);
          break;
        case METHODID_SEARCH_ACCOUNTS:
          serviceImpl.searchAccounts((com.rewardscore.rewards.accounts.v1.SearchAccountsRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.SearchAccountsResponse>) responseObserver);
          break;
        case METHODID_UPDATE_ACCOUNT_STATUS:
          serviceImpl.updateAccountStatus((com.rewardscore.rewards.accounts.v1.UpdateAccountStatusRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.UpdateAccountStatusResponse>) responseObserver);
          break;
        case METHODID_DELETE_ACCOUNT:
          serviceImpl.deleteAccount((com.rewardscore.rewards.accounts.v1.DeleteAccountRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.DeleteAccountResponse>) responseObserver);
          break;
        case METHODID_ADD_IDENTIFIER:
          serviceImpl.addIdentifier((com.rewardscore.rewards.accounts.v1.AddIdentifierRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.AddIdentifierResponse>) responseObserver);
          break;
        case METHODID_REMOVE_IDENTIFIER:
          serviceImpl.removeIdentifier((com.rewardscore.rewards.accounts.v1.RemoveIdentifierRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.RemoveIdentifierResponse>) responseObserver);
          break;
        case METHODID_CREATE_USER:
          serviceImpl.createUser((com.rewardscore.rewards.accounts.v1.CreateUserRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.CreateUserResponse>) responseObserver);
          break;
        case METHODID_GET_USER:
          serviceImpl.getUser((com.rewardscore.rewards.accounts.v1.GetUserRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.GetUserResponse>) responseObserver);
          break;
        case METHODID_UPDATE_USER:
          serviceImpl.updateUser((com.rewardscore.rewards.accounts.v1.UpdateUserRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.UpdateUserResponse>) responseObserver);
          break;
        case METHODID_ADD_MEMBERSHIP:
          serviceImpl.addMembership((com.rewardscore.rewards.accounts.v1.AddMembershipRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.AddMembershipResponse>) responseObserver);
          break;
        case METHODID_REMOVE_MEMBERSHIP:
          serviceImpl.removeMembership((com.rewardscore.rewards.accounts.v1.RemoveMembershipRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.RemoveMembershipResponse>) responseObserver);
          break;
        case METHODID_LIST_MEMBERSHIPS:
          serviceImpl.listMemberships((com.rewardscore.rewards.accounts.v1.ListMembershipsRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.ListMembershipsResponse>) responseObserver);
          break;
        default:
          throw new AssertionError();
      }
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public io.grpc.stub.StreamObserver<Req> invoke(
        io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getCreateAccountMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.accounts.v1.CreateAccountRequest,
              com.rewardscore.rewards.accounts.v1.CreateAccountResponse>(
                service, METHODID_CREATE_ACCOUNT)))
        .addMethod(
          getGetAccountMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.accounts.v1.GetAccountRequest,
              com.rewardscore.rewards.accounts.v1.GetAccountResponse>(
                service, METHODID_GET_ACCOUNT)))
        .addMethod(
          getLookupAccountMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.accounts.v1.LookupAccountRequest,
              com.rewardscore.rewards.accounts.v1.LookupAccountResponse>(
                service, METHODID_LOOKUP_ACCOUNT)))
        .addMethod(
          getSearchAccountsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.accounts.v1.SearchAccountsRequest,
              com.rewardscore.rewards.accounts.v1.SearchAccountsResponse>(
                service, METHODID_SEARCH_ACCOUNTS)))
        .addMethod(
          getUpdateAccountStatusMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.accounts.v1.UpdateAccountStatusRequest,
              com.rewardscore.rewards.accounts.v1.UpdateAccountStatusResponse>(
                service, METHODID_UPDATE_ACCOUNT_STATUS)))
        .addMethod(
          getDeleteAccountMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.accounts.v1.DeleteAccountRequest,
              com.rewardscore.rewards.accounts.v1.DeleteAccountResponse>(
                service, METHODID_DELETE_ACCOUNT)))
        .addMethod(
          getAddIdentifierMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.accounts.v1.AddIdentifierRequest,
              com.rewardscore.rewards.accounts.v1.AddIdentifierResponse>(
                service, METHODID_ADD_IDENTIFIER)))
        .addMethod(
          getRemoveIdentifierMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.accounts.v1.RemoveIdentifierRequest,
              com.rewardscore.rewards.accounts.v1.RemoveIdentifierResponse>(
                service, METHODID_REMOVE_IDENTIFIER)))
        .addMethod(
          getCreateUserMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.accounts.v1.CreateUserRequest,
              com.rewardscore.rewards.accounts.v1.CreateUserResponse>(
                service, METHODID_CREATE_USER)))
        .addMethod(
          getGetUserMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.accounts.v1.GetUserRequest,
              com.rewardscore.rewards.accounts.v1.GetUserResponse>(
                service, METHODID_GET_USER)))
        .addMethod(
          getUpdateUserMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.accounts.v1.UpdateUserRequest,
              com.rewardscore.rewards.accounts.v1.UpdateUserResponse>(
                service, METHODID_UPDATE_USER)))
        .addMethod(
          getAddMembershipMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.accounts.v1.AddMembershipRequest,
              com.rewardscore.rewards.accounts.v1.AddMembershipResponse>(
                service, METHODID_ADD_MEMBERSHIP)))
        .addMethod(
          getRemoveMembershipMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.accounts.v1.RemoveMembershipRequest,
              com.rewardscore.rewards.accounts.v1.RemoveMembershipResponse>(
                service, METHODID_REMOVE_MEMBERSHIP)))
        .addMethod(
          getListMembershipsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.accounts.v1.ListMembershipsRequest,
              com.rewardscore.rewards.accounts.v1.ListMembershipsResponse>(
                service, METHODID_LIST_MEMBERSHIPS)))
        .build();
  }

  private static abstract class AccountServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    AccountServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.rewardscore.rewards.accounts.v1.AccountServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("AccountService");
    }
  }

  private static final class AccountServiceFileDescriptorSupplier
      extends AccountServiceBaseDescriptorSupplier {
    AccountServiceFileDescriptorSupplier() {}
  }

  private static final class AccountServiceMethodDescriptorSupplier
      extends AccountServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    AccountServiceMethodDescriptorSupplier(java.lang.String methodName) {
      this.methodName = methodName;
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.MethodDescriptor getMethodDescriptor() {
      return getServiceDescriptor().findMethodByName(methodName);
    }
  }

  private static volatile io.grpc.ServiceDescriptor serviceDescriptor;

  public static io.grpc.ServiceDescriptor getServiceDescriptor() {
    io.grpc.ServiceDescriptor result = serviceDescriptor;
    if (result == null) {
      synchronized (AccountServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new AccountServiceFileDescriptorSupplier())
              .addMethod(getCreateAccountMethod())
              .addMethod(getGetAccountMethod())
              .addMethod(getLookupAccountMethod())
              .addMethod(getSearchAccountsMethod())
              .addMethod(getUpdateAccountStatusMethod())
              .addMethod(getDeleteAccountMethod())
              .addMethod(getAddIdentifierMethod())
              .addMethod(getRemoveIdentifierMethod())
              .addMethod(getCreateUserMethod())
              .addMethod(getGetUserMethod())
              .addMethod(getUpdateUserMethod())
              .addMethod(getAddMembershipMethod())
              .addMethod(getRemoveMembershipMethod())
              .addMethod(getListMembershipsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
