package com.rewardscore.rewards.accounts.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * The domain search of seed 001: one query over accounts, issued coupons and offers, e.g. to
 * find a customer who forgot the card.
 * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.accounts"). Besides the
 * reasons listed, the RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
 * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), and with the transient
 * STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class SearchServiceGrpc {

  private SearchServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "rewards.accounts.v1.SearchService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.SearchRequest,
      com.rewardscore.rewards.accounts.v1.SearchResponse> getSearchMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Search",
      requestType = com.rewardscore.rewards.accounts.v1.SearchRequest.class,
      responseType = com.rewardscore.rewards.accounts.v1.SearchResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.SearchRequest,
      com.rewardscore.rewards.accounts.v1.SearchResponse> getSearchMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.accounts.v1.SearchRequest, com.rewardscore.rewards.accounts.v1.SearchResponse> getSearchMethod;
    if ((getSearchMethod = SearchServiceGrpc.getSearchMethod) == null) {
      synchronized (SearchServiceGrpc.class) {
        if ((getSearchMethod = SearchServiceGrpc.getSearchMethod) == null) {
          SearchServiceGrpc.getSearchMethod = getSearchMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.accounts.v1.SearchRequest, com.rewardscore.rewards.accounts.v1.SearchResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Search"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.SearchRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.accounts.v1.SearchResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SearchServiceMethodDescriptorSupplier("Search"))
              .build();
        }
      }
    }
    return getSearchMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static SearchServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SearchServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SearchServiceStub>() {
        @java.lang.Override
        public SearchServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SearchServiceStub(channel, callOptions);
        }
      };
    return SearchServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static SearchServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SearchServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SearchServiceBlockingV2Stub>() {
        @java.lang.Override
        public SearchServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SearchServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return SearchServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static SearchServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SearchServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SearchServiceBlockingStub>() {
        @java.lang.Override
        public SearchServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SearchServiceBlockingStub(channel, callOptions);
        }
      };
    return SearchServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static SearchServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SearchServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SearchServiceFutureStub>() {
        @java.lang.Override
        public SearchServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SearchServiceFutureStub(channel, callOptions);
        }
      };
    return SearchServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * The domain search of seed 001: one query over accounts, issued coupons and offers, e.g. to
   * find a customer who forgot the card.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.accounts"). Besides the
   * reasons listed, the RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), and with the transient
   * STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Finds the accounts, coupons and offers of the caller's organisation that match every term
     * of the query, grouped by type (ACCOUNT, then COUPON, then OFFER) and within a type by
     * ref_id (coupons: by lower-cased code, then code), each with a preview. A term matches
     *   - an ACCOUNT when one of its identifiers' values starts with it, or, for a member of the
     *     account, a word of the given, family or display name, the city, the postal code, the
     *     e-mail, the phone number or the birth date (YYYY-MM-DD) starts with it (as
     *     AccountService.SearchAccounts);
     *   - a COUPON (an issued coupon) when its code starts with it;
     *   - an OFFER when a word of its display name, description or content titles starts with it.
     * Case-insensitive. Deleted accounts are not found.
     * Each type needs the token scope that reads it: ACCOUNT accounts:read, COUPON coupons:read,
     * OFFER coupons:admin. With no type filter the search covers the types the caller may read.
     * Errors: SCOPE_MISSING (PERMISSION_DENIED; a type of the filter the caller may not read, or
     * none at all; metadata "scope").
     * </pre>
     */
    default void search(com.rewardscore.rewards.accounts.v1.SearchRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.SearchResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSearchMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service SearchService.
   * <pre>
   * The domain search of seed 001: one query over accounts, issued coupons and offers, e.g. to
   * find a customer who forgot the card.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.accounts"). Besides the
   * reasons listed, the RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), and with the transient
   * STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static abstract class SearchServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return SearchServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service SearchService.
   * <pre>
   * The domain search of seed 001: one query over accounts, issued coupons and offers, e.g. to
   * find a customer who forgot the card.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.accounts"). Besides the
   * reasons listed, the RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), and with the transient
   * STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class SearchServiceStub
      extends io.grpc.stub.AbstractAsyncStub<SearchServiceStub> {
    private SearchServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SearchServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SearchServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Finds the accounts, coupons and offers of the caller's organisation that match every term
     * of the query, grouped by type (ACCOUNT, then COUPON, then OFFER) and within a type by
     * ref_id (coupons: by lower-cased code, then code), each with a preview. A term matches
     *   - an ACCOUNT when one of its identifiers' values starts with it, or, for a member of the
     *     account, a word of the given, family or display name, the city, the postal code, the
     *     e-mail, the phone number or the birth date (YYYY-MM-DD) starts with it (as
     *     AccountService.SearchAccounts);
     *   - a COUPON (an issued coupon) when its code starts with it;
     *   - an OFFER when a word of its display name, description or content titles starts with it.
     * Case-insensitive. Deleted accounts are not found.
     * Each type needs the token scope that reads it: ACCOUNT accounts:read, COUPON coupons:read,
     * OFFER coupons:admin. With no type filter the search covers the types the caller may read.
     * Errors: SCOPE_MISSING (PERMISSION_DENIED; a type of the filter the caller may not read, or
     * none at all; metadata "scope").
     * </pre>
     */
    public void search(com.rewardscore.rewards.accounts.v1.SearchRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.SearchResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSearchMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service SearchService.
   * <pre>
   * The domain search of seed 001: one query over accounts, issued coupons and offers, e.g. to
   * find a customer who forgot the card.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.accounts"). Besides the
   * reasons listed, the RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), and with the transient
   * STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class SearchServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<SearchServiceBlockingV2Stub> {
    private SearchServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SearchServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SearchServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Finds the accounts, coupons and offers of the caller's organisation that match every term
     * of the query, grouped by type (ACCOUNT, then COUPON, then OFFER) and within a type by
     * ref_id (coupons: by lower-cased code, then code), each with a preview. A term matches
     *   - an ACCOUNT when one of its identifiers' values starts with it, or, for a member of the
     *     account, a word of the given, family or display name, the city, the postal code, the
     *     e-mail, the phone number or the birth date (YYYY-MM-DD) starts with it (as
     *     AccountService.SearchAccounts);
     *   - a COUPON (an issued coupon) when its code starts with it;
     *   - an OFFER when a word of its display name, description or content titles starts with it.
     * Case-insensitive. Deleted accounts are not found.
     * Each type needs the token scope that reads it: ACCOUNT accounts:read, COUPON coupons:read,
     * OFFER coupons:admin. With no type filter the search covers the types the caller may read.
     * Errors: SCOPE_MISSING (PERMISSION_DENIED; a type of the filter the caller may not read, or
     * none at all; metadata "scope").
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.SearchResponse search(com.rewardscore.rewards.accounts.v1.SearchRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getSearchMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service SearchService.
   * <pre>
   * The domain search of seed 001: one query over accounts, issued coupons and offers, e.g. to
   * find a customer who forgot the card.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.accounts"). Besides the
   * reasons listed, the RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), and with the transient
   * STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class SearchServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<SearchServiceBlockingStub> {
    private SearchServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SearchServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SearchServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Finds the accounts, coupons and offers of the caller's organisation that match every term
     * of the query, grouped by type (ACCOUNT, then COUPON, then OFFER) and within a type by
     * ref_id (coupons: by lower-cased code, then code), each with a preview. A term matches
     *   - an ACCOUNT when one of its identifiers' values starts with it, or, for a member of the
     *     account, a word of the given, family or display name, the city, the postal code, the
     *     e-mail, the phone number or the birth date (YYYY-MM-DD) starts with it (as
     *     AccountService.SearchAccounts);
     *   - a COUPON (an issued coupon) when its code starts with it;
     *   - an OFFER when a word of its display name, description or content titles starts with it.
     * Case-insensitive. Deleted accounts are not found.
     * Each type needs the token scope that reads it: ACCOUNT accounts:read, COUPON coupons:read,
     * OFFER coupons:admin. With no type filter the search covers the types the caller may read.
     * Errors: SCOPE_MISSING (PERMISSION_DENIED; a type of the filter the caller may not read, or
     * none at all; metadata "scope").
     * </pre>
     */
    public com.rewardscore.rewards.accounts.v1.SearchResponse search(com.rewardscore.rewards.accounts.v1.SearchRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSearchMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service SearchService.
   * <pre>
   * The domain search of seed 001: one query over accounts, issued coupons and offers, e.g. to
   * find a customer who forgot the card.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.accounts"). Besides the
   * reasons listed, the RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), and with the transient
   * STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class SearchServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<SearchServiceFutureStub> {
    private SearchServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SearchServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SearchServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Finds the accounts, coupons and offers of the caller's organisation that match every term
     * of the query, grouped by type (ACCOUNT, then COUPON, then OFFER) and within a type by
     * ref_id (coupons: by lower-cased code, then code), each with a preview. A term matches
     *   - an ACCOUNT when one of its identifiers' values starts with it, or, for a member of the
     *     account, a word of the given, family or display name, the city, the postal code, the
     *     e-mail, the phone number or the birth date (YYYY-MM-DD) starts with it (as
     *     AccountService.SearchAccounts);
     *   - a COUPON (an issued coupon) when its code starts with it;
     *   - an OFFER when a word of its display name, description or content titles starts with it.
     * Case-insensitive. Deleted accounts are not found.
     * Each type needs the token scope that reads it: ACCOUNT accounts:read, COUPON coupons:read,
     * OFFER coupons:admin. With no type filter the search covers the types the caller may read.
     * Errors: SCOPE_MISSING (PERMISSION_DENIED; a type of the filter the caller may not read, or
     * none at all; metadata "scope").
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.accounts.v1.SearchResponse> search(
        com.rewardscore.rewards.accounts.v1.SearchRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSearchMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_SEARCH = 0;

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
        case METHODID_SEARCH:
          serviceImpl.search((com.rewardscore.rewards.accounts.v1.SearchRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.accounts.v1.SearchResponse>) responseObserver);
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
          getSearchMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.accounts.v1.SearchRequest,
              com.rewardscore.rewards.accounts.v1.SearchResponse>(
                service, METHODID_SEARCH)))
        .build();
  }

  private static abstract class SearchServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    SearchServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.rewardscore.rewards.accounts.v1.SearchServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("SearchService");
    }
  }

  private static final class SearchServiceFileDescriptorSupplier
      extends SearchServiceBaseDescriptorSupplier {
    SearchServiceFileDescriptorSupplier() {}
  }

  private static final class SearchServiceMethodDescriptorSupplier
      extends SearchServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    SearchServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (SearchServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new SearchServiceFileDescriptorSupplier())
              .addMethod(getSearchMethod())
              .build();
        }
      }
    }
    return result;
  }
}
