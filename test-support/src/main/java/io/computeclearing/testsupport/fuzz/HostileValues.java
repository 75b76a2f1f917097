package io.computeclearing.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NumericNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a hostile or careless client puts where a parameter or a field is expected: boundary and hostile text,
 * numbers at and far beyond any column's bounds, dates outside any business calendar, and JSON of the wrong type.
 * Each value is named, so that a finding says which one it was.
 */
final class HostileValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final int LONG_TEXT = 100_000;

    private HostileValues() {
    }

    /**
     * Text for a path, query or header parameter, or a JSON string field, of the given schema. The quick set keeps the
     * values that found failures before (empty, past the length, 100k characters, NUL, other scripts); the full set
     * adds the rest.
     */
    static Map<String, String> text(JsonNode schema, boolean full) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("empty", "");
        int maxLength = schema.path("maxLength").asInt(0);
        if (maxLength > 0) {
            values.put("one over maxLength " + maxLength, "A".repeat(maxLength + 1));
        }
        values.put("100k characters", "A".repeat(LONG_TEXT));
        values.put("NUL", "A\u0000B");
        values.put("non-ASCII", "ÄLPHA-漢字-🙂");
        if (full) {
            values.put("control characters", "\u0001\u001b[2J\u007f");
            values.put("SQL metacharacters", "X'; drop table account; --");
            values.put("JSON metacharacters", "\"}{\\u0000[");
            values.put("blank", "   ");
            values.put("line breaks", "A\r\nB");
            values.put("path traversal", "../../etc/passwd");
            values.put("percent", "%00%zz");
            values.put("markup", "<script>alert(1)</script>");
            values.put("right-to-left override", "A\u202eB");
            values.put("lone surrogate", "A\ud800B");
            values.put("zero-width", "A\u200bB");
            values.put("one character", "A");
        }
        switch (schema.path("format").asText()) {
            case "date" -> dates(values, "", full);
            case "date-time" -> dates(values, "T00:00:00Z", full);
            default -> {
            }
        }
        if (numeric(schema)) {
            numbersAsText(values, full);
        }
        if (full) {
            for (JsonNode constant : schema.path("enum")) {
                values.put("enum in lower case", constant.asText().toLowerCase() + "x");
                break;
            }
        }
        return values;
    }

    private static void dates(Map<String, String> values, String time, boolean full) {
        values.put("year -999999999", "-999999999-01-01" + time);
        values.put("year 99999", "+99999-12-31" + time);
        values.put("year 2200", "2200-01-01" + time);
        if (full) {
            values.put("year 0", "0000-01-01" + time);
            values.put("year 1999", "1999-12-31" + time);
            values.put("30 February", "2026-02-30" + time);
            values.put("year 9999", "9999-12-31" + time);
            values.put("year 1", "0001-01-01" + time);
        }
    }

    private static void numbersAsText(Map<String, String> values, boolean full) {
        for (Map.Entry<String, String> number : numberTokens(full).entrySet()) {
            values.put(number.getKey(), number.getValue());
        }
    }

    /**
     * Numbers as they would be written in JSON or a query string: beyond every column ({@code 1E+400}, and
     * {@code 1e131071}, PostgreSQL's largest exponent), below zero, at a long's and an int's edges (a page number of
     * {@code 2147483647}).
     */
    static Map<String, String> numberTokens(boolean full) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("1E+400", "1E+400");
        values.put("1e131071", "1e131071");
        values.put("negative", "-1");
        values.put("Long.MIN", String.valueOf(Long.MIN_VALUE));
        values.put("Integer.MAX", String.valueOf(Integer.MAX_VALUE));
        if (full) {
            values.put("-1E+400", "-1E+400");
            values.put("1e-400", "1e-400");
            values.put("400 digits", "9".repeat(400));
            values.put("zero", "0");
            values.put("Long.MAX", String.valueOf(Long.MAX_VALUE));
            values.put("Long.MAX + 1", "9223372036854775808");
            values.put("Integer.MAX + 1", "2147483648");
            values.put("Integer.MIN - 1", "-2147483649");
            values.put("41 decimals", "0." + "1".repeat(41));
            values.put("fraction", "1.5");
            values.put("negative zero", "-0");
            values.put("40 digits", "9".repeat(40));
            values.put("smallest decimal", "0." + "0".repeat(39) + "1");
        }
        return values;
    }

    /** JSON values for a field whose example is {@code example}, of the given schema. */
    static Map<String, JsonNode> json(JsonNode example, JsonNode schema, boolean full) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        boolean number = example instanceof NumericNode || numeric(schema);
        if (number) {
            numberTokens(full).forEach((name, token) -> values.put(name, JSON.numberNode(new BigDecimal(token))));
        } else if (example.isTextual() || "string".equals(schema.path("type").asText())) {
            text(schema, full).forEach((name, text) -> values.put(name, JSON.textNode(text)));
        }
        wrongTypes(example, number, full).forEach(values::put);
        return values;
    }

    /** JSON of the wrong type: a number for text and text for a number, and null; the full set every other type. */
    private static Map<String, JsonNode> wrongTypes(JsonNode example, boolean number, boolean full) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        if (!number) {
            values.put("a number", JSON.numberNode(123));
        }
        if (!example.isTextual()) {
            values.put("a string", JSON.textNode("123"));
        }
        values.put("null", JSON.nullNode());
        if (!full) {
            return values;
        }
        if (!example.isObject()) {
            values.put("an object", JSON.objectNode().put("value", 1));
        }
        if (!example.isArray()) {
            List<JsonNode> one = new ArrayList<>();
            one.add(example.deepCopy());
            values.put("an array", JSON.arrayNode().addAll(one));
        }
        if (!example.isBoolean()) {
            values.put("a boolean", JSON.booleanNode(true));
        }
        return values;
    }

    private static boolean numeric(JsonNode schema) {
        String type = schema.path("type").asText();
        return "number".equals(type) || "integer".equals(type);
    }
}
