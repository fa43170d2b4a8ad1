// Where the walkthrough commands connect, as `rewards-core call` reads it: REWARDS_TARGET
// (default localhost:50051), and the API client in REWARDS_CREDENTIALS_FILE (the JSON
// `rewards-core clients create` prints) or REWARDS_ORG_ID, REWARDS_CLIENT_ID and
// REWARDS_CLIENT_SECRET.
import { readFileSync } from "node:fs";
import type { Credentials } from "../../index";

export const DEFAULT_TARGET = "localhost:50051";

export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.REWARDS_TARGET || DEFAULT_TARGET;
}

export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): Credentials {
  if (env.REWARDS_CREDENTIALS_FILE) {
    const created = JSON.parse(readFileSync(env.REWARDS_CREDENTIALS_FILE, "utf8")) as {
      org_id: string;
      client_id: string;
      client_secret: string;
    };
    return { orgId: created.org_id, clientId: created.client_id, clientSecret: created.client_secret };
  }
  const { REWARDS_ORG_ID: orgId, REWARDS_CLIENT_ID: clientId, REWARDS_CLIENT_SECRET: clientSecret } = env;
  if (!orgId || !clientId || !clientSecret) {
    throw new Error("set REWARDS_CREDENTIALS_FILE, or REWARDS_ORG_ID, REWARDS_CLIENT_ID and REWARDS_CLIENT_SECRET");
  }
  return { orgId, clientId, clientSecret };
}
