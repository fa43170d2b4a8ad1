package com.rewardscore.rewards.auth.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Exchanges client credentials for a short-lived access token (a JWT sent as
 * "authorization: Bearer &lt;token&gt;" on every other call) and a rotating refresh token.
 * These RPCs need no access token. Errors travel as google.rpc.Status with an ErrorInfo
 * (domain "rewards.auth"); besides the reasons listed per RPC, any RPC may fail with the common
 * reasons FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG (INVALID_ARGUMENT), RATE_LIMITED
 * (RESOURCE_EXHAUSTED with RetryInfo; IssueToken and RefreshToken have a token bucket per client
 * id and one per peer address, metadata "limit" says which), and the transient
 * STORE_UNAVAILABLE, STATE_REBUILDING, SHUTTING_DOWN (UNAVAILABLE, retry with back-off).
 * Every other service refuses a disabled client's access tokens with CLIENT_DISABLED
 * (PERMISSION_DENIED) from the call after `rewards-core clients disable`.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class AuthServiceGrpc {

  private AuthServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "rewards.auth.v1.AuthService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.auth.v1.IssueTokenRequest,
      com.rewardscore.rewards.auth.v1.IssueTokenResponse> getIssueTokenMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "IssueToken",
      requestType = com.rewardscore.rewards.auth.v1.IssueTokenRequest.class,
      responseType = com.rewardscore.rewards.auth.v1.IssueTokenResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.auth.v1.IssueTokenRequest,
      com.rewardscore.rewards.auth.v1.IssueTokenResponse> getIssueTokenMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.auth.v1.IssueTokenRequest, com.rewardscore.rewards.auth.v1.IssueTokenResponse> getIssueTokenMethod;
    if ((getIssueTokenMethod = AuthServiceGrpc.getIssueTokenMethod) == null) {
      synchronized (AuthServiceGrpc.class) {
        if ((getIssueTokenMethod = AuthServiceGrpc.getIssueTokenMethod) == null) {
          AuthServiceGrpc.getIssueTokenMethod = getIssueTokenMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.auth.v1.IssueTokenRequest, com.rewardscore.rewards.auth.v1.IssueTokenResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "IssueToken"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.auth.v1.IssueTokenRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.auth.v1.IssueTokenResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AuthServiceMethodDescriptorSupplier("IssueToken"))
              .build();
        }
      }
    }
    return getIssueTokenMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.auth.v1.RefreshTokenRequest,
      com.rewardscore.rewards.auth.v1.RefreshTokenResponse> getRefreshTokenMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RefreshToken",
      requestType = com.rewardscore.rewards.auth.v1.RefreshTokenRequest.class,
      responseType = com.rewardscore.rewards.auth.v1.RefreshTokenResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.auth.v1.RefreshTokenRequest,
      com.rewardscore.rewards.auth.v1.RefreshTokenResponse> getRefreshTokenMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.auth.v1.RefreshTokenRequest, com.rewardscore.rewards.auth.v1.RefreshTokenResponse> getRefreshTokenMethod;
    if ((getRefreshTokenMethod = AuthServiceGrpc.getRefreshTokenMethod) == null) {
      synchronized (AuthServiceGrpc.class) {
        if ((getRefreshTokenMethod = AuthServiceGrpc.getRefreshTokenMethod) == null) {
          AuthServiceGrpc.getRefreshTokenMethod = getRefreshTokenMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.auth.v1.RefreshTokenRequest, com.rewardscore.rewards.auth.v1.RefreshTokenResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RefreshToken"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.auth.v1.RefreshTokenRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.auth.v1.RefreshTokenResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AuthServiceMethodDescriptorSupplier("RefreshToken"))
              .build();
        }
      }
    }
    return getRefreshTokenMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.auth.v1.RevokeTokenRequest,
      com.rewardscore.rewards.auth.v1.RevokeTokenResponse> getRevokeTokenMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RevokeToken",
      requestType = com.rewardscore.rewards.auth.v1.RevokeTokenRequest.class,
      responseType = com.rewardscore.rewards.auth.v1.RevokeTokenResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.auth.v1.RevokeTokenRequest,
      com.rewardscore.rewards.auth.v1.RevokeTokenResponse> getRevokeTokenMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.auth.v1.RevokeTokenRequest, com.rewardscore.rewards.auth.v1.RevokeTokenResponse> getRevokeTokenMethod;
    if ((getRevokeTokenMethod = AuthServiceGrpc.getRevokeTokenMethod) == null) {
      synchronized (AuthServiceGrpc.class) {
        if ((getRevokeTokenMethod = AuthServiceGrpc.getRevokeTokenMethod) == null) {
          AuthServiceGrpc.getRevokeTokenMethod = getRevokeTokenMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.auth.v1.RevokeTokenRequest, com.rewardscore.rewards.auth.v1.RevokeTokenResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RevokeToken"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.auth.v1.RevokeTokenRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.auth.v1.RevokeTokenResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AuthServiceMethodDescriptorSupplier("RevokeToken"))
              .build();
        }
      }
    }
    return getRevokeTokenMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static AuthServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AuthServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AuthServiceStub>() {
        @java.lang.Override
        public AuthServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AuthServiceStub(channel, callOptions);
        }
      };
    return AuthServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static AuthServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AuthServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AuthServiceBlockingV2Stub>() {
        @java.lang.Override
        public AuthServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AuthServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return AuthServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static AuthServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AuthServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AuthServiceBlockingStub>() {
        @java.lang.Override
        public AuthServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AuthServiceBlockingStub(channel, callOptions);
        }
      };
    return AuthServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static AuthServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AuthServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AuthServiceFutureStub>() {
        @java.lang.Override
        public AuthServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AuthServiceFutureStub(channel, callOptions);
        }
      };
    return AuthServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Exchanges client credentials for a short-lived access token (a JWT sent as
   * "authorization: Bearer &lt;token&gt;" on every other call) and a rotating refresh token.
   * These RPCs need no access token. Errors travel as google.rpc.Status with an ErrorInfo
   * (domain "rewards.auth"); besides the reasons listed per RPC, any RPC may fail with the common
   * reasons FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG (INVALID_ARGUMENT), RATE_LIMITED
   * (RESOURCE_EXHAUSTED with RetryInfo; IssueToken and RefreshToken have a token bucket per client
   * id and one per peer address, metadata "limit" says which), and the transient
   * STORE_UNAVAILABLE, STATE_REBUILDING, SHUTTING_DOWN (UNAVAILABLE, retry with back-off).
   * Every other service refuses a disabled client's access tokens with CLIENT_DISABLED
   * (PERMISSION_DENIED) from the call after `rewards-core clients disable`.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Authenticates a client by its organisation, client id and secret and issues a new token
     * pair. Not keyed by request_id: each call starts a new refresh-token family.
     * Errors: CLIENT_CREDENTIALS_INVALID (UNAUTHENTICATED; the same reason whether the org, the
     * client or the secret is wrong), CLIENT_DISABLED (PERMISSION_DENIED; only once the secret is
     * right), CLIENT_LOCKED (RESOURCE_EXHAUSTED with RetryInfo; too many wrong secrets for this
     * client id within a window lock its IssueToken for a while, checked before the secret is
     * hashed, whatever the secret; unknown client ids are locked the same way).
     * </pre>
     */
    default void issueToken(com.rewardscore.rewards.auth.v1.IssueTokenRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.auth.v1.IssueTokenResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getIssueTokenMethod(), responseObserver);
    }

    /**
     * <pre>
     * Exchanges a refresh token for a new pair. Refresh tokens rotate: the one sent is spent.
     * Presenting a spent refresh token again revokes its whole family, except within a short
     * grace period after the rotation, where the same new pair is returned (for a lost reply).
     * Errors: CLIENT_DISABLED (PERMISSION_DENIED; the token is not spent: it works again once the
     * client is enabled), REFRESH_TOKEN_INVALID, REFRESH_TOKEN_EXPIRED, REFRESH_TOKEN_REVOKED,
     * REFRESH_TOKEN_REUSED (all UNAUTHENTICATED; after REFRESH_TOKEN_REUSED the family is revoked
     * and the client must call IssueToken), IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS),
     * REQUEST_IN_FLIGHT (ABORTED).
     * </pre>
     */
    default void refreshToken(com.rewardscore.rewards.auth.v1.RefreshTokenRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.auth.v1.RefreshTokenResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRefreshTokenMethod(), responseObserver);
    }

    /**
     * <pre>
     * Revokes a refresh token and its whole family. Access tokens already issued stay valid until
     * they expire (they are short-lived). Revoking an already revoked or expired token succeeds.
     * Errors: REFRESH_TOKEN_INVALID (UNAUTHENTICATED; not a token this server issued),
     * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS), REQUEST_IN_FLIGHT (ABORTED).
     * </pre>
     */
    default void revokeToken(com.rewardscore.rewards.auth.v1.RevokeTokenRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.auth.v1.RevokeTokenResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRevokeTokenMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service AuthService.
   * <pre>
   * Exchanges client credentials for a short-lived access token (a JWT sent as
   * "authorization: Bearer &lt;token&gt;" on every other call) and a rotating refresh token.
   * These RPCs need no access token. Errors travel as google.rpc.Status with an ErrorInfo
   * (domain "rewards.auth"); besides the reasons listed per RPC, any RPC may fail with the common
   * reasons FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG (INVALID_ARGUMENT), RATE_LIMITED
   * (RESOURCE_EXHAUSTED with RetryInfo; IssueToken and RefreshToken have a token bucket per client
   * id and one per peer address, metadata "limit" says which), and the transient
   * STORE_UNAVAILABLE, STATE_REBUILDING, SHUTTING_DOWN (UNAVAILABLE, retry with back-off).
   * Every other service refuses a disabled client's access tokens with CLIENT_DISABLED
   * (PERMISSION_DENIED) from the call after `rewards-core clients disable`.
   * </pre>
   */
  public static abstract class AuthServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return AuthServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service AuthService.
   * <pre>
   * Exchanges client credentials for a short-lived access token (a JWT sent as
   * "authorization: Bearer &lt;token&gt;" on every other call) and a rotating refresh token.
   * These RPCs need no access token. Errors travel as google.rpc.Status with an ErrorInfo
   * (domain "rewards.auth"); besides the reasons listed per RPC, any RPC may fail with the common
   * reasons FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG (INVALID_ARGUMENT), RATE_LIMITED
   * (RESOURCE_EXHAUSTED with RetryInfo; IssueToken and RefreshToken have a token bucket per client
   * id and one per peer address, metadata "limit" says which), and the transient
   * STORE_UNAVAILABLE, STATE_REBUILDING, SHUTTING_DOWN (UNAVAILABLE, retry with back-off).
   * Every other service refuses a disabled client's access tokens with CLIENT_DISABLED
   * (PERMISSION_DENIED) from the call after `rewards-core clients disable`.
   * </pre>
   */
  public static final class AuthServiceStub
      extends io.grpc.stub.AbstractAsyncStub<AuthServiceStub> {
    private AuthServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AuthServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AuthServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Authenticates a client by its organisation, client id and secret and issues a new token
     * pair. Not keyed by request_id: each call starts a new refresh-token family.
     * Errors: CLIENT_CREDENTIALS_INVALID (UNAUTHENTICATED; the same reason whether the org, the
     * client or the secret is wrong), CLIENT_DISABLED (PERMISSION_DENIED; only once the secret is
     * right), CLIENT_LOCKED (RESOURCE_EXHAUSTED with RetryInfo; too many wrong secrets for this
     * client id within a window lock its IssueToken for a while, checked before the secret is
     * hashed, whatever the secret; unknown client ids are locked the same way).
     * </pre>
     */
    public void issueToken(com.rewardscore.rewards.auth.v1.IssueTokenRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.auth.v1.IssueTokenResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getIssueTokenMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Exchanges a refresh token for a new pair. Refresh tokens rotate: the one sent is spent.
     * Presenting a spent refresh token again revokes its whole family, except within a short
     * grace period after the rotation, where the same new pair is returned (for a lost reply).
     * Errors: CLIENT_DISABLED (PERMISSION_DENIED; the token is not spent: it works again once the
     * client is enabled), REFRESH_TOKEN_INVALID, REFRESH_TOKEN_EXPIRED, REFRESH_TOKEN_REVOKED,
     * REFRESH_TOKEN_REUSED (all UNAUTHENTICATED; after REFRESH_TOKEN_REUSED the family is revoked
     * and the client must call IssueToken), IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS),
     * REQUEST_IN_FLIGHT (ABORTED).
     * </pre>
     */
    public void refreshToken(com.rewardscore.rewards.auth.v1.RefreshTokenRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.auth.v1.RefreshTokenResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRefreshTokenMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Revokes a refresh token and its whole family. Access tokens already issued stay valid until
     * they expire (they are short-lived). Revoking an already revoked or expired token succeeds.
     * Errors: REFRESH_TOKEN_INVALID (UNAUTHENTICATED; not a token this server issued),
     * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS), REQUEST_IN_FLIGHT (ABORTED).
     * </pre>
     */
    public void revokeToken(com.rewardscore.rewards.auth.v1.RevokeTokenRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.auth.v1.RevokeTokenResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRevokeTokenMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service AuthService.
   * <pre>
   * Exchanges client credentials for a short-lived access token (a JWT sent as
   * "authorization: Bearer &lt;token&gt;" on every other call) and a rotating refresh token.
   * These RPCs need no access token. Errors travel as google.rpc.Status with an ErrorInfo
   * (domain "rewards.auth"); besides the reasons listed per RPC, any RPC may fail with the common
   * reasons FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG (INVALID_ARGUMENT), RATE_LIMITED
   * (RESOURCE_EXHAUSTED with RetryInfo; IssueToken and RefreshToken have a token bucket per client
   * id and one per peer address, metadata "limit" says which), and the transient
   * STORE_UNAVAILABLE, STATE_REBUILDING, SHUTTING_DOWN (UNAVAILABLE, retry with back-off).
   * Every other service refuses a disabled client's access tokens with CLIENT_DISABLED
   * (PERMISSION_DENIED) from the call after `rewards-core clients disable`.
   * </pre>
   */
  public static final class AuthServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<AuthServiceBlockingV2Stub> {
    private AuthServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AuthServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AuthServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Authenticates a client by its organisation, client id and secret and issues a new token
     * pair. Not keyed by request_id: each call starts a new refresh-token family.
     * Errors: CLIENT_CREDENTIALS_INVALID (UNAUTHENTICATED; the same reason whether the org, the
     * client or the secret is wrong), CLIENT_DISABLED (PERMISSION_DENIED; only once the secret is
     * right), CLIENT_LOCKED (RESOURCE_EXHAUSTED with RetryInfo; too many wrong secrets for this
     * client id within a window lock its IssueToken for a while, checked before the secret is
     * hashed, whatever the secret; unknown client ids are locked the same way).
     * </pre>
     */
    public com.rewardscore.rewards.auth.v1.IssueTokenResponse issueToken(com.rewardscore.rewards.auth.v1.IssueTokenRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getIssueTokenMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Exchanges a refresh token for a new pair. Refresh tokens rotate: the one sent is spent.
     * Presenting a spent refresh token again revokes its whole family, except within a short
     * grace period after the rotation, where the same new pair is returned (for a lost reply).
     * Errors: CLIENT_DISABLED (PERMISSION_DENIED; the token is not spent: it works again once the
     * client is enabled), REFRESH_TOKEN_INVALID, REFRESH_TOKEN_EXPIRED, REFRESH_TOKEN_REVOKED,
     * REFRESH_TOKEN_REUSED (all UNAUTHENTICATED; after REFRESH_TOKEN_REUSED the family is revoked
     * and the client must call IssueToken), IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS),
     * REQUEST_IN_FLIGHT (ABORTED).
     * </pre>
     */
    public com.rewardscore.rewards.auth.v1.RefreshTokenResponse refreshToken(com.rewardscore.rewards.auth.v1.RefreshTokenRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRefreshTokenMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Revokes a refresh token and its whole family. Access tokens already issued stay valid until
     * they expire (they are short-lived). Revoking an already revoked or expired token succeeds.
     * Errors: REFRESH_TOKEN_INVALID (UNAUTHENTICATED; not a token this server issued),
     * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS), REQUEST_IN_FLIGHT (ABORTED).
     * </pre>
     */
    public com.rewardscore.rewards.auth.v1.RevokeTokenResponse revokeToken(com.rewardscore.rewards.auth.v1.RevokeTokenRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRevokeTokenMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service AuthService.
   * <pre>
   * Exchanges client credentials for a short-lived access token (a JWT sent as
   * "authorization: Bearer &lt;token&gt;" on every other call) and a rotating refresh token.
   * These RPCs need no access token. Errors travel as google.rpc.Status with an ErrorInfo
   * (domain "rewards.auth"); besides the reasons listed per RPC, any RPC may fail with the common
   * reasons FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG (INVALID_ARGUMENT), RATE_LIMITED
   * (RESOURCE_EXHAUSTED with RetryInfo; IssueToken and RefreshToken have a token bucket per client
   * id and one per peer address, metadata "limit" says which), and the transient
   * STORE_UNAVAILABLE, STATE_REBUILDING, SHUTTING_DOWN (UNAVAILABLE, retry with back-off).
   * Every other service refuses a disabled client's access tokens with CLIENT_DISABLED
   * (PERMISSION_DENIED) from the call after `rewards-core clients disable`.
   * </pre>
   */
  public static final class AuthServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<AuthServiceBlockingStub> {
    private AuthServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AuthServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AuthServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Authenticates a client by its organisation, client id and secret and issues a new token
     * pair. Not keyed by request_id: each call starts a new refresh-token family.
     * Errors: CLIENT_CREDENTIALS_INVALID (UNAUTHENTICATED; the same reason whether the org, the
     * client or the secret is wrong), CLIENT_DISABLED (PERMISSION_DENIED; only once the secret is
     * right), CLIENT_LOCKED (RESOURCE_EXHAUSTED with RetryInfo; too many wrong secrets for this
     * client id within a window lock its IssueToken for a while, checked before the secret is
     * hashed, whatever the secret; unknown client ids are locked the same way).
     * </pre>
     */
    public com.rewardscore.rewards.auth.v1.IssueTokenResponse issueToken(com.rewardscore.rewards.auth.v1.IssueTokenRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getIssueTokenMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Exchanges a refresh token for a new pair. Refresh tokens rotate: the one sent is spent.
     * Presenting a spent refresh token again revokes its whole family, except within a short
     * grace period after the rotation, where the same new pair is returned (for a lost reply).
     * Errors: CLIENT_DISABLED (PERMISSION_DENIED; the token is not spent: it works again once the
     * client is enabled), REFRESH_TOKEN_INVALID, REFRESH_TOKEN_EXPIRED, REFRESH_TOKEN_REVOKED,
     * REFRESH_TOKEN_REUSED (all UNAUTHENTICATED; after REFRESH_TOKEN_REUSED the family is revoked
     * and the client must call IssueToken), IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS),
     * REQUEST_IN_FLIGHT (ABORTED).
     * </pre>
     */
    public com.rewardscore.rewards.auth.v1.RefreshTokenResponse refreshToken(com.rewardscore.rewards.auth.v1.RefreshTokenRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRefreshTokenMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Revokes a refresh token and its whole family. Access tokens already issued stay valid until
     * they expire (they are short-lived). Revoking an already revoked or expired token succeeds.
     * Errors: REFRESH_TOKEN_INVALID (UNAUTHENTICATED; not a token this server issued),
     * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS), REQUEST_IN_FLIGHT (ABORTED).
     * </pre>
     */
    public com.rewardscore.rewards.auth.v1.RevokeTokenResponse revokeToken(com.rewardscore.rewards.auth.v1.RevokeTokenRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRevokeTokenMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service AuthService.
   * <pre>
   * Exchanges client credentials for a short-lived access token (a JWT sent as
   * "authorization: Bearer &lt;token&gt;" on every other call) and a rotating refresh token.
   * These RPCs need no access token. Errors travel as google.rpc.Status with an ErrorInfo
   * (domain "rewards.auth"); besides the reasons listed per RPC, any RPC may fail with the common
   * reasons FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG (INVALID_ARGUMENT), RATE_LIMITED
   * (RESOURCE_EXHAUSTED with RetryInfo; IssueToken and RefreshToken have a token bucket per client
   * id and one per peer address, metadata "limit" says which), and the transient
   * STORE_UNAVAILABLE, STATE_REBUILDING, SHUTTING_DOWN (UNAVAILABLE, retry with back-off).
   * Every other service refuses a disabled client's access tokens with CLIENT_DISABLED
   * (PERMISSION_DENIED) from the call after `rewards-core clients disable`.
   * </pre>
   */
  public static final class AuthServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<AuthServiceFutureStub> {
    private AuthServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AuthServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AuthServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Authenticates a client by its organisation, client id and secret and issues a new token
     * pair. Not keyed by request_id: each call starts a new refresh-token family.
     * Errors: CLIENT_CREDENTIALS_INVALID (UNAUTHENTICATED; the same reason whether the org, the
     * client or the secret is wrong), CLIENT_DISABLED (PERMISSION_DENIED; only once the secret is
     * right), CLIENT_LOCKED (RESOURCE_EXHAUSTED with RetryInfo; too many wrong secrets for this
     * client id within a window lock its IssueToken for a while, checked before the secret is
     * hashed, whatever the secret; unknown client ids are locked the same way).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.auth.v1.IssueTokenResponse> issueToken(
        com.rewardscore.rewards.auth.v1.IssueTokenRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getIssueTokenMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Exchanges a refresh token for a new pair. Refresh tokens rotate: the one sent is spent.
     * Presenting a spent refresh token again revokes its whole family, except within a short
     * grace period after the rotation, where the same new pair is returned (for a lost reply).
     * Errors: CLIENT_DISABLED (PERMISSION_DENIED; the token is not spent: it works again once the
     * client is enabled), REFRESH_TOKEN_INVALID, REFRESH_TOKEN_EXPIRED, REFRESH_TOKEN_REVOKED,
     * REFRESH_TOKEN_REUSED (all UNAUTHENTICATED; after REFRESH_TOKEN_REUSED the family is revoked
     * and the client must call IssueToken), IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS),
     * REQUEST_IN_FLIGHT (ABORTED).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.auth.v1.RefreshTokenResponse> refreshToken(
        com.rewardscore.rewards.auth.v1.RefreshTokenRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRefreshTokenMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Revokes a refresh token and its whole family. Access tokens already issued stay valid until
     * they expire (they are short-lived). Revoking an already revoked or expired token succeeds.
     * Errors: REFRESH_TOKEN_INVALID (UNAUTHENTICATED; not a token this server issued),
     * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS), REQUEST_IN_FLIGHT (ABORTED).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.auth.v1.RevokeTokenResponse> revokeToken(
        com.rewardscore.rewards.auth.v1.RevokeTokenRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRevokeTokenMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_ISSUE_TOKEN = 0;
  private static final int METHODID_REFRESH_TOKEN = 1;
  private static final int METHODID_REVOKE_TOKEN = 2;

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
        case METHODID_ISSUE_TOKEN:
          serviceImpl.issueToken((com.rewardscore.rewards.auth.v1.IssueTokenRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.auth.v1.IssueTokenResponse>) responseObserver);
          break;
        case METHODID_REFRESH_TOKEN:
          serviceImpl.refreshToken((com.rewardscore.rewards.auth.v1.RefreshTokenRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.auth.v1.RefreshTokenResponse>) responseObserver);
          break;
        case METHODID_REVOKE_TOKEN:
          serviceImpl.revokeToken((com.rewardscore.rewards.auth.v1.RevokeTokenRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.auth.v1.RevokeTokenResponse>) responseObserver);
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
          getIssueTokenMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.auth.v1.IssueTokenRequest,
              com.rewardscore.rewards.auth.v1.IssueTokenResponse>(
                service, METHODID_ISSUE_TOKEN)))
        .addMethod(
          getRefreshTokenMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.auth.v1.RefreshTokenRequest,
              com.rewardscore.rewards.auth.v1.RefreshTokenResponse>(
                service, METHODID_REFRESH_TOKEN)))
        .addMethod(
          getRevokeTokenMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.auth.v1.RevokeTokenRequest,
              com.rewardscore.rewards.auth.v1.RevokeTokenResponse>(
                service, METHODID_REVOKE_TOKEN)))
        .build();
  }

  private static abstract class AuthServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    AuthServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.rewardscore.rewards.auth.v1.AuthServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("AuthService");
    }
  }

  private static final class AuthServiceFileDescriptorSupplier
      extends AuthServiceBaseDescriptorSupplier {
    AuthServiceFileDescriptorSupplier() {}
  }

  private static final class AuthServiceMethodDescriptorSupplier
      extends AuthServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    AuthServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (AuthServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new AuthServiceFileDescriptorSupplier())
              .addMethod(getIssueTokenMethod())
              .addMethod(getRefreshTokenMethod())
              .addMethod(getRevokeTokenMethod())
              .build();
        }
      }
    }
    return result;
  }
}
