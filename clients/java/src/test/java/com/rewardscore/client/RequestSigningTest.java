package com.rewardscore.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shared vectors every rewards-core client and the server must pass. */
class RequestSigningTest {
    static final Path VECTORS = Path.of(System.getProperty("basedir", "."))
            .resolve("../../tests/vectors/request_signing.json").normalize();

    @Test
    void matchesTheSharedVectors() throws IOException {
        List<Map<String, String>> vectors = readVectors();
        assertFalse(vectors.isEmpty(), "no vectors in " + VECTORS);
        for (Map<String, String> v : vectors) {
            byte[] key = RequestSigning.signingKey(v.get("secret"));
            byte[] body = HexFormat.of().parseHex(v.get("body_hex"));
            String where = v.get("method") + " " + v.get("nonce");
            assertEquals(v.get("signing_key_hex"), HexFormat.of().formatHex(key), where);
            assertEquals(v.get("string_to_sign"),
                    RequestSigning.stringToSign(v.get("method"), v.get("timestamp"), v.get("nonce"), body), where);
            assertEquals(v.get("signature"),
                    RequestSigning.sign(key, v.get("method"), v.get("timestamp"), v.get("nonce"), body), where);
        }
    }

    @Test
    void noncesAreFreshAndInTheAllowedAlphabet() {
        String a = RequestSigning.newNonce();
        String b = RequestSigning.newNonce();
        assertTrue(a.matches("[A-Za-z0-9_-]{16,64}"), a);
        assertNotEquals(a, b);
    }

    /**
     * The flat string fields of each object of the "vectors" array (the file has no nested objects
     * there), without a JSON dependency.
     */
    static List<Map<String, String>> readVectors() throws IOException {
        String json = Files.readString(VECTORS, StandardCharsets.UTF_8);
        String array = json.substring(json.indexOf('[', json.indexOf("\"vectors\"")));
        List<Map<String, String>> vectors = new ArrayList<>();
        Matcher object = Pattern.compile("\\{([^{}]*)}").matcher(array);
        Pattern field = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
        while (object.find()) {
            Map<String, String> fields = new HashMap<>();
            Matcher f = field.matcher(object.group(1));
            while (f.find()) {
                fields.put(f.group(1), unescape(f.group(2)));
            }
            vectors.add(fields);
        }
        return vectors;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e); // \" \\ \/
            }
        }
        return out.toString();
    }
}
