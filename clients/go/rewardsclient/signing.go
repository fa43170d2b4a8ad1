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
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/encoding"
	_ "google.golang.org/grpc/encoding/proto" // registers the "proto" codec used as fallback
	"google.golang.org/grpc/mem"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
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
		ctx = withSignature(ctx, key, method, body)
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

// StreamSigningInterceptor signs streaming calls. One with a single request message
// (server-streaming, e.g. ProgramService.CreateEarnCodes) is signed like a unary call: it fills
// an empty request_id (EnsureRequestID), marshals the request once, signs those bytes and sends
// exactly them. The signature goes in the headers, which leave when the stream opens, so the
// stream is opened only when the request is sent (the generated stub sends it at once, before
// returning the stream). A call with a request stream (client- or bidi-streaming, e.g.
// CouponService.BulkIssueCoupons) is signed when it opens over an empty body, as the server
// verifies it: its messages are not known yet; set their request_ids yourself.
func StreamSigningInterceptor(clientSecret string) grpc.StreamClientInterceptor {
	key := SigningKey(clientSecret)
	return func(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string,
		streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
		if publicMethods[method] {
			return streamer(ctx, desc, cc, method, opts...)
		}
		if desc.ClientStreams {
			return streamer(withSignature(ctx, key, method, nil), desc, cc, method, opts...)
		}
		return &signOnSendStream{ctx: ctx, key: key, desc: desc, cc: cc, method: method, streamer: streamer, opts: opts}, nil
	}
}

// withSignature adds the signature headers of body (a fresh timestamp and nonce) to ctx.
func withSignature(ctx context.Context, key []byte, method string, body []byte) context.Context {
	timestamp := strconv.FormatInt(time.Now().Unix(), 10)
	nonce := NewNonce()
	return metadata.AppendToOutgoingContext(ctx,
		TimestampHeader, timestamp,
		NonceHeader, nonce,
		SignatureHeader, Sign(key, method, timestamp, nonce, body))
}

// signOnSendStream is a server-streaming call until its request is sent: SendMsg signs the
// request and opens the real stream, to which every later method goes.
type signOnSendStream struct {
	stream grpc.ClientStream // nil until SendMsg opened it

	ctx       context.Context
	key       []byte
	desc      *grpc.StreamDesc
	cc        *grpc.ClientConn
	method    string
	streamer  grpc.Streamer
	opts      []grpc.CallOption
	closeSend bool // CloseSend came before the request
}

var errNoRequestSent = status.Error(codes.Internal, "rewardsclient: the stream's request was not sent yet")

func (s *signOnSendStream) SendMsg(m any) error {
	if s.stream != nil {
		return s.stream.SendMsg(m)
	}
	msg, ok := m.(proto.Message)
	if !ok {
		return fmt.Errorf("rewardsclient: cannot sign %s: request %T is not a proto.Message", s.method, m)
	}
	EnsureRequestID(msg)
	body, err := proto.Marshal(msg)
	if err != nil {
		return fmt.Errorf("rewardsclient: marshal %s request: %w", s.method, err)
	}
	ctx := withSignature(s.ctx, s.key, s.method, body)
	opts := append(append(make([]grpc.CallOption, 0, len(s.opts)+1), s.opts...),
		grpc.ForceCodecV2(signedBodyCodec{msg: msg, body: body}))
	stream, err := s.streamer(ctx, s.desc, s.cc, s.method, opts...)
	if err != nil {
		return err
	}
	s.stream = stream
	if err := stream.SendMsg(m); err != nil {
		return err
	}
	if s.closeSend {
		return stream.CloseSend()
	}
	return nil
}

func (s *signOnSendStream) CloseSend() error {
	if s.stream == nil {
		s.closeSend = true
		return nil
	}
	return s.stream.CloseSend()
}

func (s *signOnSendStream) RecvMsg(m any) error {
	if s.stream == nil {
		return errNoRequestSent
	}
	return s.stream.RecvMsg(m)
}

func (s *signOnSendStream) Header() (metadata.MD, error) {
	if s.stream == nil {
		return nil, errNoRequestSent
	}
	return s.stream.Header()
}

func (s *signOnSendStream) Trailer() metadata.MD {
	if s.stream == nil {
		return nil
	}
	return s.stream.Trailer()
}

func (s *signOnSendStream) Context() context.Context {
	if s.stream == nil {
		return s.ctx
	}
	return s.stream.Context()
}
