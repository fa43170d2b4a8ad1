package com.rewardscore.rewards.coupons.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Coupons at the checkout: issue, activate, validate, redeem, reverse, revoke, and the deals
 * open to a customer. Latency-sensitive; every mutating RPC is safe to retry with its
 * request_id. Rules are checked against the server's clock; no client time is trusted.
 * A coupon is named by (code, account_id): a unique code names one coupon (and account_id must
 * be the account it was issued to, else COUPON_NOT_FOUND); a COMMON code names that account's
 * coupon of the code.
 * Accounts. Every request that takes an account_id also takes account_identifier instead
 * (exactly one of the two, else FIELD_INVALID); an identifier is looked up in the program of the
 * offer concerned (ListAccountCoupons: in any program of the organisation, IDENTIFIER_AMBIGUOUS
 * when accounts of several programs hold it). IssueCoupon, BulkIssueCoupons, ActivateCoupon,
 * DeactivateCoupon, ValidateCoupon, RedeemCoupon and ListDeals check the account:
 * ACCOUNT_NOT_FOUND (NOT_FOUND) for an account that was never created, was deleted, belongs to
 * another organisation, or belongs to another program than the offer's (metadata "account_id",
 * and "program_id" the offer's program in that last case); ACCOUNT_NOT_ACTIVE
 * (FAILED_PRECONDITION, metadata "status") for a LOCKED or DEACTIVATED one. A status change
 * (AccountService.UpdateAccountStatus, DeleteAccount) holds for every later request at once:
 * it is published before its reply (should the server die between its commit and that
 * publication, within 60 s). A request that passed its account check before the change
 * committed may still complete.
 * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.coupons"). Besides the
 * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
 * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
 * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with
 * the transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE,
 * SHUTTING_DOWN (UNAVAILABLE).
 * The redemption rules fail in this order of precedence (all FAILED_PRECONDITION unless
 * noted): COUPON_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE,
 * OFFER_NOT_ACTIVE,
 * COUPON_REVOKED, COUPON_NOT_ACTIVATED, COUPON_EXPIRED, COUPON_ALREADY_REDEEMED,
 * OFFER_NOT_STARTED, OFFER_ENDED, REDEMPTION_NOT_STARTED, REDEMPTION_CLOSED_BEFORE_EXPIRY
 * (metadata "redemption_end_time"), OFFER_STORE_NOT_ALLOWED,
 * OFFER_ZONE_NOT_ALLOWED, OFFER_CONCEPT_NOT_ALLOWED, INTERACTION_POINT_NOT_ALLOWED, DAY_NOT_ALLOWED,
 * DAY_OF_MONTH_NOT_ALLOWED, HOUR_NOT_ALLOWED, ACCOUNT_REGISTERED_OUTSIDE_WINDOW,
 * NOT_NEW_CUSTOMER (both need the account: ACCOUNT_NOT_FOUND, NOT_FOUND, when it is
 * unknown), BILL_AMOUNT_TOO_LOW, BILL_AMOUNT_TOO_HIGH, NO_APPLICABLE_PRODUCT (no bill line
 * matches OfferRules.applicable_skus or applicable_categories), CURRENCY_MISMATCH
 * (INVALID_ARGUMENT), CURRENCY_RATE_MISSING (metadata "from_currency_code",
 * "to_currency_code"), REDEMPTION_GAP_NOT_ELAPSED (metadata "retry_time"),
 * ACCOUNT_REDEMPTION_LIMIT_REACHED, REDEMPTION_LIMIT_REACHED.
 * A reward (discount_amount, discount_amount_max) in a currency other than the bill's is
 * converted into the bill's currency with the organisation's rate for that pair (maintained
 * with `rewards-core rates set`), rounded down to a whole minor unit.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class CouponServiceGrpc {

  private CouponServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "rewards.coupons.v1.CouponService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.IssueCouponRequest,
      com.rewardscore.rewards.coupons.v1.IssueCouponResponse> getIssueCouponMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "IssueCoupon",
      requestType = com.rewardscore.rewards.coupons.v1.IssueCouponRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.IssueCouponResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.IssueCouponRequest,
      com.rewardscore.rewards.coupons.v1.IssueCouponResponse> getIssueCouponMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.IssueCouponRequest, com.rewardscore.rewards.coupons.v1.IssueCouponResponse> getIssueCouponMethod;
    if ((getIssueCouponMethod = CouponServiceGrpc.getIssueCouponMethod) == null) {
      synchronized (CouponServiceGrpc.class) {
        if ((getIssueCouponMethod = CouponServiceGrpc.getIssueCouponMethod) == null) {
          CouponServiceGrpc.getIssueCouponMethod = getIssueCouponMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.IssueCouponRequest, com.rewardscore.rewards.coupons.v1.IssueCouponResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "IssueCoupon"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.IssueCouponRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.IssueCouponResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CouponServiceMethodDescriptorSupplier("IssueCoupon"))
              .build();
        }
      }
    }
    return getIssueCouponMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.BulkIssueCouponsRequest,
      com.rewardscore.rewards.coupons.v1.BulkIssueCouponsResponse> getBulkIssueCouponsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "BulkIssueCoupons",
      requestType = com.rewardscore.rewards.coupons.v1.BulkIssueCouponsRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.BulkIssueCouponsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.BIDI_STREAMING)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.BulkIssueCouponsRequest,
      com.rewardscore.rewards.coupons.v1.BulkIssueCouponsResponse> getBulkIssueCouponsMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.BulkIssueCouponsRequest, com.rewardscore.rewards.coupons.v1.BulkIssueCouponsResponse> getBulkIssueCouponsMethod;
    if ((getBulkIssueCouponsMethod = CouponServiceGrpc.getBulkIssueCouponsMethod) == null) {
      synchronized (CouponServiceGrpc.class) {
        if ((getBulkIssueCouponsMethod = CouponServiceGrpc.getBulkIssueCouponsMethod) == null) {
          CouponServiceGrpc.getBulkIssueCouponsMethod = getBulkIssueCouponsMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.BulkIssueCouponsRequest, com.rewardscore.rewards.coupons.v1.BulkIssueCouponsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.BIDI_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "BulkIssueCoupons"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.BulkIssueCouponsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.BulkIssueCouponsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CouponServiceMethodDescriptorSupplier("BulkIssueCoupons"))
              .build();
        }
      }
    }
    return getBulkIssueCouponsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.GetCouponRequest,
      com.rewardscore.rewards.coupons.v1.GetCouponResponse> getGetCouponMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetCoupon",
      requestType = com.rewardscore.rewards.coupons.v1.GetCouponRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.GetCouponResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.GetCouponRequest,
      com.rewardscore.rewards.coupons.v1.GetCouponResponse> getGetCouponMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.GetCouponRequest, com.rewardscore.rewards.coupons.v1.GetCouponResponse> getGetCouponMethod;
    if ((getGetCouponMethod = CouponServiceGrpc.getGetCouponMethod) == null) {
      synchronized (CouponServiceGrpc.class) {
        if ((getGetCouponMethod = CouponServiceGrpc.getGetCouponMethod) == null) {
          CouponServiceGrpc.getGetCouponMethod = getGetCouponMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.GetCouponRequest, com.rewardscore.rewards.coupons.v1.GetCouponResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetCoupon"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.GetCouponRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.GetCouponResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CouponServiceMethodDescriptorSupplier("GetCoupon"))
              .build();
        }
      }
    }
    return getGetCouponMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.GetAccountCouponRequest,
      com.rewardscore.rewards.coupons.v1.GetAccountCouponResponse> getGetAccountCouponMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetAccountCoupon",
      requestType = com.rewardscore.rewards.coupons.v1.GetAccountCouponRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.GetAccountCouponResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.GetAccountCouponRequest,
      com.rewardscore.rewards.coupons.v1.GetAccountCouponResponse> getGetAccountCouponMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.GetAccountCouponRequest, com.rewardscore.rewards.coupons.v1.GetAccountCouponResponse> getGetAccountCouponMethod;
    if ((getGetAccountCouponMethod = CouponServiceGrpc.getGetAccountCouponMethod) == null) {
      synchronized (CouponServiceGrpc.class) {
        if ((getGetAccountCouponMethod = CouponServiceGrpc.getGetAccountCouponMethod) == null) {
          CouponServiceGrpc.getGetAccountCouponMethod = getGetAccountCouponMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.GetAccountCouponRequest, com.rewardscore.rewards.coupons.v1.GetAccountCouponResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetAccountCoupon"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.GetAccountCouponRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.GetAccountCouponResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CouponServiceMethodDescriptorSupplier("GetAccountCoupon"))
              .build();
        }
      }
    }
    return getGetAccountCouponMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ActivateCouponRequest,
      com.rewardscore.rewards.coupons.v1.ActivateCouponResponse> getActivateCouponMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ActivateCoupon",
      requestType = com.rewardscore.rewards.coupons.v1.ActivateCouponRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.ActivateCouponResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ActivateCouponRequest,
      com.rewardscore.rewards.coupons.v1.ActivateCouponResponse> getActivateCouponMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ActivateCouponRequest, com.rewardscore.rewards.coupons.v1.ActivateCouponResponse> getActivateCouponMethod;
    if ((getActivateCouponMethod = CouponServiceGrpc.getActivateCouponMethod) == null) {
      synchronized (CouponServiceGrpc.class) {
        if ((getActivateCouponMethod = CouponServiceGrpc.getActivateCouponMethod) == null) {
          CouponServiceGrpc.getActivateCouponMethod = getActivateCouponMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.ActivateCouponRequest, com.rewardscore.rewards.coupons.v1.ActivateCouponResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ActivateCoupon"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.ActivateCouponRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.ActivateCouponResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CouponServiceMethodDescriptorSupplier("ActivateCoupon"))
              .build();
        }
      }
    }
    return getActivateCouponMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.DeactivateCouponRequest,
      com.rewardscore.rewards.coupons.v1.DeactivateCouponResponse> getDeactivateCouponMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeactivateCoupon",
      requestType = com.rewardscore.rewards.coupons.v1.DeactivateCouponRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.DeactivateCouponResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.DeactivateCouponRequest,
      com.rewardscore.rewards.coupons.v1.DeactivateCouponResponse> getDeactivateCouponMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.DeactivateCouponRequest, com.rewardscore.rewards.coupons.v1.DeactivateCouponResponse> getDeactivateCouponMethod;
    if ((getDeactivateCouponMethod = CouponServiceGrpc.getDeactivateCouponMethod) == null) {
      synchronized (CouponServiceGrpc.class) {
        if ((getDeactivateCouponMethod = CouponServiceGrpc.getDeactivateCouponMethod) == null) {
          CouponServiceGrpc.getDeactivateCouponMethod = getDeactivateCouponMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.DeactivateCouponRequest, com.rewardscore.rewards.coupons.v1.DeactivateCouponResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeactivateCoupon"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.DeactivateCouponRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.DeactivateCouponResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CouponServiceMethodDescriptorSupplier("DeactivateCoupon"))
              .build();
        }
      }
    }
    return getDeactivateCouponMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ValidateCouponRequest,
      com.rewardscore.rewards.coupons.v1.ValidateCouponResponse> getValidateCouponMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ValidateCoupon",
      requestType = com.rewardscore.rewards.coupons.v1.ValidateCouponRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.ValidateCouponResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ValidateCouponRequest,
      com.rewardscore.rewards.coupons.v1.ValidateCouponResponse> getValidateCouponMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ValidateCouponRequest, com.rewardscore.rewards.coupons.v1.ValidateCouponResponse> getValidateCouponMethod;
    if ((getValidateCouponMethod = CouponServiceGrpc.getValidateCouponMethod) == null) {
      synchronized (CouponServiceGrpc.class) {
        if ((getValidateCouponMethod = CouponServiceGrpc.getValidateCouponMethod) == null) {
          CouponServiceGrpc.getValidateCouponMethod = getValidateCouponMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.ValidateCouponRequest, com.rewardscore.rewards.coupons.v1.ValidateCouponResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ValidateCoupon"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.ValidateCouponRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.ValidateCouponResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CouponServiceMethodDescriptorSupplier("ValidateCoupon"))
              .build();
        }
      }
    }
    return getValidateCouponMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.RedeemCouponRequest,
      com.rewardscore.rewards.coupons.v1.RedeemCouponResponse> getRedeemCouponMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RedeemCoupon",
      requestType = com.rewardscore.rewards.coupons.v1.RedeemCouponRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.RedeemCouponResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.RedeemCouponRequest,
      com.rewardscore.rewards.coupons.v1.RedeemCouponResponse> getRedeemCouponMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.RedeemCouponRequest, com.rewardscore.rewards.coupons.v1.RedeemCouponResponse> getRedeemCouponMethod;
    if ((getRedeemCouponMethod = CouponServiceGrpc.getRedeemCouponMethod) == null) {
      synchronized (CouponServiceGrpc.class) {
        if ((getRedeemCouponMethod = CouponServiceGrpc.getRedeemCouponMethod) == null) {
          CouponServiceGrpc.getRedeemCouponMethod = getRedeemCouponMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.RedeemCouponRequest, com.rewardscore.rewards.coupons.v1.RedeemCouponResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RedeemCoupon"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.RedeemCouponRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.RedeemCouponResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CouponServiceMethodDescriptorSupplier("RedeemCoupon"))
              .build();
        }
      }
    }
    return getRedeemCouponMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsRequest,
      com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsResponse> getBatchRedeemCouponsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "BatchRedeemCoupons",
      requestType = com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsRequest,
      com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsResponse> getBatchRedeemCouponsMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsRequest, com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsResponse> getBatchRedeemCouponsMethod;
    if ((getBatchRedeemCouponsMethod = CouponServiceGrpc.getBatchRedeemCouponsMethod) == null) {
      synchronized (CouponServiceGrpc.class) {
        if ((getBatchRedeemCouponsMethod = CouponServiceGrpc.getBatchRedeemCouponsMethod) == null) {
          CouponServiceGrpc.getBatchRedeemCouponsMethod = getBatchRedeemCouponsMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsRequest, com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "BatchRedeemCoupons"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CouponServiceMethodDescriptorSupplier("BatchRedeemCoupons"))
              .build();
        }
      }
    }
    return getBatchRedeemCouponsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ReverseRedemptionRequest,
      com.rewardscore.rewards.coupons.v1.ReverseRedemptionResponse> getReverseRedemptionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ReverseRedemption",
      requestType = com.rewardscore.rewards.coupons.v1.ReverseRedemptionRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.ReverseRedemptionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ReverseRedemptionRequest,
      com.rewardscore.rewards.coupons.v1.ReverseRedemptionResponse> getReverseRedemptionMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ReverseRedemptionRequest, com.rewardscore.rewards.coupons.v1.ReverseRedemptionResponse> getReverseRedemptionMethod;
    if ((getReverseRedemptionMethod = CouponServiceGrpc.getReverseRedemptionMethod) == null) {
      synchronized (CouponServiceGrpc.class) {
        if ((getReverseRedemptionMethod = CouponServiceGrpc.getReverseRedemptionMethod) == null) {
          CouponServiceGrpc.getReverseRedemptionMethod = getReverseRedemptionMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.ReverseRedemptionRequest, com.rewardscore.rewards.coupons.v1.ReverseRedemptionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ReverseRedemption"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.ReverseRedemptionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.ReverseRedemptionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CouponServiceMethodDescriptorSupplier("ReverseRedemption"))
              .build();
        }
      }
    }
    return getReverseRedemptionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.RevokeCouponRequest,
      com.rewardscore.rewards.coupons.v1.RevokeCouponResponse> getRevokeCouponMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RevokeCoupon",
      requestType = com.rewardscore.rewards.coupons.v1.RevokeCouponRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.RevokeCouponResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.RevokeCouponRequest,
      com.rewardscore.rewards.coupons.v1.RevokeCouponResponse> getRevokeCouponMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.RevokeCouponRequest, com.rewardscore.rewards.coupons.v1.RevokeCouponResponse> getRevokeCouponMethod;
    if ((getRevokeCouponMethod = CouponServiceGrpc.getRevokeCouponMethod) == null) {
      synchronized (CouponServiceGrpc.class) {
        if ((getRevokeCouponMethod = CouponServiceGrpc.getRevokeCouponMethod) == null) {
          CouponServiceGrpc.getRevokeCouponMethod = getRevokeCouponMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.RevokeCouponRequest, com.rewardscore.rewards.coupons.v1.RevokeCouponResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RevokeCoupon"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.RevokeCouponRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.RevokeCouponResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CouponServiceMethodDescriptorSupplier("RevokeCoupon"))
              .build();
        }
      }
    }
    return getRevokeCouponMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ListAccountCouponsRequest,
      com.rewardscore.rewards.coupons.v1.ListAccountCouponsResponse> getListAccountCouponsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListAccountCoupons",
      requestType = com.rewardscore.rewards.coupons.v1.ListAccountCouponsRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.ListAccountCouponsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ListAccountCouponsRequest,
      com.rewardscore.rewards.coupons.v1.ListAccountCouponsResponse> getListAccountCouponsMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ListAccountCouponsRequest, com.rewardscore.rewards.coupons.v1.ListAccountCouponsResponse> getListAccountCouponsMethod;
    if ((getListAccountCouponsMethod = CouponServiceGrpc.getListAccountCouponsMethod) == null) {
      synchronized (CouponServiceGrpc.class) {
        if ((getListAccountCouponsMethod = CouponServiceGrpc.getListAccountCouponsMethod) == null) {
          CouponServiceGrpc.getListAccountCouponsMethod = getListAccountCouponsMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.ListAccountCouponsRequest, com.rewardscore.rewards.coupons.v1.ListAccountCouponsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListAccountCoupons"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.ListAccountCouponsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.ListAccountCouponsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CouponServiceMethodDescriptorSupplier("ListAccountCoupons"))
              .build();
        }
      }
    }
    return getListAccountCouponsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ListDealsRequest,
      com.rewardscore.rewards.coupons.v1.ListDealsResponse> getListDealsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListDeals",
      requestType = com.rewardscore.rewards.coupons.v1.ListDealsRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.ListDealsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ListDealsRequest,
      com.rewardscore.rewards.coupons.v1.ListDealsResponse> getListDealsMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ListDealsRequest, com.rewardscore.rewards.coupons.v1.ListDealsResponse> getListDealsMethod;
    if ((getListDealsMethod = CouponServiceGrpc.getListDealsMethod) == null) {
      synchronized (CouponServiceGrpc.class) {
        if ((getListDealsMethod = CouponServiceGrpc.getListDealsMethod) == null) {
          CouponServiceGrpc.getListDealsMethod = getListDealsMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.ListDealsRequest, com.rewardscore.rewards.coupons.v1.ListDealsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListDeals"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.ListDealsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.ListDealsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CouponServiceMethodDescriptorSupplier("ListDeals"))
              .build();
        }
      }
    }
    return getListDealsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ResendCouponRequest,
      com.rewardscore.rewards.coupons.v1.ResendCouponResponse> getResendCouponMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ResendCoupon",
      requestType = com.rewardscore.rewards.coupons.v1.ResendCouponRequest.class,
      responseType = com.rewardscore.rewards.coupons.v1.ResendCouponResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ResendCouponRequest,
      com.rewardscore.rewards.coupons.v1.ResendCouponResponse> getResendCouponMethod() {
    io.grpc.MethodDescriptor<com.rewardscore.rewards.coupons.v1.ResendCouponRequest, com.rewardscore.rewards.coupons.v1.ResendCouponResponse> getResendCouponMethod;
    if ((getResendCouponMethod = CouponServiceGrpc.getResendCouponMethod) == null) {
      synchronized (CouponServiceGrpc.class) {
        if ((getResendCouponMethod = CouponServiceGrpc.getResendCouponMethod) == null) {
          CouponServiceGrpc.getResendCouponMethod = getResendCouponMethod =
              io.grpc.MethodDescriptor.<com.rewardscore.rewards.coupons.v1.ResendCouponRequest, com.rewardscore.rewards.coupons.v1.ResendCouponResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ResendCoupon"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.ResendCouponRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.rewardscore.rewards.coupons.v1.ResendCouponResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CouponServiceMethodDescriptorSupplier("ResendCoupon"))
              .build();
        }
      }
    }
    return getResendCouponMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static CouponServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CouponServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CouponServiceStub>() {
        @java.lang.Override
        public CouponServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CouponServiceStub(channel, callOptions);
        }
      };
    return CouponServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static CouponServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CouponServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CouponServiceBlockingV2Stub>() {
        @java.lang.Override
        public CouponServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CouponServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return CouponServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static CouponServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CouponServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CouponServiceBlockingStub>() {
        @java.lang.Override
        public CouponServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CouponServiceBlockingStub(channel, callOptions);
        }
      };
    return CouponServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static CouponServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CouponServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CouponServiceFutureStub>() {
        @java.lang.Override
        public CouponServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CouponServiceFutureStub(channel, callOptions);
        }
      };
    return CouponServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Coupons at the checkout: issue, activate, validate, redeem, reverse, revoke, and the deals
   * open to a customer. Latency-sensitive; every mutating RPC is safe to retry with its
   * request_id. Rules are checked against the server's clock; no client time is trusted.
   * A coupon is named by (code, account_id): a unique code names one coupon (and account_id must
   * be the account it was issued to, else COUPON_NOT_FOUND); a COMMON code names that account's
   * coupon of the code.
   * Accounts. Every request that takes an account_id also takes account_identifier instead
   * (exactly one of the two, else FIELD_INVALID); an identifier is looked up in the program of the
   * offer concerned (ListAccountCoupons: in any program of the organisation, IDENTIFIER_AMBIGUOUS
   * when accounts of several programs hold it). IssueCoupon, BulkIssueCoupons, ActivateCoupon,
   * DeactivateCoupon, ValidateCoupon, RedeemCoupon and ListDeals check the account:
   * ACCOUNT_NOT_FOUND (NOT_FOUND) for an account that was never created, was deleted, belongs to
   * another organisation, or belongs to another program than the offer's (metadata "account_id",
   * and "program_id" the offer's program in that last case); ACCOUNT_NOT_ACTIVE
   * (FAILED_PRECONDITION, metadata "status") for a LOCKED or DEACTIVATED one. A status change
   * (AccountService.UpdateAccountStatus, DeleteAccount) holds for every later request at once:
   * it is published before its reply (should the server die between its commit and that
   * publication, within 60 s). A request that passed its account check before the change
   * committed may still complete.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.coupons"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with
   * the transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE).
   * The redemption rules fail in this order of precedence (all FAILED_PRECONDITION unless
   * noted): COUPON_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE,
   * OFFER_NOT_ACTIVE,
   * COUPON_REVOKED, COUPON_NOT_ACTIVATED, COUPON_EXPIRED, COUPON_ALREADY_REDEEMED,
   * OFFER_NOT_STARTED, OFFER_ENDED, REDEMPTION_NOT_STARTED, REDEMPTION_CLOSED_BEFORE_EXPIRY
   * (metadata "redemption_end_time"), OFFER_STORE_NOT_ALLOWED,
   * OFFER_ZONE_NOT_ALLOWED, OFFER_CONCEPT_NOT_ALLOWED, INTERACTION_POINT_NOT_ALLOWED, DAY_NOT_ALLOWED,
   * DAY_OF_MONTH_NOT_ALLOWED, HOUR_NOT_ALLOWED, ACCOUNT_REGISTERED_OUTSIDE_WINDOW,
   * NOT_NEW_CUSTOMER (both need the account: ACCOUNT_NOT_FOUND, NOT_FOUND, when it is
   * unknown), BILL_AMOUNT_TOO_LOW, BILL_AMOUNT_TOO_HIGH, NO_APPLICABLE_PRODUCT (no bill line
   * matches OfferRules.applicable_skus or applicable_categories), CURRENCY_MISMATCH
   * (INVALID_ARGUMENT), CURRENCY_RATE_MISSING (metadata "from_currency_code",
   * "to_currency_code"), REDEMPTION_GAP_NOT_ELAPSED (metadata "retry_time"),
   * ACCOUNT_REDEMPTION_LIMIT_REACHED, REDEMPTION_LIMIT_REACHED.
   * A reward (discount_amount, discount_amount_max) in a currency other than the bill's is
   * converted into the bill's currency with the organisation's rate for that pair (maintained
   * with `rewards-core rates set`), rounded down to a whole minor unit.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Issues a coupon of an ACTIVE offer to an account. For a REWARD offer, debits the price in
     * points from the account's wallet (released again if the issue fails). An offer with
     * UNIQUE_GENERATED, IMPORTED or RANDOM_WITH_PREFIX series gives out one unissued code of
     * them (the oldest series with a code left, or code_series_id), never the same code twice;
     * an offer without such a series gets a fresh random code.
     * The offer's issuance rules apply: with OfferRules.listed_accounts_only only accounts on its
     * customer list (OfferService.AddOfferCustomers) get one; OfferRules.max_account_issue_count
     * and OfferRules.min_issue_gap limit each account; when they refuse an account that holds a
     * redeemable coupon and OfferRules.rematch_policy is RESEND_EXISTING, that coupon is
     * returned (resent = true) instead. For an offer with a COMMON code series the coupon carries
     * the common code, at most once per account. The issue that leaves
     * OfferRules.issue_notification_threshold coupons to issue records an offer event
     * (Offer.issue_threshold_reach_time).
     * Errors: OFFER_NOT_FOUND, ACCOUNT_NOT_FOUND, CODE_SERIES_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE,
     * OFFER_NOT_ACTIVE, OFFER_NOT_STARTED, OFFER_ENDED, ACCOUNT_NOT_LISTED, PAST_COUPON_ISSUED
     * (OfferRules.past_issue_offer_ids; metadata "past_offer_id", "allowed_time"), ISSUE_GAP_NOT_MET
     * (metadata "retry_time"), ISSUE_LIMIT_PER_CUSTOMER_REACHED, OFFER_ISSUE_LIMIT_REACHED,
     * CODES_EXHAUSTED (the series has no unissued, unrevoked code left), INSUFFICIENT_POINTS (all
     * FAILED_PRECONDITION), COMMON_CODE_ALREADY_ISSUED (ALREADY_EXISTS).
     * </pre>
     */
    default void issueCoupon(com.rewardscore.rewards.coupons.v1.IssueCouponRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.IssueCouponResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getIssueCouponMethod(), responseObserver);
    }

    /**
     * <pre>
     * Issues coupons of one offer to many accounts. A bidirectional stream of independent
     * batches: each request message is one batch with its own request_id, answered by one
     * response message in the same order. A broken stream is resumed by sending the unanswered
     * batches again with their request_ids. One failing row does not fail its batch.
     * Each row names its customer by account id, external id (an EXTERNALCODE identifier),
     * mobile (a PHONE identifier) or e-mail (an EMAIL identifier) of the offer's program, and
     * may name the code to issue. Good rows are issued; a bad row changes nothing and gets its
     * reason: INVALID_ACCOUNT_ID, INVALID_EXTERNAL_ID, INVALID_MOBILE, INVALID_EMAIL (malformed),
     * ACCOUNT_NOT_FOUND (no account of the offer's program has the id or holds the identifier, or
     * it was deleted), ACCOUNT_NOT_ACTIVE (LOCKED or DEACTIVATED: the seed's "Invalid User ID: not
     * valid or inactive"), DUPLICATE_CODE (the row's code exists in the organisation and is not
     * revoked, or twice in the batch; a revoked code is issued again: the transfer of a coupon),
     * COMMON_CODE_ALREADY_ISSUED, and the other
     * reasons of IssueCoupon (ISSUE_LIMIT_PER_CUSTOMER_REACHED, ISSUE_GAP_NOT_MET,
     * OFFER_ISSUE_LIMIT_REACHED ...). One account's rows are issued in row order, so its limits
     * apply row by row; different accounts' rows are issued concurrently, so when the offer's
     * total limit runs out inside a batch, which of them it stops is not ordered.
     * Errors of the whole stream: OFFER_NOT_FOUND (NOT_FOUND), FIELD_INVALID when a later batch
     * names another offer.
     * </pre>
     */
    default io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.BulkIssueCouponsRequest> bulkIssueCoupons(
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.BulkIssueCouponsResponse> responseObserver) {
      return io.grpc.stub.ServerCalls.asyncUnimplementedStreamingCall(getBulkIssueCouponsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Reads one coupon.
     * Errors: COUPON_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    default void getCoupon(com.rewardscore.rewards.coupons.v1.GetCouponRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.GetCouponResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetCouponMethod(), responseObserver);
    }

    /**
     * <pre>
     * Reads an account's coupon of an offer by its account coupon id (Coupon.account_coupon_id,
     * e.g. scanned from a QR code): the account's newest coupon of the offer, with the redemption
     * counts of the account and of everyone.
     * Errors: COUPON_NOT_FOUND (NOT_FOUND; the account holds no coupon of the offer),
     * FIELD_INVALID (not an account coupon id).
     * </pre>
     */
    default void getAccountCoupon(com.rewardscore.rewards.coupons.v1.GetAccountCouponRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.GetAccountCouponResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetAccountCouponMethod(), responseObserver);
    }

    /**
     * <pre>
     * Activates an ISSUED coupon (of an offer with activation_required) so that it can be
     * redeemed. Activating an ACTIVE coupon succeeds without change.
     * Errors, in this order: COUPON_NOT_FOUND, ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE,
     * OFFER_NOT_ACTIVE, COUPON_REVOKED, COUPON_EXPIRED, COUPON_ALREADY_REDEEMED
     * (FAILED_PRECONDITION).
     * </pre>
     */
    default void activateCoupon(com.rewardscore.rewards.coupons.v1.ActivateCouponRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ActivateCouponResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getActivateCouponMethod(), responseObserver);
    }

    /**
     * <pre>
     * Takes an activation back (e.g. the customer un-clips a coupon in the app): an ACTIVE coupon
     * of an offer with activation_required goes back to ISSUED and cannot be redeemed until it is
     * activated again. Deactivating an ISSUED coupon succeeds without change. Ordered against a
     * concurrent redemption by the coupon's row lock: a coupon is never redeemed while
     * deactivated, and a redeemed coupon is never deactivated.
     * Errors, in this order: COUPON_NOT_FOUND, ACCOUNT_NOT_FOUND (NOT_FOUND),
     * COUPON_ACTIVATION_NOT_REQUIRED, ACCOUNT_NOT_ACTIVE, OFFER_NOT_ACTIVE, COUPON_REVOKED, COUPON_EXPIRED, COUPON_ALREADY_REDEEMED (all
     * FAILED_PRECONDITION).
     * </pre>
     */
    default void deactivateCoupon(com.rewardscore.rewards.coupons.v1.DeactivateCouponRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.DeactivateCouponResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeactivateCouponMethod(), responseObserver);
    }

    /**
     * <pre>
     * Says whether RedeemCoupon would succeed now for this basket, and what it would give.
     * Reserves nothing: a later RedeemCoupon may still fail (e.g. a global limit reached in
     * between). A failing rule is a result (redeemable = false), not an RPC error; so are an
     * unknown coupon (COUPON_NOT_FOUND) and an unknown account (ACCOUNT_NOT_FOUND), each then the
     * only reason; ACCOUNT_NOT_ACTIVE is listed with the other failing rules.
     * </pre>
     */
    default void validateCoupon(com.rewardscore.rewards.coupons.v1.ValidateCouponRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ValidateCouponResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getValidateCouponMethod(), responseObserver);
    }

    /**
     * <pre>
     * Redeems a coupon for a purchase: checks every rule and limit atomically, counts the
     * redemption and records it in the ledger before answering.
     * Errors: the redemption rules in the order given on the service.
     * </pre>
     */
    default void redeemCoupon(com.rewardscore.rewards.coupons.v1.RedeemCouponRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.RedeemCouponResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRedeemCouponMethod(), responseObserver);
    }

    /**
     * <pre>
     * Redeems up to 1,000 coupons in one call (AIP-233 style), each exactly as RedeemCoupon would:
     * every item carries its own request_id (required: a retry of the batch replays each item's
     * first answer) and gets its own answer, a response or an error, in the order of the request.
     * Not atomic across items: an item's refusal changes nothing for the others (atomic baskets
     * are CheckoutService's). Items are run concurrently and share the server's group commits.
     * Errors of the call itself: FIELD_REQUIRED (no item), FIELD_OUT_OF_RANGE (more than 1,000
     * items). Each item's error is one of RedeemCoupon's, or FIELD_INVALID for a request_id used by
     * two items of the batch, or STORE_NOT_ALLOWED for a store outside the client's stores.
     * </pre>
     */
    default void batchRedeemCoupons(com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getBatchRedeemCouponsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Reverses a redemption (e.g. the purchase was cancelled or returned): the coupon gets the
     * use back (if not expired or revoked since) and the offer's counters go down. Extra points
     * credited by the redemption are debited again. Always the full redemption.
     * Errors: REDEMPTION_NOT_FOUND (NOT_FOUND), COUPON_REVOKED, REDEMPTION_ALREADY_REVERSED
     * (FAILED_PRECONDITION), INSUFFICIENT_POINTS (FAILED_PRECONDITION; the extra points were
     * spent).
     * </pre>
     */
    default void reverseRedemption(com.rewardscore.rewards.coupons.v1.ReverseRedemptionRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ReverseRedemptionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getReverseRedemptionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Revokes a coupon for good: it can no longer be activated, redeemed or reversed. A coupon
     * with a redemption in effect is never revoked (reverse the redemption first). Revoking a
     * REVOKED coupon succeeds without change. Points paid for a REWARD coupon are not refunded
     * (use LoyaltyService.RefundPoints). OfferService.RevokeCoupons revokes in bulk.
     * Errors: COUPON_NOT_FOUND (NOT_FOUND), COUPON_ALREADY_REDEEMED (FAILED_PRECONDITION).
     * </pre>
     */
    default void revokeCoupon(com.rewardscore.rewards.coupons.v1.RevokeCouponRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.RevokeCouponResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRevokeCouponMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the coupons issued to an account, newest issue first, each with its state and the
     * redemption counts of its offer (the account's and everyone's), and the offer's terms as
     * seed 001's account coupon carries them: the redemption limits (per account and in all), the
     * reward, the content, and when the coupon is redeemable from and until.
     * Errors: none beyond the common ones.
     * </pre>
     */
    default void listAccountCoupons(com.rewardscore.rewards.coupons.v1.ListAccountCouponsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ListAccountCouponsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListAccountCouponsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the deals open to an account now, optionally at one store, zone or interaction
     * point: ACTIVE offers of the account's program whose rules (window, location, days, hours,
     * customer rules) let it redeem now, with the account's redeemable coupons and the
     * redemptions left. An offer tagged to zones (or concepts) is listed for those zones (or
     * concepts), and for a store only when its store_ids name it. Ordered by end_time, soonest first (no end last).
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE (FAILED_PRECONDITION; a LOCKED
     * or DEACTIVATED account has no deals).
     * </pre>
     */
    default void listDeals(com.rewardscore.rewards.coupons.v1.ListDealsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ListDealsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListDealsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Sends a held, valid coupon again to its holder, with the offer's RESEND template on the
     * offer's channel (through the outbox: the reply says the message is queued; it is sent at
     * least once, with the message_id as its stable id).
     * Errors: COUPON_NOT_FOUND (NOT_FOUND), COUPON_NOT_HELD (FAILED_PRECONDITION: another account
     * holds it), COUPON_EXPIRED, COUPON_ALREADY_REDEEMED, COUPON_REVOKED (FAILED_PRECONDITION),
     * DELIVERY_NOT_CONFIGURED (FAILED_PRECONDITION: the offer's channel is NONE or it has no
     * RESEND template).
     * </pre>
     */
    default void resendCoupon(com.rewardscore.rewards.coupons.v1.ResendCouponRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ResendCouponResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getResendCouponMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service CouponService.
   * <pre>
   * Coupons at the checkout: issue, activate, validate, redeem, reverse, revoke, and the deals
   * open to a customer. Latency-sensitive; every mutating RPC is safe to retry with its
   * request_id. Rules are checked against the server's clock; no client time is trusted.
   * A coupon is named by (code, account_id): a unique code names one coupon (and account_id must
   * be the account it was issued to, else COUPON_NOT_FOUND); a COMMON code names that account's
   * coupon of the code.
   * Accounts. Every request that takes an account_id also takes account_identifier instead
   * (exactly one of the two, else FIELD_INVALID); an identifier is looked up in the program of the
   * offer concerned (ListAccountCoupons: in any program of the organisation, IDENTIFIER_AMBIGUOUS
   * when accounts of several programs hold it). IssueCoupon, BulkIssueCoupons, ActivateCoupon,
   * DeactivateCoupon, ValidateCoupon, RedeemCoupon and ListDeals check the account:
   * ACCOUNT_NOT_FOUND (NOT_FOUND) for an account that was never created, was deleted, belongs to
   * another organisation, or belongs to another program than the offer's (metadata "account_id",
   * and "program_id" the offer's program in that last case); ACCOUNT_NOT_ACTIVE
   * (FAILED_PRECONDITION, metadata "status") for a LOCKED or DEACTIVATED one. A status change
   * (AccountService.UpdateAccountStatus, DeleteAccount) holds for every later request at once:
   * it is published before its reply (should the server die between its commit and that
   * publication, within 60 s). A request that passed its account check before the change
   * committed may still complete.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.coupons"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with
   * the transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE).
   * The redemption rules fail in this order of precedence (all FAILED_PRECONDITION unless
   * noted): COUPON_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE,
   * OFFER_NOT_ACTIVE,
   * COUPON_REVOKED, COUPON_NOT_ACTIVATED, COUPON_EXPIRED, COUPON_ALREADY_REDEEMED,
   * OFFER_NOT_STARTED, OFFER_ENDED, REDEMPTION_NOT_STARTED, REDEMPTION_CLOSED_BEFORE_EXPIRY
   * (metadata "redemption_end_time"), OFFER_STORE_NOT_ALLOWED,
   * OFFER_ZONE_NOT_ALLOWED, OFFER_CONCEPT_NOT_ALLOWED, INTERACTION_POINT_NOT_ALLOWED, DAY_NOT_ALLOWED,
   * DAY_OF_MONTH_NOT_ALLOWED, HOUR_NOT_ALLOWED, ACCOUNT_REGISTERED_OUTSIDE_WINDOW,
   * NOT_NEW_CUSTOMER (both need the account: ACCOUNT_NOT_FOUND, NOT_FOUND, when it is
   * unknown), BILL_AMOUNT_TOO_LOW, BILL_AMOUNT_TOO_HIGH, NO_APPLICABLE_PRODUCT (no bill line
   * matches OfferRules.applicable_skus or applicable_categories), CURRENCY_MISMATCH
   * (INVALID_ARGUMENT), CURRENCY_RATE_MISSING (metadata "from_currency_code",
   * "to_currency_code"), REDEMPTION_GAP_NOT_ELAPSED (metadata "retry_time"),
   * ACCOUNT_REDEMPTION_LIMIT_REACHED, REDEMPTION_LIMIT_REACHED.
   * A reward (discount_amount, discount_amount_max) in a currency other than the bill's is
   * converted into the bill's currency with the organisation's rate for that pair (maintained
   * with `rewards-core rates set`), rounded down to a whole minor unit.
   * </pre>
   */
  public static abstract class CouponServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return CouponServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service CouponService.
   * <pre>
   * Coupons at the checkout: issue, activate, validate, redeem, reverse, revoke, and the deals
   * open to a customer. Latency-sensitive; every mutating RPC is safe to retry with its
   * request_id. Rules are checked against the server's clock; no client time is trusted.
   * A coupon is named by (code, account_id): a unique code names one coupon (and account_id must
   * be the account it was issued to, else COUPON_NOT_FOUND); a COMMON code names that account's
   * coupon of the code.
   * Accounts. Every request that takes an account_id also takes account_identifier instead
   * (exactly one of the two, else FIELD_INVALID); an identifier is looked up in the program of the
   * offer concerned (ListAccountCoupons: in any program of the organisation, IDENTIFIER_AMBIGUOUS
   * when accounts of several programs hold it). IssueCoupon, BulkIssueCoupons, ActivateCoupon,
   * DeactivateCoupon, ValidateCoupon, RedeemCoupon and ListDeals check the account:
   * ACCOUNT_NOT_FOUND (NOT_FOUND) for an account that was never created, was deleted, belongs to
   * another organisation, or belongs to another program than the offer's (metadata "account_id",
   * and "program_id" the offer's program in that last case); ACCOUNT_NOT_ACTIVE
   * (FAILED_PRECONDITION, metadata "status") for a LOCKED or DEACTIVATED one. A status change
   * (AccountService.UpdateAccountStatus, DeleteAccount) holds for every later request at once:
   * it is published before its reply (should the server die between its commit and that
   * publication, within 60 s). A request that passed its account check before the change
   * committed may still complete.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.coupons"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with
   * the transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE).
   * The redemption rules fail in this order of precedence (all FAILED_PRECONDITION unless
   * noted): COUPON_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE,
   * OFFER_NOT_ACTIVE,
   * COUPON_REVOKED, COUPON_NOT_ACTIVATED, COUPON_EXPIRED, COUPON_ALREADY_REDEEMED,
   * OFFER_NOT_STARTED, OFFER_ENDED, REDEMPTION_NOT_STARTED, REDEMPTION_CLOSED_BEFORE_EXPIRY
   * (metadata "redemption_end_time"), OFFER_STORE_NOT_ALLOWED,
   * OFFER_ZONE_NOT_ALLOWED, OFFER_CONCEPT_NOT_ALLOWED, INTERACTION_POINT_NOT_ALLOWED, DAY_NOT_ALLOWED,
   * DAY_OF_MONTH_NOT_ALLOWED, HOUR_NOT_ALLOWED, ACCOUNT_REGISTERED_OUTSIDE_WINDOW,
   * NOT_NEW_CUSTOMER (both need the account: ACCOUNT_NOT_FOUND, NOT_FOUND, when it is
   * unknown), BILL_AMOUNT_TOO_LOW, BILL_AMOUNT_TOO_HIGH, NO_APPLICABLE_PRODUCT (no bill line
   * matches OfferRules.applicable_skus or applicable_categories), CURRENCY_MISMATCH
   * (INVALID_ARGUMENT), CURRENCY_RATE_MISSING (metadata "from_currency_code",
   * "to_currency_code"), REDEMPTION_GAP_NOT_ELAPSED (metadata "retry_time"),
   * ACCOUNT_REDEMPTION_LIMIT_REACHED, REDEMPTION_LIMIT_REACHED.
   * A reward (discount_amount, discount_amount_max) in a currency other than the bill's is
   * converted into the bill's currency with the organisation's rate for that pair (maintained
   * with `rewards-core rates set`), rounded down to a whole minor unit.
   * </pre>
   */
  public static final class CouponServiceStub
      extends io.grpc.stub.AbstractAsyncStub<CouponServiceStub> {
    private CouponServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CouponServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CouponServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Issues a coupon of an ACTIVE offer to an account. For a REWARD offer, debits the price in
     * points from the account's wallet (released again if the issue fails). An offer with
     * UNIQUE_GENERATED, IMPORTED or RANDOM_WITH_PREFIX series gives out one unissued code of
     * them (the oldest series with a code left, or code_series_id), never the same code twice;
     * an offer without such a series gets a fresh random code.
     * The offer's issuance rules apply: with OfferRules.listed_accounts_only only accounts on its
     * customer list (OfferService.AddOfferCustomers) get one; OfferRules.max_account_issue_count
     * and OfferRules.min_issue_gap limit each account; when they refuse an account that holds a
     * redeemable coupon and OfferRules.rematch_policy is RESEND_EXISTING, that coupon is
     * returned (resent = true) instead. For an offer with a COMMON code series the coupon carries
     * the common code, at most once per account. The issue that leaves
     * OfferRules.issue_notification_threshold coupons to issue records an offer event
     * (Offer.issue_threshold_reach_time).
     * Errors: OFFER_NOT_FOUND, ACCOUNT_NOT_FOUND, CODE_SERIES_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE,
     * OFFER_NOT_ACTIVE, OFFER_NOT_STARTED, OFFER_ENDED, ACCOUNT_NOT_LISTED, PAST_COUPON_ISSUED
     * (OfferRules.past_issue_offer_ids; metadata "past_offer_id", "allowed_time"), ISSUE_GAP_NOT_MET
     * (metadata "retry_time"), ISSUE_LIMIT_PER_CUSTOMER_REACHED, OFFER_ISSUE_LIMIT_REACHED,
     * CODES_EXHAUSTED (the series has no unissued, unrevoked code left), INSUFFICIENT_POINTS (all
     * FAILED_PRECONDITION), COMMON_CODE_ALREADY_ISSUED (ALREADY_EXISTS).
     * </pre>
     */
    public void issueCoupon(com.rewardscore.rewards.coupons.v1.IssueCouponRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.IssueCouponResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getIssueCouponMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Issues coupons of one offer to many accounts. A bidirectional stream of independent
     * batches: each request message is one batch with its own request_id, answered by one
     * response message in the same order. A broken stream is resumed by sending the unanswered
     * batches again with their request_ids. One failing row does not fail its batch.
     * Each row names its customer by account id, external id (an EXTERNALCODE identifier),
     * mobile (a PHONE identifier) or e-mail (an EMAIL identifier) of the offer's program, and
     * may name the code to issue. Good rows are issued; a bad row changes nothing and gets its
     * reason: INVALID_ACCOUNT_ID, INVALID_EXTERNAL_ID, INVALID_MOBILE, INVALID_EMAIL (malformed),
     * ACCOUNT_NOT_FOUND (no account of the offer's program has the id or holds the identifier, or
     * it was deleted), ACCOUNT_NOT_ACTIVE (LOCKED or DEACTIVATED: the seed's "Invalid User ID: not
     * valid or inactive"), DUPLICATE_CODE (the row's code exists in the organisation and is not
     * revoked, or twice in the batch; a revoked code is issued again: the transfer of a coupon),
     * COMMON_CODE_ALREADY_ISSUED, and the other
     * reasons of IssueCoupon (ISSUE_LIMIT_PER_CUSTOMER_REACHED, ISSUE_GAP_NOT_MET,
     * OFFER_ISSUE_LIMIT_REACHED ...). One account's rows are issued in row order, so its limits
     * apply row by row; different accounts' rows are issued concurrently, so when the offer's
     * total limit runs out inside a batch, which of them it stops is not ordered.
     * Errors of the whole stream: OFFER_NOT_FOUND (NOT_FOUND), FIELD_INVALID when a later batch
     * names another offer.
     * </pre>
     */
    public io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.BulkIssueCouponsRequest> bulkIssueCoupons(
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.BulkIssueCouponsResponse> responseObserver) {
      return io.grpc.stub.ClientCalls.asyncBidiStreamingCall(
          getChannel().newCall(getBulkIssueCouponsMethod(), getCallOptions()), responseObserver);
    }

    /**
     * <pre>
     * Reads one coupon.
     * Errors: COUPON_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public void getCoupon(com.rewardscore.rewards.coupons.v1.GetCouponRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.GetCouponResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetCouponMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Reads an account's coupon of an offer by its account coupon id (Coupon.account_coupon_id,
     * e.g. scanned from a QR code): the account's newest coupon of the offer, with the redemption
     * counts of the account and of everyone.
     * Errors: COUPON_NOT_FOUND (NOT_FOUND; the account holds no coupon of the offer),
     * FIELD_INVALID (not an account coupon id).
     * </pre>
     */
    public void getAccountCoupon(com.rewardscore.rewards.coupons.v1.GetAccountCouponRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.GetAccountCouponResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetAccountCouponMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Activates an ISSUED coupon (of an offer with activation_required) so that it can be
     * redeemed. Activating an ACTIVE coupon succeeds without change.
     * Errors, in this order: COUPON_NOT_FOUND, ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE,
     * OFFER_NOT_ACTIVE, COUPON_REVOKED, COUPON_EXPIRED, COUPON_ALREADY_REDEEMED
     * (FAILED_PRECONDITION).
     * </pre>
     */
    public void activateCoupon(com.rewardscore.rewards.coupons.v1.ActivateCouponRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ActivateCouponResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getActivateCouponMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Takes an activation back (e.g. the customer un-clips a coupon in the app): an ACTIVE coupon
     * of an offer with activation_required goes back to ISSUED and cannot be redeemed until it is
     * activated again. Deactivating an ISSUED coupon succeeds without change. Ordered against a
     * concurrent redemption by the coupon's row lock: a coupon is never redeemed while
     * deactivated, and a redeemed coupon is never deactivated.
     * Errors, in this order: COUPON_NOT_FOUND, ACCOUNT_NOT_FOUND (NOT_FOUND),
     * COUPON_ACTIVATION_NOT_REQUIRED, ACCOUNT_NOT_ACTIVE, OFFER_NOT_ACTIVE, COUPON_REVOKED, COUPON_EXPIRED, COUPON_ALREADY_REDEEMED (all
     * FAILED_PRECONDITION).
     * </pre>
     */
    public void deactivateCoupon(com.rewardscore.rewards.coupons.v1.DeactivateCouponRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.DeactivateCouponResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeactivateCouponMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Says whether RedeemCoupon would succeed now for this basket, and what it would give.
     * Reserves nothing: a later RedeemCoupon may still fail (e.g. a global limit reached in
     * between). A failing rule is a result (redeemable = false), not an RPC error; so are an
     * unknown coupon (COUPON_NOT_FOUND) and an unknown account (ACCOUNT_NOT_FOUND), each then the
     * only reason; ACCOUNT_NOT_ACTIVE is listed with the other failing rules.
     * </pre>
     */
    public void validateCoupon(com.rewardscore.rewards.coupons.v1.ValidateCouponRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ValidateCouponResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getValidateCouponMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Redeems a coupon for a purchase: checks every rule and limit atomically, counts the
     * redemption and records it in the ledger before answering.
     * Errors: the redemption rules in the order given on the service.
     * </pre>
     */
    public void redeemCoupon(com.rewardscore.rewards.coupons.v1.RedeemCouponRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.RedeemCouponResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRedeemCouponMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Redeems up to 1,000 coupons in one call (AIP-233 style), each exactly as RedeemCoupon would:
     * every item carries its own request_id (required: a retry of the batch replays each item's
     * first answer) and gets its own answer, a response or an error, in the order of the request.
     * Not atomic across items: an item's refusal changes nothing for the others (atomic baskets
     * are CheckoutService's). Items are run concurrently and share the server's group commits.
     * Errors of the call itself: FIELD_REQUIRED (no item), FIELD_OUT_OF_RANGE (more than 1,000
     * items). Each item's error is one of RedeemCoupon's, or FIELD_INVALID for a request_id used by
     * two items of the batch, or STORE_NOT_ALLOWED for a store outside the client's stores.
     * </pre>
     */
    public void batchRedeemCoupons(com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getBatchRedeemCouponsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Reverses a redemption (e.g. the purchase was cancelled or returned): the coupon gets the
     * use back (if not expired or revoked since) and the offer's counters go down. Extra points
     * credited by the redemption are debited again. Always the full redemption.
     * Errors: REDEMPTION_NOT_FOUND (NOT_FOUND), COUPON_REVOKED, REDEMPTION_ALREADY_REVERSED
     * (FAILED_PRECONDITION), INSUFFICIENT_POINTS (FAILED_PRECONDITION; the extra points were
     * spent).
     * </pre>
     */
    public void reverseRedemption(com.rewardscore.rewards.coupons.v1.ReverseRedemptionRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ReverseRedemptionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getReverseRedemptionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Revokes a coupon for good: it can no longer be activated, redeemed or reversed. A coupon
     * with a redemption in effect is never revoked (reverse the redemption first). Revoking a
     * REVOKED coupon succeeds without change. Points paid for a REWARD coupon are not refunded
     * (use LoyaltyService.RefundPoints). OfferService.RevokeCoupons revokes in bulk.
     * Errors: COUPON_NOT_FOUND (NOT_FOUND), COUPON_ALREADY_REDEEMED (FAILED_PRECONDITION).
     * </pre>
     */
    public void revokeCoupon(com.rewardscore.rewards.coupons.v1.RevokeCouponRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.RevokeCouponResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRevokeCouponMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the coupons issued to an account, newest issue first, each with its state and the
     * redemption counts of its offer (the account's and everyone's), and the offer's terms as
     * seed 001's account coupon carries them: the redemption limits (per account and in all), the
     * reward, the content, and when the coupon is redeemable from and until.
     * Errors: none beyond the common ones.
     * </pre>
     */
    public void listAccountCoupons(com.rewardscore.rewards.coupons.v1.ListAccountCouponsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ListAccountCouponsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListAccountCouponsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the deals open to an account now, optionally at one store, zone or interaction
     * point: ACTIVE offers of the account's program whose rules (window, location, days, hours,
     * customer rules) let it redeem now, with the account's redeemable coupons and the
     * redemptions left. An offer tagged to zones (or concepts) is listed for those zones (or
     * concepts), and for a store only when its store_ids name it. Ordered by end_time, soonest first (no end last).
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE (FAILED_PRECONDITION; a LOCKED
     * or DEACTIVATED account has no deals).
     * </pre>
     */
    public void listDeals(com.rewardscore.rewards.coupons.v1.ListDealsRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ListDealsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListDealsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Sends a held, valid coupon again to its holder, with the offer's RESEND template on the
     * offer's channel (through the outbox: the reply says the message is queued; it is sent at
     * least once, with the message_id as its stable id).
     * Errors: COUPON_NOT_FOUND (NOT_FOUND), COUPON_NOT_HELD (FAILED_PRECONDITION: another account
     * holds it), COUPON_EXPIRED, COUPON_ALREADY_REDEEMED, COUPON_REVOKED (FAILED_PRECONDITION),
     * DELIVERY_NOT_CONFIGURED (FAILED_PRECONDITION: the offer's channel is NONE or it has no
     * RESEND template).
     * </pre>
     */
    public void resendCoupon(com.rewardscore.rewards.coupons.v1.ResendCouponRequest request,
        io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ResendCouponResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getResendCouponMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service CouponService.
   * <pre>
   * Coupons at the checkout: issue, activate, validate, redeem, reverse, revoke, and the deals
   * open to a customer. Latency-sensitive; every mutating RPC is safe to retry with its
   * request_id. Rules are checked against the server's clock; no client time is trusted.
   * A coupon is named by (code, account_id): a unique code names one coupon (and account_id must
   * be the account it was issued to, else COUPON_NOT_FOUND); a COMMON code names that account's
   * coupon of the code.
   * Accounts. Every request that takes an account_id also takes account_identifier instead
   * (exactly one of the two, else FIELD_INVALID); an identifier is looked up in the program of the
   * offer concerned (ListAccountCoupons: in any program of the organisation, IDENTIFIER_AMBIGUOUS
   * when accounts of several programs hold it). IssueCoupon, BulkIssueCoupons, ActivateCoupon,
   * DeactivateCoupon, ValidateCoupon, RedeemCoupon and ListDeals check the account:
   * ACCOUNT_NOT_FOUND (NOT_FOUND) for an account that was never created, was deleted, belongs to
   * another organisation, or belongs to another program than the offer's (metadata "account_id",
   * and "program_id" the offer's program in that last case); ACCOUNT_NOT_ACTIVE
   * (FAILED_PRECONDITION, metadata "status") for a LOCKED or DEACTIVATED one. A status change
   * (AccountService.UpdateAccountStatus, DeleteAccount) holds for every later request at once:
   * it is published before its reply (should the server die between its commit and that
   * publication, within 60 s). A request that passed its account check before the change
   * committed may still complete.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.coupons"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with
   * the transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE).
   * The redemption rules fail in this order of precedence (all FAILED_PRECONDITION unless
   * noted): COUPON_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE,
   * OFFER_NOT_ACTIVE,
   * COUPON_REVOKED, COUPON_NOT_ACTIVATED, COUPON_EXPIRED, COUPON_ALREADY_REDEEMED,
   * OFFER_NOT_STARTED, OFFER_ENDED, REDEMPTION_NOT_STARTED, REDEMPTION_CLOSED_BEFORE_EXPIRY
   * (metadata "redemption_end_time"), OFFER_STORE_NOT_ALLOWED,
   * OFFER_ZONE_NOT_ALLOWED, OFFER_CONCEPT_NOT_ALLOWED, INTERACTION_POINT_NOT_ALLOWED, DAY_NOT_ALLOWED,
   * DAY_OF_MONTH_NOT_ALLOWED, HOUR_NOT_ALLOWED, ACCOUNT_REGISTERED_OUTSIDE_WINDOW,
   * NOT_NEW_CUSTOMER (both need the account: ACCOUNT_NOT_FOUND, NOT_FOUND, when it is
   * unknown), BILL_AMOUNT_TOO_LOW, BILL_AMOUNT_TOO_HIGH, NO_APPLICABLE_PRODUCT (no bill line
   * matches OfferRules.applicable_skus or applicable_categories), CURRENCY_MISMATCH
   * (INVALID_ARGUMENT), CURRENCY_RATE_MISSING (metadata "from_currency_code",
   * "to_currency_code"), REDEMPTION_GAP_NOT_ELAPSED (metadata "retry_time"),
   * ACCOUNT_REDEMPTION_LIMIT_REACHED, REDEMPTION_LIMIT_REACHED.
   * A reward (discount_amount, discount_amount_max) in a currency other than the bill's is
   * converted into the bill's currency with the organisation's rate for that pair (maintained
   * with `rewards-core rates set`), rounded down to a whole minor unit.
   * </pre>
   */
  public static final class CouponServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<CouponServiceBlockingV2Stub> {
    private CouponServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CouponServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CouponServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Issues a coupon of an ACTIVE offer to an account. For a REWARD offer, debits the price in
     * points from the account's wallet (released again if the issue fails). An offer with
     * UNIQUE_GENERATED, IMPORTED or RANDOM_WITH_PREFIX series gives out one unissued code of
     * them (the oldest series with a code left, or code_series_id), never the same code twice;
     * an offer without such a series gets a fresh random code.
     * The offer's issuance rules apply: with OfferRules.listed_accounts_only only accounts on its
     * customer list (OfferService.AddOfferCustomers) get one; OfferRules.max_account_issue_count
     * and OfferRules.min_issue_gap limit each account; when they refuse an account that holds a
     * redeemable coupon and OfferRules.rematch_policy is RESEND_EXISTING, that coupon is
     * returned (resent = true) instead. For an offer with a COMMON code series the coupon carries
     * the common code, at most once per account. The issue that leaves
     * OfferRules.issue_notification_threshold coupons to issue records an offer event
     * (Offer.issue_threshold_reach_time).
     * Errors: OFFER_NOT_FOUND, ACCOUNT_NOT_FOUND, CODE_SERIES_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE,
     * OFFER_NOT_ACTIVE, OFFER_NOT_STARTED, OFFER_ENDED, ACCOUNT_NOT_LISTED, PAST_COUPON_ISSUED
     * (OfferRules.past_issue_offer_ids; metadata "past_offer_id", "allowed_time"), ISSUE_GAP_NOT_MET
     * (metadata "retry_time"), ISSUE_LIMIT_PER_CUSTOMER_REACHED, OFFER_ISSUE_LIMIT_REACHED,
     * CODES_EXHAUSTED (the series has no unissued, unrevoked code left), INSUFFICIENT_POINTS (all
     * FAILED_PRECONDITION), COMMON_CODE_ALREADY_ISSUED (ALREADY_EXISTS).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.IssueCouponResponse issueCoupon(com.rewardscore.rewards.coupons.v1.IssueCouponRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getIssueCouponMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Issues coupons of one offer to many accounts. A bidirectional stream of independent
     * batches: each request message is one batch with its own request_id, answered by one
     * response message in the same order. A broken stream is resumed by sending the unanswered
     * batches again with their request_ids. One failing row does not fail its batch.
     * Each row names its customer by account id, external id (an EXTERNALCODE identifier),
     * mobile (a PHONE identifier) or e-mail (an EMAIL identifier) of the offer's program, and
     * may name the code to issue. Good rows are issued; a bad row changes nothing and gets its
     * reason: INVALID_ACCOUNT_ID, INVALID_EXTERNAL_ID, INVALID_MOBILE, INVALID_EMAIL (malformed),
     * ACCOUNT_NOT_FOUND (no account of the offer's program has the id or holds the identifier, or
     * it was deleted), ACCOUNT_NOT_ACTIVE (LOCKED or DEACTIVATED: the seed's "Invalid User ID: not
     * valid or inactive"), DUPLICATE_CODE (the row's code exists in the organisation and is not
     * revoked, or twice in the batch; a revoked code is issued again: the transfer of a coupon),
     * COMMON_CODE_ALREADY_ISSUED, and the other
     * reasons of IssueCoupon (ISSUE_LIMIT_PER_CUSTOMER_REACHED, ISSUE_GAP_NOT_MET,
     * OFFER_ISSUE_LIMIT_REACHED ...). One account's rows are issued in row order, so its limits
     * apply row by row; different accounts' rows are issued concurrently, so when the offer's
     * total limit runs out inside a batch, which of them it stops is not ordered.
     * Errors of the whole stream: OFFER_NOT_FOUND (NOT_FOUND), FIELD_INVALID when a later batch
     * names another offer.
     * </pre>
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<com.rewardscore.rewards.coupons.v1.BulkIssueCouponsRequest, com.rewardscore.rewards.coupons.v1.BulkIssueCouponsResponse>
        bulkIssueCoupons() {
      return io.grpc.stub.ClientCalls.blockingBidiStreamingCall(
          getChannel(), getBulkIssueCouponsMethod(), getCallOptions());
    }

    /**
     * <pre>
     * Reads one coupon.
     * Errors: COUPON_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.GetCouponResponse getCoupon(com.rewardscore.rewards.coupons.v1.GetCouponRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetCouponMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads an account's coupon of an offer by its account coupon id (Coupon.account_coupon_id,
     * e.g. scanned from a QR code): the account's newest coupon of the offer, with the redemption
     * counts of the account and of everyone.
     * Errors: COUPON_NOT_FOUND (NOT_FOUND; the account holds no coupon of the offer),
     * FIELD_INVALID (not an account coupon id).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.GetAccountCouponResponse getAccountCoupon(com.rewardscore.rewards.coupons.v1.GetAccountCouponRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetAccountCouponMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Activates an ISSUED coupon (of an offer with activation_required) so that it can be
     * redeemed. Activating an ACTIVE coupon succeeds without change.
     * Errors, in this order: COUPON_NOT_FOUND, ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE,
     * OFFER_NOT_ACTIVE, COUPON_REVOKED, COUPON_EXPIRED, COUPON_ALREADY_REDEEMED
     * (FAILED_PRECONDITION).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.ActivateCouponResponse activateCoupon(com.rewardscore.rewards.coupons.v1.ActivateCouponRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getActivateCouponMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Takes an activation back (e.g. the customer un-clips a coupon in the app): an ACTIVE coupon
     * of an offer with activation_required goes back to ISSUED and cannot be redeemed until it is
     * activated again. Deactivating an ISSUED coupon succeeds without change. Ordered against a
     * concurrent redemption by the coupon's row lock: a coupon is never redeemed while
     * deactivated, and a redeemed coupon is never deactivated.
     * Errors, in this order: COUPON_NOT_FOUND, ACCOUNT_NOT_FOUND (NOT_FOUND),
     * COUPON_ACTIVATION_NOT_REQUIRED, ACCOUNT_NOT_ACTIVE, OFFER_NOT_ACTIVE, COUPON_REVOKED, COUPON_EXPIRED, COUPON_ALREADY_REDEEMED (all
     * FAILED_PRECONDITION).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.DeactivateCouponResponse deactivateCoupon(com.rewardscore.rewards.coupons.v1.DeactivateCouponRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeactivateCouponMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Says whether RedeemCoupon would succeed now for this basket, and what it would give.
     * Reserves nothing: a later RedeemCoupon may still fail (e.g. a global limit reached in
     * between). A failing rule is a result (redeemable = false), not an RPC error; so are an
     * unknown coupon (COUPON_NOT_FOUND) and an unknown account (ACCOUNT_NOT_FOUND), each then the
     * only reason; ACCOUNT_NOT_ACTIVE is listed with the other failing rules.
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.ValidateCouponResponse validateCoupon(com.rewardscore.rewards.coupons.v1.ValidateCouponRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getValidateCouponMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Redeems a coupon for a purchase: checks every rule and limit atomically, counts the
     * redemption and records it in the ledger before answering.
     * Errors: the redemption rules in the order given on the service.
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.RedeemCouponResponse redeemCoupon(com.rewardscore.rewards.coupons.v1.RedeemCouponRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRedeemCouponMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Redeems up to 1,000 coupons in one call (AIP-233 style), each exactly as RedeemCoupon would:
     * every item carries its own request_id (required: a retry of the batch replays each item's
     * first answer) and gets its own answer, a response or an error, in the order of the request.
     * Not atomic across items: an item's refusal changes nothing for the others (atomic baskets
     * are CheckoutService's). Items are run concurrently and share the server's group commits.
     * Errors of the call itself: FIELD_REQUIRED (no item), FIELD_OUT_OF_RANGE (more than 1,000
     * items). Each item's error is one of RedeemCoupon's, or FIELD_INVALID for a request_id used by
     * two items of the batch, or STORE_NOT_ALLOWED for a store outside the client's stores.
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsResponse batchRedeemCoupons(com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getBatchRedeemCouponsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reverses a redemption (e.g. the purchase was cancelled or returned): the coupon gets the
     * use back (if not expired or revoked since) and the offer's counters go down. Extra points
     * credited by the redemption are debited again. Always the full redemption.
     * Errors: REDEMPTION_NOT_FOUND (NOT_FOUND), COUPON_REVOKED, REDEMPTION_ALREADY_REVERSED
     * (FAILED_PRECONDITION), INSUFFICIENT_POINTS (FAILED_PRECONDITION; the extra points were
     * spent).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.ReverseRedemptionResponse reverseRedemption(com.rewardscore.rewards.coupons.v1.ReverseRedemptionRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getReverseRedemptionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Revokes a coupon for good: it can no longer be activated, redeemed or reversed. A coupon
     * with a redemption in effect is never revoked (reverse the redemption first). Revoking a
     * REVOKED coupon succeeds without change. Points paid for a REWARD coupon are not refunded
     * (use LoyaltyService.RefundPoints). OfferService.RevokeCoupons revokes in bulk.
     * Errors: COUPON_NOT_FOUND (NOT_FOUND), COUPON_ALREADY_REDEEMED (FAILED_PRECONDITION).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.RevokeCouponResponse revokeCoupon(com.rewardscore.rewards.coupons.v1.RevokeCouponRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRevokeCouponMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the coupons issued to an account, newest issue first, each with its state and the
     * redemption counts of its offer (the account's and everyone's), and the offer's terms as
     * seed 001's account coupon carries them: the redemption limits (per account and in all), the
     * reward, the content, and when the coupon is redeemable from and until.
     * Errors: none beyond the common ones.
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.ListAccountCouponsResponse listAccountCoupons(com.rewardscore.rewards.coupons.v1.ListAccountCouponsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListAccountCouponsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the deals open to an account now, optionally at one store, zone or interaction
     * point: ACTIVE offers of the account's program whose rules (window, location, days, hours,
     * customer rules) let it redeem now, with the account's redeemable coupons and the
     * redemptions left. An offer tagged to zones (or concepts) is listed for those zones (or
     * concepts), and for a store only when its store_ids name it. Ordered by end_time, soonest first (no end last).
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE (FAILED_PRECONDITION; a LOCKED
     * or DEACTIVATED account has no deals).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.ListDealsResponse listDeals(com.rewardscore.rewards.coupons.v1.ListDealsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListDealsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Sends a held, valid coupon again to its holder, with the offer's RESEND template on the
     * offer's channel (through the outbox: the reply says the message is queued; it is sent at
     * least once, with the message_id as its stable id).
     * Errors: COUPON_NOT_FOUND (NOT_FOUND), COUPON_NOT_HELD (FAILED_PRECONDITION: another account
     * holds it), COUPON_EXPIRED, COUPON_ALREADY_REDEEMED, COUPON_REVOKED (FAILED_PRECONDITION),
     * DELIVERY_NOT_CONFIGURED (FAILED_PRECONDITION: the offer's channel is NONE or it has no
     * RESEND template).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.ResendCouponResponse resendCoupon(com.rewardscore.rewards.coupons.v1.ResendCouponRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getResendCouponMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service CouponService.
   * <pre>
   * Coupons at the checkout: issue, activate, validate, redeem, reverse, revoke, and the deals
   * open to a customer. Latency-sensitive; every mutating RPC is safe to retry with its
   * request_id. Rules are checked against the server's clock; no client time is trusted.
   * A coupon is named by (code, account_id): a unique code names one coupon (and account_id must
   * be the account it was issued to, else COUPON_NOT_FOUND); a COMMON code names that account's
   * coupon of the code.
   * Accounts. Every request that takes an account_id also takes account_identifier instead
   * (exactly one of the two, else FIELD_INVALID); an identifier is looked up in the program of the
   * offer concerned (ListAccountCoupons: in any program of the organisation, IDENTIFIER_AMBIGUOUS
   * when accounts of several programs hold it). IssueCoupon, BulkIssueCoupons, ActivateCoupon,
   * DeactivateCoupon, ValidateCoupon, RedeemCoupon and ListDeals check the account:
   * ACCOUNT_NOT_FOUND (NOT_FOUND) for an account that was never created, was deleted, belongs to
   * another organisation, or belongs to another program than the offer's (metadata "account_id",
   * and "program_id" the offer's program in that last case); ACCOUNT_NOT_ACTIVE
   * (FAILED_PRECONDITION, metadata "status") for a LOCKED or DEACTIVATED one. A status change
   * (AccountService.UpdateAccountStatus, DeleteAccount) holds for every later request at once:
   * it is published before its reply (should the server die between its commit and that
   * publication, within 60 s). A request that passed its account check before the change
   * committed may still complete.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.coupons"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with
   * the transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE).
   * The redemption rules fail in this order of precedence (all FAILED_PRECONDITION unless
   * noted): COUPON_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE,
   * OFFER_NOT_ACTIVE,
   * COUPON_REVOKED, COUPON_NOT_ACTIVATED, COUPON_EXPIRED, COUPON_ALREADY_REDEEMED,
   * OFFER_NOT_STARTED, OFFER_ENDED, REDEMPTION_NOT_STARTED, REDEMPTION_CLOSED_BEFORE_EXPIRY
   * (metadata "redemption_end_time"), OFFER_STORE_NOT_ALLOWED,
   * OFFER_ZONE_NOT_ALLOWED, OFFER_CONCEPT_NOT_ALLOWED, INTERACTION_POINT_NOT_ALLOWED, DAY_NOT_ALLOWED,
   * DAY_OF_MONTH_NOT_ALLOWED, HOUR_NOT_ALLOWED, ACCOUNT_REGISTERED_OUTSIDE_WINDOW,
   * NOT_NEW_CUSTOMER (both need the account: ACCOUNT_NOT_FOUND, NOT_FOUND, when it is
   * unknown), BILL_AMOUNT_TOO_LOW, BILL_AMOUNT_TOO_HIGH, NO_APPLICABLE_PRODUCT (no bill line
   * matches OfferRules.applicable_skus or applicable_categories), CURRENCY_MISMATCH
   * (INVALID_ARGUMENT), CURRENCY_RATE_MISSING (metadata "from_currency_code",
   * "to_currency_code"), REDEMPTION_GAP_NOT_ELAPSED (metadata "retry_time"),
   * ACCOUNT_REDEMPTION_LIMIT_REACHED, REDEMPTION_LIMIT_REACHED.
   * A reward (discount_amount, discount_amount_max) in a currency other than the bill's is
   * converted into the bill's currency with the organisation's rate for that pair (maintained
   * with `rewards-core rates set`), rounded down to a whole minor unit.
   * </pre>
   */
  public static final class CouponServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<CouponServiceBlockingStub> {
    private CouponServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CouponServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CouponServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Issues a coupon of an ACTIVE offer to an account. For a REWARD offer, debits the price in
     * points from the account's wallet (released again if the issue fails). An offer with
     * UNIQUE_GENERATED, IMPORTED or RANDOM_WITH_PREFIX series gives out one unissued code of
     * them (the oldest series with a code left, or code_series_id), never the same code twice;
     * an offer without such a series gets a fresh random code.
     * The offer's issuance rules apply: with OfferRules.listed_accounts_only only accounts on its
     * customer list (OfferService.AddOfferCustomers) get one; OfferRules.max_account_issue_count
     * and OfferRules.min_issue_gap limit each account; when they refuse an account that holds a
     * redeemable coupon and OfferRules.rematch_policy is RESEND_EXISTING, that coupon is
     * returned (resent = true) instead. For an offer with a COMMON code series the coupon carries
     * the common code, at most once per account. The issue that leaves
     * OfferRules.issue_notification_threshold coupons to issue records an offer event
     * (Offer.issue_threshold_reach_time).
     * Errors: OFFER_NOT_FOUND, ACCOUNT_NOT_FOUND, CODE_SERIES_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE,
     * OFFER_NOT_ACTIVE, OFFER_NOT_STARTED, OFFER_ENDED, ACCOUNT_NOT_LISTED, PAST_COUPON_ISSUED
     * (OfferRules.past_issue_offer_ids; metadata "past_offer_id", "allowed_time"), ISSUE_GAP_NOT_MET
     * (metadata "retry_time"), ISSUE_LIMIT_PER_CUSTOMER_REACHED, OFFER_ISSUE_LIMIT_REACHED,
     * CODES_EXHAUSTED (the series has no unissued, unrevoked code left), INSUFFICIENT_POINTS (all
     * FAILED_PRECONDITION), COMMON_CODE_ALREADY_ISSUED (ALREADY_EXISTS).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.IssueCouponResponse issueCoupon(com.rewardscore.rewards.coupons.v1.IssueCouponRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getIssueCouponMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads one coupon.
     * Errors: COUPON_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.GetCouponResponse getCoupon(com.rewardscore.rewards.coupons.v1.GetCouponRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetCouponMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads an account's coupon of an offer by its account coupon id (Coupon.account_coupon_id,
     * e.g. scanned from a QR code): the account's newest coupon of the offer, with the redemption
     * counts of the account and of everyone.
     * Errors: COUPON_NOT_FOUND (NOT_FOUND; the account holds no coupon of the offer),
     * FIELD_INVALID (not an account coupon id).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.GetAccountCouponResponse getAccountCoupon(com.rewardscore.rewards.coupons.v1.GetAccountCouponRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetAccountCouponMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Activates an ISSUED coupon (of an offer with activation_required) so that it can be
     * redeemed. Activating an ACTIVE coupon succeeds without change.
     * Errors, in this order: COUPON_NOT_FOUND, ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE,
     * OFFER_NOT_ACTIVE, COUPON_REVOKED, COUPON_EXPIRED, COUPON_ALREADY_REDEEMED
     * (FAILED_PRECONDITION).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.ActivateCouponResponse activateCoupon(com.rewardscore.rewards.coupons.v1.ActivateCouponRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getActivateCouponMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Takes an activation back (e.g. the customer un-clips a coupon in the app): an ACTIVE coupon
     * of an offer with activation_required goes back to ISSUED and cannot be redeemed until it is
     * activated again. Deactivating an ISSUED coupon succeeds without change. Ordered against a
     * concurrent redemption by the coupon's row lock: a coupon is never redeemed while
     * deactivated, and a redeemed coupon is never deactivated.
     * Errors, in this order: COUPON_NOT_FOUND, ACCOUNT_NOT_FOUND (NOT_FOUND),
     * COUPON_ACTIVATION_NOT_REQUIRED, ACCOUNT_NOT_ACTIVE, OFFER_NOT_ACTIVE, COUPON_REVOKED, COUPON_EXPIRED, COUPON_ALREADY_REDEEMED (all
     * FAILED_PRECONDITION).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.DeactivateCouponResponse deactivateCoupon(com.rewardscore.rewards.coupons.v1.DeactivateCouponRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeactivateCouponMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Says whether RedeemCoupon would succeed now for this basket, and what it would give.
     * Reserves nothing: a later RedeemCoupon may still fail (e.g. a global limit reached in
     * between). A failing rule is a result (redeemable = false), not an RPC error; so are an
     * unknown coupon (COUPON_NOT_FOUND) and an unknown account (ACCOUNT_NOT_FOUND), each then the
     * only reason; ACCOUNT_NOT_ACTIVE is listed with the other failing rules.
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.ValidateCouponResponse validateCoupon(com.rewardscore.rewards.coupons.v1.ValidateCouponRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getValidateCouponMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Redeems a coupon for a purchase: checks every rule and limit atomically, counts the
     * redemption and records it in the ledger before answering.
     * Errors: the redemption rules in the order given on the service.
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.RedeemCouponResponse redeemCoupon(com.rewardscore.rewards.coupons.v1.RedeemCouponRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRedeemCouponMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Redeems up to 1,000 coupons in one call (AIP-233 style), each exactly as RedeemCoupon would:
     * every item carries its own request_id (required: a retry of the batch replays each item's
     * first answer) and gets its own answer, a response or an error, in the order of the request.
     * Not atomic across items: an item's refusal changes nothing for the others (atomic baskets
     * are CheckoutService's). Items are run concurrently and share the server's group commits.
     * Errors of the call itself: FIELD_REQUIRED (no item), FIELD_OUT_OF_RANGE (more than 1,000
     * items). Each item's error is one of RedeemCoupon's, or FIELD_INVALID for a request_id used by
     * two items of the batch, or STORE_NOT_ALLOWED for a store outside the client's stores.
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsResponse batchRedeemCoupons(com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getBatchRedeemCouponsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reverses a redemption (e.g. the purchase was cancelled or returned): the coupon gets the
     * use back (if not expired or revoked since) and the offer's counters go down. Extra points
     * credited by the redemption are debited again. Always the full redemption.
     * Errors: REDEMPTION_NOT_FOUND (NOT_FOUND), COUPON_REVOKED, REDEMPTION_ALREADY_REVERSED
     * (FAILED_PRECONDITION), INSUFFICIENT_POINTS (FAILED_PRECONDITION; the extra points were
     * spent).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.ReverseRedemptionResponse reverseRedemption(com.rewardscore.rewards.coupons.v1.ReverseRedemptionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getReverseRedemptionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Revokes a coupon for good: it can no longer be activated, redeemed or reversed. A coupon
     * with a redemption in effect is never revoked (reverse the redemption first). Revoking a
     * REVOKED coupon succeeds without change. Points paid for a REWARD coupon are not refunded
     * (use LoyaltyService.RefundPoints). OfferService.RevokeCoupons revokes in bulk.
     * Errors: COUPON_NOT_FOUND (NOT_FOUND), COUPON_ALREADY_REDEEMED (FAILED_PRECONDITION).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.RevokeCouponResponse revokeCoupon(com.rewardscore.rewards.coupons.v1.RevokeCouponRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRevokeCouponMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the coupons issued to an account, newest issue first, each with its state and the
     * redemption counts of its offer (the account's and everyone's), and the offer's terms as
     * seed 001's account coupon carries them: the redemption limits (per account and in all), the
     * reward, the content, and when the coupon is redeemable from and until.
     * Errors: none beyond the common ones.
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.ListAccountCouponsResponse listAccountCoupons(com.rewardscore.rewards.coupons.v1.ListAccountCouponsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListAccountCouponsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the deals open to an account now, optionally at one store, zone or interaction
     * point: ACTIVE offers of the account's program whose rules (window, location, days, hours,
     * customer rules) let it redeem now, with the account's redeemable coupons and the
     * redemptions left. An offer tagged to zones (or concepts) is listed for those zones (or
     * concepts), and for a store only when its store_ids name it. Ordered by end_time, soonest first (no end last).
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE (FAILED_PRECONDITION; a LOCKED
     * or DEACTIVATED account has no deals).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.ListDealsResponse listDeals(com.rewardscore.rewards.coupons.v1.ListDealsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListDealsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Sends a held, valid coupon again to its holder, with the offer's RESEND template on the
     * offer's channel (through the outbox: the reply says the message is queued; it is sent at
     * least once, with the message_id as its stable id).
     * Errors: COUPON_NOT_FOUND (NOT_FOUND), COUPON_NOT_HELD (FAILED_PRECONDITION: another account
     * holds it), COUPON_EXPIRED, COUPON_ALREADY_REDEEMED, COUPON_REVOKED (FAILED_PRECONDITION),
     * DELIVERY_NOT_CONFIGURED (FAILED_PRECONDITION: the offer's channel is NONE or it has no
     * RESEND template).
     * </pre>
     */
    public com.rewardscore.rewards.coupons.v1.ResendCouponResponse resendCoupon(com.rewardscore.rewards.coupons.v1.ResendCouponRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getResendCouponMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service CouponService.
   * <pre>
   * Coupons at the checkout: issue, activate, validate, redeem, reverse, revoke, and the deals
   * open to a customer. Latency-sensitive; every mutating RPC is safe to retry with its
   * request_id. Rules are checked against the server's clock; no client time is trusted.
   * A coupon is named by (code, account_id): a unique code names one coupon (and account_id must
   * be the account it was issued to, else COUPON_NOT_FOUND); a COMMON code names that account's
   * coupon of the code.
   * Accounts. Every request that takes an account_id also takes account_identifier instead
   * (exactly one of the two, else FIELD_INVALID); an identifier is looked up in the program of the
   * offer concerned (ListAccountCoupons: in any program of the organisation, IDENTIFIER_AMBIGUOUS
   * when accounts of several programs hold it). IssueCoupon, BulkIssueCoupons, ActivateCoupon,
   * DeactivateCoupon, ValidateCoupon, RedeemCoupon and ListDeals check the account:
   * ACCOUNT_NOT_FOUND (NOT_FOUND) for an account that was never created, was deleted, belongs to
   * another organisation, or belongs to another program than the offer's (metadata "account_id",
   * and "program_id" the offer's program in that last case); ACCOUNT_NOT_ACTIVE
   * (FAILED_PRECONDITION, metadata "status") for a LOCKED or DEACTIVATED one. A status change
   * (AccountService.UpdateAccountStatus, DeleteAccount) holds for every later request at once:
   * it is published before its reply (should the server die between its commit and that
   * publication, within 60 s). A request that passed its account check before the change
   * committed may still complete.
   * Errors travel as google.rpc.Status with an ErrorInfo (domain "rewards.coupons"). Besides the
   * reasons listed per RPC, any RPC may fail with FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG,
   * FIELD_OUT_OF_RANGE (INVALID_ARGUMENT, metadata "field"), any mutating RPC with
   * IDEMPOTENCY_KEY_REUSED (ALREADY_EXISTS) and REQUEST_IN_FLIGHT (ABORTED), and any RPC with
   * the transient LEDGER_QUEUE_FULL (RESOURCE_EXHAUSTED), STATE_REBUILDING, STORE_UNAVAILABLE,
   * SHUTTING_DOWN (UNAVAILABLE).
   * The redemption rules fail in this order of precedence (all FAILED_PRECONDITION unless
   * noted): COUPON_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE,
   * OFFER_NOT_ACTIVE,
   * COUPON_REVOKED, COUPON_NOT_ACTIVATED, COUPON_EXPIRED, COUPON_ALREADY_REDEEMED,
   * OFFER_NOT_STARTED, OFFER_ENDED, REDEMPTION_NOT_STARTED, REDEMPTION_CLOSED_BEFORE_EXPIRY
   * (metadata "redemption_end_time"), OFFER_STORE_NOT_ALLOWED,
   * OFFER_ZONE_NOT_ALLOWED, OFFER_CONCEPT_NOT_ALLOWED, INTERACTION_POINT_NOT_ALLOWED, DAY_NOT_ALLOWED,
   * DAY_OF_MONTH_NOT_ALLOWED, HOUR_NOT_ALLOWED, ACCOUNT_REGISTERED_OUTSIDE_WINDOW,
   * NOT_NEW_CUSTOMER (both need the account: ACCOUNT_NOT_FOUND, NOT_FOUND, when it is
   * unknown), BILL_AMOUNT_TOO_LOW, BILL_AMOUNT_TOO_HIGH, NO_APPLICABLE_PRODUCT (no bill line
   * matches OfferRules.applicable_skus or applicable_categories), CURRENCY_MISMATCH
   * (INVALID_ARGUMENT), CURRENCY_RATE_MISSING (metadata "from_currency_code",
   * "to_currency_code"), REDEMPTION_GAP_NOT_ELAPSED (metadata "retry_time"),
   * ACCOUNT_REDEMPTION_LIMIT_REACHED, REDEMPTION_LIMIT_REACHED.
   * A reward (discount_amount, discount_amount_max) in a currency other than the bill's is
   * converted into the bill's currency with the organisation's rate for that pair (maintained
   * with `rewards-core rates set`), rounded down to a whole minor unit.
   * </pre>
   */
  public static final class CouponServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<CouponServiceFutureStub> {
    private CouponServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CouponServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CouponServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Issues a coupon of an ACTIVE offer to an account. For a REWARD offer, debits the price in
     * points from the account's wallet (released again if the issue fails). An offer with
     * UNIQUE_GENERATED, IMPORTED or RANDOM_WITH_PREFIX series gives out one unissued code of
     * them (the oldest series with a code left, or code_series_id), never the same code twice;
     * an offer without such a series gets a fresh random code.
     * The offer's issuance rules apply: with OfferRules.listed_accounts_only only accounts on its
     * customer list (OfferService.AddOfferCustomers) get one; OfferRules.max_account_issue_count
     * and OfferRules.min_issue_gap limit each account; when they refuse an account that holds a
     * redeemable coupon and OfferRules.rematch_policy is RESEND_EXISTING, that coupon is
     * returned (resent = true) instead. For an offer with a COMMON code series the coupon carries
     * the common code, at most once per account. The issue that leaves
     * OfferRules.issue_notification_threshold coupons to issue records an offer event
     * (Offer.issue_threshold_reach_time).
     * Errors: OFFER_NOT_FOUND, ACCOUNT_NOT_FOUND, CODE_SERIES_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE,
     * OFFER_NOT_ACTIVE, OFFER_NOT_STARTED, OFFER_ENDED, ACCOUNT_NOT_LISTED, PAST_COUPON_ISSUED
     * (OfferRules.past_issue_offer_ids; metadata "past_offer_id", "allowed_time"), ISSUE_GAP_NOT_MET
     * (metadata "retry_time"), ISSUE_LIMIT_PER_CUSTOMER_REACHED, OFFER_ISSUE_LIMIT_REACHED,
     * CODES_EXHAUSTED (the series has no unissued, unrevoked code left), INSUFFICIENT_POINTS (all
     * FAILED_PRECONDITION), COMMON_CODE_ALREADY_ISSUED (ALREADY_EXISTS).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.coupons.v1.IssueCouponResponse> issueCoupon(
        com.rewardscore.rewards.coupons.v1.IssueCouponRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getIssueCouponMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Reads one coupon.
     * Errors: COUPON_NOT_FOUND (NOT_FOUND).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.coupons.v1.GetCouponResponse> getCoupon(
        com.rewardscore.rewards.coupons.v1.GetCouponRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetCouponMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Reads an account's coupon of an offer by its account coupon id (Coupon.account_coupon_id,
     * e.g. scanned from a QR code): the account's newest coupon of the offer, with the redemption
     * counts of the account and of everyone.
     * Errors: COUPON_NOT_FOUND (NOT_FOUND; the account holds no coupon of the offer),
     * FIELD_INVALID (not an account coupon id).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.coupons.v1.GetAccountCouponResponse> getAccountCoupon(
        com.rewardscore.rewards.coupons.v1.GetAccountCouponRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetAccountCouponMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Activates an ISSUED coupon (of an offer with activation_required) so that it can be
     * redeemed. Activating an ACTIVE coupon succeeds without change.
     * Errors, in this order: COUPON_NOT_FOUND, ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE,
     * OFFER_NOT_ACTIVE, COUPON_REVOKED, COUPON_EXPIRED, COUPON_ALREADY_REDEEMED
     * (FAILED_PRECONDITION).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.coupons.v1.ActivateCouponResponse> activateCoupon(
        com.rewardscore.rewards.coupons.v1.ActivateCouponRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getActivateCouponMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Takes an activation back (e.g. the customer un-clips a coupon in the app): an ACTIVE coupon
     * of an offer with activation_required goes back to ISSUED and cannot be redeemed until it is
     * activated again. Deactivating an ISSUED coupon succeeds without change. Ordered against a
     * concurrent redemption by the coupon's row lock: a coupon is never redeemed while
     * deactivated, and a redeemed coupon is never deactivated.
     * Errors, in this order: COUPON_NOT_FOUND, ACCOUNT_NOT_FOUND (NOT_FOUND),
     * COUPON_ACTIVATION_NOT_REQUIRED, ACCOUNT_NOT_ACTIVE, OFFER_NOT_ACTIVE, COUPON_REVOKED, COUPON_EXPIRED, COUPON_ALREADY_REDEEMED (all
     * FAILED_PRECONDITION).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.coupons.v1.DeactivateCouponResponse> deactivateCoupon(
        com.rewardscore.rewards.coupons.v1.DeactivateCouponRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeactivateCouponMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Says whether RedeemCoupon would succeed now for this basket, and what it would give.
     * Reserves nothing: a later RedeemCoupon may still fail (e.g. a global limit reached in
     * between). A failing rule is a result (redeemable = false), not an RPC error; so are an
     * unknown coupon (COUPON_NOT_FOUND) and an unknown account (ACCOUNT_NOT_FOUND), each then the
     * only reason; ACCOUNT_NOT_ACTIVE is listed with the other failing rules.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.coupons.v1.ValidateCouponResponse> validateCoupon(
        com.rewardscore.rewards.coupons.v1.ValidateCouponRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getValidateCouponMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Redeems a coupon for a purchase: checks every rule and limit atomically, counts the
     * redemption and records it in the ledger before answering.
     * Errors: the redemption rules in the order given on the service.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.coupons.v1.RedeemCouponResponse> redeemCoupon(
        com.rewardscore.rewards.coupons.v1.RedeemCouponRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRedeemCouponMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Redeems up to 1,000 coupons in one call (AIP-233 style), each exactly as RedeemCoupon would:
     * every item carries its own request_id (required: a retry of the batch replays each item's
     * first answer) and gets its own answer, a response or an error, in the order of the request.
     * Not atomic across items: an item's refusal changes nothing for the others (atomic baskets
     * are CheckoutService's). Items are run concurrently and share the server's group commits.
     * Errors of the call itself: FIELD_REQUIRED (no item), FIELD_OUT_OF_RANGE (more than 1,000
     * items). Each item's error is one of RedeemCoupon's, or FIELD_INVALID for a request_id used by
     * two items of the batch, or STORE_NOT_ALLOWED for a store outside the client's stores.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsResponse> batchRedeemCoupons(
        com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getBatchRedeemCouponsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Reverses a redemption (e.g. the purchase was cancelled or returned): the coupon gets the
     * use back (if not expired or revoked since) and the offer's counters go down. Extra points
     * credited by the redemption are debited again. Always the full redemption.
     * Errors: REDEMPTION_NOT_FOUND (NOT_FOUND), COUPON_REVOKED, REDEMPTION_ALREADY_REVERSED
     * (FAILED_PRECONDITION), INSUFFICIENT_POINTS (FAILED_PRECONDITION; the extra points were
     * spent).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.coupons.v1.ReverseRedemptionResponse> reverseRedemption(
        com.rewardscore.rewards.coupons.v1.ReverseRedemptionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getReverseRedemptionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Revokes a coupon for good: it can no longer be activated, redeemed or reversed. A coupon
     * with a redemption in effect is never revoked (reverse the redemption first). Revoking a
     * REVOKED coupon succeeds without change. Points paid for a REWARD coupon are not refunded
     * (use LoyaltyService.RefundPoints). OfferService.RevokeCoupons revokes in bulk.
     * Errors: COUPON_NOT_FOUND (NOT_FOUND), COUPON_ALREADY_REDEEMED (FAILED_PRECONDITION).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.coupons.v1.RevokeCouponResponse> revokeCoupon(
        com.rewardscore.rewards.coupons.v1.RevokeCouponRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRevokeCouponMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the coupons issued to an account, newest issue first, each with its state and the
     * redemption counts of its offer (the account's and everyone's), and the offer's terms as
     * seed 001's account coupon carries them: the redemption limits (per account and in all), the
     * reward, the content, and when the coupon is redeemable from and until.
     * Errors: none beyond the common ones.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.coupons.v1.ListAccountCouponsResponse> listAccountCoupons(
        com.rewardscore.rewards.coupons.v1.ListAccountCouponsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListAccountCouponsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the deals open to an account now, optionally at one store, zone or interaction
     * point: ACTIVE offers of the account's program whose rules (window, location, days, hours,
     * customer rules) let it redeem now, with the account's redeemable coupons and the
     * redemptions left. An offer tagged to zones (or concepts) is listed for those zones (or
     * concepts), and for a store only when its store_ids name it. Ordered by end_time, soonest first (no end last).
     * Errors: ACCOUNT_NOT_FOUND (NOT_FOUND), ACCOUNT_NOT_ACTIVE (FAILED_PRECONDITION; a LOCKED
     * or DEACTIVATED account has no deals).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.coupons.v1.ListDealsResponse> listDeals(
        com.rewardscore.rewards.coupons.v1.ListDealsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListDealsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Sends a held, valid coupon again to its holder, with the offer's RESEND template on the
     * offer's channel (through the outbox: the reply says the message is queued; it is sent at
     * least once, with the message_id as its stable id).
     * Errors: COUPON_NOT_FOUND (NOT_FOUND), COUPON_NOT_HELD (FAILED_PRECONDITION: another account
     * holds it), COUPON_EXPIRED, COUPON_ALREADY_REDEEMED, COUPON_REVOKED (FAILED_PRECONDITION),
     * DELIVERY_NOT_CONFIGURED (FAILED_PRECONDITION: the offer's channel is NONE or it has no
     * RESEND template).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.rewardscore.rewards.coupons.v1.ResendCouponResponse> resendCoupon(
        com.rewardscore.rewards.coupons.v1.ResendCouponRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getResendCouponMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_ISSUE_COUPON = 0;
  private static final int METHODID_GET_COUPON = 1;
  private static final int METHODID_GET_ACCOUNT_COUPON = 2;
  private static final int METHODID_ACTIVATE_COUPON = 3;
  private static final int METHODID_DEACTIVATE_COUPON = 4;
  private static final int METHODID_VALIDATE_COUPON = 5;
  private static final int METHODID_REDEEM_COUPON = 6;
  private static final int METHODID_BATCH_REDEEM_COUPONS = 7;
  private static final int METHODID_REVERSE_REDEMPTION = 8;
  private static final int METHODID_REVOKE_COUPON = 9;
  private static final int METHODID_LIST_ACCOUNT_COUPONS = 10;
  private static final int METHODID_LIST_DEALS = 11;
  private static final int METHODID_RESEND_COUPON = 12;
  private static final int METHODID_BULK_ISSUE_COUPONS = 13;

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
        case METHODID_ISSUE_COUPON:
          serviceImpl.issueCoupon((com.rewardscore.rewards.coupons.v1.IssueCouponRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.IssueCouponResponse>) responseObserver);
          break;
        case METHODID_GET_COUPON:
          serviceImpl.getCoupon((com.rewardscore.rewards.coupons.v1.GetCouponRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.GetCouponResponse>) responseObserver);
          break;
        case METHODID_GET_ACCOUNT_COUPON:
          serviceImpl.getAccountCoupon((com.rewardscore.rewards.coupons.v1.GetAccountCouponRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.GetAccountCouponResponse>) responseObserver);
          break;
        case METHODID_ACTIVATE_COUPON:
          serviceImpl.activateCoupon((com.rewardscore.rewards.coupons.v1.ActivateCouponRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ActivateCouponResponse>) responseObserver);
          break;
        case METHODID_DEACTIVATE_COUPON:
          serviceImpl.deactivateCoupon((com.rewardscore.rewards.coupons.v1.DeactivateCouponRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.DeactivateCouponResponse>) responseObserver);
          break;
        case METHODID_VALIDATE_COUPON:
          serviceImpl.validateCoupon((com.rewardscore.rewards.coupons.v1.ValidateCouponRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ValidateCouponResponse>) responseObserver);
          break;
        case METHODID_REDEEM_COUPON:
          serviceImpl.redeemCoupon((com.rewardscore.rewards.coupons.v1.RedeemCouponRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.RedeemCouponResponse>) responseObserver);
          break;
        case METHODID_BATCH_REDEEM_COUPONS:
          serviceImpl.batchRedeemCoupons((com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsResponse>) responseObserver);
          break;
        case METHODID_REVERSE_REDEMPTION:
          serviceImpl.reverseRedemption((com.rewardscore.rewards.coupons.v1.ReverseRedemptionRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ReverseRedemptionResponse>) responseObserver);
          break;
        case METHODID_REVOKE_COUPON:
          serviceImpl.revokeCoupon((com.rewardscore.rewards.coupons.v1.RevokeCouponRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.RevokeCouponResponse>) responseObserver);
          break;
        case METHODID_LIST_ACCOUNT_COUPONS:
          serviceImpl.listAccountCoupons((com.rewardscore.rewards.coupons.v1.ListAccountCouponsRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ListAccountCouponsResponse>) responseObserver);
          break;
        case METHODID_LIST_DEALS:
          serviceImpl.listDeals((com.rewardscore.rewards.coupons.v1.ListDealsRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ListDealsResponse>) responseObserver);
          break;
        case METHODID_RESEND_COUPON:
          serviceImpl.resendCoupon((com.rewardscore.rewards.coupons.v1.ResendCouponRequest) request,
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.ResendCouponResponse>) responseObserver);
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
        case METHODID_BULK_ISSUE_COUPONS:
          return (io.grpc.stub.StreamObserver<Req>) serviceImpl.bulkIssueCoupons(
              (io.grpc.stub.StreamObserver<com.rewardscore.rewards.coupons.v1.BulkIssueCouponsResponse>) responseObserver);
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getIssueCouponMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.IssueCouponRequest,
              com.rewardscore.rewards.coupons.v1.IssueCouponResponse>(
                service, METHODID_ISSUE_COUPON)))
        .addMethod(
          getBulkIssueCouponsMethod(),
          io.grpc.stub.ServerCalls.asyncBidiStreamingCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.BulkIssueCouponsRequest,
              com.rewardscore.rewards.coupons.v1.BulkIssueCouponsResponse>(
                service, METHODID_BULK_ISSUE_COUPONS)))
        .addMethod(
          getGetCouponMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.GetCouponRequest,
              com.rewardscore.rewards.coupons.v1.GetCouponResponse>(
                service, METHODID_GET_COUPON)))
        .addMethod(
          getGetAccountCouponMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.GetAccountCouponRequest,
              com.rewardscore.rewards.coupons.v1.GetAccountCouponResponse>(
                service, METHODID_GET_ACCOUNT_COUPON)))
        .addMethod(
          getActivateCouponMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.ActivateCouponRequest,
              com.rewardscore.rewards.coupons.v1.ActivateCouponResponse>(
                service, METHODID_ACTIVATE_COUPON)))
        .addMethod(
          getDeactivateCouponMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.DeactivateCouponRequest,
              com.rewardscore.rewards.coupons.v1.DeactivateCouponResponse>(
                service, METHODID_DEACTIVATE_COUPON)))
        .addMethod(
          getValidateCouponMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.ValidateCouponRequest,
              com.rewardscore.rewards.coupons.v1.ValidateCouponResponse>(
                service, METHODID_VALIDATE_COUPON)))
        .addMethod(
          getRedeemCouponMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.RedeemCouponRequest,
              com.rewardscore.rewards.coupons.v1.RedeemCouponResponse>(
                service, METHODID_REDEEM_COUPON)))
        .addMethod(
          getBatchRedeemCouponsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsRequest,
              com.rewardscore.rewards.coupons.v1.BatchRedeemCouponsResponse>(
                service, METHODID_BATCH_REDEEM_COUPONS)))
        .addMethod(
          getReverseRedemptionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.ReverseRedemptionRequest,
              com.rewardscore.rewards.coupons.v1.ReverseRedemptionResponse>(
                service, METHODID_REVERSE_REDEMPTION)))
        .addMethod(
          getRevokeCouponMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.RevokeCouponRequest,
              com.rewardscore.rewards.coupons.v1.RevokeCouponResponse>(
                service, METHODID_REVOKE_COUPON)))
        .addMethod(
          getListAccountCouponsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.ListAccountCouponsRequest,
              com.rewardscore.rewards.coupons.v1.ListAccountCouponsResponse>(
                service, METHODID_LIST_ACCOUNT_COUPONS)))
        .addMethod(
          getListDealsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.ListDealsRequest,
              com.rewardscore.rewards.coupons.v1.ListDealsResponse>(
                service, METHODID_LIST_DEALS)))
        .addMethod(
          getResendCouponMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.rewardscore.rewards.coupons.v1.ResendCouponRequest,
              com.rewardscore.rewards.coupons.v1.ResendCouponResponse>(
                service, METHODID_RESEND_COUPON)))
        .build();
  }

  private static abstract class CouponServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    CouponServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.rewardscore.rewards.coupons.v1.CouponServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("CouponService");
    }
  }

  private static final class CouponServiceFileDescriptorSupplier
      extends CouponServiceBaseDescriptorSupplier {
    CouponServiceFileDescriptorSupplier() {}
  }

  private static final class CouponServiceMethodDescriptorSupplier
      extends CouponServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    CouponServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (CouponServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new CouponServiceFileDescriptorSupplier())
              .addMethod(getIssueCouponMethod())
              .addMethod(getBulkIssueCouponsMethod())
              .addMethod(getGetCouponMethod())
              .addMethod(getGetAccountCouponMethod())
              .addMethod(getActivateCouponMethod())
              .addMethod(getDeactivateCouponMethod())
              .addMethod(getValidateCouponMethod())
              .addMethod(getRedeemCouponMethod())
              .addMethod(getBatchRedeemCouponsMethod())
              .addMethod(getReverseRedemptionMethod())
              .addMethod(getRevokeCouponMethod())
              .addMethod(getListAccountCouponsMethod())
              .addMethod(getListDealsMethod())
              .addMethod(getResendCouponMethod())
              .build();
        }
      }
    }
    return result;
  }
}
