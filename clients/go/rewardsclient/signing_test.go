package rewardsclient

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"os"
	"regexp"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
	"google.golang.org/protobuf/proto"

	accountsv1 "github.com/rewards-core/rewards-core/clients/go/rewards/accounts/v1"
	authv1 "github.com/rewards-core/rewards-core/clients/go/rewards/auth/v1"
	loyaltyv1 "github.com/rewards-core/rewards-core/clients/go/rewards/loyalty/v1"
)

// The vectors every rewards-core client and the server must pass (repository root/tests).
const vectorsPath = "../../../tests/vectors/request_signing.json"

type signingVector struct {
	Secret        string `json:"secret"`
	Method        string `json:"method"`
	Timestamp     string `json:"timestamp"`
	Nonce         string `json:"nonce"`
	BodyHex       string `json:"body_hex"`
	SigningKeyHex string `json:"signing_key_hex"`
	StringToSign  string `json:"string_to_sign"`
	Signature     string `json:"signature"`
}

func TestSigningVectors(t *testing.T) {
	raw, err := os.ReadFile(vectorsPath)
	if err != nil {
		t.Fatalf("read shared vectors: %v", err)
	}
	var file struct {
		Vectors []signingVector `json:"vectors"`
	}
	if err := json.Unmarshal(raw, &file); err != nil {
		t.Fatalf("parse %s: %v", vectorsPath, err)
	}
	if len(file.Vectors) == 0 {
		t.Fatalf("no vectors in %s", vectorsPath)
	}
	for i, v := range file.Vectors {
		body, err := hex.DecodeString(v.BodyHex)
		if err != nil {
			t.Fatalf("vector %d: body_hex: %v", i, err)
		}
		key := SigningKey(v.Secret)
		if got := hex.EncodeToString(key); got != v.SigningKeyHex {
			t.Errorf("vector %d: signing key %s, want %s", i, got, v.SigningKeyHex)
		}
		if got := StringToSign(v.Method, v.Timestamp, v.Nonce, body); got != v.StringToSign {
			t.Errorf("vector %d: string to sign %q, want %q", i, got, v.StringToSign)
		}
		if got := Sign(key, v.Method, v.Timestamp, v.Nonce, body); got != v.Signature {
			t.Errorf("vector %d: signature %s, want %s", i, got, v.Signature)
		}
	}
}

var nonceFormat = regexp.MustCompile(`^[A-Za-z0-9_-]{16,64}$`)

func TestNonceIsFreshAndWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		n := NewNonce()
		if !nonceFormat.MatchString(n) {
			t.Fatalf("nonce %q does not match %s", n, nonceFormat)
		}
		if seen[n] {
			t.Fatalf("nonce %q repeated", n)
		}
		seen[n] = true
	}
}

// sentBody returns the bytes the call would put on the wire: those of the codec the signing
// interceptor forces (or proto.Marshal when none is forced).
func sentBody(t *testing.T, req any, opts []grpc.CallOption) []byte {
	t.Helper()
	for _, opt := range opts {
		if forced, ok := opt.(grpc.ForceCodecV2CallOption); ok {
			buffers, err := forced.CodecV2.Marshal(req)
			if err != nil {
				t.Fatalf("codec marshal: %v", err)
			}
			return buffers.Materialize()
		}
	}
	body, err := proto.Marshal(req.(proto.Message))
	if err != nil {
		t.Fatal(err)
	}
	return body
}

func TestSigningInterceptorSignsTheBytesItSends(t *testing.T) {
	const secret = "cs_unit-test-secret"
	const method = "/rewards.accounts.v1.AccountService/CreateAccount"
	req := &accountsv1.CreateAccountRequest{RequestId: "r1", ProgramId: "p-1",
		Identifiers: []*accountsv1.Identifier{{Type: accountsv1.IdentifierType_IDENTIFIER_TYPE_CARDCODE, Value: "123"}}}
	nonces := map[string]bool{}
	for range 2 {
		invoked := false
		invoker := func(ctx context.Context, m string, r, reply any, cc *grpc.ClientConn, opts ...grpc.CallOption) error {
			invoked = true
			md, _ := metadata.FromOutgoingContext(ctx)
			ts, nonce, sig := md.Get(TimestampHeader), md.Get(NonceHeader), md.Get(SignatureHeader)
			if len(ts) != 1 || len(nonce) != 1 || len(sig) != 1 {
				t.Fatalf("signature metadata missing or repeated: %v", md)
			}
			if !nonceFormat.MatchString(nonce[0]) {
				t.Errorf("nonce %q malformed", nonce[0])
			}
			nonces[nonce[0]] = true
			body := sentBody(t, r, opts)
			want, _ := proto.Marshal(req)
			if string(body) != string(want) {
				t.Errorf("sent body differs from the request's encoding")
			}
			if got := Sign(SigningKey(secret), m, ts[0], nonce[0], body); got != sig[0] {
				t.Errorf("signature %s does not match the sent body (want %s)", sig[0], got)
			}
			return nil
		}
		if err := UnarySigningInterceptor(secret)(context.Background(), method, req, &accountsv1.CreateAccountResponse{}, nil, invoker); err != nil {
			t.Fatal(err)
		}
		if !invoked {
			t.Fatal("invoker not called")
		}
	}
	if len(nonces) != 2 {
		t.Errorf("each attempt must get a fresh nonce, got %v", nonces)
	}
}

func TestSigningInterceptorLeavesTokenCallsUnsigned(t *testing.T) {
	for _, method := range []string{"/rewards.auth.v1.AuthService/IssueToken", "/rewards.auth.v1.AuthService/RefreshToken"} {
		invoker := func(ctx context.Context, m string, r, reply any, cc *grpc.ClientConn, opts ...grpc.CallOption) error {
			md, _ := metadata.FromOutgoingContext(ctx)
			if len(md.Get(SignatureHeader)) != 0 {
				t.Errorf("%s must not be signed", m)
			}
			return nil
		}
		err := UnarySigningInterceptor("s")(context.Background(), method, &authv1.IssueTokenRequest{}, &authv1.IssueTokenResponse{}, nil, invoker)
		if err != nil {
			t.Fatal(err)
		}
	}
}

// fakeStream is the stream a test streamer opens: it records what is sent.
type fakeStream struct {
	grpc.ClientStream
	sent      []any
	closeSent bool
}

func (f *fakeStream) SendMsg(m any) error { f.sent = append(f.sent, m); return nil }
func (f *fakeStream) CloseSend() error    { f.closeSent = true; return nil }

func TestStreamSigningInterceptorOpensTheStreamSignedWhenTheRequestIsSent(t *testing.T) {
	const secret = "cs_unit-test-secret"
	const method = "/rewards.loyalty.v1.ProgramService/CreateEarnCodes"
	req := &loyaltyv1.CreateEarnCodesRequest{ProgramId: "p-1", Points: 5, Count: 2}
	opened := &fakeStream{}
	var streamerCalls int
	streamer := func(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, m string, opts ...grpc.CallOption) (grpc.ClientStream, error) {
		streamerCalls++
		md, _ := metadata.FromOutgoingContext(ctx)
		ts, nonce, sig := md.Get(TimestampHeader), md.Get(NonceHeader), md.Get(SignatureHeader)
		if len(ts) != 1 || len(nonce) != 1 || len(sig) != 1 {
			t.Fatalf("signature metadata missing or repeated: %v", md)
		}
		body := sentBody(t, req, opts)
		want, _ := proto.Marshal(req)
		if string(body) != string(want) {
			t.Errorf("sent body differs from the request's encoding")
		}
		if got := Sign(SigningKey(secret), m, ts[0], nonce[0], body); got != sig[0] {
			t.Errorf("signature %s does not match the sent body (want %s)", sig[0], got)
		}
		return opened, nil
	}
	desc := &grpc.StreamDesc{ServerStreams: true}

	stream, err := StreamSigningInterceptor(secret)(context.Background(), desc, nil, method, streamer)
	if err != nil || streamerCalls != 0 {
		t.Fatalf("before the request: err %v, stream opened %d times", err, streamerCalls)
	}
	if err := stream.SendMsg(req); err != nil {
		t.Fatal(err)
	}
	if err := stream.CloseSend(); err != nil {
		t.Fatal(err)
	}

	if streamerCalls != 1 || len(opened.sent) != 1 || opened.sent[0] != req || !opened.closeSent {
		t.Fatalf("opened %d times, sent %v, closed %v", streamerCalls, opened.sent, opened.closeSent)
	}
	if req.GetRequestId() == "" {
		t.Error("the empty request_id was not filled")
	}
}

func TestStreamSigningInterceptorSignsARequestStreamOverAnEmptyBodyAtOnce(t *testing.T) {
	const secret = "cs_unit-test-secret"
	opened := &fakeStream{}
	streamer := func(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, m string, opts ...grpc.CallOption) (grpc.ClientStream, error) {
		md, _ := metadata.FromOutgoingContext(ctx)
		ts, nonce, sig := md.Get(TimestampHeader), md.Get(NonceHeader), md.Get(SignatureHeader)
		if len(ts) != 1 || len(nonce) != 1 || len(sig) != 1 {
			t.Fatalf("signature metadata missing or repeated: %v", md)
		}
		if want := Sign(SigningKey(secret), m, ts[0], nonce[0], []byte{}); sig[0] != want {
			t.Errorf("signature %s, want %s over an empty body", sig[0], want)
		}
		return opened, nil
	}
	desc := &grpc.StreamDesc{ClientStreams: true, ServerStreams: true}
	stream, err := StreamSigningInterceptor(secret)(context.Background(), desc, nil, "/rewards.coupons.v1.CouponService/BulkIssueCoupons", streamer)
	if err != nil || stream != opened {
		t.Fatalf("a request stream must be opened at once, unchanged: %v, %v", stream, err)
	}
}
