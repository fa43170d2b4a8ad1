package rewardsclient

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strconv"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/encoding"
	_ "google.golang.org/grpc/encoding/proto" // registers the "proto" codec used as fallback
	"google.golang.org/grpc/mem"
	"google.golang.org/grpc/metadata"
	"google.golang.org/protobuf/proto"
)

// Request-signing metadata keys.
const (
	TimestampHeader = "x-rewards-timestamp"
	NonceHeader     = "x-rewards-nonce"
	SignatureHeader = "x-rewards-signature"
)

const signingKeyLabel = "rewards-core request signing v1"

// publicMethods need neither an access token nor a signature.
var publicMethods = map[string]bool{
	"/rewards.auth.v1.AuthService/IssueToken":   true,
	"/rewards.auth.v1.AuthService/RefreshToken": true,
}

// SigningKey derives the request-signing key from a client secret:
// HMAC-SHA256(key = secret (UTF-8), msg = "rewards-core request signing v1").
func SigningKey(clientSecret string) []byte {
	mac := hmac.New(sha256.New, []byte(clientSecret))
	mac.Write([]byte(signingKeyLabel))
	return mac.Sum(nil)
}

// StringToSign is method "\n" timestamp "\n" nonce "\n" lowercase hex(SHA-256(body)).
func StringToSign(method, timestamp, nonce string, body []byte) string {
	digest := sha256.Sum256(body)
	return method + "\n" + timestamp + "\n" + nonce + "\n" + hex.EncodeToString(digest[:])
}

// Sign returns lowercase hex(HMAC-SHA256(key, StringToSign(method, timestamp, nonce, body))).
func Sign(key []byte, method, timestamp, nonce string, body []byte) string {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(StringToSign(method, timestamp, nonce, body)))
	return hex.EncodeToString(mac.Sum(nil))
}

// NewNonce returns a fresh random nonce: 22 characters of [A-Za-z0-9_-] (128 bits).
func NewNonce() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(fmt.Sprintf("rewardsclient: crypto/rand failed: %v", err))
	}
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// UnarySigningInterceptor signs every unary call except IssueToken and RefreshToken with the
// key derived from clientSecret. It marshals the request once, signs those bytes and makes the
// call send exactly them (so the signature always matches what the server receives). A
// retried call passes through it again and gets a fresh timestamp and nonce.
func UnarySigningInterceptor(clientSecret string) grpc.UnaryClientInterceptor {
	key := SigningKey(clientSecret)
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn,
		invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		if publicMethods[method] {
			return invoker(ctx, method, req, reply, cc, opts...)
		}
		msg, ok := req.(proto.Message)
		if !ok {
			return fmt.Errorf("rewardsclient: cannot sign %s: request %T is not a proto.Message", method, req)
		}
		body, err := proto.Marshal(msg)
		if err != nil {
			return fmt.Errorf("rewardsclient: marshal %s request: %w", method, err)
		}
		timestamp := strconv.FormatInt(time.Now().Unix(), 10)
		nonce := NewNonce()
		ctx = metadata.AppendToOutgoingContext(ctx,
			TimestampHeader, timestamp,
			NonceHeader, nonce,
			SignatureHeader, Sign(key, method, timestamp, nonce, body))
		callOpts := make([]grpc.CallOption, 0, len(opts)+1)
		callOpts = append(callOpts, opts...)
		callOpts = append(callOpts, grpc.ForceCodecV2(signedBodyCodec{msg: msg, body: body}))
		return invoker(ctx, method, req, reply, cc, callOpts...)
	}
}

// signedBodyCodec sends the bytes that were signed for msg, and decodes replies as the
// standard proto codec does. Its name is "proto", so the content type is application/grpc+proto.
type signedBodyCodec struct {
	msg  proto.Message
	body []byte
}

func protoCodec() encoding.CodecV2 { return encoding.GetCodecV2("proto") }

func (c signedBodyCodec) Marshal(v any) (mem.BufferSlice, error) {
	if m, ok := v.(proto.Message); ok && m == c.msg {
		return mem.BufferSlice{mem.SliceBuffer(c.body)}, nil
	}
	return protoCodec().Marshal(v)
}

func (c signedBodyCodec) Unmarshal(data mem.BufferSlice, v any) error {
	return protoCodec().Unmarshal(data, v)
}

func (signedBodyCodec) Name() string { return "proto" }
