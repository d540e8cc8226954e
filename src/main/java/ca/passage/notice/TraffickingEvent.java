package ca.passage.notice;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.time.LocalDate;
import java.util.List;

/** One step of the trafficking: recruitment, transport, exploitation... with the countries crossed. */
public record TraffickingEvent(
        String type,
        LocalDate date,
        Location location,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "routeCountry")
        List<String> route) {

    public TraffickingEvent {
        route = Lists.copy(route);
    }
}
