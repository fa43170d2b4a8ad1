// Package rewardsclient is the Go client helper for rewards-core: the generated gRPC stubs
// (packages under rewards/<context>/v1) on one connection that gets and refreshes access
// tokens, signs every call, fills request ids and retries safely, and returns typed errors.
//
//	client, err := rewardsclient.Dial(ctx, "localhost:50051", rewardsclient.Credentials{
//		OrgID: "acme", ClientID: clientID, ClientSecret: secret,
//	})
//	if err != nil { ... }
//	defer client.Close()
//	created, err := client.Accounts.CreateAccount(ctx, &accountsv1.CreateAccountRequest{ProgramId: "demo"})
//	switch rewardsclient.ReasonOf(err) {
//	case "": // success
//	case "IDENTIFIER_ALREADY_EXISTS": ...
//	}
//
// Every unary call made through a Client's stubs:
//
//   - carries "authorization: Bearer <access token>" (except AuthService IssueToken and
//     RefreshToken); the TokenSource renews the token RefreshMargin before it expires, with
//     RefreshToken (falling back to IssueToken when the refresh token is refused), one renewal
//     at a time;
//   - is signed (x-rewards-timestamp, x-rewards-nonce, x-rewards-signature) over the exact
//     bytes sent, with a fresh nonce per attempt;
//   - gets a new request_id when its request has an empty request_id field. The id is written
//     into the request message itself (so the caller can read it afterwards), once per call:
//     every retry of that call sends the same id and the server replays the first answer.
//     Do not share one request message with an empty request_id between concurrent calls;
//   - is retried on UNAVAILABLE and DEADLINE_EXCEEDED (per-attempt timeout, exponential
//     backoff with full jitter, at least the server's RetryInfo delay), never on other codes;
//   - fails with a *Error carrying the google.rpc.ErrorInfo reason, domain and metadata and
//     the RetryInfo delay. *Error implements GRPCStatus, so status.Code(err) still works.
//
// Streaming RPCs get the access token. Server-streaming ones (one request, e.g.
// ProgramService.CreateEarnCodes) also get an empty request_id filled and are signed, the stream
// opening when the stub sends the request; client- and bidi-streaming ones are signed when they
// open, over an empty body (set each message's request_id yourself). No streaming RPC is retried (call it again with the same request_id: the server replays) and its
// errors are plain gRPC status errors (FromError or ReasonOf reads them).
package rewardsclient
