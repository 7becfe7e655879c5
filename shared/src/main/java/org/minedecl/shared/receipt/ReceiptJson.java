package org.minedecl.shared.receipt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/** The one JSON form of a {@link Receipt}: UTF-8, ISO-8601 instants, fixed property order. */
public final class ReceiptJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReceiptJson() {
    }

    public static byte[] toBytes(Receipt receipt) {
        try {
            return MAPPER.writeValueAsBytes(receipt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("receipt not serializable", e);
        }
    }

    /** Reads a receipt; throws {@link IOException} when the bytes are not one. */
    public static Receipt fromBytes(byte[] json) throws IOException {
        return MAPPER.readValue(json, Receipt.class);
    }
}
