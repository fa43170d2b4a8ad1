package com.rewardscore.rewards.checkout.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * One basket, all or nothing: coupon redemptions, a points burn and a points earn for one
 * purchase, in two phases like a card payment. AuthorizeBasket reserves everything (limits,
 * codes, points) or nothing; CaptureBasket makes it final; VoidBasket releases it. An
 * authorized basket neither captured nor voided before its expire_time is released.
 * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.checkout"). Besides
 * the reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID,
 * FIELD_TOO_LONG, FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC
 * with IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC
 * with the transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING,
 * STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class CheckoutServiceGrpc {

  private CheckoutServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "rewards.checkout.v1.CheckoutService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.checkout.v1.AuthorizeBasketRequest,
      com.rewardscore.rewards.checkout.v1.AuthorizeBasketResponse> getAuthorizeBasketMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AuthorizeBasket",
      requestType = com.rewardscore.rewards.checkout.v1.AuthorizeBasketRequest.class,
      responseType = com.rewardscore.rewards.checkout.v1.AuthorizeBasketResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.checkout.v1.AuthorizeBasketRequest,
      com.rewardscore.rewards.checkout.v1.AuthorizeBasketResponse> getAuthorizeBasketMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.checkout.v1.AuthorizeBasketRequest, com.rewardscore.rewards.checkout.v1.AuthorizeBasketResponse> getAuthorizeBasketMethod;
    if ((getAuthorizeBasketMethod = CheckoutServiceGrpc.getAuthorizeBasketMethod) == null) {
      synchronized (CheckoutServiceGrpc.class) {
        if ((getAuthorizeBasketMethod = CheckoutServiceGrpc.getAuthorizeBasketMethod) == null) {
          CheckoutServiceGrpc.getAuthorizeBasketMethod = getAuthorizeBasketMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.checkout.v1.AuthorizeBasketRequest, com.rewardscore.rewards.checkout.v1.AuthorizeBasketResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AuthorizeBasket"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.checkout.v1.AuthorizeBasketRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.checkout.v1.AuthorizeBasketResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CheckoutServiceMethodDescriptorSupplier("AuthorizeBasket"))
              .build();
        }
      }
    }
    return getAuthorizeBasketMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.checkout.v1.CaptureBasketRequest,
      com.rewardscore.rewards.checkout.v1.CaptureBasketResponse> getCaptureBasketMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CaptureBasket",
      requestType = com.rewardscore.rewards.checkout.v1.CaptureBasketRequest.class,
      responseType = com.rewardscore.rewards.checkout.v1.CaptureBasketResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.checkout.v1.CaptureBasketRequest,
      com.rewardscore.rewards.checkout.v1.CaptureBasketResponse> getCaptureBasketMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.checkout.v1.CaptureBasketRequest, com.rewardscore.rewards.checkout.v1.CaptureBasketResponse> getCaptureBasketMethod;
    if ((getCaptureBasketMethod = CheckoutServiceGrpc.getCaptureBasketMethod) == null) {
      synchronized (CheckoutServiceGrpc.class) {
        if ((getCaptureBasketMethod = CheckoutServiceGrpc.getCaptureBasketMethod) == null) {
          CheckoutServiceGrpc.getCaptureBasketMethod = getCaptureBasketMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.checkout.v1.CaptureBasketRequest, com.rewardscore.rewards.checkout.v1.CaptureBasketResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CaptureBasket"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.checkout.v1.CaptureBasketRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.checkout.v1.CaptureBasketResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CheckoutServiceMethodDescriptorSupplier("CaptureBasket"))
              .build();
        }
      }
    }
    return getCaptureBasketMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.checkout.v1.VoidBasketRequest,
      com.rewardscore.rewards.checkout.v1.VoidBasketResponse> getVoidBasketMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "VoidBasket",
      requestType = com.rewardscore.rewards.checkout.v1.VoidBasketRequest.class,
      responseType = com.rewardscore.rewards.checkout.v1.VoidBasketResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.checkout.v1.VoidBasketRequest,
      com.rewardscore.rewards.checkout.v1.VoidBasketResponse> getVoidBasketMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.checkout.v1.VoidBasketRequest, com.rewardscore.rewards.checkout.v1.VoidBasketResponse> getVoidBasketMethod;
    if ((getVoidBasketMethod = CheckoutServiceGrpc.getVoidBasketMethod) == null) {
      synchronized (CheckoutServiceGrpc.class) {
        if ((getVoidBasketMethod = CheckoutServiceGrpc.getVoidBasketMethod) == null) {
          CheckoutServiceGrpc.getVoidBasketMethod = getVoidBasketMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.checkout.v1.VoidBasketRequest, com.rewardscore.rewards.checkout.v1.VoidBasketResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "VoidBasket"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.checkout.v1.VoidBasketRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.checkout.v1.VoidBasketResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CheckoutServiceMethodDescriptorSupplier("VoidBasket"))
              .build();
        }
      }
    }
    return getVoidBasketMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.checkout.v1.GetBasketRequest,
      com.rewardscore.rewards.checkout.v1.GetBasketResponse> getGetBasketMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetBasket",
      requestType = com.rewardscore.rewards.checkout.v1.GetBasketRequest.class,
      responseType = com.rewardscore.rewards.checkout.v1.GetBasketResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.checkout.v1.GetBasketRequest,
      com.rewardscore.rewards.checkout.v1.GetBasketResponse> getGetBasketMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.checkout.v1.GetBasketRequest, com.rewardscore.rewards.checkout.v1.GetBasketResponse> getGetBasketMethod;
    if ((getGetBasketMethod = CheckoutServiceGrpc.getGetBasketMethod) == null) {
      synchronized (CheckoutServiceGrpc.class) {
        if ((getGetBasketMethod = CheckoutServiceGrpc.getGetBasketMethod) == null) {
          CheckoutServiceGrpc.getGetBasketMethod = getGetBasketMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.checkout.v1.GetBasketRequest, com.rewardscore.rewards.checkout.v1.GetBasketResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetBasket"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.checkout.v1.GetBasketRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.checkout.v1.GetBasketResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CheckoutServiceMethodDescriptorSupplier("GetBasket"))
              .build();
        }
      }
    }
    return getGetBasketMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.checkout.v1.ListBasketsRequest,
      com.rewardscore.rewards.checkout.v1.ListBasketsResponse> getListBasketsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListBaskets",
      requestType = com.rewardscore.rewards.checkout.v1.ListBasketsRequest.class,
      responseType = com.rewardscore.rewards.checkout.v1.ListBasketsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.checkout.v1.ListBasketsRequest,
      com.rewardscore.rewards.checkout.v1.ListBasketsResponse> getListBasketsMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.checkout.v1.ListBasketsRequest, com.rewardscore.rewards.checkout.v1.ListBasketsResponse> getListBasketsMethod;
    if ((getListBasketsMethod = CheckoutServiceGrpc.getListBasketsMethod) == null) {
      synchronized (CheckoutServiceGrpc.class) {
        if ((getListBasketsMethod = CheckoutServiceGrpc.getListBasketsMethod) == null) {
          CheckoutServiceGrpc.getListBasketsMethod = getListBasketsMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.checkout.v1.ListBasketsRequest, com.rewardscore.rewards.checkout.v1.ListBasketsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListBaskets"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.checkout.v1.ListBasketsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.checkout.v1.ListBasketsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CheckoutServiceMethodDescriptorSupplier("ListBaskets"))
              .build();
        }
      }
    }
    return getListBasketsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.checkout.v1.RefundBasketRequest,
      com.rewardscore.rewards.checkout.v1.RefundBasketResponse> getRefundBasketMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RefundBasket",
      requestType = com.rewardscore.rewards.checkout.v1.RefundBasketRequest.class,
      responseType = com.rewardscore.rewards.checkout.v1.RefundBasketResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.checkout.v1.RefundBasketRequest,
      com.rewardscore.rewards.checkout.v1.RefundBasketResponse> getRefundBasketMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.checkout.v1.RefundBasketRequest, com.rewardscore.rewards.checkout.v1.RefundBasketResponse> getRefundBasketMethod;
    if ((getRefundBasketMethod = CheckoutServiceGrpc.getRefundBasketMethod) == null) {
      synchronized (CheckoutServiceGrpc.class) {
        if ((getRefundBasketMethod = CheckoutServiceGrpc.getRefundBasketMethod) == null) {
          CheckoutServiceGrpc.getRefundBasketMethod = getRefundBasketMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.checkout.v1.RefundBasketRequest, com.rewardscore.rewards.checkout.v1.RefundBasketResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RefundBasket"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.checkout.v1.RefundBasketRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.checkout.v1.RefundBasketResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CheckoutServiceMethodDescriptorSupplier("RefundBasket"))
              .build();
        }
      }
    }
    return getRefundBasketMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static CheckoutServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CheckoutServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CheckoutServiceStub>() {
        @java.lang.Override
        public CheckoutServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CheckoutServiceStub(channel, callOptions);
        }
      };
    return CheckoutServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static CheckoutServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CheckoutServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CheckoutServiceBlockingV2Stub>() {
        @java.lang.Override
        public CheckoutServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CheckoutServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return CheckoutServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static CheckoutServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CheckoutServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CheckoutServiceBlockingStub>() {
        @java.lang.Override
        public CheckoutServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CheckoutServiceBlockingStub(channel, callOptions);
        }
      };
    return CheckoutServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static CheckoutServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CheckoutServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CheckoutServiceFutureStub>() {
        @java.lang.Override
        public CheckoutServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CheckoutServiceFutureStub(channel, callOptions);
        }
      };
    return CheckoutServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * One basket, all or nothing: coupon redemptions, a points burn and a points earn for one
   * purchase, in two phases like a card payment. AuthorizeBasket reserves everything (limits,
   * codes, points) or nothing; CaptureBasket makes it final; VoidBasket releases it. An
   * authorized basket neither captured nor voided before its expire_time is released.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.checkout"). Besides
   * the reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID,
   * FIELD_TOO_LONG, FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC
   * with IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC
   * with the transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING,
   * STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Prices and reserves a basket: applies the coupons, reserves the points burn (checking its
     * OTP) and computes the points to earn. Either every part is reserved, or nothing is and
     * the RPC fails with the first failing reason (metadata "coupon_code" for a coupon) -
     * except that with skip_invalid_coupons a failing coupon is left out and reported in
     * Basket.coupon_results instead.
     * Every coupon rule and limit, the wallet's balance and thresholds and the OTP are checked by
     * the same code as CouponService.RedeemCoupon and LoyaltyService.RedeemPoints; the points to
     * earn are computed as LoyaltyService.EarnPoints computes them (on payable_amount). The hold
     * is durable: a restart keeps it until capture, void or expire_time.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE (FAILED_PRECONDITION),
     * TRANSACTION_ALREADY_AUTHORIZED (ALREADY_EXISTS; another authorized or captured basket of
     * the account has this transaction_id), TOTAL_AMOUNT_MISMATCH (INVALID_ARGUMENT; lines do not
     * add up to total_amount), CURRENCY_MISMATCH (INVALID_ARGUMENT), every
     * CouponService.RedeemCoupon reason (COUPON_APPLIES_AT_EARN excepted: EXTRAPOINT and
     * MULTIPLIER coupons add to the basket's earn), every LoyaltyService.RedeemPoints reason,
     * MEMBERSHIP_REQUIRED (FAILED_PRECONDITION; earn_points and Program.earn_requires_owner, or
     * points to burn and Program.burn_requires_owner, for an account without an OWNER; metadata
     * "action"). A basket's earn gives no lucky-draw points or numbers (Program.lucky_draw): only
     * LoyaltyService.EarnPoints does.
     * </pre>
     */
    default void authorizeBasket(com.rewardscore.rewards.checkout.v1.AuthorizeBasketRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.checkout.v1.AuthorizeBasketResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAuthorizeBasketMethod(), responseObserver);
    }

    /**
     * <pre>
     * Makes an AUTHORIZED basket final: posts its redemptions, points burn and earn in one
     * transaction. With final_total_amount (a line dropped at the till), the discounts are
     * recomputed on it in order, a coupon whose bill rule no longer holds is left out (reported
     * in coupon_results, its hold released) and the earn is computed on the new payable_amount.
     * A retry with the same request_id answers the same; capture and expiry racing: exactly one
     * wins.
     * Errors: BASKET_NOT_FOUND (NOT_FOUND), BASKET_ALREADY_CAPTURED (a capture with another
     * request_id), BASKET_VOIDED, BASKET_EXPIRED (FAILED_PRECONDITION),
     * CAPTURE_AMOUNT_EXCEEDS_AUTHORIZED (INVALID_ARGUMENT), PURCHASE_ALREADY_EARNED
     * (ALREADY_EXISTS).
     * </pre>
     */
    default void captureBasket(com.rewardscore.rewards.checkout.v1.CaptureBasketRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.checkout.v1.CaptureBasketResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCaptureBasketMethod(), responseObserver);
    }

    /**
     * <pre>
     * Releases an AUTHORIZED basket: its coupon uses, limits and points are given back. Voiding
     * a VOIDED or EXPIRED basket succeeds without change. A CAPTURED basket cannot be voided:
     * reverse its parts with CouponService.ReverseRedemption and LoyaltyService.RefundPoints.
     * Errors: BASKET_NOT_FOUND (NOT_FOUND), BASKET_ALREADY_CAPTURED (FAILED_PRECONDITION).
     * </pre>
     */
    default void voidBasket(com.rewardscore.rewards.checkout.v1.VoidBasketRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.checkout.v1.VoidBasketResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getVoidBasketMethod(), responseObserver);
    }

    /**
     * <pre>
     * Reads one basket.
     * Errors: BASKET_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    default void getBasket(com.rewardscore.rewards.checkout.v1.GetBasketRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.checkout.v1.GetBasketResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetBasketMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists an account's baskets, newest authorization first, optionally in some states only.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    default void listBaskets(com.rewardscore.rewards.checkout.v1.ListBasketsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.checkout.v1.ListBasketsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListBasketsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Takes back (part of) a CAPTURED basket: returned lines, by line index and item count.
     * The returned value is each returned line's line_amount pro rata of its units (rounded
     * down), and all refunds of the basket together never exceed the captured total_amount.
     * The earn is reversed in proportion (a REFUND of the earn's points transaction, as
     * LoyaltyService.RefundPoints does it): after each refund, the earn's refunded points are
     * floor(earned_points * returned value so far / total_amount), all of them once every unit
     * is returned. The points burn is not given back (it was tender: refund it with
     * LoyaltyService.RefundPoints on burn_points_transaction_id if the retailer wants to).
     * Coupons, in the basket's order, are priced again on what the customer keeps (the captured
     * total minus every return so far): a coupon whose bill rule (min or max bill amount) no
     * longer holds, a FREE_ITEM coupon whose item is returned in full, and every coupon once
     * everything is returned, is reversed as CouponService.ReverseRedemption reverses it (its use
     * and limits given back); a coupon revoked since is not given back (reported). The discount
     * itself is the retailer's to settle: this RPC says which coupons were reversed.
     * Errors: BASKET_NOT_FOUND (NOT_FOUND), BASKET_NOT_CAPTURED (FAILED_PRECONDITION; the basket
     * is not CAPTURED), REFUND_EXCEEDS_CAPTURED (FAILED_PRECONDITION; more units of a line than
     * are left to return, metadata "line_index" and "returnable_item_count", or nothing left),
     * BASKET_REFUNDED_CONCURRENTLY (ABORTED; another refund of the basket committed first: retry).
     * </pre>
     */
    default void refundBasket(com.rewardscore.rewards.checkout.v1.RefundBasketRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.checkout.v1.RefundBasketResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRefundBasketMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service CheckoutService.
   * <pre>
   * One basket, all or nothing: coupon redemptions, a points burn and a points earn for one
   * purchase, in two phases like a card payment. AuthorizeBasket reserves everything (limits,
   * codes, points) or nothing; CaptureBasket makes it final; VoidBasket releases it. An
   * authorized basket neither captured nor voided before its expire_time is released.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.checkout"). Besides
   * the reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID,
   * FIELD_TOO_LONG, FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC
   * with IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC
   * with the transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING,
   * STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static abstract class CheckoutServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return CheckoutServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service CheckoutService.
   * <pre>
   * One basket, all or nothing: coupon redemptions, a points burn and a points earn for one
   * purchase, in two phases like a card payment. AuthorizeBasket reserves everything (limits,
   * codes, points) or nothing; CaptureBasket makes it final; VoidBasket releases it. An
   * authorized basket neither captured nor voided before its expire_time is released.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.checkout"). Besides
   * the reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID,
   * FIELD_TOO_LONG, FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC
   * with IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC
   * with the transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING,
   * STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class CheckoutServiceStub
      extends io.grpc.stub.AbstractAsyncStub<CheckoutServiceStub> {
    private CheckoutServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CheckoutServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CheckoutServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Prices and reserves a basket: applies the coupons, reserves the points burn (checking its
     * OTP) and computes the points to earn. Either every part is reserved, or nothing is and
     * the RPC fails with the first failing reason (metadata "coupon_code" for a coupon) -
     * except that with skip_invalid_coupons a failing coupon is left out and reported in
     * Basket.coupon_results instead.
     * Every coupon rule and limit, the wallet's balance and thresholds and the OTP are checked by
     * the same code as CouponService.RedeemCoupon and LoyaltyService.RedeemPoints; the points to
     * earn are computed as LoyaltyService.EarnPoints computes them (on payable_amount). The hold
     * is durable: a restart keeps it until capture, void or expire_time.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE (FAILED_PRECONDITION),
     * TRANSACTION_ALREADY_AUTHORIZED (ALREADY_EXISTS; another authorized or captured basket of
     * the account has this transaction_id), TOTAL_AMOUNT_MISMATCH (INVALID_ARGUMENT; lines do not
     * add up to total_amount), CURRENCY_MISMATCH (INVALID_ARGUMENT), every
     * CouponService.RedeemCoupon reason (COUPON_APPLIES_AT_EARN excepted: EXTRAPOINT and
     * MULTIPLIER coupons add to the basket's earn), every LoyaltyService.RedeemPoints reason,
     * MEMBERSHIP_REQUIRED (FAILED_PRECONDITION; earn_points and Program.earn_requires_owner, or
     * points to burn and Program.burn_requires_owner, for an account without an OWNER; metadata
     * "action"). A basket's earn gives no lucky-draw points or numbers (Program.lucky_draw): only
     * LoyaltyService.EarnPoints does.
     * </pre>
     */
    public void authorizeBasket(com.rewardscore.rewards.checkout.v1.AuthorizeBasketRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.checkout.v1.AuthorizeBasketResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAuthorizeBasketMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Makes an AUTHORIZED basket final: posts its redemptions, points burn and earn in one
     * transaction. With final_total_amount (a line dropped at the till), the discounts are
     * recomputed on it in order, a coupon whose bill rule no longer holds is left out (reported
     * in coupon_results, its hold released) and the earn is computed on the new payable_amount.
     * A retry with the same request_id answers the same; capture and expiry racing: exactly one
     * wins.
     * Errors: BASKET_NOT_FOUND (NOT_FOUND), BASKET_ALREADY_CAPTURED (a capture with another
     * request_id), BASKET_VOIDED, BASKET_EXPIRED (FAILED_PRECONDITION),
     * CAPTURE_AMOUNT_EXCEEDS_AUTHORIZED (INVALID_ARGUMENT), PURCHASE_ALREADY_EARNED
     * (ALREADY_EXISTS).
     * </pre>
     */
    public void captureBasket(com.rewardscore.rewards.checkout.v1.CaptureBasketRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.checkout.v1.CaptureBasketResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCaptureBasketMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Releases an AUTHORIZED basket: its coupon uses, limits and points are given back. Voiding
     * a VOIDED or EXPIRED basket succeeds without change. A CAPTURED basket cannot be voided:
     * reverse its parts with CouponService.ReverseRedemption and LoyaltyService.RefundPoints.
     * Errors: BASKET_NOT_FOUND (NOT_FOUND), BASKET_ALREADY_CAPTURED (FAILED_PRECONDITION).
     * </pre>
     */
    public void voidBasket(com.rewardscore.rewards.checkout.v1.VoidBasketRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.checkout.v1.VoidBasketResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getVoidBasketMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Reads one basket.
     * Errors: BASKET_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public void getBasket(com.rewardscore.rewards.checkout.v1.GetBasketRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.checkout.v1.GetBasketResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetBasketMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists an account's baskets, newest authorization first, optionally in some states only.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public void listBaskets(com.rewardscore.rewards.checkout.v1.ListBasketsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.checkout.v1.ListBasketsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListBasketsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Takes back (part of) a CAPTURED basket: returned lines, by line index and item count.
     * The returned value is each returned line's line_amount pro rata of its units (rounded
     * down), and all refunds of the basket together never exceed the captured total_amount.
     * The earn is reversed in proportion (a REFUND of the earn's points transaction, as
     * LoyaltyService.RefundPoints does it): after each refund, the earn's refunded points are
     * floor(earned_points * returned value so far / total_amount), all of them once every unit
     * is returned. The points burn is not given back (it was tender: refund it with
     * LoyaltyService.RefundPoints on burn_points_transaction_id if the retailer wants to).
     * Coupons, in the basket's order, are priced again on what the customer keeps (the captured
     * total minus every return so far): a coupon whose bill rule (min or max bill amount) no
     * longer holds, a FREE_ITEM coupon whose item is returned in full, and every coupon once
     * everything is returned, is reversed as CouponService.ReverseRedemption reverses it (its use
     * and limits given back); a coupon revoked since is not given back (reported). The discount
     * itself is the retailer's to settle: this RPC says which coupons were reversed.
     * Errors: BASKET_NOT_FOUND (NOT_FOUND), BASKET_NOT_CAPTURED (FAILED_PRECONDITION; the basket
     * is not CAPTURED), REFUND_EXCEEDS_CAPTURED (FAILED_PRECONDITION; more units of a line than
     * are left to return, metadata "line_index" and "returnable_item_count", or nothing left),
     * BASKET_REFUNDED_CONCURRENTLY (ABORTED; another refund of the basket committed first: retry).
     * </pre>
     */
    public void refundBasket(com.rewardscore.rewards.checkout.v1.RefundBasketRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.checkout.v1.RefundBasketResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRefundBasketMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service CheckoutService.
   * <pre>
   * One basket, all or nothing: coupon redemptions, a points burn and a points earn for one
   * purchase, in two phases like a card payment. AuthorizeBasket reserves everything (limits,
   * codes, points) or nothing; CaptureBasket makes it final; VoidBasket releases it. An
   * authorized basket neither captured nor voided before its expire_time is released.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.checkout"). Besides
   * the reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID,
   * FIELD_TOO_LONG, FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC
   * with IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC
   * with the transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING,
   * STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class CheckoutServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<CheckoutServiceBlockingV2Stub> {
    private CheckoutServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CheckoutServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CheckoutServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Prices and reserves a basket: applies the coupons, reserves the points burn (checking its
     * OTP) and computes the points to earn. Either every part is reserved, or nothing is and
     * the RPC fails with the first failing reason (metadata "coupon_code" for a coupon) -
     * except that with skip_invalid_coupons a failing coupon is left out and reported in
     * Basket.coupon_results instead.
     * Every coupon rule and limit, the wallet's balance and thresholds and the OTP are checked by
     * the same code as CouponService.RedeemCoupon and LoyaltyService.RedeemPoints; the points to
     * earn are computed as LoyaltyService.EarnPoints computes them (on payable_amount). The hold
     * is durable: a restart keeps it until capture, void or expire_time.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE (FAILED_PRECONDITION),
     * TRANSACTION_ALREADY_AUTHORIZED (ALREADY_EXISTS; another authorized or captured basket of
     * the account has this transaction_id), TOTAL_AMOUNT_MISMATCH (INVALID_ARGUMENT; lines do not
     * add up to total_amount), CURRENCY_MISMATCH (INVALID_ARGUMENT), every
     * CouponService.RedeemCoupon reason (COUPON_APPLIES_AT_EARN excepted: EXTRAPOINT and
     * MULTIPLIER coupons add to the basket's earn), every LoyaltyService.RedeemPoints reason,
     * MEMBERSHIP_REQUIRED (FAILED_PRECONDITION; earn_points and Program.earn_requires_owner, or
     * points to burn and Program.burn_requires_owner, for an account without an OWNER; metadata
     * "action"). A basket's earn gives no lucky-draw points or numbers (Program.lucky_draw): only
     * LoyaltyService.EarnPoints does.
     * </pre>
     */
    public com.rewardscore.rewards.checkout.v1.AuthorizeBasketResponse authorizeBasket(com.rewardscore.rewards.checkout.v1.AuthorizeBasketRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getAuthorizeBasketMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Makes an AUTHORIZED basket final: posts its redemptions, points burn and earn in one
     * transaction. With final_total_amount (a line dropped at the till), the discounts are
     * recomputed on it in order, a coupon whose bill rule no longer holds is left out (reported
     * in coupon_results, its hold released) and the earn is computed on the new payable_amount.
     * A retry with the same request_id answers the same; capture and expiry racing: exactly one
     * wins.
     * Errors: BASKET_NOT_FOUND (NOT_FOUND), BASKET_ALREADY_CAPTURED (a capture with another
     * request_id), BASKET_VOIDED, BASKET_EXPIRED (FAILED_PRECONDITION),
     * CAPTURE_AMOUNT_EXCEEDS_AUTHORIZED (INVALID_ARGUMENT), PURCHASE_ALREADY_EARNED
     * (ALREADY_EXISTS).
     * </pre>
     */
    public com.rewardscore.rewards.checkout.v1.CaptureBasketResponse captureBasket(com.rewardscore.rewards.checkout.v1.CaptureBasketRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCaptureBasketMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Releases an AUTHORIZED basket: its coupon uses, limits and points are given back. Voiding
     * a VOIDED or EXPIRED basket succeeds without change. A CAPTURED basket cannot be voided:
     * reverse its parts with CouponService.ReverseRedemption and LoyaltyService.RefundPoints.
     * Errors: BASKET_NOT_FOUND (NOT_FOUND), BASKET_ALREADY_CAPTURED (FAILED_PRECONDITION).
     * </pre>
     */
    public com.rewardscore.rewards.checkout.v1.VoidBasketResponse voidBasket(com.rewardscore.rewards.checkout.v1.VoidBasketRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getVoidBasketMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads one basket.
     * Errors: BASKET_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.checkout.v1.GetBasketResponse getBasket(com.rewardscore.rewards.checkout.v1.GetBasketRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetBasketMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists an account's baskets, newest authorization first, optionally in some states only.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.checkout.v1.ListBasketsResponse listBaskets(com.rewardscore.rewards.checkout.v1.ListBasketsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListBasketsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Takes back (part of) a CAPTURED basket: returned lines, by line index and item count.
     * The returned value is each returned line's line_amount pro rata of its units (rounded
     * down), and all refunds of the basket together never exceed the captured total_amount.
     * The earn is reversed in proportion (a REFUND of the earn's points transaction, as
     * LoyaltyService.RefundPoints does it): after each refund, the earn's refunded points are
     * floor(earned_points * returned value so far / total_amount), all of them once every unit
     * is returned. The points burn is not given back (it was tender: refund it with
     * LoyaltyService.RefundPoints on burn_points_transaction_id if the retailer wants to).
     * Coupons, in the basket's order, are priced again on what the customer keeps (the captured
     * total minus every return so far): a coupon whose bill rule (min or max bill amount) no
     * longer holds, a FREE_ITEM coupon whose item is returned in full, and every coupon once
     * everything is returned, is reversed as CouponService.ReverseRedemption reverses it (its use
     * and limits given back); a coupon revoked since is not given back (reported). The discount
     * itself is the retailer's to settle: this RPC says which coupons were reversed.
     * Errors: BASKET_NOT_FOUND (NOT_FOUND), BASKET_NOT_CAPTURED (FAILED_PRECONDITION; the basket
     * is not CAPTURED), REFUND_EXCEEDS_CAPTURED (FAILED_PRECONDITION; more units of a line than
     * are left to return, metadata "line_index" and "returnable_item_count", or nothing left),
     * BASKET_REFUNDED_CONCURRENTLY (ABORTED; another refund of the basket committed first: retry).
     * </pre>
     */
    public com.rewardscore.rewards.checkout.v1.RefundBasketResponse refundBasket(com.rewardscore.rewards.checkout.v1.RefundBasketRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRefundBasketMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service CheckoutService.
   * <pre>
   * One basket, all or nothing: coupon redemptions, a points burn and a points earn for one
   * purchase, in two phases like a card payment. AuthorizeBasket reserves everything (limits,
   * codes, points) or nothing; CaptureBasket makes it final; VoidBasket releases it. An
   * authorized basket neither captured nor voided before its expire_time is released.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.checkout"). Besides
   * the reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID,
   * FIELD_TOO_LONG, FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC
   * with IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC
   * with the transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING,
   * STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class CheckoutServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<CheckoutServiceBlockingStub> {
    private CheckoutServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CheckoutServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CheckoutServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Prices and reserves a basket: applies the coupons, reserves the points burn (checking its
     * OTP) and computes the points to earn. Either every part is reserved, or nothing is and
     * the RPC fails with the first failing reason (metadata "coupon_code" for a coupon) -
     * except that with skip_invalid_coupons a failing coupon is left out and reported in
     * Basket.coupon_results instead.
     * Every coupon rule and limit, the wallet's balance and thresholds and the OTP are checked by
     * the same code as CouponService.RedeemCoupon and LoyaltyService.RedeemPoints; the points to
     * earn are computed as LoyaltyService.EarnPoints computes them (on payable_amount). The hold
     * is durable: a restart keeps it until capture, void or expire_time.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE (FAILED_PRECONDITION),
     * TRANSACTION_ALREADY_AUTHORIZED (ALREADY_EXISTS; another authorized or captured basket of
     * the account has this transaction_id), TOTAL_AMOUNT_MISMATCH (INVALID_ARGUMENT; lines do not
     * add up to total_amount), CURRENCY_MISMATCH (INVALID_ARGUMENT), every
     * CouponService.RedeemCoupon reason (COUPON_APPLIES_AT_EARN excepted: EXTRAPOINT and
     * MULTIPLIER coupons add to the basket's earn), every LoyaltyService.RedeemPoints reason,
     * MEMBERSHIP_REQUIRED (FAILED_PRECONDITION; earn_points and Program.earn_requires_owner, or
     * points to burn and Program.burn_requires_owner, for an account without an OWNER; metadata
     * "action"). A basket's earn gives no lucky-draw points or numbers (Program.lucky_draw): only
     * LoyaltyService.EarnPoints does.
     * </pre>
     */
    public com.rewardscore.rewards.checkout.v1.AuthorizeBasketResponse authorizeBasket(com.rewardscore.rewards.checkout.v1.AuthorizeBasketRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAuthorizeBasketMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Makes an AUTHORIZED basket final: posts its redemptions, points burn and earn in one
     * transaction. With final_total_amount (a line dropped at the till), the discounts are
     * recomputed on it in order, a coupon whose bill rule no longer holds is left out (reported
     * in coupon_results, its hold released) and the earn is computed on the new payable_amount.
     * A retry with the same request_id answers the same; capture and expiry racing: exactly one
     * wins.
     * Errors: BASKET_NOT_FOUND (NOT_FOUND), BASKET_ALREADY_CAPTURED (a capture with another
     * request_id), BASKET_VOIDED, BASKET_EXPIRED (FAILED_PRECONDITION),
     * CAPTURE_AMOUNT_EXCEEDS_AUTHORIZED (INVALID_ARGUMENT), PURCHASE_ALREADY_EARNED
     * (ALREADY_EXISTS).
     * </pre>
     */
    public com.rewardscore.rewards.checkout.v1.CaptureBasketResponse captureBasket(com.rewardscore.rewards.checkout.v1.CaptureBasketRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCaptureBasketMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Releases an AUTHORIZED basket: its coupon uses, limits and points are given back. Voiding
     * a VOIDED or EXPIRED basket succeeds without change. A CAPTURED basket cannot be voided:
     * reverse its parts with CouponService.ReverseRedemption and LoyaltyService.RefundPoints.
     * Errors: BASKET_NOT_FOUND (NOT_FOUND), BASKET_ALREADY_CAPTURED (FAILED_PRECONDITION).
     * </pre>
     */
    public com.rewardscore.rewards.checkout.v1.VoidBasketResponse voidBasket(com.rewardscore.rewards.checkout.v1.VoidBasketRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getVoidBasketMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads one basket.
     * Errors: BASKET_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.checkout.v1.GetBasketResponse getBasket(com.rewardscore.rewards.checkout.v1.GetBasketRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetBasketMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists an account's baskets, newest authorization first, optionally in some states only.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.checkout.v1.ListBasketsResponse listBaskets(com.rewardscore.rewards.checkout.v1.ListBasketsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListBasketsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Takes back (part of) a CAPTURED basket: returned lines, by line index and item count.
     * The returned value is each returned line's line_amount pro rata of its units (rounded
     * down), and all refunds of the basket together never exceed the captured total_amount.
     * The earn is reversed in proportion (a REFUND of the earn's points transaction, as
     * LoyaltyService.RefundPoints does it): after each refund, the earn's refunded points are
     * floor(earned_points * returned value so far / total_amount), all of them once every unit
     * is returned. The points burn is not given back (it was tender: refund it with
     * LoyaltyService.RefundPoints on burn_points_transaction_id if the retailer wants to).
     * Coupons, in the basket's order, are priced again on what the customer keeps (the captured
     * total minus every return so far): a coupon whose bill rule (min or max bill amount) no
     * longer holds, a FREE_ITEM coupon whose item is returned in full, and every coupon once
     * everything is returned, is reversed as CouponService.ReverseRedemption reverses it (its use
     * and limits given back); a coupon revoked since is not given back (reported). The discount
     * itself is the retailer's to settle: this RPC says which coupons were reversed.
     * Errors: BASKET_NOT_FOUND (NOT_FOUND), BASKET_NOT_CAPTURED (FAILED_PRECONDITION; the basket
     * is not CAPTURED), REFUND_EXCEEDS_CAPTURED (FAILED_PRECONDITION; more units of a line than
     * are left to return, metadata "line_index" and "returnable_item_count", or nothing left),
     * BASKET_REFUNDED_CONCURRENTLY (ABORTED; another refund of the basket committed first: retry).
     * </pre>
     */
    public com.rewardscore.rewards.checkout.v1.RefundBasketResponse refundBasket(com.rewardscore.rewards.checkout.v1.RefundBasketRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRefundBasketMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service CheckoutService.
   * <pre>
   * One basket, all or nothing: coupon redemptions, a points burn and a points earn for one
   * purchase, in two phases like a card payment. AuthorizeBasket reserves everything (limits,
   * codes, points) or nothing; CaptureBasket makes it final; VoidBasket releases it. An
   * authorized basket neither captured nor voided before its expire_time is released.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.checkout"). Besides
   * the reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID,
   * FIELD_TOO_LONG, FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC
   * with IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC
   * with the transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING,
   * STORE_UNAVAILABLE, SHUTTING_DOWN (UNAVAILABLE).
   * </pre>
   */
  public static final class CheckoutServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<CheckoutServiceFutureStub> {
    private CheckoutServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CheckoutServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CheckoutServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Prices and reserves a basket: applies the coupons, reserves the points burn (checking its
     * OTP) and computes the points to earn. Either every part is reserved, or nothing is and
     * the RPC fails with the first failing reason (metadata "coupon_code" for a coupon) -
     * except that with skip_invalid_coupons a failing coupon is left out and reported in
     * Basket.coupon_results instead.
     * Every coupon rule and limit, the wallet's balance and thresholds and the OTP are checked by
     * the same code as CouponService.RedeemCoupon and LoyaltyService.RedeemPoints; the points to
     * earn are computed as LoyaltyService.EarnPoints computes them (on payable_amount). The hold
     * is durable: a restart keeps it until capture, void or expire_time.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE (FAILED_PRECONDITION),
     * TRANSACTION_ALREADY_AUTHORIZED (ALREADY_EXISTS; another authorized or captured basket of
     * the account has this transaction_id), TOTAL_AMOUNT_MISMATCH (INVALID_ARGUMENT; lines do not
     * add up to total_amount), CURRENCY_MISMATCH (INVALID_ARGUMENT), every
     * CouponService.RedeemCoupon reason (COUPON_APPLIES_AT_EARN excepted: EXTRAPOINT and
     * MULTIPLIER coupons add to the basket's earn), every LoyaltyService.RedeemPoints reason,
     * MEMBERSHIP_REQUIRED (FAILED_PRECONDITION; earn_points and Program.earn_requires_owner, or
     * points to burn and Program.burn_requires_owner, for an account without an OWNER; metadata
     * "action"). A basket's earn gives no lucky-draw points or numbers (Program.lucky_draw): only
     * LoyaltyService.EarnPoints does.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.checkout.v1.AuthorizeBasketResponse> authorizeBasket(
        com.rewardscore.rewards.checkout.v1.AuthorizeBasketRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAuthorizeBasketMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Makes an AUTHORIZED basket final: posts its redemptions, points burn and earn in one
     * transaction. With final_total_amount (a line dropped at the till), the discounts are
     * recomputed on it in order, a coupon whose bill rule no longer holds is left out (reported
     * in coupon_results, its hold released) and the earn is computed on the new payable_amount.
     * A retry with the same request_id answers the same; capture and expiry racing: exactly one
     * wins.
     * Errors: BASKET_NOT_FOUND (NOT_FOUND), BASKET_ALREADY_CAPTURED (a capture with another
     * request_id), BASKET_VOIDED, BASKET_EXPIRED (FAILED_PRECONDITION),
     * CAPTURE_AMOUNT_EXCEEDS_AUTHORIZED (INVALID_ARGUMENT), PURCHASE_ALREADY_EARNED
     * (ALREADY_EXISTS).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.checkout.v1.CaptureBasketResponse> captureBasket(
        com.rewardscore.rewards.checkout.v1.CaptureBasketRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCaptureBasketMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Releases an AUTHORIZED basket: its coupon uses, limits and points are given back. Voiding
     * a VOIDED or EXPIRED basket succeeds without change. A CAPTURED basket cannot be voided:
     * reverse its parts with CouponService.ReverseRedemption and LoyaltyService.RefundPoints.
     * Errors: BASKET_NOT_FOUND (NOT_FOUND), BASKET_ALREADY_CAPTURED (FAILED_PRECONDITION).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.checkout.v1.VoidBasketResponse> voidBasket(
        com.rewardscore.rewards.checkout.v1.VoidBasketRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getVoidBasketMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Reads one basket.
     * Errors: BASKET_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.checkout.v1.GetBasketResponse> getBasket(
        com.rewardscore.rewards.checkout.v1.GetBasketRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetBasketMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists an account's baskets, newest authorization first, optionally in some states only.
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.checkout.v1.ListBasketsResponse> listBaskets(
        com.rewardscore.rewards.checkout.v1.ListBasketsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListBasketsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Takes back (part of) a CAPTURED basket: returned lines, by line index and item count.
     * The returned value is each returned line's line_amount pro rata of its units (rounded
     * down), and all refunds of the basket together never exceed the captured total_amount.
     * The earn is reversed in proportion (a REFUND of the earn's points transaction, as
     * LoyaltyService.RefundPoints does it): after each refund, the earn's refunded points are
     * floor(earned_points * returned value so far / total_amount), all of them once every unit
     * is returned. The points burn is not given back (it was tender: refund it with
     * LoyaltyService.RefundPoints on burn_points_transaction_id if the retailer wants to).
     * Coupons, in the basket's order, are priced again on what the customer keeps (the captured
     * total minus every return so far): a coupon whose bill rule (min or max bill amount) no
     * longer holds, a FREE_ITEM coupon whose item is returned in full, and every coupon once
     * everything is returned, is reversed as CouponService.ReverseRedemption reverses it (its use
     * and limits given back); a coupon revoked since is not given back (reported). The discount
     * itself is the retailer's to settle: this RPC says which coupons were reversed.
     * Errors: BASKET_NOT_FOUND (NOT_FOUND), BASKET_NOT_CAPTURED (FAILED_PRECONDITION; the basket
     * is not CAPTURED), REFUND_EXCEEDS_CAPTURED (FAILED_PRECONDITION; more units of a line than
     * are left to return, metadata "line_index" and "returnable_item_count", or nothing left),
     * BASKET_REFUNDED_CONCURRENTLY (ABORTED; another refund of the basket committed first: retry).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.checkout.v1.RefundBasketResponse> refundBasket(
        com.rewardscore.rewards.checkout.v1.RefundBasketRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRefundBasketMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_AUTHORIZE_BASKET = 0;
  private static final int METHODID_CAPTURE_BASKET = 1;
  private static final int METHODID_VOID_BASKET = 2;
  private static final int METHODID_GET_BASKET = 3;
  private static final int METHODID_LIST_BASKETS = 4;
  private static final int METHODID_REFUND_BASKET = 5;

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
        case METHODID_AUTHORIZE_BASKET:
          serviceImpl.authorizeBasket((com.rewardscore.rewards.checkout.v1.AuthorizeBasketRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.checkout.v1.AuthorizeBasketResponse>) responseObserver);
          break;
        case METHODID_CAPTURE_BASKET:
          serviceImpl.captureBasket((com.rewardscore.rewards.checkout.v1.CaptureBasketRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.checkout.v1.CaptureBasketResponse>) responseObserver);
          break;
        case METHODID_VOID_BASKET:
          serviceImpl.voidBasket((com.rewardscore.rewards.checkout.v1.VoidBasketRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.checkout.v1.VoidBasketResponse>) responseObserver);
          break;
        case METHODID_GET_BASKET:
          serviceImpl.getBasket((com.rewardscore.rewards.checkout.v1.GetBasketRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.checkout.v1.GetBasketResponse>) responseObserver);
          break;
        case METHODID_LIST_BASKETS:
          serviceImpl.listBaskets((com.rewardscore.rewards.checkout.v1.ListBasketsRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.checkout.v1.ListBasketsResponse>) responseObserver);
          break;
        case METHODID_REFUND_BASKET:
          serviceImpl.refundBasket((com.rewardscore.rewards.checkout.v1.RefundBasketRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.checkout.v1.RefundBasketResponse>) responseObserver);
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
          getAuthorizeBasketMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.checkout.v1.AuthorizeBasketRequest,
              com.rewardscore.rewards.checkout.v1.AuthorizeBasketResponse>(
                service, METHODID_AUTHORIZE_BASKET)))
        .addMethod(
          getCaptureBasketMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.checkout.v1.CaptureBasketRequest,
              com.rewardscore.rewards.checkout.v1.CaptureBasketResponse>(
                service, METHODID_CAPTURE_BASKET)))
        .addMethod(
          getVoidBasketMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.checkout.v1.VoidBasketRequest,
              com.rewardscore.rewards.checkout.v1.VoidBasketResponse>(
                service, METHODID_VOID_BASKET)))
        .addMethod(
          getGetBasketMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.checkout.v1.GetBasketRequest,
              com.rewardscore.rewards.checkout.v1.GetBasketResponse>(
                service, METHODID_GET_BASKET)))
        .addMethod(
          getListBasketsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.checkout.v1.ListBasketsRequest,
              com.rewardscore.rewards.checkout.v1.ListBasketsResponse>(
                service, METHODID_LIST_BASKETS)))
        .addMethod(
          getRefundBasketMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.checkout.v1.RefundBasketRequest,
              com.rewardscore.rewards.checkout.v1.RefundBasketResponse>(
                service, METHODID_REFUND_BASKET)))
        .build();
  }

  private static abstract class CheckoutServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    CheckoutServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.rewardscore.rewards.checkout.v1.CheckoutServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("CheckoutService");
    }
  }

  private static final class CheckoutServiceFileDescriptorSupplier
      extends CheckoutServiceBaseDescriptorSupplier {
    CheckoutServiceFileDescriptorSupplier() {}
  }

  private static final class CheckoutServiceMethodDescriptorSupplier
      extends CheckoutServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    CheckoutServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (CheckoutServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new CheckoutServiceFileDescriptorSupplier())
              .addMethod(getAuthorizeBasketMethod())
              .addMethod(getCaptureBasketMethod())
              .addMethod(getVoidBasketMethod())
              .addMethod(getGetBasketMethod())
              .addMethod(getListBasketsMethod())
              .addMethod(getRefundBasketMethod())
              .build();
        }
      }
    }
    return result;
  }
}
