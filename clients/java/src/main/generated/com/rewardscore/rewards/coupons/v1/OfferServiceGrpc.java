package com.rewardscore.rewards.coupons.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Back-office management of offers, their rules and their code series. Not on the checkout
 * path: CouponService issues and redeems.
 * Every resource is scoped to the caller's organisation. Errors travel as google.rpc.Status
 * with an ErrorInfo (domain "rewards.coupons"). Besides the reasons listed per RPC, any RPC may
 * fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG, FIELD_OUT_OF_RANGE
 * (INVALID_ARGUMENT, metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED
 * (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient
 * LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE, SHUTTING_DOWN
 * (UNAVAILABLE).
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class OfferServiceGrpc {

  private OfferServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "rewards.coupons.v1.OfferService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.CreateOfferRequest,
      com.rewardscore.rewards.coupons.v1.CreateOfferResponse> getCreateOfferMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateOffer",
      requestType = com.rewardscore.rewards.coupons.v1.CreateOfferRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.CreateOfferResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.CreateOfferRequest,
      com.rewardscore.rewards.coupons.v1.CreateOfferResponse> getCreateOfferMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.CreateOfferRequest, com.rewardscore.rewards.coupons.v1.CreateOfferResponse> getCreateOfferMethod;
    if ((getCreateOfferMethod = OfferServiceGrpc.getCreateOfferMethod) == null) {
      synchronized (OfferServiceGrpc.class) {
        if ((getCreateOfferMethod = OfferServiceGrpc.getCreateOfferMethod) == null) {
          OfferServiceGrpc.getCreateOfferMethod = getCreateOfferMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.CreateOfferRequest, com.rewardscore.rewards.coupons.v1.CreateOfferResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateOffer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.CreateOfferRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.CreateOfferResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OfferServiceMethodDescriptorSupplier("CreateOffer"))
              .build();
        }
      }
    }
    return getCreateOfferMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.GetOfferRequest,
      com.rewardscore.rewards.coupons.v1.GetOfferResponse> getGetOfferMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetOffer",
      requestType = com.rewardscore.rewards.coupons.v1.GetOfferRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.GetOfferResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.GetOfferRequest,
      com.rewardscore.rewards.coupons.v1.GetOfferResponse> getGetOfferMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.GetOfferRequest, com.rewardscore.rewards.coupons.v1.GetOfferResponse> getGetOfferMethod;
    if ((getGetOfferMethod = OfferServiceGrpc.getGetOfferMethod) == null) {
      synchronized (OfferServiceGrpc.class) {
        if ((getGetOfferMethod = OfferServiceGrpc.getGetOfferMethod) == null) {
          OfferServiceGrpc.getGetOfferMethod = getGetOfferMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.GetOfferRequest, com.rewardscore.rewards.coupons.v1.GetOfferResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetOffer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.GetOfferRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.GetOfferResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OfferServiceMethodDescriptorSupplier("GetOffer"))
              .build();
        }
      }
    }
    return getGetOfferMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.UpdateOfferRequest,
      com.rewardscore.rewards.coupons.v1.UpdateOfferResponse> getUpdateOfferMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateOffer",
      requestType = com.rewardscore.rewards.coupons.v1.UpdateOfferRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.UpdateOfferResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.UpdateOfferRequest,
      com.rewardscore.rewards.coupons.v1.UpdateOfferResponse> getUpdateOfferMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.UpdateOfferRequest, com.rewardscore.rewards.coupons.v1.UpdateOfferResponse> getUpdateOfferMethod;
    if ((getUpdateOfferMethod = OfferServiceGrpc.getUpdateOfferMethod) == null) {
      synchronized (OfferServiceGrpc.class) {
        if ((getUpdateOfferMethod = OfferServiceGrpc.getUpdateOfferMethod) == null) {
          OfferServiceGrpc.getUpdateOfferMethod = getUpdateOfferMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.UpdateOfferRequest, com.rewardscore.rewards.coupons.v1.UpdateOfferResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateOffer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.UpdateOfferRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.UpdateOfferResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OfferServiceMethodDescriptorSupplier("UpdateOffer"))
              .build();
        }
      }
    }
    return getUpdateOfferMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ListOffersRequest,
      com.rewardscore.rewards.coupons.v1.ListOffersResponse> getListOffersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListOffers",
      requestType = com.rewardscore.rewards.coupons.v1.ListOffersRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.ListOffersResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ListOffersRequest,
      com.rewardscore.rewards.coupons.v1.ListOffersResponse> getListOffersMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ListOffersRequest, com.rewardscore.rewards.coupons.v1.ListOffersResponse> getListOffersMethod;
    if ((getListOffersMethod = OfferServiceGrpc.getListOffersMethod) == null) {
      synchronized (OfferServiceGrpc.class) {
        if ((getListOffersMethod = OfferServiceGrpc.getListOffersMethod) == null) {
          OfferServiceGrpc.getListOffersMethod = getListOffersMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.ListOffersRequest, com.rewardscore.rewards.coupons.v1.ListOffersResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListOffers"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.ListOffersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.ListOffersResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OfferServiceMethodDescriptorSupplier("ListOffers"))
              .build();
        }
      }
    }
    return getListOffersMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ActivateOfferRequest,
      com.rewardscore.rewards.coupons.v1.ActivateOfferResponse> getActivateOfferMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ActivateOffer",
      requestType = com.rewardscore.rewards.coupons.v1.ActivateOfferRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.ActivateOfferResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ActivateOfferRequest,
      com.rewardscore.rewards.coupons.v1.ActivateOfferResponse> getActivateOfferMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ActivateOfferRequest, com.rewardscore.rewards.coupons.v1.ActivateOfferResponse> getActivateOfferMethod;
    if ((getActivateOfferMethod = OfferServiceGrpc.getActivateOfferMethod) == null) {
      synchronized (OfferServiceGrpc.class) {
        if ((getActivateOfferMethod = OfferServiceGrpc.getActivateOfferMethod) == null) {
          OfferServiceGrpc.getActivateOfferMethod = getActivateOfferMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.ActivateOfferRequest, com.rewardscore.rewards.coupons.v1.ActivateOfferResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ActivateOffer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.ActivateOfferRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.ActivateOfferResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OfferServiceMethodDescriptorSupplier("ActivateOffer"))
              .build();
        }
      }
    }
    return getActivateOfferMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.DeactivateOfferRequest,
      com.rewardscore.rewards.coupons.v1.DeactivateOfferResponse> getDeactivateOfferMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeactivateOffer",
      requestType = com.rewardscore.rewards.coupons.v1.DeactivateOfferRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.DeactivateOfferResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.DeactivateOfferRequest,
      com.rewardscore.rewards.coupons.v1.DeactivateOfferResponse> getDeactivateOfferMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.DeactivateOfferRequest, com.rewardscore.rewards.coupons.v1.DeactivateOfferResponse> getDeactivateOfferMethod;
    if ((getDeactivateOfferMethod = OfferServiceGrpc.getDeactivateOfferMethod) == null) {
      synchronized (OfferServiceGrpc.class) {
        if ((getDeactivateOfferMethod = OfferServiceGrpc.getDeactivateOfferMethod) == null) {
          OfferServiceGrpc.getDeactivateOfferMethod = getDeactivateOfferMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.DeactivateOfferRequest, com.rewardscore.rewards.coupons.v1.DeactivateOfferResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeactivateOffer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.DeactivateOfferRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.DeactivateOfferResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OfferServiceMethodDescriptorSupplier("DeactivateOffer"))
              .build();
        }
      }
    }
    return getDeactivateOfferMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.CreateCodeSeriesRequest,
      com.rewardscore.rewards.coupons.v1.CreateCodeSeriesResponse> getCreateCodeSeriesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateCodeSeries",
      requestType = com.rewardscore.rewards.coupons.v1.CreateCodeSeriesRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.CreateCodeSeriesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.CreateCodeSeriesRequest,
      com.rewardscore.rewards.coupons.v1.CreateCodeSeriesResponse> getCreateCodeSeriesMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.CreateCodeSeriesRequest, com.rewardscore.rewards.coupons.v1.CreateCodeSeriesResponse> getCreateCodeSeriesMethod;
    if ((getCreateCodeSeriesMethod = OfferServiceGrpc.getCreateCodeSeriesMethod) == null) {
      synchronized (OfferServiceGrpc.class) {
        if ((getCreateCodeSeriesMethod = OfferServiceGrpc.getCreateCodeSeriesMethod) == null) {
          OfferServiceGrpc.getCreateCodeSeriesMethod = getCreateCodeSeriesMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.CreateCodeSeriesRequest, com.rewardscore.rewards.coupons.v1.CreateCodeSeriesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateCodeSeries"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.CreateCodeSeriesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.CreateCodeSeriesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OfferServiceMethodDescriptorSupplier("CreateCodeSeries"))
              .build();
        }
      }
    }
    return getCreateCodeSeriesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.GenerateCodesRequest,
      com.rewardscore.rewards.coupons.v1.GenerateCodesResponse> getGenerateCodesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GenerateCodes",
      requestType = com.rewardscore.rewards.coupons.v1.GenerateCodesRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.GenerateCodesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.GenerateCodesRequest,
      com.rewardscore.rewards.coupons.v1.GenerateCodesResponse> getGenerateCodesMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.GenerateCodesRequest, com.rewardscore.rewards.coupons.v1.GenerateCodesResponse> getGenerateCodesMethod;
    if ((getGenerateCodesMethod = OfferServiceGrpc.getGenerateCodesMethod) == null) {
      synchronized (OfferServiceGrpc.class) {
        if ((getGenerateCodesMethod = OfferServiceGrpc.getGenerateCodesMethod) == null) {
          OfferServiceGrpc.getGenerateCodesMethod = getGenerateCodesMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.GenerateCodesRequest, com.rewardscore.rewards.coupons.v1.GenerateCodesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GenerateCodes"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.GenerateCodesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.GenerateCodesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OfferServiceMethodDescriptorSupplier("GenerateCodes"))
              .build();
        }
      }
    }
    return getGenerateCodesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ImportCodesRequest,
      com.rewardscore.rewards.coupons.v1.ImportCodesResponse> getImportCodesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ImportCodes",
      requestType = com.rewardscore.rewards.coupons.v1.ImportCodesRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.ImportCodesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.CLIENT_STREAMING)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ImportCodesRequest,
      com.rewardscore.rewards.coupons.v1.ImportCodesResponse> getImportCodesMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ImportCodesRequest, com.rewardscore.rewards.coupons.v1.ImportCodesResponse> getImportCodesMethod;
    if ((getImportCodesMethod = OfferServiceGrpc.getImportCodesMethod) == null) {
      synchronized (OfferServiceGrpc.class) {
        if ((getImportCodesMethod = OfferServiceGrpc.getImportCodesMethod) == null) {
          OfferServiceGrpc.getImportCodesMethod = getImportCodesMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.ImportCodesRequest, com.rewardscore.rewards.coupons.v1.ImportCodesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.CLIENT_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ImportCodes"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.ImportCodesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.ImportCodesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OfferServiceMethodDescriptorSupplier("ImportCodes"))
              .build();
        }
      }
    }
    return getImportCodesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.RevokeCouponsRequest,
      com.rewardscore.rewards.coupons.v1.RevokeCouponsResponse> getRevokeCouponsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RevokeCoupons",
      requestType = com.rewardscore.rewards.coupons.v1.RevokeCouponsRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.RevokeCouponsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.RevokeCouponsRequest,
      com.rewardscore.rewards.coupons.v1.RevokeCouponsResponse> getRevokeCouponsMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.RevokeCouponsRequest, com.rewardscore.rewards.coupons.v1.RevokeCouponsResponse> getRevokeCouponsMethod;
    if ((getRevokeCouponsMethod = OfferServiceGrpc.getRevokeCouponsMethod) == null) {
      synchronized (OfferServiceGrpc.class) {
        if ((getRevokeCouponsMethod = OfferServiceGrpc.getRevokeCouponsMethod) == null) {
          OfferServiceGrpc.getRevokeCouponsMethod = getRevokeCouponsMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.RevokeCouponsRequest, com.rewardscore.rewards.coupons.v1.RevokeCouponsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RevokeCoupons"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.RevokeCouponsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.RevokeCouponsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OfferServiceMethodDescriptorSupplier("RevokeCoupons"))
              .build();
        }
      }
    }
    return getRevokeCouponsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.AddOfferCustomersRequest,
      com.rewardscore.rewards.coupons.v1.AddOfferCustomersResponse> getAddOfferCustomersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AddOfferCustomers",
      requestType = com.rewardscore.rewards.coupons.v1.AddOfferCustomersRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.AddOfferCustomersResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.AddOfferCustomersRequest,
      com.rewardscore.rewards.coupons.v1.AddOfferCustomersResponse> getAddOfferCustomersMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.AddOfferCustomersRequest, com.rewardscore.rewards.coupons.v1.AddOfferCustomersResponse> getAddOfferCustomersMethod;
    if ((getAddOfferCustomersMethod = OfferServiceGrpc.getAddOfferCustomersMethod) == null) {
      synchronized (OfferServiceGrpc.class) {
        if ((getAddOfferCustomersMethod = OfferServiceGrpc.getAddOfferCustomersMethod) == null) {
          OfferServiceGrpc.getAddOfferCustomersMethod = getAddOfferCustomersMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.AddOfferCustomersRequest, com.rewardscore.rewards.coupons.v1.AddOfferCustomersResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AddOfferCustomers"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.AddOfferCustomersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.AddOfferCustomersResponse.getDefaultInstance()))
              .setSchemaDescriptor(new OfferServiceMethodDescriptorSupplier("AddOfferCustomers"))
              .build();
        }
      }
    }
    return getAddOfferCustomersMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static OfferServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<OfferServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<OfferServiceStub>() {
        @java.lang.Override
        public OfferServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new OfferServiceStub(channel, callOptions);
        }
      };
    return OfferServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static OfferServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<OfferServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<OfferServiceBlockingV2Stub>() {
        @java.lang.Override
        public OfferServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new OfferServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return OfferServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static OfferServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<OfferServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<OfferServiceBlockingStub>() {
        @java.lang.Override
        public OfferServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new OfferServiceBlockingStub(channel, callOptions);
        }
      };
    return OfferServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static OfferServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<OfferServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<OfferServiceFutureStub>() {
        @java.lang.Override
        public OfferServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new OfferServiceFutureStub(channel, callOptions);
        }
      };
    return OfferServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Back-office management of offers, their rules and their code series. Not on the checkout
   * path: CouponService issues and redeems.
   * Every resource is scoped to the caller's organisation. Errors travel as google.rpc.Status
   * with an ErrorInfo (domain "rewards.coupons"). Besides the reasons listed per RPC, any RPC may
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
     * Creates an offer in state DRAFT. The program must exist, and the offer must reward
     * something: a Reward kind with its value (FIELD_REQUIRED, field "offer.reward", for no kind
     * or a kind without its value; FIELD_OUT_OF_RANGE for a value outside its bounds).
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND), FIELD_INVALID for a Money not in the program's
     * currency or a Reward field that does not fit its kind.
     * </pre>
     */
    default void createOffer(com.rewardscore.rewards.coupons.v1.CreateOfferRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.CreateOfferResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateOfferMethod(), responseObserver);
    }

    /**
     * <pre>
     * Reads one offer, with its live counters.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    default void getOffer(com.rewardscore.rewards.coupons.v1.GetOfferRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.GetOfferResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetOfferMethod(), responseObserver);
    }

    /**
     * <pre>
     * Changes the fields of an offer named by update_mask. Changes apply to later calls only:
     * issued coupons keep their expire_time. Lowering a limit below the current count stops
     * further issues or redemptions; it undoes nothing.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND), OFFER_ETAG_MISMATCH (ABORTED; read it again),
     * FIELD_IMMUTABLE (INVALID_ARGUMENT; program_id, or reward once the offer left DRAFT).
     * </pre>
     */
    default void updateOffer(com.rewardscore.rewards.coupons.v1.UpdateOfferRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.UpdateOfferResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateOfferMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the offers of a program, newest first (create_time, then offer_id).
     * Errors: none beyond the common ones.
     * </pre>
     */
    default void listOffers(com.rewardscore.rewards.coupons.v1.ListOffersRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ListOffersResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListOffersMethod(), responseObserver);
    }

    /**
     * <pre>
     * Moves a DRAFT or INACTIVE offer to ACTIVE. Activating an ACTIVE offer succeeds without
     * change. An offer has codes to issue when it has a COMMON series, or no code series at all
     * (IssueCoupon then gives each coupon a fresh random code), or at least one code was ever
     * generated or imported into one of its series (a series issued or revoked out stays
     * activatable: its issued coupons are redeemed while the offer is ACTIVE).
     * Errors: OFFER_NOT_FOUND (NOT_FOUND), OFFER_HAS_NO_CODES (FAILED_PRECONDITION; the offer
     * has UNIQUE_GENERATED, RANDOM_WITH_PREFIX or IMPORTED series, no COMMON one, and not one code
     * in any of them: generate or import codes first).
     * </pre>
     */
    default void activateOffer(com.rewardscore.rewards.coupons.v1.ActivateOfferRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ActivateOfferResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getActivateOfferMethod(), responseObserver);
    }

    /**
     * <pre>
     * Moves an ACTIVE offer to INACTIVE: no further issue, activation or redemption; reversals
     * and revocations still work. Deactivating an INACTIVE offer succeeds without change.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND), OFFER_NOT_ACTIVE (FAILED_PRECONDITION; still DRAFT).
     * </pre>
     */
    default void deactivateOffer(com.rewardscore.rewards.coupons.v1.DeactivateOfferRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.DeactivateOfferResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeactivateOfferMethod(), responseObserver);
    }

    /**
     * <pre>
     * Adds a code series to an offer. A COMMON series holds its one code at once; the others are
     * filled by GenerateCodes or ImportCodes.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND), CODE_ALREADY_EXISTS (ALREADY_EXISTS; the common code
     * or prefix collides with an existing code or prefix of the organisation).
     * </pre>
     */
    default void createCodeSeries(com.rewardscore.rewards.coupons.v1.CreateCodeSeriesRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.CreateCodeSeriesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateCodeSeriesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Generates `count` new unique codes into a UNIQUE_GENERATED or RANDOM_WITH_PREFIX series,
     * streaming progress. Runs in constant memory whatever the count. The generation is a
     * background job (rewards.jobs.v1.JobService, JOB_KIND_GENERATE_CODES; every message carries
     * its job_id): the call starts it, or finds it by request_id, and follows it. Closing the
     * stream does not stop the job: it finishes on the server, after a server restart too, unless
     * JobService.CancelJob stops it. The work is durable per batch of 50000 codes (each batch is
     * committed with the job's progress); it never generates more than `count` in all. Calling
     * again with the same request_id and parameters (any number of calls at once) follows the
     * same job: its first message reports the codes committed so far; a call of a finished job
     * answers one message with done set; a call of a cancelled job fails with JOB_CANCELLED, of a
     * failed one with the job's error_reason.
     * Errors: FIELD_REQUIRED, FIELD_OUT_OF_RANGE (count) (INVALID_ARGUMENT),
     * CODE_SERIES_NOT_FOUND (NOT_FOUND), CODE_SERIES_TYPE_MISMATCH (FAILED_PRECONDITION),
     * CODE_SPACE_TOO_SMALL (FAILED_PRECONDITION; the series' codes plus `count` would be more
     * than 1% of alphabet size ** length), IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS).
     * </pre>
     */
    default void generateCodes(com.rewardscore.rewards.coupons.v1.GenerateCodesRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.GenerateCodesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGenerateCodesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Imports client-supplied codes into an IMPORTED series, streamed in batches. Valid codes are
     * imported, invalid ones are reported per row; one bad row does not fail the import and
     * changes nothing. A code the organisation holds is DUPLICATE_CODE, unless it was revoked (an
     * unissued code revoked by RevokeCoupons, or the code of a revoked coupon, never one with a
     * redemption in effect): then it is imported again, and the next IssueCoupon may issue it to
     * another customer (the transfer of a coupon; the old holder's coupon stays REVOKED). The
     * whole import is one Postgres transaction: nothing is imported if the stream breaks; a
     * retry with the same request_id and codes then runs it afresh (or, once it was committed,
     * replays the first response). The request signature covers the empty body (a client stream
     * has no single body to sign).
     * Errors: CODE_SERIES_NOT_FOUND (NOT_FOUND), CODE_SERIES_TYPE_MISMATCH
     * (FAILED_PRECONDITION), FIELD_INVALID when a later message names another series or
     * request_id.
     * </pre>
     */
    default io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ImportCodesRequest> importCodes(
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ImportCodesResponse> responseObserver) {
      return io.grpc.stub.ServerCalls.asyncUnimplementedStreamingCall(getImportCodesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Revokes coupons of an offer in bulk, for good: they can no longer be activated, redeemed
     * or reversed. A coupon with a redemption in effect is never revoked; it is counted in
     * redeemed_count instead. Coupons issued after the call are not affected (deactivate the
     * offer to stop issuing). Safe against concurrent redemptions: each coupon is either
     * redeemed or revoked, never both. ALL_UNREDEEMED and UNISSUED_ONLY also revoke the offer's
     * unissued codes (generated or imported, not issued yet): they leave the series' pools for
     * good, and an IssueCoupon running at the same time either issued its code before the
     * revocation or gets another (CODES_EXHAUSTED once none is left), never a revoked one.
     * A revoked code may be uploaded again (ImportCodes, or a BulkIssueCoupons row naming it) to
     * issue it to another customer.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    default void revokeCoupons(com.rewardscore.rewards.coupons.v1.RevokeCouponsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.RevokeCouponsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRevokeCouponsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Puts accounts on the offer's customer list: with OfferRules.listed_accounts_only, only they
     * can be issued its coupons. Accounts listed already are skipped.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    default void addOfferCustomers(com.rewardscore.rewards.coupons.v1.AddOfferCustomersRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.AddOfferCustomersResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAddOfferCustomersMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service OfferService.
   * <pre>
   * Back-office management of offers, their rules and their code series. Not on the checkout
   * path: CouponService issues and redeems.
   * Every resource is scoped to the caller's organisation. Errors travel as google.rpc.Status
   * with an ErrorInfo (domain "rewards.coupons"). Besides the reasons listed per RPC, any RPC may
   * fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG, FIELD_OUT_OF_RANGE
   * (INVALID_ARGUMENT, metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED
   * (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient
   * LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE, SHUTTING_DOWN
   * (UNAVAILABLE).
   * </pre>
   */
  public static abstract class OfferServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return OfferServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service OfferService.
   * <pre>
   * Back-office management of offers, their rules and their code series. Not on the checkout
   * path: CouponService issues and redeems.
   * Every resource is scoped to the caller's organisation. Errors travel as google.rpc.Status
   * with an ErrorInfo (domain "rewards.coupons"). Besides the reasons listed per RPC, any RPC may
   * fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG, FIELD_OUT_OF_RANGE
   * (INVALID_ARGUMENT, metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED
   * (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient
   * LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE, SHUTTING_DOWN
   * (UNAVAILABLE).
   * </pre>
   */
  public static final class OfferServiceStub
      extends io.grpc.stub.AbstractAsyncStub<OfferServiceStub> {
    private OfferServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected OfferServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new OfferServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an offer in state DRAFT. The program must exist, and the offer must reward
     * something: a Reward kind with its value (FIELD_REQUIRED, field "offer.reward", for no kind
     * or a kind without its value; FIELD_OUT_OF_RANGE for a value outside its bounds).
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND), FIELD_INVALID for a Money not in the program's
     * currency or a Reward field that does not fit its kind.
     * </pre>
     */
    public void createOffer(com.rewardscore.rewards.coupons.v1.CreateOfferRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.CreateOfferResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateOfferMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Reads one offer, with its live counters.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public void getOffer(com.rewardscore.rewards.coupons.v1.GetOfferRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.GetOfferResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetOfferMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Changes the fields of an offer named by update_mask. Changes apply to later calls only:
     * issued coupons keep their expire_time. Lowering a limit below the current count stops
     * further issues or redemptions; it undoes nothing.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND), OFFER_ETAG_MISMATCH (ABORTED; read it again),
     * FIELD_IMMUTABLE (INVALID_ARGUMENT; program_id, or reward once the offer left DRAFT).
     * </pre>
     */
    public void updateOffer(com.rewardscore.rewards.coupons.v1.UpdateOfferRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.UpdateOfferResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateOfferMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the offers of a program, newest first (create_time, then offer_id).
     * Errors: none beyond the common ones.
     * </pre>
     */
    public void listOffers(com.rewardscore.rewards.coupons.v1.ListOffersRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ListOffersResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListOffersMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Moves a DRAFT or INACTIVE offer to ACTIVE. Activating an ACTIVE offer succeeds without
     * change. An offer has codes to issue when it has a COMMON series, or no code series at all
     * (IssueCoupon then gives each coupon a fresh random code), or at least one code was ever
     * generated or imported into one of its series (a series issued or revoked out stays
     * activatable: its issued coupons are redeemed while the offer is ACTIVE).
     * Errors: OFFER_NOT_FOUND (NOT_FOUND), OFFER_HAS_NO_CODES (FAILED_PRECONDITION; the offer
     * has UNIQUE_GENERATED, RANDOM_WITH_PREFIX or IMPORTED series, no COMMON one, and not one code
     * in any of them: generate or import codes first).
     * </pre>
     */
    public void activateOffer(com.rewardscore.rewards.coupons.v1.ActivateOfferRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ActivateOfferResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getActivateOfferMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Moves an ACTIVE offer to INACTIVE: no further issue, activation or redemption; reversals
     * and revocations still work. Deactivating an INACTIVE offer succeeds without change.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND), OFFER_NOT_ACTIVE (FAILED_PRECONDITION; still DRAFT).
     * </pre>
     */
    public void deactivateOffer(com.rewardscore.rewards.coupons.v1.DeactivateOfferRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.DeactivateOfferResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeactivateOfferMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Adds a code series to an offer. A COMMON series holds its one code at once; the others are
     * filled by GenerateCodes or ImportCodes.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND), CODE_ALREADY_EXISTS (ALREADY_EXISTS; the common code
     * or prefix collides with an existing code or prefix of the organisation).
     * </pre>
     */
    public void createCodeSeries(com.rewardscore.rewards.coupons.v1.CreateCodeSeriesRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.CreateCodeSeriesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateCodeSeriesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Generates `count` new unique codes into a UNIQUE_GENERATED or RANDOM_WITH_PREFIX series,
     * streaming progress. Runs in constant memory whatever the count. The generation is a
     * background job (rewards.jobs.v1.JobService, JOB_KIND_GENERATE_CODES; every message carries
     * its job_id): the call starts it, or finds it by request_id, and follows it. Closing the
     * stream does not stop the job: it finishes on the server, after a server restart too, unless
     * JobService.CancelJob stops it. The work is durable per batch of 50000 codes (each batch is
     * committed with the job's progress); it never generates more than `count` in all. Calling
     * again with the same request_id and parameters (any number of calls at once) follows the
     * same job: its first message reports the codes committed so far; a call of a finished job
     * answers one message with done set; a call of a cancelled job fails with JOB_CANCELLED, of a
     * failed one with the job's error_reason.
     * Errors: FIELD_REQUIRED, FIELD_OUT_OF_RANGE (count) (INVALID_ARGUMENT),
     * CODE_SERIES_NOT_FOUND (NOT_FOUND), CODE_SERIES_TYPE_MISMATCH (FAILED_PRECONDITION),
     * CODE_SPACE_TOO_SMALL (FAILED_PRECONDITION; the series' codes plus `count` would be more
     * than 1% of alphabet size ** length), IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS).
     * </pre>
     */
    public void generateCodes(com.rewardscore.rewards.coupons.v1.GenerateCodesRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.GenerateCodesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getGenerateCodesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Imports client-supplied codes into an IMPORTED series, streamed in batches. Valid codes are
     * imported, invalid ones are reported per row; one bad row does not fail the import and
     * changes nothing. A code the organisation holds is DUPLICATE_CODE, unless it was revoked (an
     * unissued code revoked by RevokeCoupons, or the code of a revoked coupon, never one with a
     * redemption in effect): then it is imported again, and the next IssueCoupon may issue it to
     * another customer (the transfer of a coupon; the old holder's coupon stays REVOKED). The
     * whole import is one Postgres transaction: nothing is imported if the stream breaks; a
     * retry with the same request_id and codes then runs it afresh (or, once it was committed,
     * replays the first response). The request signature covers the empty body (a client stream
     * has no single body to sign).
     * Errors: CODE_SERIES_NOT_FOUND (NOT_FOUND), CODE_SERIES_TYPE_MISMATCH
     * (FAILED_PRECONDITION), FIELD_INVALID when a later message names another series or
     * request_id.
     * </pre>
     */
    public io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ImportCodesRequest> importCodes(
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ImportCodesResponse> responseObserver) {
      return io.grpc.stub.ClientCalls.asyncClientStreamingCall(
          getChannel().newCall(getImportCodesMethod(), getCallOptions()), responseObserver);
    }

    /**
     * <pre>
     * Revokes coupons of an offer in bulk, for good: they can no longer be activated, redeemed
     * or reversed. A coupon with a redemption in effect is never revoked; it is counted in
     * redeemed_count instead. Coupons issued after the call are not affected (deactivate the
     * offer to stop issuing). Safe against concurrent redemptions: each coupon is either
     * redeemed or revoked, never both. ALL_UNREDEEMED and UNISSUED_ONLY also revoke the offer's
     * unissued codes (generated or imported, not issued yet): they leave the series' pools for
     * good, and an IssueCoupon running at the same time either issued its code before the
     * revocation or gets another (CODES_EXHAUSTED once none is left), never a revoked one.
     * A revoked code may be uploaded again (ImportCodes, or a BulkIssueCoupons row naming it) to
     * issue it to another customer.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public void revokeCoupons(com.rewardscore.rewards.coupons.v1.RevokeCouponsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.RevokeCouponsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRevokeCouponsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Puts accounts on the offer's customer list: with OfferRules.listed_accounts_only, only they
     * can be issued its coupons. Accounts listed already are skipped.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public void addOfferCustomers(com.rewardscore.rewards.coupons.v1.AddOfferCustomersRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.AddOfferCustomersResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAddOfferCustomersMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service OfferService.
   * <pre>
   * Back-office management of offers, their rules and their code series. Not on the checkout
   * path: CouponService issues and redeems.
   * Every resource is scoped to the caller's organisation. Errors travel as google.rpc.Status
   * with an ErrorInfo (domain "rewards.coupons"). Besides the reasons listed per RPC, any RPC may
   * fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG, FIELD_OUT_OF_RANGE
   * (INVALID_ARGUMENT, metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED
   * (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient
   * LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE, SHUTTING_DOWN
   * (UNAVAILABLE).
   * </pre>
   */
  public static final class OfferServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<OfferServiceBlockingV2Stub> {
    private OfferServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected OfferServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new OfferServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an offer in state DRAFT. The program must exist, and the offer must reward
     * something: a Reward kind with its value (FIELD_REQUIRED, field "offer.reward", for no kind
     * or a kind without its value; FIELD_OUT_OF_RANGE for a value outside its bounds).
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND), FIELD_INVALID for a Money not in the program's
     * currency or a Reward field that does not fit its kind.
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.CreateOfferResponse createOffer(com.rewardscore.rewards.coupons.v1.CreateOfferRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateOfferMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads one offer, with its live counters.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.GetOfferResponse getOffer(com.rewardscore.rewards.coupons.v1.GetOfferRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetOfferMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Changes the fields of an offer named by update_mask. Changes apply to later calls only:
     * issued coupons keep their expire_time. Lowering a limit below the current count stops
     * further issues or redemptions; it undoes nothing.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND), OFFER_ETAG_MISMATCH (ABORTED; read it again),
     * FIELD_IMMUTABLE (INVALID_ARGUMENT; program_id, or reward once the offer left DRAFT).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.UpdateOfferResponse updateOffer(com.rewardscore.rewards.coupons.v1.UpdateOfferRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateOfferMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the offers of a program, newest first (create_time, then offer_id).
     * Errors: none beyond the common ones.
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.ListOffersResponse listOffers(com.rewardscore.rewards.coupons.v1.ListOffersRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListOffersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Moves a DRAFT or INACTIVE offer to ACTIVE. Activating an ACTIVE offer succeeds without
     * change. An offer has codes to issue when it has a COMMON series, or no code series at all
     * (IssueCoupon then gives each coupon a fresh random code), or at least one code was ever
     * generated or imported into one of its series (a series issued or revoked out stays
     * activatable: its issued coupons are redeemed while the offer is ACTIVE).
     * Errors: OFFER_NOT_FOUND (NOT_FOUND), OFFER_HAS_NO_CODES (FAILED_PRECONDITION; the offer
     * has UNIQUE_GENERATED, RANDOM_WITH_PREFIX or IMPORTED series, no COMMON one, and not one code
     * in any of them: generate or import codes first).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.ActivateOfferResponse activateOffer(com.rewardscore.rewards.coupons.v1.ActivateOfferRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getActivateOfferMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Moves an ACTIVE offer to INACTIVE: no further issue, activation or redemption; reversals
     * and revocations still work. Deactivating an INACTIVE offer succeeds without change.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND), OFFER_NOT_ACTIVE (FAILED_PRECONDITION; still DRAFT).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.DeactivateOfferResponse deactivateOffer(com.rewardscore.rewards.coupons.v1.DeactivateOfferRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeactivateOfferMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds a code series to an offer. A COMMON series holds its one code at once; the others are
     * filled by GenerateCodes or ImportCodes.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND), CODE_ALREADY_EXISTS (ALREADY_EXISTS; the common code
     * or prefix collides with an existing code or prefix of the organisation).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.CreateCodeSeriesResponse createCodeSeries(com.rewardscore.rewards.coupons.v1.CreateCodeSeriesRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateCodeSeriesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Generates `count` new unique codes into a UNIQUE_GENERATED or RANDOM_WITH_PREFIX series,
     * streaming progress. Runs in constant memory whatever the count. The generation is a
     * background job (rewards.jobs.v1.JobService, JOB_KIND_GENERATE_CODES; every message carries
     * its job_id): the call starts it, or finds it by request_id, and follows it. Closing the
     * stream does not stop the job: it finishes on the server, after a server restart too, unless
     * JobService.CancelJob stops it. The work is durable per batch of 50000 codes (each batch is
     * committed with the job's progress); it never generates more than `count` in all. Calling
     * again with the same request_id and parameters (any number of calls at once) follows the
     * same job: its first message reports the codes committed so far; a call of a finished job
     * answers one message with done set; a call of a cancelled job fails with JOB_CANCELLED, of a
     * failed one with the job's error_reason.
     * Errors: FIELD_REQUIRED, FIELD_OUT_OF_RANGE (count) (INVALID_ARGUMENT),
     * CODE_SERIES_NOT_FOUND (NOT_FOUND), CODE_SERIES_TYPE_MISMATCH (FAILED_PRECONDITION),
     * CODE_SPACE_TOO_SMALL (FAILED_PRECONDITION; the series' codes plus `count` would be more
     * than 1% of alphabet size ** length), IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS).
     * </pre>
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<?, com.rewardscore.rewards.coupons.v1.GenerateCodesResponse>
        generateCodes(com.rewardscore.rewards.coupons.v1.GenerateCodesRequest request) {
      return io.grpc.stub.ClientCalls.blockingV2ServerStreamingCall(
          getChannel(), getGenerateCodesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Imports client-supplied codes into an IMPORTED series, streamed in batches. Valid codes are
     * imported, invalid ones are reported per row; one bad row does not fail the import and
     * changes nothing. A code the organisation holds is DUPLICATE_CODE, unless it was revoked (an
     * unissued code revoked by RevokeCoupons, or the code of a revoked coupon, never one with a
     * redemption in effect): then it is imported again, and the next IssueCoupon may issue it to
     * another customer (the transfer of a coupon; the old holder's coupon stays REVOKED). The
     * whole import is one Postgres transaction: nothing is imported if the stream breaks; a
     * retry with the same request_id and codes then runs it afresh (or, once it was committed,
     * replays the first response). The request signature covers the empty body (a client stream
     * has no single body to sign).
     * Errors: CODE_SERIES_NOT_FOUND (NOT_FOUND), CODE_SERIES_TYPE_MISMATCH
     * (FAILED_PRECONDITION), FIELD_INVALID when a later message names another series or
     * request_id.
     * </pre>
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<com.rewardscore.rewards.coupons.v1.ImportCodesRequest, com.rewardscore.rewards.coupons.v1.ImportCodesResponse>
        importCodes() {
      return io.grpc.stub.ClientCalls.blockingClientStreamingCall(
          getChannel(), getImportCodesMethod(), getCallOptions());
    }

    /**
     * <pre>
     * Revokes coupons of an offer in bulk, for good: they can no longer be activated, redeemed
     * or reversed. A coupon with a redemption in effect is never revoked; it is counted in
     * redeemed_count instead. Coupons issued after the call are not affected (deactivate the
     * offer to stop issuing). Safe against concurrent redemptions: each coupon is either
     * redeemed or revoked, never both. ALL_UNREDEEMED and UNISSUED_ONLY also revoke the offer's
     * unissued codes (generated or imported, not issued yet): they leave the series' pools for
     * good, and an IssueCoupon running at the same time either issued its code before the
     * revocation or gets another (CODES_EXHAUSTED once none is left), never a revoked one.
     * A revoked code may be uploaded again (ImportCodes, or a BulkIssueCoupons row naming it) to
     * issue it to another customer.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.RevokeCouponsResponse revokeCoupons(com.rewardscore.rewards.coupons.v1.RevokeCouponsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRevokeCouponsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Puts accounts on the offer's customer list: with OfferRules.listed_accounts_only, only they
     * can be issued its coupons. Accounts listed already are skipped.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.AddOfferCustomersResponse addOfferCustomers(com.rewardscore.rewards.coupons.v1.AddOfferCustomersRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getAddOfferCustomersMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service OfferService.
   * <pre>
   * Back-office management of offers, their rules and their code series. Not on the checkout
   * path: CouponService issues and redeems.
   * Every resource is scoped to the caller's organisation. Errors travel as google.rpc.Status
   * with an ErrorInfo (domain "rewards.coupons"). Besides the reasons listed per RPC, any RPC may
   * fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG, FIELD_OUT_OF_RANGE
   * (INVALID_ARGUMENT, metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED
   * (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient
   * LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE, SHUTTING_DOWN
   * (UNAVAILABLE).
   * </pre>
   */
  public static final class OfferServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<OfferServiceBlockingStub> {
    private OfferServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected OfferServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new OfferServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an offer in state DRAFT. The program must exist, and the offer must reward
     * something: a Reward kind with its value (FIELD_REQUIRED, field "offer.reward", for no kind
     * or a kind without its value; FIELD_OUT_OF_RANGE for a value outside its bounds).
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND), FIELD_INVALID for a Money not in the program's
     * currency or a Reward field that does not fit its kind.
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.CreateOfferResponse createOffer(com.rewardscore.rewards.coupons.v1.CreateOfferRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateOfferMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads one offer, with its live counters.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.GetOfferResponse getOffer(com.rewardscore.rewards.coupons.v1.GetOfferRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetOfferMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Changes the fields of an offer named by update_mask. Changes apply to later calls only:
     * issued coupons keep their expire_time. Lowering a limit below the current count stops
     * further issues or redemptions; it undoes nothing.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND), OFFER_ETAG_MISMATCH (ABORTED; read it again),
     * FIELD_IMMUTABLE (INVALID_ARGUMENT; program_id, or reward once the offer left DRAFT).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.UpdateOfferResponse updateOffer(com.rewardscore.rewards.coupons.v1.UpdateOfferRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateOfferMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the offers of a program, newest first (create_time, then offer_id).
     * Errors: none beyond the common ones.
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.ListOffersResponse listOffers(com.rewardscore.rewards.coupons.v1.ListOffersRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListOffersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Moves a DRAFT or INACTIVE offer to ACTIVE. Activating an ACTIVE offer succeeds without
     * change. An offer has codes to issue when it has a COMMON series, or no code series at all
     * (IssueCoupon then gives each coupon a fresh random code), or at least one code was ever
     * generated or imported into one of its series (a series issued or revoked out stays
     * activatable: its issued coupons are redeemed while the offer is ACTIVE).
     * Errors: OFFER_NOT_FOUND (NOT_FOUND), OFFER_HAS_NO_CODES (FAILED_PRECONDITION; the offer
     * has UNIQUE_GENERATED, RANDOM_WITH_PREFIX or IMPORTED series, no COMMON one, and not one code
     * in any of them: generate or import codes first).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.ActivateOfferResponse activateOffer(com.rewardscore.rewards.coupons.v1.ActivateOfferRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getActivateOfferMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Moves an ACTIVE offer to INACTIVE: no further issue, activation or redemption; reversals
     * and revocations still work. Deactivating an INACTIVE offer succeeds without change.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND), OFFER_NOT_ACTIVE (FAILED_PRECONDITION; still DRAFT).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.DeactivateOfferResponse deactivateOffer(com.rewardscore.rewards.coupons.v1.DeactivateOfferRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeactivateOfferMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds a code series to an offer. A COMMON series holds its one code at once; the others are
     * filled by GenerateCodes or ImportCodes.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND), CODE_ALREADY_EXISTS (ALREADY_EXISTS; the common code
     * or prefix collides with an existing code or prefix of the organisation).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.CreateCodeSeriesResponse createCodeSeries(com.rewardscore.rewards.coupons.v1.CreateCodeSeriesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateCodeSeriesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Generates `count` new unique codes into a UNIQUE_GENERATED or RANDOM_WITH_PREFIX series,
     * streaming progress. Runs in constant memory whatever the count. The generation is a
     * background job (rewards.jobs.v1.JobService, JOB_KIND_GENERATE_CODES; every message carries
     * its job_id): the call starts it, or finds it by request_id, and follows it. Closing the
     * stream does not stop the job: it finishes on the server, after a server restart too, unless
     * JobService.CancelJob stops it. The work is durable per batch of 50000 codes (each batch is
     * committed with the job's progress); it never generates more than `count` in all. Calling
     * again with the same request_id and parameters (any number of calls at once) follows the
     * same job: its first message reports the codes committed so far; a call of a finished job
     * answers one message with done set; a call of a cancelled job fails with JOB_CANCELLED, of a
     * failed one with the job's error_reason.
     * Errors: FIELD_REQUIRED, FIELD_OUT_OF_RANGE (count) (INVALID_ARGUMENT),
     * CODE_SERIES_NOT_FOUND (NOT_FOUND), CODE_SERIES_TYPE_MISMATCH (FAILED_PRECONDITION),
     * CODE_SPACE_TOO_SMALL (FAILED_PRECONDITION; the series' codes plus `count` would be more
     * than 1% of alphabet size ** length), IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS).
     * </pre>
     */
    public java.util.Iterator<com.rewardscore.rewards.coupons.v1.GenerateCodesResponse> generateCodes(
        com.rewardscore.rewards.coupons.v1.GenerateCodesRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getGenerateCodesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Revokes coupons of an offer in bulk, for good: they can no longer be activated, redeemed
     * or reversed. A coupon with a redemption in effect is never revoked; it is counted in
     * redeemed_count instead. Coupons issued after the call are not affected (deactivate the
     * offer to stop issuing). Safe against concurrent redemptions: each coupon is either
     * redeemed or revoked, never both. ALL_UNREDEEMED and UNISSUED_ONLY also revoke the offer's
     * unissued codes (generated or imported, not issued yet): they leave the series' pools for
     * good, and an IssueCoupon running at the same time either issued its code before the
     * revocation or gets another (CODES_EXHAUSTED once none is left), never a revoked one.
     * A revoked code may be uploaded again (ImportCodes, or a BulkIssueCoupons row naming it) to
     * issue it to another customer.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.RevokeCouponsResponse revokeCoupons(com.rewardscore.rewards.coupons.v1.RevokeCouponsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRevokeCouponsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Puts accounts on the offer's customer list: with OfferRules.listed_accounts_only, only they
     * can be issued its coupons. Accounts listed already are skipped.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.AddOfferCustomersResponse addOfferCustomers(com.rewardscore.rewards.coupons.v1.AddOfferCustomersRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAddOfferCustomersMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service OfferService.
   * <pre>
   * Back-office management of offers, their rules and their code series. Not on the checkout
   * path: CouponService issues and redeems.
   * Every resource is scoped to the caller's organisation. Errors travel as google.rpc.Status
   * with an ErrorInfo (domain "rewards.coupons"). Besides the reasons listed per RPC, any RPC may
   * fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG, FIELD_OUT_OF_RANGE
   * (INVALID_ARGUMENT, metadata "field"), any mutating RPC with IDEMPOTENCY_KEY_REUSED
   * (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with the transient
   * LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE, SHUTTING_DOWN
   * (UNAVAILABLE).
   * </pre>
   */
  public static final class OfferServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<OfferServiceFutureStub> {
    private OfferServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected OfferServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new OfferServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an offer in state DRAFT. The program must exist, and the offer must reward
     * something: a Reward kind with its value (FIELD_REQUIRED, field "offer.reward", for no kind
     * or a kind without its value; FIELD_OUT_OF_RANGE for a value outside its bounds).
     * Errors: PROGRAM_NOT_FOUND (NOT_FOUND), FIELD_INVALID for a Money not in the program's
     * currency or a Reward field that does not fit its kind.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.coupons.v1.CreateOfferResponse> createOffer(
        com.rewardscore.rewards.coupons.v1.CreateOfferRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateOfferMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Reads one offer, with its live counters.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.coupons.v1.GetOfferResponse> getOffer(
        com.rewardscore.rewards.coupons.v1.GetOfferRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetOfferMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Changes the fields of an offer named by update_mask. Changes apply to later calls only:
     * issued coupons keep their expire_time. Lowering a limit below the current count stops
     * further issues or redemptions; it undoes nothing.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND), OFFER_ETAG_MISMATCH (ABORTED; read it again),
     * FIELD_IMMUTABLE (INVALID_ARGUMENT; program_id, or reward once the offer left DRAFT).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.coupons.v1.UpdateOfferResponse> updateOffer(
        com.rewardscore.rewards.coupons.v1.UpdateOfferRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateOfferMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the offers of a program, newest first (create_time, then offer_id).
     * Errors: none beyond the common ones.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.coupons.v1.ListOffersResponse> listOffers(
        com.rewardscore.rewards.coupons.v1.ListOffersRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListOffersMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Moves a DRAFT or INACTIVE offer to ACTIVE. Activating an ACTIVE offer succeeds without
     * change. An offer has codes to issue when it has a COMMON series, or no code series at all
     * (IssueCoupon then gives each coupon a fresh random code), or at least one code was ever
     * generated or imported into one of its series (a series issued or revoked out stays
     * activatable: its issued coupons are redeemed while the offer is ACTIVE).
     * Errors: OFFER_NOT_FOUND (NOT_FOUND), OFFER_HAS_NO_CODES (FAILED_PRECONDITION; the offer
     * has UNIQUE_GENERATED, RANDOM_WITH_PREFIX or IMPORTED series, no COMMON one, and not one code
     * in any of them: generate or import codes first).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.coupons.v1.ActivateOfferResponse> activateOffer(
        com.rewardscore.rewards.coupons.v1.ActivateOfferRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getActivateOfferMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Moves an ACTIVE offer to INACTIVE: no further issue, activation or redemption; reversals
     * and revocations still work. Deactivating an INACTIVE offer succeeds without change.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND), OFFER_NOT_ACTIVE (FAILED_PRECONDITION; still DRAFT).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.coupons.v1.DeactivateOfferResponse> deactivateOffer(
        com.rewardscore.rewards.coupons.v1.DeactivateOfferRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeactivateOfferMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Adds a code series to an offer. A COMMON series holds its one code at once; the others are
     * filled by GenerateCodes or ImportCodes.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND), CODE_ALREADY_EXISTS (ALREADY_EXISTS; the common code
     * or prefix collides with an existing code or prefix of the organisation).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.coupons.v1.CreateCodeSeriesResponse> createCodeSeries(
        com.rewardscore.rewards.coupons.v1.CreateCodeSeriesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateCodeSeriesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Revokes coupons of an offer in bulk, for good: they can no longer be activated, redeemed
     * or reversed. A coupon with a redemption in effect is never revoked; it is counted in
     * redeemed_count instead. Coupons issued after the call are not affected (deactivate the
     * offer to stop issuing). Safe against concurrent redemptions: each coupon is either
     * redeemed or revoked, never both. ALL_UNREDEEMED and UNISSUED_ONLY also revoke the offer's
     * unissued codes (generated or imported, not issued yet): they leave the series' pools for
     * good, and an IssueCoupon running at the same time either issued its code before the
     * revocation or gets another (CODES_EXHAUSTED once none is left), never a revoked one.
     * A revoked code may be uploaded again (ImportCodes, or a BulkIssueCoupons row naming it) to
     * issue it to another customer.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.coupons.v1.RevokeCouponsResponse> revokeCoupons(
        com.rewardscore.rewards.coupons.v1.RevokeCouponsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRevokeCouponsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Puts accounts on the offer's customer list: with OfferRules.listed_accounts_only, only they
     * can be issued its coupons. Accounts listed already are skipped.
     * Errors: OFFER_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.coupons.v1.AddOfferCustomersResponse> addOfferCustomers(
        com.rewardscore.rewards.coupons.v1.AddOfferCustomersRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAddOfferCustomersMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_OFFER = 0;
  private static final int METHODID_GET_OFFER = 1;
  private static final int METHODID_UPDATE_OFFER = 2;
  private static final int METHODID_LIST_OFFERS = 3;
  private static final int METHODID_ACTIVATE_OFFER = 4;
  private static final int METHODID_DEACTIVATE_OFFER = 5;
  private static final int METHODID_CREATE_CODE_SERIES = 6;
  private static final int METHODID_GENERATE_CODES = 7;
  private static final int METHODID_REVOKE_COUPONS = 8;
  private static final int METHODID_ADD_OFFER_CUSTOMERS = 9;
  private static final int METHODID_IMPORT_CODES = 10;

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
        case METHODID_CREATE_OFFER:
          serviceImpl.createOffer((com.rewardscore.rewards.coupons.v1.CreateOfferRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.CreateOfferResponse>) responseObserver);
          break;
        case METHODID_GET_OFFER:
          serviceImpl.getOffer((com.rewardscore.rewards.coupons.v1.GetOfferRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.GetOfferResponse>) responseObserver);
          break;
        case METHODID_UPDATE_OFFER:
          serviceImpl.updateOffer((com.rewardscore.rewards.coupons.v1.UpdateOfferRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.UpdateOfferResponse>) responseObserver);
          break;
        case METHODID_LIST_OFFERS:
          serviceImpl.listOffers((com.rewardscore.rewards.coupons.v1.ListOffersRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ListOffersResponse>) responseObserver);
          break;
        case METHODID_ACTIVATE_OFFER:
          serviceImpl.activateOffer((com.rewardscore.rewards.coupons.v1.ActivateOfferRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ActivateOfferResponse>) responseObserver);
          break;
        case METHODID_DEACTIVATE_OFFER:
          serviceImpl.deactivateOffer((com.rewardscore.rewards.coupons.v1.DeactivateOfferRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.DeactivateOfferResponse>) responseObserver);
          break;
        case METHODID_CREATE_CODE_SERIES:
          serviceImpl.createCodeSeries((com.rewardscore.rewards.coupons.v1.CreateCodeSeriesRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.CreateCodeSeriesResponse>) responseObserver);
          break;
        case METHODID_GENERATE_CODES:
          serviceImpl.generateCodes((com.rewardscore.rewards.coupons.v1.GenerateCodesRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.GenerateCodesResponse>) responseObserver);
          break;
        case METHODID_REVOKE_COUPONS:
          serviceImpl.revokeCoupons((com.rewardscore.rewards.coupons.v1.RevokeCouponsRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.RevokeCouponsResponse>) responseObserver);
          break;
        case METHODID_ADD_OFFER_CUSTOMERS:
          serviceImpl.addOfferCustomers((com.rewardscore.rewards.coupons.v1.AddOfferCustomersRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.AddOfferCustomersResponse>) responseObserver);
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
        case METHODID_IMPORT_CODES:
          return (io.grpc.stub.StreamObserver<Req>) serviceImpl.importCodes(
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ImportCodesResponse>) responseObserver);
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getCreateOfferMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.CreateOfferRequest,
              com.rewardscore.rewards.coupons.v1.CreateOfferResponse>(
                service, METHODID_CREATE_OFFER)))
        .addMethod(
          getGetOfferMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.GetOfferRequest,
              com.rewardscore.rewards.coupons.v1.GetOfferResponse>(
                service, METHODID_GET_OFFER)))
        .addMethod(
          getUpdateOfferMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.UpdateOfferRequest,
              com.rewardscore.rewards.coupons.v1.UpdateOfferResponse>(
                service, METHODID_UPDATE_OFFER)))
        .addMethod(
          getListOffersMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.ListOffersRequest,
              com.rewardscore.rewards.coupons.v1.ListOffersResponse>(
                service, METHODID_LIST_OFFERS)))
        .addMethod(
          getActivateOfferMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.ActivateOfferRequest,
              com.rewardscore.rewards.coupons.v1.ActivateOfferResponse>(
                service, METHODID_ACTIVATE_OFFER)))
        .addMethod(
          getDeactivateOfferMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.DeactivateOfferRequest,
              com.rewardscore.rewards.coupons.v1.DeactivateOfferResponse>(
                service, METHODID_DEACTIVATE_OFFER)))
        .addMethod(
          getCreateCodeSeriesMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.CreateCodeSeriesRequest,
              com.rewardscore.rewards.coupons.v1.CreateCodeSeriesResponse>(
                service, METHODID_CREATE_CODE_SERIES)))
        .addMethod(
          getGenerateCodesMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.GenerateCodesRequest,
              com.rewardscore.rewards.coupons.v1.GenerateCodesResponse>(
                service, METHODID_GENERATE_CODES)))
        .addMethod(
          getImportCodesMethod(),
          io.grpc.stub.ServerCalls.asyncClientStreamingCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.ImportCodesRequest,
              com.rewardscore.rewards.coupons.v1.ImportCodesResponse>(
                service, METHODID_IMPORT_CODES)))
        .addMethod(
          getRevokeCouponsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.RevokeCouponsRequest,
              com.rewardscore.rewards.coupons.v1.RevokeCouponsResponse>(
                service, METHODID_REVOKE_COUPONS)))
        .addMethod(
          getAddOfferCustomersMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.AddOfferCustomersRequest,
              com.rewardscore.rewards.coupons.v1.AddOfferCustomersResponse>(
                service, METHODID_ADD_OFFER_CUSTOMERS)))
        .build();
  }

  private static abstract class OfferServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    OfferServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.rewardscore.rewards.coupons.v1.OfferServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("OfferService");
    }
  }

  private static final class OfferServiceFileDescriptorSupplier
      extends OfferServiceBaseDescriptorSupplier {
    OfferServiceFileDescriptorSupplier() {}
  }

  private static final class OfferServiceMethodDescriptorSupplier
      extends OfferServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    OfferServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (OfferServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new OfferServiceFileDescriptorSupplier())
              .addMethod(getCreateOfferMethod())
              .addMethod(getGetOfferMethod())
              .addMethod(getUpdateOfferMethod())
              .addMethod(getListOffersMethod())
              .addMethod(getActivateOfferMethod())
              .addMethod(getDeactivateOfferMethod())
              .addMethod(getCreateCodeSeriesMethod())
              .addMethod(getGenerateCodesMethod())
              .addMethod(getImportCodesMethod())
              .addMethod(getRevokeCouponsMethod())
              .addMethod(getAddOfferCustomersMethod())
              .build();
        }
      }
    }
    return result;
  }
}
