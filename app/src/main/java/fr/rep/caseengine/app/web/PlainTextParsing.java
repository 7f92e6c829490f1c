package fr.rep.caseengine.app.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Request bodies whose every string value is checked as it is read ({@link PlainText}), whatever it becomes: a
 * name, an id, an enumeration. The check sits in the parser rather than in a String deserializer because Jackson's
 * id and enumeration readers trim control characters away and take what is left, possibly nothing, as absent.
 */
final class PlainTextParsing extends JsonFactory {

    PlainTextParsing(JsonFactory base) {
        super(base, null);
    }

    @Override
    public JsonFactory copy() {
        return new PlainTextParsing(this);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        return new Checked(super._createParser(in, context));
    }

    @Override
    protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
        return new Checked(super._createParser(reader, context));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        return new Checked(super._createParser(data, offset, length, context));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
            throws IOException {
        return new Checked(super._createParser(data, offset, length, context, recyclable));
    }

    /** A string value that breaks the plain-text rule, with the JSON path where it stood. */
    static final class RefusedText extends JsonParseException {

        private final String rule;
        private final transient JsonPointer where;

        RefusedText(JsonParser parser, String rule, JsonPointer where) {
            super(parser, rule);
            this.rule = rule;
            this.where = where;
        }

        String rule() {
            return rule;
        }

        JsonPointer where() {
            return where;
        }
    }

    /** Every way of reading the next token goes through {@link #nextToken()}, where string values are checked. */
    private static final class Checked extends JsonParserDelegate {

        Checked(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (token == JsonToken.VALUE_STRING) {
                String rule = PlainText.refusal(delegate.getText(), true);
                if (rule != null) {
                    throw new RefusedText(
                            this, rule, delegate.getParsingContext().pathAsPointer());
                }
            }
            return token;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        @Override
        public String nextFieldName() throws IOException {
            return nextToken() == JsonToken.FIELD_NAME ? delegate.currentName() : null;
        }

        @Override
        public boolean nextFieldName(SerializableString name) throws IOException {
            return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(delegate.currentName());
        }

        @Override
        public String nextTextValue() throws IOException {
            return nextToken() == JsonToken.VALUE_STRING ? delegate.getText() : null;
        }

        @Override
        public int nextIntValue(int otherwise) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? delegate.getIntValue() : otherwise;
        }

        @Override
        public long nextLongValue(long otherwise) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? delegate.getLongValue() : otherwise;
        }

        @Override
        public Boolean nextBooleanValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
        }
    }
}
