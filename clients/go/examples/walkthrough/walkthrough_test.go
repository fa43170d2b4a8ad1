package walkthrough

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rewards-core/rewards-core/clients/go/rewardsclient"
)

// The commands read the API client as `rewards-core call` does: the file first, else the variables.
func TestCredentialsFromEnv(t *testing.T) {
	path := filepath.Join(t.TempDir(), "client.json")
	if err := os.WriteFile(path, []byte(`{"org_id": "acme", "client_id": "cl_1", "client_secret": "cs_1", "scopes": ["coupons:read"]}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("REWARDS_ORG_ID", "other")
	t.Setenv("REWARDS_CLIENT_ID", "cl_2")
	t.Setenv("REWARDS_CLIENT_SECRET", "cs_2")
	t.Setenv("REWARDS_CREDENTIALS_FILE", path)
	got, err := CredentialsFromEnv()
	if want := (rewardsclient.Credentials{OrgID: "acme", ClientID: "cl_1", ClientSecret: "cs_1"}); err != nil || got != want {
		t.Fatalf("from the file: %+v, %v; want %+v", got, err, want)
	}

	t.Setenv("REWARDS_CREDENTIALS_FILE", "")
	got, err = CredentialsFromEnv()
	if want := (rewardsclient.Credentials{OrgID: "other", ClientID: "cl_2", ClientSecret: "cs_2"}); err != nil || got != want {
		t.Fatalf("from the variables: %+v, %v; want %+v", got, err, want)
	}

	t.Setenv("REWARDS_CLIENT_SECRET", "")
	if _, err := CredentialsFromEnv(); err == nil {
		t.Fatal("no secret: want an error")
	}

	t.Setenv("REWARDS_TARGET", "")
	if Target() != DefaultTarget {
		t.Fatalf("target %q, want %q", Target(), DefaultTarget)
	}
	t.Setenv("REWARDS_TARGET", "10.0.0.1:50051")
	if Target() != "10.0.0.1:50051" {
		t.Fatalf("target %q", Target())
	}
}
