// Where the walkthrough commands connect, as `rewards-core call` reads it: REWARDS_TARGET
// (default localhost:50051), and the API client in REWARDS_CREDENTIALS_FILE (the JSON
// `rewards-core clients create` prints) or REWARDS_ORG_ID, REWARDS_CLIENT_ID and REWARDS_CLIENT_SECRET.
package com.rewardscore.client.examples;

import com.rewardscore.client.Credentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class WalkthroughEnv {
    public static final String DEFAULT_TARGET = "localhost:50051";

    private WalkthroughEnv() {
    }

    public static String target(Map<String, String> env) {
        String target = env.get("REWARDS_TARGET");
        return target == null || target.isEmpty() ? DEFAULT_TARGET : target;
    }

    public static Credentials credentials(Map<String, String> env) {
        String file = env.get("REWARDS_CREDENTIALS_FILE");
        if (file != null && !file.isEmpty()) {
            String json;
            try {
                json = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // One flat JSON object; a JSON library would do as well.
            return new Credentials(field(json, "org_id", file), field(json, "client_id", file), field(json, "client_secret", file));
        }
        String orgId = env.get("REWARDS_ORG_ID");
        String clientId = env.get("REWARDS_CLIENT_ID");
        String secret = env.get("REWARDS_CLIENT_SECRET");
        if (orgId == null || orgId.isEmpty() || clientId == null || clientId.isEmpty() || secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException(
                    "set REWARDS_CREDENTIALS_FILE, or REWARDS_ORG_ID, REWARDS_CLIENT_ID and REWARDS_CLIENT_SECRET");
        }
        return new Credentials(orgId, clientId, secret);
    }

    private static String field(String json, String name, String file) {
        Matcher found = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!found.find()) {
            throw new IllegalArgumentException(file + ": no \"" + name + "\"");
        }
        return found.group(1);
    }
}
