package com.rewardscore.rewards.events.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Webhooks (scope events:admin): an endpoint subscribed to event types gets each such event
 * as an HTTP POST of JSON {"id", "type", "time", "aggregate", "payload"}, signed in the header
 * x-rewards-signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;raw body&gt;")&gt;; a
 * receiver should refuse a t more than 300 s from its clock and de-duplicate on "id" (also sent
 * as x-rewards-event-id): delivery is at least once. A 2xx answer delivers; any other answer
 * or a timeout (10 s) is retried with exponential backoff and jitter, then parked as FAILED.
 * Errors: as EventService; WEBHOOK_NOT_FOUND (NOT_FOUND) where a webhook_id is named,
 * WEBHOOK_CHANGED_CONCURRENTLY (ABORTED, retry).
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class WebhookServiceGrpc {

  private WebhookServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "rewards.events.v1.WebhookService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.events.v1.CreateWebhookRequest,
      com.rewardscore.rewards.events.v1.CreateWebhookResponse> getCreateWebhookMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateWebhook",
      requestType = com.rewardscore.rewards.events.v1.CreateWebhookRequest.class,
      responseType = com.rewardscore.rewards.events.v1.CreateWebhookResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.events.v1.CreateWebhookRequest,
      com.rewardscore.rewards.events.v1.CreateWebhookResponse> getCreateWebhookMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.events.v1.CreateWebhookRequest, com.rewardscore.rewards.events.v1.CreateWebhookResponse> getCreateWebhookMethod;
    if ((getCreateWebhookMethod = WebhookServiceGrpc.getCreateWebhookMethod) == null) {
      synchronized (WebhookServiceGrpc.class) {
        if ((getCreateWebhookMethod = WebhookServiceGrpc.getCreateWebhookMethod) == null) {
          WebhookServiceGrpc.getCreateWebhookMethod = getCreateWebhookMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.events.v1.CreateWebhookRequest, com.rewardscore.rewards.events.v1.CreateWebhookResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateWebhook"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.events.v1.CreateWebhookRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.events.v1.CreateWebhookResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WebhookServiceMethodDescriptorSupplier("CreateWebhook"))
              .build();
        }
      }
    }
    return getCreateWebhookMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.events.v1.UpdateWebhookRequest,
      com.rewardscore.rewards.events.v1.UpdateWebhookResponse> getUpdateWebhookMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateWebhook",
      requestType = com.rewardscore.rewards.events.v1.UpdateWebhookRequest.class,
      responseType = com.rewardscore.rewards.events.v1.UpdateWebhookResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.events.v1.UpdateWebhookRequest,
      com.rewardscore.rewards.events.v1.UpdateWebhookResponse> getUpdateWebhookMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.events.v1.UpdateWebhookRequest, com.rewardscore.rewards.events.v1.UpdateWebhookResponse> getUpdateWebhookMethod;
    if ((getUpdateWebhookMethod = WebhookServiceGrpc.getUpdateWebhookMethod) == null) {
      synchronized (WebhookServiceGrpc.class) {
        if ((getUpdateWebhookMethod = WebhookServiceGrpc.getUpdateWebhookMethod) == null) {
          WebhookServiceGrpc.getUpdateWebhookMethod = getUpdateWebhookMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.events.v1.UpdateWebhookRequest, com.rewardscore.rewards.events.v1.UpdateWebhookResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateWebhook"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.events.v1.UpdateWebhookRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.events.v1.UpdateWebhookResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WebhookServiceMethodDescriptorSupplier("UpdateWebhook"))
              .build();
        }
      }
    }
    return getUpdateWebhookMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.events.v1.DeleteWebhookRequest,
      com.rewardscore.rewards.events.v1.DeleteWebhookResponse> getDeleteWebhookMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteWebhook",
      requestType = com.rewardscore.rewards.events.v1.DeleteWebhookRequest.class,
      responseType = com.rewardscore.rewards.events.v1.DeleteWebhookResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.events.v1.DeleteWebhookRequest,
      com.rewardscore.rewards.events.v1.DeleteWebhookResponse> getDeleteWebhookMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.events.v1.DeleteWebhookRequest, com.rewardscore.rewards.events.v1.DeleteWebhookResponse> getDeleteWebhookMethod;
    if ((getDeleteWebhookMethod = WebhookServiceGrpc.getDeleteWebhookMethod) == null) {
      synchronized (WebhookServiceGrpc.class) {
        if ((getDeleteWebhookMethod = WebhookServiceGrpc.getDeleteWebhookMethod) == null) {
          WebhookServiceGrpc.getDeleteWebhookMethod = getDeleteWebhookMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.events.v1.DeleteWebhookRequest, com.rewardscore.rewards.events.v1.DeleteWebhookResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteWebhook"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.events.v1.DeleteWebhookRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.events.v1.DeleteWebhookResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WebhookServiceMethodDescriptorSupplier("DeleteWebhook"))
              .build();
        }
      }
    }
    return getDeleteWebhookMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.events.v1.ListWebhooksRequest,
      com.rewardscore.rewards.events.v1.ListWebhooksResponse> getListWebhooksMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListWebhooks",
      requestType = com.rewardscore.rewards.events.v1.ListWebhooksRequest.class,
      responseType = com.rewardscore.rewards.events.v1.ListWebhooksResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.events.v1.ListWebhooksRequest,
      com.rewardscore.rewards.events.v1.ListWebhooksResponse> getListWebhooksMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.events.v1.ListWebhooksRequest, com.rewardscore.rewards.events.v1.ListWebhooksResponse> getListWebhooksMethod;
    if ((getListWebhooksMethod = WebhookServiceGrpc.getListWebhooksMethod) == null) {
      synchronized (WebhookServiceGrpc.class) {
        if ((getListWebhooksMethod = WebhookServiceGrpc.getListWebhooksMethod) == null) {
          WebhookServiceGrpc.getListWebhooksMethod = getListWebhooksMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.events.v1.ListWebhooksRequest, com.rewardscore.rewards.events.v1.ListWebhooksResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListWebhooks"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.events.v1.ListWebhooksRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.events.v1.ListWebhooksResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WebhookServiceMethodDescriptorSupplier("ListWebhooks"))
              .build();
        }
      }
    }
    return getListWebhooksMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.events.v1.RotateWebhookSecretRequest,
      com.rewardscore.rewards.events.v1.RotateWebhookSecretResponse> getRotateWebhookSecretMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RotateWebhookSecret",
      requestType = com.rewardscore.rewards.events.v1.RotateWebhookSecretRequest.class,
      responseType = com.rewardscore.rewards.events.v1.RotateWebhookSecretResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.events.v1.RotateWebhookSecretRequest,
      com.rewardscore.rewards.events.v1.RotateWebhookSecretResponse> getRotateWebhookSecretMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.events.v1.RotateWebhookSecretRequest, com.rewardscore.rewards.events.v1.RotateWebhookSecretResponse> getRotateWebhookSecretMethod;
    if ((getRotateWebhookSecretMethod = WebhookServiceGrpc.getRotateWebhookSecretMethod) == null) {
      synchronized (WebhookServiceGrpc.class) {
        if ((getRotateWebhookSecretMethod = WebhookServiceGrpc.getRotateWebhookSecretMethod) == null) {
          WebhookServiceGrpc.getRotateWebhookSecretMethod = getRotateWebhookSecretMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.events.v1.RotateWebhookSecretRequest, com.rewardscore.rewards.events.v1.RotateWebhookSecretResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RotateWebhookSecret"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.events.v1.RotateWebhookSecretRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.events.v1.RotateWebhookSecretResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WebhookServiceMethodDescriptorSupplier("RotateWebhookSecret"))
              .build();
        }
      }
    }
    return getRotateWebhookSecretMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static WebhookServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<WebhookServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<WebhookServiceStub>() {
        @java.lang.Override
        public WebhookServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new WebhookServiceStub(channel, callOptions);
        }
      };
    return WebhookServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static WebhookServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<WebhookServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<WebhookServiceBlockingV2Stub>() {
        @java.lang.Override
        public WebhookServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new WebhookServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return WebhookServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static WebhookServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<WebhookServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<WebhookServiceBlockingStub>() {
        @java.lang.Override
        public WebhookServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new WebhookServiceBlockingStub(channel, callOptions);
        }
      };
    return WebhookServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static WebhookServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<WebhookServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<WebhookServiceFutureStub>() {
        @java.lang.Override
        public WebhookServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new WebhookServiceFutureStub(channel, callOptions);
        }
      };
    return WebhookServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Webhooks (scope events:admin): an endpoint subscribed to event types gets each such event
   * as an HTTP POST of JSON {"id", "type", "time", "aggregate", "payload"}, signed in the header
   * x-rewards-signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;raw body&gt;")&gt;; a
   * receiver should refuse a t more than 300 s from its clock and de-duplicate on "id" (also sent
   * as x-rewards-event-id): delivery is at least once. A 2xx answer delivers; any other answer
   * or a timeout (10 s) is retried with exponential backoff and jitter, then parked as FAILED.
   * Errors: as EventService; WEBHOOK_NOT_FOUND (NOT_FOUND) where a webhook_id is named,
   * WEBHOOK_CHANGED_CONCURRENTLY (ABORTED, retry).
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Subscribes an endpoint. The reply holds the signing secret, shown only here (and in a
     * retry of the same request).
     * Errors: WEBHOOK_LIMIT_REACHED (FAILED_PRECONDITION; 32 per organisation),
     * WEBHOOK_URL_FORBIDDEN (INVALID_ARGUMENT: the host does not resolve or resolves to a
     * loopback, private, link-local, multicast or other non-public address; metadata field,
     * host, address, range) unless the server sets REWARDS_WEBHOOK_ALLOW_PRIVATE. The same check
     * runs again before every delivery (a refused delivery is a failed attempt).
     * </pre>
     */
    default void createWebhook(com.rewardscore.rewards.events.v1.CreateWebhookRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.events.v1.CreateWebhookResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateWebhookMethod(), responseObserver);
    }

    /**
     * <pre>
     * Changes the URL and/or the event types (the fields set).
     * Errors: WEBHOOK_URL_FORBIDDEN (INVALID_ARGUMENT) as CreateWebhook.
     * </pre>
     */
    default void updateWebhook(com.rewardscore.rewards.events.v1.UpdateWebhookRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.events.v1.UpdateWebhookResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateWebhookMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes a webhook: no delivery to it starts after this.
     * </pre>
     */
    default void deleteWebhook(com.rewardscore.rewards.events.v1.DeleteWebhookRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.events.v1.DeleteWebhookResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteWebhookMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the organisation's webhooks (without secrets).
     * </pre>
     */
    default void listWebhooks(com.rewardscore.rewards.events.v1.ListWebhooksRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.events.v1.ListWebhooksResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListWebhooksMethod(), responseObserver);
    }

    /**
     * <pre>
     * Replaces the signing secret; the new one is in the reply, shown only there.
     * </pre>
     */
    default void rotateWebhookSecret(com.rewardscore.rewards.events.v1.RotateWebhookSecretRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.events.v1.RotateWebhookSecretResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRotateWebhookSecretMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service WebhookService.
   * <pre>
   * Webhooks (scope events:admin): an endpoint subscribed to event types gets each such event
   * as an HTTP POST of JSON {"id", "type", "time", "aggregate", "payload"}, signed in the header
   * x-rewards-signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;raw body&gt;")&gt;; a
   * receiver should refuse a t more than 300 s from its clock and de-duplicate on "id" (also sent
   * as x-rewards-event-id): delivery is at least once. A 2xx answer delivers; any other answer
   * or a timeout (10 s) is retried with exponential backoff and jitter, then parked as FAILED.
   * Errors: as EventService; WEBHOOK_NOT_FOUND (NOT_FOUND) where a webhook_id is named,
   * WEBHOOK_CHANGED_CONCURRENTLY (ABORTED, retry).
   * </pre>
   */
  public static abstract class WebhookServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return WebhookServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service WebhookService.
   * <pre>
   * Webhooks (scope events:admin): an endpoint subscribed to event types gets each such event
   * as an HTTP POST of JSON {"id", "type", "time", "aggregate", "payload"}, signed in the header
   * x-rewards-signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;raw body&gt;")&gt;; a
   * receiver should refuse a t more than 300 s from its clock and de-duplicate on "id" (also sent
   * as x-rewards-event-id): delivery is at least once. A 2xx answer delivers; any other answer
   * or a timeout (10 s) is retried with exponential backoff and jitter, then parked as FAILED.
   * Errors: as EventService; WEBHOOK_NOT_FOUND (NOT_FOUND) where a webhook_id is named,
   * WEBHOOK_CHANGED_CONCURRENTLY (ABORTED, retry).
   * </pre>
   */
  public static final class WebhookServiceStub
      extends io.grpc.stub.AbstractAsyncStub<WebhookServiceStub> {
    private WebhookServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected WebhookServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new WebhookServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Subscribes an endpoint. The reply holds the signing secret, shown only here (and in a
     * retry of the same request).
     * Errors: WEBHOOK_LIMIT_REACHED (FAILED_PRECONDITION; 32 per organisation),
     * WEBHOOK_URL_FORBIDDEN (INVALID_ARGUMENT: the host does not resolve or resolves to a
     * loopback, private, link-local, multicast or other non-public address; metadata field,
     * host, address, range) unless the server sets REWARDS_WEBHOOK_ALLOW_PRIVATE. The same check
     * runs again before every delivery (a refused delivery is a failed attempt).
     * </pre>
     */
    public void createWebhook(com.rewardscore.rewards.events.v1.CreateWebhookRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.events.v1.CreateWebhookResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateWebhookMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Changes the URL and/or the event types (the fields set).
     * Errors: WEBHOOK_URL_FORBIDDEN (INVALID_ARGUMENT) as CreateWebhook.
     * </pre>
     */
    public void updateWebhook(com.rewardscore.rewards.events.v1.UpdateWebhookRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.events.v1.UpdateWebhookResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateWebhookMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes a webhook: no delivery to it starts after this.
     * </pre>
     */
    public void deleteWebhook(com.rewardscore.rewards.events.v1.DeleteWebhookRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.events.v1.DeleteWebhookResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteWebhookMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the organisation's webhooks (without secrets).
     * </pre>
     */
    public void listWebhooks(com.rewardscore.rewards.events.v1.ListWebhooksRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.events.v1.ListWebhooksResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListWebhooksMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Replaces the signing secret; the new one is in the reply, shown only there.
     * </pre>
     */
    public void rotateWebhookSecret(com.rewardscore.rewards.events.v1.RotateWebhookSecretRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.events.v1.RotateWebhookSecretResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRotateWebhookSecretMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service WebhookService.
   * <pre>
   * Webhooks (scope events:admin): an endpoint subscribed to event types gets each such event
   * as an HTTP POST of JSON {"id", "type", "time", "aggregate", "payload"}, signed in the header
   * x-rewards-signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;raw body&gt;")&gt;; a
   * receiver should refuse a t more than 300 s from its clock and de-duplicate on "id" (also sent
   * as x-rewards-event-id): delivery is at least once. A 2xx answer delivers; any other answer
   * or a timeout (10 s) is retried with exponential backoff and jitter, then parked as FAILED.
   * Errors: as EventService; WEBHOOK_NOT_FOUND (NOT_FOUND) where a webhook_id is named,
   * WEBHOOK_CHANGED_CONCURRENTLY (ABORTED, retry).
   * </pre>
   */
  public static final class WebhookServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<WebhookServiceBlockingV2Stub> {
    private WebhookServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected WebhookServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new WebhookServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Subscribes an endpoint. The reply holds the signing secret, shown only here (and in a
     * retry of the same request).
     * Errors: WEBHOOK_LIMIT_REACHED (FAILED_PRECONDITION; 32 per organisation),
     * WEBHOOK_URL_FORBIDDEN (INVALID_ARGUMENT: the host does not resolve or resolves to a
     * loopback, private, link-local, multicast or other non-public address; metadata field,
     * host, address, range) unless the server sets REWARDS_WEBHOOK_ALLOW_PRIVATE. The same check
     * runs again before every delivery (a refused delivery is a failed attempt).
     * </pre>
     */
    public com.rewardscore.rewards.events.v1.CreateWebhookResponse createWebhook(com.rewardscore.rewards.events.v1.CreateWebhookRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateWebhookMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Changes the URL and/or the event types (the fields set).
     * Errors: WEBHOOK_URL_FORBIDDEN (INVALID_ARGUMENT) as CreateWebhook.
     * </pre>
     */
    public com.rewardscore.rewards.events.v1.UpdateWebhookResponse updateWebhook(com.rewardscore.rewards.events.v1.UpdateWebhookRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateWebhookMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a webhook: no delivery to it starts after this.
     * </pre>
     */
    public com.rewardscore.rewards.events.v1.DeleteWebhookResponse deleteWebhook(com.rewardscore.rewards.events.v1.DeleteWebhookRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteWebhookMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the organisation's webhooks (without secrets).
     * </pre>
     */
    public com.rewardscore.rewards.events.v1.ListWebhooksResponse listWebhooks(com.rewardscore.rewards.events.v1.ListWebhooksRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListWebhooksMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Replaces the signing secret; the new one is in the reply, shown only there.
     * </pre>
     */
    public com.rewardscore.rewards.events.v1.RotateWebhookSecretResponse rotateWebhookSecret(com.rewardscore.rewards.events.v1.RotateWebhookSecretRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRotateWebhookSecretMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service WebhookService.
   * <pre>
   * Webhooks (scope events:admin): an endpoint subscribed to event types gets each such event
   * as an HTTP POST of JSON {"id", "type", "time", "aggregate", "payload"}, signed in the header
   * x-rewards-signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;raw body&gt;")&gt;; a
   * receiver should refuse a t more than 300 s from its clock and de-duplicate on "id" (also sent
   * as x-rewards-event-id): delivery is at least once. A 2xx answer delivers; any other answer
   * or a timeout (10 s) is retried with exponential backoff and jitter, then parked as FAILED.
   * Errors: as EventService; WEBHOOK_NOT_FOUND (NOT_FOUND) where a webhook_id is named,
   * WEBHOOK_CHANGED_CONCURRENTLY (ABORTED, retry).
   * </pre>
   */
  public static final class WebhookServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<WebhookServiceBlockingStub> {
    private WebhookServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected WebhookServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new WebhookServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Subscribes an endpoint. The reply holds the signing secret, shown only here (and in a
     * retry of the same request).
     * Errors: WEBHOOK_LIMIT_REACHED (FAILED_PRECONDITION; 32 per organisation),
     * WEBHOOK_URL_FORBIDDEN (INVALID_ARGUMENT: the host does not resolve or resolves to a
     * loopback, private, link-local, multicast or other non-public address; metadata field,
     * host, address, range) unless the server sets REWARDS_WEBHOOK_ALLOW_PRIVATE. The same check
     * runs again before every delivery (a refused delivery is a failed attempt).
     * </pre>
     */
    public com.rewardscore.rewards.events.v1.CreateWebhookResponse createWebhook(com.rewardscore.rewards.events.v1.CreateWebhookRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateWebhookMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Changes the URL and/or the event types (the fields set).
     * Errors: WEBHOOK_URL_FORBIDDEN (INVALID_ARGUMENT) as CreateWebhook.
     * </pre>
     */
    public com.rewardscore.rewards.events.v1.UpdateWebhookResponse updateWebhook(com.rewardscore.rewards.events.v1.UpdateWebhookRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateWebhookMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a webhook: no delivery to it starts after this.
     * </pre>
     */
    public com.rewardscore.rewards.events.v1.DeleteWebhookResponse deleteWebhook(com.rewardscore.rewards.events.v1.DeleteWebhookRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteWebhookMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the organisation's webhooks (without secrets).
     * </pre>
     */
    public com.rewardscore.rewards.events.v1.ListWebhooksResponse listWebhooks(com.rewardscore.rewards.events.v1.ListWebhooksRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListWebhooksMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Replaces the signing secret; the new one is in the reply, shown only there.
     * </pre>
     */
    public com.rewardscore.rewards.events.v1.RotateWebhookSecretResponse rotateWebhookSecret(com.rewardscore.rewards.events.v1.RotateWebhookSecretRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRotateWebhookSecretMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service WebhookService.
   * <pre>
   * Webhooks (scope events:admin): an endpoint subscribed to event types gets each such event
   * as an HTTP POST of JSON {"id", "type", "time", "aggregate", "payload"}, signed in the header
   * x-rewards-signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;raw body&gt;")&gt;; a
   * receiver should refuse a t more than 300 s from its clock and de-duplicate on "id" (also sent
   * as x-rewards-event-id): delivery is at least once. A 2xx answer delivers; any other answer
   * or a timeout (10 s) is retried with exponential backoff and jitter, then parked as FAILED.
   * Errors: as EventService; WEBHOOK_NOT_FOUND (NOT_FOUND) where a webhook_id is named,
   * WEBHOOK_CHANGED_CONCURRENTLY (ABORTED, retry).
   * </pre>
   */
  public static final class WebhookServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<WebhookServiceFutureStub> {
    private WebhookServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected WebhookServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new WebhookServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Subscribes an endpoint. The reply holds the signing secret, shown only here (and in a
     * retry of the same request).
     * Errors: WEBHOOK_LIMIT_REACHED (FAILED_PRECONDITION; 32 per organisation),
     * WEBHOOK_URL_FORBIDDEN (INVALID_ARGUMENT: the host does not resolve or resolves to a
     * loopback, private, link-local, multicast or other non-public address; metadata field,
     * host, address, range) unless the server sets REWARDS_WEBHOOK_ALLOW_PRIVATE. The same check
     * runs again before every delivery (a refused delivery is a failed attempt).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.events.v1.CreateWebhookResponse> createWebhook(
        com.rewardscore.rewards.events.v1.CreateWebhookRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateWebhookMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Changes the URL and/or the event types (the fields set).
     * Errors: WEBHOOK_URL_FORBIDDEN (INVALID_ARGUMENT) as CreateWebhook.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.events.v1.UpdateWebhookResponse> updateWebhook(
        com.rewardscore.rewards.events.v1.UpdateWebhookRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateWebhookMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes a webhook: no delivery to it starts after this.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.events.v1.DeleteWebhookResponse> deleteWebhook(
        com.rewardscore.rewards.events.v1.DeleteWebhookRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteWebhookMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the organisation's webhooks (without secrets).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.events.v1.ListWebhooksResponse> listWebhooks(
        com.rewardscore.rewards.events.v1.ListWebhooksRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListWebhooksMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Replaces the signing secret; the new one is in the reply, shown only there.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.events.v1.RotateWebhookSecretResponse> rotateWebhookSecret(
        com.rewardscore.rewards.events.v1.RotateWebhookSecretRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRotateWebhookSecretMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_WEBHOOK = 0;
  private static final int METHODID_UPDATE_WEBHOOK = 1;
  private static final int METHODID_DELETE_WEBHOOK = 2;
  private static final int METHODID_LIST_WEBHOOKS = 3;
  private static final int METHODID_ROTATE_WEBHOOK_SECRET = 4;

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
        case METHODID_CREATE_WEBHOOK:
          serviceImpl.createWebhook((com.rewardscore.rewards.events.v1.CreateWebhookRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.events.v1.CreateWebhookResponse>) responseObserver);
          break;
        case METHODID_UPDATE_WEBHOOK:
          serviceImpl.updateWebhook((com.rewardscore.rewards.events.v1.UpdateWebhookRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.events.v1.UpdateWebhookResponse>) responseObserver);
          break;
        case METHODID_DELETE_WEBHOOK:
          serviceImpl.deleteWebhook((com.rewardscore.rewards.events.v1.DeleteWebhookRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.events.v1.DeleteWebhookResponse>) responseObserver);
          break;
        case METHODID_LIST_WEBHOOKS:
          serviceImpl.listWebhooks((com.rewardscore.rewards.events.v1.ListWebhooksRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.events.v1.ListWebhooksResponse>) responseObserver);
          break;
        case METHODID_ROTATE_WEBHOOK_SECRET:
          serviceImpl.rotateWebhookSecret((com.rewardscore.rewards.events.v1.RotateWebhookSecretRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.events.v1.RotateWebhookSecretResponse>) responseObserver);
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
          getCreateWebhookMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.events.v1.CreateWebhookRequest,
              com.rewardscore.rewards.events.v1.CreateWebhookResponse>(
                service, METHODID_CREATE_WEBHOOK)))
        .addMethod(
          getUpdateWebhookMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.events.v1.UpdateWebhookRequest,
              com.rewardscore.rewards.events.v1.UpdateWebhookResponse>(
                service, METHODID_UPDATE_WEBHOOK)))
        .addMethod(
          getDeleteWebhookMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.events.v1.DeleteWebhookRequest,
              com.rewardscore.rewards.events.v1.DeleteWebhookResponse>(
                service, METHODID_DELETE_WEBHOOK)))
        .addMethod(
          getListWebhooksMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.events.v1.ListWebhooksRequest,
              com.rewardscore.rewards.events.v1.ListWebhooksResponse>(
                service, METHODID_LIST_WEBHOOKS)))
        .addMethod(
          getRotateWebhookSecretMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.events.v1.RotateWebhookSecretRequest,
              com.rewardscore.rewards.events.v1.RotateWebhookSecretResponse>(
                service, METHODID_ROTATE_WEBHOOK_SECRET)))
        .build();
  }

  private static abstract class WebhookServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    WebhookServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.rewardscore.rewards.events.v1.WebhookServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("WebhookService");
    }
  }

  private static final class WebhookServiceFileDescriptorSupplier
      extends WebhookServiceBaseDescriptorSupplier {
    WebhookServiceFileDescriptorSupplier() {}
  }

  private static final class WebhookServiceMethodDescriptorSupplier
      extends WebhookServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    WebhookServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (WebhookServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new WebhookServiceFileDescriptorSupplier())
              .addMethod(getCreateWebhookMethod())
              .addMethod(getUpdateWebhookMethod())
              .addMethod(getDeleteWebhookMethod())
              .addMethod(getListWebhooksMethod())
              .addMethod(getRotateWebhookSecretMethod())
              .build();
        }
      }
    }
    return result;
  }
}
