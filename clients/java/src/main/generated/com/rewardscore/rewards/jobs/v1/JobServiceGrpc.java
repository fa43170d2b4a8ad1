package com.rewardscore.rewards.jobs.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Background jobs (scope coupons:admin): bulk work that runs on the server, not in the caller's
 * stream. A job keeps running when the client that started it goes away, survives a server
 * restart (its state is in Postgres; a worker holds it under a lease and commits each chunk with
 * its progress, so a restarted or other worker goes on from the last committed chunk and no
 * chunk is ever committed twice), and stops at the next chunk boundary on CancelJob.
 * One job per request_id: StartJob again with the same request_id and parameters returns the
 * same job (whatever its state), with other parameters fails with IDEMPOTENCY_KEY_REUSED.
 * OfferService.GenerateCodes starts (or, with the same request_id, finds) a GENERATE_CODES job
 * and follows it: its stream reports the job's progress; closing the stream does not stop the
 * job. WatchJob follows any job.
 * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.jobs"). Besides the
 * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID,
 * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
 * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS), and any RPC with the transient STORE_UNAVAILABLE,
 * SHUTTING_DOWN (UNAVAILABLE).
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class JobServiceGrpc {

  private JobServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "rewards.jobs.v1.JobService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.jobs.v1.StartJobRequest,
      com.rewardscore.rewards.jobs.v1.StartJobResponse> getStartJobMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "StartJob",
      requestType = com.rewardscore.rewards.jobs.v1.StartJobRequest.class,
      responseType = com.rewardscore.rewards.jobs.v1.StartJobResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.jobs.v1.StartJobRequest,
      com.rewardscore.rewards.jobs.v1.StartJobResponse> getStartJobMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.jobs.v1.StartJobRequest, com.rewardscore.rewards.jobs.v1.StartJobResponse> getStartJobMethod;
    if ((getStartJobMethod = JobServiceGrpc.getStartJobMethod) == null) {
      synchronized (JobServiceGrpc.class) {
        if ((getStartJobMethod = JobServiceGrpc.getStartJobMethod) == null) {
          JobServiceGrpc.getStartJobMethod = getStartJobMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.jobs.v1.StartJobRequest, com.rewardscore.rewards.jobs.v1.StartJobResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "StartJob"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.jobs.v1.StartJobRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.jobs.v1.StartJobResponse.getDefaultInstance()))
              .setSchemaDescriptor(new JobServiceMethodDescriptorSupplier("StartJob"))
              .build();
        }
      }
    }
    return getStartJobMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.jobs.v1.GetJobRequest,
      com.rewardscore.rewards.jobs.v1.GetJobResponse> getGetJobMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetJob",
      requestType = com.rewardscore.rewards.jobs.v1.GetJobRequest.class,
      responseType = com.rewardscore.rewards.jobs.v1.GetJobResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.jobs.v1.GetJobRequest,
      com.rewardscore.rewards.jobs.v1.GetJobResponse> getGetJobMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.jobs.v1.GetJobRequest, com.rewardscore.rewards.jobs.v1.GetJobResponse> getGetJobMethod;
    if ((getGetJobMethod = JobServiceGrpc.getGetJobMethod) == null) {
      synchronized (JobServiceGrpc.class) {
        if ((getGetJobMethod = JobServiceGrpc.getGetJobMethod) == null) {
          JobServiceGrpc.getGetJobMethod = getGetJobMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.jobs.v1.GetJobRequest, com.rewardscore.rewards.jobs.v1.GetJobResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetJob"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.jobs.v1.GetJobRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.jobs.v1.GetJobResponse.getDefaultInstance()))
              .setSchemaDescriptor(new JobServiceMethodDescriptorSupplier("GetJob"))
              .build();
        }
      }
    }
    return getGetJobMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.jobs.v1.ListJobsRequest,
      com.rewardscore.rewards.jobs.v1.ListJobsResponse> getListJobsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListJobs",
      requestType = com.rewardscore.rewards.jobs.v1.ListJobsRequest.class,
      responseType = com.rewardscore.rewards.jobs.v1.ListJobsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.jobs.v1.ListJobsRequest,
      com.rewardscore.rewards.jobs.v1.ListJobsResponse> getListJobsMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.jobs.v1.ListJobsRequest, com.rewardscore.rewards.jobs.v1.ListJobsResponse> getListJobsMethod;
    if ((getListJobsMethod = JobServiceGrpc.getListJobsMethod) == null) {
      synchronized (JobServiceGrpc.class) {
        if ((getListJobsMethod = JobServiceGrpc.getListJobsMethod) == null) {
          JobServiceGrpc.getListJobsMethod = getListJobsMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.jobs.v1.ListJobsRequest, com.rewardscore.rewards.jobs.v1.ListJobsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListJobs"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.jobs.v1.ListJobsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.jobs.v1.ListJobsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new JobServiceMethodDescriptorSupplier("ListJobs"))
              .build();
        }
      }
    }
    return getListJobsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.jobs.v1.CancelJobRequest,
      com.rewardscore.rewards.jobs.v1.CancelJobResponse> getCancelJobMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CancelJob",
      requestType = com.rewardscore.rewards.jobs.v1.CancelJobRequest.class,
      responseType = com.rewardscore.rewards.jobs.v1.CancelJobResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.jobs.v1.CancelJobRequest,
      com.rewardscore.rewards.jobs.v1.CancelJobResponse> getCancelJobMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.jobs.v1.CancelJobRequest, com.rewardscore.rewards.jobs.v1.CancelJobResponse> getCancelJobMethod;
    if ((getCancelJobMethod = JobServiceGrpc.getCancelJobMethod) == null) {
      synchronized (JobServiceGrpc.class) {
        if ((getCancelJobMethod = JobServiceGrpc.getCancelJobMethod) == null) {
          JobServiceGrpc.getCancelJobMethod = getCancelJobMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.jobs.v1.CancelJobRequest, com.rewardscore.rewards.jobs.v1.CancelJobResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CancelJob"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.jobs.v1.CancelJobRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.jobs.v1.CancelJobResponse.getDefaultInstance()))
              .setSchemaDescriptor(new JobServiceMethodDescriptorSupplier("CancelJob"))
              .build();
        }
      }
    }
    return getCancelJobMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.jobs.v1.WatchJobRequest,
      com.rewardscore.rewards.jobs.v1.WatchJobResponse> getWatchJobMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchJob",
      requestType = com.rewardscore.rewards.jobs.v1.WatchJobRequest.class,
      responseType = com.rewardscore.rewards.jobs.v1.WatchJobResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.jobs.v1.WatchJobRequest,
      com.rewardscore.rewards.jobs.v1.WatchJobResponse> getWatchJobMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.jobs.v1.WatchJobRequest, com.rewardscore.rewards.jobs.v1.WatchJobResponse> getWatchJobMethod;
    if ((getWatchJobMethod = JobServiceGrpc.getWatchJobMethod) == null) {
      synchronized (JobServiceGrpc.class) {
        if ((getWatchJobMethod = JobServiceGrpc.getWatchJobMethod) == null) {
          JobServiceGrpc.getWatchJobMethod = getWatchJobMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.jobs.v1.WatchJobRequest, com.rewardscore.rewards.jobs.v1.WatchJobResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchJob"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.jobs.v1.WatchJobRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.jobs.v1.WatchJobResponse.getDefaultInstance()))
              .setSchemaDescriptor(new JobServiceMethodDescriptorSupplier("WatchJob"))
              .build();
        }
      }
    }
    return getWatchJobMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static JobServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<JobServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<JobServiceStub>() {
        @java.lang.Override
        public JobServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new JobServiceStub(channel, callOptions);
        }
      };
    return JobServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static JobServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<JobServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<JobServiceBlockingV2Stub>() {
        @java.lang.Override
        public JobServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new JobServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return JobServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static JobServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<JobServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<JobServiceBlockingStub>() {
        @java.lang.Override
        public JobServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new JobServiceBlockingStub(channel, callOptions);
        }
      };
    return JobServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static JobServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<JobServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<JobServiceFutureStub>() {
        @java.lang.Override
        public JobServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new JobServiceFutureStub(channel, callOptions);
        }
      };
    return JobServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Background jobs (scope coupons:admin): bulk work that runs on the server, not in the caller's
   * stream. A job keeps running when the client that started it goes away, survives a server
   * restart (its state is in Postgres; a worker holds it under a lease and commits each chunk with
   * its progress, so a restarted or other worker goes on from the last committed chunk and no
   * chunk is ever committed twice), and stops at the next chunk boundary on CancelJob.
   * One job per request_id: StartJob again with the same request_id and parameters returns the
   * same job (whatever its state), with other parameters fails with IDEMPOTENCY_KEY_REUSED.
   * OfferService.GenerateCodes starts (or, with the same request_id, finds) a GENERATE_CODES job
   * and follows it: its stream reports the job's progress; closing the stream does not stop the
   * job. WatchJob follows any job.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.jobs"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS), and any RPC with the transient STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Starts a job, or returns the job of this request_id. The spec is checked before anything
     * is stored: bad input starts nothing.
     * Errors: the spec's own reasons: GENERATE_CODES as OfferService.GenerateCodes
     * (CODE_SERIES_NOT_FOUND, CODE_SERIES_TYPE_MISMATCH, CODE_SPACE_TOO_SMALL, FIELD_OUT_OF_RANGE
     * on count); IMPORT_CODES: CODE_SERIES_NOT_FOUND, CODE_SERIES_TYPE_MISMATCH (not IMPORTED),
     * JOB_FILE_NOT_FOUND (NOT_FOUND), FIELD_INVALID on file_path (absolute, or leaving the import
     * directory), JOB_IMPORTS_DISABLED (FAILED_PRECONDITION; no import directory configured);
     * BULK_ISSUE_COUPONS: OFFER_NOT_FOUND (NOT_FOUND) and the file's reasons as for IMPORT_CODES.
     * </pre>
     */
    default void startJob(com.rewardscore.rewards.jobs.v1.StartJobRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.jobs.v1.StartJobResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getStartJobMethod(), responseObserver);
    }

    /**
     * <pre>
     * Reads one job of the caller's organisation.
     * Errors: JOB_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    default void getJob(com.rewardscore.rewards.jobs.v1.GetJobRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.jobs.v1.GetJobResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetJobMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the organisation's jobs, newest first, optionally of one kind and state.
     * </pre>
     */
    default void listJobs(com.rewardscore.rewards.jobs.v1.ListJobsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.jobs.v1.ListJobsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListJobsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Asks a job to stop. A QUEUED job (or one no worker holds) is CANCELLED at once; a RUNNING
     * one is CANCELLING until its worker reaches the next chunk boundary, then CANCELLED (what
     * its committed chunks did stays done). Cancelling a CANCELLING or CANCELLED job answers it
     * unchanged.
     * Errors: JOB_NOT_FOUND (NOT_FOUND), JOB_FINISHED (FAILED_PRECONDITION; SUCCEEDED or FAILED).
     * </pre>
     */
    default void cancelJob(com.rewardscore.rewards.jobs.v1.CancelJobRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.jobs.v1.CancelJobResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCancelJobMethod(), responseObserver);
    }

    /**
     * <pre>
     * Follows a job: its state now, then a message each time its progress or state changes (at
     * least every chunk when the job runs in the worker serving the stream, at least every second
     * otherwise), the last one in a final state (SUCCEEDED, FAILED, CANCELLED). Closing the stream
     * does not affect the job.
     * Errors: JOB_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    default void watchJob(com.rewardscore.rewards.jobs.v1.WatchJobRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.jobs.v1.WatchJobResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchJobMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service JobService.
   * <pre>
   * Background jobs (scope coupons:admin): bulk work that runs on the server, not in the caller's
   * stream. A job keeps running when the client that started it goes away, survives a server
   * restart (its state is in Postgres; a worker holds it under a lease and commits each chunk with
   * its progress, so a restarted or other worker goes on from the last committed chunk and no
   * chunk is ever committed twice), and stops at the next chunk boundary on CancelJob.
   * One job per request_id: StartJob again with the same request_id and parameters returns the
   * same job (whatever its state), with other parameters fails with IDEMPOTENCY_KEY_REUSED.
   * OfferService.GenerateCodes starts (or, with the same request_id, finds) a GENERATE_CODES job
   * and follows it: its stream reports the job's progress; closing the stream does not stop the
   * job. WatchJob follows any job.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.jobs"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS), and any RPC with the transient STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static abstract class JobServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return JobServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service JobService.
   * <pre>
   * Background jobs (scope coupons:admin): bulk work that runs on the server, not in the caller's
   * stream. A job keeps running when the client that started it goes away, survives a server
   * restart (its state is in Postgres; a worker holds it under a lease and commits each chunk with
   * its progress, so a restarted or other worker goes on from the last committed chunk and no
   * chunk is ever committed twice), and stops at the next chunk boundary on CancelJob.
   * One job per request_id: StartJob again with the same request_id and parameters returns the
   * same job (whatever its state), with other parameters fails with IDEMPOTENCY_KEY_REUSED.
   * OfferService.GenerateCodes starts (or, with the same request_id, finds) a GENERATE_CODES job
   * and follows it: its stream reports the job's progress; closing the stream does not stop the
   * job. WatchJob follows any job.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.jobs"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS), and any RPC with the transient STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class JobServiceStub
      extends io.grpc.stub.AbstractAsyncStub<JobServiceStub> {
    private JobServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected JobServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new JobServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Starts a job, or returns the job of this request_id. The spec is checked before anything
     * is stored: bad input starts nothing.
     * Errors: the spec's own reasons: GENERATE_CODES as OfferService.GenerateCodes
     * (CODE_SERIES_NOT_FOUND, CODE_SERIES_TYPE_MISMATCH, CODE_SPACE_TOO_SMALL, FIELD_OUT_OF_RANGE
     * on count); IMPORT_CODES: CODE_SERIES_NOT_FOUND, CODE_SERIES_TYPE_MISMATCH (not IMPORTED),
     * JOB_FILE_NOT_FOUND (NOT_FOUND), FIELD_INVALID on file_path (absolute, or leaving the import
     * directory), JOB_IMPORTS_DISABLED (FAILED_PRECONDITION; no import directory configured);
     * BULK_ISSUE_COUPONS: OFFER_NOT_FOUND (NOT_FOUND) and the file's reasons as for IMPORT_CODES.
     * </pre>
     */
    public void startJob(com.rewardscore.rewards.jobs.v1.StartJobRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.jobs.v1.StartJobResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getStartJobMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Reads one job of the caller's organisation.
     * Errors: JOB_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public void getJob(com.rewardscore.rewards.jobs.v1.GetJobRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.jobs.v1.GetJobResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetJobMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the organisation's jobs, newest first, optionally of one kind and state.
     * </pre>
     */
    public void listJobs(com.rewardscore.rewards.jobs.v1.ListJobsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.jobs.v1.ListJobsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListJobsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Asks a job to stop. A QUEUED job (or one no worker holds) is CANCELLED at once; a RUNNING
     * one is CANCELLING until its worker reaches the next chunk boundary, then CANCELLED (what
     * its committed chunks did stays done). Cancelling a CANCELLING or CANCELLED job answers it
     * unchanged.
     * Errors: JOB_NOT_FOUND (NOT_FOUND), JOB_FINISHED (FAILED_PRECONDITION; SUCCEEDED or FAILED).
     * </pre>
     */
    public void cancelJob(com.rewardscore.rewards.jobs.v1.CancelJobRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.jobs.v1.CancelJobResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCancelJobMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Follows a job: its state now, then a message each time its progress or state changes (at
     * least every chunk when the job runs in the worker serving the stream, at least every second
     * otherwise), the last one in a final state (SUCCEEDED, FAILED, CANCELLED). Closing the stream
     * does not affect the job.
     * Errors: JOB_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public void watchJob(com.rewardscore.rewards.jobs.v1.WatchJobRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.jobs.v1.WatchJobResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchJobMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service JobService.
   * <pre>
   * Background jobs (scope coupons:admin): bulk work that runs on the server, not in the caller's
   * stream. A job keeps running when the client that started it goes away, survives a server
   * restart (its state is in Postgres; a worker holds it under a lease and commits each chunk with
   * its progress, so a restarted or other worker goes on from the last committed chunk and no
   * chunk is ever committed twice), and stops at the next chunk boundary on CancelJob.
   * One job per request_id: StartJob again with the same request_id and parameters returns the
   * same job (whatever its state), with other parameters fails with IDEMPOTENCY_KEY_REUSED.
   * OfferService.GenerateCodes starts (or, with the same request_id, finds) a GENERATE_CODES job
   * and follows it: its stream reports the job's progress; closing the stream does not stop the
   * job. WatchJob follows any job.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.jobs"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS), and any RPC with the transient STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class JobServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<JobServiceBlockingV2Stub> {
    private JobServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected JobServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new JobServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Starts a job, or returns the job of this request_id. The spec is checked before anything
     * is stored: bad input starts nothing.
     * Errors: the spec's own reasons: GENERATE_CODES as OfferService.GenerateCodes
     * (CODE_SERIES_NOT_FOUND, CODE_SERIES_TYPE_MISMATCH, CODE_SPACE_TOO_SMALL, FIELD_OUT_OF_RANGE
     * on count); IMPORT_CODES: CODE_SERIES_NOT_FOUND, CODE_SERIES_TYPE_MISMATCH (not IMPORTED),
     * JOB_FILE_NOT_FOUND (NOT_FOUND), FIELD_INVALID on file_path (absolute, or leaving the import
     * directory), JOB_IMPORTS_DISABLED (FAILED_PRECONDITION; no import directory configured);
     * BULK_ISSUE_COUPONS: OFFER_NOT_FOUND (NOT_FOUND) and the file's reasons as for IMPORT_CODES.
     * </pre>
     */
    public com.rewardscore.rewards.jobs.v1.StartJobResponse startJob(com.rewardscore.rewards.jobs.v1.StartJobRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getStartJobMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads one job of the caller's organisation.
     * Errors: JOB_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.jobs.v1.GetJobResponse getJob(com.rewardscore.rewards.jobs.v1.GetJobRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetJobMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the organisation's jobs, newest first, optionally of one kind and state.
     * </pre>
     */
    public com.rewardscore.rewards.jobs.v1.ListJobsResponse listJobs(com.rewardscore.rewards.jobs.v1.ListJobsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListJobsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Asks a job to stop. A QUEUED job (or one no worker holds) is CANCELLED at once; a RUNNING
     * one is CANCELLING until its worker reaches the next chunk boundary, then CANCELLED (what
     * its committed chunks did stays done). Cancelling a CANCELLING or CANCELLED job answers it
     * unchanged.
     * Errors: JOB_NOT_FOUND (NOT_FOUND), JOB_FINISHED (FAILED_PRECONDITION; SUCCEEDED or FAILED).
     * </pre>
     */
    public com.rewardscore.rewards.jobs.v1.CancelJobResponse cancelJob(com.rewardscore.rewards.jobs.v1.CancelJobRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCancelJobMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Follows a job: its state now, then a message each time its progress or state changes (at
     * least every chunk when the job runs in the worker serving the stream, at least every second
     * otherwise), the last one in a final state (SUCCEEDED, FAILED, CANCELLED). Closing the stream
     * does not affect the job.
     * Errors: JOB_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<?, com.rewardscore.rewards.jobs.v1.WatchJobResponse>
        watchJob(com.rewardscore.rewards.jobs.v1.WatchJobRequest request) {
      return io.grpc.stub.ClientCalls.blockingV2ServerStreamingCall(
          getChannel(), getWatchJobMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service JobService.
   * <pre>
   * Background jobs (scope coupons:admin): bulk work that runs on the server, not in the caller's
   * stream. A job keeps running when the client that started it goes away, survives a server
   * restart (its state is in Postgres; a worker holds it under a lease and commits each chunk with
   * its progress, so a restarted or other worker goes on from the last committed chunk and no
   * chunk is ever committed twice), and stops at the next chunk boundary on CancelJob.
   * One job per request_id: StartJob again with the same request_id and parameters returns the
   * same job (whatever its state), with other parameters fails with IDEMPOTENCY_KEY_REUSED.
   * OfferService.GenerateCodes starts (or, with the same request_id, finds) a GENERATE_CODES job
   * and follows it: its stream reports the job's progress; closing the stream does not stop the
   * job. WatchJob follows any job.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.jobs"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS), and any RPC with the transient STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class JobServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<JobServiceBlockingStub> {
    private JobServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected JobServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new JobServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Starts a job, or returns the job of this request_id. The spec is checked before anything
     * is stored: bad input starts nothing.
     * Errors: the spec's own reasons: GENERATE_CODES as OfferService.GenerateCodes
     * (CODE_SERIES_NOT_FOUND, CODE_SERIES_TYPE_MISMATCH, CODE_SPACE_TOO_SMALL, FIELD_OUT_OF_RANGE
     * on count); IMPORT_CODES: CODE_SERIES_NOT_FOUND, CODE_SERIES_TYPE_MISMATCH (not IMPORTED),
     * JOB_FILE_NOT_FOUND (NOT_FOUND), FIELD_INVALID on file_path (absolute, or leaving the import
     * directory), JOB_IMPORTS_DISABLED (FAILED_PRECONDITION; no import directory configured);
     * BULK_ISSUE_COUPONS: OFFER_NOT_FOUND (NOT_FOUND) and the file's reasons as for IMPORT_CODES.
     * </pre>
     */
    public com.rewardscore.rewards.jobs.v1.StartJobResponse startJob(com.rewardscore.rewards.jobs.v1.StartJobRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getStartJobMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads one job of the caller's organisation.
     * Errors: JOB_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.jobs.v1.GetJobResponse getJob(com.rewardscore.rewards.jobs.v1.GetJobRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetJobMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the organisation's jobs, newest first, optionally of one kind and state.
     * </pre>
     */
    public com.rewardscore.rewards.jobs.v1.ListJobsResponse listJobs(com.rewardscore.rewards.jobs.v1.ListJobsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListJobsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Asks a job to stop. A QUEUED job (or one no worker holds) is CANCELLED at once; a RUNNING
     * one is CANCELLING until its worker reaches the next chunk boundary, then CANCELLED (what
     * its committed chunks did stays done). Cancelling a CANCELLING or CANCELLED job answers it
     * unchanged.
     * Errors: JOB_NOT_FOUND (NOT_FOUND), JOB_FINISHED (FAILED_PRECONDITION; SUCCEEDED or FAILED).
     * </pre>
     */
    public com.rewardscore.rewards.jobs.v1.CancelJobResponse cancelJob(com.rewardscore.rewards.jobs.v1.CancelJobRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCancelJobMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Follows a job: its state now, then a message each time its progress or state changes (at
     * least every chunk when the job runs in the worker serving the stream, at least every second
     * otherwise), the last one in a final state (SUCCEEDED, FAILED, CANCELLED). Closing the stream
     * does not affect the job.
     * Errors: JOB_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public java.util.Iterator<com.rewardscore.rewards.jobs.v1.WatchJobResponse> watchJob(
        com.rewardscore.rewards.jobs.v1.WatchJobRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchJobMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service JobService.
   * <pre>
   * Background jobs (scope coupons:admin): bulk work that runs on the server, not in the caller's
   * stream. A job keeps running when the client that started it goes away, survives a server
   * restart (its state is in Postgres; a worker holds it under a lease and commits each chunk with
   * its progress, so a restarted or other worker goes on from the last committed chunk and no
   * chunk is ever committed twice), and stops at the next chunk boundary on CancelJob.
   * One job per request_id: StartJob again with the same request_id and parameters returns the
   * same job (whatever its state), with other parameters fails with IDEMPOTENCY_KEY_REUSED.
   * OfferService.GenerateCodes starts (or, with the same request_id, finds) a GENERATE_CODES job
   * and follows it: its stream reports the job's progress; closing the stream does not stop the
   * job. WatchJob follows any job.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.jobs"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS), and any RPC with the transient STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class JobServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<JobServiceFutureStub> {
    private JobServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected JobServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new JobServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Starts a job, or returns the job of this request_id. The spec is checked before anything
     * is stored: bad input starts nothing.
     * Errors: the spec's own reasons: GENERATE_CODES as OfferService.GenerateCodes
     * (CODE_SERIES_NOT_FOUND, CODE_SERIES_TYPE_MISMATCH, CODE_SPACE_TOO_SMALL, FIELD_OUT_OF_RANGE
     * on count); IMPORT_CODES: CODE_SERIES_NOT_FOUND, CODE_SERIES_TYPE_MISMATCH (not IMPORTED),
     * JOB_FILE_NOT_FOUND (NOT_FOUND), FIELD_INVALID on file_path (absolute, or leaving the import
     * directory), JOB_IMPORTS_DISABLED (FAILED_PRECONDITION; no import directory configured);
     * BULK_ISSUE_COUPONS: OFFER_NOT_FOUND (NOT_FOUND) and the file's reasons as for IMPORT_CODES.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.jobs.v1.StartJobResponse> startJob(
        com.rewardscore.rewards.jobs.v1.StartJobRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getStartJobMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Reads one job of the caller's organisation.
     * Errors: JOB_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.jobs.v1.GetJobResponse> getJob(
        com.rewardscore.rewards.jobs.v1.GetJobRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetJobMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the organisation's jobs, newest first, optionally of one kind and state.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.jobs.v1.ListJobsResponse> listJobs(
        com.rewardscore.rewards.jobs.v1.ListJobsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListJobsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Asks a job to stop. A QUEUED job (or one no worker holds) is CANCELLED at once; a RUNNING
     * one is CANCELLING until its worker reaches the next chunk boundary, then CANCELLED (what
     * its committed chunks did stays done). Cancelling a CANCELLING or CANCELLED job answers it
     * unchanged.
     * Errors: JOB_NOT_FOUND (NOT_FOUND), JOB_FINISHED (FAILED_PRECONDITION; SUCCEEDED or FAILED).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.jobs.v1.CancelJobResponse> cancelJob(
        com.rewardscore.rewards.jobs.v1.CancelJobRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCancelJobMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_START_JOB = 0;
  private static final int METHODID_GET_JOB = 1;
  private static final int METHODID_LIST_JOBS = 2;
  private static final int METHODID_CANCEL_JOB = 3;
  private static final int METHODID_WATCH_JOB = 4;

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
        case METHODID_START_JOB:
          serviceImpl.startJob((com.rewardscore.rewards.jobs.v1.StartJobRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.jobs.v1.StartJobResponse>) responseObserver);
          break;
        case METHODID_GET_JOB:
          serviceImpl.getJob((com.rewardscore.rewards.jobs.v1.GetJobRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.jobs.v1.GetJobResponse>) responseObserver);
          break;
        case METHODID_LIST_JOBS:
          serviceImpl.listJobs((com.rewardscore.rewards.jobs.v1.ListJobsRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.jobs.v1.ListJobsResponse>) responseObserver);
          break;
        case METHODID_CANCEL_JOB:
          serviceImpl.cancelJob((com.rewardscore.rewards.jobs.v1.CancelJobRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.jobs.v1.CancelJobResponse>) responseObserver);
          break;
        case METHODID_WATCH_JOB:
          serviceImpl.watchJob((com.rewardscore.rewards.jobs.v1.WatchJobRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.jobs.v1.WatchJobResponse>) responseObserver);
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
          getStartJobMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.jobs.v1.StartJobRequest,
              com.rewardscore.rewards.jobs.v1.StartJobResponse>(
                service, METHODID_START_JOB)))
        .addMethod(
          getGetJobMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.jobs.v1.GetJobRequest,
              com.rewardscore.rewards.jobs.v1.GetJobResponse>(
                service, METHODID_GET_JOB)))
        .addMethod(
          getListJobsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.jobs.v1.ListJobsRequest,
              com.rewardscore.rewards.jobs.v1.ListJobsResponse>(
                service, METHODID_LIST_JOBS)))
        .addMethod(
          getCancelJobMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.jobs.v1.CancelJobRequest,
              com.rewardscore.rewards.jobs.v1.CancelJobResponse>(
                service, METHODID_CANCEL_JOB)))
        .addMethod(
          getWatchJobMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              com.rewardscore.rewards.jobs.v1.WatchJobRequest,
              com.rewardscore.rewards.jobs.v1.WatchJobResponse>(
                service, METHODID_WATCH_JOB)))
        .build();
  }

  private static abstract class JobServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    JobServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.rewardscore.rewards.jobs.v1.JobServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("JobService");
    }
  }

  private static final class JobServiceFileDescriptorSupplier
      extends JobServiceBaseDescriptorSupplier {
    JobServiceFileDescriptorSupplier() {}
  }

  private static final class JobServiceMethodDescriptorSupplier
      extends JobServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    JobServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (JobServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new JobServiceFileDescriptorSupplier())
              .addMethod(getStartJobMethod())
              .addMethod(getGetJobMethod())
              .addMethod(getListJobsMethod())
              .addMethod(getCancelJobMethod())
              .addMethod(getWatchJobMethod())
              .build();
        }
      }
    }
    return result;
  }
}
