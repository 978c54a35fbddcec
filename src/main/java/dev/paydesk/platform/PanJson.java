package dev.paydesk.platform;

import java.math.BigInteger;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Redacts a JSON document's string values, member names and card-number-shaped numbers. */
final class PanJson {

    /** Decimals as written (no double rounding), so a rewritten body keeps its amounts. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** The smallest number with as many digits as the shortest card number (13). */
    private static final long SHORTEST_PAN = 1_000_000_000_000L;

    private final PanBoundary boundary;
    private boolean changed;

    private PanJson(PanBoundary boundary) {
        this.boundary = boundary;
    }

    static String redact(PanBoundary boundary, String body) {
        return mayHidePan(body) ? walk(boundary, body) : body;
    }

    /** {@link #redact} without the first look: the document parsed and walked value by value. */
    static String walk(PanBoundary boundary, String body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException e) {
            return boundary.text(body);
        }
        if (root == null || root.isMissingNode()) {
            return boundary.text(body);
        }
        PanJson walk = new PanJson(boundary);
        JsonNode redacted = walk.node(null, root);
        return walk.changed ? MAPPER.writeValueAsString(redacted) : body;
    }

    /**
     * The node redacted: changed in place (the tree is this class's own parse), a new node only where a
     * value is replaced, and an object rebuilt only when one of its member names had to be masked.
     */
    private JsonNode node(@Nullable String name, JsonNode node) {
        if (node instanceof ObjectNode object) {
            boolean renamed = false;
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                JsonNode value = member.getValue();
                JsonNode redacted = node(member.getKey(), value);
                if (redacted != value) {
                    member.setValue(redacted);
                }
                renamed |= !boundary.text(member.getKey()).equals(member.getKey());
            }
            if (!renamed) {
                return object;
            }
            changed = true;
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                out.set(boundary.text(member.getKey()), member.getValue());
            }
            return out;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                JsonNode redacted = node(name, element);
                if (redacted != element) {
                    array.set(i, redacted);
                }
            }
            return array;
        }
        if (node.isString()) {
            String value = node.asString();
            String redacted = boundary.named(name, value);
            if (!redacted.equals(value)) {
                changed = true;
                return JsonNodeFactory.instance.stringNode(redacted);
            }
            return node;
        }
        if (node.isIntegralNumber() && !(node.canConvertToLong() && node.longValue() > -SHORTEST_PAN && node.longValue() < SHORTEST_PAN)) {
            BigInteger value = node.bigIntegerValue();
            String digits = value.toString();
            if (PanRedactor.containsPan(digits)) {
                changed = true;
                return JsonNodeFactory.instance.stringNode(boundary.key(digits));
            }
        }
        return node;
    }

    /**
     * Whether a string value, member name or number of the document could hold a card number: a run of at
     * least 13 digits (groups joined by single separators, as {@link PanRedactor} reads them), or any
     * escape. Without escapes every value's characters stand in the text as they are, and a value's digit
     * run is a run of the text, so a text without such a run has no card number in any value and skips
     * the parse.
     */
    static boolean mayHidePan(String body) {
        int digits = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits >= 13) {
                    return true;
                }
            } else if (c == '\\') {
                return true;
            } else if (!(digits > 0 && PanRedactor.isSeparator(c) && i + 1 < body.length()
                    && body.charAt(i + 1) >= '0' && body.charAt(i + 1) <= '9')) {
                digits = 0;
            }
        }
        return false;
    }
}
