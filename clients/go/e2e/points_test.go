package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	accountsv1 "github.com/rewards-core/rewards-core/clients/go/rewards/accounts/v1"
	loyaltyv1 "github.com/rewards-core/rewards-core/clients/go/rewards/loyalty/v1"
	"github.com/rewards-core/rewards-core/clients/go/rewardsclient"
)

// newPointsProgram creates a EUR program whose one earn rule gives a point per full euro of a
// purchase (a RATIO rule: 1 point per 100 minor units, floored), as tests/e2e/test_points.py does.
func newPointsProgram(t *testing.T, ctx context.Context, client *rewardsclient.Client) string {
	t.Helper()
	programID := "go-p-" + rewardsclient.NewRequestID()[:8]
	_, err := client.Programs.CreateProgram(ctx, &loyaltyv1.CreateProgramRequest{Program: &loyaltyv1.Program{
		ProgramId: programID, DisplayName: "Points", CurrencyCode: "EUR", TimeZone: "Europe/Berlin",
	}})
	if err != nil {
		t.Fatalf("CreateProgram: %v", err)
	}
	rule, err := client.Programs.CreateEarnRule(ctx, &loyaltyv1.CreateEarnRuleRequest{EarnRule: &loyaltyv1.EarnRule{
		ProgramId: programID, DisplayName: "1 point per EUR",
		Config: &loyaltyv1.EarnRule_Ratio{Ratio: &loyaltyv1.RatioEarnRule{PointsNumerator: 1, AmountMinorDenominator: 100}},
	}})
	if err != nil {
		t.Fatalf("CreateEarnRule: %v", err)
	}
	if rule.GetEarnRule().GetEarnRuleId() == "" {
		t.Fatalf("earn rule without an id: %v", rule)
	}
	return programID
}

// newPointsAccount creates an account of the program, named by a card code.
func newPointsAccount(t *testing.T, ctx context.Context, client *rewardsclient.Client, programID string) string {
	t.Helper()
	created, err := client.Accounts.CreateAccount(ctx, &accountsv1.CreateAccountRequest{ProgramId: programID,
		Identifiers: []*accountsv1.Identifier{{Type: accountsv1.IdentifierType_IDENTIFIER_TYPE_CARDCODE,
			Value: "C" + strings.ToUpper(strings.ReplaceAll(rewardsclient.NewRequestID(), "-", "")[:12])}}})
	if err != nil {
		t.Fatalf("CreateAccount: %v", err)
	}
	return created.GetAccount().GetAccountId()
}

func earnRequest(accountID string, billMinor int64) *loyaltyv1.EarnPointsRequest {
	return &loyaltyv1.EarnPointsRequest{AccountId: accountID, StoreId: "store-1",
		TransactionId: "receipt-" + rewardsclient.NewRequestID(), BillAmount: eur(billMinor)}
}

func earn(t *testing.T, ctx context.Context, client *rewardsclient.Client, accountID string, billMinor int64) *loyaltyv1.EarnPointsResponse {
	t.Helper()
	earned, err := client.Loyalty.EarnPoints(ctx, earnRequest(accountID, billMinor))
	if err != nil {
		t.Fatalf("EarnPoints: %v", err)
	}
	return earned
}

func balance(t *testing.T, ctx context.Context, client *rewardsclient.Client, accountID string) *loyaltyv1.Balance {
	t.Helper()
	got, err := client.Loyalty.GetBalance(ctx, &loyaltyv1.GetBalanceRequest{AccountId: accountID})
	if err != nil {
		t.Fatalf("GetBalance: %v", err)
	}
	return got.GetBalance()
}

// requestOtp asks for an OTP for points and returns its id and the code the member received
// (read from the server's capture file).
func requestOtp(t *testing.T, ctx context.Context, client *rewardsclient.Client, accountID string, points int64) (string, string) {
	t.Helper()
	ticket, err := client.Loyalty.RequestRedemptionOtp(ctx, &loyaltyv1.RequestRedemptionOtpRequest{AccountId: accountID, Points: points})
	if err != nil {
		t.Fatalf("RequestRedemptionOtp: %v", err)
	}
	if ticket.GetOtpId() == "" || !ticket.GetExpireTime().IsValid() {
		t.Fatalf("OTP ticket %v", ticket)
	}
	return ticket.GetOtpId(), otpCode(t, ticket.GetOtpId())
}

// otpCode reads the code of otpID from the JSON lines the capture sender wrote: the sender runs
// before RequestRedemptionOtp answers, so the line is there once the call returned.
func otpCode(t *testing.T, otpID string) string {
	t.Helper()
	file, err := os.Open(otpFile)
	if err != nil {
		t.Fatalf("no OTP captured: %v", err)
	}
	defer file.Close()
	scanner := bufio.NewScanner(file)
	for scanner.Scan() {
		var sent struct {
			OtpID string `json:"otp_id"`
			Code  string `json:"code"`
		}
		if err := json.Unmarshal(scanner.Bytes(), &sent); err != nil {
			t.Fatalf("captured OTP line %q: %v", scanner.Text(), err)
		}
		if sent.OtpID == otpID {
			return sent.Code
		}
	}
	t.Fatalf("no OTP %s in %s (%v)", otpID, otpFile, scanner.Err())
	return ""
}

func redeemPointsRequest(accountID string, points int64, otpID, code string) *loyaltyv1.RedeemPointsRequest {
	return &loyaltyv1.RedeemPointsRequest{AccountId: accountID, Points: points, OtpId: otpID, OtpCode: code, StoreId: "store-1"}
}

// wrongCode is a 6-digit code that is not code.
func wrongCode(t *testing.T, code string) string {
	t.Helper()
	n, err := strconv.Atoi(code)
	if err != nil || len(code) != 6 {
		t.Fatalf("OTP code %q is not 6 digits", code)
	}
	return fmt.Sprintf("%06d", (n+1)%1_000_000)
}

func TestAPurchaseEarnsPointsByTheProgramsRule(t *testing.T) {
	client, ctx := dial(t)
	account := newPointsAccount(t, ctx, client, newPointsProgram(t, ctx, client))

	earned := earn(t, ctx, client, account, 12_399) // 123.99 EUR: 123 points, floored

	tx := earned.GetTransaction()
	if tx.GetPoints() != 123 || tx.GetRegularPoints() != 123 || tx.GetType() != loyaltyv1.PointsTransactionType_POINTS_TRANSACTION_TYPE_EARN ||
		tx.GetAccountId() != account || tx.GetPointsTransactionId() == "" {
		t.Fatalf("earn transaction %v", tx)
	}
	if earned.GetBalance().GetAvailablePoints() != 123 {
		t.Fatalf("balance after the earn %v", earned.GetBalance())
	}
	got := balance(t, ctx, client, account)
	if got.GetAccountId() != account || got.GetAvailablePoints() != 123 || got.GetPostedPoints() != 123 {
		t.Fatalf("GetBalance %v, want 123 available and posted", got)
	}
}

func TestPointsAreRedeemedWithTheOtpSentToTheMember(t *testing.T) {
	client, ctx := dial(t)
	account := newPointsAccount(t, ctx, client, newPointsProgram(t, ctx, client))
	earn(t, ctx, client, account, 100_000) // 1,000 points
	otpID, code := requestOtp(t, ctx, client, account, 300)

	redeemed, err := client.Loyalty.RedeemPoints(ctx, redeemPointsRequest(account, 300, otpID, code))
	if err != nil {
		t.Fatalf("RedeemPoints: %v", err)
	}

	tx := redeemed.GetTransaction()
	if tx.GetPoints() != -300 || tx.GetType() != loyaltyv1.PointsTransactionType_POINTS_TRANSACTION_TYPE_REDEEM ||
		redeemed.GetBalance().GetAvailablePoints() != 700 {
		t.Fatalf("redemption %v", redeemed)
	}
	if got := balance(t, ctx, client, account); got.GetPostedPoints() != 700 || got.GetAvailablePoints() != 700 {
		t.Fatalf("GetBalance %v after redeeming 300 of 1,000", got)
	}
	// An OTP is single use: a new redemption (new request_id) with it is refused.
	_, err = client.Loyalty.RedeemPoints(ctx, redeemPointsRequest(account, 300, otpID, code))
	if reason := rewardsclient.ReasonOf(err); reason != "OTP_ALREADY_USED" {
		t.Fatalf("second redemption with one OTP: reason %q (%v)", reason, err)
	}
}

// A wrong code is refused with the typed error: reason, code, domain and the tries left; the
// right code still works afterwards.
func TestAWrongOtpCodeIsOtpInvalid(t *testing.T) {
	client, ctx := dial(t)
	account := newPointsAccount(t, ctx, client, newPointsProgram(t, ctx, client))
	earn(t, ctx, client, account, 10_000) // 100 points
	otpID, code := requestOtp(t, ctx, client, account, 40)

	_, err := client.Loyalty.RedeemPoints(ctx, redeemPointsRequest(account, 40, otpID, wrongCode(t, code)))

	var rerr *rewardsclient.Error
	if !errors.As(err, &rerr) {
		t.Fatalf("wrong OTP code: want *rewardsclient.Error, got %v", err)
	}
	if rerr.Code != codes.FailedPrecondition || rerr.Reason != "OTP_INVALID" || rerr.Domain != "rewards.loyalty" ||
		rerr.Metadata["tries_left"] != "4" || rerr.Retryable() {
		t.Fatalf("wrong OTP code: %+v", rerr)
	}
	if status.Code(err) != codes.FailedPrecondition {
		t.Errorf("status.Code = %v", status.Code(err))
	}
	if got := balance(t, ctx, client, account); got.GetPostedPoints() != 100 {
		t.Fatalf("GetBalance %v after a refused redemption, want 100 posted", got)
	}
	if _, err := client.Loyalty.RedeemPoints(ctx, redeemPointsRequest(account, 40, otpID, code)); err != nil {
		t.Fatalf("RedeemPoints with the right code after a wrong one: %v", err)
	}
}

// The reply of the first EarnPoints is lost after the server committed the earn: the client's
// retry interceptor sends the same request_id again and gets the first reply, and a later retry
// by the caller gets it too. The account earned once.
func TestRetriedEarnEarnsOnce(t *testing.T) {
	client, ctx := dial(t)
	account := newPointsAccount(t, ctx, client, newPointsProgram(t, ctx, client))

	const earnMethod = "/rewards.loyalty.v1.LoyaltyService/EarnPoints"
	var sentIDs []string
	dropFirstReply := func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn,
		invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		err := invoker(ctx, method, req, reply, cc, opts...)
		if method == earnMethod {
			sentIDs = append(sentIDs, req.(*loyaltyv1.EarnPointsRequest).GetRequestId())
			if err == nil && len(sentIDs) == 1 {
				return status.Error(codes.Unavailable, "reply lost (injected by the test)")
			}
		}
		return err
	}
	lossy, err := rewardsclient.Dial(ctx, target, creds, rewardsclient.WithDialOptions(
		grpc.WithChainUnaryInterceptor(dropFirstReply))) // runs inside the retry interceptor
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	defer lossy.Close()

	request := earnRequest(account, 5_000) // the client fills the request_id
	first, err := lossy.Loyalty.EarnPoints(ctx, request)
	if err != nil {
		t.Fatalf("EarnPoints with a lost first reply: %v", err)
	}
	if len(sentIDs) != 2 || sentIDs[0] == "" || sentIDs[0] != sentIDs[1] || request.GetRequestId() != sentIDs[0] {
		t.Fatalf("attempts sent request ids %v (request has %q), want the same id twice", sentIDs, request.GetRequestId())
	}
	if first.GetTransaction().GetPoints() != 50 {
		t.Fatalf("earn %v, want 50 points", first)
	}
	again, err := client.Loyalty.EarnPoints(ctx, proto.Clone(request).(*loyaltyv1.EarnPointsRequest))
	if err != nil {
		t.Fatalf("EarnPoints retried by the caller: %v", err)
	}
	if !proto.Equal(again, first) {
		t.Fatalf("retry reply %v differs from first %v", again, first)
	}
	if got := balance(t, ctx, client, account); got.GetPostedPoints() != 50 {
		t.Fatalf("GetBalance %v after one earn sent three times, want 50 posted", got)
	}

	// A new request_id for the same receipt is a second earn of one purchase: refused.
	second := proto.Clone(request).(*loyaltyv1.EarnPointsRequest)
	second.RequestId = ""
	_, err = client.Loyalty.EarnPoints(ctx, second)
	if reason := rewardsclient.ReasonOf(err); reason != "PURCHASE_ALREADY_EARNED" || status.Code(err) != codes.AlreadyExists {
		t.Fatalf("second earn of one receipt: reason %q (%v)", reason, err)
	}
}

// CreateEarnCodes is server-streaming and mutating: the client signs it (StreamSigningInterceptor)
// and fills its request_id; the same request_id streams the same codes again; a code earns once.
func TestEarnCodesAreStreamedAndEachEarnsOnce(t *testing.T) {
	client, ctx := dial(t)
	programID := newPointsProgram(t, ctx, client)
	account := newPointsAccount(t, ctx, client, programID)
	request := &loyaltyv1.CreateEarnCodesRequest{ProgramId: programID, Points: 25, Count: 3,
		ExpireTime: timestamppb.New(time.Now().Add(24 * time.Hour))}

	codes := earnCodes(t, ctx, client, request)
	if request.GetRequestId() == "" {
		t.Error("the client must fill the empty request_id of a streaming request too")
	}
	if again := earnCodes(t, ctx, client, request); strings.Join(again, ",") != strings.Join(codes, ",") {
		t.Fatalf("the same request_id streamed other codes: %v, first %v", again, codes)
	}

	earned, err := client.Loyalty.EarnByCode(ctx, &loyaltyv1.EarnByCodeRequest{AccountId: account, Code: strings.ToLower(codes[0])})
	if err != nil {
		t.Fatalf("EarnByCode: %v", err)
	}
	if earned.GetTransaction().GetPoints() != 25 || earned.GetBalance().GetAvailablePoints() != 25 {
		t.Fatalf("EarnByCode %v", earned)
	}
	_, err = client.Loyalty.EarnByCode(ctx, &loyaltyv1.EarnByCodeRequest{AccountId: account, Code: codes[0]})
	if reason := rewardsclient.ReasonOf(err); reason != "EARN_CODE_ALREADY_USED" {
		t.Fatalf("a used earn code: reason %q (%v)", reason, err)
	}
	if got := balance(t, ctx, client, account); got.GetPostedPoints() != 25 {
		t.Fatalf("GetBalance %v, want 25 posted", got)
	}
}

func earnCodes(t *testing.T, ctx context.Context, client *rewardsclient.Client, request *loyaltyv1.CreateEarnCodesRequest) []string {
	t.Helper()
	stream, err := client.Programs.CreateEarnCodes(ctx, request)
	if err != nil {
		t.Fatalf("CreateEarnCodes: %v", err)
	}
	var codes []string
	for {
		batch, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("CreateEarnCodes stream: %v (reason %q)", err, rewardsclient.ReasonOf(err))
		}
		codes = append(codes, batch.GetCodes()...)
		if batch.GetCreatedCount() != int64(len(codes)) || batch.GetTotalCount() != request.GetCount() {
			t.Fatalf("batch %v after %d codes", batch, len(codes))
		}
	}
	if int64(len(codes)) != request.GetCount() {
		t.Fatalf("%d codes streamed, want %d", len(codes), request.GetCount())
	}
	return codes
}
