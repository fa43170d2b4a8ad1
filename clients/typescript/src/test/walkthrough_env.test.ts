// The walkthrough commands (src/test/examples) read the target and the API client as
// `rewards-core call` does: REWARDS_CREDENTIALS_FILE first, else the three variables.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { credentialsFromEnv, DEFAULT_TARGET, targetFromEnv } from "./examples/env";

describe("walkthrough commands: target and credentials from the environment", () => {
  const variables = { REWARDS_ORG_ID: "other", REWARDS_CLIENT_ID: "cl_2", REWARDS_CLIENT_SECRET: "cs_2" };

  it("reads the file `rewards-core clients create` prints, before the variables", () => {
    const dir = mkdtempSync(join(tmpdir(), "rcts-env-"));
    try {
      const file = join(dir, "client.json");
      writeFileSync(file, JSON.stringify({ org_id: "acme", client_id: "cl_1", client_secret: "cs_1", scopes: ["coupons:read"] }) + "\n");
      assert.deepEqual(credentialsFromEnv({ ...variables, REWARDS_CREDENTIALS_FILE: file }), {
        orgId: "acme",
        clientId: "cl_1",
        clientSecret: "cs_1",
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads the variables without a file, and refuses a missing secret", () => {
    assert.deepEqual(credentialsFromEnv({ ...variables, REWARDS_CREDENTIALS_FILE: "" }), { orgId: "other", clientId: "cl_2", clientSecret: "cs_2" });
    assert.throws(() => credentialsFromEnv({ ...variables, REWARDS_CLIENT_SECRET: "" }), /REWARDS_CREDENTIALS_FILE/);
  });

  it("connects to REWARDS_TARGET, default localhost:50051", () => {
    assert.equal(targetFromEnv({}), DEFAULT_TARGET);
    assert.equal(DEFAULT_TARGET, "localhost:50051");
    assert.equal(targetFromEnv({ REWARDS_TARGET: "10.0.0.1:50051" }), "10.0.0.1:50051");
  });
});
