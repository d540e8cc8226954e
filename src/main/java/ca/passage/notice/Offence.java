package ca.passage.notice;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.List;

/**
 * What happened, in the terms of the Criminal Code (ss. 279.01 to 279.03) and IRPA s. 118.
 */
public record Offence(
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "section")
        List<String> sections,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "exploitationType")
        List<ExploitationType> exploitationTypes,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "methodOfControl")
        List<String> methodsOfControl,
        String recruitment,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "onlinePlatform")
        List<String> onlinePlatforms,
        String modusOperandi,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "concealmentMethod")
        List<String> concealmentMethods) {

    public Offence {
        sections = Lists.copy(sections);
        exploitationTypes = Lists.copy(exploitationTypes);
        methodsOfControl = Lists.copy(methodsOfControl);
        onlinePlatforms = Lists.copy(onlinePlatforms);
        concealmentMethods = Lists.copy(concealmentMethods);
    }
}
