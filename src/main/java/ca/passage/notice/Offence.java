package ca.passage.notice;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.List;

/**
 * What happened, in the terms of the Criminal Code (ss. 279.01 to 279.03) and IRPA s. 118.
 */
public record Offence(
        @JacksonXmlElementWrapper(localName = "sections") @JacksonXmlProperty(localName = "section")
        List<String> sections,
        @JacksonXmlElementWrapper(localName = "exploitationTypes") @JacksonXmlProperty(localName = "type")
        List<ExploitationType> exploitationTypes,
        @JacksonXmlElementWrapper(localName = "methodsOfControl") @JacksonXmlProperty(localName = "method")
        List<String> methodsOfControl,
        String recruitment,
        @JacksonXmlElementWrapper(localName = "onlinePlatforms") @JacksonXmlProperty(localName = "platform")
        List<String> onlinePlatforms,
        String modusOperandi,
        @JacksonXmlElementWrapper(localName = "concealmentMethods") @JacksonXmlProperty(localName = "method")
        List<String> concealmentMethods) {

    public Offence {
        sections = Lists.copy(sections);
        exploitationTypes = Lists.copy(exploitationTypes);
        methodsOfControl = Lists.copy(methodsOfControl);
        onlinePlatforms = Lists.copy(onlinePlatforms);
        concealmentMethods = Lists.copy(concealmentMethods);
    }
}
