// Server errors read back as one typed error class.
//
// Every rewards-core failure carries a google.rpc.Status in the `grpc-status-details-bin` trailer
// with one google.rpc.ErrorInfo: `reason` (stable, UPPER_SNAKE_CASE), `domain` ("rewards.<context>")
// and `metadata`; transient reasons add a google.rpc.RetryInfo. google/rpc is not generated into
// src/gen, so the few fields needed are read here with @bufbuild/protobuf's wire reader.

import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";
import { Metadata, type ServiceError, status } from "@grpc/grpc-js";

export const STATUS_DETAILS_TRAILER = "grpc-status-details-bin";
export const REQUEST_ID_TRAILER = "x-request-id";
const ERROR_INFO_TYPE = "type.googleapis.com/google.rpc.ErrorInfo";
const RETRY_INFO_TYPE = "type.googleapis.com/google.rpc.RetryInfo";

/** What a google.rpc.Status says beyond the code, as far as rewards-core uses it. */
export interface StatusDetails {
  code: number;
  message: string;
  reason?: string;
  domain?: string;
  metadata: Record<string, string>;
  retryDelayMs?: number;
}

export interface RewardsErrorInit {
  code: status;
  details: string;
  reason?: string;
  domain?: string;
  metadata?: Record<string, string>;
  retryDelayMs?: number;
  requestId?: string;
  trailers?: Metadata;
  cause?: unknown;
}

/**
 * A failed call. Switch on `reason` for precise handling; `code` is the gRPC status code
 * (`status.NOT_FOUND`, ...), `codeName` its name.
 */
export class RewardsError extends Error {
  override readonly name = "RewardsError";
  readonly code: status;
  /** The server's message (google.rpc.Status.message / grpc-message). */
  readonly details: string;
  /** ErrorInfo.reason, e.g. "ACCOUNT_NOT_FOUND"; undefined when the failure did not come from the server. */
  readonly reason: string | undefined;
  /** ErrorInfo.domain, e.g. "rewards.accounts". */
  readonly domain: string | undefined;
  /** ErrorInfo.metadata, e.g. {field: "account_id"}. */
  readonly metadata: Readonly<Record<string, string>>;
  /** RetryInfo.retry_delay in milliseconds, when the server suggests one (transient reasons). */
  readonly retryDelayMs: number | undefined;
  /** The server's id of the failed call (`x-request-id` trailer), for support requests and logs. */
  readonly requestId: string | undefined;
  /** The raw trailing metadata. */
  readonly trailers: Metadata;

  constructor(init: RewardsErrorInit) {
    super(`${init.reason ?? status[init.code] ?? `code ${init.code}`}: ${init.details}`, { cause: init.cause });
    this.code = init.code;
    this.details = init.details;
    this.reason = init.reason;
    this.domain = init.domain;
    this.metadata = Object.freeze({ ...(init.metadata ?? {}) });
    this.retryDelayMs = init.retryDelayMs;
    this.requestId = init.requestId;
    this.trailers = init.trailers ?? new Metadata();
  }

  /** "NOT_FOUND", "UNAVAILABLE", ... */
  get codeName(): string {
    return status[this.code] ?? String(this.code);
  }

  /** True for UNAVAILABLE and for failures the server marks transient with a RetryInfo. */
  get retryable(): boolean {
    return this.code === status.UNAVAILABLE || this.retryDelayMs !== undefined;
  }
}

export function isServiceError(error: unknown): error is ServiceError {
  return (
    error instanceof Error &&
    typeof (error as Partial<ServiceError>).code === "number" &&
    (error as Partial<ServiceError>).metadata instanceof Metadata
  );
}

/** The RewardsError for any failure of a call (a grpc-js ServiceError, or anything thrown). */
export function toRewardsError(error: unknown): RewardsError {
  if (error instanceof RewardsError) return error;
  if (isServiceError(error)) {
    let parsed: StatusDetails | undefined;
    for (const value of error.metadata.get(STATUS_DETAILS_TRAILER)) {
      if (typeof value === "string") continue;
      try {
        parsed = decodeStatus(value);
      } catch {
        parsed = undefined; // A malformed trailer: keep the code and message.
      }
      break;
    }
    const requestId = error.metadata.get(REQUEST_ID_TRAILER).find((v): v is string => typeof v === "string");
    return new RewardsError({
      code: error.code,
      details: error.details ?? parsed?.message ?? "",
      reason: parsed?.reason,
      domain: parsed?.domain,
      metadata: parsed?.metadata,
      retryDelayMs: parsed?.retryDelayMs,
      requestId,
      trailers: error.metadata,
      cause: error,
    });
  }
  return new RewardsError({ code: status.UNKNOWN, details: String(error), cause: error });
}

/** Decodes a google.rpc.Status: code, message, and the ErrorInfo / RetryInfo among its details. */
export function decodeStatus(bytes: Uint8Array): StatusDetails {
  const result: StatusDetails = { code: 0, message: "", metadata: {} };
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [field, wireType] = reader.tag();
    if (field === 1 && wireType === WireType.Varint) {
      result.code = reader.int32();
    } else if (field === 2 && wireType === WireType.LengthDelimited) {
      result.message = reader.string();
    } else if (field === 3 && wireType === WireType.LengthDelimited) {
      const [typeUrl, value] = decodeAny(reader.bytes());
      if (typeUrl === ERROR_INFO_TYPE) {
        const info = decodeErrorInfo(value);
        result.reason = info.reason;
        result.domain = info.domain;
        result.metadata = info.metadata;
      } else if (typeUrl === RETRY_INFO_TYPE) {
        result.retryDelayMs = decodeRetryInfo(value);
      }
    } else {
      reader.skip(wireType, field);
    }
  }
  return result;
}

function decodeAny(bytes: Uint8Array): [string, Uint8Array] {
  let typeUrl = "";
  let value: Uint8Array = new Uint8Array(0);
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [field, wireType] = reader.tag();
    if (field === 1 && wireType === WireType.LengthDelimited) typeUrl = reader.string();
    else if (field === 2 && wireType === WireType.LengthDelimited) value = reader.bytes();
    else reader.skip(wireType, field);
  }
  return [typeUrl, value];
}

function decodeErrorInfo(bytes: Uint8Array): { reason: string; domain: string; metadata: Record<string, string> } {
  const info = { reason: "", domain: "", metadata: {} as Record<string, string> };
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [field, wireType] = reader.tag();
    if (field === 1 && wireType === WireType.LengthDelimited) {
      info.reason = reader.string();
    } else if (field === 2 && wireType === WireType.LengthDelimited) {
      info.domain = reader.string();
    } else if (field === 3 && wireType === WireType.LengthDelimited) {
      // map<string, string> entry: {1 key, 2 value}
      const entry = new BinaryReader(reader.bytes());
      let key = "";
      let value = "";
      while (entry.pos < entry.len) {
        const [entryField, entryWireType] = entry.tag();
        if (entryField === 1 && entryWireType === WireType.LengthDelimited) key = entry.string();
        else if (entryField === 2 && entryWireType === WireType.LengthDelimited) value = entry.string();
        else entry.skip(entryWireType, entryField);
      }
      info.metadata[key] = value;
    } else {
      reader.skip(wireType, field);
    }
  }
  return info;
}

/** RetryInfo{1 retry_delay Duration{1 seconds int64, 2 nanos int32}} -> milliseconds. */
function decodeRetryInfo(bytes: Uint8Array): number | undefined {
  let delayMs: number | undefined;
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [field, wireType] = reader.tag();
    if (field === 1 && wireType === WireType.LengthDelimited) {
      const duration = new BinaryReader(reader.bytes());
      let seconds = 0;
      let nanos = 0;
      while (duration.pos < duration.len) {
        const [durationField, durationWireType] = duration.tag();
        if (durationField === 1 && durationWireType === WireType.Varint) seconds = Number(duration.int64());
        else if (durationField === 2 && durationWireType === WireType.Varint) nanos = duration.int32();
        else duration.skip(durationWireType, durationField);
      }
      delayMs = seconds * 1000 + nanos / 1e6;
    } else {
      reader.skip(wireType, field);
    }
  }
  return delayMs;
}
