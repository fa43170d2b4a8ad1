package com.rewardscore.client;

import java.util.Objects;

/**
 * An API client's credentials, as printed by {@code rewards-core clients create}. The secret both
 * authenticates the client (AuthService.IssueToken) and keys its request signatures.
 */
public record Credentials(String orgId, String clientId, String clientSecret) {
    public Credentials {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "Credentials[orgId=" + orgId + ", clientId=" + clientId + ", clientSecret=***]";
    }
}
