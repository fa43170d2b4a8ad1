package com.rewardscore.rewards.loyalty.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Back-office management of loyalty programs, their earn rules and one-time earn codes. Not on
 * the checkout path: LoyaltyService earns and redeems.
 * Every resource is scoped to the caller's organisation. Errors travel as google.rpc.Status
 * with an ErrorInfo (domain "rewards.loyalty"). Besides the reasons listed per RPC, any RPC may
 * fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG, FIELD_OUT_OF_RANGE
 * (INVALID_ARGUMENT, metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED
 * (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient
 * LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE, SHUTTING_DOWN
 * (UNAVAILABLE).
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class ProgramServiceGrpc {

  private ProgramServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "rewards.loyalty.v1.ProgramService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.CreateProgramRequest,
      com.rewardscore.rewards.loyalty.v1.CreateProgramResponse> getCreateProgramMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateProgram",
      requestType = com.rewardscore.rewards.loyalty.v1.CreateProgramRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.CreateProgramResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.CreateProgramRequest,
      com.rewardscore.rewards.loyalty.v1.CreateProgramResponse> getCreateProgramMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.CreateProgramRequest, com.rewardscore.rewards.loyalty.v1.CreateProgramResponse> getCreateProgramMethod;
    if ((getCreateProgramMethod = ProgramServiceGrpc.getCreateProgramMethod) == null) {
      synchronized (ProgramServiceGrpc.class) {
        if ((getCreateProgramMethod = ProgramServiceGrpc.getCreateProgramMethod) == null) {
          ProgramServiceGrpc.getCreateProgramMethod = getCreateProgramMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.CreateProgramRequest, com.rewardscore.rewards.loyalty.v1.CreateProgramResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateProgram"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.CreateProgramRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.CreateProgramResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProgramServiceMethodDescriptorSupplier("CreateProgram"))
              .build();
        }
      }
    }
    return getCreateProgramMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.GetProgramRequest,
      com.rewardscore.rewards.loyalty.v1.GetProgramResponse> getGetProgramMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetProgram",
      requestType = com.rewardscore.rewards.loyalty.v1.GetProgramRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.GetProgramResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.GetProgramRequest,
      com.rewardscore.rewards.loyalty.v1.GetProgramResponse> getGetProgramMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.GetProgramRequest, com.rewardscore.rewards.loyalty.v1.GetProgramResponse> getGetProgramMethod;
    if ((getGetProgramMethod = ProgramServiceGrpc.getGetProgramMethod) == null) {
      synchronized (ProgramServiceGrpc.class) {
        if ((getGetProgramMethod = ProgramServiceGrpc.getGetProgramMethod) == null) {
          ProgramServiceGrpc.getGetProgramMethod = getGetProgramMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.GetProgramRequest, com.rewardscore.rewards.loyalty.v1.GetProgramResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetProgram"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.GetProgramRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.GetProgramResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProgramServiceMethodDescriptorSupplier("GetProgram"))
              .build();
        }
      }
    }
    return getGetProgramMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.UpdateProgramRequest,
      com.rewardscore.rewards.loyalty.v1.UpdateProgramResponse> getUpdateProgramMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateProgram",
      requestType = com.rewardscore.rewards.loyalty.v1.UpdateProgramRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.UpdateProgramResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.UpdateProgramRequest,
      com.rewardscore.rewards.loyalty.v1.UpdateProgramResponse> getUpdateProgramMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.UpdateProgramRequest, com.rewardscore.rewards.loyalty.v1.UpdateProgramResponse> getUpdateProgramMethod;
    if ((getUpdateProgramMethod = ProgramServiceGrpc.getUpdateProgramMethod) == null) {
      synchronized (ProgramServiceGrpc.class) {
        if ((getUpdateProgramMethod = ProgramServiceGrpc.getUpdateProgramMethod) == null) {
          ProgramServiceGrpc.getUpdateProgramMethod = getUpdateProgramMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.UpdateProgramRequest, com.rewardscore.rewards.loyalty.v1.UpdateProgramResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateProgram"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.UpdateProgramRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.UpdateProgramResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProgramServiceMethodDescriptorSupplier("UpdateProgram"))
              .build();
        }
      }
    }
    return getUpdateProgramMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.CreateEarnRuleRequest,
      com.rewardscore.rewards.loyalty.v1.CreateEarnRuleResponse> getCreateEarnRuleMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateEarnRule",
      requestType = com.rewardscore.rewards.loyalty.v1.CreateEarnRuleRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.CreateEarnRuleResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.CreateEarnRuleRequest,
      com.rewardscore.rewards.loyalty.v1.CreateEarnRuleResponse> getCreateEarnRuleMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.CreateEarnRuleRequest, com.rewardscore.rewards.loyalty.v1.CreateEarnRuleResponse> getCreateEarnRuleMethod;
    if ((getCreateEarnRuleMethod = ProgramServiceGrpc.getCreateEarnRuleMethod) == null) {
      synchronized (ProgramServiceGrpc.class) {
        if ((getCreateEarnRuleMethod = ProgramServiceGrpc.getCreateEarnRuleMethod) == null) {
          ProgramServiceGrpc.getCreateEarnRuleMethod = getCreateEarnRuleMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.CreateEarnRuleRequest, com.rewardscore.rewards.loyalty.v1.CreateEarnRuleResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateEarnRule"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.CreateEarnRuleRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.CreateEarnRuleResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProgramServiceMethodDescriptorSupplier("CreateEarnRule"))
              .build();
        }
      }
    }
    return getCreateEarnRuleMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleRequest,
      com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleResponse> getUpdateEarnRuleMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateEarnRule",
      requestType = com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleRequest,
      com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleResponse> getUpdateEarnRuleMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleRequest, com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleResponse> getUpdateEarnRuleMethod;
    if ((getUpdateEarnRuleMethod = ProgramServiceGrpc.getUpdateEarnRuleMethod) == null) {
      synchronized (ProgramServiceGrpc.class) {
        if ((getUpdateEarnRuleMethod = ProgramServiceGrpc.getUpdateEarnRuleMethod) == null) {
          ProgramServiceGrpc.getUpdateEarnRuleMethod = getUpdateEarnRuleMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleRequest, com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateEarnRule"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProgramServiceMethodDescriptorSupplier("UpdateEarnRule"))
              .build();
        }
      }
    }
    return getUpdateEarnRuleMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.GetEarnRuleRequest,
      com.rewardscore.rewards.loyalty.v1.GetEarnRuleResponse> getGetEarnRuleMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetEarnRule",
      requestType = com.rewardscore.rewards.loyalty.v1.GetEarnRuleRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.GetEarnRuleResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.GetEarnRuleRequest,
      com.rewardscore.rewards.loyalty.v1.GetEarnRuleResponse> getGetEarnRuleMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.GetEarnRuleRequest, com.rewardscore.rewards.loyalty.v1.GetEarnRuleResponse> getGetEarnRuleMethod;
    if ((getGetEarnRuleMethod = ProgramServiceGrpc.getGetEarnRuleMethod) == null) {
      synchronized (ProgramServiceGrpc.class) {
        if ((getGetEarnRuleMethod = ProgramServiceGrpc.getGetEarnRuleMethod) == null) {
          ProgramServiceGrpc.getGetEarnRuleMethod = getGetEarnRuleMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.GetEarnRuleRequest, com.rewardscore.rewards.loyalty.v1.GetEarnRuleResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetEarnRule"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.GetEarnRuleRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.GetEarnRuleResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProgramServiceMethodDescriptorSupplier("GetEarnRule"))
              .build();
        }
      }
    }
    return getGetEarnRuleMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.ListEarnRulesRequest,
      com.rewardscore.rewards.loyalty.v1.ListEarnRulesResponse> getListEarnRulesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListEarnRules",
      requestType = com.rewardscore.rewards.loyalty.v1.ListEarnRulesRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.ListEarnRulesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.ListEarnRulesRequest,
      com.rewardscore.rewards.loyalty.v1.ListEarnRulesResponse> getListEarnRulesMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.ListEarnRulesRequest, com.rewardscore.rewards.loyalty.v1.ListEarnRulesResponse> getListEarnRulesMethod;
    if ((getListEarnRulesMethod = ProgramServiceGrpc.getListEarnRulesMethod) == null) {
      synchronized (ProgramServiceGrpc.class) {
        if ((getListEarnRulesMethod = ProgramServiceGrpc.getListEarnRulesMethod) == null) {
          ProgramServiceGrpc.getListEarnRulesMethod = getListEarnRulesMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.ListEarnRulesRequest, com.rewardscore.rewards.loyalty.v1.ListEarnRulesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListEarnRules"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.ListEarnRulesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.ListEarnRulesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProgramServiceMethodDescriptorSupplier("ListEarnRules"))
              .build();
        }
      }
    }
    return getListEarnRulesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.CreateTierRequest,
      com.rewardscore.rewards.loyalty.v1.CreateTierResponse> getCreateTierMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateTier",
      requestType = com.rewardscore.rewards.loyalty.v1.CreateTierRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.CreateTierResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.CreateTierRequest,
      com.rewardscore.rewards.loyalty.v1.CreateTierResponse> getCreateTierMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.CreateTierRequest, com.rewardscore.rewards.loyalty.v1.CreateTierResponse> getCreateTierMethod;
    if ((getCreateTierMethod = ProgramServiceGrpc.getCreateTierMethod) == null) {
      synchronized (ProgramServiceGrpc.class) {
        if ((getCreateTierMethod = ProgramServiceGrpc.getCreateTierMethod) == null) {
          ProgramServiceGrpc.getCreateTierMethod = getCreateTierMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.CreateTierRequest, com.rewardscore.rewards.loyalty.v1.CreateTierResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateTier"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.CreateTierRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.CreateTierResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProgramServiceMethodDescriptorSupplier("CreateTier"))
              .build();
        }
      }
    }
    return getCreateTierMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.ListTiersRequest,
      com.rewardscore.rewards.loyalty.v1.ListTiersResponse> getListTiersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListTiers",
      requestType = com.rewardscore.rewards.loyalty.v1.ListTiersRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.ListTiersResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.ListTiersRequest,
      com.rewardscore.rewards.loyalty.v1.ListTiersResponse> getListTiersMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.ListTiersRequest, com.rewardscore.rewards.loyalty.v1.ListTiersResponse> getListTiersMethod;
    if ((getListTiersMethod = ProgramServiceGrpc.getListTiersMethod) == null) {
      synchronized (ProgramServiceGrpc.class) {
        if ((getListTiersMethod = ProgramServiceGrpc.getListTiersMethod) == null) {
          ProgramServiceGrpc.getListTiersMethod = getListTiersMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.ListTiersRequest, com.rewardscore.rewards.loyalty.v1.ListTiersResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListTiers"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.ListTiersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.ListTiersResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProgramServiceMethodDescriptorSupplier("ListTiers"))
              .build();
        }
      }
    }
    return getListTiersMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.UpdateTierRequest,
      com.rewardscore.rewards.loyalty.v1.UpdateTierResponse> getUpdateTierMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateTier",
      requestType = com.rewardscore.rewards.loyalty.v1.UpdateTierRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.UpdateTierResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.UpdateTierRequest,
      com.rewardscore.rewards.loyalty.v1.UpdateTierResponse> getUpdateTierMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.UpdateTierRequest, com.rewardscore.rewards.loyalty.v1.UpdateTierResponse> getUpdateTierMethod;
    if ((getUpdateTierMethod = ProgramServiceGrpc.getUpdateTierMethod) == null) {
      synchronized (ProgramServiceGrpc.class) {
        if ((getUpdateTierMethod = ProgramServiceGrpc.getUpdateTierMethod) == null) {
          ProgramServiceGrpc.getUpdateTierMethod = getUpdateTierMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.UpdateTierRequest, com.rewardscore.rewards.loyalty.v1.UpdateTierResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateTier"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.UpdateTierRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.UpdateTierResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProgramServiceMethodDescriptorSupplier("UpdateTier"))
              .build();
        }
      }
    }
    return getUpdateTierMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleRequest,
      com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleResponse> getDeleteEarnRuleMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteEarnRule",
      requestType = com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleRequest,
      com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleResponse> getDeleteEarnRuleMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleRequest, com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleResponse> getDeleteEarnRuleMethod;
    if ((getDeleteEarnRuleMethod = ProgramServiceGrpc.getDeleteEarnRuleMethod) == null) {
      synchronized (ProgramServiceGrpc.class) {
        if ((getDeleteEarnRuleMethod = ProgramServiceGrpc.getDeleteEarnRuleMethod) == null) {
          ProgramServiceGrpc.getDeleteEarnRuleMethod = getDeleteEarnRuleMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleRequest, com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteEarnRule"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProgramServiceMethodDescriptorSupplier("DeleteEarnRule"))
              .build();
        }
      }
    }
    return getDeleteEarnRuleMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.CreateEarnCodesRequest,
      com.rewardscore.rewards.loyalty.v1.CreateEarnCodesResponse> getCreateEarnCodesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateEarnCodes",
      requestType = com.rewardscore.rewards.loyalty.v1.CreateEarnCodesRequest.class,
      responseType = com.rewardscore.rewards.loyalty.v1.CreateEarnCodesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.CreateEarnCodesRequest,
      com.rewardscore.rewards.loyalty.v1.CreateEarnCodesResponse> getCreateEarnCodesMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.loyalty.v1.CreateEarnCodesRequest, com.rewardscore.rewards.loyalty.v1.CreateEarnCodesResponse> getCreateEarnCodesMethod;
    if ((getCreateEarnCodesMethod = ProgramServiceGrpc.getCreateEarnCodesMethod) == null) {
      synchronized (ProgramServiceGrpc.class) {
        if ((getCreateEarnCodesMethod = ProgramServiceGrpc.getCreateEarnCodesMethod) == null) {
          ProgramServiceGrpc.getCreateEarnCodesMethod = getCreateEarnCodesMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.loyalty.v1.CreateEarnCodesRequest, com.rewardscore.rewards.loyalty.v1.CreateEarnCodesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateEarnCodes"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.CreateEarnCodesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.loyalty.v1.CreateEarnCodesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProgramServiceMethodDescriptorSupplier("CreateEarnCodes"))
              .build();
        }
      }
    }
    return getCreateEarnCodesMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static ProgramServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ProgramServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ProgramServiceStub>() {
        @java.lang.Override
        public ProgramServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ProgramServiceStub(channel, callOptions);
        }
      };
    return ProgramServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static ProgramServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ProgramServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ProgramServiceBlockingV2Stub>() {
        @java.lang.Override
        public ProgramServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ProgramServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return ProgramServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static ProgramServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ProgramServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ProgramServiceBlockingStub>() {
        @java.lang.Override
        public ProgramServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ProgramServiceBlockingStub(channel, callOptions);
        }
      };
    return ProgramServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static ProgramServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ProgramServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ProgramServiceFutureStub>() {
        @java.lang.Override
        public ProgramServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ProgramServiceFutureStub(channel, callOptions);
        }
      };
    return ProgramServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Back-office management of loyalty programs, their earn rules and one-time earn codes. Not on
   * the checkout path: LoyaltyService earns and redeems.
   * Every resource is scoped to the caller's organisation. Errors travel as google.rpc.Status
   * with an ErrorInfo (domain "rewards.loyalty"). Besides the reasons listed per RPC, any RPC may
   * fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG, FIELD_OUT_OF_RANGE
   * (INVALID_ARGUMENT, metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED
   * (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient
   * LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE, SHUTTING_DOWN
   * (UNAVAILABLE).
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Creates a program with a client-chosen program_id.
     * Errors: PROGRAM_ALREADY_EXISTS (ALREADY_EXISTS), FIELD_INVALID for an unknown currency
     * code or time zone. points_reminders: TEMPLATE_TAG_UNKNOWN, TEMPLATE_INVALID,
     * MESSAGE_TOO_LONG (INVALID_ARGUMENT; metadata "field"), FIELD_INVALID, FIELD_OUT_OF_RANGE,
     * FIELD_REQUIRED (see PointsReminders).
     * </pre>
     */
    default void createProgram(com.rewardscore.rewards.loyalty.v1.CreateProgramRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.CreateProgramResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateProgramMethod(), responseObserver);
    }

    /**
     * <pre>
     * Reads one program.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    default void getProgram(com.rewardscore.rewards.loyalty.v1.GetProgramRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.GetProgramResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetProgramMethod(), responseObserver);
    }

    /**
     * <pre>
     * Changes the fields of a program named by update_mask. Applies to transactions recorded
     * after the change (earlier earns keep their expiry); every server sees it within 2 seconds.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND), FIELD_IMMUTABLE (INVALID_ARGUMENT; program_id or
     * currency_code), PROGRAM_CHANGED_CONCURRENTLY (ABORTED; another update kept winning, retry),
     * and for the program as changed the points_reminders refusals of CreateProgram.
     * </pre>
     */
    default void updateProgram(com.rewardscore.rewards.loyalty.v1.UpdateProgramRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.UpdateProgramResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateProgramMethod(), responseObserver);
    }

    /**
     * <pre>
     * Adds an earn rule to a program. It applies to transactions recorded after it is created.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND), EARN_RULES_LIMIT (FAILED_PRECONDITION; the
     * program has the maximum of 100 rules), FIELD_INVALID for a Money not in the program's
     * currency.
     * </pre>
     */
    default void createEarnRule(com.rewardscore.rewards.loyalty.v1.CreateEarnRuleRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.CreateEarnRuleResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateEarnRuleMethod(), responseObserver);
    }

    /**
     * <pre>
     * Changes the fields of an earn rule named by update_mask. Applies to transactions
     * recorded after the change; earlier ones keep their points.
     * Errors: EARN_RULE_NOT_FOUND (NOT_FOUND), EARN_RULE_ETAG_MISMATCH (ABORTED),
     * FIELD_IMMUTABLE (INVALID_ARGUMENT; program_id or the rule's kind).
     * </pre>
     */
    default void updateEarnRule(com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateEarnRuleMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one earn rule of the caller's organisation (a deleted rule, or another
     * organisation's, is not found).
     * Errors: EARN_RULE_NOT_FOUND (NOT_FOUND), FIELD_REQUIRED / FIELD_INVALID (INVALID_ARGUMENT;
     * earn_rule_id missing or not a UUID).
     * </pre>
     */
    default void getEarnRule(com.rewardscore.rewards.loyalty.v1.GetEarnRuleRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.GetEarnRuleResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetEarnRuleMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the earn rules of a program, oldest first.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    default void listEarnRules(com.rewardscore.rewards.loyalty.v1.ListEarnRulesRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.ListEarnRulesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListEarnRulesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Adds a tier (membership level) to a program.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND), TIER_ALREADY_EXISTS (ALREADY_EXISTS; a tier of the
     * program has the same target_spend), TIERS_LIMIT (FAILED_PRECONDITION; at most 16 tiers).
     * </pre>
     */
    default void createTier(com.rewardscore.rewards.loyalty.v1.CreateTierRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.CreateTierResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateTierMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the tiers of a program by target_spend, lowest first.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    default void listTiers(com.rewardscore.rewards.loyalty.v1.ListTiersRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.ListTiersResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListTiersMethod(), responseObserver);
    }

    /**
     * <pre>
     * Changes the fields of a tier named by update_mask (AIP-134), e.g. "active",
     * "default_tier", "level_down_evaluation_days", "image_uri". Applies to earns and evaluations
     * after the change; every server sees it within 2 seconds. Making a tier the default makes the
     * program's previous default not.
     * Errors: TIER_NOT_FOUND (NOT_FOUND), FIELD_IMMUTABLE (INVALID_ARGUMENT; tier_id or
     * program_id), TIER_ALREADY_EXISTS (ALREADY_EXISTS; target_spend of another tier).
     * </pre>
     */
    default void updateTier(com.rewardscore.rewards.loyalty.v1.UpdateTierRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.UpdateTierResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateTierMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes an earn rule. Points earned under it stay. Deleting a deleted rule fails with
     * EARN_RULE_NOT_FOUND, unless it is a retry with the same request_id.
     * Errors: EARN_RULE_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    default void deleteEarnRule(com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteEarnRuleMethod(), responseObserver);
    }

    /**
     * <pre>
     * Creates one-time earn codes (e.g. printed on receipts or packs): each code credits
     * `points` to the first account that uses it in LoyaltyService.EarnByCode. Streams the codes
     * in batches; runs in constant memory whatever the count. If the stream breaks, call again
     * with the same request_id: it streams the same codes again from the start and creates no
     * new ones.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    default void createEarnCodes(com.rewardscore.rewards.loyalty.v1.CreateEarnCodesRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.CreateEarnCodesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateEarnCodesMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service ProgramService.
   * <pre>
   * Back-office management of loyalty programs, their earn rules and one-time earn codes. Not on
   * the checkout path: LoyaltyService earns and redeems.
   * Every resource is scoped to the caller's organisation. Errors travel as google.rpc.Status
   * with an ErrorInfo (domain "rewards.loyalty"). Besides the reasons listed per RPC, any RPC may
   * fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG, FIELD_OUT_OF_RANGE
   * (INVALID_ARGUMENT, metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED
   * (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient
   * LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE, SHUTTING_DOWN
   * (UNAVAILABLE).
   * </pre>
   */
  public static abstract class ProgramServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return ProgramServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service ProgramService.
   * <pre>
   * Back-office management of loyalty programs, their earn rules and one-time earn codes. Not on
   * the checkout path: LoyaltyService earns and redeems.
   * Every resource is scoped to the caller's organisation. Errors travel as google.rpc.Status
   * with an ErrorInfo (domain "rewards.loyalty"). Besides the reasons listed per RPC, any RPC may
   * fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG, FIELD_OUT_OF_RANGE
   * (INVALID_ARGUMENT, metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED
   * (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient
   * LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE, SHUTTING_DOWN
   * (UNAVAILABLE).
   * </pre>
   */
  public static final class ProgramServiceStub
      extends io.grpc.stub.AbstractAsyncStub<ProgramServiceStub> {
    private ProgramServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ProgramServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ProgramServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a program with a client-chosen program_id.
     * Errors: PROGRAM_ALREADY_EXISTS (ALREADY_EXISTS), FIELD_INVALID for an unknown currency
     * code or time zone. points_reminders: TEMPLATE_TAG_UNKNOWN, TEMPLATE_INVALID,
     * MESSAGE_TOO_LONG (INVALID_ARGUMENT; metadata "field"), FIELD_INVALID, FIELD_OUT_OF_RANGE,
     * FIELD_REQUIRED (see PointsReminders).
     * </pre>
     */
    public void createProgram(com.rewardscore.rewards.loyalty.v1.CreateProgramRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.CreateProgramResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateProgramMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Reads one program.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public void getProgram(com.rewardscore.rewards.loyalty.v1.GetProgramRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.GetProgramResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetProgramMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Changes the fields of a program named by update_mask. Applies to transactions recorded
     * after the change (earlier earns keep their expiry); every server sees it within 2 seconds.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND), FIELD_IMMUTABLE (INVALID_ARGUMENT; program_id or
     * currency_code), PROGRAM_CHANGED_CONCURRENTLY (ABORTED; another update kept winning, retry),
     * and for the program as changed the points_reminders refusals of CreateProgram.
     * </pre>
     */
    public void updateProgram(com.rewardscore.rewards.loyalty.v1.UpdateProgramRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.UpdateProgramResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateProgramMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Adds an earn rule to a program. It applies to transactions recorded after it is created.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND), EARN_RULES_LIMIT (FAILED_PRECONDITION; the
     * program has the maximum of 100 rules), FIELD_INVALID for a Money not in the program's
     * currency.
     * </pre>
     */
    public void createEarnRule(com.rewardscore.rewards.loyalty.v1.CreateEarnRuleRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.CreateEarnRuleResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateEarnRuleMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Changes the fields of an earn rule named by update_mask. Applies to transactions
     * recorded after the change; earlier ones keep their points.
     * Errors: EARN_RULE_NOT_FOUND (NOT_FOUND), EARN_RULE_ETAG_MISMATCH (ABORTED),
     * FIELD_IMMUTABLE (INVALID_ARGUMENT; program_id or the rule's kind).
     * </pre>
     */
    public void updateEarnRule(com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateEarnRuleMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one earn rule of the caller's organisation (a deleted rule, or another
     * organisation's, is not found).
     * Errors: EARN_RULE_NOT_FOUND (NOT_FOUND), FIELD_REQUIRED / FIELD_INVALID (INVALID_ARGUMENT;
     * earn_rule_id missing or not a UUID).
     * </pre>
     */
    public void getEarnRule(com.rewardscore.rewards.loyalty.v1.GetEarnRuleRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.GetEarnRuleResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetEarnRuleMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the earn rules of a program, oldest first.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public void listEarnRules(com.rewardscore.rewards.loyalty.v1.ListEarnRulesRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.ListEarnRulesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListEarnRulesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Adds a tier (membership level) to a program.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND), TIER_ALREADY_EXISTS (ALREADY_EXISTS; a tier of the
     * program has the same target_spend), TIERS_LIMIT (FAILED_PRECONDITION; at most 16 tiers).
     * </pre>
     */
    public void createTier(com.rewardscore.rewards.loyalty.v1.CreateTierRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.CreateTierResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateTierMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the tiers of a program by target_spend, lowest first.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public void listTiers(com.rewardscore.rewards.loyalty.v1.ListTiersRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.ListTiersResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListTiersMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Changes the fields of a tier named by update_mask (AIP-134), e.g. "active",
     * "default_tier", "level_down_evaluation_days", "image_uri". Applies to earns and evaluations
     * after the change; every server sees it within 2 seconds. Making a tier the default makes the
     * program's previous default not.
     * Errors: TIER_NOT_FOUND (NOT_FOUND), FIELD_IMMUTABLE (INVALID_ARGUMENT; tier_id or
     * program_id), TIER_ALREADY_EXISTS (ALREADY_EXISTS; target_spend of another tier).
     * </pre>
     */
    public void updateTier(com.rewardscore.rewards.loyalty.v1.UpdateTierRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.UpdateTierResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateTierMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes an earn rule. Points earned under it stay. Deleting a deleted rule fails with
     * EARN_RULE_NOT_FOUND, unless it is a retry with the same request_id.
     * Errors: EARN_RULE_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public void deleteEarnRule(com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteEarnRuleMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Creates one-time earn codes (e.g. printed on receipts or packs): each code credits
     * `points` to the first account that uses it in LoyaltyService.EarnByCode. Streams the codes
     * in batches; runs in constant memory whatever the count. If the stream breaks, call again
     * with the same request_id: it streams the same codes again from the start and creates no
     * new ones.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public void createEarnCodes(com.rewardscore.rewards.loyalty.v1.CreateEarnCodesRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.CreateEarnCodesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getCreateEarnCodesMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service ProgramService.
   * <pre>
   * Back-office management of loyalty programs, their earn rules and one-time earn codes. Not on
   * the checkout path: LoyaltyService earns and redeems.
   * Every resource is scoped to the caller's organisation. Errors travel as google.rpc.Status
   * with an ErrorInfo (domain "rewards.loyalty"). Besides the reasons listed per RPC, any RPC may
   * fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG, FIELD_OUT_OF_RANGE
   * (INVALID_ARGUMENT, metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED
   * (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient
   * LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE, SHUTTING_DOWN
   * (UNAVAILABLE).
   * </pre>
   */
  public static final class ProgramServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<ProgramServiceBlockingV2Stub> {
    private ProgramServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ProgramServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ProgramServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a program with a client-chosen program_id.
     * Errors: PROGRAM_ALREADY_EXISTS (ALREADY_EXISTS), FIELD_INVALID for an unknown currency
     * code or time zone. points_reminders: TEMPLATE_TAG_UNKNOWN, TEMPLATE_INVALID,
     * MESSAGE_TOO_LONG (INVALID_ARGUMENT; metadata "field"), FIELD_INVALID, FIELD_OUT_OF_RANGE,
     * FIELD_REQUIRED (see PointsReminders).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.CreateProgramResponse createProgram(com.rewardscore.rewards.loyalty.v1.CreateProgramRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateProgramMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads one program.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.GetProgramResponse getProgram(com.rewardscore.rewards.loyalty.v1.GetProgramRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetProgramMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Changes the fields of a program named by update_mask. Applies to transactions recorded
     * after the change (earlier earns keep their expiry); every server sees it within 2 seconds.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND), FIELD_IMMUTABLE (INVALID_ARGUMENT; program_id or
     * currency_code), PROGRAM_CHANGED_CONCURRENTLY (ABORTED; another update kept winning, retry),
     * and for the program as changed the points_reminders refusals of CreateProgram.
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.UpdateProgramResponse updateProgram(com.rewardscore.rewards.loyalty.v1.UpdateProgramRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateProgramMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds an earn rule to a program. It applies to transactions recorded after it is created.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND), EARN_RULES_LIMIT (FAILED_PRECONDITION; the
     * program has the maximum of 100 rules), FIELD_INVALID for a Money not in the program's
     * currency.
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.CreateEarnRuleResponse createEarnRule(com.rewardscore.rewards.loyalty.v1.CreateEarnRuleRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateEarnRuleMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Changes the fields of an earn rule named by update_mask. Applies to transactions
     * recorded after the change; earlier ones keep their points.
     * Errors: EARN_RULE_NOT_FOUND (NOT_FOUND), EARN_RULE_ETAG_MISMATCH (ABORTED),
     * FIELD_IMMUTABLE (INVALID_ARGUMENT; program_id or the rule's kind).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleResponse updateEarnRule(com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateEarnRuleMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one earn rule of the caller's organisation (a deleted rule, or another
     * organisation's, is not found).
     * Errors: EARN_RULE_NOT_FOUND (NOT_FOUND), FIELD_REQUIRED / FIELD_INVALID (INVALID_ARGUMENT;
     * earn_rule_id missing or not a UUID).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.GetEarnRuleResponse getEarnRule(com.rewardscore.rewards.loyalty.v1.GetEarnRuleRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetEarnRuleMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the earn rules of a program, oldest first.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.ListEarnRulesResponse listEarnRules(com.rewardscore.rewards.loyalty.v1.ListEarnRulesRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListEarnRulesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds a tier (membership level) to a program.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND), TIER_ALREADY_EXISTS (ALREADY_EXISTS; a tier of the
     * program has the same target_spend), TIERS_LIMIT (FAILED_PRECONDITION; at most 16 tiers).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.CreateTierResponse createTier(com.rewardscore.rewards.loyalty.v1.CreateTierRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateTierMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the tiers of a program by target_spend, lowest first.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.ListTiersResponse listTiers(com.rewardscore.rewards.loyalty.v1.ListTiersRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListTiersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Changes the fields of a tier named by update_mask (AIP-134), e.g. "active",
     * "default_tier", "level_down_evaluation_days", "image_uri". Applies to earns and evaluations
     * after the change; every server sees it within 2 seconds. Making a tier the default makes the
     * program's previous default not.
     * Errors: TIER_NOT_FOUND (NOT_FOUND), FIELD_IMMUTABLE (INVALID_ARGUMENT; tier_id or
     * program_id), TIER_ALREADY_EXISTS (ALREADY_EXISTS; target_spend of another tier).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.UpdateTierResponse updateTier(com.rewardscore.rewards.loyalty.v1.UpdateTierRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateTierMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes an earn rule. Points earned under it stay. Deleting a deleted rule fails with
     * EARN_RULE_NOT_FOUND, unless it is a retry with the same request_id.
     * Errors: EARN_RULE_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleResponse deleteEarnRule(com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteEarnRuleMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Creates one-time earn codes (e.g. printed on receipts or packs): each code credits
     * `points` to the first account that uses it in LoyaltyService.EarnByCode. Streams the codes
     * in batches; runs in constant memory whatever the count. If the stream breaks, call again
     * with the same request_id: it streams the same codes again from the start and creates no
     * new ones.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<?, com.rewardscore.rewards.loyalty.v1.CreateEarnCodesResponse>
        createEarnCodes(com.rewardscore.rewards.loyalty.v1.CreateEarnCodesRequest request) {
      return io.grpc.stub.ClientCalls.blockingV2ServerStreamingCall(
          getChannel(), getCreateEarnCodesMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service ProgramService.
   * <pre>
   * Back-office management of loyalty programs, their earn rules and one-time earn codes. Not on
   * the checkout path: LoyaltyService earns and redeems.
   * Every resource is scoped to the caller's organisation. Errors travel as google.rpc.Status
   * with an ErrorInfo (domain "rewards.loyalty"). Besides the reasons listed per RPC, any RPC may
   * fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG, FIELD_OUT_OF_RANGE
   * (INVALID_ARGUMENT, metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED
   * (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient
   * LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE, SHUTTING_DOWN
   * (UNAVAILABLE).
   * </pre>
   */
  public static final class ProgramServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<ProgramServiceBlockingStub> {
    private ProgramServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ProgramServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ProgramServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a program with a client-chosen program_id.
     * Errors: PROGRAM_ALREADY_EXISTS (ALREADY_EXISTS), FIELD_INVALID for an unknown currency
     * code or time zone. points_reminders: TEMPLATE_TAG_UNKNOWN, TEMPLATE_INVALID,
     * MESSAGE_TOO_LONG (INVALID_ARGUMENT; metadata "field"), FIELD_INVALID, FIELD_OUT_OF_RANGE,
     * FIELD_REQUIRED (see PointsReminders).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.CreateProgramResponse createProgram(com.rewardscore.rewards.loyalty.v1.CreateProgramRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateProgramMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads one program.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.GetProgramResponse getProgram(com.rewardscore.rewards.loyalty.v1.GetProgramRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetProgramMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Changes the fields of a program named by update_mask. Applies to transactions recorded
     * after the change (earlier earns keep their expiry); every server sees it within 2 seconds.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND), FIELD_IMMUTABLE (INVALID_ARGUMENT; program_id or
     * currency_code), PROGRAM_CHANGED_CONCURRENTLY (ABORTED; another update kept winning, retry),
     * and for the program as changed the points_reminders refusals of CreateProgram.
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.UpdateProgramResponse updateProgram(com.rewardscore.rewards.loyalty.v1.UpdateProgramRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateProgramMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds an earn rule to a program. It applies to transactions recorded after it is created.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND), EARN_RULES_LIMIT (FAILED_PRECONDITION; the
     * program has the maximum of 100 rules), FIELD_INVALID for a Money not in the program's
     * currency.
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.CreateEarnRuleResponse createEarnRule(com.rewardscore.rewards.loyalty.v1.CreateEarnRuleRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateEarnRuleMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Changes the fields of an earn rule named by update_mask. Applies to transactions
     * recorded after the change; earlier ones keep their points.
     * Errors: EARN_RULE_NOT_FOUND (NOT_FOUND), EARN_RULE_ETAG_MISMATCH (ABORTED),
     * FIELD_IMMUTABLE (INVALID_ARGUMENT; program_id or the rule's kind).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleResponse updateEarnRule(com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateEarnRuleMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one earn rule of the caller's organisation (a deleted rule, or another
     * organisation's, is not found).
     * Errors: EARN_RULE_NOT_FOUND (NOT_FOUND), FIELD_REQUIRED / FIELD_INVALID (INVALID_ARGUMENT;
     * earn_rule_id missing or not a UUID).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.GetEarnRuleResponse getEarnRule(com.rewardscore.rewards.loyalty.v1.GetEarnRuleRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetEarnRuleMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the earn rules of a program, oldest first.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.ListEarnRulesResponse listEarnRules(com.rewardscore.rewards.loyalty.v1.ListEarnRulesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListEarnRulesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds a tier (membership level) to a program.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND), TIER_ALREADY_EXISTS (ALREADY_EXISTS; a tier of the
     * program has the same target_spend), TIERS_LIMIT (FAILED_PRECONDITION; at most 16 tiers).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.CreateTierResponse createTier(com.rewardscore.rewards.loyalty.v1.CreateTierRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateTierMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the tiers of a program by target_spend, lowest first.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.ListTiersResponse listTiers(com.rewardscore.rewards.loyalty.v1.ListTiersRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListTiersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Changes the fields of a tier named by update_mask (AIP-134), e.g. "active",
     * "default_tier", "level_down_evaluation_days", "image_uri". Applies to earns and evaluations
     * after the change; every server sees it within 2 seconds. Making a tier the default makes the
     * program's previous default not.
     * Errors: TIER_NOT_FOUND (NOT_FOUND), FIELD_IMMUTABLE (INVALID_ARGUMENT; tier_id or
     * program_id), TIER_ALREADY_EXISTS (ALREADY_EXISTS; target_spend of another tier).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.UpdateTierResponse updateTier(com.rewardscore.rewards.loyalty.v1.UpdateTierRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateTierMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes an earn rule. Points earned under it stay. Deleting a deleted rule fails with
     * EARN_RULE_NOT_FOUND, unless it is a retry with the same request_id.
     * Errors: EARN_RULE_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleResponse deleteEarnRule(com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteEarnRuleMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Creates one-time earn codes (e.g. printed on receipts or packs): each code credits
     * `points` to the first account that uses it in LoyaltyService.EarnByCode. Streams the codes
     * in batches; runs in constant memory whatever the count. If the stream breaks, call again
     * with the same request_id: it streams the same codes again from the start and creates no
     * new ones.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public java.util.Iterator<com.rewardscore.rewards.loyalty.v1.CreateEarnCodesResponse> createEarnCodes(
        com.rewardscore.rewards.loyalty.v1.CreateEarnCodesRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getCreateEarnCodesMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service ProgramService.
   * <pre>
   * Back-office management of loyalty programs, their earn rules and one-time earn codes. Not on
   * the checkout path: LoyaltyService earns and redeems.
   * Every resource is scoped to the caller's organisation. Errors travel as google.rpc.Status
   * with an ErrorInfo (domain "rewards.loyalty"). Besides the reasons listed per RPC, any RPC may
   * fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG, FIELD_OUT_OF_RANGE
   * (INVALID_ARGUMENT, metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED
   * (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient
   * LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE, SHUTTING_DOWN
   * (UNAVAILABLE).
   * </pre>
   */
  public static final class ProgramServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<ProgramServiceFutureStub> {
    private ProgramServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ProgramServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ProgramServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a program with a client-chosen program_id.
     * Errors: PROGRAM_ALREADY_EXISTS (ALREADY_EXISTS), FIELD_INVALID for an unknown currency
     * code or time zone. points_reminders: TEMPLATE_TAG_UNKNOWN, TEMPLATE_INVALID,
     * MESSAGE_TOO_LONG (INVALID_ARGUMENT; metadata "field"), FIELD_INVALID, FIELD_OUT_OF_RANGE,
     * FIELD_REQUIRED (see PointsReminders).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.CreateProgramResponse> createProgram(
        com.rewardscore.rewards.loyalty.v1.CreateProgramRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateProgramMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Reads one program.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.GetProgramResponse> getProgram(
        com.rewardscore.rewards.loyalty.v1.GetProgramRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetProgramMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Changes the fields of a program named by update_mask. Applies to transactions recorded
     * after the change (earlier earns keep their expiry); every server sees it within 2 seconds.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND), FIELD_IMMUTABLE (INVALID_ARGUMENT; program_id or
     * currency_code), PROGRAM_CHANGED_CONCURRENTLY (ABORTED; another update kept winning, retry),
     * and for the program as changed the points_reminders refusals of CreateProgram.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.UpdateProgramResponse> updateProgram(
        com.rewardscore.rewards.loyalty.v1.UpdateProgramRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateProgramMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Adds an earn rule to a program. It applies to transactions recorded after it is created.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND), EARN_RULES_LIMIT (FAILED_PRECONDITION; the
     * program has the maximum of 100 rules), FIELD_INVALID for a Money not in the program's
     * currency.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.CreateEarnRuleResponse> createEarnRule(
        com.rewardscore.rewards.loyalty.v1.CreateEarnRuleRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateEarnRuleMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Changes the fields of an earn rule named by update_mask. Applies to transactions
     * recorded after the change; earlier ones keep their points.
     * Errors: EARN_RULE_NOT_FOUND (NOT_FOUND), EARN_RULE_ETAG_MISMATCH (ABORTED),
     * FIELD_IMMUTABLE (INVALID_ARGUMENT; program_id or the rule's kind).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleResponse> updateEarnRule(
        com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateEarnRuleMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one earn rule of the caller's organisation (a deleted rule, or another
     * organisation's, is not found).
     * Errors: EARN_RULE_NOT_FOUND (NOT_FOUND), FIELD_REQUIRED / FIELD_INVALID (INVALID_ARGUMENT;
     * earn_rule_id missing or not a UUID).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.GetEarnRuleResponse> getEarnRule(
        com.rewardscore.rewards.loyalty.v1.GetEarnRuleRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetEarnRuleMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the earn rules of a program, oldest first.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.ListEarnRulesResponse> listEarnRules(
        com.rewardscore.rewards.loyalty.v1.ListEarnRulesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListEarnRulesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Adds a tier (membership level) to a program.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND), TIER_ALREADY_EXISTS (ALREADY_EXISTS; a tier of the
     * program has the same target_spend), TIERS_LIMIT (FAILED_PRECONDITION; at most 16 tiers).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.CreateTierResponse> createTier(
        com.rewardscore.rewards.loyalty.v1.CreateTierRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateTierMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the tiers of a program by target_spend, lowest first.
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.ListTiersResponse> listTiers(
        com.rewardscore.rewards.loyalty.v1.ListTiersRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListTiersMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Changes the fields of a tier named by update_mask (AIP-134), e.g. "active",
     * "default_tier", "level_down_evaluation_days", "image_uri". Applies to earns and evaluations
     * after the change; every server sees it within 2 seconds. Making a tier the default makes the
     * program's previous default not.
     * Errors: TIER_NOT_FOUND (NOT_FOUND), FIELD_IMMUTABLE (INVALID_ARGUMENT; tier_id or
     * program_id), TIER_ALREADY_EXISTS (ALREADY_EXISTS; target_spend of another tier).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.UpdateTierResponse> updateTier(
        com.rewardscore.rewards.loyalty.v1.UpdateTierRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateTierMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes an earn rule. Points earned under it stay. Deleting a deleted rule fails with
     * EARN_RULE_NOT_FOUND, unless it is a retry with the same request_id.
     * Errors: EARN_RULE_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleResponse> deleteEarnRule(
        com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteEarnRuleMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_PROGRAM = 0;
  private static final int METHODID_GET_PROGRAM = 1;
  private static final int METHODID_UPDATE_PROGRAM = 2;
  private static final int METHODID_CREATE_EARN_RULE = 3;
  private static final int METHODID_UPDATE_EARN_RULE = 4;
  private static final int METHODID_GET_EARN_RULE = 5;
  private static final int METHODID_LIST_EARN_RULES = 6;
  private static final int METHODID_CREATE_TIER = 7;
  private static final int METHODID_LIST_TIERS = 8;
  private static final int METHODID_UPDATE_TIER = 9;
  private static final int METHODID_DELETE_EARN_RULE = 10;
  private static final int METHODID_CREATE_EARN_CODES = 11;

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
        case METHODID_CREATE_PROGRAM:
          serviceImpl.createProgram((com.rewardscore.rewards.loyalty.v1.CreateProgramRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.CreateProgramResponse>) responseObserver);
          break;
        case METHODID_GET_PROGRAM:
          serviceImpl.getProgram((com.rewardscore.rewards.loyalty.v1.GetProgramRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.GetProgramResponse>) responseObserver);
          break;
        case METHODID_UPDATE_PROGRAM:
          serviceImpl.updateProgram((com.rewardscore.rewards.loyalty.v1.UpdateProgramRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.UpdateProgramResponse>) responseObserver);
          break;
        case METHODID_CREATE_EARN_RULE:
          serviceImpl.createEarnRule((com.rewardscore.rewards.loyalty.v1.CreateEarnRuleRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.CreateEarnRuleResponse>) responseObserver);
          break;
        case METHODID_UPDATE_EARN_RULE:
          serviceImpl.updateEarnRule((com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleResponse>) responseObserver);
          break;
        case METHODID_GET_EARN_RULE:
          serviceImpl.getEarnRule((com.rewardscore.rewards.loyalty.v1.GetEarnRuleRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.GetEarnRuleResponse>) responseObserver);
          break;
        case METHODID_LIST_EARN_RULES:
          serviceImpl.listEarnRules((com.rewardscore.rewards.loyalty.v1.ListEarnRulesRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.ListEarnRulesResponse>) responseObserver);
          break;
        case METHODID_CREATE_TIER:
          serviceImpl.createTier((com.rewardscore.rewards.loyalty.v1.CreateTierRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.CreateTierResponse>) responseObserver);
          break;
        case METHODID_LIST_TIERS:
          serviceImpl.listTiers((com.rewardscore.rewards.loyalty.v1.ListTiersRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.ListTiersResponse>) responseObserver);
          break;
        case METHODID_UPDATE_TIER:
          serviceImpl.updateTier((com.rewardscore.rewards.loyalty.v1.UpdateTierRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.UpdateTierResponse>) responseObserver);
          break;
        case METHODID_DELETE_EARN_RULE:
          serviceImpl.deleteEarnRule((com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleResponse>) responseObserver);
          break;
        case METHODID_CREATE_EARN_CODES:
          serviceImpl.createEarnCodes((com.rewardscore.rewards.loyalty.v1.CreateEarnCodesRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.loyalty.v1.CreateEarnCodesResponse>) responseObserver);
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
          getCreateProgramMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.CreateProgramRequest,
              com.rewardscore.rewards.loyalty.v1.CreateProgramResponse>(
                service, METHODID_CREATE_PROGRAM)))
        .addMethod(
          getGetProgramMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.GetProgramRequest,
              com.rewardscore.rewards.loyalty.v1.GetProgramResponse>(
                service, METHODID_GET_PROGRAM)))
        .addMethod(
          getUpdateProgramMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.UpdateProgramRequest,
              com.rewardscore.rewards.loyalty.v1.UpdateProgramResponse>(
                service, METHODID_UPDATE_PROGRAM)))
        .addMethod(
          getCreateEarnRuleMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.CreateEarnRuleRequest,
              com.rewardscore.rewards.loyalty.v1.CreateEarnRuleResponse>(
                service, METHODID_CREATE_EARN_RULE)))
        .addMethod(
          getUpdateEarnRuleMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleRequest,
              com.rewardscore.rewards.loyalty.v1.UpdateEarnRuleResponse>(
                service, METHODID_UPDATE_EARN_RULE)))
        .addMethod(
          getGetEarnRuleMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.GetEarnRuleRequest,
              com.rewardscore.rewards.loyalty.v1.GetEarnRuleResponse>(
                service, METHODID_GET_EARN_RULE)))
        .addMethod(
          getListEarnRulesMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.ListEarnRulesRequest,
              com.rewardscore.rewards.loyalty.v1.ListEarnRulesResponse>(
                service, METHODID_LIST_EARN_RULES)))
        .addMethod(
          getCreateTierMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.CreateTierRequest,
              com.rewardscore.rewards.loyalty.v1.CreateTierResponse>(
                service, METHODID_CREATE_TIER)))
        .addMethod(
          getListTiersMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.ListTiersRequest,
              com.rewardscore.rewards.loyalty.v1.ListTiersResponse>(
                service, METHODID_LIST_TIERS)))
        .addMethod(
          getUpdateTierMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.UpdateTierRequest,
              com.rewardscore.rewards.loyalty.v1.UpdateTierResponse>(
                service, METHODID_UPDATE_TIER)))
        .addMethod(
          getDeleteEarnRuleMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleRequest,
              com.rewardscore.rewards.loyalty.v1.DeleteEarnRuleResponse>(
                service, METHODID_DELETE_EARN_RULE)))
        .addMethod(
          getCreateEarnCodesMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              com.rewardscore.rewards.loyalty.v1.CreateEarnCodesRequest,
              com.rewardscore.rewards.loyalty.v1.CreateEarnCodesResponse>(
                service, METHODID_CREATE_EARN_CODES)))
        .build();
  }

  private static abstract class ProgramServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    ProgramServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.rewardscore.rewards.loyalty.v1.ProgramServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("ProgramService");
    }
  }

  private static final class ProgramServiceFileDescriptorSupplier
      extends ProgramServiceBaseDescriptorSupplier {
    ProgramServiceFileDescriptorSupplier() {}
  }

  private static final class ProgramServiceMethodDescriptorSupplier
      extends ProgramServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    ProgramServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (ProgramServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new ProgramServiceFileDescriptorSupplier())
              .addMethod(getCreateProgramMethod())
              .addMethod(getGetProgramMethod())
              .addMethod(getUpdateProgramMethod())
              .addMethod(getCreateEarnRuleMethod())
              .addMethod(getUpdateEarnRuleMethod())
              .addMethod(getGetEarnRuleMethod())
              .addMethod(getListEarnRulesMethod())
              .addMethod(getCreateTierMethod())
              .addMethod(getListTiersMethod())
              .addMethod(getUpdateTierMethod())
              .addMethod(getDeleteEarnRuleMethod())
              .addMethod(getCreateEarnCodesMethod())
              .build();
        }
      }
    }
    return result;
  }
}
