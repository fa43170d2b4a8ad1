package com.rewardscore.client.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rewardscore.client.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walkthrough commands read the target and the API client as {@code rewards-core call} does. */
class WalkthroughEnvTest {
    private static final Map<String, String> VARIABLES = Map.of(
            "REWARDS_ORG_ID", "other", "REWARDS_CLIENT_ID", "cl_2", "REWARDS_CLIENT_SECRET", "cs_2");

    @Test
    void readsTheCredentialsFileBeforeTheVariables(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.json");
        Files.writeString(file, "{\"org_id\": \"acme\", \"client_id\": \"cl_1\", \"client_secret\": \"cs_1\", \"scopes\": [\"coupons:read\"]}\n");
        Map<String, String> env = new java.util.HashMap<>(VARIABLES);
        env.put("REWARDS_CREDENTIALS_FILE", file.toString());
        Credentials got = WalkthroughEnv.credentials(env);
        assertEquals(new Credentials("acme", "cl_1", "cs_1"), got);
    }

    @Test
    void readsTheVariablesWithoutAFileAndRefusesAMissingSecret() {
        assertEquals(new Credentials("other", "cl_2", "cs_2"), WalkthroughEnv.credentials(VARIABLES));
        assertThrows(IllegalArgumentException.class,
                () -> WalkthroughEnv.credentials(Map.of("REWARDS_ORG_ID", "other", "REWARDS_CLIENT_ID", "cl_2")));
    }

    @Test
    void connectsToRewardsTargetByDefaultLocalhost() {
        assertEquals("localhost:50051", WalkthroughEnv.target(Map.of()));
        assertEquals("10.0.0.1:50051", WalkthroughEnv.target(Map.of("REWARDS_TARGET", "10.0.0.1:50051")));
    }
}
