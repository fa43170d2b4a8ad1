package com.rewardscore.rewards.loyalty.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Points at the checkout: earn, earn by code, redeem with a one-time password, refund,
 * balance and history. Latency-sensitive; every mutating RPC is safe to retry with its
 * request_id and answers only after its ledger entry is committed. Points are int64; every
 * movement is a double-entry transfer.
 * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.loyalty"). Besides the
 * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
 * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
 * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with
 * the transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE,
 * SHUTTING_DOWN (UNAVAILABLE). ACCOUNT_NOT_FOUND (NOT_FOUND) and ACCOUNT_NOT_ACTIVE
 * (FAILED_PRECONDITION) apply to every RPC that names an account.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class LoyaltyServiceGrpc {

  private LoyaltyServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "rewards.loyalty.v1.LoyaltyService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.EarnPointsRequest,
      com.rewardscore.rewards.loyalty.v1.EarnPointsResponse> getEarnPointsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "EarnPoints",
      requestType = com.rewardscore.rewards.loyalty.v1.EarnPointsRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.EarnPointsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.EarnPointsRequest,
      com.rewardscore.rewards.loyalty.v1.EarnPointsResponse> getEarnPointsMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.EarnPointsRequest, com.rewardscore.rewards.loyalty.v1.EarnPointsResponse> getEarnPointsMethod;
    if ((getEarnPointsMethod = LoyaltyServiceGrpc.getEarnPointsMethod) == null) {
      synchronized (LoyaltyServiceGrpc.class) {
        if ((getEarnPointsMethod = LoyaltyServiceGrpc.getEarnPointsMethod) == null) {
          LoyaltyServiceGrpc.getEarnPointsMethod = getEarnPointsMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.EarnPointsRequest, com.rewardscore.rewards.loyalty.v1.EarnPointsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "EarnPoints"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.EarnPointsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.EarnPointsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LoyaltyServiceMethodDescriptorSupplier("EarnPoints"))
              .build();
        }
      }
    }
    return getEarnPointsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.BatchEarnPointsRequest,
      com.rewardscore.rewards.loyalty.v1.BatchEarnPointsResponse> getBatchEarnPointsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "BatchEarnPoints",
      requestType = com.rewardscore.rewards.loyalty.v1.BatchEarnPointsRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.BatchEarnPointsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.BatchEarnPointsRequest,
      com.rewardscore.rewards.loyalty.v1.BatchEarnPointsResponse> getBatchEarnPointsMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.BatchEarnPointsRequest, com.rewardscore.rewards.loyalty.v1.BatchEarnPointsResponse> getBatchEarnPointsMethod;
    if ((getBatchEarnPointsMethod = LoyaltyServiceGrpc.getBatchEarnPointsMethod) == null) {
      synchronized (LoyaltyServiceGrpc.class) {
        if ((getBatchEarnPointsMethod = LoyaltyServiceGrpc.getBatchEarnPointsMethod) == null) {
          LoyaltyServiceGrpc.getBatchEarnPointsMethod = getBatchEarnPointsMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.BatchEarnPointsRequest, com.rewardscore.rewards.loyalty.v1.BatchEarnPointsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "BatchEarnPoints"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.BatchEarnPointsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.BatchEarnPointsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LoyaltyServiceMethodDescriptorSupplier("BatchEarnPoints"))
              .build();
        }
      }
    }
    return getBatchEarnPointsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.EarnByCodeRequest,
      com.rewardscore.rewards.loyalty.v1.EarnByCodeResponse> getEarnByCodeMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "EarnByCode",
      requestType = com.rewardscore.rewards.loyalty.v1.EarnByCodeRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.EarnByCodeResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.EarnByCodeRequest,
      com.rewardscore.rewards.loyalty.v1.EarnByCodeResponse> getEarnByCodeMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.EarnByCodeRequest, com.rewardscore.rewards.loyalty.v1.EarnByCodeResponse> getEarnByCodeMethod;
    if ((getEarnByCodeMethod = LoyaltyServiceGrpc.getEarnByCodeMethod) == null) {
      synchronized (LoyaltyServiceGrpc.class) {
        if ((getEarnByCodeMethod = LoyaltyServiceGrpc.getEarnByCodeMethod) == null) {
          LoyaltyServiceGrpc.getEarnByCodeMethod = getEarnByCodeMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.EarnByCodeRequest, com.rewardscore.rewards.loyalty.v1.EarnByCodeResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "EarnByCode"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.EarnByCodeRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.EarnByCodeResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LoyaltyServiceMethodDescriptorSupplier("EarnByCode"))
              .build();
        }
      }
    }
    return getEarnByCodeMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpRequest,
      com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpResponse> getRequestRedemptionOtpMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RequestRedemptionOtp",
      requestType = com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpRequest,
      com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpResponse> getRequestRedemptionOtpMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpRequest, com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpResponse> getRequestRedemptionOtpMethod;
    if ((getRequestRedemptionOtpMethod = LoyaltyServiceGrpc.getRequestRedemptionOtpMethod) == null) {
      synchronized (LoyaltyServiceGrpc.class) {
        if ((getRequestRedemptionOtpMethod = LoyaltyServiceGrpc.getRequestRedemptionOtpMethod) == null) {
          LoyaltyServiceGrpc.getRequestRedemptionOtpMethod = getRequestRedemptionOtpMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpRequest, com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RequestRedemptionOtp"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LoyaltyServiceMethodDescriptorSupplier("RequestRedemptionOtp"))
              .build();
        }
      }
    }
    return getRequestRedemptionOtpMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.RedeemPointsRequest,
      com.rewardscore.rewards.loyalty.v1.RedeemPointsResponse> getRedeemPointsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RedeemPoints",
      requestType = com.rewardscore.rewards.loyalty.v1.RedeemPointsRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.RedeemPointsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.RedeemPointsRequest,
      com.rewardscore.rewards.loyalty.v1.RedeemPointsResponse> getRedeemPointsMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.RedeemPointsRequest, com.rewardscore.rewards.loyalty.v1.RedeemPointsResponse> getRedeemPointsMethod;
    if ((getRedeemPointsMethod = LoyaltyServiceGrpc.getRedeemPointsMethod) == null) {
      synchronized (LoyaltyServiceGrpc.class) {
        if ((getRedeemPointsMethod = LoyaltyServiceGrpc.getRedeemPointsMethod) == null) {
          LoyaltyServiceGrpc.getRedeemPointsMethod = getRedeemPointsMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.RedeemPointsRequest, com.rewardscore.rewards.loyalty.v1.RedeemPointsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RedeemPoints"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.RedeemPointsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.RedeemPointsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LoyaltyServiceMethodDescriptorSupplier("RedeemPoints"))
              .build();
        }
      }
    }
    return getRedeemPointsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.RefundPointsRequest,
      com.rewardscore.rewards.loyalty.v1.RefundPointsResponse> getRefundPointsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RefundPoints",
      requestType = com.rewardscore.rewards.loyalty.v1.RefundPointsRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.RefundPointsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.RefundPointsRequest,
      com.rewardscore.rewards.loyalty.v1.RefundPointsResponse> getRefundPointsMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.RefundPointsRequest, com.rewardscore.rewards.loyalty.v1.RefundPointsResponse> getRefundPointsMethod;
    if ((getRefundPointsMethod = LoyaltyServiceGrpc.getRefundPointsMethod) == null) {
      synchronized (LoyaltyServiceGrpc.class) {
        if ((getRefundPointsMethod = LoyaltyServiceGrpc.getRefundPointsMethod) == null) {
          LoyaltyServiceGrpc.getRefundPointsMethod = getRefundPointsMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.RefundPointsRequest, com.rewardscore.rewards.loyalty.v1.RefundPointsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RefundPoints"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.RefundPointsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.RefundPointsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LoyaltyServiceMethodDescriptorSupplier("RefundPoints"))
              .build();
        }
      }
    }
    return getRefundPointsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.AllocateEventRequest,
      com.rewardscore.rewards.loyalty.v1.AllocateEventResponse> getAllocateEventMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AllocateEvent",
      requestType = com.rewardscore.rewards.loyalty.v1.AllocateEventRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.AllocateEventResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.AllocateEventRequest,
      com.rewardscore.rewards.loyalty.v1.AllocateEventResponse> getAllocateEventMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.AllocateEventRequest, com.rewardscore.rewards.loyalty.v1.AllocateEventResponse> getAllocateEventMethod;
    if ((getAllocateEventMethod = LoyaltyServiceGrpc.getAllocateEventMethod) == null) {
      synchronized (LoyaltyServiceGrpc.class) {
        if ((getAllocateEventMethod = LoyaltyServiceGrpc.getAllocateEventMethod) == null) {
          LoyaltyServiceGrpc.getAllocateEventMethod = getAllocateEventMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.AllocateEventRequest, com.rewardscore.rewards.loyalty.v1.AllocateEventResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AllocateEvent"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.AllocateEventRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.AllocateEventResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LoyaltyServiceMethodDescriptorSupplier("AllocateEvent"))
              .build();
        }
      }
    }
    return getAllocateEventMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.VoidTransactionRequest,
      com.rewardscore.rewards.loyalty.v1.VoidTransactionResponse> getVoidTransactionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "VoidTransaction",
      requestType = com.rewardscore.rewards.loyalty.v1.VoidTransactionRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.VoidTransactionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.VoidTransactionRequest,
      com.rewardscore.rewards.loyalty.v1.VoidTransactionResponse> getVoidTransactionMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.VoidTransactionRequest, com.rewardscore.rewards.loyalty.v1.VoidTransactionResponse> getVoidTransactionMethod;
    if ((getVoidTransactionMethod = LoyaltyServiceGrpc.getVoidTransactionMethod) == null) {
      synchronized (LoyaltyServiceGrpc.class) {
        if ((getVoidTransactionMethod = LoyaltyServiceGrpc.getVoidTransactionMethod) == null) {
          LoyaltyServiceGrpc.getVoidTransactionMethod = getVoidTransactionMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.VoidTransactionRequest, com.rewardscore.rewards.loyalty.v1.VoidTransactionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "VoidTransaction"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.VoidTransactionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.VoidTransactionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LoyaltyServiceMethodDescriptorSupplier("VoidTransaction"))
              .build();
        }
      }
    }
    return getVoidTransactionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.AdjustPointsRequest,
      com.rewardscore.rewards.loyalty.v1.AdjustPointsResponse> getAdjustPointsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AdjustPoints",
      requestType = com.rewardscore.rewards.loyalty.v1.AdjustPointsRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.AdjustPointsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.AdjustPointsRequest,
      com.rewardscore.rewards.loyalty.v1.AdjustPointsResponse> getAdjustPointsMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.AdjustPointsRequest, com.rewardscore.rewards.loyalty.v1.AdjustPointsResponse> getAdjustPointsMethod;
    if ((getAdjustPointsMethod = LoyaltyServiceGrpc.getAdjustPointsMethod) == null) {
      synchronized (LoyaltyServiceGrpc.class) {
        if ((getAdjustPointsMethod = LoyaltyServiceGrpc.getAdjustPointsMethod) == null) {
          LoyaltyServiceGrpc.getAdjustPointsMethod = getAdjustPointsMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.AdjustPointsRequest, com.rewardscore.rewards.loyalty.v1.AdjustPointsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AdjustPoints"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.AdjustPointsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.AdjustPointsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LoyaltyServiceMethodDescriptorSupplier("AdjustPoints"))
              .build();
        }
      }
    }
    return getAdjustPointsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsRequest,
      com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsResponse> getBatchAllocatePointsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "BatchAllocatePoints",
      requestType = com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsRequest,
      com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsResponse> getBatchAllocatePointsMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsRequest, com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsResponse> getBatchAllocatePointsMethod;
    if ((getBatchAllocatePointsMethod = LoyaltyServiceGrpc.getBatchAllocatePointsMethod) == null) {
      synchronized (LoyaltyServiceGrpc.class) {
        if ((getBatchAllocatePointsMethod = LoyaltyServiceGrpc.getBatchAllocatePointsMethod) == null) {
          LoyaltyServiceGrpc.getBatchAllocatePointsMethod = getBatchAllocatePointsMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsRequest, com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "BatchAllocatePoints"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LoyaltyServiceMethodDescriptorSupplier("BatchAllocatePoints"))
              .build();
        }
      }
    }
    return getBatchAllocatePointsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.GetBalanceRequest,
      com.rewardscore.rewards.loyalty.v1.GetBalanceResponse> getGetBalanceMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetBalance",
      requestType = com.rewardscore.rewards.loyalty.v1.GetBalanceRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.GetBalanceResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.GetBalanceRequest,
      com.rewardscore.rewards.loyalty.v1.GetBalanceResponse> getGetBalanceMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.GetBalanceRequest, com.rewardscore.rewards.loyalty.v1.GetBalanceResponse> getGetBalanceMethod;
    if ((getGetBalanceMethod = LoyaltyServiceGrpc.getGetBalanceMethod) == null) {
      synchronized (LoyaltyServiceGrpc.class) {
        if ((getGetBalanceMethod = LoyaltyServiceGrpc.getGetBalanceMethod) == null) {
          LoyaltyServiceGrpc.getGetBalanceMethod = getGetBalanceMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.GetBalanceRequest, com.rewardscore.rewards.loyalty.v1.GetBalanceResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetBalance"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.GetBalanceRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.GetBalanceResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LoyaltyServiceMethodDescriptorSupplier("GetBalance"))
              .build();
        }
      }
    }
    return getGetBalanceMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.ListTransactionsRequest,
      com.rewardscore.rewards.loyalty.v1.ListTransactionsResponse> getListTransactionsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListTransactions",
      requestType = com.rewardscore.rewards.loyalty.v1.ListTransactionsRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.ListTransactionsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.ListTransactionsRequest,
      com.rewardscore.rewards.loyalty.v1.ListTransactionsResponse> getListTransactionsMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.ListTransactionsRequest, com.rewardscore.rewards.loyalty.v1.ListTransactionsResponse> getListTransactionsMethod;
    if ((getListTransactionsMethod = LoyaltyServiceGrpc.getListTransactionsMethod) == null) {
      synchronized (LoyaltyServiceGrpc.class) {
        if ((getListTransactionsMethod = LoyaltyServiceGrpc.getListTransactionsMethod) == null) {
          LoyaltyServiceGrpc.getListTransactionsMethod = getListTransactionsMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.ListTransactionsRequest, com.rewardscore.rewards.loyalty.v1.ListTransactionsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListTransactions"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.ListTransactionsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.ListTransactionsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LoyaltyServiceMethodDescriptorSupplier("ListTransactions"))
              .build();
        }
      }
    }
    return getListTransactionsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.GetTransactionRequest,
      com.rewardscore.rewards.loyalty.v1.GetTransactionResponse> getGetTransactionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetTransaction",
      requestType = com.rewardscore.rewards.loyalty.v1.GetTransactionRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.GetTransactionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.GetTransactionRequest,
      com.rewardscore.rewards.loyalty.v1.GetTransactionResponse> getGetTransactionMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.GetTransactionRequest, com.rewardscore.rewards.loyalty.v1.GetTransactionResponse> getGetTransactionMethod;
    if ((getGetTransactionMethod = LoyaltyServiceGrpc.getGetTransactionMethod) == null) {
      synchronized (LoyaltyServiceGrpc.class) {
        if ((getGetTransactionMethod = LoyaltyServiceGrpc.getGetTransactionMethod) == null) {
          LoyaltyServiceGrpc.getGetTransactionMethod = getGetTransactionMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.GetTransactionRequest, com.rewardscore.rewards.loyalty.v1.GetTransactionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetTransaction"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.GetTransactionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.GetTransactionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LoyaltyServiceMethodDescriptorSupplier("GetTransaction"))
              .build();
        }
      }
    }
    return getGetTransactionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesRequest,
      com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesResponse> getListLuckyDrawEntriesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListLuckyDrawEntries",
      requestType = com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesRequest,
      com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesResponse> getListLuckyDrawEntriesMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesRequest, com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesResponse> getListLuckyDrawEntriesMethod;
    if ((getListLuckyDrawEntriesMethod = LoyaltyServiceGrpc.getListLuckyDrawEntriesMethod) == null) {
      synchronized (LoyaltyServiceGrpc.class) {
        if ((getListLuckyDrawEntriesMethod = LoyaltyServiceGrpc.getListLuckyDrawEntriesMethod) == null) {
          LoyaltyServiceGrpc.getListLuckyDrawEntriesMethod = getListLuckyDrawEntriesMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesRequest, com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListLuckyDrawEntries"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LoyaltyServiceMethodDescriptorSupplier("ListLuckyDrawEntries"))
              .build();
        }
      }
    }
    return getListLuckyDrawEntriesMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static LoyaltyServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<LoyaltyServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<LoyaltyServiceStub>() {
        @java.lang.Override
        public LoyaltyServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new LoyaltyServiceStub(channel, callOptions);
        }
      };
    return LoyaltyServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static LoyaltyServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<LoyaltyServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<LoyaltyServiceBlockingV2Stub>() {
        @java.lang.Override
        public LoyaltyServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new LoyaltyServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return LoyaltyServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static LoyaltyServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<LoyaltyServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<LoyaltyServiceBlockingStub>() {
        @java.lang.Override
        public LoyaltyServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new LoyaltyServiceBlockingStub(channel, callOptions);
        }
      };
    return LoyaltyServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static LoyaltyServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<LoyaltyServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<LoyaltyServiceFutureStub>() {
        @java.lang.Override
        public LoyaltyServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new LoyaltyServiceFutureStub(channel, callOptions);
        }
      };
    return LoyaltyServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Points at the checkout: earn, earn by code, redeem with a one-time password, refund,
   * balance and history. Latency-sensitive; every mutating RPC is safe to retry with its
   * request_id and answers only after its ledger entry is committed. Points are int64; every
   * movement is a double-entry transfer.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.loyalty"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with
   * the transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE). ACCOUNT_NOT_FOUND (NOT_FOUND) and ACCOUNT_NOT_ACTIVE
   * (FAILED_PRECONDITION) apply to every RPC that names an account.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Credits the points a purchase earns under the program's earn rules (see EarnRule for how
     * they combine). A purchase that earns 0 points still records a transaction.
     * Errors: PURCHASE_ALREADY_EARNED (ALREADY_EXISTS; this transaction_id already earned
     * for the account under another request_id), CURRENCY_MISMATCH (INVALID_ARGUMENT),
     * COUPON_NOT_FOR_EARN (FAILED_PRECONDITION; a listed coupon is not EXTRAPOINT or
     * MULTIPLIER), and the redemption reasons of CouponService.RedeemCoupon for a listed coupon
     * that cannot be applied (a held coupon that cannot is left out instead), EVENT_AWARDED_CONCURRENTLY
     * (ABORTED; transient: the account's FIRST_PURCHASE award kept being made by concurrent
     * requests while the server decided this one again; retry with the same request_id),
     * MEMBERSHIP_REQUIRED (FAILED_PRECONDITION; Program.earn_requires_owner and the account has
     * no OWNER membership; metadata "action": "earn", "program_id").
     * A program with lucky draws (Program.lucky_draw) also gives the purchase lucky-draw points
     * and numbers: transaction.lucky_draw (a retry answers the same range). The points.earned
     * event, decided before the commit, carries the lucky-draw points with its numbers null.
     * </pre>
     */
    default void earnPoints(com.rewardscore.rewards.loyalty.v1.EarnPointsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.EarnPointsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getEarnPointsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Earns up to 1,000 purchases in one call (AIP-233 style): each item runs exactly as
     * EarnPoints (its own request_id and idempotency, its own answer or error, in order); the
     * items are not atomic together. The items share Redis pipelines and group commits.
     * Errors of the call itself: FIELD_REQUIRED (no item), FIELD_OUT_OF_RANGE (more than 1,000
     * items). Each item's error is one of EarnPoints', or FIELD_REQUIRED for an item without a
     * request_id, FIELD_INVALID for a request_id used by two items of the batch, or
     * STORE_NOT_ALLOWED for a store outside the client's stores.
     * </pre>
     */
    default void batchEarnPoints(com.rewardscore.rewards.loyalty.v1.BatchEarnPointsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.BatchEarnPointsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getBatchEarnPointsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Credits the points of a one-time earn code (ProgramService.CreateEarnCodes).
     * Errors: EARN_CODE_NOT_FOUND (NOT_FOUND), EARN_CODE_ALREADY_USED, EARN_CODE_EXPIRED
     * (FAILED_PRECONDITION), EARN_CODE_ATTEMPTS_EXCEEDED (RESOURCE_EXHAUSTED; too many unknown
     * codes tried for the account, against guessing), MEMBERSHIP_REQUIRED (FAILED_PRECONDITION;
     * as EarnPoints), EARN_CODE_NOT_FOR_STORE (FAILED_PRECONDITION; the code's batch is restricted
     * to stores and store_id is not one of them; metadata "store_id").
     * </pre>
     */
    default void earnByCode(com.rewardscore.rewards.loyalty.v1.EarnByCodeRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.EarnByCodeResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getEarnByCodeMethod(), responseObserver);
    }

    /**
     * <pre>
     * Starts a points redemption: creates a 6-digit one-time password bound to the account and
     * the points, and sends it to the member out of band (SMS or e-mail). The OTP is never
     * returned. RedeemPoints (or CheckoutService.AuthorizeBasket) then presents it.
     * Errors: INSUFFICIENT_POINTS, REDEMPTION_THRESHOLD_NOT_MET (FAILED_PRECONDITION),
     * OTP_DESTINATION_MISSING (FAILED_PRECONDITION; the member has no phone number or e-mail),
     * OTP_RATE_LIMITED (RESOURCE_EXHAUSTED; too many OTPs for the account; metadata
     * "retry_time"), OTP_NOT_SENT (UNAVAILABLE; the OTP sender did not accept it: retry),
     * MEMBERSHIP_REQUIRED (FAILED_PRECONDITION; Program.burn_requires_owner and the account has
     * no OWNER membership; metadata "action": "burn", "program_id"), POINTS_VALUE_NOT_CONFIGURED
     * (FAILED_PRECONDITION; amount set and the program has no points_value).
     * The burn may be asked in money (amount: "pay 5.00 EUR with points"): it converts to the most
     * points whose value is not above the amount (Program.points_value, rounded down); the reply
     * says the points and their value.
     * </pre>
     */
    default void requestRedemptionOtp(com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRequestRedemptionOtpMethod(), responseObserver);
    }

    /**
     * <pre>
     * Debits points from the account, proved by the OTP sent for exactly these points.
     * Errors: OTP_NOT_FOUND (no such OTP pending for the account, or it expired), OTP_INVALID
     * (a wrong code, or an OTP sent for another account or amount; metadata "tries_left"),
     * OTP_LOCKED (too many wrong codes), OTP_ALREADY_USED, INSUFFICIENT_POINTS,
     * REDEMPTION_THRESHOLD_NOT_MET, MEMBERSHIP_REQUIRED (as RequestRedemptionOtp) (all
     * FAILED_PRECONDITION), POINTS_VALUE_NOT_CONFIGURED (as RequestRedemptionOtp).
     * A program with Program.points_value answers the money value of the points burned
     * (points_value, rounded down). The burn may be asked in money (amount) as for
     * RequestRedemptionOtp: the same amount converts to the same points.
     * </pre>
     */
    default void redeemPoints(com.rewardscore.rewards.loyalty.v1.RedeemPointsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.RedeemPointsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRedeemPointsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Reverses a posted earn or redemption, fully or partly, with a REFUND transaction in the
     * opposite direction. Several partial refunds may follow each other up to the original's
     * points (concurrent ones included). A redemption's refund (an order cancelled after the
     * burn) gives the points back as new lots with the expiry of the lots the redemption spent,
     * in the order it spent them (soonest-expiring first); its transaction's expire_time is the
     * soonest of those. A full refund of an earn also gives back the coupons it applied.
     * Errors: POINTS_TRANSACTION_NOT_FOUND (NOT_FOUND), POINTS_TRANSACTION_NOT_REFUNDABLE
     * (FAILED_PRECONDITION; not a posted EARN or REDEEM: e.g. a REFUND, EXPIRE or EVENT),
     * REFUND_EXCEEDS_TRANSACTION (FAILED_PRECONDITION; more than is left to refund; metadata
     * "refundable_points"), INSUFFICIENT_POINTS (FAILED_PRECONDITION; refunding an earn whose
     * points were already spent).
     * Any refund of an earn with lucky-draw numbers voids its whole range (LuckyDrawEntry.state
     * VOIDED), as VoidTransaction does; the numbers are not given again.
     * </pre>
     */
    default void refundPoints(com.rewardscore.rewards.loyalty.v1.RefundPointsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.RefundPointsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRefundPointsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Awards the points of the program's EVENT rules for an event that happened to the account
     * (a sign-up, a custom event), or of its REFERRAL rule when referrer_account_id is set: the
     * referrer gets referrer_points and the account referred_points. An account is referred once
     * (by one referrer), and a pair refers one way only.
     * Errors: EVENT_NOT_CONFIGURED (FAILED_PRECONDITION; no rule of the program matches),
     * EVENT_ALREADY_AWARDED (FAILED_PRECONDITION; a once-per-account event or the referral pair
     * was awarded before), REFERRAL_ALREADY_REFERRED (FAILED_PRECONDITION; the account was
     * referred by another referrer; metadata "account_id", "referrer_account_id"),
     * REFERRAL_REVERSE_PAIR (FAILED_PRECONDITION; the referrer was referred by this account).
     * </pre>
     */
    default void allocateEvent(com.rewardscore.rewards.loyalty.v1.AllocateEventRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.AllocateEventResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAllocateEventMethod(), responseObserver);
    }

    /**
     * <pre>
     * Cancels a posted EARN or REDEEM as if it never happened: a VOID transaction of the
     * original's whole points in the opposite direction (an earn's points leave the wallet, a
     * redemption's come back as new lots with the expiry of the lots it spent, as a refund's do;
     * a voided earn gives back the coupons it applied and no longer counts towards tiers). The
     * original then carries `voided {by, at}` in the history and can be neither refunded nor
     * voided again. Allowed within 24 hours of the original (limits.VOID_WINDOW_SECONDS, the
     * same for every program: a till's or back office's correction of the day; later, use
     * RefundPoints). A void of an earn whose points were already spent overdraws the wallet if
     * the program's refund_overdraft allows a negative balance, as RefundPoints does; otherwise
     * it is refused. The FIRST_PURCHASE event an earn triggered is not voided with it.
     * Errors: POINTS_TRANSACTION_NOT_FOUND (NOT_FOUND), POINTS_TRANSACTION_NOT_VOIDABLE
     * (FAILED_PRECONDITION; not a posted EARN or REDEEM), VOID_WINDOW_PASSED
     * (FAILED_PRECONDITION; metadata "void_deadline"), POINTS_TRANSACTION_ALREADY_VOIDED
     * (FAILED_PRECONDITION; metadata "void_points_transaction_id" once committed),
     * POINTS_TRANSACTION_REFUNDED (FAILED_PRECONDITION; part or all of it was refunded, or a
     * refund of it is in flight: a void cancels a whole transaction, so RefundPoints the rest;
     * metadata "refunded_points"), INSUFFICIENT_POINTS (FAILED_PRECONDITION).
     * </pre>
     */
    default void voidTransaction(com.rewardscore.rewards.loyalty.v1.VoidTransactionRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.VoidTransactionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getVoidTransactionMethod(), responseObserver);
    }

    /**
     * <pre>
     * An operator's correction: credits (points &gt; 0) or debits (points &lt; 0) an account with a
     * reason, as an ADJUST transaction from or to the program's adjustment account. A credit
     * expires like any credit (Program.points_expiry); a debit spends lots soonest-expiring
     * first and may take the balance below zero only if the program's refund_overdraft allows
     * a negative balance (else INSUFFICIENT_POINTS). Shown in the history with
     * `adjusted {by, at}`.
     * Errors: INSUFFICIENT_POINTS (FAILED_PRECONDITION).
     * </pre>
     */
    default void adjustPoints(com.rewardscore.rewards.loyalty.v1.AdjustPointsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.AdjustPointsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAdjustPointsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Credits many accounts at once (the seed's bulk allocation): 1..1000 rows per call, each
     * an AdjustPoints credit of its own, with its own request_id and its own result. Not atomic:
     * a refused row changes nothing and the others go on. Rows of different accounts are posted
     * concurrently, rows of one account in row order. A call may be sent again as a whole: the
     * rows that were posted replay (by their request_id), the others are tried again.
     * Errors of the call as a whole (nothing is posted): FIELD_REQUIRED (request_id, rows),
     * FIELD_TOO_LONG (rows: more than 1000), FIELD_INVALID (rows[i].request_id: the same
     * request_id twice in one call), and a control character in any field (as for every RPC). Each row's own failure is in its result, with the reason
     * AdjustPoints would give (FIELD_* reasons name the row's field, e.g. "rows[3].points").
     * </pre>
     */
    default void batchAllocatePoints(com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getBatchAllocatePointsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Reads an account's balance now.
     * </pre>
     */
    default void getBalance(com.rewardscore.rewards.loyalty.v1.GetBalanceRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.GetBalanceResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetBalanceMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists an account's points transactions, newest first.
     * </pre>
     */
    default void listTransactions(com.rewardscore.rewards.loyalty.v1.ListTransactionsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.ListTransactionsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListTransactionsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Reads one points transaction of the caller's organisation with its details: its ledger
     * movements (the double-entry legs), its lucky-draw range, void and adjust stamps, and the
     * REFUND and VOID transactions that reversed it.
     * Errors: POINTS_TRANSACTION_NOT_FOUND (NOT_FOUND; no such transaction, or one of another
     * organisation).
     * </pre>
     */
    default void getTransaction(com.rewardscore.rewards.loyalty.v1.GetTransactionRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.GetTransactionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetTransactionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists lucky-draw ranges (Program.lucky_draw): an account's, newest first (optionally of
     * one draw period), or a program's for one draw period, in number order (what a draw is
     * held over).
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND; by program).
     * </pre>
     */
    default void listLuckyDrawEntries(com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListLuckyDrawEntriesMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service LoyaltyService.
   * <pre>
   * Points at the checkout: earn, earn by code, redeem with a one-time password, refund,
   * balance and history. Latency-sensitive; every mutating RPC is safe to retry with its
   * request_id and answers only after its ledger entry is committed. Points are int64; every
   * movement is a double-entry transfer.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.loyalty"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with
   * the transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE). ACCOUNT_NOT_FOUND (NOT_FOUND) and ACCOUNT_NOT_ACTIVE
   * (FAILED_PRECONDITION) apply to every RPC that names an account.
   * </pre>
   */
  public static abstract class LoyaltyServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return LoyaltyServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service LoyaltyService.
   * <pre>
   * Points at the checkout: earn, earn by code, redeem with a one-time password, refund,
   * balance and history. Latency-sensitive; every mutating RPC is safe to retry with its
   * request_id and answers only after its ledger entry is committed. Points are int64; every
   * movement is a double-entry transfer.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.loyalty"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with
   * the transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE). ACCOUNT_NOT_FOUND (NOT_FOUND) and ACCOUNT_NOT_ACTIVE
   * (FAILED_PRECONDITION) apply to every RPC that names an account.
   * </pre>
   */
  public static final class LoyaltyServiceStub
      extends io.grpc.stub.AbstractAsyncStub<LoyaltyServiceStub> {
    private LoyaltyServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected LoyaltyServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new LoyaltyServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Credits the points a purchase earns under the program's earn rules (see EarnRule for how
     * they combine). A purchase that earns 0 points still records a transaction.
     * Errors: PURCHASE_ALREADY_EARNED (ALREADY_EXISTS; this transaction_id already earned
     * for the account under another request_id), CURRENCY_MISMATCH (INVALID_ARGUMENT),
     * COUPON_NOT_FOR_EARN (FAILED_PRECONDITION; a listed coupon is not EXTRAPOINT or
     * MULTIPLIER), and the redemption reasons of CouponService.RedeemCoupon for a listed coupon
     * that cannot be applied (a held coupon that cannot is left out instead), EVENT_AWARDED_CONCURRENTLY
     * (ABORTED; transient: the account's FIRST_PURCHASE award kept being made by concurrent
     * requests while the server decided this one again; retry with the same request_id),
     * MEMBERSHIP_REQUIRED (FAILED_PRECONDITION; Program.earn_requires_owner and the account has
     * no OWNER membership; metadata "action": "earn", "program_id").
     * A program with lucky draws (Program.lucky_draw) also gives the purchase lucky-draw points
     * and numbers: transaction.lucky_draw (a retry answers the same range). The points.earned
     * event, decided before the commit, carries the lucky-draw points with its numbers null.
     * </pre>
     */
    public void earnPoints(com.rewardscore.rewards.loyalty.v1.EarnPointsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.EarnPointsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getEarnPointsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Earns up to 1,000 purchases in one call (AIP-233 style): each item runs exactly as
     * EarnPoints (its own request_id and idempotency, its own answer or error, in order); the
     * items are not atomic together. The items share Redis pipelines and group commits.
     * Errors of the call itself: FIELD_REQUIRED (no item), FIELD_OUT_OF_RANGE (more than 1,000
     * items). Each item's error is one of EarnPoints', or FIELD_REQUIRED for an item without a
     * request_id, FIELD_INVALID for a request_id used by two items of the batch, or
     * STORE_NOT_ALLOWED for a store outside the client's stores.
     * </pre>
     */
    public void batchEarnPoints(com.rewardscore.rewards.loyalty.v1.BatchEarnPointsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.BatchEarnPointsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getBatchEarnPointsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Credits the points of a one-time earn code (ProgramService.CreateEarnCodes).
     * Errors: EARN_CODE_NOT_FOUND (NOT_FOUND), EARN_CODE_ALREADY_USED, EARN_CODE_EXPIRED
     * (FAILED_PRECONDITION), EARN_CODE_ATTEMPTS_EXCEEDED (RESOURCE_EXHAUSTED; too many unknown
     * codes tried for the account, against guessing), MEMBERSHIP_REQUIRED (FAILED_PRECONDITION;
     * as EarnPoints), EARN_CODE_NOT_FOR_STORE (FAILED_PRECONDITION; the code's batch is restricted
     * to stores and store_id is not one of them; metadata "store_id").
     * </pre>
     */
    public void earnByCode(com.rewardscore.rewards.loyalty.v1.EarnByCodeRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.EarnByCodeResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getEarnByCodeMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Starts a points redemption: creates a 6-digit one-time password bound to the account and
     * the points, and sends it to the member out of band (SMS or e-mail). The OTP is never
     * returned. RedeemPoints (or CheckoutService.AuthorizeBasket) then presents it.
     * Errors: INSUFFICIENT_POINTS, REDEMPTION_THRESHOLD_NOT_MET (FAILED_PRECONDITION),
     * OTP_DESTINATION_MISSING (FAILED_PRECONDITION; the member has no phone number or e-mail),
     * OTP_RATE_LIMITED (RESOURCE_EXHAUSTED; too many OTPs for the account; metadata
     * "retry_time"), OTP_NOT_SENT (UNAVAILABLE; the OTP sender did not accept it: retry),
     * MEMBERSHIP_REQUIRED (FAILED_PRECONDITION; Program.burn_requires_owner and the account has
     * no OWNER membership; metadata "action": "burn", "program_id"), POINTS_VALUE_NOT_CONFIGURED
     * (FAILED_PRECONDITION; amount set and the program has no points_value).
     * The burn may be asked in money (amount: "pay 5.00 EUR with points"): it converts to the most
     * points whose value is not above the amount (Program.points_value, rounded down); the reply
     * says the points and their value.
     * </pre>
     */
    public void requestRedemptionOtp(com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRequestRedemptionOtpMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Debits points from the account, proved by the OTP sent for exactly these points.
     * Errors: OTP_NOT_FOUND (no such OTP pending for the account, or it expired), OTP_INVALID
     * (a wrong code, or an OTP sent for another account or amount; metadata "tries_left"),
     * OTP_LOCKED (too many wrong codes), OTP_ALREADY_USED, INSUFFICIENT_POINTS,
     * REDEMPTION_THRESHOLD_NOT_MET, MEMBERSHIP_REQUIRED (as RequestRedemptionOtp) (all
     * FAILED_PRECONDITION), POINTS_VALUE_NOT_CONFIGURED (as RequestRedemptionOtp).
     * A program with Program.points_value answers the money value of the points burned
     * (points_value, rounded down). The burn may be asked in money (amount) as for
     * RequestRedemptionOtp: the same amount converts to the same points.
     * </pre>
     */
    public void redeemPoints(com.rewardscore.rewards.loyalty.v1.RedeemPointsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.RedeemPointsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRedeemPointsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Reverses a posted earn or redemption, fully or partly, with a REFUND transaction in the
     * opposite direction. Several partial refunds may follow each other up to the original's
     * points (concurrent ones included). A redemption's refund (an order cancelled after the
     * burn) gives the points back as new lots with the expiry of the lots the redemption spent,
     * in the order it spent them (soonest-expiring first); its transaction's expire_time is the
     * soonest of those. A full refund of an earn also gives back the coupons it applied.
     * Errors: POINTS_TRANSACTION_NOT_FOUND (NOT_FOUND), POINTS_TRANSACTION_NOT_REFUNDABLE
     * (FAILED_PRECONDITION; not a posted EARN or REDEEM: e.g. a REFUND, EXPIRE or EVENT),
     * REFUND_EXCEEDS_TRANSACTION (FAILED_PRECONDITION; more than is left to refund; metadata
     * "refundable_points"), INSUFFICIENT_POINTS (FAILED_PRECONDITION; refunding an earn whose
     * points were already spent).
     * Any refund of an earn with lucky-draw numbers voids its whole range (LuckyDrawEntry.state
     * VOIDED), as VoidTransaction does; the numbers are not given again.
     * </pre>
     */
    public void refundPoints(com.rewardscore.rewards.loyalty.v1.RefundPointsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.RefundPointsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRefundPointsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Awards the points of the program's EVENT rules for an event that happened to the account
     * (a sign-up, a custom event), or of its REFERRAL rule when referrer_account_id is set: the
     * referrer gets referrer_points and the account referred_points. An account is referred once
     * (by one referrer), and a pair refers one way only.
     * Errors: EVENT_NOT_CONFIGURED (FAILED_PRECONDITION; no rule of the program matches),
     * EVENT_ALREADY_AWARDED (FAILED_PRECONDITION; a once-per-account event or the referral pair
     * was awarded before), REFERRAL_ALREADY_REFERRED (FAILED_PRECONDITION; the account was
     * referred by another referrer; metadata "account_id", "referrer_account_id"),
     * REFERRAL_REVERSE_PAIR (FAILED_PRECONDITION; the referrer was referred by this account).
     * </pre>
     */
    public void allocateEvent(com.rewardscore.rewards.loyalty.v1.AllocateEventRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.AllocateEventResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAllocateEventMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Cancels a posted EARN or REDEEM as if it never happened: a VOID transaction of the
     * original's whole points in the opposite direction (an earn's points leave the wallet, a
     * redemption's come back as new lots with the expiry of the lots it spent, as a refund's do;
     * a voided earn gives back the coupons it applied and no longer counts towards tiers). The
     * original then carries `voided {by, at}` in the history and can be neither refunded nor
     * voided again. Allowed within 24 hours of the original (limits.VOID_WINDOW_SECONDS, the
     * same for every program: a till's or back office's correction of the day; later, use
     * RefundPoints). A void of an earn whose points were already spent overdraws the wallet if
     * the program's refund_overdraft allows a negative balance, as RefundPoints does; otherwise
     * it is refused. The FIRST_PURCHASE event an earn triggered is not voided with it.
     * Errors: POINTS_TRANSACTION_NOT_FOUND (NOT_FOUND), POINTS_TRANSACTION_NOT_VOIDABLE
     * (FAILED_PRECONDITION; not a posted EARN or REDEEM), VOID_WINDOW_PASSED
     * (FAILED_PRECONDITION; metadata "void_deadline"), POINTS_TRANSACTION_ALREADY_VOIDED
     * (FAILED_PRECONDITION; metadata "void_points_transaction_id" once committed),
     * POINTS_TRANSACTION_REFUNDED (FAILED_PRECONDITION; part or all of it was refunded, or a
     * refund of it is in flight: a void cancels a whole transaction, so RefundPoints the rest;
     * metadata "refunded_points"), INSUFFICIENT_POINTS (FAILED_PRECONDITION).
     * </pre>
     */
    public void voidTransaction(com.rewardscore.rewards.loyalty.v1.VoidTransactionRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.VoidTransactionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getVoidTransactionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * An operator's correction: credits (points &gt; 0) or debits (points &lt; 0) an account with a
     * reason, as an ADJUST transaction from or to the program's adjustment account. A credit
     * expires like any credit (Program.points_expiry); a debit spends lots soonest-expiring
     * first and may take the balance below zero only if the program's refund_overdraft allows
     * a negative balance (else INSUFFICIENT_POINTS). Shown in the history with
     * `adjusted {by, at}`.
     * Errors: INSUFFICIENT_POINTS (FAILED_PRECONDITION).
     * </pre>
     */
    public void adjustPoints(com.rewardscore.rewards.loyalty.v1.AdjustPointsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.AdjustPointsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAdjustPointsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Credits many accounts at once (the seed's bulk allocation): 1..1000 rows per call, each
     * an AdjustPoints credit of its own, with its own request_id and its own result. Not atomic:
     * a refused row changes nothing and the others go on. Rows of different accounts are posted
     * concurrently, rows of one account in row order. A call may be sent again as a whole: the
     * rows that were posted replay (by their request_id), the others are tried again.
     * Errors of the call as a whole (nothing is posted): FIELD_REQUIRED (request_id, rows),
     * FIELD_TOO_LONG (rows: more than 1000), FIELD_INVALID (rows[i].request_id: the same
     * request_id twice in one call), and a control character in any field (as for every RPC). Each row's own failure is in its result, with the reason
     * AdjustPoints would give (FIELD_* reasons name the row's field, e.g. "rows[3].points").
     * </pre>
     */
    public void batchAllocatePoints(com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getBatchAllocatePointsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Reads an account's balance now.
     * </pre>
     */
    public void getBalance(com.rewardscore.rewards.loyalty.v1.GetBalanceRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.GetBalanceResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetBalanceMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists an account's points transactions, newest first.
     * </pre>
     */
    public void listTransactions(com.rewardscore.rewards.loyalty.v1.ListTransactionsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.ListTransactionsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListTransactionsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Reads one points transaction of the caller's organisation with its details: its ledger
     * movements (the double-entry legs), its lucky-draw range, void and adjust stamps, and the
     * REFUND and VOID transactions that reversed it.
     * Errors: POINTS_TRANSACTION_NOT_FOUND (NOT_FOUND; no such transaction, or one of another
     * organisation).
     * </pre>
     */
    public void getTransaction(com.rewardscore.rewards.loyalty.v1.GetTransactionRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.GetTransactionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetTransactionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists lucky-draw ranges (Program.lucky_draw): an account's, newest first (optionally of
     * one draw period), or a program's for one draw period, in number order (what a draw is
     * held over).
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND; by program).
     * </pre>
     */
    public void listLuckyDrawEntries(com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListLuckyDrawEntriesMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service LoyaltyService.
   * <pre>
   * Points at the checkout: earn, earn by code, redeem with a one-time password, refund,
   * balance and history. Latency-sensitive; every mutating RPC is safe to retry with its
   * request_id and answers only after its ledger entry is committed. Points are int64; every
   * movement is a double-entry transfer.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.loyalty"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with
   * the transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE). ACCOUNT_NOT_FOUND (NOT_FOUND) and ACCOUNT_NOT_ACTIVE
   * (FAILED_PRECONDITION) apply to every RPC that names an account.
   * </pre>
   */
  public static final class LoyaltyServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<LoyaltyServiceBlockingV2Stub> {
    private LoyaltyServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected LoyaltyServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new LoyaltyServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Credits the points a purchase earns under the program's earn rules (see EarnRule for how
     * they combine). A purchase that earns 0 points still records a transaction.
     * Errors: PURCHASE_ALREADY_EARNED (ALREADY_EXISTS; this transaction_id already earned
     * for the account under another request_id), CURRENCY_MISMATCH (INVALID_ARGUMENT),
     * COUPON_NOT_FOR_EARN (FAILED_PRECONDITION; a listed coupon is not EXTRAPOINT or
     * MULTIPLIER), and the redemption reasons of CouponService.RedeemCoupon for a listed coupon
     * that cannot be applied (a held coupon that cannot is left out instead), EVENT_AWARDED_CONCURRENTLY
     * (ABORTED; transient: the account's FIRST_PURCHASE award kept being made by concurrent
     * requests while the server decided this one again; retry with the same request_id),
     * MEMBERSHIP_REQUIRED (FAILED_PRECONDITION; Program.earn_requires_owner and the account has
     * no OWNER membership; metadata "action": "earn", "program_id").
     * A program with lucky draws (Program.lucky_draw) also gives the purchase lucky-draw points
     * and numbers: transaction.lucky_draw (a retry answers the same range). The points.earned
     * event, decided before the commit, carries the lucky-draw points with its numbers null.
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.EarnPointsResponse earnPoints(com.rewardscore.rewards.loyalty.v1.EarnPointsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getEarnPointsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Earns up to 1,000 purchases in one call (AIP-233 style): each item runs exactly as
     * EarnPoints (its own request_id and idempotency, its own answer or error, in order); the
     * items are not atomic together. The items share Redis pipelines and group commits.
     * Errors of the call itself: FIELD_REQUIRED (no item), FIELD_OUT_OF_RANGE (more than 1,000
     * items). Each item's error is one of EarnPoints', or FIELD_REQUIRED for an item without a
     * request_id, FIELD_INVALID for a request_id used by two items of the batch, or
     * STORE_NOT_ALLOWED for a store outside the client's stores.
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.BatchEarnPointsResponse batchEarnPoints(com.rewardscore.rewards.loyalty.v1.BatchEarnPointsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getBatchEarnPointsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Credits the points of a one-time earn code (ProgramService.CreateEarnCodes).
     * Errors: EARN_CODE_NOT_FOUND (NOT_FOUND), EARN_CODE_ALREADY_USED, EARN_CODE_EXPIRED
     * (FAILED_PRECONDITION), EARN_CODE_ATTEMPTS_EXCEEDED (RESOURCE_EXHAUSTED; too many unknown
     * codes tried for the account, against guessing), MEMBERSHIP_REQUIRED (FAILED_PRECONDITION;
     * as EarnPoints), EARN_CODE_NOT_FOR_STORE (FAILED_PRECONDITION; the code's batch is restricted
     * to stores and store_id is not one of them; metadata "store_id").
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.EarnByCodeResponse earnByCode(com.rewardscore.rewards.loyalty.v1.EarnByCodeRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getEarnByCodeMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Starts a points redemption: creates a 6-digit one-time password bound to the account and
     * the points, and sends it to the member out of band (SMS or e-mail). The OTP is never
     * returned. RedeemPoints (or CheckoutService.AuthorizeBasket) then presents it.
     * Errors: INSUFFICIENT_POINTS, REDEMPTION_THRESHOLD_NOT_MET (FAILED_PRECONDITION),
     * OTP_DESTINATION_MISSING (FAILED_PRECONDITION; the member has no phone number or e-mail),
     * OTP_RATE_LIMITED (RESOURCE_EXHAUSTED; too many OTPs for the account; metadata
     * "retry_time"), OTP_NOT_SENT (UNAVAILABLE; the OTP sender did not accept it: retry),
     * MEMBERSHIP_REQUIRED (FAILED_PRECONDITION; Program.burn_requires_owner and the account has
     * no OWNER membership; metadata "action": "burn", "program_id"), POINTS_VALUE_NOT_CONFIGURED
     * (FAILED_PRECONDITION; amount set and the program has no points_value).
     * The burn may be asked in money (amount: "pay 5.00 EUR with points"): it converts to the most
     * points whose value is not above the amount (Program.points_value, rounded down); the reply
     * says the points and their value.
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpResponse requestRedemptionOtp(com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRequestRedemptionOtpMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Debits points from the account, proved by the OTP sent for exactly these points.
     * Errors: OTP_NOT_FOUND (no such OTP pending for the account, or it expired), OTP_INVALID
     * (a wrong code, or an OTP sent for another account or amount; metadata "tries_left"),
     * OTP_LOCKED (too many wrong codes), OTP_ALREADY_USED, INSUFFICIENT_POINTS,
     * REDEMPTION_THRESHOLD_NOT_MET, MEMBERSHIP_REQUIRED (as RequestRedemptionOtp) (all
     * FAILED_PRECONDITION), POINTS_VALUE_NOT_CONFIGURED (as RequestRedemptionOtp).
     * A program with Program.points_value answers the money value of the points burned
     * (points_value, rounded down). The burn may be asked in money (amount) as for
     * RequestRedemptionOtp: the same amount converts to the same points.
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.RedeemPointsResponse redeemPoints(com.rewardscore.rewards.loyalty.v1.RedeemPointsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRedeemPointsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reverses a posted earn or redemption, fully or partly, with a REFUND transaction in the
     * opposite direction. Several partial refunds may follow each other up to the original's
     * points (concurrent ones included). A redemption's refund (an order cancelled after the
     * burn) gives the points back as new lots with the expiry of the lots the redemption spent,
     * in the order it spent them (soonest-expiring first); its transaction's expire_time is the
     * soonest of those. A full refund of an earn also gives back the coupons it applied.
     * Errors: POINTS_TRANSACTION_NOT_FOUND (NOT_FOUND), POINTS_TRANSACTION_NOT_REFUNDABLE
     * (FAILED_PRECONDITION; not a posted EARN or REDEEM: e.g. a REFUND, EXPIRE or EVENT),
     * REFUND_EXCEEDS_TRANSACTION (FAILED_PRECONDITION; more than is left to refund; metadata
     * "refundable_points"), INSUFFICIENT_POINTS (FAILED_PRECONDITION; refunding an earn whose
     * points were already spent).
     * Any refund of an earn with lucky-draw numbers voids its whole range (LuckyDrawEntry.state
     * VOIDED), as VoidTransaction does; the numbers are not given again.
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.RefundPointsResponse refundPoints(com.rewardscore.rewards.loyalty.v1.RefundPointsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRefundPointsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Awards the points of the program's EVENT rules for an event that happened to the account
     * (a sign-up, a custom event), or of its REFERRAL rule when referrer_account_id is set: the
     * referrer gets referrer_points and the account referred_points. An account is referred once
     * (by one referrer), and a pair refers one way only.
     * Errors: EVENT_NOT_CONFIGURED (FAILED_PRECONDITION; no rule of the program matches),
     * EVENT_ALREADY_AWARDED (FAILED_PRECONDITION; a once-per-account event or the referral pair
     * was awarded before), REFERRAL_ALREADY_REFERRED (FAILED_PRECONDITION; the account was
     * referred by another referrer; metadata "account_id", "referrer_account_id"),
     * REFERRAL_REVERSE_PAIR (FAILED_PRECONDITION; the referrer was referred by this account).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.AllocateEventResponse allocateEvent(com.rewardscore.rewards.loyalty.v1.AllocateEventRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getAllocateEventMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Cancels a posted EARN or REDEEM as if it never happened: a VOID transaction of the
     * original's whole points in the opposite direction (an earn's points leave the wallet, a
     * redemption's come back as new lots with the expiry of the lots it spent, as a refund's do;
     * a voided earn gives back the coupons it applied and no longer counts towards tiers). The
     * original then carries `voided {by, at}` in the history and can be neither refunded nor
     * voided again. Allowed within 24 hours of the original (limits.VOID_WINDOW_SECONDS, the
     * same for every program: a till's or back office's correction of the day; later, use
     * RefundPoints). A void of an earn whose points were already spent overdraws the wallet if
     * the program's refund_overdraft allows a negative balance, as RefundPoints does; otherwise
     * it is refused. The FIRST_PURCHASE event an earn triggered is not voided with it.
     * Errors: POINTS_TRANSACTION_NOT_FOUND (NOT_FOUND), POINTS_TRANSACTION_NOT_VOIDABLE
     * (FAILED_PRECONDITION; not a posted EARN or REDEEM), VOID_WINDOW_PASSED
     * (FAILED_PRECONDITION; metadata "void_deadline"), POINTS_TRANSACTION_ALREADY_VOIDED
     * (FAILED_PRECONDITION; metadata "void_points_transaction_id" once committed),
     * POINTS_TRANSACTION_REFUNDED (FAILED_PRECONDITION; part or all of it was refunded, or a
     * refund of it is in flight: a void cancels a whole transaction, so RefundPoints the rest;
     * metadata "refunded_points"), INSUFFICIENT_POINTS (FAILED_PRECONDITION).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.VoidTransactionResponse voidTransaction(com.rewardscore.rewards.loyalty.v1.VoidTransactionRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getVoidTransactionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * An operator's correction: credits (points &gt; 0) or debits (points &lt; 0) an account with a
     * reason, as an ADJUST transaction from or to the program's adjustment account. A credit
     * expires like any credit (Program.points_expiry); a debit spends lots soonest-expiring
     * first and may take the balance below zero only if the program's refund_overdraft allows
     * a negative balance (else INSUFFICIENT_POINTS). Shown in the history with
     * `adjusted {by, at}`.
     * Errors: INSUFFICIENT_POINTS (FAILED_PRECONDITION).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.AdjustPointsResponse adjustPoints(com.rewardscore.rewards.loyalty.v1.AdjustPointsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getAdjustPointsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Credits many accounts at once (the seed's bulk allocation): 1..1000 rows per call, each
     * an AdjustPoints credit of its own, with its own request_id and its own result. Not atomic:
     * a refused row changes nothing and the others go on. Rows of different accounts are posted
     * concurrently, rows of one account in row order. A call may be sent again as a whole: the
     * rows that were posted replay (by their request_id), the others are tried again.
     * Errors of the call as a whole (nothing is posted): FIELD_REQUIRED (request_id, rows),
     * FIELD_TOO_LONG (rows: more than 1000), FIELD_INVALID (rows[i].request_id: the same
     * request_id twice in one call), and a control character in any field (as for every RPC). Each row's own failure is in its result, with the reason
     * AdjustPoints would give (FIELD_* reasons name the row's field, e.g. "rows[3].points").
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsResponse batchAllocatePoints(com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getBatchAllocatePointsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads an account's balance now.
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.GetBalanceResponse getBalance(com.rewardscore.rewards.loyalty.v1.GetBalanceRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetBalanceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists an account's points transactions, newest first.
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.ListTransactionsResponse listTransactions(com.rewardscore.rewards.loyalty.v1.ListTransactionsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListTransactionsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads one points transaction of the caller's organisation with its details: its ledger
     * movements (the double-entry legs), its lucky-draw range, void and adjust stamps, and the
     * REFUND and VOID transactions that reversed it.
     * Errors: POINTS_TRANSACTION_NOT_FOUND (NOT_FOUND; no such transaction, or one of another
     * organisation).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.GetTransactionResponse getTransaction(com.rewardscore.rewards.loyalty.v1.GetTransactionRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetTransactionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists lucky-draw ranges (Program.lucky_draw): an account's, newest first (optionally of
     * one draw period), or a program's for one draw period, in number order (what a draw is
     * held over).
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND; by program).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesResponse listLuckyDrawEntries(com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListLuckyDrawEntriesMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service LoyaltyService.
   * <pre>
   * Points at the checkout: earn, earn by code, redeem with a one-time password, refund,
   * balance and history. Latency-sensitive; every mutating RPC is safe to retry with its
   * request_id and answers only after its ledger entry is committed. Points are int64; every
   * movement is a double-entry transfer.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.loyalty"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with
   * the transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE). ACCOUNT_NOT_FOUND (NOT_FOUND) and ACCOUNT_NOT_ACTIVE
   * (FAILED_PRECONDITION) apply to every RPC that names an account.
   * </pre>
   */
  public static final class LoyaltyServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<LoyaltyServiceBlockingStub> {
    private LoyaltyServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected LoyaltyServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new LoyaltyServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Credits the points a purchase earns under the program's earn rules (see EarnRule for how
     * they combine). A purchase that earns 0 points still records a transaction.
     * Errors: PURCHASE_ALREADY_EARNED (ALREADY_EXISTS; this transaction_id already earned
     * for the account under another request_id), CURRENCY_MISMATCH (INVALID_ARGUMENT),
     * COUPON_NOT_FOR_EARN (FAILED_PRECONDITION; a listed coupon is not EXTRAPOINT or
     * MULTIPLIER), and the redemption reasons of CouponService.RedeemCoupon for a listed coupon
     * that cannot be applied (a held coupon that cannot is left out instead), EVENT_AWARDED_CONCURRENTLY
     * (ABORTED; transient: the account's FIRST_PURCHASE award kept being made by concurrent
     * requests while the server decided this one again; retry with the same request_id),
     * MEMBERSHIP_REQUIRED (FAILED_PRECONDITION; Program.earn_requires_owner and the account has
     * no OWNER membership; metadata "action": "earn", "program_id").
     * A program with lucky draws (Program.lucky_draw) also gives the purchase lucky-draw points
     * and numbers: transaction.lucky_draw (a retry answers the same range). The points.earned
     * event, decided before the commit, carries the lucky-draw points with its numbers null.
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.EarnPointsResponse earnPoints(com.rewardscore.rewards.loyalty.v1.EarnPointsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getEarnPointsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Earns up to 1,000 purchases in one call (AIP-233 style): each item runs exactly as
     * EarnPoints (its own request_id and idempotency, its own answer or error, in order); the
     * items are not atomic together. The items share Redis pipelines and group commits.
     * Errors of the call itself: FIELD_REQUIRED (no item), FIELD_OUT_OF_RANGE (more than 1,000
     * items). Each item's error is one of EarnPoints', or FIELD_REQUIRED for an item without a
     * request_id, FIELD_INVALID for a request_id used by two items of the batch, or
     * STORE_NOT_ALLOWED for a store outside the client's stores.
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.BatchEarnPointsResponse batchEarnPoints(com.rewardscore.rewards.loyalty.v1.BatchEarnPointsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getBatchEarnPointsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Credits the points of a one-time earn code (ProgramService.CreateEarnCodes).
     * Errors: EARN_CODE_NOT_FOUND (NOT_FOUND), EARN_CODE_ALREADY_USED, EARN_CODE_EXPIRED
     * (FAILED_PRECONDITION), EARN_CODE_ATTEMPTS_EXCEEDED (RESOURCE_EXHAUSTED; too many unknown
     * codes tried for the account, against guessing), MEMBERSHIP_REQUIRED (FAILED_PRECONDITION;
     * as EarnPoints), EARN_CODE_NOT_FOR_STORE (FAILED_PRECONDITION; the code's batch is restricted
     * to stores and store_id is not one of them; metadata "store_id").
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.EarnByCodeResponse earnByCode(com.rewardscore.rewards.loyalty.v1.EarnByCodeRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getEarnByCodeMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Starts a points redemption: creates a 6-digit one-time password bound to the account and
     * the points, and sends it to the member out of band (SMS or e-mail). The OTP is never
     * returned. RedeemPoints (or CheckoutService.AuthorizeBasket) then presents it.
     * Errors: INSUFFICIENT_POINTS, REDEMPTION_THRESHOLD_NOT_MET (FAILED_PRECONDITION),
     * OTP_DESTINATION_MISSING (FAILED_PRECONDITION; the member has no phone number or e-mail),
     * OTP_RATE_LIMITED (RESOURCE_EXHAUSTED; too many OTPs for the account; metadata
     * "retry_time"), OTP_NOT_SENT (UNAVAILABLE; the OTP sender did not accept it: retry),
     * MEMBERSHIP_REQUIRED (FAILED_PRECONDITION; Program.burn_requires_owner and the account has
     * no OWNER membership; metadata "action": "burn", "program_id"), POINTS_VALUE_NOT_CONFIGURED
     * (FAILED_PRECONDITION; amount set and the program has no points_value).
     * The burn may be asked in money (amount: "pay 5.00 EUR with points"): it converts to the most
     * points whose value is not above the amount (Program.points_value, rounded down); the reply
     * says the points and their value.
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpResponse requestRedemptionOtp(com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRequestRedemptionOtpMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Debits points from the account, proved by the OTP sent for exactly these points.
     * Errors: OTP_NOT_FOUND (no such OTP pending for the account, or it expired), OTP_INVALID
     * (a wrong code, or an OTP sent for another account or amount; metadata "tries_left"),
     * OTP_LOCKED (too many wrong codes), OTP_ALREADY_USED, INSUFFICIENT_POINTS,
     * REDEMPTION_THRESHOLD_NOT_MET, MEMBERSHIP_REQUIRED (as RequestRedemptionOtp) (all
     * FAILED_PRECONDITION), POINTS_VALUE_NOT_CONFIGURED (as RequestRedemptionOtp).
     * A program with Program.points_value answers the money value of the points burned
     * (points_value, rounded down). The burn may be asked in money (amount) as for
     * RequestRedemptionOtp: the same amount converts to the same points.
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.RedeemPointsResponse redeemPoints(com.rewardscore.rewards.loyalty.v1.RedeemPointsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRedeemPointsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reverses a posted earn or redemption, fully or partly, with a REFUND transaction in the
     * opposite direction. Several partial refunds may follow each other up to the original's
     * points (concurrent ones included). A redemption's refund (an order cancelled after the
     * burn) gives the points back as new lots with the expiry of the lots the redemption spent,
     * in the order it spent them (soonest-expiring first); its transaction's expire_time is the
     * soonest of those. A full refund of an earn also gives back the coupons it applied.
     * Errors: POINTS_TRANSACTION_NOT_FOUND (NOT_FOUND), POINTS_TRANSACTION_NOT_REFUNDABLE
     * (FAILED_PRECONDITION; not a posted EARN or REDEEM: e.g. a REFUND, EXPIRE or EVENT),
     * REFUND_EXCEEDS_TRANSACTION (FAILED_PRECONDITION; more than is left to refund; metadata
     * "refundable_points"), INSUFFICIENT_POINTS (FAILED_PRECONDITION; refunding an earn whose
     * points were already spent).
     * Any refund of an earn with lucky-draw numbers voids its whole range (LuckyDrawEntry.state
     * VOIDED), as VoidTransaction does; the numbers are not given again.
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.RefundPointsResponse refundPoints(com.rewardscore.rewards.loyalty.v1.RefundPointsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRefundPointsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Awards the points of the program's EVENT rules for an event that happened to the account
     * (a sign-up, a custom event), or of its REFERRAL rule when referrer_account_id is set: the
     * referrer gets referrer_points and the account referred_points. An account is referred once
     * (by one referrer), and a pair refers one way only.
     * Errors: EVENT_NOT_CONFIGURED (FAILED_PRECONDITION; no rule of the program matches),
     * EVENT_ALREADY_AWARDED (FAILED_PRECONDITION; a once-per-account event or the referral pair
     * was awarded before), REFERRAL_ALREADY_REFERRED (FAILED_PRECONDITION; the account was
     * referred by another referrer; metadata "account_id", "referrer_account_id"),
     * REFERRAL_REVERSE_PAIR (FAILED_PRECONDITION; the referrer was referred by this account).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.AllocateEventResponse allocateEvent(com.rewardscore.rewards.loyalty.v1.AllocateEventRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAllocateEventMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Cancels a posted EARN or REDEEM as if it never happened: a VOID transaction of the
     * original's whole points in the opposite direction (an earn's points leave the wallet, a
     * redemption's come back as new lots with the expiry of the lots it spent, as a refund's do;
     * a voided earn gives back the coupons it applied and no longer counts towards tiers). The
     * original then carries `voided {by, at}` in the history and can be neither refunded nor
     * voided again. Allowed within 24 hours of the original (limits.VOID_WINDOW_SECONDS, the
     * same for every program: a till's or back office's correction of the day; later, use
     * RefundPoints). A void of an earn whose points were already spent overdraws the wallet if
     * the program's refund_overdraft allows a negative balance, as RefundPoints does; otherwise
     * it is refused. The FIRST_PURCHASE event an earn triggered is not voided with it.
     * Errors: POINTS_TRANSACTION_NOT_FOUND (NOT_FOUND), POINTS_TRANSACTION_NOT_VOIDABLE
     * (FAILED_PRECONDITION; not a posted EARN or REDEEM), VOID_WINDOW_PASSED
     * (FAILED_PRECONDITION; metadata "void_deadline"), POINTS_TRANSACTION_ALREADY_VOIDED
     * (FAILED_PRECONDITION; metadata "void_points_transaction_id" once committed),
     * POINTS_TRANSACTION_REFUNDED (FAILED_PRECONDITION; part or all of it was refunded, or a
     * refund of it is in flight: a void cancels a whole transaction, so RefundPoints the rest;
     * metadata "refunded_points"), INSUFFICIENT_POINTS (FAILED_PRECONDITION).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.VoidTransactionResponse voidTransaction(com.rewardscore.rewards.loyalty.v1.VoidTransactionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getVoidTransactionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * An operator's correction: credits (points &gt; 0) or debits (points &lt; 0) an account with a
     * reason, as an ADJUST transaction from or to the program's adjustment account. A credit
     * expires like any credit (Program.points_expiry); a debit spends lots soonest-expiring
     * first and may take the balance below zero only if the program's refund_overdraft allows
     * a negative balance (else INSUFFICIENT_POINTS). Shown in the history with
     * `adjusted {by, at}`.
     * Errors: INSUFFICIENT_POINTS (FAILED_PRECONDITION).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.AdjustPointsResponse adjustPoints(com.rewardscore.rewards.loyalty.v1.AdjustPointsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAdjustPointsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Credits many accounts at once (the seed's bulk allocation): 1..1000 rows per call, each
     * an AdjustPoints credit of its own, with its own request_id and its own result. Not atomic:
     * a refused row changes nothing and the others go on. Rows of different accounts are posted
     * concurrently, rows of one account in row order. A call may be sent again as a whole: the
     * rows that were posted replay (by their request_id), the others are tried again.
     * Errors of the call as a whole (nothing is posted): FIELD_REQUIRED (request_id, rows),
     * FIELD_TOO_LONG (rows: more than 1000), FIELD_INVALID (rows[i].request_id: the same
     * request_id twice in one call), and a control character in any field (as for every RPC). Each row's own failure is in its result, with the reason
     * AdjustPoints would give (FIELD_* reasons name the row's field, e.g. "rows[3].points").
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsResponse batchAllocatePoints(com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getBatchAllocatePointsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads an account's balance now.
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.GetBalanceResponse getBalance(com.rewardscore.rewards.loyalty.v1.GetBalanceRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetBalanceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists an account's points transactions, newest first.
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.ListTransactionsResponse listTransactions(com.rewardscore.rewards.loyalty.v1.ListTransactionsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListTransactionsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads one points transaction of the caller's organisation with its details: its ledger
     * movements (the double-entry legs), its lucky-draw range, void and adjust stamps, and the
     * REFUND and VOID transactions that reversed it.
     * Errors: POINTS_TRANSACTION_NOT_FOUND (NOT_FOUND; no such transaction, or one of another
     * organisation).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.GetTransactionResponse getTransaction(com.rewardscore.rewards.loyalty.v1.GetTransactionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetTransactionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists lucky-draw ranges (Program.lucky_draw): an account's, newest first (optionally of
     * one draw period), or a program's for one draw period, in number order (what a draw is
     * held over).
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND; by program).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesResponse listLuckyDrawEntries(com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListLuckyDrawEntriesMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service LoyaltyService.
   * <pre>
   * Points at the checkout: earn, earn by code, redeem with a one-time password, refund,
   * balance and history. Latency-sensitive; every mutating RPC is safe to retry with its
   * request_id and answers only after its ledger entry is committed. Points are int64; every
   * movement is a double-entry transfer.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.loyalty"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with
   * the transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE). ACCOUNT_NOT_FOUND (NOT_FOUND) and ACCOUNT_NOT_ACTIVE
   * (FAILED_PRECONDITION) apply to every RPC that names an account.
   * </pre>
   */
  public static final class LoyaltyServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<LoyaltyServiceFutureStub> {
    private LoyaltyServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected LoyaltyServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new LoyaltyServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Credits the points a purchase earns under the program's earn rules (see EarnRule for how
     * they combine). A purchase that earns 0 points still records a transaction.
     * Errors: PURCHASE_ALREADY_EARNED (ALREADY_EXISTS; this transaction_id already earned
     * for the account under another request_id), CURRENCY_MISMATCH (INVALID_ARGUMENT),
     * COUPON_NOT_FOR_EARN (FAILED_PRECONDITION; a listed coupon is not EXTRAPOINT or
     * MULTIPLIER), and the redemption reasons of CouponService.RedeemCoupon for a listed coupon
     * that cannot be applied (a held coupon that cannot is left out instead), EVENT_AWARDED_CONCURRENTLY
     * (ABORTED; transient: the account's FIRST_PURCHASE award kept being made by concurrent
     * requests while the server decided this one again; retry with the same request_id),
     * MEMBERSHIP_REQUIRED (FAILED_PRECONDITION; Program.earn_requires_owner and the account has
     * no OWNER membership; metadata "action": "earn", "program_id").
     * A program with lucky draws (Program.lucky_draw) also gives the purchase lucky-draw points
     * and numbers: transaction.lucky_draw (a retry answers the same range). The points.earned
     * event, decided before the commit, carries the lucky-draw points with its numbers null.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.EarnPointsResponse> earnPoints(
        com.rewardscore.rewards.loyalty.v1.EarnPointsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getEarnPointsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Earns up to 1,000 purchases in one call (AIP-233 style): each item runs exactly as
     * EarnPoints (its own request_id and idempotency, its own answer or error, in order); the
     * items are not atomic together. The items share Redis pipelines and group commits.
     * Errors of the call itself: FIELD_REQUIRED (no item), FIELD_OUT_OF_RANGE (more than 1,000
     * items). Each item's error is one of EarnPoints', or FIELD_REQUIRED for an item without a
     * request_id, FIELD_INVALID for a request_id used by two items of the batch, or
     * STORE_NOT_ALLOWED for a store outside the client's stores.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.BatchEarnPointsResponse> batchEarnPoints(
        com.rewardscore.rewards.loyalty.v1.BatchEarnPointsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getBatchEarnPointsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Credits the points of a one-time earn code (ProgramService.CreateEarnCodes).
     * Errors: EARN_CODE_NOT_FOUND (NOT_FOUND), EARN_CODE_ALREADY_USED, EARN_CODE_EXPIRED
     * (FAILED_PRECONDITION), EARN_CODE_ATTEMPTS_EXCEEDED (RESOURCE_EXHAUSTED; too many unknown
     * codes tried for the account, against guessing), MEMBERSHIP_REQUIRED (FAILED_PRECONDITION;
     * as EarnPoints), EARN_CODE_NOT_FOR_STORE (FAILED_PRECONDITION; the code's batch is restricted
     * to stores and store_id is not one of them; metadata "store_id").
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.EarnByCodeResponse> earnByCode(
        com.rewardscore.rewards.loyalty.v1.EarnByCodeRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getEarnByCodeMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Starts a points redemption: creates a 6-digit one-time password bound to the account and
     * the points, and sends it to the member out of band (SMS or e-mail). The OTP is never
     * returned. RedeemPoints (or CheckoutService.AuthorizeBasket) then presents it.
     * Errors: INSUFFICIENT_POINTS, REDEMPTION_THRESHOLD_NOT_MET (FAILED_PRECONDITION),
     * OTP_DESTINATION_MISSING (FAILED_PRECONDITION; the member has no phone number or e-mail),
     * OTP_RATE_LIMITED (RESOURCE_EXHAUSTED; too many OTPs for the account; metadata
     * "retry_time"), OTP_NOT_SENT (UNAVAILABLE; the OTP sender did not accept it: retry),
     * MEMBERSHIP_REQUIRED (FAILED_PRECONDITION; Program.burn_requires_owner and the account has
     * no OWNER membership; metadata "action": "burn", "program_id"), POINTS_VALUE_NOT_CONFIGURED
     * (FAILED_PRECONDITION; amount set and the program has no points_value).
     * The burn may be asked in money (amount: "pay 5.00 EUR with points"): it converts to the most
     * points whose value is not above the amount (Program.points_value, rounded down); the reply
     * says the points and their value.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpResponse> requestRedemptionOtp(
        com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRequestRedemptionOtpMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Debits points from the account, proved by the OTP sent for exactly these points.
     * Errors: OTP_NOT_FOUND (no such OTP pending for the account, or it expired), OTP_INVALID
     * (a wrong code, or an OTP sent for another account or amount; metadata "tries_left"),
     * OTP_LOCKED (too many wrong codes), OTP_ALREADY_USED, INSUFFICIENT_POINTS,
     * REDEMPTION_THRESHOLD_NOT_MET, MEMBERSHIP_REQUIRED (as RequestRedemptionOtp) (all
     * FAILED_PRECONDITION), POINTS_VALUE_NOT_CONFIGURED (as RequestRedemptionOtp).
     * A program with Program.points_value answers the money value of the points burned
     * (points_value, rounded down). The burn may be asked in money (amount) as for
     * RequestRedemptionOtp: the same amount converts to the same points.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.RedeemPointsResponse> redeemPoints(
        com.rewardscore.rewards.loyalty.v1.RedeemPointsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRedeemPointsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Reverses a posted earn or redemption, fully or partly, with a REFUND transaction in the
     * opposite direction. Several partial refunds may follow each other up to the original's
     * points (concurrent ones included). A redemption's refund (an order cancelled after the
     * burn) gives the points back as new lots with the expiry of the lots the redemption spent,
     * in the order it spent them (soonest-expiring first); its transaction's expire_time is the
     * soonest of those. A full refund of an earn also gives back the coupons it applied.
     * Errors: POINTS_TRANSACTION_NOT_FOUND (NOT_FOUND), POINTS_TRANSACTION_NOT_REFUNDABLE
     * (FAILED_PRECONDITION; not a posted EARN or REDEEM: e.g. a REFUND, EXPIRE or EVENT),
     * REFUND_EXCEEDS_TRANSACTION (FAILED_PRECONDITION; more than is left to refund; metadata
     * "refundable_points"), INSUFFICIENT_POINTS (FAILED_PRECONDITION; refunding an earn whose
     * points were already spent).
     * Any refund of an earn with lucky-draw numbers voids its whole range (LuckyDrawEntry.state
     * VOIDED), as VoidTransaction does; the numbers are not given again.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.RefundPointsResponse> refundPoints(
        com.rewardscore.rewards.loyalty.v1.RefundPointsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRefundPointsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Awards the points of the program's EVENT rules for an event that happened to the account
     * (a sign-up, a custom event), or of its REFERRAL rule when referrer_account_id is set: the
     * referrer gets referrer_points and the account referred_points. An account is referred once
     * (by one referrer), and a pair refers one way only.
     * Errors: EVENT_NOT_CONFIGURED (FAILED_PRECONDITION; no rule of the program matches),
     * EVENT_ALREADY_AWARDED (FAILED_PRECONDITION; a once-per-account event or the referral pair
     * was awarded before), REFERRAL_ALREADY_REFERRED (FAILED_PRECONDITION; the account was
     * referred by another referrer; metadata "account_id", "referrer_account_id"),
     * REFERRAL_REVERSE_PAIR (FAILED_PRECONDITION; the referrer was referred by this account).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.AllocateEventResponse> allocateEvent(
        com.rewardscore.rewards.loyalty.v1.AllocateEventRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAllocateEventMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Cancels a posted EARN or REDEEM as if it never happened: a VOID transaction of the
     * original's whole points in the opposite direction (an earn's points leave the wallet, a
     * redemption's come back as new lots with the expiry of the lots it spent, as a refund's do;
     * a voided earn gives back the coupons it applied and no longer counts towards tiers). The
     * original then carries `voided {by, at}` in the history and can be neither refunded nor
     * voided again. Allowed within 24 hours of the original (limits.VOID_WINDOW_SECONDS, the
     * same for every program: a till's or back office's correction of the day; later, use
     * RefundPoints). A void of an earn whose points were already spent overdraws the wallet if
     * the program's refund_overdraft allows a negative balance, as RefundPoints does; otherwise
     * it is refused. The FIRST_PURCHASE event an earn triggered is not voided with it.
     * Errors: POINTS_TRANSACTION_NOT_FOUND (NOT_FOUND), POINTS_TRANSACTION_NOT_VOIDABLE
     * (FAILED_PRECONDITION; not a posted EARN or REDEEM), VOID_WINDOW_PASSED
     * (FAILED_PRECONDITION; metadata "void_deadline"), POINTS_TRANSACTION_ALREADY_VOIDED
     * (FAILED_PRECONDITION; metadata "void_points_transaction_id" once committed),
     * POINTS_TRANSACTION_REFUNDED (FAILED_PRECONDITION; part or all of it was refunded, or a
     * refund of it is in flight: a void cancels a whole transaction, so RefundPoints the rest;
     * metadata "refunded_points"), INSUFFICIENT_POINTS (FAILED_PRECONDITION).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.VoidTransactionResponse> voidTransaction(
        com.rewardscore.rewards.loyalty.v1.VoidTransactionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getVoidTransactionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * An operator's correction: credits (points &gt; 0) or debits (points &lt; 0) an account with a
     * reason, as an ADJUST transaction from or to the program's adjustment account. A credit
     * expires like any credit (Program.points_expiry); a debit spends lots soonest-expiring
     * first and may take the balance below zero only if the program's refund_overdraft allows
     * a negative balance (else INSUFFICIENT_POINTS). Shown in the history with
     * `adjusted {by, at}`.
     * Errors: INSUFFICIENT_POINTS (FAILED_PRECONDITION).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.AdjustPointsResponse> adjustPoints(
        com.rewardscore.rewards.loyalty.v1.AdjustPointsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAdjustPointsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Credits many accounts at once (the seed's bulk allocation): 1..1000 rows per call, each
     * an AdjustPoints credit of its own, with its own request_id and its own result. Not atomic:
     * a refused row changes nothing and the others go on. Rows of different accounts are posted
     * concurrently, rows of one account in row order. A call may be sent again as a whole: the
     * rows that were posted replay (by their request_id), the others are tried again.
     * Errors of the call as a whole (nothing is posted): FIELD_REQUIRED (request_id, rows),
     * FIELD_TOO_LONG (rows: more than 1000), FIELD_INVALID (rows[i].request_id: the same
     * request_id twice in one call), and a control character in any field (as for every RPC). Each row's own failure is in its result, with the reason
     * AdjustPoints would give (FIELD_* reasons name the row's field, e.g. "rows[3].points").
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsResponse> batchAllocatePoints(
        com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getBatchAllocatePointsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Reads an account's balance now.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.GetBalanceResponse> getBalance(
        com.rewardscore.rewards.loyalty.v1.GetBalanceRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetBalanceMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists an account's points transactions, newest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.ListTransactionsResponse> listTransactions(
        com.rewardscore.rewards.loyalty.v1.ListTransactionsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListTransactionsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Reads one points transaction of the caller's organisation with its details: its ledger
     * movements (the double-entry legs), its lucky-draw range, void and adjust stamps, and the
     * REFUND and VOID transactions that reversed it.
     * Errors: POINTS_TRANSACTION_NOT_FOUND (NOT_FOUND; no such transaction, or one of another
     * organisation).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.GetTransactionResponse> getTransaction(
        com.rewardscore.rewards.loyalty.v1.GetTransactionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetTransactionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists lucky-draw ranges (Program.lucky_draw): an account's, newest first (optionally of
     * one draw period), or a program's for one draw period, in number order (what a draw is
     * held over).
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND; by program).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesResponse> listLuckyDrawEntries(
        com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListLuckyDrawEntriesMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_EARN_POINTS = 0;
  private static final int METHODID_BATCH_EARN_POINTS = 1;
  private static final int METHODID_EARN_BY_CODE = 2;
  private static final int METHODID_REQUEST_REDEMPTION_OTP = 3;
  private static final int METHODID_REDEEM_POINTS = 4;
  private static final int METHODID_REFUND_POINTS = 5;
  private static final int METHODID_ALLOCATE_EVENT = 6;
  private static final int METHODID_VOID_TRANSACTION = 7;
  private static final int METHODID_ADJUST_POINTS = 8;
  private static final int METHODID_BATCH_ALLOCATE_POINTS = 9;
  private static final int METHODID_GET_BALANCE = 10;
  private static final int METHODID_LIST_TRANSACTIONS = 11;
  private static final int METHODID_GET_TRANSACTION = 12;
  private static final int METHODID_LIST_LUCKY_DRAW_ENTRIES = 13;

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
        case METHODID_EARN_POINTS:
          serviceImpl.earnPoints((com.rewardscore.rewards.loyalty.v1.EarnPointsRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.EarnPointsResponse>) responseObserver);
          break;
        case METHODID_BATCH_EARN_POINTS:
          serviceImpl.batchEarnPoints((com.rewardscore.rewards.loyalty.v1.BatchEarnPointsRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.BatchEarnPointsResponse>) responseObserver);
          break;
        case METHODID_EARN_BY_CODE:
          serviceImpl.earnByCode((com.rewardscore.rewards.loyalty.v1.EarnByCodeRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.EarnByCodeResponse>) responseObserver);
          break;
        case METHODID_REQUEST_REDEMPTION_OTP:
          serviceImpl.requestRedemptionOtp((com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpResponse>) responseObserver);
          break;
        case METHODID_REDEEM_POINTS:
          serviceImpl.redeemPoints((com.rewardscore.rewards.loyalty.v1.RedeemPointsRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.RedeemPointsResponse>) responseObserver);
          break;
        case METHODID_REFUND_POINTS:
          serviceImpl.refundPoints((com.rewardscore.rewards.loyalty.v1.RefundPointsRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.RefundPointsResponse>) responseObserver);
          break;
        case METHODID_ALLOCATE_EVENT:
          serviceImpl.allocateEvent((com.rewardscore.rewards.loyalty.v1.AllocateEventRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.AllocateEventResponse>) responseObserver);
          break;
        case METHODID_VOID_TRANSACTION:
          serviceImpl.voidTransaction((com.rewardscore.rewards.loyalty.v1.VoidTransactionRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.VoidTransactionResponse>) responseObserver);
          break;
        case METHODID_ADJUST_POINTS:
          serviceImpl.adjustPoints((com.rewardscore.rewards.loyalty.v1.AdjustPointsRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.AdjustPointsResponse>) responseObserver);
          break;
        case METHODID_BATCH_ALLOCATE_POINTS:
          serviceImpl.batchAllocatePoints((com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsResponse>) responseObserver);
          break;
        case METHODID_GET_BALANCE:
          serviceImpl.getBalance((com.rewardscore.rewards.loyalty.v1.GetBalanceRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.GetBalanceResponse>) responseObserver);
          break;
        case METHODID_LIST_TRANSACTIONS:
          serviceImpl.listTransactions((com.rewardscore.rewards.loyalty.v1.ListTransactionsRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.ListTransactionsResponse>) responseObserver);
          break;
        case METHODID_GET_TRANSACTION:
          serviceImpl.getTransaction((com.rewardscore.rewards.loyalty.v1.GetTransactionRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.GetTransactionResponse>) responseObserver);
          break;
        case METHODID_LIST_LUCKY_DRAW_ENTRIES:
          serviceImpl.listLuckyDrawEntries((com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesResponse>) responseObserver);
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
          getEarnPointsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.EarnPointsRequest,
              com.rewardscore.rewards.loyalty.v1.EarnPointsResponse>(
                service, METHODID_EARN_POINTS)))
        .addMethod(
          getBatchEarnPointsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.BatchEarnPointsRequest,
              com.rewardscore.rewards.loyalty.v1.BatchEarnPointsResponse>(
                service, METHODID_BATCH_EARN_POINTS)))
        .addMethod(
          getEarnByCodeMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.EarnByCodeRequest,
              com.rewardscore.rewards.loyalty.v1.EarnByCodeResponse>(
                service, METHODID_EARN_BY_CODE)))
        .addMethod(
          getRequestRedemptionOtpMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpRequest,
              com.rewardscore.rewards.loyalty.v1.RequestRedemptionOtpResponse>(
                service, METHODID_REQUEST_REDEMPTION_OTP)))
        .addMethod(
          getRedeemPointsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.RedeemPointsRequest,
              com.rewardscore.rewards.loyalty.v1.RedeemPointsResponse>(
                service, METHODID_REDEEM_POINTS)))
        .addMethod(
          getRefundPointsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.RefundPointsRequest,
              com.rewardscore.rewards.loyalty.v1.RefundPointsResponse>(
                service, METHODID_REFUND_POINTS)))
        .addMethod(
          getAllocateEventMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.AllocateEventRequest,
              com.rewardscore.rewards.loyalty.v1.AllocateEventResponse>(
                service, METHODID_ALLOCATE_EVENT)))
        .addMethod(
          getVoidTransactionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.VoidTransactionRequest,
              com.rewardscore.rewards.loyalty.v1.VoidTransactionResponse>(
                service, METHODID_VOID_TRANSACTION)))
        .addMethod(
          getAdjustPointsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.AdjustPointsRequest,
              com.rewardscore.rewards.loyalty.v1.AdjustPointsResponse>(
                service, METHODID_ADJUST_POINTS)))
        .addMethod(
          getBatchAllocatePointsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsRequest,
              com.rewardscore.rewards.loyalty.v1.BatchAllocatePointsResponse>(
                service, METHODID_BATCH_ALLOCATE_POINTS)))
        .addMethod(
          getGetBalanceMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.GetBalanceRequest,
              com.rewardscore.rewards.loyalty.v1.GetBalanceResponse>(
                service, METHODID_GET_BALANCE)))
        .addMethod(
          getListTransactionsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.ListTransactionsRequest,
              com.rewardscore.rewards.loyalty.v1.ListTransactionsResponse>(
                service, METHODID_LIST_TRANSACTIONS)))
        .addMethod(
          getGetTransactionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.GetTransactionRequest,
              com.rewardscore.rewards.loyalty.v1.GetTransactionResponse>(
                service, METHODID_GET_TRANSACTION)))
        .addMethod(
          getListLuckyDrawEntriesMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesRequest,
              com.rewardscore.rewards.loyalty.v1.ListLuckyDrawEntriesResponse>(
                service, METHODID_LIST_LUCKY_DRAW_ENTRIES)))
        .build();
  }

  private static abstract class LoyaltyServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    LoyaltyServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.rewardscore.rewards.loyalty.v1.LoyaltyServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("LoyaltyService");
    }
  }

  private static final class LoyaltyServiceFileDescriptorSupplier
      extends LoyaltyServiceBaseDescriptorSupplier {
    LoyaltyServiceFileDescriptorSupplier() {}
  }

  private static final class LoyaltyServiceMethodDescriptorSupplier
      extends LoyaltyServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    LoyaltyServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (LoyaltyServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new LoyaltyServiceFileDescriptorSupplier())
              .addMethod(getEarnPointsMethod())
              .addMethod(getBatchEarnPointsMethod())
              .addMethod(getEarnByCodeMethod())
              .addMethod(getRequestRedemptionOtpMethod())
              .addMethod(getRedeemPointsMethod())
              .addMethod(getRefundPointsMethod())
              .addMethod(getAllocateEventMethod())
              .addMethod(getVoidTransactionMethod())
              .addMethod(getAdjustPointsMethod())
              .addMethod(getBatchAllocatePointsMethod())
              .addMethod(getGetBalanceMethod())
              .addMethod(getListTransactionsMethod())
              .addMethod(getGetTransactionMethod())
              .addMethod(getListLuckyDrawEntriesMethod())
              .build();
        }
      }
    }
    return result;
  }
}
