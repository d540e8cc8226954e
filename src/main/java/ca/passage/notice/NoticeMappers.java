package ca.passage.notice;

import ca.passage.xml.SecureXml;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import javax.xml.stream.XMLOutputFactory;

/** The one configuration of Jackson for notices in XML and JSON: hardened input, ISO dates, empty fields omitted. */
public final class NoticeMappers {

    private NoticeMappers() {
    }

    public static XmlMapper xml() {
        XmlFactory factory = XmlFactory.builder()
                .xmlInputFactory(SecureXml.xmlInputFactory())
                .xmlOutputFactory(XMLOutputFactory.newFactory())
                .build();
        XmlMapper mapper = new XmlMapper(factory);
        configure(mapper);
        return mapper;
    }

    public static JsonMapper json() {
        JsonMapper mapper = new JsonMapper();
        configure(mapper);
        return mapper;
    }

    private static void configure(ObjectMapper mapper) {
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
    }
}
