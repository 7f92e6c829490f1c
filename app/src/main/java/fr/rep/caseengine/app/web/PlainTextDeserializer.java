package fr.rep.caseengine.app.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

import java.io.IOException;

/** Every string of a request body, whatever its field: plain text or a 400 naming the field ({@link PlainText}). */
final class PlainTextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = super.deserialize(parser, context);
        String rule = value == null ? null : PlainText.refusal(value, true);
        if (rule != null) {
            throw new RefusedText(parser, rule);
        }
        return value;
    }

    /** A string that breaks the plain-text rule; Jackson adds the field's path as the exception unwinds. */
    static final class RefusedText extends JsonMappingException {

        private final String rule;

        RefusedText(JsonParser parser, String rule) {
            super(parser, rule);
            this.rule = rule;
        }

        String rule() {
            return rule;
        }
    }
}
