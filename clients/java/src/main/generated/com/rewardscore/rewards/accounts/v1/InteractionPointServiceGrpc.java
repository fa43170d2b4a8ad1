package com.rewardscore.rewards.accounts.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * The organisation's interaction points (tills, online shops, apps, kiosks), each mapped to a
 * store: seed 001's interaction-id, "the connection bon-to-store".
 * A call that names a point (the `interaction-id` header, or the request's interaction_point_id
 * field; both set and different: INTERACTION_POINT_MISMATCH, INVALID_ARGUMENT) takes its store,
 * zone and concept from it: a request that names another store, zone or concept fails with
 * INTERACTION_POINT_STORE_MISMATCH (FAILED_PRECONDITION; metadata "field",
 * "interaction_point_id"); a point that does not exist (never created, deleted, of another
 * organisation) fails with INTERACTION_POINT_NOT_FOUND (NOT_FOUND); a client restricted to
 * stores gets STORE_NOT_ALLOWED (PERMISSION_DENIED) for a point of another store. Points are
 * cached in each worker: a change is seen at once by the worker that made it and within a
 * second by the others.
 * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.accounts"). Besides the
 * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
 * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
 * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the
 * transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE,
 * SHUTTING_DOWN (UNAVAILABLE).
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class InteractionPointServiceGrpc {

  private InteractionPointServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "rewards.accounts.v1.InteractionPointService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.CreateInteractionPointRequest,
      com.rewardscore.rewards.accounts.v1.CreateInteractionPointResponse> getCreateInteractionPointMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateInteractionPoint",
      requestType = com.rewardscore.rewards.accounts.v1.CreateInteractionPointRequest.class,
      responseType = com.rewardscore.rewards.accounts.v1.CreateInteractionPointResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.CreateInteractionPointRequest,
      com.rewardscore.rewards.accounts.v1.CreateInteractionPointResponse> getCreateInteractionPointMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.CreateInteractionPointRequest, com.rewardscore.rewards.accounts.v1.CreateInteractionPointResponse> getCreateInteractionPointMethod;
    if ((getCreateInteractionPointMethod = InteractionPointServiceGrpc.getCreateInteractionPointMethod) == null) {
      synchronized (InteractionPointServiceGrpc.class) {
        if ((getCreateInteractionPointMethod = InteractionPointServiceGrpc.getCreateInteractionPointMethod) == null) {
          InteractionPointServiceGrpc.getCreateInteractionPointMethod = getCreateInteractionPointMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.accounts.v1.CreateInteractionPointRequest, com.rewardscore.rewards.accounts.v1.CreateInteractionPointResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateInteractionPoint"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.CreateInteractionPointRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.CreateInteractionPointResponse.getDefaultInstance()))
              .setSchemaDescriptor(new InteractionPointServiceMethodDescriptorSupplier("CreateInteractionPoint"))
              .build();
        }
      }
    }
    return getCreateInteractionPointMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.GetInteractionPointRequest,
      com.rewardscore.rewards.accounts.v1.GetInteractionPointResponse> getGetInteractionPointMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetInteractionPoint",
      requestType = com.rewardscore.rewards.accounts.v1.GetInteractionPointRequest.class,
      responseType = com.rewardscore.rewards.accounts.v1.GetInteractionPointResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.GetInteractionPointRequest,
      com.rewardscore.rewards.accounts.v1.GetInteractionPointResponse> getGetInteractionPointMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.GetInteractionPointRequest, com.rewardscore.rewards.accounts.v1.GetInteractionPointResponse> getGetInteractionPointMethod;
    if ((getGetInteractionPointMethod = InteractionPointServiceGrpc.getGetInteractionPointMethod) == null) {
      synchronized (InteractionPointServiceGrpc.class) {
        if ((getGetInteractionPointMethod = InteractionPointServiceGrpc.getGetInteractionPointMethod) == null) {
          InteractionPointServiceGrpc.getGetInteractionPointMethod = getGetInteractionPointMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.accounts.v1.GetInteractionPointRequest, com.rewardscore.rewards.accounts.v1.GetInteractionPointResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetInteractionPoint"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.GetInteractionPointRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.GetInteractionPointResponse.getDefaultInstance()))
              .setSchemaDescriptor(new InteractionPointServiceMethodDescriptorSupplier("GetInteractionPoint"))
              .build();
        }
      }
    }
    return getGetInteractionPointMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.ListInteractionPointsRequest,
      com.rewardscore.rewards.accounts.v1.ListInteractionPointsResponse> getListInteractionPointsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListInteractionPoints",
      requestType = com.rewardscore.rewards.accounts.v1.ListInteractionPointsRequest.class,
      responseType = com.rewardscore.rewards.accounts.v1.ListInteractionPointsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.ListInteractionPointsRequest,
      com.rewardscore.rewards.accounts.v1.ListInteractionPointsResponse> getListInteractionPointsMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.ListInteractionPointsRequest, com.rewardscore.rewards.accounts.v1.ListInteractionPointsResponse> getListInteractionPointsMethod;
    if ((getListInteractionPointsMethod = InteractionPointServiceGrpc.getListInteractionPointsMethod) == null) {
      synchronized (InteractionPointServiceGrpc.class) {
        if ((getListInteractionPointsMethod = InteractionPointServiceGrpc.getListInteractionPointsMethod) == null) {
          InteractionPointServiceGrpc.getListInteractionPointsMethod = getListInteractionPointsMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.accounts.v1.ListInteractionPointsRequest, com.rewardscore.rewards.accounts.v1.ListInteractionPointsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListInteractionPoints"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.ListInteractionPointsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.ListInteractionPointsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new InteractionPointServiceMethodDescriptorSupplier("ListInteractionPoints"))
              .build();
        }
      }
    }
    return getListInteractionPointsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.DeleteInteractionPointRequest,
      com.rewardscore.rewards.accounts.v1.DeleteInteractionPointResponse> getDeleteInteractionPointMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteInteractionPoint",
      requestType = com.rewardscore.rewards.accounts.v1.DeleteInteractionPointRequest.class,
      responseType = com.rewardscore.rewards.accounts.v1.DeleteInteractionPointResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.DeleteInteractionPointRequest,
      com.rewardscore.rewards.accounts.v1.DeleteInteractionPointResponse> getDeleteInteractionPointMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.DeleteInteractionPointRequest, com.rewardscore.rewards.accounts.v1.DeleteInteractionPointResponse> getDeleteInteractionPointMethod;
    if ((getDeleteInteractionPointMethod = InteractionPointServiceGrpc.getDeleteInteractionPointMethod) == null) {
      synchronized (InteractionPointServiceGrpc.class) {
        if ((getDeleteInteractionPointMethod = InteractionPointServiceGrpc.getDeleteInteractionPointMethod) == null) {
          InteractionPointServiceGrpc.getDeleteInteractionPointMethod = getDeleteInteractionPointMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.accounts.v1.DeleteInteractionPointRequest, com.rewardscore.rewards.accounts.v1.DeleteInteractionPointResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteInteractionPoint"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.DeleteInteractionPointRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.DeleteInteractionPointResponse.getDefaultInstance()))
              .setSchemaDescriptor(new InteractionPointServiceMethodDescriptorSupplier("DeleteInteractionPoint"))
              .build();
        }
      }
    }
    return getDeleteInteractionPointMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static InteractionPointServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<InteractionPointServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<InteractionPointServiceStub>() {
        @java.lang.Override
        public InteractionPointServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new InteractionPointServiceStub(channel, callOptions);
        }
      };
    return InteractionPointServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static InteractionPointServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<InteractionPointServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<InteractionPointServiceBlockingV2Stub>() {
        @java.lang.Override
        public InteractionPointServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new InteractionPointServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return InteractionPointServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static InteractionPointServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<InteractionPointServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<InteractionPointServiceBlockingStub>() {
        @java.lang.Override
        public InteractionPointServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new InteractionPointServiceBlockingStub(channel, callOptions);
        }
      };
    return InteractionPointServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static InteractionPointServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<InteractionPointServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<InteractionPointServiceFutureStub>() {
        @java.lang.Override
        public InteractionPointServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new InteractionPointServiceFutureStub(channel, callOptions);
        }
      };
    return InteractionPointServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * The organisation's interaction points (tills, online shops, apps, kiosks), each mapped to a
   * store: seed 001's interaction-id, "the connection bon-to-store".
   * A call that names a point (the `interaction-id` header, or the request's interaction_point_id
   * field; both set and different: INTERACTION_POINT_MISMATCH, INVALID_ARGUMENT) takes its store,
   * zone and concept from it: a request that names another store, zone or concept fails with
   * INTERACTION_POINT_STORE_MISMATCH (FAILED_PRECONDITION; metadata "field",
   * "interaction_point_id"); a point that does not exist (never created, deleted, of another
   * organisation) fails with INTERACTION_POINT_NOT_FOUND (NOT_FOUND); a client restricted to
   * stores gets STORE_NOT_ALLOWED (PERMISSION_DENIED) for a point of another store. Points are
   * cached in each worker: a change is seen at once by the worker that made it and within a
   * second by the others.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.accounts"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the
   * transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Registers an interaction point.
     * Errors: INTERACTION_POINT_ALREADY_EXISTS (ALREADY_EXISTS; the organisation has a point
     * with this id; metadata "interaction_point_id").
     * </pre>
     */
    default void createInteractionPoint(com.rewardscore.rewards.accounts.v1.CreateInteractionPointRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.CreateInteractionPointResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateInteractionPointMethod(), responseObserver);
    }

    /**
     * <pre>
     * Reads one interaction point.
     * Errors: INTERACTION_POINT_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    default void getInteractionPoint(com.rewardscore.rewards.accounts.v1.GetInteractionPointRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.GetInteractionPointResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetInteractionPointMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the organisation's interaction points, by interaction_point_id (byte order).
     * </pre>
     */
    default void listInteractionPoints(com.rewardscore.rewards.accounts.v1.ListInteractionPointsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.ListInteractionPointsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListInteractionPointsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes an interaction point: calls naming it fail with INTERACTION_POINT_NOT_FOUND, and
     * its id may be registered again. The ledger rows that name it keep it.
     * Errors: INTERACTION_POINT_NOT_FOUND (NOT_FOUND; also when already deleted).
     * </pre>
     */
    default void deleteInteractionPoint(com.rewardscore.rewards.accounts.v1.DeleteInteractionPointRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.DeleteInteractionPointResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteInteractionPointMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service InteractionPointService.
   * <pre>
   * The organisation's interaction points (tills, online shops, apps, kiosks), each mapped to a
   * store: seed 001's interaction-id, "the connection bon-to-store".
   * A call that names a point (the `interaction-id` header, or the request's interaction_point_id
   * field; both set and different: INTERACTION_POINT_MISMATCH, INVALID_ARGUMENT) takes its store,
   * zone and concept from it: a request that names another store, zone or concept fails with
   * INTERACTION_POINT_STORE_MISMATCH (FAILED_PRECONDITION; metadata "field",
   * "interaction_point_id"); a point that does not exist (never created, deleted, of another
   * organisation) fails with INTERACTION_POINT_NOT_FOUND (NOT_FOUND); a client restricted to
   * stores gets STORE_NOT_ALLOWED (PERMISSION_DENIED) for a point of another store. Points are
   * cached in each worker: a change is seen at once by the worker that made it and within a
   * second by the others.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.accounts"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the
   * transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static abstract class InteractionPointServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return InteractionPointServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service InteractionPointService.
   * <pre>
   * The organisation's interaction points (tills, online shops, apps, kiosks), each mapped to a
   * store: seed 001's interaction-id, "the connection bon-to-store".
   * A call that names a point (the `interaction-id` header, or the request's interaction_point_id
   * field; both set and different: INTERACTION_POINT_MISMATCH, INVALID_ARGUMENT) takes its store,
   * zone and concept from it: a request that names another store, zone or concept fails with
   * INTERACTION_POINT_STORE_MISMATCH (FAILED_PRECONDITION; metadata "field",
   * "interaction_point_id"); a point that does not exist (never created, deleted, of another
   * organisation) fails with INTERACTION_POINT_NOT_FOUND (NOT_FOUND); a client restricted to
   * stores gets STORE_NOT_ALLOWED (PERMISSION_DENIED) for a point of another store. Points are
   * cached in each worker: a change is seen at once by the worker that made it and within a
   * second by the others.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.accounts"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the
   * transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class InteractionPointServiceStub
      extends io.grpc.stub.AbstractAsyncStub<InteractionPointServiceStub> {
    private InteractionPointServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected InteractionPointServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new InteractionPointServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Registers an interaction point.
     * Errors: INTERACTION_POINT_ALREADY_EXISTS (ALREADY_EXISTS; the organisation has a point
     * with this id; metadata "interaction_point_id").
     * </pre>
     */
    public void createInteractionPoint(com.rewardscore.rewards.accounts.v1.CreateInteractionPointRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.CreateInteractionPointResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateInteractionPointMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Reads one interaction point.
     * Errors: INTERACTION_POINT_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public void getInteractionPoint(com.rewardscore.rewards.accounts.v1.GetInteractionPointRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.GetInteractionPointResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetInteractionPointMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the organisation's interaction points, by interaction_point_id (byte order).
     * </pre>
     */
    public void listInteractionPoints(com.rewardscore.rewards.accounts.v1.ListInteractionPointsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.ListInteractionPointsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListInteractionPointsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes an interaction point: calls naming it fail with INTERACTION_POINT_NOT_FOUND, and
     * its id may be registered again. The ledger rows that name it keep it.
     * Errors: INTERACTION_POINT_NOT_FOUND (NOT_FOUND; also when already deleted).
     * </pre>
     */
    public void deleteInteractionPoint(com.rewardscore.rewards.accounts.v1.DeleteInteractionPointRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.DeleteInteractionPointResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteInteractionPointMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service InteractionPointService.
   * <pre>
   * The organisation's interaction points (tills, online shops, apps, kiosks), each mapped to a
   * store: seed 001's interaction-id, "the connection bon-to-store".
   * A call that names a point (the `interaction-id` header, or the request's interaction_point_id
   * field; both set and different: INTERACTION_POINT_MISMATCH, INVALID_ARGUMENT) takes its store,
   * zone and concept from it: a request that names another store, zone or concept fails with
   * INTERACTION_POINT_STORE_MISMATCH (FAILED_PRECONDITION; metadata "field",
   * "interaction_point_id"); a point that does not exist (never created, deleted, of another
   * organisation) fails with INTERACTION_POINT_NOT_FOUND (NOT_FOUND); a client restricted to
   * stores gets STORE_NOT_ALLOWED (PERMISSION_DENIED) for a point of another store. Points are
   * cached in each worker: a change is seen at once by the worker that made it and within a
   * second by the others.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.accounts"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the
   * transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class InteractionPointServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<InteractionPointServiceBlockingV2Stub> {
    private InteractionPointServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected InteractionPointServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new InteractionPointServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Registers an interaction point.
     * Errors: INTERACTION_POINT_ALREADY_EXISTS (ALREADY_EXISTS; the organisation has a point
     * with this id; metadata "interaction_point_id").
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.CreateInteractionPointResponse createInteractionPoint(com.rewardscore.rewards.accounts.v1.CreateInteractionPointRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateInteractionPointMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads one interaction point.
     * Errors: INTERACTION_POINT_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.GetInteractionPointResponse getInteractionPoint(com.rewardscore.rewards.accounts.v1.GetInteractionPointRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetInteractionPointMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the organisation's interaction points, by interaction_point_id (byte order).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.ListInteractionPointsResponse listInteractionPoints(com.rewardscore.rewards.accounts.v1.ListInteractionPointsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListInteractionPointsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes an interaction point: calls naming it fail with INTERACTION_POINT_NOT_FOUND, and
     * its id may be registered again. The ledger rows that name it keep it.
     * Errors: INTERACTION_POINT_NOT_FOUND (NOT_FOUND; also when already deleted).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.DeleteInteractionPointResponse deleteInteractionPoint(com.rewardscore.rewards.accounts.v1.DeleteInteractionPointRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteInteractionPointMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service InteractionPointService.
   * <pre>
   * The organisation's interaction points (tills, online shops, apps, kiosks), each mapped to a
   * store: seed 001's interaction-id, "the connection bon-to-store".
   * A call that names a point (the `interaction-id` header, or the request's interaction_point_id
   * field; both set and different: INTERACTION_POINT_MISMATCH, INVALID_ARGUMENT) takes its store,
   * zone and concept from it: a request that names another store, zone or concept fails with
   * INTERACTION_POINT_STORE_MISMATCH (FAILED_PRECONDITION; metadata "field",
   * "interaction_point_id"); a point that does not exist (never created, deleted, of another
   * organisation) fails with INTERACTION_POINT_NOT_FOUND (NOT_FOUND); a client restricted to
   * stores gets STORE_NOT_ALLOWED (PERMISSION_DENIED) for a point of another store. Points are
   * cached in each worker: a change is seen at once by the worker that made it and within a
   * second by the others.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.accounts"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the
   * transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class InteractionPointServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<InteractionPointServiceBlockingStub> {
    private InteractionPointServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected InteractionPointServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new InteractionPointServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Registers an interaction point.
     * Errors: INTERACTION_POINT_ALREADY_EXISTS (ALREADY_EXISTS; the organisation has a point
     * with this id; metadata "interaction_point_id").
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.CreateInteractionPointResponse createInteractionPoint(com.rewardscore.rewards.accounts.v1.CreateInteractionPointRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateInteractionPointMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads one interaction point.
     * Errors: INTERACTION_POINT_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.GetInteractionPointResponse getInteractionPoint(com.rewardscore.rewards.accounts.v1.GetInteractionPointRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetInteractionPointMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the organisation's interaction points, by interaction_point_id (byte order).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.ListInteractionPointsResponse listInteractionPoints(com.rewardscore.rewards.accounts.v1.ListInteractionPointsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListInteractionPointsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes an interaction point: calls naming it fail with INTERACTION_POINT_NOT_FOUND, and
     * its id may be registered again. The ledger rows that name it keep it.
     * Errors: INTERACTION_POINT_NOT_FOUND (NOT_FOUND; also when already deleted).
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.DeleteInteractionPointResponse deleteInteractionPoint(com.rewardscore.rewards.accounts.v1.DeleteInteractionPointRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteInteractionPointMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service InteractionPointService.
   * <pre>
   * The organisation's interaction points (tills, online shops, apps, kiosks), each mapped to a
   * store: seed 001's interaction-id, "the connection bon-to-store".
   * A call that names a point (the `interaction-id` header, or the request's interaction_point_id
   * field; both set and different: INTERACTION_POINT_MISMATCH, INVALID_ARGUMENT) takes its store,
   * zone and concept from it: a request that names another store, zone or concept fails with
   * INTERACTION_POINT_STORE_MISMATCH (FAILED_PRECONDITION; metadata "field",
   * "interaction_point_id"); a point that does not exist (never created, deleted, of another
   * organisation) fails with INTERACTION_POINT_NOT_FOUND (NOT_FOUND); a client restricted to
   * stores gets STORE_NOT_ALLOWED (PERMISSION_DENIED) for a point of another store. Points are
   * cached in each worker: a change is seen at once by the worker that made it and within a
   * second by the others.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.accounts"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the
   * transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class InteractionPointServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<InteractionPointServiceFutureStub> {
    private InteractionPointServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected InteractionPointServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new InteractionPointServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Registers an interaction point.
     * Errors: INTERACTION_POINT_ALREADY_EXISTS (ALREADY_EXISTS; the organisation has a point
     * with this id; metadata "interaction_point_id").
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.accounts.v1.CreateInteractionPointResponse> createInteractionPoint(
        com.rewardscore.rewards.accounts.v1.CreateInteractionPointRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateInteractionPointMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Reads one interaction point.
     * Errors: INTERACTION_POINT_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.accounts.v1.GetInteractionPointResponse> getInteractionPoint(
        com.rewardscore.rewards.accounts.v1.GetInteractionPointRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetInteractionPointMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the organisation's interaction points, by interaction_point_id (byte order).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.accounts.v1.ListInteractionPointsResponse> listInteractionPoints(
        com.rewardscore.rewards.accounts.v1.ListInteractionPointsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListInteractionPointsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes an interaction point: calls naming it fail with INTERACTION_POINT_NOT_FOUND, and
     * its id may be registered again. The ledger rows that name it keep it.
     * Errors: INTERACTION_POINT_NOT_FOUND (NOT_FOUND; also when already deleted).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.accounts.v1.DeleteInteractionPointResponse> deleteInteractionPoint(
        com.rewardscore.rewards.accounts.v1.DeleteInteractionPointRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteInteractionPointMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_INTERACTION_POINT = 0;
  private static final int METHODID_GET_INTERACTION_POINT = 1;
  private static final int METHODID_LIST_INTERACTION_POINTS = 2;
  private static final int METHODID_DELETE_INTERACTION_POINT = 3;

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
        case METHODID_CREATE_INTERACTION_POINT:
          serviceImpl.createInteractionPoint((com.rewardscore.rewards.accounts.v1.CreateInteractionPointRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.CreateInteractionPointResponse>) responseObserver);
          break;
        case METHODID_GET_INTERACTION_POINT:
          serviceImpl.getInteractionPoint((com.rewardscore.rewards.accounts.v1.GetInteractionPointRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.GetInteractionPointResponse>) responseObserver);
          break;
        case METHODID_LIST_INTERACTION_POINTS:
          serviceImpl.listInteractionPoints((com.rewardscore.rewards.accounts.v1.ListInteractionPointsRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.ListInteractionPointsResponse>) responseObserver);
          break;
        case METHODID_DELETE_INTERACTION_POINT:
          serviceImpl.deleteInteractionPoint((com.rewardscore.rewards.accounts.v1.DeleteInteractionPointRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.DeleteInteractionPointResponse>) responseObserver);
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
          getCreateInteractionPointMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.accounts.v1.CreateInteractionPointRequest,
              com.rewardscore.rewards.accounts.v1.CreateInteractionPointResponse>(
                service, METHODID_CREATE_INTERACTION_POINT)))
        .addMethod(
          getGetInteractionPointMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.accounts.v1.GetInteractionPointRequest,
              com.rewardscore.rewards.accounts.v1.GetInteractionPointResponse>(
                service, METHODID_GET_INTERACTION_POINT)))
        .addMethod(
          getListInteractionPointsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.accounts.v1.ListInteractionPointsRequest,
              com.rewardscore.rewards.accounts.v1.ListInteractionPointsResponse>(
                service, METHODID_LIST_INTERACTION_POINTS)))
        .addMethod(
          getDeleteInteractionPointMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.accounts.v1.DeleteInteractionPointRequest,
              com.rewardscore.rewards.accounts.v1.DeleteInteractionPointResponse>(
                service, METHODID_DELETE_INTERACTION_POINT)))
        .build();
  }

  private static abstract class InteractionPointServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    InteractionPointServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.rewardscore.rewards.accounts.v1.InteractionPointServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("InteractionPointService");
    }
  }

  private static final class InteractionPointServiceFileDescriptorSupplier
      extends InteractionPointServiceBaseDescriptorSupplier {
    InteractionPointServiceFileDescriptorSupplier() {}
  }

  private static final class InteractionPointServiceMethodDescriptorSupplier
      extends InteractionPointServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    InteractionPointServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (InteractionPointServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new InteractionPointServiceFileDescriptorSupplier())
              .addMethod(getCreateInteractionPointMethod())
              .addMethod(getGetInteractionPointMethod())
              .addMethod(getListInteractionPointsMethod())
              .addMethod(getDeleteInteractionPointMethod())
              .build();
        }
      }
    }
    return result;
  }
}
