package com.rewardscore.rewards.events.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * The outbox, for operators: every domain event with its delivery state (scope events:admin).
 * Delivery is at least once, with the stable Event.event_id; an event whose delivery ran out
 * of attempts is parked as FAILED until RetryEvent.
 * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.events"). Besides the
 * reasons listed per RPC, any RPC may fail with FIELD_INVALID, FIELD_OUT_OF_RANGE
 * (INVALID_ARGUMENT, metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED
 * (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient
 * LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class EventServiceGrpc {

  private EventServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "rewards.events.v1.EventService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.events.v1.ListEventsRequest,
      com.rewardscore.rewards.events.v1.ListEventsResponse> getListEventsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListEvents",
      requestType = com.rewardscore.rewards.events.v1.ListEventsRequest.class,
      responseType = com.rewardscore.rewards.events.v1.ListEventsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.events.v1.ListEventsRequest,
      com.rewardscore.rewards.events.v1.ListEventsResponse> getListEventsMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.events.v1.ListEventsRequest, com.rewardscore.rewards.events.v1.ListEventsResponse> getListEventsMethod;
    if ((getListEventsMethod = EventServiceGrpc.getListEventsMethod) == null) {
      synchronized (EventServiceGrpc.class) {
        if ((getListEventsMethod = EventServiceGrpc.getListEventsMethod) == null) {
          EventServiceGrpc.getListEventsMethod = getListEventsMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.events.v1.ListEventsRequest, com.rewardscore.rewards.events.v1.ListEventsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListEvents"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.events.v1.ListEventsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.events.v1.ListEventsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new EventServiceMethodDescriptorSupplier("ListEvents"))
              .build();
        }
      }
    }
    return getListEventsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.events.v1.RetryEventRequest,
      com.rewardscore.rewards.events.v1.RetryEventResponse> getRetryEventMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RetryEvent",
      requestType = com.rewardscore.rewards.events.v1.RetryEventRequest.class,
      responseType = com.rewardscore.rewards.events.v1.RetryEventResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.events.v1.RetryEventRequest,
      com.rewardscore.rewards.events.v1.RetryEventResponse> getRetryEventMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.events.v1.RetryEventRequest, com.rewardscore.rewards.events.v1.RetryEventResponse> getRetryEventMethod;
    if ((getRetryEventMethod = EventServiceGrpc.getRetryEventMethod) == null) {
      synchronized (EventServiceGrpc.class) {
        if ((getRetryEventMethod = EventServiceGrpc.getRetryEventMethod) == null) {
          EventServiceGrpc.getRetryEventMethod = getRetryEventMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.events.v1.RetryEventRequest, com.rewardscore.rewards.events.v1.RetryEventResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RetryEvent"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.events.v1.RetryEventRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.events.v1.RetryEventResponse.getDefaultInstance()))
              .setSchemaDescriptor(new EventServiceMethodDescriptorSupplier("RetryEvent"))
              .build();
        }
      }
    }
    return getRetryEventMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static EventServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<EventServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<EventServiceStub>() {
        @java.lang.Override
        public EventServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new EventServiceStub(channel, callOptions);
        }
      };
    return EventServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static EventServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<EventServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<EventServiceBlockingV2Stub>() {
        @java.lang.Override
        public EventServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new EventServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return EventServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static EventServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<EventServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<EventServiceBlockingStub>() {
        @java.lang.Override
        public EventServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new EventServiceBlockingStub(channel, callOptions);
        }
      };
    return EventServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static EventServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<EventServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<EventServiceFutureStub>() {
        @java.lang.Override
        public EventServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new EventServiceFutureStub(channel, callOptions);
        }
      };
    return EventServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * The outbox, for operators: every domain event with its delivery state (scope events:admin).
   * Delivery is at least once, with the stable Event.event_id; an event whose delivery ran out
   * of attempts is parked as FAILED until RetryEvent.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.events"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_INVALID, FIELD_OUT_OF_RANGE
   * (INVALID_ARGUMENT, metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED
   * (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient
   * LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Lists the organisation's events, newest first, optionally of one state and type.
     * </pre>
     */
    default void listEvents(com.rewardscore.rewards.events.v1.ListEventsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.events.v1.ListEventsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListEventsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Puts a FAILED event back to PENDING: its parked deliveries start again from attempt 0, now.
     * Errors: EVENT_NOT_FOUND (NOT_FOUND), EVENT_NOT_FAILED (FAILED_PRECONDITION).
     * </pre>
     */
    default void retryEvent(com.rewardscore.rewards.events.v1.RetryEventRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.events.v1.RetryEventResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRetryEventMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service EventService.
   * <pre>
   * The outbox, for operators: every domain event with its delivery state (scope events:admin).
   * Delivery is at least once, with the stable Event.event_id; an event whose delivery ran out
   * of attempts is parked as FAILED until RetryEvent.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.events"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_INVALID, FIELD_OUT_OF_RANGE
   * (INVALID_ARGUMENT, metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED
   * (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient
   * LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static abstract class EventServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return EventServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service EventService.
   * <pre>
   * The outbox, for operators: every domain event with its delivery state (scope events:admin).
   * Delivery is at least once, with the stable Event.event_id; an event whose delivery ran out
   * of attempts is parked as FAILED until RetryEvent.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.events"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_INVALID, FIELD_OUT_OF_RANGE
   * (INVALID_ARGUMENT, metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED
   * (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient
   * LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class EventServiceStub
      extends io.grpc.stub.AbstractAsyncStub<EventServiceStub> {
    private EventServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected EventServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new EventServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Lists the organisation's events, newest first, optionally of one state and type.
     * </pre>
     */
    public void listEvents(com.rewardscore.rewards.events.v1.ListEventsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.events.v1.ListEventsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListEventsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Puts a FAILED event back to PENDING: its parked deliveries start again from attempt 0, now.
     * Errors: EVENT_NOT_FOUND (NOT_FOUND), EVENT_NOT_FAILED (FAILED_PRECONDITION).
     * </pre>
     */
    public void retryEvent(com.rewardscore.rewards.events.v1.RetryEventRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.events.v1.RetryEventResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRetryEventMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service EventService.
   * <pre>
   * The outbox, for operators: every domain event with its delivery state (scope events:admin).
   * Delivery is at least once, with the stable Event.event_id; an event whose delivery ran out
   * of attempts is parked as FAILED until RetryEvent.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.events"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_INVALID, FIELD_OUT_OF_RANGE
   * (INVALID_ARGUMENT, metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED
   * (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient
   * LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class EventServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<EventServiceBlockingV2Stub> {
    private EventServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected EventServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new EventServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Lists the organisation's events, newest first, optionally of one state and type.
     * </pre>
     */
    public com.rewardscore.rewards.events.v1.ListEventsResponse listEvents(com.rewardscore.rewards.events.v1.ListEventsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListEventsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Puts a FAILED event back to PENDING: its parked deliveries start again from attempt 0, now.
     * Errors: EVENT_NOT_FOUND (NOT_FOUND), EVENT_NOT_FAILED (FAILED_PRECONDITION).
     * </pre>
     */
    public com.rewardscore.rewards.events.v1.RetryEventResponse retryEvent(com.rewardscore.rewards.events.v1.RetryEventRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRetryEventMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service EventService.
   * <pre>
   * The outbox, for operators: every domain event with its delivery state (scope events:admin).
   * Delivery is at least once, with the stable Event.event_id; an event whose delivery ran out
   * of attempts is parked as FAILED until RetryEvent.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.events"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_INVALID, FIELD_OUT_OF_RANGE
   * (INVALID_ARGUMENT, metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED
   * (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient
   * LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class EventServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<EventServiceBlockingStub> {
    private EventServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected EventServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new EventServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Lists the organisation's events, newest first, optionally of one state and type.
     * </pre>
     */
    public com.rewardscore.rewards.events.v1.ListEventsResponse listEvents(com.rewardscore.rewards.events.v1.ListEventsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListEventsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Puts a FAILED event back to PENDING: its parked deliveries start again from attempt 0, now.
     * Errors: EVENT_NOT_FOUND (NOT_FOUND), EVENT_NOT_FAILED (FAILED_PRECONDITION).
     * </pre>
     */
    public com.rewardscore.rewards.events.v1.RetryEventResponse retryEvent(com.rewardscore.rewards.events.v1.RetryEventRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRetryEventMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service EventService.
   * <pre>
   * The outbox, for operators: every domain event with its delivery state (scope events:admin).
   * Delivery is at least once, with the stable Event.event_id; an event whose delivery ran out
   * of attempts is parked as FAILED until RetryEvent.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.events"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_INVALID, FIELD_OUT_OF_RANGE
   * (INVALID_ARGUMENT, metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED
   * (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient
   * LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class EventServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<EventServiceFutureStub> {
    private EventServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected EventServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new EventServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Lists the organisation's events, newest first, optionally of one state and type.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.events.v1.ListEventsResponse> listEvents(
        com.rewardscore.rewards.events.v1.ListEventsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListEventsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Puts a FAILED event back to PENDING: its parked deliveries start again from attempt 0, now.
     * Errors: EVENT_NOT_FOUND (NOT_FOUND), EVENT_NOT_FAILED (FAILED_PRECONDITION).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.events.v1.RetryEventResponse> retryEvent(
        com.rewardscore.rewards.events.v1.RetryEventRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRetryEventMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_LIST_EVENTS = 0;
  private static final int METHODID_RETRY_EVENT = 1;

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
        case METHODID_LIST_EVENTS:
          serviceImpl.listEvents((com.rewardscore.rewards.events.v1.ListEventsRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.events.v1.ListEventsResponse>) responseObserver);
          break;
        case METHODID_RETRY_EVENT:
          serviceImpl.retryEvent((com.rewardscore.rewards.events.v1.RetryEventRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.events.v1.RetryEventResponse>) responseObserver);
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
          getListEventsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.events.v1.ListEventsRequest,
              com.rewardscore.rewards.events.v1.ListEventsResponse>(
                service, METHODID_LIST_EVENTS)))
        .addMethod(
          getRetryEventMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.events.v1.RetryEventRequest,
              com.rewardscore.rewards.events.v1.RetryEventResponse>(
                service, METHODID_RETRY_EVENT)))
        .build();
  }

  private static abstract class EventServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    EventServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.rewardscore.rewards.events.v1.EventServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("EventService");
    }
  }

  private static final class EventServiceFileDescriptorSupplier
      extends EventServiceBaseDescriptorSupplier {
    EventServiceFileDescriptorSupplier() {}
  }

  private static final class EventServiceMethodDescriptorSupplier
      extends EventServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    EventServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (EventServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new EventServiceFileDescriptorSupplier())
              .addMethod(getListEventsMethod())
              .addMethod(getRetryEventMethod())
              .build();
        }
      }
    }
    return result;
  }
}
